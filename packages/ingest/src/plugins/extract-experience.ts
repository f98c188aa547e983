/**
 * Recommended experience: "at least two years of hands-on experience…", "1-2 years of ML experience",
 * "3+ years of industry experience, including 1 or more years designing … using Google Cloud". The kind
 * (industry, ML, platform) is read from what the years are of.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { clauseText, context, emitFact, examAt, quoteFor } from '../lib/context.ts';
import { boundsOf, QUANTITY } from '../lib/quantities.ts';

export type ExtractExperienceOptions = Record<string, never>;

const YEARS = new RegExp(
  `(?:${QUANTITY}|(?:(?<q1>at\\s+least|over|more\\s+than|a\\s+minimum\\s+of)\\s+)?\\b(?<one>a|an)(?:\\s+full)?)\\s*(?:-\\s*)?(?:full\\s+)?(?:years?|yrs?)(?:['’]s?)?\\b`,
  'gi',
);
const INDUSTRY =
  /\bindustry\b|\bprofessional\s+experience|\bwork(?:ing)?\s+experience|\brelated\s+role|\bin\s+the\s+field|\bIT\b/i;
const ML = /\bML\b|\bmachine\s+learning\b|\bdata\s+scien\w*|\bdeep\s+learning\b|\bAI\b/i;
const PLATFORM = /\bAWS\b|\bAmazon\b|\bGoogle\s+Cloud\b|\bGCP\b|\bAzure\b|\bSageMaker\b|\bVertex\b|\bcloud\b/i;

export function classifyExperience(tail: string): 'industry' | 'ml' | 'platform' {
  const scoped = tail.split(/\bincluding\b|;/i)[0] ?? tail;
  const hits = (
    [
      ['industry', INDUSTRY],
      ['ml', ML],
      ['platform', PLATFORM],
    ] as const
  )
    .map(([kind, re]) => ({ kind, index: scoped.search(re) }))
    .filter((h) => h.index >= 0)
    .sort((a, b) => a.index - b.index);
  return hits[0]?.kind ?? 'industry';
}

export function extractExperience(_options?: Readonly<ExtractExperienceOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    for (const sentence of ctx.sentences) {
      const text = ctx.doc.text.slice(sentence.start, sentence.end);
      const matches = [...text.matchAll(YEARS)];
      matches.forEach((m, i) => {
        const at = sentence.start + (m.index ?? 0);
        const clause = clauseText(ctx, sentence, at);
        if (!/\bexperience[ds]?\b|\bworked\b|\bworking\s+(?:with|in|on)\b/i.test(clause)) return;
        if (/\bvalid\w*|\brenew\w*|\brecertif\w*|\bexpir\w*|\bsalar\w*|\bago\b/i.test(clause)) return;
        const end = (m.index ?? 0) + m[0].length;
        const after = text.slice(end, end + 20);
        if (/^\s*(?:ago|old|later|from|after|before|to\s+come|of\s+validity)\b/i.test(after)) return;
        const groups = m.groups ?? {};
        const bounds = groups.one ? { min: 1, max: 1, approximate: false } : boundsOf(groups);
        if (!bounds || bounds.min > 30) return;
        const next = matches[i + 1];
        const clauseEnd =
          (sentence.clauses.find((c) => at >= c.start && at <= c.end)?.end ?? sentence.end) - sentence.start;
        const tail = text.slice(end, Math.min(next?.index ?? text.length, clauseEnd));
        const exam = examAt(ctx, sentence, at);
        if (!exam) return;
        // A recommendation of "two years" is a floor, like "at least two years"; only a range has a ceiling.
        const maxYears = m.groups?.b !== undefined || /up\s+to|maximum/i.test(m.groups?.q ?? '') ? bounds.max : null;
        emitFact(file, {
          exam,
          attribute: 'experience',
          value: { minYears: bounds.min, maxYears, kind: classifyExperience(tail) },
          quote: quoteFor(sentence),
          at,
        });
      });
    }
  };
}
