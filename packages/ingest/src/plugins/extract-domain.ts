/**
 * Exam domains and their weights: headings or list items like "Data Engineering (20%)" or
 * "Domain 1: Modeling – 36%", tables with a domain and a weight column, and lists introduced by
 * "The exam assesses your ability to:" / "covers the following domains:" (weight null), and lists written as
 * prose ("four pillars: a, b, and c"). Names are kept as written, so each is found verbatim in its quote. A
 * prose list whose last "x and y" may be one domain or two is read only when a stated count, the grammar or
 * another list of the same exam settles it; otherwise it is left out with an info message.
 *
 * A source may give several lists for one exam (weighted headings, then a prose summary with other names):
 * every domain carries the id of its list (`list`), so the reconciler weighs each list as a statement of its
 * own instead of merging them into one.
 */
import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import {
  clauseText,
  context,
  type ExtractionContext,
  lowerBound,
  pointAt,
  type Sentence,
  sentenceAt,
} from '../lib/context.ts';
import { type Block, runSums } from '../lib/document.ts';
import { emitFact, quoteFor } from '../lib/emitFact.ts';
import { NUM, parseNumber } from '../lib/quantities.ts';
import { examAt } from '../lib/subjectAt.ts';
import {
  cleanName,
  enumeratorOf,
  isBareEnumerator,
  unnamedWeights,
  type Weight,
  weightCell,
  weightedItem,
  weightedSeries,
} from '../lib/weights.ts';
import { labelOf } from './shared.ts';

export type ExtractDomainOptions = Record<string, never>;

const LEAD_IN =
  /\b(?:domains?|pillars?|(?:content|knowledge|subject|key)\s+areas?|sections?|objectives|competenc\w+|(?:assesses|measures|tests|validates|evaluates)\s+(?:your|the|a\s+candidate['’]s)\s+ability|exam\s+(?:covers|assesses|measures|tests))\b[^.]*:\s*$/i;
/** Words that say a list or section is about the exam's content outline. */
const OUTLINE =
  /\b(?:domains?|sections?|areas?|topics?|objectives?|blueprint|exam\s+guide|weight\w*|covers?|outline|syllabus|pillars?|breakdown)\b/i;
/** Words that say a number series or a table row is about domain weights. */
const WEIGHT_WORDS = /\b(?:weigh\w*|domains?|breakdown|split)\b/i;

/** Prose lists: "four central pillars—data engineering, …, and operations", "assesses skills in a, b, and c". */
const PROSE_LIST = new RegExp(
  [
    `\\b(?:(?<count>${NUM})\\s+)?(?:key\\s+|central\\s+|main\\s+|core\\s+|content\\s+)?(?<noun>domains|pillars|topics|areas|sections)\\b[^.:;—–]{0,40}?(?<connector>\\s*[—–:]\\s*|,?\\s+(?:including|such\\s+as|namely)\\s+)(?<list>[^.;:]+)`,
    "\\b(?:assesses|measures|tests|validates|evaluates)\\s+(?:your\\s+|a\\s+candidate['’]s\\s+)?(?:skills|competenc\\w+)\\s+in\\s+(?<list2>[^.;:]+)",
  ].join('|'),
  'gi',
);

/** Words that open a list of examples rather than the outline itself. */
const EXAMPLES = /(?:^|\s)(?:for\s+(?:example|instance)|e\.g|such\s+as)\b|^(?:like|including)\b/i;
/** Words that close a list of examples: the outline is not complete. */
const OPEN_ENDED = /(?:\betc\.?|\band\s+(?:more|others|so\s+on)|\bamong\s+others)\s*$/i;
/** Words a domain name neither ends nor starts with: "collaborating within | across teams" is one phrase. */
const FUNCTION_WORD =
  /^(?:within|across|of|to|for|in|on|with|from|into|onto|by|at|about|between|through|the|a|an|their|its|your|our)$/i;

/** The same inflection on two coordinated words ("serving and scaling", "implementation and operations"). */
function formOf(word: string): string | null {
  if (/..ing$/i.test(word)) return 'ing';
  if (/(?:tion|sion|ment|ance|ence|ity|ness|sis|ure)s?$/i.test(word)) return 'nominal';
  return null;
}

/**
 * Whether "left and right" read as two domains: false where either half cannot stand alone, i.e. the
 * conjunction joins prepositions ("within and across teams"), two verbs or nouns sharing an object or head
 * ("serving and scaling models"), or two heads sharing a modifier ("implementation and operations").
 */
function plausibleSplit(left: string, right: string): boolean {
  const l = left.split(/\s+/);
  const r = right.split(/\s+/);
  const lastLeft = l[l.length - 1] as string;
  const firstRight = r[0] as string;
  if (FUNCTION_WORD.test(lastLeft) || FUNCTION_WORD.test(firstRight)) return false;
  const shared = formOf(lastLeft) !== null && formOf(lastLeft) === formOf(firstRight);
  // Two gerunds side by side share what follows ("… and automating and orchestrating ML pipelines").
  if (shared && r.length > 1 && (l.length === 1 || formOf(lastLeft) === 'ing')) return false;
  if (shared && r.length === 1 && l.length > 1) return false;
  return true;
}

const clean = (item: string) =>
  item
    .trim()
    .replace(/^(?:(?:and|or|the)\s+)+/i, '')
    .trim();

/** At most this many words per item: a list item names a domain, it does not say a sentence. */
const MAX_ITEM_WORDS = 10;
const itemOk = (i: string) => !!i && i.split(/\s+/).length <= MAX_ITEM_WORDS && !/\d|[()]/.test(i);
const wellFormed = (items: string[]) => items.length >= 3 && items.every(itemOk);

/**
 * The ways a prose list can be read. With a serial comma ("a, b, and c") commas alone separate items, so
 * there is one reading. Without it the last "x and y" may be one item or two ("modeling and machine learning
 * implementation and operations"), so every plausible reading is returned; null when none is a list of 3+
 * short noun phrases or the list only gives examples.
 */
export function proseReadings(list: string): string[][] | null {
  const text = list.trim();
  if (EXAMPLES.test(text) || OPEN_ENDED.test(text)) return null;
  if (/,\s+(?:and|or)\s/.test(text)) {
    const items = text.split(/(?<!\s)\s*,\s*/).map(clean);
    return wellFormed(items) ? [items] : null;
  }
  const chunks = text.split(/(?<!\s)\s*,\s*/).map(clean);
  const tail = chunks.pop() ?? '';
  // Every reading keeps `chunks` and splits the tail at most once into two items: when a chunk is no item, or
  // the tail is too long to be one or two, no reading can be a list. Checked first, because trying each
  // conjunction of a long tail slices the tail again each time (quadratic: 100 KB of "x or x or …" took 40 s).
  if (!chunks.every(itemOk) || tail.split(/\s+/, 2 * MAX_ITEM_WORDS + 2).length > 2 * MAX_ITEM_WORDS + 1) return null;
  const conjunctions = [...tail.matchAll(/(?<!\s)\s+(?:and|or)\s+/g)];
  const readings: string[][] = [[...chunks, tail]];
  for (const c of conjunctions) {
    const left = tail.slice(0, c.index).trim();
    const right = tail.slice((c.index ?? 0) + c[0].length).trim();
    if (left && right && plausibleSplit(left, right)) readings.push([...chunks, left, right]);
  }
  // The unsplit tail is always a reading: a missed split is resolved later or skipped, never guessed.
  const valid = readings.filter(wellFormed);
  return valid.length > 0 ? valid : null;
}

/** Splits "a, b, and c" / "a, b and c" into items; null unless exactly one reading is a list of 3+ items. */
export function proseItems(list: string): string[] | null {
  const readings = proseReadings(list);
  return readings?.length === 1 ? (readings[0] as string[]) : null;
}

const normalize = (name: string) =>
  name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Picks the one reading whose disputed items (those not shared by every reading) are all domain names
 * known from elsewhere, e.g. another list of the same exam; null while that does not single one out.
 */
export function chooseReading(readings: readonly string[][], known: ReadonlySet<string>): string[] | null {
  if (readings.length === 1) return readings[0] as string[];
  const common = readings.slice(1).reduce((acc, r) => acc.filter((i) => r.includes(i)), readings[0] as string[]);
  const supported = readings.filter((r) => {
    const disputed = r.filter((i) => !common.includes(i));
    return disputed.length > 0 && disputed.every((i) => known.has(normalize(i)));
  });
  return supported.length === 1 ? (supported[0] as string[]) : null;
}

/** Normalised form of a domain name, for comparing names across lists ("ML & data" = "ml and data"). */
export const domainKey = normalize;

/** A prose domain list this source alone could not read unambiguously; buildDataset may settle it. */
export interface PendingDomainList {
  exam: string;
  readings: string[][];
  start: number;
  end: number;
  at: number;
  section: string[];
  /** Where the info message points, so it can be withdrawn once another source settles the list. */
  line: number;
  column: number;
  /** The list id its domains carry once a reading is chosen (see `DomainValue.list`). */
  list: string;
}

export const AMBIGUOUS_LIST_RULE = 'certplan:ambiguous-domain-list';

declare module 'vfile' {
  interface DataMap {
    pendingDomainLists: PendingDomainList[];
  }
}

export interface DomainName {
  name: string;
  weightPercent: number | null;
  /** A stated range ("15-20%"); weightPercent is then null. */
  weightRange?: [number, number];
}

const domainOf = (name: string, weight: Weight | 'remainder' | null): DomainName => {
  if (weight === null || weight === 'remainder') return { name, weightPercent: null };
  return weight.range
    ? { name, weightPercent: null, weightRange: weight.range }
    : { name, weightPercent: weight.percent };
};

/**
 * A block of text that is one weighted domain, e.g. "Modeling (36%)", "Domain 2 — data work (~20%)",
 * "Modeling – 10-15%"; exported for the focus extractor. Without an enumerator the name must start with a
 * capital, as outline entries do (a lowercase start is a sentence that happens to end in a percentage).
 */
export function weightedDomain(text: string): DomainName | null {
  const item = weightedItem(text.trim());
  if (!item) return null;
  if (!enumeratorOf(text.trim()) && !/^[\p{Lu}\d]/u.test(item.name)) return null;
  return domainOf(item.name, item.weight);
}

function firstSentence(ctx: ExtractionContext, block: Block): Sentence | undefined {
  return sentenceAt(ctx, block.start);
}

/**
 * List ids from content, not position: a kind (h: heading run, t: table, l: bulleted list, p: prose) and the
 * start of the list's first item (or of a prose list's text) as a slug, numbered when a source repeats one:
 * "h:architecting-ml-solutions-12". Readable in the dataset, and an edit elsewhere in the source leaves them,
 * and so the facts' ids and reviews' digests, as they were.
 */
function listIds() {
  const seen = new Map<string, number>();
  return (kind: 'h' | 't' | 'l' | 'p', text: string): string => {
    const slug = normalize(text).slice(0, 40).trim().replace(/ /g, '-');
    const base = `${kind}:${slug || createHash('sha256').update(text).digest('hex').slice(0, 10)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
}

export function extractDomain(_options?: Readonly<ExtractDomainOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    const blocks = ctx.doc.blocks;
    const listId = listIds();
    const listOf = new Map<string, string>();
    const orderIn = new Map<string, number>();
    let headingRun = 0;
    const groupStart = new Map<number, number>();
    const emit = (block: Block, domain: DomainName, run: string, at = block.start) => {
      const sentence = firstSentence(ctx, block);
      if (!sentence) return;
      const exam = examAt(ctx, sentence, at);
      if (!exam) return;
      const key = `${exam}|${run}`;
      const order = orderIn.get(key) ?? 0;
      orderIn.set(key, order + 1);
      // A run's first item names the list: headings, a table's rows and a list's items each make one list.
      let list = listOf.get(key);
      if (list === undefined) {
        list = listId(run[0] === 'c' ? 't' : (run[0] as 'h' | 't' | 'l'), block.text);
        listOf.set(key, list);
      }
      emitFact(file, {
        exam,
        attribute: 'domain',
        value: { ...domain, order, list },
        quote: { start: block.start, end: block.start + block.text.length },
        at,
      });
    };
    const pending: PendingDomainList[] = [];
    const emitList = (
      exam: string,
      items: string[],
      quote: { start: number; end: number },
      at: number,
      list: string,
    ) => {
      items.forEach((name, order) => {
        emitFact(file, { exam, attribute: 'domain', value: { name, weightPercent: null, order, list }, quote, at });
      });
    };
    for (const sentence of ctx.sentences) {
      if (sentence.block.kind !== 'paragraph') continue;
      const text = ctx.doc.text.slice(sentence.start, sentence.end);
      PROSE_LIST.lastIndex = 0;
      for (let m = PROSE_LIST.exec(text); m; m = PROSE_LIST.exec(text)) {
        const g = m.groups ?? {};
        // "Domains such as …" gives examples; only an outline the text says the exam covers is its domain list.
        if (/such\s+as/i.test(g.connector ?? '')) continue;
        const loose = g.noun && !/^(?:domains|pillars)$/i.test(g.noun);
        if (loose && !/\bcover(?:s|ing)?\b/i.test(text)) continue;
        let readings = proseReadings(g.list ?? g.list2 ?? '');
        // A stated count ("four pillars") settles where the last items split.
        if (readings && g.count) readings = readings.filter((r) => r.length === parseNumber(g.count as string));
        if (!readings?.length) continue;
        const at = sentence.start + m.index;
        const exam = examAt(ctx, sentence, at);
        if (!exam) continue;
        const quote = { start: sentence.start, end: sentence.end };
        const list = listId('p', g.list ?? g.list2 ?? '');
        if (readings.length === 1) emitList(exam, readings[0] as string[], quote, at, list);
        else pending.push({ exam, readings, ...quote, at, section: sentence.block.section, ...pointAt(ctx, at), list });
      }
    }
    /** Weighted items in the block's list (or among the paragraphs around it), counted once per run. */
    let siblingRuns: { grouped: ReturnType<typeof runSums>; paragraphs: ReturnType<typeof runSums> } | null = null;
    const weightedSiblings = (i: number): number => {
      if (!siblingRuns) {
        const weighted = blocks.map((b) => weightedDomain(b.text) !== null);
        const weightedParagraph = (b: Block) => b.kind === 'paragraph' && !!weighted[b.index];
        siblingRuns = {
          grouped: runSums(
            blocks,
            (a, b) => a.group !== null && a.group === b.group,
            (b) => (weighted[b.index] ? 1 : 0),
          ),
          paragraphs: runSums(
            blocks,
            (a, b) => weightedParagraph(a) && weightedParagraph(b),
            (b) => (weightedParagraph(b) ? 1 : 0),
          ),
        };
      }
      const block = blocks[i] as Block;
      const next = blocks[i + 1];
      if (block.group !== null) {
        const { through, from } = siblingRuns.grouped;
        return (through[i] as number) + (next && next.group === block.group ? (from[i + 1] as number) : 0);
      }
      const { through, from } = siblingRuns.paragraphs;
      return (through[i] as number) + (from[i + 1] as number);
    };
    /** Prose outlines, one sentence each: "covers four domains: a (20%), b (30%) and c (50%)"; unnamed weights. */
    const seriesDomains = (block: Block): boolean => {
      let found = false;
      // Sentences by index from the block's first (binary search): no scan of the whole document per block.
      const first = lowerBound(ctx.sentences, block.start, (x) => x.start);
      for (let i = first, s = ctx.sentences[i]; s && s.block === block; s = ctx.sentences[++i]) {
        const text = ctx.doc.text.slice(s.start, s.end);
        const items = weightedSeries(text);
        if (items) {
          const exam = examAt(ctx, s, s.start + (items[0]?.nameStart ?? 0));
          if (!exam) continue;
          const list = listId('p', items[0]?.name ?? '');
          items.forEach((item, order) => {
            const value = { ...domainOf(item.name, item.weight), order, list };
            emitFact(file, {
              exam,
              attribute: 'domain',
              value,
              quote: { start: s.start, end: s.end },
              at: s.start + item.nameStart,
            });
          });
          found = true;
          continue;
        }
        if (unnamedDomains(s, text, 0, text.length, WEIGHT_WORDS.test(labelOf(s)))) found = true;
      }
      return found;
    };
    /**
     * "weigh 28 / 26 / 22 / 24": weights without names, read only where the clause speaks of weights or domains;
     * names are the guide's positions ("Domain 1".."Domain n").
     */
    const unnamedDomains = (s: Sentence, text: string, from: number, to: number, labelled: boolean): boolean => {
      const weights = unnamedWeights(text.slice(from, to));
      if (!weights) return false;
      const at = s.start + from + (weights[0]?.start ?? 0);
      if (!labelled && !WEIGHT_WORDS.test(clauseText(ctx, s, at))) return false;
      const exam = examAt(ctx, s, at);
      if (!exam) return false;
      const list = listId('p', `unnamed ${text.slice(from, to)}`);
      weights.forEach((w, order) => {
        const value = { name: `Domain ${order + 1}`, weightPercent: w.percent, order, list };
        emitFact(file, { exam, attribute: 'domain', value, quote: quoteFor(s), at });
      });
      return true;
    };
    /**
     * A table from its first row: rows that are domains (a name cell and a weight cell, in either order, with or
     * without a header), or one column per exam under a label that names domains or weights ("| Domain weights |
     * 20 / 30 / 50 | … |", "| Heaviest domain | Modeling (36%) | … |").
     */
    const tableDomains = (first: number) => {
      const rows: Block[] = [];
      for (let k = first; k < blocks.length && blocks[k]?.group === blocks[first]?.group; k++)
        rows.push(blocks[k] as Block);
      const head = rows[0] as Block;
      const headCells = head.cells ?? [];
      const nameCol = headCells.findIndex((c) => /\b(?:domain|section|area|topic|objective|name)s?\b/i.test(c));
      const weightRows = rows.filter((r) => (r.cells ?? []).some((c) => weightCell(c) !== null));
      const headed = nameCol >= 0 && headCells.some((c) => /\b(?:weight\w*|percent\w*|share)\b|%/i.test(c));
      if (headed || weightRows.length >= 2) {
        const run = `t${head.group}`;
        for (const row of rows) {
          const cells = row.cells ?? [];
          const weightIdx = cells.findIndex((c) => weightCell(c) !== null);
          if (weightIdx < 0 && !headed) continue;
          if (row === head && weightIdx < 0) continue;
          let nameIdx = headed && nameCol !== weightIdx ? nameCol : -1;
          if (nameIdx < 0 || isBareEnumerator(cells[nameIdx] ?? ''))
            nameIdx = cells.findIndex((c, k) => k !== weightIdx && /\p{L}/u.test(c) && !isBareEnumerator(c));
          const cleaned = cleanName(cells[nameIdx] ?? '', 0);
          if (!cleaned) continue;
          emit(row, domainOf(cleaned.name, weightIdx >= 0 ? weightCell(cells[weightIdx] ?? '') : null), run);
        }
        return;
      }
      for (const row of rows) {
        const cells = row.cells ?? [];
        if (cells.length < 2 || !WEIGHT_WORDS.test(cells[0] ?? '')) continue;
        const spans = ctx.cellSpans.get(row.index) ?? [];
        const s = sentenceAt(ctx, row.start);
        if (!s) continue;
        spans.slice(1).forEach((span, k) => {
          const text = ctx.doc.text.slice(span.start, span.end);
          const item = weightedDomain(text);
          if (item) {
            const exam = examAt(ctx, s, span.start);
            if (exam) emit(row, item, `c${row.group}-${k}`, span.start);
            return;
          }
          unnamedDomains(s, ctx.doc.text.slice(s.start, s.end), span.start - s.start, span.end - s.start, true);
        });
      }
    };
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i] as Block;
      if (block.kind === 'heading') {
        const domain = weightedDomain(block.text);
        if (domain) emit(block, domain, `h${headingRun}`);
        else headingRun++;
        continue;
      }
      if (block.kind === 'tableRow') {
        if (block.order === 0 || blocks[i - 1]?.group !== block.group) tableDomains(i);
        continue;
      }
      if (block.kind === 'listItem' || block.kind === 'paragraph') {
        const domain = weightedDomain(block.text);
        // Outside a heading run, a weighted item is a domain where the text says it lists the exam's outline, where
        // it is numbered as one, or where its siblings are weighted items too (a list is an outline, a sentence
        // that ends in a percentage is not).
        if (block.group !== null && !groupStart.has(block.group)) groupStart.set(block.group, i);
        const lead = block.group !== null ? (groupStart.get(block.group) ?? i) - 1 : i - 1;
        const outlined =
          enumeratorOf(block.text) !== '' ||
          OUTLINE.test(block.section[block.section.length - 1] ?? '') ||
          OUTLINE.test(blocks[lead]?.kind === 'listItem' ? '' : (blocks[lead]?.text ?? '')) ||
          weightedSiblings(i) >= 2;
        if (domain && outlined) {
          emit(block, domain, block.group !== null ? `l${block.group}` : `h${headingRun}`);
          continue;
        }
        if (seriesDomains(block)) continue;
        if (block.kind === 'listItem' && block.order === 0) {
          // A list introduced as the exam's domains/areas: each short item is a domain without a weight.
          const lead = blocks[i - 1];
          if (!lead || lead.kind === 'listItem' || !LEAD_IN.test(lead.text)) continue;
          const items: Block[] = [];
          for (let k = i; k < blocks.length && blocks[k]?.group === block.group; k++) items.push(blocks[k] as Block);
          const names = items.map((item) =>
            item.text.slice(enumeratorOf(item.text).length).replace(/[.;]$/, '').trim(),
          );
          if (names.some((n) => n.split(/\s+/).length > 14 || /[.!?]\s/.test(n))) continue;
          items.forEach((item, k) => {
            if (weightedDomain(item.text)) return;
            emit(item, { name: names[k] as string, weightPercent: null }, `l${block.group}`);
          });
        }
      }
    }
    // Another list of the same exam in this source (a weighted outline, say) may name one reading's items.
    const unresolved: PendingDomainList[] = [];
    for (const list of pending) {
      const known = new Set(
        ctx.facts
          .filter((f) => f.exam === list.exam && f.attribute === 'domain')
          .map((f) => domainKey((f.value as DomainName).name)),
      );
      const items = chooseReading(list.readings, known);
      if (items) {
        emitList(list.exam, items, list, list.at, list.list);
        continue;
      }
      unresolved.push(list);
      const tails = list.readings.map((r) =>
        r
          .slice(commonPrefix(list.readings))
          .map((i) => `"${i}"`)
          .join(' + '),
      );
      file.info(
        `domain list of ${list.exam} is ambiguous without a serial comma (${tails.join(' or ')}); not recorded unless another list of the exam names one reading`,
        { place: { line: list.line, column: list.column }, ruleId: AMBIGUOUS_LIST_RULE },
      );
    }
    file.data.pendingDomainLists = unresolved;
  };
}

function commonPrefix(readings: readonly string[][]): number {
  let n = 0;
  while (readings.every((r) => r[n] !== undefined && r[n] === readings[0]?.[n])) n++;
  return n;
}
