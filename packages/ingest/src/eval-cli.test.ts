import { describe, expect, it, vi } from 'vitest';
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

describe('pnpm eval: arguments', () => {
  it('prints its usage for --help, and refuses an unknown option with exit 2', async () => {
    const lines: string[] = [];
    expect(await main(['--help'], (l) => lines.push(l))).toBe(0);
    expect(lines[0]?.split('\n')[0]).toBe('Usage: pnpm eval [options]');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--sett', 'x'], () => {})).toBe(2);
      expect(String(stderr.mock.calls[0]?.[0]).split('\n')[0]).toMatchInlineSnapshot(`"Unknown option '--sett'"`);
    } finally {
      stderr.mockRestore();
    }
  });
});
