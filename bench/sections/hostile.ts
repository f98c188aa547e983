/**
 * Hostile text (issue 12): extraction time of inputs built to trigger super-linear text processing, and of the
 * largest article ingest accepts written as one line. Run in process on the real pipeline (extractSource with
 * the repository's catalog). Targets: each hostile input under 100 KB in ≤ 1 s, the 5 MB single-line article
 * in ≤ 10 s, and doubling an input at most ~2.5× its time (linear, with slack for GC).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MAX_SOURCE_BYTES } from '../../packages/ingest/src/lib/decodeSourceBytes.ts';
import { ExamMatcher, matcherCatalog } from '../../packages/ingest/src/lib/examMatcher.ts';
import { extractSource } from '../../packages/ingest/src/lib/extractSource.ts';
import { parseCatalogYaml } from '../../packages/ingest/src/lib/yamlConfig.ts';
import { repoRoot } from '../lib/childJob.ts';
import { atMost, type Figure, figure, type SectionResult } from '../lib/figures.ts';

const SECTION = 'hostile';

/** The measured inputs, by kind (sizes in characters). */
export const HOSTILE_INPUTS: Record<string, (size: number) => string> = {
  'capitalised words before a salary': (size) =>
    `${'AI '.repeat(Math.max(1, Math.floor((size - 60) / 3)))}earn between $110,000 and $150,000 per year.\n`,
  'a list of one-word items': (size) => `# T\n\n${'- a\n'.repeat(Math.floor(size / 4))}`,
  'a numbered list': (size) => `# T\n\n${'1. x\n'.repeat(Math.floor(size / 5))}`,
  'list markers and blank lines': (size) => `# T\n\n- a\n${' \n'.repeat(Math.floor(size / 2))}`,
  'unclosed tags in a post': (size) =>
    JSON.stringify({ content: { rendered: `<p>${'<a '.repeat(Math.floor(size / 3))}</p>` } }),
  'conjunctions in a prose list': (size) => `The exam domains: ${'x or '.repeat(Math.floor(size / 5))}b.\n`,
  'digits with separators': (size) => `The fee is ${'1,000.5 '.repeat(Math.floor(size / 8))}dollars.\n`,
};

/** The largest article ingest accepts, as a single line of ordinary exam prose. */
export function singleLineArticle(bytes = DEFAULT_MAX_SOURCE_BYTES - 1024): string {
  const sentence =
    'The AWS MLA-C01 exam costs $150, lasts 130 minutes and has 65 questions across four domains: data preparation, model development, deployment and monitoring. ';
  return `# Notes\n\n${sentence.repeat(Math.floor(bytes / sentence.length))}\n`;
}

export async function benchHostile(options: { sizes: number[] }): Promise<SectionResult> {
  const catalogPath = join(repoRoot, 'content/exams.yaml');
  const catalog = parseCatalogYaml(readFileSync(catalogPath, 'utf8'), catalogPath);
  const deps = { matcher: new ExamMatcher(matcherCatalog(catalog)), exams: catalog.exams };
  const seconds = (text: string) => {
    const t = performance.now();
    extractSource(text, 'hostile.txt', deps);
    return (performance.now() - t) / 1000;
  };
  seconds('warm-up: The MLA-C01 exam costs $150.\n');
  const figures: Figure[] = [];
  const details: Record<string, Record<number, number>> = {};
  for (const [kind, make] of Object.entries(HOSTILE_INPUTS)) {
    details[kind] = {};
    for (const size of options.sizes) details[kind][size] = seconds(make(size));
    const [small, large] = [Math.min(...options.sizes), Math.max(...options.sizes)];
    figures.push(
      figure(SECTION, `${kind}, ${Math.round(large / 1000)} KB`, details[kind][large] ?? null, 's', atMost(1)),
    );
    const ratio = (details[kind][large] ?? 0) / Math.max(details[kind][small] ?? 0, 1e-3);
    figures.push(
      figure(
        SECTION,
        `${kind}: time ratio for ${large / small}× the text`,
        ratio,
        '×',
        atMost((large / small) * 2.5),
        'linear stays near the size ratio; quadratic would be its square',
      ),
    );
  }
  figures.push(figure(SECTION, '5 MB single-line article', seconds(singleLineArticle()), 's', atMost(10)));
  return { section: SECTION, figures, details };
}
