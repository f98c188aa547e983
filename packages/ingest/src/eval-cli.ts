/**
 * `pnpm eval [--set DIR] [--content DIR] [--brief]`: measures extraction on a gold set of real pages (default
 * `../shared/devset` next to the repository; skipped with a note when absent). The set's pages are ingested into
 * a temporary copy of the corpus (never into content/), and the facts produced for them are scored against
 * `gold.json`: recall and precision per attribute and per file, the distractors attributed, each miss with its
 * gold quote. A command, not a test: the set is third-party text and never enters this repository.
 * Exit codes: 0 measured (or skipped), 2 the set or the corpus could not be read.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { buildDataset } from './lib/buildDataset.ts';
import { evaluateExtraction, formatEvaluation, type GoldSet, type ProducedFact } from './lib/evaluateExtraction.ts';
import { ExamMatcher, matcherCatalog } from './lib/examMatcher.ts';
import { parseCliArgs } from './lib/parseCliArgs.ts';
import { parseCatalogYaml, parseSourcesYaml } from './lib/yamlConfig.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Where the set's pages go inside the temporary corpus's raw/. */
const SET_DIR_IN_RAW = 'evalset';

const usage = `Usage: pnpm eval [options]

Measures extraction on a gold set of real pages: recall and precision per attribute and per file, the
distractors attributed, and each miss with its gold quote. The pages are ingested into a temporary copy of the
corpus, never into content/.

Options:
  --set <dir>        the gold set: gold.json and raw/ (default: ../shared/devset next to the repository)
  --content <dir>    the corpus to ingest the pages with (default: content/ at the repository root)
  --brief            the totals only
  -h, --help         this text
`;

export async function main(argv: string[], log: (line: string) => void = console.log): Promise<number> {
  const parsed = parseCliArgs(
    argv,
    { set: { type: 'string' }, content: { type: 'string' }, brief: { type: 'boolean', default: false } },
    usage,
    {
      stdout: (text) => log(text.trimEnd()),
      stderr: (text) => process.stderr.write(text),
    },
  );
  const { values } = parsed;
  if (values === undefined) return parsed.exit;
  const setDir = resolve(values.set ?? join(REPO_ROOT, '..', 'shared', 'devset'));
  const contentDir = resolve(values.content ?? join(REPO_ROOT, 'content'));
  const goldPath = join(setDir, 'gold.json');
  if (!existsSync(goldPath)) {
    log(`eval: no gold set at ${setDir} (expected gold.json and raw/); skipped, nothing measured`);
    return 0;
  }
  let gold: GoldSet;
  try {
    gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldSet;
    if (!Array.isArray(gold.facts) || !Array.isArray(gold.distractors)) throw new Error('facts or distractors missing');
  } catch (error) {
    console.error(`eval: ${goldPath}: not a gold set (${(error as Error).message})`);
    return 2;
  }
  const rawDir = join(setDir, 'raw');
  const files = readdirSync(rawDir).filter((f) => !f.startsWith('.'));
  const work = mkdtempSync(join(tmpdir(), 'certplan-eval-'));
  try {
    // A copy of the corpus: its catalog decides which exams count, its seeds share the reconciliation.
    cpSync(contentDir, join(work, 'content'), {
      recursive: true,
      filter: (src) => !/[/\\](?:dataset|\.cache)$/.test(src),
    });
    const corpus = join(work, 'content');
    cpSync(rawDir, join(corpus, 'raw', SET_DIR_IN_RAW), { recursive: true });
    const sourcesPath = join(corpus, 'sources.yaml');
    const entries = existsSync(sourcesPath) ? parseSourcesYaml(readFileSync(sourcesPath, 'utf8'), sourcesPath) : [];
    for (const file of files) {
      const meta = gold.sources?.[file] ?? {};
      entries.push({
        file: `${SET_DIR_IN_RAW}/${file}`,
        ...(meta.url ? { url: meta.url } : {}),
        ...(meta.title ? { title: meta.title } : {}),
        ...(meta.published ? { published: meta.published } : {}),
        ...(meta.authority ? { authority: meta.authority as 'secondary' } : {}),
      });
    }
    writeFileSync(sourcesPath, stringify(entries));
    const catalog = parseCatalogYaml(readFileSync(join(corpus, 'exams.yaml'), 'utf8'), 'exams.yaml');
    const started = performance.now();
    const result = buildDataset({ contentDir: corpus, outDir: join(work, 'out'), keepGoing: true, cache: false });
    const seconds = (performance.now() - started) / 1000;
    const fileOf = new Map(result.dataset.sources.map((s) => [s.id, s.file]));
    const produced: ProducedFact[] = [];
    for (const fact of result.dataset.facts) {
      const path = fileOf.get(fact.source) ?? '';
      if (!path.startsWith(`${SET_DIR_IN_RAW}/`)) continue;
      produced.push({
        exam: fact.exam,
        attribute: fact.attribute,
        value: fact.value as Record<string, unknown>,
        file: path.slice(SET_DIR_IN_RAW.length + 1),
        line: fact.line,
        quote: fact.quote,
      });
    }
    const rawTexts = new Map(files.map((f) => [f, readFileSync(join(rawDir, f), 'utf8')]));
    const matcher = new ExamMatcher(matcherCatalog(catalog));
    const examsNamedIn = (text: string) =>
      new Set(matcher.find(text).flatMap((m) => (m.kind === 'exam' ? [m.exam] : [])));
    const report = evaluateExtraction(gold, produced, rawTexts, new Set(catalog.exams.map((e) => e.id)), {
      examsNamedIn,
    });
    log(`eval: ${files.length} pages from ${setDir}, catalog ${contentDir}/exams.yaml (${catalog.exams.length} exams)`);
    for (const u of result.unreadable) log(`eval: unreadable ${u.file}: ${u.message}`);
    log(`eval: ingest took ${seconds.toFixed(1)} s`);
    log(formatEvaluation(report, { details: !values.brief }));
    return 0;
  } catch (error) {
    console.error(`eval: ${(error as Error).message}`);
    return 2;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
