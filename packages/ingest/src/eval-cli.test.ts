import { describe, expect, it } from 'vitest';
import { main } from './eval-cli.ts';

describe('pnpm eval', () => {
  it('skips with a note, exit 0, when the gold set is absent', async () => {
    const lines: string[] = [];
    const code = await main(['--set', '/nonexistent/certplan-devset'], (l) => lines.push(l));
    expect(code).toBe(0);
    expect(lines).toMatchInlineSnapshot(`
      [
        "eval: no gold set at /nonexistent/certplan-devset (expected gold.json and raw/); skipped, nothing measured",
      ]
    `);
  });
});
