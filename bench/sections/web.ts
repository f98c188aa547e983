/**
 * Web: what the first page costs to download (gzip bytes of the JS and CSS that dist/index.html loads), and how
 * long a learner waits between pressing "Build plan" and seeing the plan, in headless Debian Chromium against
 * the real local server. The wait is measured inside the page (performance.now()) from the submit click to
 * the first animation frame after the plan's weeks are in the DOM, so browser start-up is not counted.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
// The launch flags and the browser lookup are the e2e tests' own: one place says how Chromium runs here.
import { chromiumArgs, findChromium } from '../../packages/web/e2e/findChromium.ts';
import { repoRoot } from '../lib/childJob.ts';
import { atMost, figure, type SectionResult } from '../lib/figures.ts';
import { startServer } from '../lib/server.ts';

const SECTION = 'web';
export const webDist = join(repoRoot, 'packages/web/dist');
const chromiumPath = findChromium();

/** Selectors of packages/web (PlanForm.tsx, ExamCard.tsx, PlanView.tsx). */
const selectors = {
  exam: (id: string) => `#exam-${id}`,
  hours: '#field-hoursPerWeek',
  startDate: '#field-startDate',
  examDate: '#field-examDate',
  submit: 'form.plan-form button[type="submit"]',
  planWeeks: 'section.plan .week-grid > *',
};

/**
 * Runs in the page: clicks submit and resolves with the milliseconds until the first animation frame after
 * the plan's weeks are in the DOM. Kept as source text, because tsx's helpers (`__name`) do not exist in the
 * browser when a compiled function is sent over.
 */
const measureSubmitToPlan = `({ submit, planWeeks }) =>
  new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('plan not drawn within 10 s')), 10000);
    let start = 0;
    const observer = new MutationObserver(() => {
      if (!document.querySelector(planWeeks)) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        clearTimeout(timeout);
        resolve(performance.now() - start);
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    start = performance.now();
    document.querySelector(submit).click();
  })`;

export function firstPageAssets(): { js: string[]; css: string[] } {
  const html = readFileSync(join(webDist, 'index.html'), 'utf8');
  const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
  const js = new Set<string>();
  const css = new Set<string>();
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    if (tag.startsWith('<script')) {
      const src = attr(tag, 'src');
      if (src) js.add(src);
    } else {
      const rel = attr(tag, 'rel');
      const href = attr(tag, 'href');
      if (!href) continue;
      if (rel === 'stylesheet') css.add(href);
      else if (rel === 'modulepreload') js.add(href);
    }
  }
  const local = (p: string) => !/^https?:/.test(p);
  return { js: [...js].filter(local), css: [...css].filter(local) };
}

function gzipBytes(files: string[]): number {
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(webDist, f.replace(/^\//, '')))).length, 0);
}

export async function benchWeb(options: { iterations: number }): Promise<SectionResult> {
  if (!existsSync(join(webDist, 'index.html'))) {
    return { section: SECTION, skipped: 'packages/web/dist/index.html missing (build the web app first)', figures: [] };
  }
  const assets = firstPageAssets();
  const figures = [
    figure(
      SECTION,
      'first-page JS (gzip)',
      gzipBytes(assets.js) / 1024,
      'KB',
      atMost(60, ' KB'),
      `${assets.js.length} file(s)`,
    ),
    figure(
      SECTION,
      'first-page CSS (gzip)',
      gzipBytes(assets.css) / 1024,
      'KB',
      undefined,
      `${assets.css.length} file(s)`,
    ),
  ];
  if (!chromiumPath) {
    figures.push(
      figure(
        SECTION,
        'submit → plan drawn',
        null,
        'ms',
        atMost(100, ' ms'),
        `no browser at ${process.env.CHROMIUM_PATH || '/usr/bin/chromium'}`,
      ),
    );
    return { section: SECTION, figures, details: { assets } };
  }
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer();
  } catch (error) {
    figures.push(figure(SECTION, 'submit → plan drawn', null, 'ms', atMost(100, ' ms'), 'server not available'));
    return { section: SECTION, figures, details: { assets, error: (error as Error).message } };
  }
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(join(tmpdir(), 'certplan-bench-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    const today = new Date();
    const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const samples: number[] = [];
    // One warm-up round (browser caches, JIT), then the measured ones.
    for (let i = 0; i <= options.iterations; i++) {
      await page.goto(`${server.url}/`, { waitUntil: 'load' });
      await page.locator(selectors.exam('gcp-pmle')).check();
      await page.locator(selectors.hours).fill(String(6 + (i % 5)));
      await page.locator(selectors.startDate).fill(day(1));
      await page.locator(selectors.examDate).fill(day(1 + 12 * 7));
      const elapsed = (await page.evaluate(
        `(${measureSubmitToPlan})(${JSON.stringify({ submit: selectors.submit, planWeeks: selectors.planWeeks })})`,
      )) as number;
      if (i > 0) samples.push(elapsed);
    }
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)]!;
    figures.push(
      figure(SECTION, 'submit → plan drawn (median)', median, 'ms', atMost(100, ' ms'), `${samples.length} runs`),
      figure(SECTION, 'submit → plan drawn (worst)', samples[samples.length - 1]!, 'ms'),
    );
    return { section: SECTION, figures, details: { assets, samples } };
  } catch (error) {
    figures.push(
      figure(SECTION, 'submit → plan drawn', null, 'ms', atMost(100, ' ms'), (error as Error).message.split('\n')[0]),
    );
    return { section: SECTION, figures, details: { assets, error: (error as Error).message } };
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
    await server.stop();
  }
}
