/**
 * What makes two statements comparable, and when they agree. Every value becomes a `ComparableValue`: a
 * quantity with a unit and bounds where the attribute is numeric (Wikidata-style: "at least 2 years" is
 * [2, ∞) years), and an `agreementKey` that holds exactly what the attribute's rule compares. Two statements
 * agree when their keys are equal; keeping agreement as key equality makes it transitive, so grouping does
 * not depend on the order facts arrive in.
 */
import { countDomains, formatClaimValue, formatNumber } from '../claims/formatClaimValue.ts';
import type { Attribute, AttributeValue, ClaimValue, DomainsValue, Fact } from '../schema/dataset.ts';

export type ComparableAttribute = Attribute | 'domains';

/** A value with a unit and bounds; `upper` is Infinity for "at least" statements. */
export interface Quantity {
  unit: string;
  lower: number;
  upper: number;
}

export interface ComparableValue {
  /** Equal keys agree, different keys disagree. */
  agreementKey: string;
  /** The value in words, for rationales and the CLI ("at least 2 years", "USD 300"). */
  label: string;
  /** A shorter form for sentences where the full label would be long (a domain list: "6 domains, no weights"). */
  summary?: string;
  quantity: Quantity | null;
  /** Higher is more precise ("$300" over "approximately $300"); only breaks ties after authority and agreement. */
  specificity: number;
  /**
   * Higher is more demanding (a higher fee, more experience, a longer exam). When nothing else separates two
   * positions certplan suggests the more demanding one, so a learner is not caught unprepared.
   */
  demand: number;
  /**
   * For values that can say more or less about the same thing (a domain list with or without weights): what
   * they are about and which parts they state. Absent where a value is all or nothing. See `covers`.
   */
  refinement?: Refinement;
}

export interface Refinement {
  /** Only values with the same scope refine each other: for a domain list, its set of normalised names. */
  scope: string;
  /** The scope in words, without the parts ("4 domains"). */
  scopeLabel: string;
  /** Each part the value speaks to, with what it states; null where it leaves the part open (a weight not given). */
  parts: ReadonlyMap<string, string | null>;
}

/**
 * Whether `specific` says everything `general` says (same scope, and every part `general` states is stated the
 * same by `specific`), and more: a list of domains without weights is covered by the same domains with
 * weights. A list with no weights at all is also covered by a weighted list of as many domains whose names it
 * paraphrases one to one (`sameDomainNames`): articles name exam areas in their own words ("operations" for
 * "Machine Learning Implementation and Operations"). Coverage is a partial order (a part left open is below
 * every value of it; the paraphrase rule only lets a list with nothing stated below one that states
 * something, and every list it covers is one with the same names), so it is transitive and grouping by it does
 * not depend on the order statements arrive in. A single named domain is covered by a longer list that names it
 * with the same weight (or any, where it gives none): one area's page is not the exam's list.
 */
export function covers(general: ComparableValue, specific: ComparableValue): boolean {
  const [g, s] = [general.refinement, specific.refinement];
  if (!g || !s || general.agreementKey === specific.agreementKey) return false;
  // A source naming a single domain (a page on one exam area, one domain's weight) speaks of that domain, not
  // of the exam's list: a longer list naming it (in the same or its own words) with the same weight, or with
  // any weight where the single one gives none, says that and more.
  if (g.parts.size === 1 && s.parts.size > 1) {
    const [name, weight] = [...g.parts][0]!;
    const stems = stemsOf(name);
    return [...s.parts].some(
      ([other, otherWeight]) =>
        (other === name || paraphrases(stems, stemsOf(other))) && (weight === null || otherWeight === weight),
    );
  }
  if (g.scope !== s.scope) {
    const states = (r: Refinement) => [...r.parts.values()].some((value) => value !== null);
    return !states(g) && states(s) && sameDomainNames([...g.parts.keys()], [...s.parts.keys()]);
  }
  for (const [part, value] of g.parts) {
    if (value !== null && s.parts.get(part) !== value) return false;
  }
  return true;
}

/**
 * Words that carry no meaning of their own in an exam area's name ("Collaborate within and across teams to
 * manage data and models"): left out when names are compared as paraphrases.
 */
const CONNECTIVES = new Set([
  'a',
  'an',
  'and',
  'the',
  'of',
  'for',
  'to',
  'in',
  'into',
  'on',
  'with',
  'within',
  'across',
  'by',
  'or',
]);

/**
 * A light stem for English area names: plural, -ing and -ed forms and doubled final consonants fold together
 * ("Modeling", "modelling", "models" → "model"; "Operations" → "operation"; "Automating" → "automat",
 * "automate" → "automat"). Enough to match the forms exam guides and articles use; not a full stemmer.
 */
export function stemWord(word: string): string {
  let stem = word;
  if (stem.length > 4 && stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.length > 3 && stem.endsWith('s') && !stem.endsWith('ss') && !stem.endsWith('us'))
    stem = stem.slice(0, -1);
  if (stem.length > 5 && stem.endsWith('ing')) stem = stem.slice(0, -3);
  else if (stem.length > 4 && stem.endsWith('ed')) stem = stem.slice(0, -2);
  else if (stem.length > 4 && stem.endsWith('e')) stem = stem.slice(0, -1);
  // "modell" → "model", "plann" → "plan": a doubled final consonant is the same stem.
  if (stem.length > 3 && stem.at(-1) === stem.at(-2) && !'aeiou'.includes(stem.at(-1)!)) stem = stem.slice(0, -1);
  return stem;
}

/** The stems of a (normalised) domain name's meaningful words. */
function stemsOf(name: string): Set<string> {
  return new Set(
    normalizeDomainName(name)
      .split(' ')
      .filter((word) => word !== '' && !CONNECTIVES.has(word))
      .map(stemWord),
  );
}

/** One name paraphrases another when all the meaningful words of one are among the other's (as stems). */
function paraphrases(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return false;
  for (const stem of small) if (!large.has(stem)) return false;
  return true;
}

/** Whether two (normalised) domain names name the same domain: equal, or one paraphrasing the other. */
export function namesTheSameDomain(a: string, b: string): boolean {
  return a === b || paraphrases(stemsOf(a), stemsOf(b));
}

/**
 * Whether two lists name the same domains, each in its own words: as many names, and a one-to-one pairing in
 * which every pair paraphrases (one name's meaningful words all within the other's: "operations" and "Machine
 * Learning Implementation and Operations"; not "Deployment and Operations" and "ML Implementation and
 * Operations"). The pairing is a bipartite perfect matching (augmenting paths), so whether one exists does not
 * depend on the order of either list.
 */
export function sameDomainNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length || a.length === 0) return false;
  const [as, bs] = [a.map(stemsOf), b.map(stemsOf)];
  const edges = as.map((x) => bs.flatMap((y, j) => (paraphrases(x, y) ? [j] : [])));
  const partnerOfB = new Array<number>(b.length).fill(-1);
  const augment = (i: number, seen: boolean[]): boolean => {
    for (const j of edges[i]!) {
      if (seen[j]) continue;
      seen[j] = true;
      if (partnerOfB[j] === -1 || augment(partnerOfB[j]!, seen)) {
        partnerOfB[j] = i;
        return true;
      }
    }
    return false;
  };
  return as.every((_, i) => augment(i, new Array<boolean>(b.length).fill(false)));
}

/**
 * Neither contradicts the other: the same value, or one says the same as the other and more. Two lists that
 * each leave a different weight open are not consistent in this sense: agreeing with both would take a list
 * that neither source gives, and would stop agreement from being an order (see rankPositions).
 */
export function consistent(a: ComparableValue, b: ComparableValue): boolean {
  return a.agreementKey === b.agreementKey || covers(a, b) || covers(b, a);
}

/** Attributes whose statements complement each other (topics to study) rather than compete. */
export const complementaryAttributes: ReadonlySet<ComparableAttribute> = new Set(['focus']);

/**
 * Names compared loosely: case, punctuation, dashes, "&" vs "and" and spacing do not make two domain names
 * (or roles) different.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/**
 * Domain names compared as names of exam areas: on top of `normalizeName`, "ML" is "machine learning" (exam
 * guides and articles use both for the same domain). Kept apart from `normalizeName`, which also keys claim
 * ids and copies, so those do not move.
 */
export function normalizeDomainName(name: string): string {
  return normalizeName(name).replace(/\bml\b/g, 'machine learning');
}

/** A role written in the plural ("Machine Learning Engineers") is the same role as its singular. */
function normalizeRole(role: string): string {
  return normalizeName(role).replace(/(?<=[a-z]{3})s$/, '');
}

/** The key that splits an attribute's facts into comparable sets: null where the attribute has none. */
export function setKeyOf(fact: Fact): string | null {
  switch (fact.attribute) {
    case 'experience':
      return fact.value.kind;
    case 'salary':
      return fact.value.role === null ? null : normalizeRole(fact.value.role);
    case 'focus':
      return normalizeName(fact.value.domain);
    case 'notPublished':
      return fact.value.attribute;
    case 'objective':
      // Guides number their objectives ("1.1"); an unnumbered one is known by its domain and label.
      return fact.value.ref ?? `${normalizeDomainName(fact.value.domain)}: ${normalizeName(fact.value.label)}`;
    default:
      return null;
  }
}

const sortedList = (items: readonly string[]): string => [...new Set(items.map(normalizeName))].sort().join('|');

export function comparableValue(attribute: ComparableAttribute, value: ClaimValue): ComparableValue {
  return { ...compared(attribute, value), label: formatClaimValue(attribute, value) };
}

function compared(attribute: ComparableAttribute, value: ClaimValue): Omit<ComparableValue, 'label'> {
  switch (attribute) {
    case 'fee': {
      const v = value as AttributeValue<'fee'>;
      const currency = v.currency.toUpperCase();
      const amount = `${currency} ${formatNumber(v.amount)}`;
      // "approximately $300" and "$300 (plus tax)" name the same price: the qualifiers lower specificity only.
      return {
        agreementKey: amount,
        quantity: { unit: currency, lower: v.amount, upper: v.amount },
        specificity: v.approximate ? 0 : 1,
        demand: v.amount,
      };
    }
    case 'duration': {
      const v = value as AttributeValue<'duration'>;
      return {
        agreementKey: `${formatNumber(v.minutes)} min`,
        quantity: { unit: 'minute', lower: v.minutes, upper: v.minutes },
        specificity: 0,
        demand: v.minutes,
      };
    }
    case 'studyHours': {
      const v = value as AttributeValue<'studyHours'>;
      return {
        agreementKey: `${formatNumber(v.min)}-${formatNumber(v.max)} h`,
        quantity: { unit: 'hour', lower: v.min, upper: v.max },
        specificity: -(v.max - v.min),
        demand: v.max,
      };
    }
    case 'questions': {
      const v = value as AttributeValue<'questions'>;
      return {
        agreementKey: `${v.min}-${v.max}`,
        quantity: { unit: 'question', lower: v.min, upper: v.max },
        specificity: -(v.max - v.min),
        demand: v.max,
      };
    }
    case 'experience': {
      const v = value as AttributeValue<'experience'>;
      const upper = v.maxYears ?? Number.POSITIVE_INFINITY;
      // What a learner acts on is the recommended minimum: "at least 2 years" [2, ∞) and "1–2 years" [1, 2]
      // disagree on it, while "3+ years" and "3–5 years" agree.
      return {
        agreementKey: `min ${formatNumber(v.minYears)}y`,
        quantity: { unit: 'year', lower: v.minYears, upper },
        specificity: 0,
        demand: v.minYears,
      };
    }
    case 'validity': {
      const v = value as AttributeValue<'validity'>;
      return {
        agreementKey: `${v.months} months`,
        quantity: { unit: 'month', lower: v.months, upper: v.months },
        specificity: 0,
        demand: -v.months,
      };
    }
    case 'recertification': {
      const v = value as AttributeValue<'recertification'>;
      return {
        agreementKey: `${v.daysBeforeExpiry} days`,
        quantity: { unit: 'day', lower: v.daysBeforeExpiry, upper: v.daysBeforeExpiry },
        specificity: 0,
        demand: -v.daysBeforeExpiry,
      };
    }
    case 'salary': {
      const v = value as AttributeValue<'salary'>;
      const currency = v.currency.toUpperCase();
      const range =
        v.min === v.max
          ? `${currency} ${formatNumber(v.min)}`
          : `${currency} ${formatNumber(v.min)}–${formatNumber(v.max)}`;
      // "or more" / "and up": no ceiling, so [min, ∞) — it agrees with any range that reaches min or above.
      const shown = v.openEnded ? `${range} or more` : range;
      return {
        agreementKey: shown,
        quantity: { unit: `${currency}/year`, lower: v.min, upper: v.openEnded ? Number.POSITIVE_INFINITY : v.max },
        specificity: v.openEnded ? -Number.MAX_SAFE_INTEGER : -(v.max - v.min),
        demand: 0,
      };
    }
    case 'retirement': {
      const v = value as AttributeValue<'retirement'>;
      return { agreementKey: v.date, quantity: null, specificity: 0, demand: 0 };
    }
    case 'release': {
      const v = value as AttributeValue<'release'>;
      // "March 2026" and "2026-03-14" are the same statement at two precisions: the month is covered by any day
      // inside it and contradicted by a day outside it. The scope is one for every release value, so `covers`
      // only compares the parts.
      const [year, month, day] = v.date.split('-');
      const parts = new Map<string, string | null>([
        ['month', `${year}-${month}`],
        ['day', day ?? null],
      ]);
      return {
        agreementKey: v.date,
        quantity: null,
        specificity: day === undefined ? 0 : 1,
        demand: 0,
        refinement: { scope: 'release', scopeLabel: formatClaimValue('release', { date: `${year}-${month}` }), parts },
      };
    }
    case 'testVendor': {
      const v = value as AttributeValue<'testVendor'>;
      return { agreementKey: sortedList(v.vendors), ...unitless };
    }
    case 'code': {
      const v = value as AttributeValue<'code'>;
      const code = v.code.trim().toUpperCase();
      return { agreementKey: code, quantity: null, specificity: 0, demand: 0 };
    }
    case 'language': {
      const v = value as AttributeValue<'language'>;
      return { agreementKey: sortedList(v.languages), ...unitless };
    }
    case 'format': {
      const v = value as AttributeValue<'format'>;
      return { agreementKey: sortedList(v.formats), ...unitless };
    }
    case 'delivery': {
      const v = value as AttributeValue<'delivery'>;
      return { agreementKey: sortedList(v.modes), ...unitless };
    }
    case 'passingScore': {
      const v = value as AttributeValue<'passingScore'>;
      return {
        agreementKey: formatNumber(v.score),
        quantity: v.scale === null ? null : { unit: `score/${v.scale}`, lower: v.score, upper: v.score },
        specificity: v.scale === null ? 0 : 1,
        demand: v.score,
      };
    }
    case 'focus': {
      const v = value as AttributeValue<'focus'>;
      return { agreementKey: sortedList(v.topics), ...unitless };
    }
    case 'notPublished':
      // Every statement of the set says the same thing (the set is keyed by the attribute): they always agree.
      return { agreementKey: (value as AttributeValue<'notPublished'>).attribute, ...unitless };
    case 'objective': {
      const v = value as AttributeValue<'objective'>;
      // Two sources give the same objective when they label it alike; a different label under the same number
      // is a reworded (or renumbered) guide, which a reviewer should see.
      return {
        agreementKey: normalizeName(v.label),
        ...unitless,
      };
    }
    case 'domain': {
      const v = value as AttributeValue<'domain'>;
      const weight = v.weightPercent === null ? '?' : formatNumber(v.weightPercent);
      return {
        agreementKey: `${normalizeDomainName(v.name)}=${weight}`,
        ...unitless,
      };
    }
    case 'domains': {
      const v = value as DomainsValue;
      // A list is compared as a set of (name, weight): order is presentation, a renamed or re-weighted
      // domain is a different list. A weight not given is open, not a value: the refinement lets the
      // reconciler read an unweighted list as support for the same names with weights.
      const parts = new Map<string, string | null>();
      for (const d of v.domains) {
        const name = normalizeDomainName(d.name);
        // A range is a stated weight too: "25–30" and "30–35" disagree, and a list without weights is covered by it.
        const weight =
          d.weightPercent !== null
            ? formatNumber(d.weightPercent)
            : d.weightRange
              ? `${formatNumber(d.weightRange[0])}-${formatNumber(d.weightRange[1])}`
              : null;
        if (!parts.has(name) || parts.get(name) === null) parts.set(name, weight);
      }
      const names = [...parts.keys()].sort();
      const entries = names.map((name) => `${name}=${parts.get(name) ?? '?'}`);
      const count = countDomains(v.domains.length);
      return {
        agreementKey: entries.join('|'),
        summary: `${count}, ${v.weightsKnown ? 'with weights' : v.domains.some((d) => d.weightRange) ? 'with weight ranges' : 'no weights'}`,
        quantity: null,
        // The share of domains with a weight: a list with some weights says more than one with none.
        specificity: parts.size === 0 ? 0 : [...parts.values()].filter((w) => w !== null).length / parts.size,
        demand: 0,
        refinement: { scope: names.join('|'), scopeLabel: count, parts },
      };
    }
  }
}

const unitless = { quantity: null, specificity: 0, demand: 0 } as const;
