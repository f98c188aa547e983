/**
 * The regex lint is part of `pnpm lint` (eslint.config.js at the repository root, eslint-plugin-regexp). These
 * tests run that same configuration on small files of our own: a super-linear pattern must fail it, and the
 * rewritten forms used in ingest must pass, so the guarantee cannot silently lapse by a config edit.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function ruleIds(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}packages/ingest/src/lib/lintProbe.ts` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

// The first lint loads the TypeScript parser and the plugin (seconds on a busy machine); the rest are fast.
describe('pnpm lint: regular expressions', { timeout: 60_000 }, () => {
  it('fails on a pattern that backtracks exponentially (nested quantifiers over the same characters)', async () => {
    expect(await ruleIds('export const title = /^(?:[A-Z]\\w*\\s*|AI\\s*)*Engineer$/;\n')).toContain(
      'regexp/no-super-linear-backtracking',
    );
  });

  it('fails on a pattern that backtracks polynomially (two whitespace runs around an optional dash)', async () => {
    expect(await ruleIds('export const level = /^AWS\\s*-?\\s*Associate$/;\n')).toEqual([
      'regexp/no-super-linear-backtracking',
    ]);
  });

  it('fails on a pattern that moves quadratically when it is searched for (unanchored run before a word)', async () => {
    expect(await ruleIds('export const parts = (s: string) => s.split(/\\s+and\\s+/);\n')).toEqual([
      'regexp/no-super-linear-move',
    ]);
  });

  it('passes the linear rewrites of those patterns', async () => {
    const code = [
      'export const title = /^(?:(?:[A-Z][\\w/&-]*|of|and)\\s+)*Engineer$/;',
      'export const level = /^AWS\\s*(?:-\\s*)?Associate$/;',
      'export const parts = (s: string) => s.split(/(?<!\\s)\\s+and\\s+/);',
      '',
    ].join('\n');
    expect(await ruleIds(code)).toEqual([]);
  });
});
