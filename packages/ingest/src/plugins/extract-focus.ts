/**
 * What to study for a domain: the services and tools a source names in the text under a domain heading
 * ("…using AWS services such as Amazon S3, AWS Glue, and Amazon EMR…").
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { context } from '../lib/context.ts';
import type { Block } from '../lib/document.ts';
import { emitFact, quoteFor } from '../lib/emitFact.ts';
import { examAt } from '../lib/subjectAt.ts';
import { weightedDomain } from './extract-domain.ts';

export type ExtractFocusOptions = Record<string, never>;

const TRIGGER = /\b(?:such\s+as|like|including|e\.g\.,?|knowledge\s+of|familiar(?:ity)?\s+with|using|with)\s+/gi;
const PRODUCT_TOKEN = /^(?:[A-Z0-9][\w.+/-]*|[a-z][\w.]*-[\w.-]+|[a-z]+[A-Z][\w]*)$/;

export function namedTools(phrase: string): string[] {
  const cut = phrase.split(/[.;:!?()]/)[0] ?? '';
  const items = cut.split(/,\s*(?:and\s+|or\s+)?|(?<!\s)\s+and\s+|(?<!\s)\s+or\s+/);
  const tools: string[] = [];
  for (const item of items) {
    const tokens = item.trim().split(/\s+/);
    const kept: string[] = [];
    for (const token of tokens) {
      if (!PRODUCT_TOKEN.test(token)) break;
      kept.push(token);
    }
    if (kept.length === 0) {
      // The list ended: stop at the first item that is not a product name.
      if (tools.length > 0) break;
      continue;
    }
    const name = kept.join(' ');
    // Vendors and generic words are not something to study.
    if (/^(?:AWS|Amazon|Google|Google Cloud|GCP|Microsoft|Azure|ML|AI|The|This|These|It)$/.test(name)) continue;
    tools.push(name);
  }
  return tools;
}

export function extractFocus(_options?: Readonly<ExtractFocusOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    let domain: string | null = null;
    for (const sentence of ctx.sentences) {
      const block: Block = sentence.block;
      if (block.kind === 'heading') {
        domain = weightedDomain(block.text)?.name ?? null;
        continue;
      }
      if (!domain || block.kind !== 'paragraph') continue;
      const text = ctx.doc.text.slice(sentence.start, sentence.end);
      const topics: string[] = [];
      TRIGGER.lastIndex = 0;
      for (let m = TRIGGER.exec(text); m; m = TRIGGER.exec(text)) {
        for (const tool of namedTools(text.slice(m.index + m[0].length))) if (!topics.includes(tool)) topics.push(tool);
      }
      if (topics.length === 0) continue;
      topics.sort((a, b) => text.indexOf(a) - text.indexOf(b));
      const exam = examAt(ctx, sentence, sentence.start);
      if (!exam) continue;
      emitFact(file, { exam, attribute: 'focus', value: { domain, topics }, quote: quoteFor(sentence) });
    }
  };
}
