/**
 * `pnpm sources`: every source of the dataset with what it contributes and how old it is, so a maintainer sees
 * what to refresh first. Per source: format, authority, published and modified dates, facts extracted, claims
 * it backs, claims it wins (backs while another source said something else), how many of the claims it backs
 * are stale (core's claimFreshness, threshold from content/freshness.yaml), and its age. `--json` prints the
 * same for scripts.
 *
 * Order: most stale claims backed first (refreshing that source can clear them), then the oldest (undated
 * counts as oldest), then the most claims backed, then by file.
 *
 * Exit codes: 0 printed; 1 the dataset could not be read; 2 bad arguments or a broken freshness.yaml.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type Authority,
  CertplanError,
  type Dataset,
  FRESHNESS_FILE,
  type FreshnessSettings,
  freshnessOfClaims,
  IsoDateSchema,
  newestSourceDate,
  parseFreshnessSettings,
  type SourceFormat,
  wholeMonthsBetween,
} from '@certplan/core';
import { type CliOutput, parseCliArgs, processOutput } from './lib/parseCliArgs.ts';
import { readDatasetFile } from './lib/readDatasetFile.ts';

const usage = `Usage: pnpm sources [options]

Lists every source with its format, authority, dates, the facts extracted from it, the claims it backs and
wins, how many of those are stale, and its age: the sources to refresh first come first.

Options:
  --json             machine-readable output
  --as-of <date>     judge ages and staleness as of this day (YYYY-MM-DD; default: today, UTC)
  --content <dir>    the content directory (default: content/ at the repository root)
  --dataset <file>   the dataset to read (default: <content>/dataset/dataset.json)
  -h, --help         this text
`;

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface SourceRow {
  id: string;
  /** Path under content/raw/. */
  file: string;
  title: string | null;
  url: string | null;
  format: SourceFormat;
  authority: Authority;
  published: string | null;
  modified: string | null;
  /** The newer of published and modified; null when undated. */
  newest: string | null;
  /** Whole months from `newest` to the as-of day; null when undated. */
  ageMonths: number | null;
  /** Facts extracted from the source. */
  facts: number;
  /** Claims that at least one of its facts supports. */
  backs: number;
  /** Of those, claims with dissent: it stands against another source's value. */
  wins: number;
  /** Of the claims it backs, those that are stale (see core's claimFreshness). */
  staleClaims: number;
}

export interface SourcesReport {
  asOf: string;
  thresholdMonths: number;
  sources: SourceRow[];
}

/** One row per source of the dataset, in refresh order. Pure: the day and the threshold are passed in. */
export function viewSources(dataset: Dataset, options: { asOf: string; thresholdMonths: number }): SourcesReport {
  const freshness = freshnessOfClaims(dataset, options);
  const factSource = new Map(dataset.facts.map((fact) => [fact.id, fact.source]));
  const rows = new Map<string, SourceRow>();
  for (const source of dataset.sources) {
    const newest = newestSourceDate([source]);
    rows.set(source.id, {
      id: source.id,
      file: source.file,
      title: source.title,
      url: source.url,
      format: source.format,
      authority: source.authority,
      published: source.published,
      modified: source.modified,
      newest,
      ageMonths: newest === null ? null : wholeMonthsBetween(newest, options.asOf),
      facts: 0,
      backs: 0,
      wins: 0,
      staleClaims: 0,
    });
  }
  for (const fact of dataset.facts) {
    const row = rows.get(fact.source);
    if (row) row.facts++;
  }
  for (const claim of dataset.claims) {
    const backers = new Set(claim.factIds.flatMap((id) => factSource.get(id) ?? []));
    for (const id of backers) {
      const row = rows.get(id);
      if (!row) continue;
      row.backs++;
      if (claim.dissentingFactIds.length > 0) row.wins++;
      if (freshness.get(claim.id)?.stale) row.staleClaims++;
    }
  }
  const age = (row: SourceRow) => row.ageMonths ?? Number.POSITIVE_INFINITY;
  const sources = [...rows.values()].sort(
    (a, b) =>
      b.staleClaims - a.staleClaims ||
      age(b) - age(a) ||
      b.backs - a.backs ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
  );
  return { asOf: options.asOf, thresholdMonths: options.thresholdMonths, sources };
}

function formatAge(months: number | null): string {
  if (months === null) return 'undated';
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return `${rest} mo`;
  return rest === 0 ? `${years} y` : `${years} y ${rest} mo`;
}

const columns: { title: string; cell: (row: SourceRow) => string; right?: boolean }[] = [
  { title: 'age', cell: (row) => formatAge(row.ageMonths) },
  { title: 'stale', cell: (row) => String(row.staleClaims), right: true },
  { title: 'backs', cell: (row) => String(row.backs), right: true },
  { title: 'wins', cell: (row) => String(row.wins), right: true },
  { title: 'facts', cell: (row) => String(row.facts), right: true },
  { title: 'authority', cell: (row) => row.authority },
  { title: 'format', cell: (row) => row.format },
  { title: 'published', cell: (row) => row.published ?? '-' },
  { title: 'modified', cell: (row) => row.modified ?? '-' },
  { title: 'source', cell: (row) => row.file },
];

/** Plain text: one aligned row per source, then what the columns mean. */
export function formatSources(report: SourcesReport): string {
  const table = [columns.map((c) => c.title), ...report.sources.map((row) => columns.map((c) => c.cell(row)))];
  const widths = columns.map((_, i) => Math.max(...table.map((cells) => cells[i]!.length)));
  const lines = table.map((cells) =>
    cells
      .map((cell, i) => (columns[i]!.right ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
  const stale = report.sources.filter((row) => row.staleClaims > 0).length;
  return `${[
    ...lines,
    '',
    `${report.sources.length} source${report.sources.length === 1 ? '' : 's'} as of ${report.asOf}; ${stale} back${stale === 1 ? 's' : ''} stale claims.`,
    `stale: claims it backs whose newest source is over ${report.thresholdMonths} months old (content/${FRESHNESS_FILE}),`,
    '  undated, or older than a newer exam guide or the exam’s retirement. backs: claims its facts support;',
    '  wins: of those, claims another source disputes. Sorted: most stale claims, oldest, most claims backed.',
  ].join('\n')}\n`;
}

export interface Io extends CliOutput {
  /** Today, YYYY-MM-DD (the default --as-of). */
  today: () => string;
}

const processIo: Io = {
  ...processOutput,
  today: () => new Date().toISOString().slice(0, 10),
};

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const parsed = parseCliArgs(
    argv,
    {
      json: { type: 'boolean' },
      'as-of': { type: 'string' },
      content: { type: 'string' },
      dataset: { type: 'string' },
    },
    usage,
    io,
  );
  const { values } = parsed;
  if (values === undefined) return parsed.exit;
  const asOf = values['as-of'] ?? io.today();
  if (!IsoDateSchema.safeParse(asOf).success || Number.isNaN(Date.parse(asOf))) {
    io.stderr(`--as-of must be a date as YYYY-MM-DD, got "${asOf}"\n`);
    return 2;
  }
  const contentDir = resolve(values.content ?? resolve(repoRoot, 'content'));
  const datasetFile = resolve(values.dataset ?? resolve(contentDir, 'dataset', 'dataset.json'));
  let settings: FreshnessSettings;
  try {
    const file = join(contentDir, FRESHNESS_FILE);
    // A missing freshness.yaml means the defaults.
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    settings = parseFreshnessSettings(text, file);
  } catch (error) {
    io.stderr(`pnpm sources: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  try {
    const dataset = await readDatasetFile(datasetFile, contentDir, io.stderr);
    const report = viewSources(dataset, { asOf, thresholdMonths: settings.thresholdMonths });
    io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatSources(report));
    return 0;
  } catch (error) {
    const message = error instanceof CertplanError || error instanceof Error ? error.message : String(error);
    io.stderr(`pnpm sources: ${message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
