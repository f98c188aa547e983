/**
 * "Not published" against a stated figure. A source saying the vendor does not publish an exam's passing score
 * (or fee, length, question count, domains) and another stating one disagree, though they sit in two comparable
 * sets (`exam.notPublished.passingscore` and `exam.passingScore`). Shown side by side they leave the learner to
 * guess; here they become one conflict on the figure, weighed with the policy's own factors (guide version, then
 * authority, then independent agreement, then recency), with a rationale saying which is shown and why:
 *
 * - "not published" ranks first: the figure's claim gives way to the `notPublished` claim, which keeps the
 *   figure's facts as its dissent (rank, don't delete);
 * - the figure ranks first, or nothing separates them (a tie, said in so many words): the figure's claim stays,
 *   with the "not published" facts as its dissent; on a tie the claim is `contested`, for a reviewer.
 *
 * Guide versions as in the ranking of figures (guideEras.ts): where every source of one side describes a
 * superseded version of the exam guide and the other side's do not (a page of the old four-section outline
 * stating a pass mark, the current guide's page saying none is published), the older side is history, not a
 * competing position: no conflict, its facts are the shown claim's `historyFactIds` and the rationale names the
 * version. (Only where the figure's claim has no conflict of its own; otherwise the version decides the conflict.)
 *
 * Recency separates the sides only when both are dated. An undated page may be as new as a dated one, and "not
 * published" would otherwise hide a figure on the strength of the other page's missing date alone (a dated blog
 * saying AWS gives no pass mark outranked an undated guide stating 700); undecided, the figure is shown and
 * flagged, as on any tie.
 *
 * A figure's claim that is already in a conflict of its own (figures disagreeing with each other) is weighed by
 * its chosen value and gets the "not published" facts attached to that conflict; a reviewed claim is left as the
 * reviewer decided. Pure; the order of claims does not matter.
 */
import { authorityRank } from '../claims/authorityRank.ts';
import { compareStrings } from '../lib/compareStrings.ts';
import {
  type Authority,
  type Claim,
  type ClaimValue,
  type Conflict,
  claimValueSchemas,
  type Fact,
  type RationaleEntry,
  type Review,
  type Source,
} from '../schema/dataset.ts';
import { type ComparableAttribute, comparableValue } from './comparableValue.ts';
import { authorityWords, nameList, recencySentence, type SourceNamer } from './explainRanking.ts';
import { type GuideEra, historyEntry } from './guideEras.ts';

type SupersededEra = Extract<GuideEra, { kind: 'superseded' }>;

export interface ContestNotPublishedInput {
  claims: readonly Claim[];
  conflicts: readonly Conflict[];
  facts: ReadonlyMap<string, Fact>;
  sources: ReadonlyMap<string, Source>;
  name: SourceNamer;
  /** The latest review per conflict id; the ones used here are added to `used`. */
  reviews: ReadonlyMap<string, Review>;
  used: Set<string>;
  severity: (exam: string, attribute: ComparableAttribute) => Conflict['severity'];
  /** The guide version `source` describes for `exam`'s figure `attribute` (guideEraOf); null where none applies. */
  eraOf: (exam: string, attribute: ComparableAttribute, source: string) => GuideEra | null;
  conflictId: (exam: string, attribute: ComparableAttribute, key: string | null, facts: readonly Fact[]) => string;
  factsDigest: (facts: readonly Fact[]) => string;
}

export interface ContestNotPublishedResult {
  claims: Claim[];
  conflicts: Conflict[];
  staleReviews: { review: Review; reason: string }[];
}

/** What one side rests on: its best authority, independent sources and newest date at that authority. */
interface Side {
  authority: Authority;
  names: string[];
  witnesses: number;
  date: string | null;
  /**
   * 2: a source describes the exam's current guide; 1: a source is not shown to describe another version (or
   * versions do not apply); 0: every source describes a superseded version (`superseded` holds their eras).
   */
  version: 0 | 1 | 2;
  superseded: Map<string, SupersededEra>;
}

type Factor = 'version' | 'authority' | 'agreement' | 'recency';
const factors: readonly Factor[] = ['version', 'authority', 'agreement', 'recency'];

const NOT_PUBLISHED = '“not published”';

export function contestNotPublished(input: ContestNotPublishedInput): ContestNotPublishedResult {
  const figureClaims = new Map<string, Claim>();
  for (const claim of input.claims) {
    if (claim.attribute !== 'notPublished' && claim.key === null) {
      figureClaims.set(`${claim.exam}\u0000${claim.attribute}`, claim);
    }
  }
  const removed = new Set<string>();
  const replaced = new Map<string, Claim>();
  const conflicts = new Map(input.conflicts.map((c) => [c.id, c]));
  const staleReviews: ContestNotPublishedResult['staleReviews'] = [];

  for (const notPublished of input.claims) {
    if (notPublished.attribute !== 'notPublished') continue;
    const attribute = notPublished.value.attribute;
    const figure = figureClaims.get(`${notPublished.exam}\u0000${attribute}`);
    if (!figure || figure.status === 'reviewed') continue;
    const figureFacts = factsOf(figure.factIds, input.facts);
    // A source giving a figure and saying it is not published ("USD 99; prices vary by country") qualifies its own
    // figure (a local price, an estimate) rather than contradicting it: only other sources' statements contest it.
    const stating = new Set(figureFacts.map((f) => f.source));
    const npFacts = factsOf(notPublished.factIds, input.facts).filter((f) => !stating.has(f.source));
    if (npFacts.length === 0 || figureFacts.length === 0) continue;
    const np = sideOf(npFacts, input, figure.exam, attribute);
    const stated = sideOf(figureFacts, input, figure.exam, attribute);
    const decidedBy = factors.find((f) => difference(f, np, stated) !== 0) ?? null;
    const npAhead = decidedBy !== null && difference(decidedBy, np, stated) > 0;
    const label = `“${comparableValue(attribute, figure.value).label}”`;
    const npIds = npFacts.map((f) => f.id);
    const existing = figure.conflictId ? conflicts.get(figure.conflictId) : undefined;

    // A superseded version's side is history, not a competing position (see the module comment).
    if (decidedBy === 'version' && (npAhead ? stated : np).version === 0 && (!npAhead || !existing)) {
      const [kept, gone, goneSide, goneLabel] = npAhead
        ? [notPublished, figure, stated, label]
        : [figure, notPublished, np, NOT_PUBLISHED];
      const goneIds = npAhead
        ? [...figure.factIds, ...figure.dissentingFactIds, ...(figure.historyFactIds ?? [])]
        : npIds;
      removed.add(gone.id);
      replaced.set(kept.id, {
        ...kept,
        historyFactIds: [...new Set([...(kept.historyFactIds ?? []), ...goneIds])],
        rationale: [
          ...kept.rationale,
          ...[...goneSide.superseded]
            .sort(([a], [b]) => compareStrings(a, b))
            .map(([source, era]) => historyEntry([goneLabel], input.name(source), era)),
        ],
      } as Claim);
      continue;
    }

    const rationale = explain(decidedBy, npAhead, np, stated, label);
    let conflict: Conflict;
    let outcome: { npWins: boolean; value: ClaimValue; review: Review | null } = {
      npWins: npAhead,
      value: figure.value,
      review: null,
    };
    if (existing) {
      // The figures' own disagreement keeps its id and digest (a reviewer's decision on it stays keyed to them).
      conflict = {
        ...existing,
        factIds: [...new Set([...existing.factIds, ...npIds])],
        notPublished: { factIds: npIds, suggested: npAhead },
        suggestion: { ...existing.suggestion, rationale: [...existing.suggestion.rationale, ...rationale] },
      } as Conflict;
    } else {
      const facts = [...npFacts, ...figureFacts];
      const id = input.conflictId(figure.exam, attribute, figure.key, facts);
      const digest = input.factsDigest(facts);
      const review = input.reviews.get(id);
      if (review) {
        input.used.add(id);
        const applied = applyReview(review, digest, npAhead, npIds, figure, attribute);
        if ('reason' in applied) staleReviews.push({ review, reason: applied.reason });
        else outcome = { ...applied, review };
      }
      conflict = {
        id,
        exam: figure.exam,
        attribute,
        key: figure.key,
        factIds: [...new Set(facts.map((f) => f.id))],
        severity: input.severity(figure.exam, attribute),
        suggestion: { value: figure.value, rationale },
        review: outcome.review,
        factsDigest: digest,
        sides: [{ value: figure.value, factIds: figureFacts.map((f) => f.id) }],
        notPublished: { factIds: npIds, suggested: npAhead },
      } as Conflict;
    }
    conflicts.set(conflict.id, conflict);

    const reviewed = outcome.review
      ? [
          {
            factor: 'review' as const,
            text: reviewText(outcome.review, outcome.npWins, `“${comparableValue(attribute, outcome.value).label}”`),
          },
        ]
      : [];
    if (outcome.npWins) {
      removed.add(figure.id);
      replaced.set(notPublished.id, {
        ...notPublished,
        status: outcome.review ? 'reviewed' : 'policy',
        dissentingFactIds: [
          ...new Set([...notPublished.dissentingFactIds, ...figure.factIds, ...figure.dissentingFactIds]),
        ],
        rationale: outcome.review ? [...reviewed, ...rationale] : rationale,
        conflictId: conflict.id,
      } as Claim);
    } else {
      removed.add(notPublished.id);
      replaced.set(figure.id, {
        ...figure,
        value: outcome.value,
        status: outcome.review ? 'reviewed' : existing ? figure.status : decidedBy ? 'policy' : 'contested',
        dissentingFactIds: [...new Set([...figure.dissentingFactIds, ...npIds])],
        rationale: outcome.review
          ? [...reviewed, ...rationale]
          : existing
            ? [...figure.rationale, ...rationale]
            : rationale,
        conflictId: conflict.id,
      } as Claim);
    }
  }

  const claims = input.claims.filter((c) => !removed.has(c.id)).map((c) => replaced.get(c.id) ?? c);
  return {
    claims,
    conflicts: [...conflicts.values()].sort((a, b) => compareStrings(a.id, b.id)),
    staleReviews,
  };
}

function factsOf(ids: readonly string[], facts: ReadonlyMap<string, Fact>): Fact[] {
  return ids.flatMap((id) => facts.get(id) ?? []);
}

function sideOf(
  facts: readonly Fact[],
  input: Pick<ContestNotPublishedInput, 'sources' | 'name' | 'eraOf'>,
  exam: string,
  attribute: ComparableAttribute,
): Side {
  const superseded = new Map<string, SupersededEra>();
  let version: Side['version'] = 0;
  for (const source of new Set(facts.map((f) => f.source))) {
    const era = input.eraOf(exam, attribute, source);
    if (era?.kind === 'superseded') superseded.set(source, era);
    else version = Math.max(version, era?.kind === 'current' ? 2 : 1) as Side['version'];
  }
  const sources = [...new Set(facts.map((f) => f.source))].map(
    (id) => input.sources.get(id) ?? ({ id, authority: 'secondary', published: null, modified: null } as Source),
  );
  const best = sources.reduce<Authority>(
    (top, s) => (authorityRank[s.authority] > authorityRank[top] ? s.authority : top),
    'secondary',
  );
  const dates = sources
    .filter((s) => s.authority === best)
    .map((s) => s.modified ?? s.published)
    .filter((d): d is string => d !== null)
    .sort(compareStrings);
  return {
    authority: best,
    names: [...new Set(sources.filter((s) => s.authority === best).map((s) => input.name(s.id)))],
    witnesses: sources.length,
    date: dates.at(-1) ?? null,
    version,
    superseded,
  };
}

/** Positive when `a` is ahead of `b`. */
function difference(factor: Factor, a: Side, b: Side): number {
  switch (factor) {
    case 'version':
      return a.version - b.version;
    case 'authority':
      return authorityRank[a.authority] - authorityRank[b.authority];
    case 'agreement':
      return a.witnesses - b.witnesses;
    case 'recency':
      // Only two dates compare: an undated side is not shown to be older (see the module comment).
      return a.date === null || b.date === null ? 0 : compareStrings(a.date, b.date);
  }
}

const byWhom = (side: Side) =>
  `${side.names.length === 1 ? authorityWords[side.authority].one : authorityWords[side.authority].many} (${nameList(side.names)})`;

function explain(decidedBy: Factor | null, npAhead: boolean, np: Side, stated: Side, label: string): RationaleEntry[] {
  const [winner, loser] = npAhead ? [np, stated] : [stated, np];
  const [w, l] = npAhead ? [NOT_PUBLISHED, label] : [label, NOT_PUBLISHED];
  const entries: RationaleEntry[] = [
    {
      factor: 'rule',
      text: `Sources disagree on whether this figure is published: ${byWhom(np)} ${np.names.length === 1 ? 'says' : 'say'} the vendor does not publish it, while ${byWhom(stated)} ${stated.names.length === 1 ? 'states' : 'state'} ${label}. The two cannot both hold, so they are weighed against each other.`,
    },
  ];
  for (const factor of factors) {
    const decided = factor === decidedBy;
    // Versions are named only where they decide: most figures are bound to no guide version.
    if (factor === 'version' && !decided) continue;
    entries.push({ factor, text: factorText(factor, decided, winner, loser, w, l) });
    if (decided) break;
  }
  entries.push({
    factor: 'rule',
    text:
      decidedBy === null
        ? `It is a tie: no factor separates ${NOT_PUBLISHED} from ${label}. certplan shows ${label}, a figure you can prepare for, and flags it for a reviewer to decide.`
        : npAhead
          ? `certplan shows that the vendor does not publish it; ${label} stays visible as dissent (a figure that circulates without the vendor's word may be an estimate or an older exam's) until a reviewer decides.`
          : `certplan shows ${label}; the statement that it is not published stays visible as dissent until a reviewer decides.`,
  });
  return entries;
}

function factorText(factor: Factor, decided: boolean, winner: Side, loser: Side, w: string, l: string): string {
  switch (factor) {
    case 'version':
      return loser.version === 0
        ? `${l} comes only from sources describing a superseded guide version; ${w} does not.`
        : `${w} is backed by a source for the current guide; ${l} comes from sources not shown to describe it, which may describe an older one.`;
    case 'authority':
      return decided
        ? `${w} comes from ${byWhom(winner)}, which outranks ${byWhom(loser)} saying ${l}.`
        : `Both ${w} and ${l} come from ${authorityWords[winner.authority].many}, so authority does not settle it.`;
    case 'agreement':
      return decided
        ? `${winner.witnesses} independent sources give ${w} (${nameList(winner.names)}), against ${loser.witnesses} for ${l}.`
        : `Each is backed by ${winner.witnesses} independent source${winner.witnesses === 1 ? '' : 's'}, so agreement does not settle it.`;
    case 'recency':
      if (!decided && (winner.date === null) !== (loser.date === null)) {
        return `Only one side's source is dated (${winner.date ?? loser.date}); an undated page may be as new, so recency does not settle it.`;
      }
      return recencySentence(decided, w, l, winner.date, loser.date);
  }
}

function applyReview(
  review: Review,
  digest: string,
  npAhead: boolean,
  npIds: readonly string[],
  figure: Claim,
  attribute: Exclude<ComparableAttribute, 'notPublished'>,
): { npWins: boolean; value: ClaimValue } | { reason: string } {
  if (review.factsDigest !== digest) {
    return {
      reason: `the facts of this conflict changed since the review (digest ${review.factsDigest}, now ${digest}); review it again`,
    };
  }
  if (review.decision === 'accept') return { npWins: npAhead, value: figure.value };
  if (review.decision === 'choose') {
    if (review.factId !== undefined && npIds.includes(review.factId)) return { npWins: true, value: figure.value };
    if (review.factId !== undefined && figure.factIds.includes(review.factId))
      return { npWins: false, value: figure.value };
    return { reason: `the chosen fact ${review.factId ?? '(none given)'} is not one of this conflict's facts` };
  }
  const parsed = claimValueSchemas[attribute].safeParse(review.value);
  if (!parsed.success) {
    return {
      reason: `the custom value is not a valid ${attribute} value: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    };
  }
  return { npWins: false, value: parsed.data as ClaimValue };
}

function reviewText(review: Review, npWins: boolean, label: string): string {
  const decision = npWins ? 'decided the figure is not published' : `kept ${label}`;
  return `A reviewer (${review.by}, ${review.at}) ${decision}. The reviewer's note: “${review.note}”`;
}
