import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseReviewersYaml, ReviewerRegistry } from '../src/lib/ReviewerRegistry.ts';
import { main } from './reviewers.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'certplan-reviewers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(...args: string[]) {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const code = await main([...args, '--content', dir]);
    return { code, stdout: log.mock.calls.join('\n'), stderr: error.mock.calls.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('pnpm reviewers', () => {
  it('adds a reviewer: prints the token once, stores only its hash; the token then identifies them', async () => {
    const ana = await run('add', 'ana');
    expect(ana.code).toBe(0);
    const token = ana.stdout.trim();
    expect(token).toMatch(/^[\w-]{43}$/);
    const text = await readFile(join(dir, 'reviewers.yaml'), 'utf8');
    expect(text).not.toContain(token);
    const entries = parseReviewersYaml(text);
    expect(entries.map((e) => e.name)).toEqual(['ana']);
    expect(new ReviewerRegistry(null, entries).identify(token)).toBe('ana');

    expect((await run('add', 'bo')).code).toBe(0);
    expect((await run('list')).stdout).toBe('ana\nbo');
    const taken = await run('add', 'ana');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/reviewers\[2\]\.name: "ana" is already taken/);
    expect((await run('add', 'reviewer')).code).toBe(1);
  });

  it('shows the saved generated token again, or says there is none', async () => {
    expect((await run('token')).code).toBe(1);
    await mkdir(join(dir, '.cache'));
    await writeFile(join(dir, '.cache', 'review-token'), 'saved-token\n');
    expect(await run('token')).toMatchObject({ code: 0, stdout: 'saved-token' });
  });

  it('refuses a reviewers.yaml entry that is not a name with a sha-256, saying where', () => {
    expect(() =>
      parseReviewersYaml('reviewers:\n  - name: ana\n    tokenSha256: abc\n', 'content/reviewers.yaml'),
    ).toThrowErrorMatchingInlineSnapshot(
      `[CertplanError: content/reviewers.yaml:2:5: reviewers[0].tokenSha256: expected the 64 hex digits of the token's sha-256]`,
    );
  });

  it('usage errors exit 2', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('add')).code).toBe(2);
    expect((await run('--bogus')).code).toBe(2);
  });
});
