/**
 * The policy: statements that agree form a position; positions are ranked by authority (official >
 * editorial > secondary), then recency, then independent agreement, then specificity, in that order. The
 * first factor that separates the best position from the runner-up is the one that decided, and the
 * rationale says so. Nothing is dropped: losing positions stay as dissent.
 */
import type { Authority, Fact } from '../schema/dataset.ts';
import { type ComparableValue, normalizeName } from './comparableValue.ts';
import { compareStrings, type Statement } from './groupComparableSets.ts';

export type PolicyFactor = 'authority' | 'recency' | 'agreement' | 'specificity';
export const policyFactors: readonly PolicyFactor[] = ['authority', 'recency', 'agreement', 'specificity'];

export const authorityRank: Record<Authority, number> = { official: 3, editorial: 2, secondary: 1 };

export interface Position {
  /** The comparable form of the position's best statement (all its statements share the agreement key). */
  comparable: ComparableValue;
  /** The best statement's value: what a claim that picks this position holds. */
  value: unknown;
  /** Best first. */
  statements: Statement[];
  /** Every fact behind the position: best source first, then text position. */
  facts: Fact[];
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
  const positions = [...byKey.values()].map(toPosition);
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
  const [first, second] = positions;
  const decidedBy =
    first && second ? (policyFactors.find((factor) => factorDifference(factor, first, second) !== 0) ?? null) : null;
  return { positions, decidedBy };
}

function toPosition(group: Statement[]): Position {
  const statements = [...group].sort(compareStatements);
  const best = statements[0]!;
  const topDates = statements.filter((s) => s.authority === best.authority).map((s) => s.date);
  const date = topDates.reduce<string | null>((newest, d) => (compareDates(d, newest) > 0 ? d : newest), null);
  // Best sources first, each source's facts together and in text order, so a reviewer reads a source's
  // list as the source gives it.
  const sourceRank = new Map<string, number>();
  for (const statement of statements) {
    if (!sourceRank.has(statement.source)) sourceRank.set(statement.source, sourceRank.size);
  }
  const facts = [...new Map(statements.flatMap((s) => s.facts).map((f) => [f.id, f])).values()].sort(
    (a, b) => sourceRank.get(a.source)! - sourceRank.get(b.source)! || a.start - b.start || compareStrings(a.id, b.id),
  );
  return {
    comparable: best.comparable,
    value: best.value,
    statements,
    facts,
    authority: best.authority,
    date,
    witnesses: independentWitnesses(statements),
    specificity: Math.max(...statements.map((s) => s.comparable.specificity)),
  };
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
