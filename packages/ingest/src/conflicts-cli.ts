/**
 * `pnpm conflicts`: the open conflicts of the dataset, with the disagreeing quotes side by side, their
 * sources and dates, and certplan's suggestion, so a maintainer can decide each one (in
 * content/reviews.yaml or through the API). `--json` prints the same for scripts.
 *
 * Reads content/dataset/dataset.json; when it is missing, builds it first with the ingest pipeline.
 * Exit codes: 0 printed; 1 the dataset could not be read; 2 bad arguments (an unknown --exam included).
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type Authority,
  type ClaimAttribute,
  type ClaimValue,
  type Conflict,
  type Dataset,
  type Fact,
  formatClaimValue,
  type Source,
} from '@certplan/core';
import { type CliOutput, parseCliArgs, processOutput } from './lib/parseCliArgs.ts';
import { readDatasetFile } from './lib/readDatasetFile.ts';
import { wrapWords as wrap } from './lib/wrapWords.ts';

const usage = `Usage: pnpm conflicts [options]

Prints the dataset's open conflicts: the disagreeing quotes side by side, their sources and dates, and
certplan's suggestion.

Options:
  --json             machine-readable output (all fields, quotes included)
  --all              include conflicts a reviewer already decided
  --exam <id>        only this exam (an id from content/exams.yaml; an unknown id exits 2)
  --content <dir>    the content directory (default: content/ at the repository root)
  --dataset <file>   the dataset to read (default: <content>/dataset/dataset.json)
  --width <columns>  width of the side-by-side view (default: the terminal's, else 120)
  -h, --help         this text
`;

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface ConflictSideView {
  /** The side's value; null for the side saying the figure is not published. */
  value: ClaimValue | null;
  label: string;
  suggested: boolean;
  facts: {
    id: string;
    source: string;
    sourceName: string;
    authority: Authority | null;
    date: string | null;
    url: string | null;
    file: string | null;
    line: number;
    quote: string;
  }[];
}

export interface ConflictView {
  id: string;
  exam: string;
  attribute: ClaimAttribute;
  key: string | null;
  severity: Conflict['severity'];
  factsDigest: string;
  suggestion: Conflict['suggestion'] & { label: string };
  review: Conflict['review'];
  sides: ConflictSideView[];
}

/** Joins a conflict with its facts and sources: everything a reviewer needs on one screen. */
export function viewConflicts(dataset: Dataset, options: { all?: boolean; exam?: string } = {}): ConflictView[] {
  const facts = new Map(dataset.facts.map((f) => [f.id, f]));
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  return dataset.conflicts
    .filter((c) => (options.all || c.review === null) && (!options.exam || c.exam === options.exam))
    .sort((a, b) => severityOrder(a) - severityOrder(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((conflict) => {
      const label = (value: ClaimValue) => formatClaimValue(conflict.attribute, value);
      // "Not published" weighed against the stated figures is a side of its own, first where it is suggested.
      const notPublished = conflict.notPublished;
      const stated: ConflictSideView[] = conflict.sides.map((side, index) => ({
        value: side.value,
        label: label(side.value),
        suggested: index === 0 && !notPublished?.suggested,
        facts: side.factIds.map((id) => factView(id, facts.get(id), sources)),
      }));
      const npSide: ConflictSideView[] = notPublished
        ? [
            {
              value: null,
              label: 'not published',
              suggested: notPublished.suggested,
              facts: notPublished.factIds.map((id) => factView(id, facts.get(id), sources)),
            },
          ]
        : [];
      // The conflict as the dataset has it, but with its fact ids replaced by the facts' views, side by side.
      const { factIds: _factIds, sides: _sides, notPublished: _notPublished, suggestion, ...rest } = conflict;
      return {
        ...rest,
        suggestion: { ...suggestion, label: notPublished?.suggested ? 'not published' : label(suggestion.value) },
        sides: notPublished?.suggested ? [...npSide, ...stated] : [...stated, ...npSide],
      };
    });
}

const severityOrder = (c: Conflict) => (c.severity === 'high' ? 0 : 1);

function factView(id: string, fact: Fact | undefined, sources: Map<string, Source>): ConflictSideView['facts'][number] {
  const source = fact ? sources.get(fact.source) : undefined;
  return {
    id,
    source: fact?.source ?? '?',
    sourceName: source ? sourceName(source) : (fact?.source ?? '(fact missing from the dataset)'),
    authority: source?.authority ?? null,
    date: source?.modified ?? source?.published ?? null,
    url: source?.url ?? null,
    file: source?.file ?? null,
    line: fact?.line ?? 0,
    quote: fact?.quote ?? '',
  };
}

function sourceName(source: Source): string {
  const host = source.url ? /^[a-z]+:\/\/([^/?#]+)/i.exec(source.url)?.[1] : undefined;
  return host ? host.replace(/^www\./, '') : (source.title ?? source.file);
}

const authorityWord: Record<Authority, string> = {
  official: 'official',
  editorial: 'editorial',
  secondary: 'third-party',
};

/** Plain text, the sides as columns. */
export function formatConflicts(views: readonly ConflictView[], width: number, staleCount = 0): string {
  const out: string[] = [];
  if (views.length === 0) out.push('No open conflicts.');
  for (const view of views) {
    out.push(
      `${view.severity === 'high' ? 'HIGH' : 'low '}  ${view.exam} · ${view.attribute}${view.key ? ` (${view.key})` : ''}`,
      `      conflict ${view.id}   factsDigest ${view.factsDigest}`,
    );
    if (view.review)
      out.push(
        `      decided by ${view.review.by} on ${view.review.at} (${view.review.decision}): ${view.review.note}`,
      );
    out.push('');
    out.push(...sideBySide(view.sides, width));
    out.push('', `  Suggestion: ${view.suggestion.label}`);
    for (const entry of view.suggestion.rationale)
      out.push(...wrap(`- ${entry.factor}: ${entry.text}`, width - 4, '    ', '      '));
    out.push('', '─'.repeat(Math.min(width, 120)), '');
  }
  const high = views.filter((v) => v.severity === 'high').length;
  out.push(`${views.length} conflict${views.length === 1 ? '' : 's'} (${high} high severity).`);
  if (staleCount > 0) out.push(`${staleCount} stale review${staleCount === 1 ? '' : 's'}: run pnpm ingest to see why.`);
  out.push(
    ...wrap(
      'Decide one in content/reviews.yaml (conflict, decision: accept|choose|custom, factId or value, note, by, at, factsDigest) or with PUT /api/conflicts/<id>/review.',
      width,
    ),
  );
  return `${out.join('\n')}\n`;
}

function sideBySide(sides: readonly ConflictSideView[], width: number): string[] {
  // Up to three columns fit a terminal; more sides continue in further rows of columns.
  const perRow = Math.max(1, Math.min(3, sides.length, Math.floor((width - 2) / 36)));
  const lines: string[] = [];
  for (let start = 0; start < sides.length; start += perRow) {
    const row = sides.slice(start, start + perRow);
    const columnWidth = Math.floor((width - 2 - 3 * (row.length - 1)) / row.length);
    const columns = row.map((side, i) => sideColumn(side, start + i, columnWidth));
    const height = Math.max(...columns.map((c) => c.length));
    for (let line = 0; line < height; line++) {
      lines.push(`  ${columns.map((c) => (c[line] ?? '').padEnd(columnWidth)).join(' │ ')}`.trimEnd());
    }
    if (start + perRow < sides.length) lines.push('');
  }
  return lines;
}

function sideColumn(side: ConflictSideView, index: number, width: number): string[] {
  const lines = wrap(
    `${String.fromCharCode(65 + (index % 26))}${side.suggested ? ' (suggested)' : ''}: ${side.label}`,
    width,
  );
  const bySource = new Map<string, ConflictSideView['facts']>();
  for (const fact of side.facts) bySource.set(fact.source, [...(bySource.get(fact.source) ?? []), fact]);
  for (const facts of bySource.values()) {
    const first = facts[0]!;
    lines.push('');
    lines.push(
      ...wrap(
        `${first.sourceName} · ${first.authority ? authorityWord[first.authority] : 'unregistered'} · ${first.date ?? 'undated'}`,
        width,
      ),
    );
    // Several facts read from one sentence (each domain of a prose list) share its quote: show it once.
    const byQuote = new Map<string, ConflictSideView['facts']>();
    for (const fact of facts) {
      const quote = fact.quote.replace(/\s+/g, ' ').trim();
      byQuote.set(quote, [...(byQuote.get(quote) ?? []), fact]);
    }
    for (const [quote, same] of byQuote) {
      const where = `${same[0]!.file ?? same[0]!.source}:${[...new Set(same.map((f) => f.line))].join(',')}`;
      const count = same.length > 1 ? ` · ${same.length} facts` : '';
      lines.push(...wrap(`“${quote}” (${where})${count}`, width, '  ', '  '));
    }
  }
  return lines;
}

export interface Io extends CliOutput {
  columns: number | undefined;
}

const processIo: Io = {
  ...processOutput,
  columns: process.stdout.columns,
};

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const parsed = parseCliArgs(
    argv,
    {
      json: { type: 'boolean' },
      all: { type: 'boolean' },
      exam: { type: 'string' },
      content: { type: 'string' },
      dataset: { type: 'string' },
      width: { type: 'string' },
    },
    usage,
    io,
  );
  const { values } = parsed;
  if (values === undefined) return parsed.exit;
  const contentDir = resolve(values.content ?? resolve(repoRoot, 'content'));
  const datasetFile = resolve(values.dataset ?? resolve(contentDir, 'dataset', 'dataset.json'));
  const width = values.width ? Number(values.width) : (io.columns ?? 120);
  if (!Number.isInteger(width) || width < 40) {
    io.stderr(`--width must be a whole number of at least 40, got ${values.width}\n`);
    return 2;
  }
  try {
    const dataset = await readDatasetFile(datasetFile, contentDir, io.stderr);
    if (values.exam !== undefined && !dataset.exams.some((e) => e.id === values.exam)) {
      const known = dataset.exams.map((e) => e.id).join(', ');
      io.stderr(`pnpm conflicts: unknown exam '${values.exam}'; known exams: ${known || '(none)'}\n`);
      return 2;
    }
    const views = viewConflicts(dataset, { all: values.all ?? false, ...(values.exam ? { exam: values.exam } : {}) });
    const staleReviews = dataset.staleReviews ?? [];
    if (values.json) {
      io.stdout(`${JSON.stringify({ conflicts: views, staleReviews }, null, 2)}\n`);
    } else {
      io.stdout(formatConflicts(views, width, staleReviews.length));
    }
    return 0;
  } catch (error) {
    io.stderr(`pnpm conflicts: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
