/** Exam languages: "Language: English", "offered in English, Japanese, and Korean". */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { context, eachMatch } from '../lib/context.ts';
import { emitFact, quoteFor } from '../lib/emitFact.ts';
import { examAt } from '../lib/subjectAt.ts';

export type ExtractLanguageOptions = Record<string, never>;

const LANG =
  '(?:English|Japanese|Korean|(?:Simplified\\s+|Traditional\\s+)?Chinese|Spanish(?:\\s+\\(Latin\\s+America\\))?|Portuguese(?:\\s+\\(Brazil\\))?|French|German|Italian|Indonesian|Arabic|Hindi|Russian|Turkish|Vietnamese|Thai|Polish|Dutch)';
const list = (name: string) => `(?<${name}>${LANG}(?:\\s*(?:,\\s*(?:and\\s+|or\\s+)?|\\s+and\\s+|\\s+or\\s+)${LANG})*)`;
const LANGUAGE = new RegExp(
  `\\b(?:languages?(?:\\s+(?:offered|available|supported))?\\s*(?::|–|-|is|are)\\s*${list('l1')}|(?:offered|available|administered|delivered|taken|take\\s+it)\\s+in\\s+${list('l2')})`,
  'gi',
);

export function extractLanguage(_options?: Readonly<ExtractLanguageOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    eachMatch(ctx, LANGUAGE, (m, sentence, at) => {
      const languages =
        (m.groups?.l1 ?? m.groups?.l2 ?? '').match(new RegExp(LANG, 'g'))?.map((l) => l.replace(/\s+/g, ' ')) ?? [];
      if (languages.length === 0) return;
      const exam = examAt(ctx, sentence, at);
      if (!exam) return;
      emitFact(file, { exam, attribute: 'language', value: { languages }, quote: quoteFor(sentence), at });
    });
  };
}
