/**
 * Rationales in words a learner understands: one entry per factor that was weighed, saying which way it
 * went and on what evidence (which sources, which dates), never a bare score.
 */
import type { Authority, DomainsValue, RationaleEntry, Review, Source } from '../schema/dataset.ts';
import { type ComparableAttribute, namesTheSameDomain, normalizeName } from './comparableValue.ts';
import type { Statement } from './groupComparableSets.ts';
import { type Position, policyFactors, type Ranking } from './rankPositions.ts';

export type SourceNamer = (sourceId: string) => string;

/** A short name a learner recognises: the site's host, else the title, else the file. */
export function sourceNamer(sources: readonly Source[]): SourceNamer {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return (id) => {
    const source = byId.get(id);
    if (!source) return id;
    if (source.url) {
      const host = /^[a-z]+:\/\/([^/?#]+)/i.exec(source.url)?.[1];
      if (host) return host.replace(/^www\./, '');
    }
    return source.title ?? source.file;
  };
}

/** An authority in words, for one source and for several (every rationale uses these). */
export const authorityWords: Record<Authority, { one: string; many: string }> = {
  official: { one: 'the official source', many: 'official sources' },
  editorial: { one: "certplan's editorial note", many: "certplan's editorial notes" },
  secondary: { one: 'a third-party article', many: 'third-party articles' },
};

/**
 * The recency factor in words: `w` (backed by a source last updated `winnerDate`) against `other` (`otherDate`),
 * decided or not. Dates are ISO days or null for undated sources.
 */
export function recencySentence(
  decided: boolean,
  w: string,
  other: string,
  winnerDate: string | null,
  otherDate: string | null,
): string {
  if (decided) {
    // The date weighed is the source's last update (else its publication): say so, since pages show both.
    const older = otherDate === null ? 'an undated source' : `a source last updated ${otherDate}`;
    return `${w} is backed by a source last updated ${winnerDate}, newer than ${older} saying ${other}.`;
  }
  return winnerDate === null
    ? 'Their best sources are undated, so recency does not settle it.'
    : `Their best sources were both last updated ${winnerDate}, so recency does not settle it.`;
}

const quoted = (label: string) => `“${label}”`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** "a, b and c"; long lists name the first few and count the rest, so a rationale stays a sentence. */
const list = (items: readonly string[], max = 4): string => {
  if (items.length > max) return `${items.slice(0, max - 1).join(', ')} and ${items.length - max + 1} others`;
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
};

/** "a, b and c", the first few of a long list and a count of the rest: for rationales of other modules. */
export const nameList = (items: readonly string[]): string => list(items);

function sourcesOf(position: Position, name: SourceNamer, authority?: Authority): string[] {
  const ids = position.statements.filter((s) => !authority || s.authority === authority).map((s) => s.source);
  return namesOfSources(ids, name);
}

/**
 * One name per source: sources sharing a name (an official page and our editorial note of the same site, two
 * pages of one site) are named once with their count ("2 pages of docs.aws.amazon.com"), so a list never names
 * fewer sources than the count beside it.
 */
export function namesOfSources(ids: readonly string[], name: SourceNamer): string[] {
  const count = new Map<string, Set<string>>();
  for (const id of ids) {
    const label = name(id);
    const group = count.get(label);
    if (group) group.add(id);
    else count.set(label, new Set([id]));
  }
  return [...count].map(([label, group]) => (group.size > 1 ? `${group.size} pages of ${label}` : label));
}

function byWhom(position: Position, name: SourceNamer): string {
  const names = sourcesOf(position, name, position.authority);
  const count = new Set(position.statements.filter((s) => s.authority === position.authority).map((s) => s.source));
  const words = authorityWords[position.authority];
  return `${count.size === 1 ? words.one : words.many} (${list(names)})`;
}

function witnessText(position: Position, name: SourceNamer): string {
  const copies = position.witnesses.filter((group) => group.length > 1);
  const note = copies.map((group) => ` ${list(group.map(name))} carry the same sentence, so they count once.`).join('');
  return note;
}

/** The rationale of a comparable set with a single position: everyone who states it agrees. */
export function explainAgreement(
  attribute: ComparableAttribute,
  position: Position,
  name: SourceNamer,
): RationaleEntry[] {
  // Where some sources say less (a domain list without weights), the shared part is what they all state.
  const refinement = lessSpecific(position).length > 0 ? position.comparable.refinement : undefined;
  const label = quoted(refinement?.scopeLabel ?? position.comparable.summary ?? position.comparable.label);
  // A domain list's shared part is its names ("they are stated"); a release month is one thing ("it is").
  const refined = refinement !== undefined && attribute === 'domains';
  const count = position.witnesses.length;
  const entries: RationaleEntry[] = [
    { factor: 'authority', text: `${label} ${refined ? 'are' : 'is'} stated by ${byWhom(position, name)}.` },
    {
      factor: 'agreement',
      text:
        count > 1
          ? `${count} independent sources agree on ${refined ? 'them' : 'it'} (${list(sourcesOf(position, name))}) and none contradicts ${refined ? 'them' : 'it'}.${witnessText(position, name)}`
          : sourcesOf(position, name).length > 1
            ? `Only one independent source states ${refined ? 'them' : 'it'}:${witnessText(position, name)} No source contradicts ${refined ? 'them' : 'it'}.`
            : `Only ${list(sourcesOf(position, name))} states ${refined ? 'them' : 'it'}, and no source contradicts ${refined ? 'them' : 'it'}.`,
    },
  ];
  return [...entries, ...specificityNote(attribute, position, name), ...weightsNote(attribute, position.value)];
}

/** Statements of the position that say less than its value (and back it), best first. */
function lessSpecific(position: Position): Statement[] {
  const head = position.comparable.agreementKey;
  // A superseded guide version's statement that agrees is a supporter too, but it says as much, not less: the
  // version note (explainBackingHistory) speaks for it.
  return [
    ...position.statements.filter((s) => s.comparable.agreementKey !== head),
    ...position.supporters.filter((s) => s.era?.kind !== 'superseded'),
  ];
}

/**
 * Why sources that say less are support, not dissent: they state the same domains and leave the weights
 * open. The value comes from the sources that give the weights.
 */
function specificityNote(attribute: ComparableAttribute, position: Position, name: SourceNamer): RationaleEntry[] {
  const less = lessSpecific(position);
  if (less.length === 0) return [];
  const head = position.comparable.agreementKey;
  const specific = namesOfSources(
    [...new Set(position.statements.filter((s) => s.comparable.agreementKey === head).map((s) => s.source))],
    name,
  );
  const general = namesOfSources([...new Set(less.map((s) => s.source))], name);
  const oneOfMany =
    attribute === 'domains' &&
    (position.value as DomainsValue).domains.length > 1 &&
    less.every((s) => (s.value as DomainsValue).domains.length === 1);
  const what = oneOfMany
    ? 'only one of these domains'
    : attribute === 'domains'
      ? less.every((s) => (s.value as DomainsValue).domains.every((d) => d.weightPercent === null))
        ? 'the same domains without weights'
        : 'the same domains with fewer weights'
      : 'the same with less detail';
  // A domain list is listed; any other value (a release month before its day) is stated.
  const [verb, verbs, noun] = attribute === 'domains' ? ['list', 'lists', 'list'] : ['state', 'states', 'value'];
  // One source giving its list twice, with and without weights (headings, then a sentence): it backs itself.
  if (general.length === 1 && specific.length === 1 && general[0] === specific[0]) {
    return [
      {
        factor: 'specificity',
        text: `${general[0]} also ${verbs} ${what}, which supports its ${quoted(position.comparable.summary ?? position.comparable.label)} rather than contradicting it; the claim takes the more specific ${noun}.`,
      },
    ];
  }
  return [
    {
      factor: 'specificity',
      text: `${list(general)} ${general.length === 1 ? verbs : verb} ${what}, which supports ${quoted(position.comparable.summary ?? position.comparable.label)} from ${list(specific)} rather than contradicting it; the claim takes the more specific ${noun}.`,
    },
  ];
}

/** The rationale of a suggestion between disagreeing positions: the factors in order, up to the one that decided. */
export function explainRanking(attribute: ComparableAttribute, ranking: Ranking, name: SourceNamer): RationaleEntry[] {
  const [winner, runnerUp, ...rest] = ranking.positions;
  if (!winner || !runnerUp) return [];
  // Short forms where they still tell the two apart (two domain lists), else the full labels.
  const [ws, rs] = [winner.comparable.summary, runnerUp.comparable.summary];
  const distinct = ws !== undefined && rs !== undefined && ws !== rs;
  // Where the winner's ranking drew on sources that give only the names (official domains without weights,
  // an article giving their weights), the factors speak for the names, not for the weights. A source that
  // gives the weights and also lists the names again without them (headings, then a prose summary) is not
  // another voice: the factors still speak for its weighted list.
  const head = winner.comparable.agreementKey;
  const [wr, rr] = [winner.comparable.refinement, runnerUp.comparable.refinement];
  const weighing = new Set(winner.statements.filter((s) => s.comparable.agreementKey === head).map((s) => s.source));
  const namesOnly =
    wr !== undefined &&
    wr.scope !== rr?.scope &&
    winner.statements.some((s) => s.comparable.agreementKey !== head && !weighing.has(s.source));
  const w = quoted(namesOnly ? wr.scopeLabel : distinct ? ws : winner.comparable.label);
  const r = quoted(distinct ? rs : runnerUp.comparable.label);
  const entries: RationaleEntry[] = [];
  for (const factor of policyFactors) {
    const decided = factor === ranking.decidedBy;
    // Coverage and guide versions apply to some sets only: said where they decided, else nothing to say.
    if ((factor === 'coverage' || factor === 'version') && !decided) continue;
    entries.push({ factor, text: factorText(factor, decided, winner, runnerUp, w, r, name) });
    if (decided) break;
  }
  if (ranking.decidedBy === null) {
    entries.push({
      factor: 'rule',
      text:
        winner.comparable.demand !== runnerUp.comparable.demand
          ? `It is a tie: no factor separates ${w} from ${r}. certplan shows the more demanding ${w}, to keep you from being caught unprepared, and flags it for a reviewer to decide.`
          : `It is a tie: no factor separates ${w} from ${r}. certplan shows ${w} (the first in a fixed order, not a judgement) and flags it for a reviewer to decide.`,
    });
  }
  if (rest.length > 0) {
    const others = rest.map((p) => `${quoted(p.comparable.label)} (${list(sourcesOf(p, name))})`);
    entries.push({ factor: 'rule', text: `Also stated, and ranked lower: ${list(others)}.` });
  }
  return [
    ...entries,
    ...weightDifferences(attribute, winner, runnerUp, w, r),
    ...selfDisagreement(attribute, ranking.positions, name),
    ...specificityNote(attribute, winner, name),
    ...weightsNote(attribute, winner.value),
  ];
}

const weightText = (d: DomainsValue['domains'][number]): string =>
  d.weightPercent !== null
    ? `${d.weightPercent}%`
    : d.weightRange
      ? `${d.weightRange[0]}–${d.weightRange[1]}%`
      : 'no weight';

/**
 * Where two domain lists disagree, on what: each domain both name (in the same or their own words) with a
 * different weight, "D: 30–35% vs 35–40%", and the domains only one of them names. Without it a reviewer reads
 * "5 domains, with weight ranges" against "1 domain, with weight ranges" and has to find the difference alone.
 */
function weightDifferences(
  attribute: ComparableAttribute,
  winner: Position,
  runnerUp: Position,
  w: string,
  r: string,
): RationaleEntry[] {
  if (attribute !== 'domains') return [];
  const [a, b] = [(winner.value as DomainsValue).domains, (runnerUp.value as DomainsValue).domains];
  const differing: string[] = [];
  const matched = new Set<number>();
  for (const domain of a) {
    const name = normalizeName(domain.name);
    const index = b.findIndex((other, i) => !matched.has(i) && namesTheSameDomain(name, normalizeName(other.name)));
    if (index === -1) continue;
    matched.add(index);
    const [x, y] = [weightText(domain), weightText(b[index]!)];
    // A weight one list leaves open does not disagree with the other's.
    if (x !== y && x !== 'no weight' && y !== 'no weight') differing.push(`${domain.name}: ${x} vs ${y}`);
  }
  const onlyRunnerUp = b.filter((_, i) => !matched.has(i)).map((d) => `${d.name} (${weightText(d)})`);
  const onlyWinner = a.length - matched.size;
  const parts: string[] = [];
  if (differing.length > 0) parts.push(`the weights differ for ${list(differing, 6)}`);
  if (onlyRunnerUp.length > 0) parts.push(`only ${r} names ${list(onlyRunnerUp, 6)}`);
  if (onlyWinner > 0 && b.length > 1)
    parts.push(`${plural(onlyWinner, 'domain', 'domains')} of ${w} ${onlyWinner === 1 ? 'is' : 'are'} not in ${r}`);
  if (parts.length === 0) return [];
  return [{ factor: 'rule', text: `Where ${w} and ${r} differ: ${parts.join('; ')}.` }];
}

/**
 * A source that gives two of the disagreeing domain lists (weighted headings and a prose list with other
 * names) disagrees with itself: said in so many words, so a reader does not take one side for the source's
 * view. Kept to domain lists, where one source stating several lists is the common case.
 */
function selfDisagreement(
  attribute: ComparableAttribute,
  positions: readonly Position[],
  name: SourceNamer,
): RationaleEntry[] {
  if (attribute !== 'domains') return [];
  const sidesOf = new Map<string, number>();
  for (const position of positions) {
    const sources = new Set([...position.statements, ...position.supporters].map((s) => s.source));
    for (const source of sources) sidesOf.set(source, (sidesOf.get(source) ?? 0) + 1);
  }
  return [...sidesOf]
    .filter(([, sides]) => sides > 1)
    .map(([source, sides]) => ({
      factor: 'rule' as const,
      text: `${name(source)} gives ${sides} lists that disagree with each other; each is weighed as a statement of its own.`,
    }));
}

function factorText(
  factor: (typeof policyFactors)[number],
  decided: boolean,
  winner: Position,
  runnerUp: Position,
  w: string,
  r: string,
  name: SourceNamer,
): string {
  switch (factor) {
    case 'coverage':
      return `${w} lists the exam's domains; ${r} names only one of them, which says nothing about the others and cannot replace the list: it stands as dissent on that domain's weight.`;
    case 'version': {
      const guide = winner.currentGuide!;
      return `${w} is backed by ${sourcesOf(winner, name).length === 1 ? 'a source' : 'sources'} for the current guide (${guide.version}, in effect since ${guide.effective}); ${r} comes from sources not shown to describe it (undated, naming no guide version), which may describe an older one.`;
    }
    case 'authority':
      return decided
        ? `${w} comes from ${byWhom(winner, name)}, which outranks ${byWhom(runnerUp, name)} saying ${r}.`
        : `Both ${w} and ${r} come from ${authorityWords[winner.authority].many}, so authority does not settle it.`;
    case 'recency':
      return recencySentence(decided, w, r, winner.date, runnerUp.date);
    case 'agreement': {
      const n = winner.witnesses.length;
      if (decided) {
        return `${plural(n, 'independent source gives', 'independent sources give')} ${w} (${list(sourcesOf(winner, name))}), against ${runnerUp.witnesses.length} for ${r}.${witnessText(winner, name)}`;
      }
      return `Each is backed by ${plural(n, 'independent source', 'independent sources')}, so agreement does not settle it.`;
    }
    case 'specificity':
      return decided
        ? `${w} is stated more precisely than ${r}.`
        : 'Both are stated as precisely, so specificity does not settle it.';
  }
}

function weightsNote(attribute: ComparableAttribute, value: unknown): RationaleEntry[] {
  if (attribute !== 'domains') return [];
  const domains = value as DomainsValue;
  if (domains.weightsKnown) return [];
  if (domains.domains.every((d) => d.weightPercent !== null || d.weightRange)) {
    return [
      {
        factor: 'rule',
        text: `This list gives weight ranges, not weights: the planner splits study time by the middle of each range across the ${domains.domains.length} domains and says so.`,
      },
    ];
  }
  return [
    {
      factor: 'rule',
      text: `This list gives no weights, so the domains' weights are unknown: the planner splits study time evenly across the ${domains.domains.length} domains and warns you.`,
    },
  ];
}

/**
 * The reviewer's decision and, apart from it, the reviewer's own note: the note is the reviewer's words, never
 * put where it could be read as the chosen source's.
 */
export function explainReview(review: Review, chosen: string, chosenFrom: string | null): RationaleEntry {
  const decision =
    review.decision === 'accept'
      ? `accepted certplan's suggestion, ${quoted(chosen)}`
      : review.decision === 'choose'
        ? `chose ${quoted(chosen)}${chosenFrom ? ` (the value ${chosenFrom} states)` : ''}`
        : `set the value to ${quoted(chosen)}`;
  return {
    factor: 'review',
    text: `A reviewer (${review.by}, ${review.at}) ${decision}. The reviewer's note: “${review.note}”`,
  };
}
