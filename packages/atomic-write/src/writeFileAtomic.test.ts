/**
 * Atomic replacement under SIGKILL: a child rewrites a file of a real dataset's size in a loop and is killed at
 * varying moments; every time, the file is one complete version, never a torn mix. Both entry points.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeStaleTemporaries } from './removeStaleTemporaries.ts';
import { writeFileAtomic, writeFileAtomicSync } from './writeFileAtomic.ts';

const child = fileURLToPath(new URL('../test/fixtures/crash/writeForever.ts', import.meta.url));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'certplan-atomic-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts the writer, waits for its first complete write, lets it run `delayMs` longer, then SIGKILLs it. */
function runAndKill(target: string, mode: 'async' | 'sync', delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, target, mode], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    proc.stdout.once('data', () => {
      setTimeout(() => proc.kill('SIGKILL'), delayMs);
    });
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`writer exited with ${code}: ${stderr}`));
    });
  });
}

// Two versions of the size of a real dataset.json, so a kill often lands mid-write.
function versionsFor(name: string): string[] {
  const body = (ch: string) => `${JSON.stringify({ name, fill: ch.repeat(2_000_000) })}\n`;
  return [body('a'), body('b')];
}

describe.each([
  ['writeFileAtomic', writeFileAtomic],
  ['writeFileAtomicSync', async (path: string, data: string) => writeFileAtomicSync(path, data)],
] as const)('%s', (name, write) => {
  it('replaces the content and leaves no temporary file', async () => {
    const target = join(dir, `${name}-plain.txt`);
    await writeFile(target, 'old');
    await write(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect((await readdir(dir)).filter((f) => f.includes(`${name}-plain.txt`))).toEqual([`${name}-plain.txt`]);
  });

  it('fails without creating anything when the directory is missing', async () => {
    await expect(write(join(dir, 'missing', 'x.txt'), 'x')).rejects.toThrow(/ENOENT/);
    expect((await readdir(dir)).includes('missing')).toBe(false);
  });
});

describe('a writer SIGKILLed mid-write', () => {
  it.each([
    ['async', 'reviews.yaml', 12],
    ['sync', 'dataset.json', 12],
  ] as const)(
    '(%s) leaves %s as the old or the new version, never a mix (%i kills)',
    async (mode, name, kills) => {
      const target = join(dir, name);
      const versions = versionsFor(name);
      await writeFile(`${target}.versions.json`, JSON.stringify(versions));
      await writeFile(target, versions[0]!);
      for (let kill = 0; kill < kills; kill += 1) {
        await runAndKill(target, mode, kill % 10);
        const content = await readFile(target, 'utf8');
        expect(versions.includes(content), `after kill ${kill}: ${content.length} bytes`).toBe(true);
      }
      // Killed writers may leave their temporary files; the sweep clears them and never touches the target.
      removeStaleTemporaries(target);
      expect((await readdir(dir)).filter((f) => f.startsWith(`.${name}.`))).toEqual([]);
      expect(versions.includes(await readFile(target, 'utf8'))).toBe(true);
    },
    120_000,
  );
});
