/** How long a certification stays valid: "valid for two years", "3-year validity", "expires after 36 months". */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { clauseText, context, eachMatch, mentionsWithin } from '../lib/context.ts';
import { emitFact, quoteFor } from '../lib/emitFact.ts';
import { NUM, parseNumber } from '../lib/quantities.ts';
import { fieldAt, labelledAs } from '../lib/records.ts';
import { examAt } from '../lib/subjectAt.ts';
import { labelOf } from './shared.ts';

export type ExtractValidityOptions = Record<string, never>;

const UNIT = '(?<unit>years?|months?)';
const VALIDITY = new RegExp(
  [
    `\\bvalid(?:ity)?\\s+(?:for\\s+)?(?:a\\s+period\\s+of\\s+)?(?<n1>${NUM})[\\s-]*${UNIT.replace('unit', 'u1')}`,
    `\\b(?<n2>${NUM})[\\s-]*(?<u2>years?|months?)\\s+validity`,
    `\\bvalidity(?:\\s+period)?\\s*(?:is|of|:|–|-)?\\s*(?<n3>${NUM})[\\s-]*(?<u3>years?|months?)`,
    `\\bexpires?\\s+(?:after|in)\\s+(?<n4>${NUM})[\\s-]*(?<u4>years?|months?)`,
    `\\brecertify\\s+every\\s+(?<n5>${NUM})[\\s-]*(?<u5>years?|months?)`,
    // Under a "Validity" / "Renewal" label: "every 3 years", "3 years".
    `(?:^|\\|\\s|:\\s)(?:every\\s+)?(?<n6>${NUM})[\\s-]*(?<u6>years?|months?)\\s*(?=$|\\|)`,
  ].join('|'),
  'gi',
);

const NOT_CERTIFICATE =
  /\b(?:account|voucher|credits?|trial|subscription|coupon|discount|free\s+tier|licen[cs]e|membership)\b/i;
const LABELLED_VALUE = new RegExp(
  `^\\s*(?:every\\s+|valid\\s+for\\s+)?(?<n>${NUM})[\\s-]*(?<u>years?|months?)\\b`,
  'i',
);

/** Where a copula's subject starts: the clause boundary nearest before it. */
const SUBJECT_BOUNDARY = /[,;:(]|\*\*|\s(?:and|but|while|whereas|which|that|so)\s/gi;
const COPULA = /\b(?:is|are|was|stays|remains|becomes?)\s+(?:only\s+|now\s+|still\s+)?$/i;
/**
 * A word that names something: an acronym or a mixed-case name ("iPAS", "CISSP", "GitHub"), or a capitalised
 * word that does not start the phrase.
 */
const NAME_WORD = /[a-z0-9][A-Z]|^[A-Z]{2}/;
const CAPITALISED = /^[A-Z]/;

/**
 * Whether "X is valid N years" has a subject X that names something the catalog does not know ("the iPAS
 * certificate is valid 5 years", "your CISSP stays valid 3 years"): then the validity is that thing's. A subject
 * that names a catalogued exam or vendor, or names nothing ("the certification", "it", "all three"), keeps the
 * reader's attribution.
 */
function subjectNamesAnother(ctx: ReturnType<typeof context>, clause: { start: number }, at: number): boolean {
  // A subject is a short phrase: look back at most 200 characters, so the work per match stays bounded.
  const from0 = Math.max(clause.start, at - 200);
  const before = ctx.doc.text.slice(from0, at);
  const copula = COPULA.exec(before);
  if (!copula) return false;
  const head = before.slice(0, copula.index);
  // The subject is the phrase after the last clause boundary; after a relative "which"/"that" it is the noun
  // phrase the pronoun refers to, the last words before it ("… add a CCXP, which stays valid 5 years").
  let from = 0;
  let to = head.length;
  SUBJECT_BOUNDARY.lastIndex = 0;
  for (let b = SUBJECT_BOUNDARY.exec(head); b; b = SUBJECT_BOUNDARY.exec(head)) {
    if (/^\s(?:which|that)\s$/i.test(b[0]) && head.slice(b.index + b[0].length).trim() === '') {
      to = b.index;
      // Back over at most three words (split, not a regex anchored at the end: that would backtrack).
      const tail = head.slice(Math.max(0, to - 80), to);
      const words = tail.replace(/,\s*$/, '').trimEnd().split(/\s+/);
      const kept = words.slice(-3).join(' ');
      const at = tail.lastIndexOf(kept);
      from = to - tail.length + Math.max(at, 0);
      break;
    }
    from = b.index + b[0].length;
  }
  const subject = head
    .slice(from, to)
    .replace(/[*_`,]/g, ' ')
    .trim();
  if (subject === '' || subject.length > 80) return false;
  if (mentionsWithin(ctx.mentions, from0 + from, from0 + to).some((m) => m.resolved !== null)) return false;
  const words = subject.split(/\s+/);
  return words.some((w, i) => NAME_WORD.test(w) || (i > 0 && CAPITALISED.test(w)));
}

export function extractValidity(_options?: Readonly<ExtractValidityOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    // A value under a validity label: "| Validity | 3 years |", "Recertification: every 2 years", "1 year; renew…".
    for (const sentence of ctx.sentences) {
      const cells = ctx.cellSpans.get(sentence.block.index) ?? [{ start: sentence.start, end: sentence.end }];
      for (const cell of cells) {
        const text = ctx.doc.text.slice(cell.start, cell.end);
        const digit = text.search(/\d|\b(?:one|two|three|four|five)\b/i);
        if (digit < 0 || !labelledAs(ctx, sentence, cell.start + digit, 'validity')) continue;
        const field = fieldAt(ctx, sentence, cell.start + digit);
        const m = LABELLED_VALUE.exec(ctx.doc.text.slice(field.value.start, field.value.end));
        const n = m ? parseNumber(m.groups?.n ?? '') : null;
        if (!m || n === null || n <= 0) continue;
        const months = /year/i.test(m.groups?.u ?? '') ? n * 12 : n;
        const exam = examAt(ctx, sentence, field.value.start, { acrossExams: true });
        if (!exam || !Number.isInteger(months) || months > 120) continue;
        emitFact(file, {
          exam,
          attribute: 'validity',
          value: { months },
          quote: quoteFor(sentence),
          at: field.value.start,
        });
      }
    }
    eachMatch(ctx, VALIDITY, (m, sentence, at) => {
      const g = m.groups ?? {};
      if (g.n6 !== undefined && !/\b(?:valid\w*|renew\w*|recertif\w*|expir\w*)\b/.test(labelOf(sentence))) return;
      const n = parseNumber(g.n1 ?? g.n2 ?? g.n3 ?? g.n4 ?? g.n5 ?? g.n6 ?? '');
      const unit = g.u1 ?? g.u2 ?? g.u3 ?? g.u4 ?? g.u5 ?? g.u6 ?? '';
      if (n === null || n <= 0) return;
      const months = /year/i.test(unit) ? n * 12 : n;
      if (!Number.isInteger(months) || months > 120) return;
      // The number's own position decides its table column (the match may start at the cell separator).
      const numberAt = at + m[0].search(/\S/) + (/^[|:]/.test(m[0].trim()) ? 2 : 0);
      // "a free account that comes with a 12 months validity": something else's validity.
      if (NOT_CERTIFICATE.test(clauseText(ctx, sentence, numberAt))) return;
      if (g.n1 !== undefined) {
        const clause = sentence.clauses.find((c) => at >= c.start && at <= c.end) ?? sentence;
        if (subjectNamesAnother(ctx, clause, at)) return;
      }
      const exam = examAt(ctx, sentence, numberAt, { acrossExams: true });
      if (!exam) return;
      emitFact(file, { exam, attribute: 'validity', value: { months }, quote: quoteFor(sentence), at: numberAt });
    });
  };
}
