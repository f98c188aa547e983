/**
 * `pnpm bench`: every benchmark of certplan in one run: ingest scaling and its floor, incremental rebuild,
 * API throughput against a trivial route of the same server, the planner in process, and the web app's
 * weight and time-to-plan. Prints a table (figure, value, target, pass/fail) and writes bench/results.json.
 *
 * Options: --only ingest,hostile,planner,api,web   --quick (small corpora, short loads)   --no-build (skip turbo build)
 * A section whose dependency is not built is skipped with the reason; the run never takes more than
 * ten minutes (each job has its own time bound).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { repoRoot } from './lib/childJob.ts';
import { renderTable, type SectionResult } from './lib/figures.ts';
import { benchApi } from './sections/api.ts';
import { benchHostile } from './sections/hostile.ts';
import { benchIngest } from './sections/ingest.ts';
import { benchPlanner } from './sections/planner.ts';
import { benchWeb } from './sections/web.ts';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const onlyIndex = argv.indexOf('--only');
const only = onlyIndex >= 0 ? new Set((argv[onlyIndex + 1] ?? '').split(',')) : null;
const wanted = (name: string) => !only || only.has(name);

const started = Date.now();
const log = (message: string) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

if (!argv.includes('--no-build')) {
  // What `pnpm start` builds: the dataset, generated code and the web app (turbo caches what is up to date).
  log('building (turbo run build) …');
  try {
    // turbo resolves the package manager on PATH once, then runs it in each package's directory: a relative
    // PATH entry such as ./node_modules/.bin would then point nowhere (ENOENT), so only absolute ones go.
    const path = (process.env.PATH ?? '').split(delimiter).filter((dir) => isAbsolute(dir));
    execFileSync(join(repoRoot, 'node_modules/.bin/turbo'), ['run', 'build', '--output-logs=errors-only'], {
      cwd: repoRoot,
      stdio: 'inherit',
      timeout: 240_000,
      env: { ...process.env, PATH: path.join(delimiter) },
    });
  } catch (error) {
    log(`build failed (${(error as Error).message.split('\n')[0]}); sections that need it will be skipped`);
  }
}

const sections: [string, () => Promise<SectionResult>][] = [
  [
    'ingest',
    () =>
      benchIngest({
        sizes: quick ? [50, 100] : [100, 200, 400, 800],
        repeats: quick ? 1 : 2,
        timeoutMs: 180_000,
        budgetMs: 200_000,
      }),
  ],
  ['hostile', () => benchHostile({ sizes: quick ? [20_000, 80_000] : [25_000, 99_000] })],
  ['planner', () => benchPlanner({ seconds: quick ? 1 : 3 })],
  ['api', () => benchApi({ seconds: quick ? 2 : 5, rounds: 2, connections: 50 })],
  ['web', () => benchWeb({ iterations: quick ? 3 : 9 })],
];

const results: SectionResult[] = [];
for (const [name, run] of sections) {
  if (!wanted(name)) continue;
  log(`${name} …`);
  try {
    results.push(await run());
  } catch (error) {
    results.push({ section: name, skipped: `crashed: ${(error as Error).message.split('\n')[0]}`, figures: [] });
  }
  const last = results[results.length - 1]!;
  log(`${name} ${last.skipped ? `skipped: ${last.skipped}` : 'done'}`);
}

const machine = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  memoryGB: Math.round(totalmem() / 2 ** 30),
  loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2))),
};
const table = renderTable(results);
console.log(
  `\ncertplan bench, ${machine.date.slice(0, 16).replace('T', ' ')} UTC, Node ${machine.node}, ${machine.cpus}`,
);
console.log(
  `load average at end: ${machine.loadAverageAtEnd.join(' ')} (other work on the machine skews absolute figures; ratios hold better)\n`,
);
console.log(table);
const seconds = (Date.now() - started) / 1000;
console.log(`\n${seconds.toFixed(0)} s in all; results in bench/results.json`);
writeFileSync(
  join(repoRoot, 'bench/results.json'),
  `${JSON.stringify({ machine, seconds, quick, results }, null, 2)}\n`,
);
const failed = results.flatMap((r) => r.figures).filter((f) => f.pass === false);
if (failed.length)
  console.log(
    `${failed.length} figure(s) miss their target: ${failed.map((f) => `${f.section}: ${f.name}`).join('; ')}`,
  );
