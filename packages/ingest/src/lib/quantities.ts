/**
 * Reading quantities as writers state them: digits or number words, ranges ("1-2", "50–60", "between X and
 * Y", "X to Y"), open bounds ("3+", "at least", "or more"), money in its usual forms and dates.
 */

const SMALL: Record<string, number> = {
  zero: 0,
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  half: 0.5,
};

/** A number as a regex source: digits (with thousands separators) or number words ("twenty-four"). */
export const NUM =
  '(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)';
const DASH = '\\s*(?:-|–|—|‐|to|or|and)\\s*';
/**
 * A quantity with its bounds: `q` (at least / up to …), `a` and optional `b` (range), `plus` ("+", "or more").
 * Named groups let each extractor add its own unit after it.
 */
export const QUANTITY = `(?:(?<q>at\\s+least|a\\s+minimum\\s+of|minimum\\s+of|min\\.?|more\\s+than|over|up\\s+to|a\\s+maximum\\s+of|maximum\\s+of|about|around|approximately|roughly|nearly|between|from)\\s+)?\\b(?<a>${NUM})(?:(?<plus>\\s*\\+|\\s+or\\s+more|[\\s-]plus)|${DASH}(?<b>${NUM})(?!\\s*%))?`;

export function parseNumber(raw: string): number | null {
  const s = raw.trim().toLowerCase();
  if (/^[\d,]+(?:\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  // "two hundred and fifty", "one thousand five hundred": hundred and thousand multiply what came before.
  const parts = s.split(/[\s-]+/).filter((p) => p !== 'and');
  if (parts.length === 0) return null;
  let total = 0;
  let group = 0;
  for (const part of parts) {
    if (part === 'hundred') group = (group || 1) * 100;
    else if (part === 'thousand') {
      total += (group || 1) * 1000;
      group = 0;
    } else {
      const v = SMALL[part];
      if (v === undefined) return null;
      group += v;
    }
  }
  return total + group;
}

const WORD =
  'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
/** Hundreds and thousands in words: "two hundred", "a hundred and fifty", "one thousand two hundred". */
export const NUM_WORDS_LARGE = `(?:(?:a|${WORD})[\\s-]+)?(?:hundred|thousand)(?:(?:[\\s-]+and)?[\\s-]+(?:${WORD}|hundred|thousand))*`;

export interface Bounds {
  min: number;
  max: number | null;
  /** "about", "around", "approximately". */
  approximate: boolean;
}

/** Bounds from QUANTITY's groups: "at least 2" → [2, ∞), "1-2" → [1, 2], "up to 3" → [0, 3], "2" → [2, 2]. */
export function boundsOf(groups: Record<string, string | undefined>): Bounds | null {
  const a = groups.a !== undefined ? parseNumber(groups.a) : null;
  if (a === null) return null;
  const b = groups.b !== undefined ? parseNumber(groups.b) : null;
  const q = (groups.q ?? '').toLowerCase().replace(/\s+/g, ' ');
  const approximate = /about|around|approximately|roughly|nearly/.test(q);
  if (b !== null) return b >= a ? { min: a, max: b, approximate } : null;
  if (groups.plus || /least|minimum|min|more than|over/.test(q)) return { min: a, max: null, approximate };
  if (/up to|maximum/.test(q)) return { min: 0, max: a, approximate };
  return { min: a, max: a, approximate };
}

const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
};
const CURRENCY_CODES = 'USD|EUR|GBP|JPY|INR|AUD|CAD|SGD|CNY|TWD|KRW|BRL|CHF|NZD|HKD|ZAR|MXN|SEK|NOK|DKK|PLN|AED';
/** Currency names as prose writes them after an amount ("165 euros", "20,000 yen"). */
const CURRENCY_WORDS: Record<string, string> = { euro: 'EUR', pound: 'GBP', yen: 'JPY', rupee: 'INR' };
const AMOUNT = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?|\\d+(?:\\.\\d{1,2})?';
/** Money: "$300", "US$300", "USD 300", "300 USD", "$300 USD", "300 dollars", "two hundred dollars", "€150", "$110k". */
export const MONEY_RE = new RegExp(
  `(?:(?<sym>US\\$|\\$|€|£|¥|₹)\\s?(?<amt1>${AMOUNT})(?<k1>\\s?[kK]\\b)?(?:\\s?(?<code1>${CURRENCY_CODES})\\b)?|\\b(?<code2>${CURRENCY_CODES})\\s?(?<amt2>${AMOUNT})(?<k2>\\s?[kK]\\b)?|\\b(?<amt3>${AMOUNT}|${NUM_WORDS_LARGE})\\s?(?:(?<code3>${CURRENCY_CODES})\\b|(?:US\\s+)?(?<dollars>dollars)\\b|(?<word>euros?|pounds?\\s+sterling|pounds?|yen|rupees?)\\b))(?!\\s*(?:million|billion|trillion|bn|[mMbB]\\b))`,
  'g',
);

export interface Money {
  amount: number;
  currency: string;
  start: number;
  end: number;
}

export function findMoney(text: string): Money[] {
  const out: Money[] = [];
  MONEY_RE.lastIndex = 0;
  for (let m = MONEY_RE.exec(text); m; m = MONEY_RE.exec(text)) {
    const g = m.groups ?? {};
    const amountRaw = g.amt1 ?? g.amt2 ?? g.amt3;
    if (!amountRaw) continue;
    const parsed = /^[\d.,]+$/.test(amountRaw) ? Number(amountRaw.replace(/,/g, '')) : parseNumber(amountRaw);
    if (parsed === null || Number.isNaN(parsed)) continue;
    let amount = parsed;
    if (g.k1 || g.k2) amount *= 1000;
    const word = g.word?.toLowerCase().split(' ')[0]?.replace(/s$/, '');
    const currency =
      g.code1 ??
      g.code2 ??
      g.code3 ??
      (g.sym ? CURRENCY_SYMBOLS[g.sym] : g.dollars ? 'USD' : word ? CURRENCY_WORDS[word] : undefined);
    if (!currency) continue;
    out.push({ amount, currency, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY_DATE = `(?<m1>${MONTH})\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y1>\\d{4})|(?<d2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<m2>${MONTH}),?\\s+(?<y2>\\d{4})|(?<y3>\\d{4})-(?<m3>\\d{2})-(?<d3>\\d{2})`;
/** Where a day ends: a word boundary, or the time of a timestamp ("2026-03-31T09:00:00Z", as front matter writes). */
const DAY_END = '(?:\\b|(?=T\\d{2}:\\d{2}))';
/** Dates to the day: "March 31, 2026", "31st March 2026", "2026-03-31", "2026-03-31T09:00Z". */
export const DATE_RE = new RegExp(`\\b(?:${DAY_DATE})${DAY_END}`, 'gi');
/**
 * Dates to the day or the month: DATE_RE's forms, then "March 2026", "Mar. 2026" and "2026-03" (tried after the
 * day forms, so "March 24, 2026" stays a day). A year alone ("in 2021") is not a date.
 */
const MONTH_DATE_RE = new RegExp(
  `\\b(?:${DAY_DATE})${DAY_END}|\\b(?:(?<m4>${MONTH})\\s+(?<y4>\\d{4})|(?<y5>\\d{4})-(?<m5>\\d{2}))(?![\\d-])`,
  'gi',
);

export interface FoundDate {
  /** `YYYY-MM-DD`, or `YYYY-MM` for a month (only with `months: true`). */
  iso: string;
  start: number;
  end: number;
}

const monthOf = (name: string) => MONTHS.findIndex((mo) => mo.startsWith(name.toLowerCase().slice(0, 3))) + 1;

/**
 * The dates in `text`, in order. By default only dates to the day; with `months: true` also a month of a year
 * ("launched in March 2026" → `2026-03`), for attributes whose sources often name only the month. Impossible
 * dates (February 30, month 13) are skipped.
 */
export function findDates(text: string, options: { months?: boolean } = {}): FoundDate[] {
  const out: FoundDate[] = [];
  const re = options.months ? MONTH_DATE_RE : DATE_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const g = m.groups ?? {};
    const span = { start: m.index, end: m.index + m[0].length };
    if (g.y4 || g.y5) {
      const month = g.y5 ? Number(g.m5) : monthOf(g.m4 ?? '');
      if (month < 1 || month > 12) continue;
      out.push({ iso: `${g.y4 ?? g.y5}-${String(month).padStart(2, '0')}`, ...span });
      continue;
    }
    let year: number;
    let month: number;
    let day: number;
    if (g.y3) {
      year = Number(g.y3);
      month = Number(g.m3);
      day = Number(g.d3);
    } else {
      month = monthOf(g.m1 ?? g.m2 ?? '');
      day = Number(g.d1 ?? g.d2);
      year = Number(g.y1 ?? g.y2);
    }
    const date = new Date(Date.UTC(year, month - 1, day));
    if (month < 1 || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) continue;
    out.push({ iso: date.toISOString().slice(0, 10), ...span });
  }
  return out;
}
