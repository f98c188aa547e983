/**
 * The policy: statements that agree form a position; positions are ranked by guide version (a statement of
 * the exam's current guide ahead of one that may describe an older version: only for figures bound to a
 * guide), then authority (official > editorial > secondary), then independent agreement, then recency, then
 * specificity, in that order. The first factor that separates the best position from the runner-up is the one
 * that decided, and the rationale says so. Nothing is dropped: losing positions stay as dissent.
 *
 * Agreement comes before recency: two independent sources agreeing are stronger evidence than one source with
 * a later date, since a page's date says when it was last touched, not that its figure is newer (an article
 * updated in April that says an exam "was retired" a year earlier outranked two that gave the official date).
 * Real changes are dated by the vendor and handled before authority: a new guide version makes the figures of
 * the older one history (see guideEras.ts), not a competing position. Recency still decides between positions
 * that have as many independent witnesses, so one newer page does beat one older page.
 *
 * A statement that says less about the same thing (a domain list without weights, next to the same domains
 * with weights) does not compete: it backs the most specific statement it is consistent with. Grouping goes
 * by coverage, a partial order, so it does not depend on input order: the statements no other statement
 * covers are the competing positions (two lists of the same domains with different weights compete); a less
 * specific statement joins the one position that covers it and counts in its ranking; one that several
 * positions cover (an unweighted list next to two differently weighted ones) takes no side in the ranking and
 * then backs whichever of them ranks first.
 */
import { authorityRank } from '../claims/authorityRank.ts';
import { compareStrings } from '../lib/compareStrings.ts';
import type { Authority, ClaimValue, Fact, GuideVersion } from '../schema/dataset.ts';
import { type ComparableValue, consistent, covers, namesTheSameDomain, normalizeName } from './comparableValue.ts';

const comparableSingle = (name: string) => (other: string) => namesTheSameDomain(name, other);

import type { Statement } from './groupComparableSets.ts';

export type PolicyFactor = 'coverage' | 'version' | 'authority' | 'agreement' | 'recency' | 'specificity';
export const policyFactors: readonly PolicyFactor[] = [
  'coverage',
  'version',
  'authority',
  'agreement',
  'recency',
  'specificity',
];

export interface Position {
  /**
   * The comparable form of the position's most specific statements, which all share its agreement key; the
   * less specific statements it covers have keys of their own.
   */
  comparable: ComparableValue;
  /** The best of its most specific statements' value: what a claim that picks this position holds. */
  value: ClaimValue;
  /** Best first: the most specific statements and the less specific ones only this position covers. */
  statements: Statement[];
  /**
   * Less specific statements that other positions cover too (an unweighted list when two weighted lists of
   * the same domains disagree): they back this position, the best-ranked of those covering them, but did not
   * count in the ranking, which they could not have decided.
   */
  supporters: Statement[];
  /** Every fact behind the position (statements and supporters): best source first, then text position. */
  facts: Fact[];
  /**
   * A domain list of a single domain that another position's list (of several domains) names too: a statement
   * about one domain's weight, which cannot replace the exam's list (it ranks after every list that is not
   * partial: the `coverage` factor). Judged against every position, so the order it gives is a total one.
   */
  partial: boolean;
  /**
   * The exam's current guide when one of the position's statements describes it (declared, or dated on or after
   * the day it took effect); null otherwise (no guide applies, or every statement is undated and declares none).
   */
  currentGuide: GuideVersion | null;
  authority: Authority;
  /** The newest date among the statements of the position's best authority. */
  date: string | null;
  /** Independent witnesses: sources, where sources repeating the same sentence count once. */
  witnesses: string[][];
  specificity: number;
}

export interface Ranking {
  /** Best first. */
  positions: Position[];
  /** The factor that put the first position ahead of the second; null when there is one position or a tie. */
  decidedBy: PolicyFactor | null;
}

const compareStatements = (a: Statement, b: Statement) =>
  authorityRank[b.authority] - authorityRank[a.authority] ||
  compareDates(b.date, a.date) ||
  b.comparable.specificity - a.comparable.specificity ||
  compareStrings(a.source, b.source) ||
  compareStrings(a.facts[0]!.id, b.facts[0]!.id);

/** Dates as ISO strings; an undated source is older than any dated one. */
function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareStrings(a, b);
}

/** Positive when `a` is ahead of `b` on the factor. */
function factorDifference(factor: PolicyFactor, a: Position, b: Position): number {
  switch (factor) {
    case 'coverage':
      return (b.partial ? 1 : 0) - (a.partial ? 1 : 0);
    case 'version':
      return (a.currentGuide ? 1 : 0) - (b.currentGuide ? 1 : 0);
    case 'authority':
      return authorityRank[a.authority] - authorityRank[b.authority];
    case 'recency':
      return compareDates(a.date, b.date);
    case 'agreement':
      return a.witnesses.length - b.witnesses.length;
    case 'specificity':
      return a.specificity - b.specificity;
  }
}

export function rankPositions(statements: readonly Statement[]): Ranking {
  const byKey = new Map<string, Statement[]>();
  for (const statement of statements) {
    const key = statement.comparable.agreementKey;
    const group = byKey.get(key);
    if (group) group.push(statement);
    else byKey.set(key, [statement]);
  }
  const keys = [...byKey.keys()].sort(compareStrings);
  const comparableOf = (key: string) => byKey.get(key)![0]!.comparable;
  const heads = keys.filter((key) => !keys.some((other) => covers(comparableOf(key), comparableOf(other))));
  const members = new Map(heads.map((head) => [head, [...byKey.get(head)!]]));
  const shared: { coveredBy: Set<string>; statements: Statement[] }[] = [];
  for (const key of keys) {
    if (members.has(key)) continue;
    // Coverage is transitive, so the heads covering a statement are all the most specific statements it agrees with.
    const coveredBy = heads.filter((head) => covers(comparableOf(key), comparableOf(head)));
    if (coveredBy.length === 1) members.get(coveredBy[0]!)!.push(...byKey.get(key)!);
    else shared.push({ coveredBy: new Set(coveredBy), statements: byKey.get(key)! });
  }
  const positions = heads.map((head) => toPosition(members.get(head)!, head));
  markPartialLists(positions);
  positions.sort((a, b) => {
    for (const factor of policyFactors) {
      const difference = factorDifference(factor, b, a);
      if (difference !== 0) return difference;
    }
    // A tie on every factor: suggest the more demanding value (see ComparableValue.demand), then any fixed order.
    return (
      b.comparable.demand - a.comparable.demand || compareStrings(a.comparable.agreementKey, b.comparable.agreementKey)
    );
  });
  for (const { coveredBy, statements: backing } of shared) {
    const position = positions.find((p) => coveredBy.has(p.comparable.agreementKey))!;
    position.supporters = [...position.supporters, ...backing].sort(compareStatements);
    position.facts = factsOf([...position.statements, ...position.supporters]);
  }
  const [first, second] = positions;
  const decidedBy =
    first && second ? (policyFactors.find((factor) => factorDifference(factor, first, second) !== 0) ?? null) : null;
  return { positions, decidedBy };
}

/** Domain names a position's list gives, normalised: null for anything but a domain list. */
function namesOf(position: Position): string[] | null {
  const refinement = position.comparable.refinement;
  return refinement ? [...refinement.parts.keys()] : null;
}

/**
 * A position naming a single domain is partial where another position lists several domains including it (in
 * the same or its own words): one area's page does not say which domains the exam has.
 */
function markPartialLists(positions: Position[]): void {
  const lists = positions.map(namesOf).filter((names): names is string[] => names !== null && names.length > 1);
  for (const position of positions) {
    const names = namesOf(position);
    if (names?.length !== 1) continue;
    const single = comparableSingle(names[0]!);
    position.partial = lists.some((list) => list.some((other) => single(other)));
  }
}

/**
 * Statements that took no part in the ranking (a superseded guide version's figures) but agree with a position:
 * each backs the best-ranked position it is consistent with, as a supporter. Returns those that agree with none.
 */
export function attachSupporters(ranking: Ranking, statements: readonly Statement[]): Statement[] {
  const unattached: Statement[] = [];
  for (const statement of statements) {
    const position = ranking.positions.find((p) =>
      [...p.statements, ...p.supporters].some(
        (s) =>
          s.comparable.agreementKey === statement.comparable.agreementKey ||
          consistent(s.comparable, statement.comparable),
      ),
    );
    if (!position) {
      unattached.push(statement);
      continue;
    }
    position.supporters = [...position.supporters, statement].sort(compareStatements);
    position.facts = factsOf([...position.statements, ...position.supporters]);
  }
  return unattached;
}

function toPosition(group: Statement[], head: string): Position {
  const statements = [...group].sort(compareStatements);
  const best = statements[0]!;
  // The claim holds what the most specific statements say, from the best of them.
  const representative = statements.find((s) => s.comparable.agreementKey === head)!;
  const topDates = statements.filter((s) => s.authority === best.authority).map((s) => s.date);
  const date = topDates.reduce<string | null>((newest, d) => (compareDates(d, newest) > 0 ? d : newest), null);
  const current = statements.find((s) => s.era?.kind === 'current')?.era;
  return {
    comparable: representative.comparable,
    value: representative.value,
    statements,
    supporters: [],
    facts: factsOf(statements),
    partial: false,
    currentGuide: current?.kind === 'current' ? current.guide : null,
    authority: best.authority,
    date,
    witnesses: independentWitnesses(statements),
    specificity: Math.max(...statements.map((s) => s.comparable.specificity)),
  };
}

/**
 * Best sources first, each source's facts together and in text order, so a reviewer reads a source's list as
 * the source gives it. `statements` come best first.
 */
function factsOf(statements: readonly Statement[]): Fact[] {
  const sourceRank = new Map<string, number>();
  for (const statement of statements) {
    if (!sourceRank.has(statement.source)) sourceRank.set(statement.source, sourceRank.size);
  }
  return [...new Map(statements.flatMap((s) => s.facts).map((f) => [f.id, f])).values()].sort(
    (a, b) => sourceRank.get(a.source)! - sourceRank.get(b.source)! || a.start - b.start || compareStrings(a.id, b.id),
  );
}

/**
 * Copies are not independent confirmation: statements from one source are one witness, and sources that
 * carry the same sentence (up to case, spacing and punctuation) are joined into one witness.
 */
export function independentWitnesses(statements: readonly Statement[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    // The smaller id becomes the root, so the grouping does not depend on the order of unions.
    if (ra === rb) return;
    const [root, child] = [ra, rb].sort();
    parent.set(child!, root!);
  };
  const sourceByQuote = new Map<string, string>();
  for (const statement of statements) {
    if (!parent.has(statement.source)) parent.set(statement.source, statement.source);
    for (const fact of statement.facts) {
      const quote = normalizeName(fact.quote);
      const other = sourceByQuote.get(quote);
      if (other === undefined) sourceByQuote.set(quote, statement.source);
      else union(other, statement.source);
    }
  }
  const groups = new Map<string, string[]>();
  for (const source of [...parent.keys()].sort()) {
    const root = find(source);
    const group = groups.get(root);
    if (group) group.push(source);
    else groups.set(root, [source]);
  }
  return [...groups.values()].sort((a, b) => compareStrings(a[0]!, b[0]!));
}
