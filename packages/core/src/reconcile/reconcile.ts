/**
 * Reconciliation: facts in, one claim per comparable set out, with disagreements flagged as conflicts and
 * reviewers' decisions applied. Pure and order-independent: the same facts, sources and reviews give the
 * same claims and conflicts whatever order they come in.
 */

import { compareStrings } from '../lib/compareStrings.ts';
import { canonicalJson, stableHash } from '../lib/stableHash.ts';
import {
  type Claim,
  type ClaimValue,
  type Conflict,
  claimValueSchemas,
  type DomainsValue,
  type Exam,
  type Fact,
  type RationaleEntry,
  type Review,
  type Source,
} from '../schema/dataset.ts';
import {
  type ComparableAttribute,
  comparableValue,
  complementaryAttributes,
  consistent,
  normalizeName,
} from './comparableValue.ts';
import { contestNotPublished } from './contestNotPublished.ts';
import { explainAgreement, explainRanking, explainReview, type SourceNamer, sourceNamer } from './explainRanking.ts';
import { type ComparableSet, groupComparableSets, type Statement } from './groupComparableSets.ts';
import { explainBackingHistory, explainHistory, guideEraOf, splitSuperseded } from './guideEras.ts';
import { attachSupporters, type Position, type Ranking, rankPositions } from './rankPositions.ts';

export interface ReconcileInput {
  exams: readonly Exam[];
  sources: readonly Source[];
  facts: readonly Fact[];
  reviews: readonly Review[];
  /**
   * The date (YYYY-MM-DD) severities are judged at: an exam whose retirement date (a `retirement` fact) is on
   * or before it is retired, and its conflicts can change no plan, so they are low. Omitted: no exam counts as
   * retired. Passed in (ingest: the build date; the API: today) because core reads no clock.
   */
  asOf?: string;
}

export interface StaleReview {
  review: Review;
  reason: string;
}

export interface ReconcileResult {
  /** Sorted by id. */
  claims: Claim[];
  /** Sorted by id. */
  conflicts: Conflict[];
  /** Reviews that were not applied, with the reason, sorted by conflict id. */
  staleReviews: StaleReview[];
}

/**
 * Disagreements that change a plan (weights, duration), a cost (fee) or whether someone may sit the exam
 * (experience, retirement) are high; the rest (salaries, wording, formats) are low.
 */
const highSeverity: ReadonlySet<ComparableAttribute> = new Set([
  'domains',
  'domain',
  'fee',
  'experience',
  'retirement',
  'duration',
]);

export function severityOf(attribute: ComparableAttribute, examRetired = false): Conflict['severity'] {
  // A retired exam can no longer be planned for: only a disagreement about the retirement itself (whether it
  // is retired yet) still matters as much.
  if (examRetired && attribute !== 'retirement') return 'low';
  return highSeverity.has(attribute) ? 'high' : 'low';
}

/** Exams with a stated retirement date on or before `asOf` (any source stating one counts). */
function retiredExams(facts: readonly Fact[], asOf: string | undefined): Set<string> {
  const retired = new Set<string>();
  if (asOf === undefined) return retired;
  for (const fact of facts) {
    if (fact.attribute !== 'retirement') continue;
    const date = (fact.value as { date?: unknown }).date;
    if (typeof date === 'string' && date <= asOf) retired.add(fact.exam);
  }
  return retired;
}

/** `exam.attribute[.key]`: readable in reviews.yaml and URLs, and stable while the set exists. */
export function claimIdOf(exam: string, attribute: ComparableAttribute, key: string | null): string {
  return key === null ? `${exam}.${attribute}` : `${exam}.${attribute}.${normalizeName(key).replace(/ /g, '-')}`;
}

/**
 * A conflict's id comes from its content: the set (exam, attribute, key) and the quotes in it. A re-parse
 * that moves facts around keeps it; a source that adds nothing to the set cannot change it; a new or changed
 * quote in the set makes it a different conflict, which a reviewer has to look at again.
 */
export function conflictIdOf(
  exam: string,
  attribute: ComparableAttribute,
  key: string | null,
  facts: readonly Pick<Fact, 'quote'>[],
): string {
  const quotes = [...new Set(facts.map((f) => f.quote))].sort(compareStrings);
  return `${claimIdOf(exam, attribute, key)}.${stableHash(canonicalJson({ exam, attribute, key, quotes })).slice(0, 12)}`;
}

/**
 * What a review was about: each fact's source, quote and parsed value. If any of them changes (say the
 * extractor now reads a different weight from the same quote) the review is stale.
 */
export function factsDigestOf(facts: readonly Pick<Fact, 'source' | 'quote' | 'value'>[]): string {
  const entries = facts.map((f) => canonicalJson({ source: f.source, quote: f.quote, value: f.value }));
  return stableHash(JSON.stringify([...new Set(entries)].sort(compareStrings)));
}

export function reconcile(input: ReconcileInput): ReconcileResult {
  const name = sourceNamer(input.sources);
  const sets = groupComparableSets(input.facts, input.sources);
  const retired = retiredExams(input.facts, input.asOf);
  const examById = new Map(input.exams.map((exam) => [exam.id, exam]));
  const sourceById = new Map(input.sources.map((source) => [source.id, source]));
  const { accepted, superseded } = latestReviewPerConflict(input.reviews);
  const used = new Set<string>();
  const staleReviews: StaleReview[] = [...superseded];
  const claims: Claim[] = [];
  const conflicts: Conflict[] = [];

  for (const set of sets) {
    const id = claimIdOf(set.exam, set.attribute, set.key);
    if (complementaryAttributes.has(set.attribute)) {
      claims.push(mergeComplementary(id, set, name));
      continue;
    }
    const exam = examById.get(set.exam);
    for (const statement of set.statements) {
      statement.era = guideEraOf(exam, set.attribute, sourceById.get(statement.source));
    }
    // Figures of a superseded guide version do not compete with the current ones: history, not dissent.
    const { ranked, superseded } = splitSuperseded(set.statements);
    const ranking = rankPositions(ranked);
    // A superseded statement agreeing with a current one backs it without weighing in; the rest are history.
    const history = attachSupporters(ranking, superseded);
    const historyNote = [
      ...explainHistory(ranked, history, name),
      ...explainBackingHistory(
        ranking.positions.flatMap((p) => p.supporters),
        name,
      ),
    ];
    const historyFactIds = [...new Set(history.flatMap((s) => s.facts.map((f) => f.id)))];
    const withHistory = historyFactIds.length > 0 ? { historyFactIds } : {};
    const [winner] = ranking.positions;
    if (!winner) continue;
    if (ranking.positions.length === 1) {
      claims.push({
        id,
        exam: set.exam,
        attribute: set.attribute,
        key: set.key,
        value: winner.value,
        status: 'agreed',
        factIds: winner.facts.map((f) => f.id),
        dissentingFactIds: [],
        rationale: [...explainAgreement(set.attribute, winner, name), ...historyNote],
        conflictId: null,
        ...withHistory,
      } as Claim);
      continue;
    }

    const facts = ranking.positions.flatMap((p) => p.facts);
    const conflictId = conflictIdOf(set.exam, set.attribute, set.key, facts);
    const factsDigest = factsDigestOf(facts);
    const suggestion = { value: winner.value, rationale: explainRanking(set.attribute, ranking, name) };
    const review = accepted.get(conflictId);
    let applied: { value: ClaimValue; rationale: RationaleEntry[] } | null = null;
    if (review) {
      used.add(conflictId);
      const outcome = applyReview(review, set, ranking, factsDigest, name);
      if ('reason' in outcome) staleReviews.push({ review, reason: outcome.reason });
      else applied = outcome;
    }
    conflicts.push({
      id: conflictId,
      exam: set.exam,
      attribute: set.attribute,
      key: set.key,
      factIds: [...new Set(facts.map((f) => f.id))],
      severity: severityOf(set.attribute, retired.has(set.exam)),
      suggestion,
      review: applied ? review! : null,
      factsDigest,
      sides: ranking.positions.map((p) => ({ value: p.value, factIds: p.facts.map((f) => f.id) })),
    } as Conflict);
    const value = applied ? applied.value : winner.value;
    const [support, dissent] = splitBy(ranking.positions, set.attribute, value);
    claims.push({
      id,
      exam: set.exam,
      attribute: set.attribute,
      key: set.key,
      value,
      status: applied ? 'reviewed' : ranking.decidedBy ? 'policy' : 'contested',
      factIds: support,
      dissentingFactIds: dissent,
      rationale: [...(applied ? applied.rationale : suggestion.rationale), ...historyNote],
      conflictId,
      ...withHistory,
    } as Claim);
  }

  // "Not published" and a stated figure sit in two sets: weighed against each other here, as one conflict.
  const contested = contestNotPublished({
    claims,
    conflicts,
    facts: new Map(input.facts.map((f) => [f.id, f])),
    sources: sourceById,
    name,
    reviews: accepted,
    used,
    severity: (exam, attribute) => severityOf(attribute, retired.has(exam)),
    eraOf: (exam, attribute, source) => guideEraOf(examById.get(exam), attribute, sourceById.get(source)),
    conflictId: conflictIdOf,
    factsDigest: factsDigestOf,
  });
  staleReviews.push(...contested.staleReviews);
  for (const [conflict, review] of accepted) {
    if (!used.has(conflict))
      staleReviews.push({ review, reason: goneReason(review, contested.claims, contested.conflicts) });
  }
  return {
    claims: contested.claims.sort((a, b) => compareStrings(a.id, b.id)),
    conflicts: contested.conflicts.sort((a, b) => compareStrings(a.id, b.id)),
    staleReviews: staleReviews.sort(
      (a, b) => compareStrings(a.review.conflict, b.review.conflict) || compareStrings(a.review.at, b.review.at),
    ),
  };
}

/** One decision per conflict: the latest counts, earlier ones are reported rather than silently dropped. */
function latestReviewPerConflict(reviews: readonly Review[]) {
  const accepted = new Map<string, Review>();
  const superseded: StaleReview[] = [];
  const ordered = [...reviews].sort(
    (a, b) =>
      compareStrings(a.conflict, b.conflict) ||
      compareStrings(a.at, b.at) ||
      compareStrings(canonicalJson(a), canonicalJson(b)),
  );
  for (const review of ordered) {
    const earlier = accepted.get(review.conflict);
    if (earlier)
      superseded.push({ review: earlier, reason: `superseded by a later review of the same conflict (${review.at})` });
    accepted.set(review.conflict, review);
  }
  return { accepted, superseded };
}

function applyReview(
  review: Review,
  set: ComparableSet,
  ranking: Ranking,
  factsDigest: string,
  name: SourceNamer,
): { value: ClaimValue; rationale: RationaleEntry[] } | { reason: string } {
  if (review.factsDigest !== factsDigest) {
    return {
      reason: `the facts of this conflict changed since the review (digest ${review.factsDigest}, now ${factsDigest}); review it again`,
    };
  }
  const attribute = set.attribute;
  if (review.decision === 'accept') {
    const value = ranking.positions[0]!.value;
    // An accept that recorded the value it accepted goes stale if the suggestion moved (say a source's
    // authority or date changed) even though the quotes did not.
    if (review.value !== undefined) {
      const accepted = safeComparable(attribute, review.value);
      if (accepted !== comparableValue(attribute, value).agreementKey) {
        return {
          reason: `the suggestion changed since it was accepted (now “${comparableValue(attribute, value).label}”); review it again`,
        };
      }
    }
    return { value, rationale: [explainReview(review, comparableValue(attribute, value).label, null)] };
  }
  if (review.decision === 'choose') {
    const statement = set.statements.find((s) => s.facts.some((f) => f.id === review.factId));
    if (!statement) {
      return { reason: `the chosen fact ${review.factId ?? '(none given)'} is not one of this conflict's facts` };
    }
    return {
      value: statement.value,
      rationale: [explainReview(review, statement.comparable.label, name(statement.source))],
    };
  }
  const parsed = claimValueSchemas[attribute].safeParse(review.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at value.${issue.path.join('.')}` : '';
    return { reason: `the custom value is not a valid ${attribute} value${where}: ${issue?.message ?? 'invalid'}` };
  }
  // weightsKnown follows from the weights, whatever the reviewer typed, so the planner can rely on it.
  const value =
    attribute === 'domains'
      ? {
          ...(parsed.data as DomainsValue),
          weightsKnown: (parsed.data as DomainsValue).domains.every((d) => d.weightPercent !== null),
        }
      : parsed.data;
  return {
    value,
    rationale: [explainReview(review, comparableValue(attribute, value).label, null)],
  };
}

/** A reviewer's recorded value is input, not data: whatever shape it has, compare it if it can be compared. */
function safeComparable(attribute: ComparableAttribute, value: unknown): string | null {
  try {
    return comparableValue(attribute, value as ClaimValue).agreementKey;
  } catch {
    return null;
  }
}

/**
 * Facts that back the claim's value, and the dissent: every other fact of the set stays visible. A position
 * backs the value when it states it or is consistent with it (the same domains, weights given on one side only).
 */
function splitBy(
  positions: readonly Position[],
  attribute: ComparableAttribute,
  value: ClaimValue,
): [string[], string[]] {
  const chosen = comparableValue(attribute, value);
  const support = positions.filter((p) => consistent(p.comparable, chosen)).flatMap((p) => p.facts.map((f) => f.id));
  const supported = new Set(support);
  const dissent = positions.flatMap((p) => p.facts.map((f) => f.id)).filter((id) => !supported.has(id));
  return [support, [...new Set(dissent)]];
}

function goneReason(review: Review, claims: readonly Claim[], conflicts: readonly Conflict[]): string {
  const prefix = review.conflict.replace(/\.[0-9a-f]{12}$/, '');
  const successor = conflicts.find((c) => claimIdOf(c.exam, c.attribute, c.key) === prefix);
  if (successor) {
    return `conflict ${review.conflict} no longer exists: the quotes about ${prefix} changed and the disagreement is now conflict ${successor.id}; review it again`;
  }
  if (claims.some((c) => c.id === prefix)) {
    return `conflict ${review.conflict} no longer exists: the sources now agree on ${prefix}, so the decision is not needed`;
  }
  return `conflict ${review.conflict} no longer exists: no facts about it remain`;
}

/** Topics to study for a domain add up across sources rather than compete: the claim lists them all. */
function mergeComplementary(id: string, set: ComparableSet, name: SourceNamer): Claim {
  const ranked = rankPositions(set.statements).positions.flatMap((p) => p.statements);
  const best = ranked[0]!;
  const seen = new Set<string>();
  const topics: string[] = [];
  for (const statement of ranked) {
    for (const topic of (statement.value as ClaimValue<'focus'>).topics) {
      const key = normalizeName(topic);
      if (!seen.has(key)) {
        seen.add(key);
        topics.push(topic);
      }
    }
  }
  const names = [...new Set(ranked.map((s: Statement) => name(s.source)))];
  const factIds = [...new Set(ranked.flatMap((s) => s.facts.map((f) => f.id)))].sort(compareStrings);
  return {
    id,
    exam: set.exam,
    attribute: set.attribute,
    key: set.key,
    value: { ...(best.value as ClaimValue<'focus'>), topics },
    status: 'agreed',
    factIds,
    dissentingFactIds: [],
    rationale: [
      {
        factor: 'agreement',
        text: `Topics gathered from ${names.length === 1 ? names[0] : `${names.length} sources (${names.join(', ')})`}; sources naming different topics add to each other rather than disagree.`,
      },
    ],
    conflictId: null,
  } as Claim;
}
