import { readFileSync } from 'node:fs';
import { ExamMatcher } from './src/lib/examMatcher.ts';
import { extractSource } from './src/lib/extractSource.ts';
import { decodeSourceBytes } from './src/lib/readSource.ts';
import { parseCatalogYaml } from './src/lib/yamlConfig.ts';

const catalog = parseCatalogYaml(readFileSync('../../content/exams.yaml', 'utf8'), 'exams.yaml');
const matcher = new ExamMatcher(catalog.exams);
for (const f of process.argv.slice(2)) {
  const text = decodeSourceBytes(readFileSync(f));
  const r = extractSource(text, f, { matcher, exams: catalog.exams });
  console.log('==', f, r.format, r.facts.length);
  for (const fact of r.facts) {
    const q = r.text.slice(fact.start, fact.end);
    console.log(
      fact.exam.padEnd(12),
      fact.attribute.padEnd(12),
      JSON.stringify(fact.value),
      'L' + fact.line,
      '|',
      q.slice(0, 110),
    );
  }
  for (const m of r.file.messages) if (m.ruleId !== 'no-subject') console.log('  msg', String(m));
}
