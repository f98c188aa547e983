/**
 * Which exam-guide version a statement describes. Figures bound to a guide (domains and their weights,
 * objectives, question count, length) change when the vendor publishes a new version; a page about the older
 * version is not wrong, it is history. The exam's newest guide (the last of `exam.guides`, listed oldest first)
 * is the current one:
 *
 * - a source that declares its guide version (`guide` in sources.yaml or front matter) describes that version;
 * - otherwise a dated source (modified, else published) describes the current guide when it is dated on or after
 *   the day that guide took effect, and an older one when it is dated before;
 * - an undated source that declares nothing could describe either: its era is unknown.
 *
 * Used by reconcile: superseded statements that disagree with every other statement are set aside as history;
 * among the rest, a statement of the current guide outranks one of unknown era (the `version` factor).
 */
import type { ClaimAttribute, Exam, GuideVersion, RationaleEntry, Source } from '../schema/dataset.ts';
import type { Statement } from './groupComparableSets.ts';

/** Attributes whose figures belong to one version of an exam guide. */
export const versionBoundAttributes: ReadonlySet<ClaimAttribute> = new Set([
  'domains',
  'domain',
  'objective',
  'questions',
  'duration',
]);

/**
 * Figures that belong to a version only where a source declares an older version it describes: a beta exam has its
 * own price and may score differently, but a page's date alone says nothing about when a price changed (it does not
 * change with a guide), so a fee is never judged by its page's date, and never ranked up as the current guide's.
 */
export const declaredVersionAttributes: ReadonlySet<ClaimAttribute> = new Set([
  ...versionBoundAttributes,
  'fee',
  'passingScore',
]);

export type GuideEra =
  | { kind: 'current'; guide: GuideVersion; by: 'declared' | 'date' }
  | {
      kind: 'superseded';
      /** The version described: null for one older than every listed version (dated before the first). */
      guide: GuideVersion | null;
      current: GuideVersion;
      by: 'declared' | 'date';
      /** The source's date where the date decided. */
      date: string | null;
    }
  | { kind: 'unknown'; current: GuideVersion };

/** The exam's guide in force: the newest listed (guides are validated oldest first); null without guides. */
export function currentGuide(exam: Pick<Exam, 'guides'> | undefined): GuideVersion | null {
  const guides = exam?.guides ?? [];
  return guides[guides.length - 1] ?? null;
}

/**
 * The era of what `source` says about `exam`'s `attribute`; null where guide versions do not apply (an attribute
 * not bound to the guide, or an exam without guides).
 */
export function guideEraOf(
  exam: Pick<Exam, 'guides'> | undefined,
  attribute: ClaimAttribute,
  source: Pick<Source, 'guide' | 'published' | 'modified'> | undefined,
): GuideEra | null {
  const current = currentGuide(exam);
  if (!current || !declaredVersionAttributes.has(attribute)) return null;
  const guides = exam?.guides ?? [];
  // A declared version of this exam decides; a version this exam does not have (the source covers several
  // exams, each with its own guides) says nothing about it, so the date does.
  const declared = source?.guide === undefined ? undefined : guides.find((g) => g.version === source.guide);
  if (!versionBoundAttributes.has(attribute)) {
    // Only a declared older version sets such a figure aside; a declared current one ranks it no higher, as no
    // other source's fee could be shown to belong to an older version.
    return declared && declared.version !== current.version
      ? { kind: 'superseded', guide: declared, current, by: 'declared', date: null }
      : null;
  }
  if (declared) {
    return declared.version === current.version
      ? { kind: 'current', guide: current, by: 'declared' }
      : { kind: 'superseded', guide: declared, current, by: 'declared', date: null };
  }
  const date = source?.modified ?? source?.published ?? null;
  // A current version without a start date cannot place a dated page (the catalog check requires one).
  if (date === null || current.effective === null) return { kind: 'unknown', current };
  if (date >= current.effective) return { kind: 'current', guide: current, by: 'date' };
  // The newest version already in effect on the source's date; before the first listed one, none we list. An
  // oldest version whose start is not known was in force before the next one began.
  const older = [...guides].reverse().find((g) => g.effective === null || g.effective <= date) ?? null;
  return { kind: 'superseded', guide: older, current, by: 'date', date };
}

/**
 * Splits a comparable set's statements: those of a superseded guide version do not take part in the ranking
 * while any statement is not superseded (afterwards each backs the position it agrees with, or is history if it
 * agrees with none; see attachSupporters). Where every statement is superseded, all are ranked: they are all
 * there is.
 */
export function splitSuperseded(statements: readonly Statement[]): { ranked: Statement[]; superseded: Statement[] } {
  const superseded = statements.filter((s) => s.era?.kind === 'superseded');
  if (superseded.length === 0 || superseded.length === statements.length) {
    return { ranked: [...statements], superseded: [] };
  }
  return { ranked: statements.filter((s) => s.era?.kind !== 'superseded'), superseded };
}

const quoted = (label: string) => `“${label}”`;
const versionName = (guide: GuideVersion) => `${guide.version}, ${guide.effective ?? 'start date not known'}`;
/** When the current version took effect, for "superseded by June 2026 (in effect since 2026-06-01)". */
const since = (guide: GuideVersion) =>
  guide.effective === null ? 'in effect now' : `in effect since ${guide.effective}`;

/**
 * The rationale entry for one source's figures set aside as history: which older version the source describes
 * (declared, or by its date) and which version superseded it. `labels` are the figures, quoted.
 */
export function historyEntry(
  labels: readonly string[],
  sourceName: string,
  era: Extract<GuideEra, { kind: 'superseded' }>,
): RationaleEntry {
  const older = era.guide
    ? `an older guide version (${versionName(era.guide)})`
    : 'a guide version older than any listed';
  const why =
    era.by === 'declared'
      ? `${sourceName} describes ${older}`
      : `${sourceName} is dated ${era.date}, before the current guide took effect: it describes ${older}`;
  return {
    factor: 'version',
    text: `${labels.join(' and ')}: ${why}; superseded by ${era.current.version} (${since(era.current)}), so it is kept as history and not weighed.`,
  };
}

/**
 * The rationale entries for statements set aside as history, one per source: which older version each
 * describes and which version superseded it ("older guide version (October 2024, 2024-10-01); superseded by June
 * 2026 (June 2026, 2026-06-01)"). Where every statement predates the current guide, says that instead.
 */
export function explainHistory(
  live: readonly Statement[],
  history: readonly Statement[],
  name: (sourceId: string) => string,
): RationaleEntry[] {
  const entries: RationaleEntry[] = [];
  const bySource = new Map<string, Statement[]>();
  for (const statement of history) {
    const group = bySource.get(statement.source);
    if (group) group.push(statement);
    else bySource.set(statement.source, [statement]);
  }
  for (const [source, statements] of [...bySource].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const era = statements[0]!.era;
    if (era?.kind !== 'superseded') continue;
    const labels = [...new Set(statements.map((s) => s.comparable.summary ?? s.comparable.label))].map(quoted);
    entries.push(historyEntry(labels, name(source), era));
  }
  if (history.length === 0 && live.length > 0 && live.every((s) => s.era?.kind === 'superseded')) {
    const era = live[0]!.era as Extract<GuideEra, { kind: 'superseded' }>;
    entries.push({
      factor: 'version',
      text: `Every source of this figure predates the current guide (${era.current.version}, ${since(era.current)}); it may have changed with that version.`,
    });
  }
  return entries;
}

/**
 * The rationale entry for statements of a superseded version that agree with the claim: they back it without
 * having weighed in ("zircon.tech gives “85 questions” for an older guide version (beta, 2025-11-18): it backs
 * the claim, but did not count in the ranking").
 */
export function explainBackingHistory(
  supporters: readonly Statement[],
  name: (sourceId: string) => string,
): RationaleEntry[] {
  const backing = supporters.filter((s) => s.era?.kind === 'superseded');
  const bySource = new Map<string, Statement>();
  for (const statement of backing) if (!bySource.has(statement.source)) bySource.set(statement.source, statement);
  return [...bySource]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([source, statement]) => {
      const era = statement.era as Extract<GuideEra, { kind: 'superseded' }>;
      const older = era.guide
        ? `an older guide version (${versionName(era.guide)})`
        : 'a guide version older than any listed';
      return {
        factor: 'version' as const,
        text: `${name(source)} gives ${quoted(statement.comparable.summary ?? statement.comparable.label)} for ${older}: it agrees, but did not count in the ranking of the current figures.`,
      };
    });
}
