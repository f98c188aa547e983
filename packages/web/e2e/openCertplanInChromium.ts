/**
 * One end-to-end session: the web app built from this package, the real certplan server serving it (see
 * startCertplanServer.ts) and Debian's Chromium on a fresh profile (no cookies, storage or cache from an
 * earlier run), with the page's uncaught errors and Content-Security-Policy reports collected for the tests'
 * last checks. `close()` ends all of it; a session that fails halfway closes what it had opened.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildWebApp } from './buildWebApp.ts';
import { chromiumArgs, findChromium } from './findChromium.ts';
import { type CertplanServer, type ServerOptions, startCertplanServer } from './startCertplanServer.ts';

export interface ChromiumSession {
  server: CertplanServer;
  context: BrowserContext;
  page: Page;
  /** The built web app, for a second server over other content. */
  builtWeb: string;
  /** Uncaught errors of the page, in order. */
  pageErrors: string[];
  /** Console messages reporting a Content-Security-Policy violation. */
  cspViolations: string[];
  close(): Promise<void>;
}

export interface SessionOptions {
  /** What the server serves (the web app is built here). */
  server?: Omit<ServerOptions, 'webRoot'>;
  /** Default wait of every page action, in ms (default 10 000: every wait is for something on its way). */
  timeoutMs?: number;
  acceptDownloads?: boolean;
  /** Runs on the context before the page is taken: bindings and init scripts that must see every page load. */
  prepare?: (context: BrowserContext) => Promise<void>;
}

/** Where Chromium is, or null (the e2e files skip, and app.e2e.test.ts says so loudly). */
export const executablePath = findChromium();

export async function openCertplanInChromium(options: SessionOptions = {}): Promise<ChromiumSession> {
  if (!executablePath) throw new Error('no Chromium: skip the e2e tests with describe.skipIf(!executablePath)');
  const opened: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const step of opened.reverse()) await step();
  };
  try {
    const builtWeb = await buildWebApp();
    opened.push(() => rm(builtWeb, { recursive: true, force: true }));
    const server = await startCertplanServer({ ...options.server, webRoot: builtWeb });
    opened.push(() => server.stop());
    const profileDir = await mkdtemp(join(tmpdir(), 'certplan-e2e-profile-'));
    opened.push(() => rm(profileDir, { recursive: true, force: true }));
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: true,
      args: chromiumArgs,
      viewport: { width: 1280, height: 900 },
      ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
    });
    opened.push(() => context.close());
    await options.prepare?.(context);
    context.setDefaultTimeout(options.timeoutMs ?? 10_000);
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    const cspViolations: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    return { server, context, page, builtWeb, pageErrors, cspViolations, close };
  } catch (error) {
    await close();
    throw error;
  }
}
