/**
 * `pnpm ingest [--content DIR] [--out DIR] [--keep-going] [--no-cache] [--verbose] [--time-budget SECONDS]`:
 * builds content/dataset/dataset.json and prints a summary (see `usage`). Exit codes: 0 built; 1 a source could
 * not be read (dataset untouched unless --keep-going); 2 bad arguments or a configuration error (catalog, registry
 * or reviews malformed; nothing written).
 */
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { compareStrings, type Problem } from '@certplan/core';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { type BuildResult, buildDatasetAsync, DEFAULT_TIME_BUDGET_MS } from './lib/buildDataset.ts';
import { type CliOutput, parseCliArgs, processOutput } from './lib/parseCliArgs.ts';

const usage = `Usage: pnpm ingest [options]

Reads every source under <content>/raw, extracts its facts, reconciles them with the catalog and the reviewers'
decisions, and writes <content>/dataset/dataset.json (atomically; an unreadable source leaves the previous
dataset untouched).

Options:
  --content <dir>       the content directory (default: content)
  --out <dir>           where dataset.json goes (default: <content>/dataset)
  --keep-going          write the dataset even when a source could not be read
  --no-cache            extract every source again instead of reusing cached results
  --verbose             also report sources no exam could be attributed to
  --time-budget <s>     stop and report a file whose extraction takes longer (default ${DEFAULT_TIME_BUDGET_MS / 1000};
                        0 turns it off)
  -h, --help            this text

Exit codes: 0 built, 1 a source could not be read, 2 bad arguments or configuration (nothing written).
`;

/** A path as the user sees it: relative to where they ran the command (content/raw/x.md), absolute if outside. */
export function shownPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
}

/**
 * Problems name files relative to raw/; the report names them as the user sees them. A registered-but-missing
 * source is a problem in sources.yaml (the entry's line and column), not in a file that does not exist.
 */
export function toVFiles(problems: readonly Problem[], contentDir: string, cwd = process.cwd()): VFile[] {
  const byFile = new Map<string, VFile>();
  const rawDir = shownPath(join(contentDir, 'raw'), cwd);
  for (const p of problems) {
    const missing = p.ruleId === 'certplan:missing-source';
    const path = shownPath(missing ? join(contentDir, 'sources.yaml') : join(contentDir, 'raw', p.file), cwd);
    const reason = missing ? `registered source ${p.file} not found under ${rawDir}/` : p.message;
    let file = byFile.get(path);
    if (!file) {
      file = new VFile({ path });
      byFile.set(path, file);
    }
    const place = p.line !== null ? { line: p.line, column: p.column ?? 1 } : undefined;
    const message = file.message(reason, { place, ruleId: p.ruleId.replace(/^certplan:/, ''), source: 'certplan' });
    message.fatal = p.fatal
      ? true
      : p.ruleId === 'certplan:boilerplate' || p.ruleId === 'certplan:no-subject'
        ? null
        : false;
  }
  return [...byFile.values()];
}

export async function main(argv: string[], out: CliOutput = processOutput): Promise<number> {
  const parsed = parseCliArgs(
    argv,
    {
      content: { type: 'string', default: 'content' },
      out: { type: 'string' },
      'keep-going': { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      'time-budget': { type: 'string', default: String(DEFAULT_TIME_BUDGET_MS / 1000) },
    },
    usage,
    out,
  );
  const { values } = parsed;
  if (values === undefined) return parsed.exit;
  const contentDir = resolve(values.content);
  const outDir = resolve(values.out ?? `${contentDir}/dataset`);
  const budgetSeconds = Number(values['time-budget']);
  if (!Number.isFinite(budgetSeconds) || budgetSeconds < 0) {
    console.error(`ingest: --time-budget takes seconds (0 turns it off), not ${values['time-budget']}`);
    return 2;
  }
  let result: BuildResult;
  try {
    // Extraction runs in worker threads so a file over its time budget can be stopped (see timeBudgetMs).
    result = await buildDatasetAsync({
      contentDir,
      outDir,
      keepGoing: values['keep-going'],
      cache: !values['no-cache'],
      ...(budgetSeconds > 0 ? { timeBudgetMs: budgetSeconds * 1000 } : {}),
    });
  } catch (error) {
    // Configuration errors name content files by absolute path; show them as the user sees them, like the report.
    const message = (error as Error).message.split(`${contentDir}${sep}`).join(`${shownPath(contentDir)}/`);
    console.error(`ingest: ${message}`);
    console.error('ingest: nothing was written');
    return 2;
  }
  const { dataset, unreadable, problems, staleReviews } = result;
  const shown = values.verbose ? problems : problems.filter((p) => p.ruleId !== 'certplan:no-subject');
  const report = reporter(toVFiles([...unreadable, ...shown], contentDir), { quiet: !values.verbose });
  if (report) console.error(report);

  const perAttribute = new Map<string, number>();
  for (const fact of dataset.facts) perAttribute.set(fact.attribute, (perAttribute.get(fact.attribute) ?? 0) + 1);
  console.log(
    `sources: ${dataset.sources.length} read, ${unreadable.length} unreadable (cache hits: ${result.cacheHits})`,
  );
  if (budgetSeconds > 0 && result.extractedInWorkers > 0)
    console.log(`extraction: ${result.extractedInWorkers} file(s) in workers, each within a ${budgetSeconds} s budget`);
  console.log(`facts: ${dataset.facts.length}`);
  for (const [attribute, count] of [...perAttribute].sort((a, b) => compareStrings(a[0], b[0]))) {
    console.log(`  ${attribute.padEnd(16)} ${count}`);
  }
  const reviewed = dataset.conflicts.filter((conflict) => conflict.review !== null).length;
  console.log(
    `claims: ${dataset.claims.length}, conflicts: ${dataset.conflicts.length} (${dataset.conflicts.length - reviewed} open, ${reviewed} reviewed)`,
  );
  const warnings = problems.filter((p) => p.ruleId !== 'certplan:no-subject' && p.ruleId !== 'certplan:boilerplate');
  console.log(`problems: ${unreadable.length} unreadable, ${warnings.length} warnings`);
  for (const stale of staleReviews) {
    console.log(`stale review for conflict ${stale.review.conflict}: ${stale.reason}`);
  }
  if (result.written) console.log(`wrote ${outDir}/dataset.json`);
  else
    console.error(
      `ingest: ${unreadable.length} source(s) unreadable; previous dataset left untouched (use --keep-going to write anyway)`,
    );
  return unreadable.length > 0 ? 1 : 0;
}

// Runs only as the entry script, so tests can import `main`.
if (process.argv[1] && /cli\.ts$/.test(process.argv[1])) process.exitCode = await main(process.argv.slice(2));
