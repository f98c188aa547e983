/** How long a certification stays valid: "valid for two years", "3-year validity", "expires after 36 months". */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { context, eachMatch, emitFact, examAt, quoteFor } from '../lib/context.ts';
import { NUM, parseNumber } from '../lib/quantities.ts';

export type ExtractValidityOptions = Record<string, never>;

const UNIT = '(?<unit>years?|months?)';
const VALIDITY = new RegExp(
  [
    `\\bvalid(?:ity)?\\s+(?:for\\s+)?(?:a\\s+period\\s+of\\s+)?(?<n1>${NUM})[\\s-]*${UNIT.replace('unit', 'u1')}`,
    `\\b(?<n2>${NUM})[\\s-]*(?<u2>years?|months?)\\s+validity`,
    `\\bvalidity(?:\\s+period)?\\s*(?:is|of|:|–|-)?\\s*(?<n3>${NUM})[\\s-]*(?<u3>years?|months?)`,
    `\\bexpires?\\s+(?:after|in)\\s+(?<n4>${NUM})[\\s-]*(?<u4>years?|months?)`,
    `\\brecertify\\s+every\\s+(?<n5>${NUM})[\\s-]*(?<u5>years?|months?)`,
  ].join('|'),
  'gi',
);

export function extractValidity(_options?: Readonly<ExtractValidityOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    eachMatch(ctx, VALIDITY, (m, sentence, at) => {
      const g = m.groups ?? {};
      const n = parseNumber(g.n1 ?? g.n2 ?? g.n3 ?? g.n4 ?? g.n5 ?? '');
      const unit = g.u1 ?? g.u2 ?? g.u3 ?? g.u4 ?? g.u5 ?? '';
      if (n === null || n <= 0) return;
      const months = /year/i.test(unit) ? n * 12 : n;
      if (!Number.isInteger(months) || months > 120) return;
      const exam = examAt(ctx, sentence, at);
      if (!exam) return;
      emitFact(file, { exam, attribute: 'validity', value: { months }, quote: quoteFor(sentence), at });
    });
  };
}
