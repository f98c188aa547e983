/** Exam codes: a catalogued code next to its exam ("…designated as MLS-C01", "Associate (MLA-C01)"). */
import type { Exam } from '@certplan/core';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { context, sentenceAt } from '../lib/context.ts';
import { emitFact, quoteFor } from '../lib/emitFact.ts';

export interface ExtractCodeOptions {
  exams: readonly Exam[];
}

export function extractCode(options?: Readonly<ExtractCodeOptions> | null) {
  const codes = new Map((options?.exams ?? []).filter((e) => e.code).map((e) => [e.id, e.code as string]));
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    const seen = new Set<string>();
    for (const mention of ctx.mentions) {
      if (mention.kind !== 'exam' || !mention.viaCode || seen.has(mention.exam)) continue;
      const code = codes.get(mention.exam);
      const sentence = sentenceAt(ctx, mention.start);
      if (!code || !sentence) continue;
      // An exam the page only points to ("next, consider AI-102") is not what it states facts about: its code
      // is recorded where the page says something else about it, or names it in a heading.
      const headed = sentence.block.kind === 'heading';
      if (!headed && !ctx.facts.some((f) => f.exam === mention.exam)) continue;
      seen.add(mention.exam);
      emitFact(file, {
        exam: mention.exam,
        attribute: 'code',
        value: { code },
        quote: quoteFor(sentence),
        at: mention.start,
      });
    }
  };
}
