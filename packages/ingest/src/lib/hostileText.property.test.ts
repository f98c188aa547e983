/**
 * Issue 12 case 6, the property: no input under 100 KB costs the pipeline more than a second, and longer input
 * costs proportionally more, never its square. Inputs are generated from what made today's text processing
 * super-linear: long runs of capitalised words, digits with separators, punctuation, conjunctions, unclosed tags,
 * list markers, one very long line, in each source format.
 *
 * Time is the CPU time of this process (process.cpuUsage), not the wall clock: other work on the machine does not
 * count against it. The margins are wide on purpose: linear extraction of 100 KB takes a small fraction of the
 * second, and a super-linear pass takes many seconds (30 KB of "x or x or …" took 8 s before), so the check
 * separates the two without depending on this machine's speed. Precise figures live in `pnpm bench` (hostile).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusCatalogPath } from '../../test/copyCorpusFixture.ts';
import { ExamMatcher } from './examMatcher.ts';
import { extractSource } from './extractSource.ts';
import { parseCatalogYaml } from './yamlConfig.ts';

// The fixture catalog (test/fixtures/corpus), never the live content/.
const catalogPath = corpusCatalogPath;
const catalog = parseCatalogYaml(readFileSync(catalogPath, 'utf8'), catalogPath);
const deps = { matcher: new ExamMatcher(catalog.exams), exams: catalog.exams };

/** CPU seconds (user + system) one extraction costs this process. */
function cpuSeconds(text: string): number {
  const before = process.cpuUsage();
  extractSource(text, 'hostile.txt', deps);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

/** One repeated unit of hostile text: the kinds that made passes super-linear, and mixtures of them. */
const unit = fc.oneof(
  fc.constantFrom('AI ', 'ML ', 'MLOps ', 'Data ', 'of ', 'and ', 'Engineer '),
  fc.constantFrom('1,000 ', '1.000,5 ', '$1,2,3 ', '99.9% ', '12-34 ', '3/4 ', '€ 1 000 '),
  fc.constantFrom('. ', ', ', '; ', ': ', '— ', '( ', ') ', '!? ', '|'),
  fc.constantFrom('x or ', 'a and ', 'b, ', 'and/or ', 'vs ', 'versus ', 'whereas '),
  fc.constantFrom('<a ', '<p', '<div class="', '</', '<br>', '<!-- ', '[su_box]', '[/'),
  fc.constantFrom('- a\n', ' \n', '\n\n', '# h\n', '| a | b |\n', '1. x\n', '* '),
  fc
    .array(fc.constantFrom('AI', '1,000', 'or', ':', '<a', '$', '%', 'domains', 'Questions', '65', ' ', '\n'), {
      minLength: 1,
      maxLength: 8,
    })
    .map((parts) => `${parts.join(' ')} `),
);

/** How the text reaches the pipeline: plain text, Markdown (with a heading), or a WordPress post's HTML. */
const wrap = fc.constantFrom(
  (body: string) => body,
  (body: string) => `# AWS MLA-C01 exam\n\n${body}\n`,
  (body: string) => JSON.stringify({ content: { rendered: `<p>${body}</p>` } }),
  (body: string) => `The exam domains: ${body.replace(/\n/g, ' ')}b.\n`,
);

const hostile = (u: string, w: (body: string) => string, chars: number) =>
  w(u.repeat(Math.max(1, Math.floor(chars / u.length))));

describe('hostile text', () => {
  // The target is 1 s per input under 100 KB; that figure is measured by `pnpm bench` (section hostile),
  // because speed lives in the bench, not in timed tests. Here the bound is 2 s of CPU (the fastest of two runs):
  // far above linear extraction on a loaded machine, far below what any quadratic pass costs at this size.
  it('extracts any generated input under 100 KB in well under the time a super-linear pass takes', () => {
    fc.assert(
      fc.property(unit, wrap, fc.integer({ min: 1_000, max: 95_000 }), (u, w, chars) => {
        // Escaping (JSON, entities) makes the wrapped text longer than its body: shrink until it is under 100 KB.
        let size = chars;
        let text = hostile(u, w, size);
        while (text.length >= 100 * 1024) {
          size = Math.floor(size * 0.9);
          text = hostile(u, w, size);
        }
        expect(Math.min(cpuSeconds(text), cpuSeconds(text))).toBeLessThan(2);
      }),
      { numRuns: 25 },
    );
  }, 300_000);

  it('costs about 4× the time for 4× the text, never the square', () => {
    fc.assert(
      fc.property(unit, wrap, (u, w) => {
        const small = Math.min(cpuSeconds(hostile(u, w, 25_000)), cpuSeconds(hostile(u, w, 25_000)));
        const large = Math.min(cpuSeconds(hostile(u, w, 100_000)), cpuSeconds(hostile(u, w, 100_000)));
        // Linear is about 4×; quadratic would be 16× or more. The bound sits between, with room for GC, JIT and a
        // busy machine's cache misses (CPU time, so other processes' work does not count).
        expect(large).toBeLessThan(12 * small + 0.1);
      }),
      { numRuns: 12 },
    );
  }, 300_000);
});
