import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './writeFileAtomic.ts';

const child = fileURLToPath(new URL('../test/atomicWriterChild.ts', import.meta.url));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'certplan-atomic-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts the writer, waits for its first complete write, lets it run a little longer, then SIGKILLs it. */
function runAndKill(target: string, modulePath: string, exportName: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, target, modulePath, exportName], {
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

// This package's writer (reviews.yaml) and ingest's (dataset.json), by their public entries. Ingest's entry
// takes ~3 s to load, so it gets fewer kills to keep the test bounded.
const writers: [name: string, module: string, exportName: string, kills: number][] = [
  ['reviews.yaml', fileURLToPath(new URL('./writeFileAtomic.ts', import.meta.url)), 'writeFileAtomic', 15],
  ['dataset.json', '@certplan/ingest', 'writeFileAtomic', 6],
];

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temporary file', async () => {
    const target = join(dir, 'plain.txt');
    await writeFile(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect((await readdir(dir)).filter((f) => f.includes('plain.txt'))).toEqual(['plain.txt']);
  });

  it('fails without touching the target when the directory is missing', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'x.txt'), 'x')).rejects.toThrow(/ENOENT/);
  });

  for (const [name, modulePath, exportName, kills] of writers) {
    it(`a writer SIGKILLed mid-write leaves ${name} as the old or the new version, never a mix (${kills} kills)`, async () => {
      const target = join(dir, name);
      const versions = versionsFor(name);
      await writeFile(`${target}.versions.json`, JSON.stringify(versions));
      await writeFile(target, versions[0]!);
      for (let kill = 0; kill < kills; kill += 1) {
        await runAndKill(target, modulePath, exportName, kill % 10);
        const content = await readFile(target, 'utf8');
        expect(versions.includes(content), `after kill ${kill}: ${content.length} bytes`).toBe(true);
      }
    }, 120_000);
  }
});
