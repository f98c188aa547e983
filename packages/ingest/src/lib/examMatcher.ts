/**
 * Recognising exam mentions from the catalog's names, aliases and codes, with the variations writers use:
 * "ML" for "Machine Learning", dash and spacing variants, with or without the vendor or "Certified", plurals.
 * Also finds bare vendor mentions ("AWS recommends…") and mentions of exams outside the catalog, so a number
 * about another exam is never attributed to a catalogued one. Every vendor, product and other exam comes from
 * the catalog (`vendors`, `otherExams` in content/exams.yaml): adding one is a data change, not a code change.
 */
import type { Exam } from '@certplan/core';

export type Mention =
  | { kind: 'exam'; exam: string; start: number; end: number; viaCode: boolean }
  | { kind: 'vendor'; vendor: string; start: number; end: number }
  | { kind: 'other'; start: number; end: number; text: string; vendor?: string };

interface Token {
  norm: string;
  start: number;
  end: number;
}

/** A vendor as the catalog describes it (`vendors` in content/exams.yaml). */
export interface VendorEntry {
  name: string;
  aliases: readonly string[];
  /** Platform and service names ("SageMaker"): a statement naming one is about that vendor. */
  products: readonly string[];
}

/** An exam certplan does not plan for (`otherExams` in content/exams.yaml): its numbers are never ours. */
export interface OtherExamEntry {
  vendor: string;
  name: string;
  code: string | null;
  aliases: readonly string[];
}

/** What the matcher knows exams and vendors by: the catalog, with its optional vendor and other-exam data. */
export interface MatcherCatalog {
  exams: readonly Exam[];
  vendors?: readonly VendorEntry[];
  otherExams?: readonly OtherExamEntry[];
}

/**
 * The matcher's part of a parsed catalog: exams, and `vendors` / `otherExams` where the catalog has them (read
 * defensively, so a catalog schema without them still works).
 */
export function matcherCatalog(catalog: { exams: readonly Exam[] }): MatcherCatalog {
  const { vendors, otherExams } = catalog as MatcherCatalog;
  return {
    exams: catalog.exams,
    ...(vendors ? { vendors } : {}),
    ...(otherExams ? { otherExams } : {}),
  };
}

/**
 * Exam codes as vendors shape them ("AI-102", "DP-100", "SAA-C03"): one not in the catalog is another exam's.
 * Shapes, not names, so they hold for any vendor.
 */
const CODE_SHAPES = [/\b[A-Z]{2,3}-\d{3}\b/g, /\b[A-Z]{3}-C\d{2}\b/g];

const DISTINCTIVE = new Set(['professional', 'specialty', 'associate', 'expert', 'practitioner', 'foundational']);

function tokenize(text: string): Token[] {
  const raw: Token[] = [];
  const re = /[A-Za-z0-9]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    raw.push({ norm: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  const out: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i] as Token;
    const next = raw[i + 1];
    // Possessives ("Google’s") tokenise to an extra "s"; writers' "Machine Learning" is the catalog's "ML".
    if (t.norm === 's' && out.length > 0 && /['’]$/.test(text.slice(t.start - 1, t.start))) continue;
    if (t.norm === 'certified' || t.norm === 'the') continue;
    if (t.norm === 'machine' && next?.norm === 'learning') {
      out.push({ norm: 'ml', start: t.start, end: next.end });
      i++;
      continue;
    }
    out.push(t);
  }
  return out;
}

const norm = (s: string) => tokenize(s).map((t) => t.norm);

export class ExamMatcher {
  /** Name variants: a catalog exam, or (`other`) an exam outside the catalog; null where two exams share one. */
  private readonly variants = new Map<string, { exam: string; viaCode: boolean; other?: string } | null>();
  /** Lengths of the variants starting with each token, longest first: `find` tries only these. */
  private readonly lengthsByFirst = new Map<string, number[]>();
  private readonly vendorOf = new Map<string, string>();
  private vendorKeys: Array<{ tokens: string[]; vendor: string }> = [];
  /** `vendorKeys` grouped by first token, longest first as in `vendorKeys`. */
  private readonly vendorKeysByFirst = new Map<string, Array<{ tokens: string[]; vendor: string }>>();
  /** Vendors with no catalogued exam: a number next to them is about something else. */
  private readonly otherVendors = new Set<string>();
  /** The words of each catalogued exam's names and aliases, for level words ("associate", "professional"). */
  private readonly levelsOf = new Map<string, Set<string>>();

  constructor(catalog: MatcherCatalog) {
    const { exams, vendors, otherExams } = catalog;
    const add = (tokens: string[], exam: string, viaCode: boolean, other?: string) => {
      if (tokens.length === 0) return;
      for (const key of [tokens.join(' '), [...tokens.slice(0, -1), `${tokens[tokens.length - 1]}s`].join(' ')]) {
        const existing = this.variants.get(key);
        // A variant two exams share identifies neither; a catalogued exam's own name wins over another's alias.
        if (existing === undefined) this.variants.set(key, other ? { exam, viaCode, other } : { exam, viaCode });
        else if (existing !== null && existing.exam !== exam && !(other && !existing.other)) {
          if (!other && existing.other) this.variants.set(key, { exam, viaCode });
          else this.variants.set(key, null);
        }
      }
      // The plural variant only changes the last token, so a one-token name starts with either form.
      const firsts = tokens.length === 1 ? [tokens[0] as string, `${tokens[0]}s`] : [tokens[0] as string];
      for (const first of firsts) {
        const lengths = this.lengthsByFirst.get(first) ?? [];
        if (!lengths.includes(tokens.length)) lengths.push(tokens.length);
        this.lengthsByFirst.set(first, lengths);
      }
    };
    const vendorsByName = new Map((vendors ?? []).map((v) => [v.name.toLowerCase(), v]));
    const vendorEntry = (name: string) => vendorsByName.get(name.toLowerCase());
    // A vendor the catalog does not describe is known by its name alone.
    const synonymsOf = (vendorName: string): string[][] =>
      [vendorName, ...(vendorEntry(vendorName)?.aliases ?? [])].map(norm).filter((t) => t.length > 0);
    const addNames = (names: string[], code: string | null, vendorName: string, exam: string, other?: string) => {
      const synonyms = synonymsOf(vendorName);
      if (code) add(norm(code), exam, true, other);
      for (const name of names) {
        const tokens = norm(name);
        const isCode = code !== null && tokens.join(' ') === norm(code).join(' ');
        add(tokens, exam, isCode, other);
        // Strip a leading vendor, then re-add it under each of its synonyms.
        const syn = synonyms.find((s) => s.every((t, i) => tokens[i] === t));
        const bare = syn ? tokens.slice(syn.length) : tokens;
        if (bare.some((t) => DISTINCTIVE.has(t)) && bare.length >= 2) add(bare, exam, false, other);
        for (const synonym of synonyms) add([...synonym, ...bare], exam, false, other);
      }
    };
    const vendorsWithExams = new Set<string>();
    for (const exam of exams) {
      const vendorKey = exam.vendor.toLowerCase();
      vendorsWithExams.add(vendorKey);
      this.vendorOf.set(exam.id, vendorKey);
      for (const syn of synonymsOf(exam.vendor)) this.vendorKeys.push({ tokens: syn, vendor: vendorKey });
      for (const product of vendorEntry(exam.vendor)?.products ?? [])
        this.vendorKeys.push({ tokens: norm(product), vendor: vendorKey });
      addNames([exam.name, ...exam.aliases], exam.code, exam.vendor, exam.id);
      this.levelsOf.set(
        exam.id,
        new Set([exam.name, ...exam.aliases].flatMap((n) => n.toLowerCase().split(/[^a-z]+/))),
      );
    }
    for (const other of otherExams ?? []) {
      addNames(
        [other.name, ...other.aliases],
        other.code,
        other.vendor,
        `other:${other.name}`,
        other.vendor.toLowerCase(),
      );
    }
    // A vendor the catalog describes but plans no exam of: its name marks statements about something else.
    for (const vendor of vendors ?? []) {
      const key = vendor.name.toLowerCase();
      if (vendorsWithExams.has(key)) continue;
      this.otherVendors.add(key);
      for (const name of [vendor.name, ...vendor.aliases, ...vendor.products])
        this.vendorKeys.push({ tokens: norm(name), vendor: key });
    }
    this.vendorKeys = this.vendorKeys.filter((k) => k.tokens.length > 0);
    this.vendorKeys.sort((a, b) => b.tokens.length - a.tokens.length);
    for (const key of this.vendorKeys) {
      const first = key.tokens[0] as string;
      const group = this.vendorKeysByFirst.get(first) ?? [];
      group.push(key);
      this.vendorKeysByFirst.set(first, group);
    }
    for (const lengths of this.lengthsByFirst.values()) lengths.sort((a, b) => b - a);
  }

  /**
   * The exam a bare level word ("Professional") names, seen from `exam`: `exam` itself when its names carry the
   * level, else the one catalogued exam of its vendor that does, else 'other' (a level we do not plan for).
   */
  examAtLevel(exam: string, level: string): string {
    if (this.levelsOf.get(exam)?.has(level)) return exam;
    const vendor = this.vendorOf.get(exam);
    const peers = [...this.levelsOf].filter(
      ([id, levels]) => id !== exam && levels.has(level) && this.vendorOf.get(id) === vendor,
    );
    return peers.length === 1 ? (peers[0]?.[0] as string) : 'other';
  }

  vendorOfExam(exam: string): string | undefined {
    return this.vendorOf.get(exam);
  }

  /** Every mention in `text`, in order, longest match first; offsets are into `text`. */
  find(text: string): Mention[] {
    const tokens = tokenize(text);
    const mentions: Mention[] = [];
    let i = 0;
    while (i < tokens.length) {
      const first = (tokens[i] as Token).norm;
      // Only the lengths of names starting with this token can match; most tokens start none.
      let matched = false;
      for (const len of this.lengthsByFirst.get(first) ?? []) {
        if (i + len > tokens.length) continue;
        let key = first;
        for (let k = i + 1; k < i + len; k++) key += ` ${(tokens[k] as Token).norm}`;
        const hit = this.variants.get(key);
        if (hit?.other !== undefined) {
          const start = (tokens[i] as Token).start;
          const end = (tokens[i + len - 1] as Token).end;
          mentions.push({ kind: 'other', start, end, text: text.slice(start, end), vendor: hit.other });
          i += len;
          matched = true;
          break;
        }
        if (hit) {
          mentions.push({
            kind: 'exam',
            exam: hit.exam,
            start: (tokens[i] as Token).start,
            end: (tokens[i + len - 1] as Token).end,
            viaCode: hit.viaCode,
          });
          i += len;
          matched = true;
          break;
        }
      }
      if (matched) continue;
      const vendor = this.vendorKeysByFirst
        .get(first)
        ?.find((v) => v.tokens.every((t, k) => tokens[i + k]?.norm === t));
      if (vendor) {
        const last = tokens[i + vendor.tokens.length - 1] as Token;
        const start = (tokens[i] as Token).start;
        if (this.otherVendors.has(vendor.vendor))
          mentions.push({ kind: 'other', start, end: last.end, text: text.slice(start, last.end) });
        else mentions.push({ kind: 'vendor', vendor: vendor.vendor, start, end: last.end });
        i += vendor.tokens.length;
        continue;
      }
      i++;
    }
    // Codes of exams outside the catalog ("SAA-C03"), where no name or code above already matched. Sweeps over
    // lists sorted by start keep this linear in the mentions (no scan of one list per item of another).
    const shaped: Array<Extract<Mention, { kind: 'other' }>> = [];
    for (const pattern of CODE_SHAPES) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text))
        shaped.push({ kind: 'other', start: m.index, end: m.index + m[0].length, text: m[0] });
    }
    if (shaped.length === 0) return mentions;
    // Overlapping shapes: keep the longest span (sorted by start, longest first, a span is dropped when one
    // kept before it reaches as far). A shape overlapping a name matched above is that name's.
    shaped.sort((a, b) => a.start - b.start || b.end - a.end);
    const named = mentions.filter((x) => x.kind !== 'vendor');
    const others: Mention[] = [];
    let reach = -1;
    let j = 0;
    for (const o of shaped) {
      // `named` spans are disjoint and in order: skip those ending before this one starts.
      while (j < named.length && (named[j] as Mention).end <= o.start) j++;
      const next = named[j];
      if ((next && next.start < o.end) || o.end <= reach) continue;
      reach = o.end;
      others.push(o);
    }
    // A code-shaped span supersedes vendor tokens inside it. Kept spans have increasing ends, as do mentions.
    let k = 0;
    const kept = mentions.filter((x) => {
      if (x.kind !== 'vendor') return true;
      while (k < others.length && (others[k] as Mention).end < x.end) k++;
      const o = others[k];
      return !(o && o.start <= x.start && x.end <= o.end);
    });
    return [...kept, ...others].sort((a, b) => a.start - b.start);
  }
}
