/**
 * The grammar of domain weights as exam outlines state them, read by scanning, not by one regex per phrasing:
 * a weight is a percentage (`28%`, `~13%`, `12.5 %`) or a range of them (`15-20%`, `10–15 %`, `35 to 40%`),
 * or the word "remainder"; a weighted item is a name next to its weight (`Modeling (36%)`,
 * `Domain 2: Modeling – 36%`, `Section 1 — Modeling (~36%, the largest)`, `36% Modeling` in a table, and
 * `Modeling36%` where text extraction glued two cells); a series is several weighted items in one sentence
 * (`…: a (20%), b (30%) and c (50%)`), and an unnamed series is weights alone (`28 / 26 / 22 / 24`).
 * Every function returns offsets into its input, so quotes stay verbatim slices.
 */

export interface Weight {
  /** A single figure ("~13%" → 13); null for a range or "remainder". */
  percent: number | null;
  /** "15-20%" → [15, 20]. */
  range: [number, number] | null;
  approximate: boolean;
  start: number;
  end: number;
}

export interface WeightedItem {
  name: string;
  /** Offset of the name in the input. */
  nameStart: number;
  weight: Weight;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpaceChar = (c: number) => c === 32 || c === 9 || c === 0xa0;
const DASHES = new Set(['-', '–', '—', '‐', '‑']);

/** Reads an unsigned number (digits, optional decimals) at `i`; null when none starts there. */
function numberAt(text: string, i: number): { value: number; end: number } | null {
  let j = i;
  while (j < text.length && isDigit(text.charCodeAt(j))) j++;
  if (j === i) return null;
  if (text[j] === '.' && isDigit(text.charCodeAt(j + 1))) {
    j++;
    while (j < text.length && isDigit(text.charCodeAt(j))) j++;
  }
  return { value: Number(text.slice(i, j)), end: j };
}

const skipSpaces = (text: string, i: number) => {
  let j = i;
  while (j < text.length && isSpaceChar(text.charCodeAt(j))) j++;
  return j;
};

/**
 * The weight starting at `i` (after optional "~", "≈", "about"), or null. A percent sign is required after the
 * last figure (`15-20%`, `15%-20%`); a bare number is not a weight here.
 */
export function weightAt(text: string, i: number): Weight | null {
  let j = i;
  let approximate = false;
  if (text[j] === '~' || text[j] === '≈') {
    approximate = true;
    j = skipSpaces(text, j + 1);
  }
  const a = numberAt(text, j);
  if (!a) return null;
  j = skipSpaces(text, a.end);
  let percentAfterA = false;
  if (text[j] === '%') {
    percentAfterA = true;
    j++;
  }
  // A range: "15-20%", "15 – 20 %", "15% - 20%", "15 to 20%".
  let k = skipSpaces(text, j);
  let dash = false;
  if (DASHES.has(text[k] ?? '')) {
    dash = true;
    k++;
  } else if (text.startsWith('to ', k)) {
    dash = true;
    k += 3;
  }
  if (dash) {
    k = skipSpaces(text, k);
    if (text[k] === '~') k = skipSpaces(text, k + 1);
    const b = numberAt(text, k);
    if (b) {
      const e = skipSpaces(text, b.end);
      if (text[e] === '%' && b.value > a.value && b.value <= 100) {
        return { percent: null, range: [a.value, b.value], approximate, start: i, end: e + 1 };
      }
    }
  }
  if (!percentAfterA || a.value > 100) return null;
  return { percent: a.value, range: null, approximate, start: i, end: j };
}

/** "remainder", "the rest" as a weight cell: a domain whose weight the page leaves to subtraction. */
const REMAINDER = /^(?:the\s+)?(?:remainder|rest|remaining)$/i;

/** A cell (or whole short text) that is only a weight: "28%", "~13%", "15-20%", "remainder". */
export function weightCell(text: string): Weight | 'remainder' | null {
  const t = text.trim();
  if (REMAINDER.test(t)) return 'remainder';
  const start = text.indexOf(t);
  const w = weightAt(text, start);
  return w && text.slice(w.end).trim() === '' ? w : null;
}

/** Enumerators a name may start with: "Domain 2:", "Section 1 —", "Part 3.", "2.", "2)", "(b)". */
const ENUMERATOR =
  /^(?:(?:domain|section|area|part|module|topic|objective|pillar)\s*\d{1,2}(?:\.\d{1,2})?\s*(?:[:.)–—-]\s*)?|\d{1,2}[.)]\s+|\(?[a-z]\)\s+)/i;

/** The enumerator at the start of `text` ("Domain 2: "), or ''. */
export function enumeratorOf(text: string): string {
  return ENUMERATOR.exec(text)?.[0] ?? '';
}

/** A label that only numbers a domain ("Domain 1", "Section 2"): a table's name column is elsewhere. */
export function isBareEnumerator(text: string): boolean {
  const t = text.trim();
  return t !== '' && enumeratorOf(t).trim() === t;
}

/**
 * A domain name as written, trimmed of enumerators, leading articles and trailing separators; null when it does
 * not read as a name (no letter first, too long, a sentence, money or a percentage inside).
 */
export function cleanName(raw: string, start: number): { name: string; start: number } | null {
  let s = raw;
  let offset = start;
  const trimLeft = (n: number) => {
    s = s.slice(n);
    offset += n;
  };
  trimLeft(s.length - s.trimStart().length);
  const enumerator = enumeratorOf(s);
  if (enumerator) trimLeft(enumerator.length);
  const article = /^(?:the|and|or)\s+/i.exec(s);
  if (article) trimLeft(article[0].length);
  // Trailing separators and an opening bracket before the weight.
  let end = s.length;
  while (end > 0 && /[\s:([–—\-|*,]/.test(s[end - 1] as string)) end--;
  s = s.slice(0, end);
  if (!/^[\p{L}]/u.test(s)) return null;
  const words = s.split(/\s+/).length;
  if (words > 14 || /[%$€£]|\.\s|[!?]/.test(s)) return null;
  return { name: s, start: offset };
}

/**
 * A block that is one weighted item: the name, then the weight (in brackets or after a separator), then at most a
 * note in the brackets and a description after a dash or colon; or, in a table's glued cells, the weight right
 * after the name. Returns null for anything else (a sentence that merely contains a percentage).
 */
export function weightedItem(text: string): WeightedItem | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c) && text[i] !== '~') continue;
    // The weight must start a token: after a bracket, a separator, a space, or glued straight to a letter.
    const prev = text[i - 1] ?? '';
    if (isDigit(text.charCodeAt(i - 1)) || prev === '.' || prev === ',') continue;
    const weight = weightAt(text, i);
    if (!weight) continue;
    const before = text.slice(0, i);
    const bracketed = /[([]\s*$/.test(before);
    const separated = /(?:\s[:–—-]|:)\s*$/.test(before);
    const glued = /\p{L}$/u.test(before);
    if (!bracketed && !separated && !glued) return null;
    let j = weight.end;
    if (bracketed) {
      // "(36%)", "(20% of exam)", "(~35%, the largest)"
      const close = text.slice(j, j + 60).search(/[)\]]/);
      if (close < 0) return null;
      j += close + 1;
    } else {
      const of = /^\s+of\s+(?:the\s+)?(?:exam|test|score|questions?)\b/i.exec(text.slice(j));
      if (of) j += of[0].length;
    }
    const rest = text.slice(j).trim();
    // After the weight: nothing, or a description introduced by a dash or colon ("– covers…").
    if (rest !== '' && !/^[–—:-]\s/.test(rest) && !/^[–—-]$/.test(rest) && !/^\*+$/.test(rest)) return null;
    const name = cleanName(before, 0);
    if (!name) return null;
    return { name: name.name, nameStart: name.start, weight };
  }
  return null;
}

/** Words before a series' colon that say what follows is the exam's outline. */
const SERIES_LEAD =
  /\b(?:domains?|sections?|areas?|pillars?|weights?|weighted|weighting|carry|covers?|outline|blueprint|breakdown|split)\b/i;

/**
 * Weighted items in one sentence, a prose list: "The outline covers four domains: a (20–25%), b (~30%), and
 * c (15%)". The first name starts after the lead's colon or dash, the others after the comma, semicolon or
 * "and" that ends the item before; each weight is in brackets. Null when fewer than two items read as names or
 * the lead does not say it is an outline.
 */
export function weightedSeries(text: string): WeightedItem[] | null {
  const items: WeightedItem[] = [];
  let cursor = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '(') continue;
    const w = weightAt(text, skipSpaces(text, i + 1));
    if (!w) continue;
    const close = text.slice(w.end, w.end + 60).search(/\)/);
    if (close < 0) continue;
    let nameFrom: number;
    if (cursor < 0) {
      const lead = text.slice(0, i);
      const colon = Math.max(lead.lastIndexOf(':'), lead.lastIndexOf(' — '), lead.lastIndexOf(' – '));
      if (colon < 0 || !SERIES_LEAD.test(lead.slice(0, colon))) return null;
      nameFrom = colon + (text[colon] === ':' ? 1 : 3);
    } else {
      const between = text.slice(cursor, i);
      const sep = /^(?:\s?,\s*(?:and\s+|or\s+)?|\s?;\s*|\s+and\s+)/.exec(between);
      if (!sep) break;
      nameFrom = cursor + sep[0].length;
    }
    const name = cleanName(text.slice(nameFrom, i), nameFrom);
    if (!name || name.name.split(/\s+/).length > 10) return null;
    items.push({ name: name.name, nameStart: name.start, weight: w });
    cursor = w.end + close + 1;
  }
  return items.length >= 2 ? items : null;
}

/**
 * Weights without names, "28 / 26 / 22 / 24" (percent signs optional): at least three whole numbers separated by
 * slashes that add up to about 100. Positions give the names ("Domain 1".."Domain n"), as the exam guide numbers
 * its domains.
 */
export function unnamedWeights(text: string): Array<{ percent: number; start: number; end: number }> | null {
  for (let i = 0; i < text.length; i++) {
    if (!isDigit(text.charCodeAt(i)) || isDigit(text.charCodeAt(i - 1))) continue;
    const out: Array<{ percent: number; start: number; end: number }> = [];
    let j = i;
    for (;;) {
      const n = numberAt(text, j);
      if (!n || !Number.isInteger(n.value)) break;
      let end = n.end;
      if (text[end] === '%') end++;
      out.push({ percent: n.value, start: j, end });
      const k = skipSpaces(text, end);
      if (text[k] !== '/') break;
      j = skipSpaces(text, k + 1);
    }
    if (out.length >= 3) {
      const sum = out.reduce((s, w) => s + w.percent, 0);
      if (sum >= 97 && sum <= 103 && out.every((w) => w.percent > 0 && w.percent < 100)) return out;
    }
    i = Math.max(i, (out[out.length - 1]?.end ?? i + 1) - 1);
  }
  return null;
}
