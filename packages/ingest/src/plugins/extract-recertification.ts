/** When recertification opens: "starting 60 days prior to your certification expiration date". */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { context, eachMatch } from '../lib/context.ts';
import { emitFact, quoteFor } from '../lib/emitFact.ts';
import { NUM, parseNumber } from '../lib/quantities.ts';
import { examAt } from '../lib/subjectAt.ts';

export type ExtractRecertificationOptions = Record<string, never>;

const WINDOW = new RegExp(
  `\\b(?<n>${NUM})[\\s-]*(?<unit>days?|weeks?)\\s+(?:prior\\s+to|before|ahead\\s+of)\\s+(?:the\\s+|your\\s+|its\\s+|their\\s+)?(?:certification(?:['’]s)?\\s+|credential(?:['’]s)?\\s+)?(?:expiration|expiry|expires|expiring|lapses)`,
  'gi',
);

export function extractRecertification(_options?: Readonly<ExtractRecertificationOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    eachMatch(ctx, WINDOW, (m, sentence, at, text) => {
      if (!/\brecertif\w*|\brenew\w*|\bretak\w*|\bmaintain\w*/i.test(text)) return;
      const n = parseNumber(m.groups?.n ?? '');
      if (n === null) return;
      const days = /week/i.test(m.groups?.unit ?? '') ? n * 7 : n;
      if (!Number.isInteger(days) || days > 730) return;
      const exam = examAt(ctx, sentence, at);
      if (!exam) return;
      emitFact(file, {
        exam,
        attribute: 'recertification',
        value: { daysBeforeExpiry: days },
        quote: quoteFor(sentence),
        at,
      });
    });
  };
}
