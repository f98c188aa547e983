/** How the exam is delivered: "take the exam remotely or at a nearby testing center", "online proctored". */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { context } from '../lib/context.ts';
import { emitFact, quoteFor } from '../lib/emitFact.ts';
import { examAt } from '../lib/subjectAt.ts';

export type ExtractDeliveryOptions = Record<string, never>;

const ONLINE =
  /\b(?:online[\s-]proctor\w*|remote(?:ly)?(?:[\s-]proctor\w*)?|from\s+(?:your\s+)?home|at\s+home|online\b)/i;
/**
 * A test centre, in so many words or as "at" a test vendor ("sit it at Pearson VUE"). A test vendor named alone
 * ("proctored by Pearson VUE", "check the Pearson VUE page") says who delivers, not how: extract-test-vendor
 * reads it.
 */
const CENTER =
  /\b(?:test(?:ing)?\s+cent(?:er|re)s?|exam\s+cent(?:er|re)s?|in[\s-]person|on[\s-]?site|at\s+(?:an?\s+|any\s+|the\s+)?(?:local\s+|nearby\s+)?(?:Pearson\s*VUE|Kryterion|Prometric|Certiport)\b)/i;

export function extractDelivery(_options?: Readonly<ExtractDeliveryOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    for (const sentence of ctx.sentences) {
      const text = ctx.doc.text.slice(sentence.start, sentence.end);
      if (!/\b(?:exams?|take|sit|proctor\w*|deliver\w*|schedul\w*)\b/i.test(text)) continue;
      if (/\b(?:training|course|classes|labs?|learning)\b/i.test(text)) continue;
      const online = ONLINE.exec(text);
      const center = CENTER.exec(text);
      const modes: Array<'online-proctored' | 'test-center'> = [];
      if (online) modes.push('online-proctored');
      if (center) modes.push('test-center');
      if (modes.length === 0) continue;
      const at =
        sentence.start + Math.min(online?.index ?? Number.POSITIVE_INFINITY, center?.index ?? Number.POSITIVE_INFINITY);
      const exam = examAt(ctx, sentence, at);
      if (!exam) continue;
      emitFact(file, { exam, attribute: 'delivery', value: { modes }, quote: quoteFor(sentence), at });
    }
  };
}
