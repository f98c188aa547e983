/** Builds the web app with its own vite config into a temporary folder, so the e2e tests what the source says. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const webRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

export async function buildWebApp(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'certplan-e2e-web-'));
  await build({
    root: webRoot,
    configFile: join(webRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
