/**
 * Groups facts into comparable sets (same exam, attribute and key) of statements. A statement is what one
 * source says: one fact for most attributes; for domains, a whole list a source gives for the exam, so two
 * sources with different lists make one list-level disagreement instead of one per domain. A source may give
 * several lists (weighted headings, then a prose summary): each is a statement of its own, told apart by the
 * facts' `list` id, so two lists of one source that disagree are that source disagreeing with itself, inside
 * the same list-level conflict. Facts without a `list` id (older datasets) are read as one list per source.
 */
import { compareStrings } from '../lib/compareStrings.ts';
import type { Authority, ClaimValue, DomainsValue, Fact, Source } from '../schema/dataset.ts';
import {
  type ComparableAttribute,
  type ComparableValue,
  comparableValue,
  normalizeDomainName,
  setKeyOf,
} from './comparableValue.ts';
import type { GuideEra } from './guideEras.ts';

export interface Statement {
  /** The attribute's value; for `domains`, a DomainsValue. */
  value: ClaimValue;
  /** The facts behind it, in text order. */
  facts: Fact[];
  source: string;
  comparable: ComparableValue;
  authority: Authority;
  /** The source's modified or else published date; null when undated. */
  date: string | null;
  /**
   * Which guide version of the exam the statement describes, for figures bound to one (set by reconcile from the
   * catalog's `guides`); absent or null where versions do not apply.
   */
  era?: GuideEra | null;
}

export interface ComparableSet {
  exam: string;
  attribute: ComparableAttribute;
  key: string | null;
  /** Sorted by source, then first fact id, so nothing downstream depends on input order. */
  statements: Statement[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byText = (a: Fact, b: Fact) => a.start - b.start || (orderOf(a) ?? 0) - (orderOf(b) ?? 0) || byId(a, b);
const orderOf = (fact: Fact) => (fact.attribute === 'domain' ? fact.value.order : undefined);

export function groupComparableSets(facts: readonly Fact[], sources: readonly Source[]): ComparableSet[] {
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const describe = (id: string) => {
    const source = sourceById.get(id);
    // A fact whose source is not registered gets the least trust rather than failing the whole build.
    return { authority: source?.authority ?? 'secondary', date: source?.modified ?? source?.published ?? null };
  };

  const sets = new Map<string, ComparableSet>();
  const setFor = (exam: string, attribute: ComparableAttribute, key: string | null) => {
    const id = JSON.stringify([exam, attribute, key]);
    let set = sets.get(id);
    if (!set) {
      set = { exam, attribute, key, statements: [] };
      sets.set(id, set);
    }
    return set;
  };

  const domainFacts = new Map<string, Fact[]>();
  for (const fact of facts) {
    if (fact.attribute === 'domain') {
      const id = JSON.stringify([fact.exam, fact.source, fact.value.list ?? null]);
      const group = domainFacts.get(id);
      if (group) group.push(fact);
      else domainFacts.set(id, [fact]);
      continue;
    }
    const key = setKeyOf(fact);
    setFor(fact.exam, fact.attribute, key).statements.push({
      value: fact.value,
      facts: [fact],
      source: fact.source,
      comparable: comparableValue(fact.attribute, fact.value),
      ...describe(fact.source),
    });
  }

  for (const group of domainFacts.values()) {
    const ordered = [...group].sort(byText);
    const first = ordered[0]!;
    const seen = new Map<string, DomainsValue['domains'][number]>();
    const domains: DomainsValue['domains'] = [];
    for (const fact of ordered) {
      if (fact.attribute !== 'domain') continue;
      const name = normalizeDomainName(fact.value.name);
      const earlier = seen.get(name);
      // The same domain named twice in one list (or, without list ids, by one source: a table of contents,
      // then a heading) is one entry, in the place it was first named, with the weight where the list gives
      // one (a heading "Modeling (36%)" and a sentence naming "modeling" are the same domain, and the heading
      // says more).
      const range = fact.value.weightPercent === null ? fact.value.weightRange : undefined;
      if (earlier) {
        if (earlier.weightPercent === null) {
          earlier.weightPercent = fact.value.weightPercent;
          if (earlier.weightPercent !== null) delete earlier.weightRange;
          else if (range && !earlier.weightRange) earlier.weightRange = range;
        }
        continue;
      }
      const entry: DomainsValue['domains'][number] = {
        name: fact.value.name,
        weightPercent: fact.value.weightPercent,
        ...(range ? { weightRange: range } : {}),
      };
      seen.set(name, entry);
      domains.push(entry);
    }
    const value: DomainsValue = { domains, weightsKnown: domains.every((d) => d.weightPercent !== null) };
    setFor(first.exam, 'domains', null).statements.push({
      value,
      facts: ordered,
      source: first.source,
      comparable: comparableValue('domains', value),
      ...describe(first.source),
    });
  }

  const out = [...sets.values()];
  for (const set of out) {
    set.statements.sort((a, b) =>
      a.source < b.source ? -1 : a.source > b.source ? 1 : byId(a.facts[0]!, b.facts[0]!),
    );
  }
  return out.sort((a, b) => compareStrings(setSortKey(a), setSortKey(b)));
}

const setSortKey = (set: ComparableSet) => `${set.exam}\u0000${set.attribute}\u0000${set.key ?? ''}`;
