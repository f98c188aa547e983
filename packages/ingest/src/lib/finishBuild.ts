/**
 * Everything a build does after extraction, in file order: each file's source record (authority granted by
 * sources.yaml, guide version checked against the catalog) and facts, the corpus-level settling of ambiguous
 * domain lists, the sort, core's reconcile, the schema check and the write. Apart from planning and extraction
 * because it runs the same whether a file was extracted here, in a worker or came from the cache.
 */
import {
  compareStrings,
  type Dataset,
  DatasetSchema,
  type Fact,
  type Problem,
  reconcile,
  type Source,
} from '@certplan/core';
import { z } from 'zod';
import type { BuildResult } from './buildDataset.ts';
import type { CachedExtraction } from './cache.ts';
import type { ExtractOutcome } from './extractTask.ts';
import { FactCollector } from './FactCollector.ts';
import { grantAuthority } from './grantAuthority.ts';
import type { BuildPlan } from './planBuild.ts';
import { sha256Hex, sourceIdOf } from './sourceIdOf.ts';
import { writeDataset } from './writeDataset.ts';
import { type SourceEntry, unknownGuide } from './yamlConfig.ts';

/** A domain's position in its list, so facts sharing one quote (a prose list) keep the source's order. */
const orderOf = (fact: Fact) => (fact.attribute === 'domain' ? (fact.value.order ?? 0) : 0);

/** Everything after extraction; `outcomes` line up with `plan.planned` (null where cached or unreadable). */
export function finishBuild(
  plan: BuildPlan,
  outcomes: ReadonlyArray<ExtractOutcome | null>,
  workers: number,
  extractedInWorkers: number,
): BuildResult {
  const { options, catalog, entries, sourcesText, reviews, cache } = plan;
  const entryByFile = new Map(entries.map((e) => [e.file, e]));
  const unknownGuideOf = unknownGuide(catalog);
  let cacheHits = 0;

  const sources: Source[] = [];
  const collector = new FactCollector();
  // A registered source that is missing could not be read: same treatment as an unreadable file.
  const unreadable: Problem[] = missingSources(entries, plan.rawFiles, sourcesText);
  const problems: Problem[] = [];

  const usedIds = new Set<string>();
  plan.planned.forEach((planned, index) => {
    const { file } = planned;
    const entry = entryByFile.get(file);
    if (planned.readError !== undefined) {
      unreadable.push({
        file,
        line: null,
        column: null,
        ruleId: planned.readRule,
        message: planned.readError,
        fatal: true,
      });
      return;
    }
    let extracted = planned.cached;
    if (extracted) cacheHits++;
    else {
      const outcome = outcomes[index];
      if (!outcome) throw new Error(`internal error: ${file} was neither cached nor extracted`);
      if (outcome.kind === 'unreadable') {
        unreadable.push(outcome.problem);
        return;
      }
      extracted = outcome.extraction;
      // Bytes that changed between planning and extraction belong to another key: not cached under this one.
      if (outcome.bytesHash === planned.task.bytesHash) cache?.set(planned.key, extracted);
    }
    const authority = authorityOf(file, entry, extracted);
    const { guide, guideProblems } = guideOf(file, entry, extracted, unknownGuideOf);
    problems.push(...extracted.messages, ...guideProblems);

    let id = sourceIdOf(file);
    while (usedIds.has(id)) id = `${id}-${sha256Hex(file).slice(0, 4)}`;
    usedIds.add(id);
    sources.push({
      id,
      file,
      format: extracted.format,
      url: entry?.url ?? extracted.metadata.url ?? null,
      title: entry?.title ?? extracted.metadata.title ?? null,
      published: entry?.published ?? extracted.metadata.published ?? null,
      modified: extracted.metadata.modified ?? null,
      authority,
      ...(guide === undefined ? {} : { guide }),
      text: extracted.text,
    });
    // A third-party article saying a figure is not published is kept at its authority: core weighs it against
    // any stated figure (a conflict for a reviewer), as it weighs every other statement.
    collector.addSource(id, extracted.text, extracted.facts);
    for (const list of extracted.pendingDomainLists ?? []) collector.deferDomainList(list, id, file, extracted.text);
  });
  collector.settlePendingDomainLists(problems);
  cache?.flush();

  const facts = collector.facts;
  sources.sort((a, b) => compareStrings(a.id, b.id));
  facts.sort(
    (a, b) =>
      compareStrings(a.exam, b.exam) ||
      compareStrings(a.attribute, b.attribute) ||
      compareStrings(a.source, b.source) ||
      a.start - b.start ||
      orderOf(a) - orderOf(b) ||
      compareStrings(a.id, b.id),
  );
  // Severity is judged at the build date: a retired exam's conflicts are low (the API re-judges at its today).
  const asOf = (options.now ?? new Date()).toISOString().slice(0, 10);
  const { claims, conflicts, staleReviews } = reconcile({ exams: catalog.exams, sources, facts, reviews, asOf });
  const dataset: Dataset = {
    exams: [...catalog.exams].sort((a, b) => compareStrings(a.id, b.id)),
    sources,
    facts,
    claims,
    conflicts,
    staleReviews,
    ...(options.keepGoing && unreadable.length > 0 ? { unreadable } : {}),
  };
  const checked = DatasetSchema.safeParse(dataset);
  if (!checked.success) {
    throw new Error(`internal error: dataset does not match the schema: ${z.prettifyError(checked.error)}`);
  }
  const written = unreadable.length === 0 || options.keepGoing === true;
  if (written) writeDataset(options.outDir, dataset);
  return { dataset, written, unreadable, problems, staleReviews, cacheHits, workers, extractedInWorkers };
}

/** Entries of sources.yaml whose file is not under raw/, each placed at its own `file:` line. */
function missingSources(entries: readonly SourceEntry[], files: readonly string[], sourcesText: string): Problem[] {
  const missing: Problem[] = [];
  const sourceLines = sourcesText.split('\n');
  for (const entry of entries) {
    if (!files.includes(entry.file)) {
      // The entry's own `file:` line, not any line that merely contains the name ("a.md" is in "data.md").
      const quoted = entry.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const own = new RegExp(`^\\s*(?:-\\s+)?file:\\s*(['"]?)${quoted}\\1\\s*(?:#.*)?$`);
      const exact = sourceLines.findIndex((l) => own.test(l.replace(/\r$/, '')));
      const index = exact >= 0 ? exact : sourceLines.findIndex((l) => l.includes(entry.file));
      missing.push({
        file: entry.file,
        line: index >= 0 ? index + 1 : null,
        column: index >= 0 ? (sourceLines[index] as string).indexOf(entry.file) + 1 : null,
        ruleId: 'certplan:missing-source',
        message: `registered in sources.yaml but not found under raw/`,
        fatal: true,
      });
    }
  }
  return missing;
}

/**
 * The authority `file` gets (grantAuthority); an unregistered file, or one whose own authority was not applied
 * as asked, gets a message in its extraction's messages saying what was applied.
 */
function authorityOf(file: string, entry: SourceEntry | undefined, extracted: CachedExtraction) {
  const { authority, note } = grantAuthority(entry?.authority, extracted.metadata.authority);
  if (!entry) {
    extracted.messages.push({
      file,
      line: null,
      column: null,
      ruleId: 'certplan:unregistered-source',
      message: `not registered in sources.yaml; ingested with defaults (authority: ${authority}${note ? `; ${note}` : ''})`,
      fatal: false,
    });
  } else if (note) {
    extracted.messages.push({
      file,
      line: null,
      column: null,
      ruleId: 'certplan:authority',
      message: `authority: ${authority} (${note})`,
      fatal: false,
    });
  }
  return authority;
}

/**
 * sources.yaml's `guide` (checked when it was read), else the file's own, checked the same way: a version the
 * catalog does not list is reported at its place and ignored, as any bad front matter field is.
 */
function guideOf(
  file: string,
  entry: SourceEntry | undefined,
  extracted: CachedExtraction,
  unknownGuideOf: (guide: string) => string | null,
): { guide: string | undefined; guideProblems: Problem[] } {
  let guide = entry?.guide;
  const guideProblems: Problem[] = [];
  if (guide === undefined && extracted.metadata.guide !== undefined) {
    const message = unknownGuideOf(extracted.metadata.guide);
    if (message === null) guide = extracted.metadata.guide;
    else {
      // Into the build's problems, not the extraction (which the cache may keep): reported once per build.
      guideProblems.push({
        file,
        line: extracted.metadata.guidePlace?.line ?? null,
        column: extracted.metadata.guidePlace?.column ?? null,
        ruleId: 'certplan:front-matter',
        message: `${message}; ignored`,
        fatal: false,
      });
    }
  }
  return { guide, guideProblems };
}
