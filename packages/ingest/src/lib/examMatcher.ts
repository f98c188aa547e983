/**
 * Recognising exam mentions from the catalog's names, aliases and codes, with the variations writers use:
 * "ML" for "Machine Learning", dash and spacing variants, with or without the vendor or "Certified", plurals.
 * Also finds bare vendor mentions ("AWS recommends…") and mentions of exams outside the catalog, so a number
 * about another exam is never attributed to a catalogued one.
 */
import type { Exam } from '@certplan/core';

export type Mention =
  | { kind: 'exam'; exam: string; start: number; end: number; viaCode: boolean }
  | { kind: 'vendor'; vendor: string; start: number; end: number }
  | { kind: 'other'; start: number; end: number; text: string };

interface Token {
  norm: string;
  start: number;
  end: number;
}

/** Vendor names as articles write them; keys are the catalog's `vendor` values, lowercased. */
const VENDOR_SYNONYMS: Record<string, string[][]> = {
  aws: [['aws'], ['amazon', 'web', 'services'], ['amazon']],
  'google cloud': [['google', 'cloud'], ['google'], ['gcp'], ['google', 'cloud', 'platform']],
};
/** Vendors with certifications outside the catalog: a number next to these is about something else. */
const OTHER_VENDORS =
  /\b(?:Microsoft|Azure|IBM|Oracle|Databricks|Snowflake|NVIDIA|Cisco|CompTIA|Salesforce|Alibaba Cloud|Coursera|edX|Udemy|DeepLearning\.AI)\b/g;
/** Families of certifications from the catalog's vendors that are not in the catalog. */
const OTHER_EXAM_PATTERNS = [
  /\b(?:Professional|Associate)\s+(?:Cloud|Data|Security|Network|Collaboration|Workspace|Database|DevOps)(?:\s+[A-Z][a-z]+){0,2}\s+(?:Engineer|Architect|Developer|Administrator|Analyst)\b/g,
  // AWS's other certifications: with the vendor the family name is enough; without it, the level must follow
  // (a bare "Data Engineer" is a job title).
  /\bAWS\s+(?:Certified\s+)?(?:Solutions\s+Architect|SysOps\s+Administrator|Cloud\s+Practitioner|AI\s+Practitioner|DevOps\s+Engineer|Developer|Data\s+Engineer|Data\s+Analytics|Advanced\s+Networking|Security|Database)\b(?:\s*(?:[–—-]\s*)?(?:Associate|Professional|Specialty|Foundational)\b)?/g,
  /\b(?:Solutions\s+Architect|SysOps\s+Administrator|Cloud\s+Practitioner|AI\s+Practitioner|DevOps\s+Engineer|Developer|Data\s+Engineer|Data\s+Analytics|Advanced\s+Networking|Security|Database)\s*(?:[–—-]\s*)?(?:Associate|Professional|Specialty|Foundational)\b/g,
  /\b(?:Cloud|AI)\s+Practitioner\b/g,
  /\b(?:Cloud\s+Digital\s+Leader|Generative\s+AI\s+Leader|TensorFlow\s+Developer\s+Certificate|Google\s+(?:AdWords|Analytics|Ads)\s+Certification)\b/g,
  /\b[A-Z]{2,3}-\d{3}\b/g,
  /\b[A-Z]{3}-C\d{2}\b/g,
];
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
  private readonly variants = new Map<string, { exam: string; viaCode: boolean } | null>();
  /** Lengths of the variants starting with each token, longest first: `find` tries only these. */
  private readonly lengthsByFirst = new Map<string, number[]>();
  private readonly vendorOf = new Map<string, string>();
  private readonly vendorKeys: Array<{ tokens: string[]; vendor: string }> = [];
  /** `vendorKeys` grouped by first token, longest first as in `vendorKeys`. */
  private readonly vendorKeysByFirst = new Map<string, Array<{ tokens: string[]; vendor: string }>>();

  constructor(exams: readonly Exam[]) {
    const add = (tokens: string[], exam: string, viaCode: boolean) => {
      if (tokens.length === 0) return;
      for (const key of [tokens.join(' '), [...tokens.slice(0, -1), `${tokens[tokens.length - 1]}s`].join(' ')]) {
        const existing = this.variants.get(key);
        // A variant two exams share identifies neither.
        if (existing !== undefined && existing !== null && existing.exam !== exam) this.variants.set(key, null);
        else if (existing === undefined) this.variants.set(key, { exam, viaCode });
      }
      // The plural variant only changes the last token, so a one-token name starts with either form.
      const firsts = tokens.length === 1 ? [tokens[0] as string, `${tokens[0]}s`] : [tokens[0] as string];
      for (const first of firsts) {
        const lengths = this.lengthsByFirst.get(first) ?? [];
        if (!lengths.includes(tokens.length)) lengths.push(tokens.length);
        this.lengthsByFirst.set(first, lengths);
      }
    };
    for (const exam of exams) {
      const vendorKey = exam.vendor.toLowerCase();
      this.vendorOf.set(exam.id, vendorKey);
      const synonyms = VENDOR_SYNONYMS[vendorKey] ?? [norm(exam.vendor)];
      for (const syn of synonyms) this.vendorKeys.push({ tokens: syn, vendor: vendorKey });
      if (exam.code) add(norm(exam.code), exam.id, true);
      for (const name of [exam.name, ...exam.aliases]) {
        const tokens = norm(name);
        const isCode = exam.code !== null && tokens.join(' ') === norm(exam.code).join(' ');
        add(tokens, exam.id, isCode);
        // Strip a leading vendor, then re-add it under each of its synonyms.
        const syn = synonyms.find((s) => s.every((t, i) => tokens[i] === t));
        const bare = syn ? tokens.slice(syn.length) : tokens;
        if (bare.some((t) => DISTINCTIVE.has(t)) && bare.length >= 2) add(bare, exam.id, false);
        for (const other of synonyms) add([...other, ...bare], exam.id, false);
      }
    }
    this.vendorKeys.sort((a, b) => b.tokens.length - a.tokens.length);
    for (const key of this.vendorKeys) {
      const first = key.tokens[0] as string;
      const group = this.vendorKeysByFirst.get(first) ?? [];
      group.push(key);
      this.vendorKeysByFirst.set(first, group);
    }
    for (const lengths of this.lengthsByFirst.values()) lengths.sort((a, b) => b - a);
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
        mentions.push({ kind: 'vendor', vendor: vendor.vendor, start: (tokens[i] as Token).start, end: last.end });
        i += vendor.tokens.length;
        continue;
      }
      i++;
    }
    const others: Mention[] = [];
    for (const pattern of [OTHER_VENDORS, ...OTHER_EXAM_PATTERNS]) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (mentions.some((x) => x.kind === 'exam' && x.start < end && start < x.end)) continue;
        others.push({ kind: 'other', start, end, text: m[0] });
      }
    }
    // Overlapping patterns: keep the longest span.
    others.sort((a, b) => a.start - b.start || b.end - a.end);
    for (let k = others.length - 1; k > 0; k--) {
      const o = others[k] as Mention;
      if (others.slice(0, k).some((p) => p.start <= o.start && o.end <= p.end)) others.splice(k, 1);
    }
    // An "other exam" span supersedes vendor tokens inside it ("AWS Solutions Architect – Associate").
    const kept = mentions.filter(
      (x) => x.kind !== 'vendor' || !others.some((o) => o.start <= x.start && x.end <= o.end),
    );
    return [...kept, ...others].sort((a, b) => a.start - b.start);
  }
}
