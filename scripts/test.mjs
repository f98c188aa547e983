#!/usr/bin/env node
// The README's test command: lint (Biome, then ESLint's regex rules), then turbo's typecheck and test tasks across
// the workspace. vitest prints a summary per package; this sums them into one closing line ("test: N passed,
// N failed, N skipped") so a reader (or CI) sees the whole run's result at the end instead of scrolling through
// each package's output.
import { spawn } from 'node:child_process';

function run(cmd, args, onLine) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    for (const [stream, out] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      let buffered = '';
      stream.on('data', (chunk) => {
        out.write(chunk);
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) onLine(line);
      });
      stream.on('end', () => buffered && onLine(buffered));
    }
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const totals = { passed: 0, failed: 0, skipped: 0 };
// vitest: " Tests  2 failed | 30 passed | 1 skipped (33)", possibly behind turbo's "pkg:test: " prefix.
const summary = /\bTests\s+((?:\d+ (?:passed|failed|skipped|todo)(?:\s*\|)?\s*)+)\(\d+\)/;
function collect(line) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strip ANSI colours before matching
  const match = summary.exec(line.replace(/\x1b\[[0-9;]*m/g, ''));
  if (!match) return;
  for (const part of match[1].matchAll(/(?<!\d)(\d+) (passed|failed|skipped|todo)/g)) {
    const kind = part[2] === 'todo' ? 'skipped' : part[2];
    totals[kind] += Number(part[1]);
  }
}

// Biome formats and lints; ESLint only checks regular expressions (eslint.config.js). Both must pass.
const biome = await run('biome', ['check', '.'], () => {});
const eslint = await run('eslint', ['.'], () => {});
const lint = biome !== 0 ? biome : eslint;
const tests = await run('turbo', ['run', 'typecheck', 'test', '--concurrency=2', ...process.argv.slice(2)], collect);
const failed = lint !== 0 || tests !== 0;
if (lint !== 0) console.error('lint failed: run `pnpm lint` (or `pnpm format`) to see and fix it');
if (tests !== 0 && totals.failed === 0) totals.failed = 1; // a typecheck or a crashed runner counts as a failure
console.log(`\ntest: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed ? 1 : 0);
