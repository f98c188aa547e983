/** Passing scores: "Passing score: 720 on a scale of 100–1000", "a score of 70% to pass", "750/1000". */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { context, eachMatch, emitFact, examAt, quoteFor } from '../lib/context.ts';

export type ExtractPassingScoreOptions = Record<string, never>;

const SCORE = new RegExp(
  [
    '\\b(?:passing|pass|minimum)\\s+(?:score|mark|grade)\\s*(?:(?:is|of|:|–|-|=|\\|)\\s*)?(?:a\\s+)?(?:minimum\\s+of\\s+)?(?:at\\s+least\\s+)?(?<s1>\\d+(?:\\.\\d+)?)(?:\\s*(?<p1>%))?(?:\\s*(?:on\\s+a\\s+scale\\s+(?:of|from)|out\\s+of|\\/)\\s*(?:(?<lo>\\d+)\\s*(?:-|–|to)\\s*)?(?<hi>\\d+))?',
    '\\bscore\\s+(?:of\\s+)?(?:at\\s+least\\s+)?(?<s2>\\d+(?:\\.\\d+)?)(?:\\s*(?<p2>%))?(?:\\s*(?:out\\s+of|\\/)\\s*(?<hi2>\\d+))?\\s+(?:or\\s+(?:higher|more|above)\\s+)?(?:is\\s+(?:required|needed)\\s+)?to\\s+pass',
  ].join('|'),
  'gi',
);

export function extractPassingScore(_options?: Readonly<ExtractPassingScoreOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    eachMatch(ctx, SCORE, (m, sentence, at) => {
      const g = m.groups ?? {};
      const score = Number(g.s1 ?? g.s2);
      const hi = g.hi ?? g.hi2;
      const scale = hi !== undefined ? Number(hi) : g.p1 || g.p2 ? 100 : null;
      if (!Number.isFinite(score) || (scale !== null && score > scale)) return;
      const exam = examAt(ctx, sentence, at);
      if (!exam) return;
      emitFact(file, { exam, attribute: 'passingScore', value: { score, scale }, quote: quoteFor(sentence), at });
    });
  };
}
