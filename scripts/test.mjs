#!/usr/bin/env node
// The README's test command: lint (Biome, then ESLint's regex rules), then turbo's typecheck and test tasks across
// the workspace. vitest prints a summary per package; this sums them into one closing line ("test: N passed,
// N failed, N skipped") so a reader (or CI) sees the whole run's result at the end instead of scrolling through
// each package's output.
//
// turbo runs with --continue=always, so one failing task (say, ingest's dataset build) does not cut off the
// other packages' suites. Every workspace package with a `test` script is expected to report a vitest summary;
// a suite that never reported (cut off, crashed before its summary, not started) counts as one failure and is
// named, so "0 failed" can never hide a suite that did not run.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

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

/** Names of the workspace packages (packages/* and bench) that have a `test` script: the suites that must report. */
function expectedSuites() {
  const dirs = [
    ...readdirSync(join(root, 'packages'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(root, 'packages', entry.name)),
    join(root, 'bench'),
  ];
  const names = [];
  for (const dir of dirs) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (manifest.scripts?.test) names.push(manifest.name);
    } catch {
      // A directory without a package.json is not a workspace package.
    }
  }
  return names.sort();
}

const totals = { passed: 0, failed: 0, skipped: 0 };
/** Per suite (turbo's "pkg:test: " prefix): whether its vitest summary was seen, and its failed test files. */
const reported = new Map();
// vitest: " Tests  2 failed | 30 passed | 1 skipped (33)" and " Test Files  1 failed | 3 passed (4)", behind
// turbo's "@scope/pkg:test: " prefix. Linear: the counts are a bounded alternation without nested quantifiers.
const prefix = /^(\S+):test: /;
const testsLine = /\bTests {2}(\d+ (?:passed|failed|skipped|todo)(?: \| \d+ (?:passed|failed|skipped|todo))*) \(\d+\)/;
const filesLine =
  /\bTest Files {2}(\d+ (?:passed|failed|skipped|todo)(?: \| \d+ (?:passed|failed|skipped|todo))*) \(\d+\)/;
function countsOf(text) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const part of text.matchAll(/(?<!\d)(\d+) (passed|failed|skipped|todo)/g)) {
    counts[part[2] === 'todo' ? 'skipped' : part[2]] += Number(part[1]);
  }
  return counts;
}
function collect(rawLine) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strip ANSI colours before matching
  const line = rawLine.replace(/\x1b\[[0-9;]*m/g, '');
  const suite = prefix.exec(line)?.[1] ?? '(unprefixed)';
  const state = reported.get(suite) ?? { tests: null, failedFiles: 0 };
  const tests = testsLine.exec(line);
  if (tests) state.tests = countsOf(tests[1]);
  const files = filesLine.exec(line);
  if (files) state.failedFiles = countsOf(files[1]).failed;
  if (tests || files) reported.set(suite, state);
}

// Biome formats and lints; ESLint only checks regular expressions (eslint.config.js). Both must pass.
const biome = await run('biome', ['check', '.'], () => {});
const eslint = await run('eslint', ['.'], () => {});
const lint = biome !== 0 ? biome : eslint;
const tests = await run(
  'turbo',
  ['run', 'typecheck', 'test', '--concurrency=2', '--continue=always', ...process.argv.slice(2)],
  collect,
);

const missing = [];
for (const suite of expectedSuites()) {
  const state = reported.get(suite);
  if (!state?.tests) {
    // A suite that printed "Test Files 1 failed" but no "Tests" line crashed while loading: still a failure.
    missing.push(suite);
    totals.failed += Math.max(1, state?.failedFiles ?? 0);
    continue;
  }
  totals.passed += state.tests.passed;
  totals.skipped += state.tests.skipped;
  // A test file that failed to load has no failed tests in it; count the file itself.
  totals.failed += Math.max(state.tests.failed, state.failedFiles);
}
// Filtered runs (`pnpm test --filter x`) only expect what ran; an unfiltered run expects every package.
const filtered = process.argv.slice(2).some((arg) => arg.startsWith('--filter') || arg.startsWith('-F'));
const cutOff = filtered ? missing.filter((suite) => reported.has(suite)) : missing;
if (filtered) totals.failed -= missing.length - cutOff.length;

const failed = lint !== 0 || tests !== 0 || cutOff.length > 0;
if (lint !== 0) console.error('lint failed: run `pnpm lint` (or `pnpm format`) to see and fix it');
for (const suite of cutOff)
  console.error(`test: ${suite} reported no test summary (cut off or crashed): counted as failed`);
if (tests !== 0 && totals.failed === 0) totals.failed = 1; // a typecheck failure counts as a failure
console.log(`\ntest: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed ? 1 : 0);
