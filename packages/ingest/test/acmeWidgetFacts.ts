/**
 * One made-up exam (Acme's WA-101) and the values extraction finds for one attribute in a short Markdown page
 * about it: the fixture tests use to run a sentence through the whole pipeline (reading, segmentation, subject
 * attribution, extractors), in our own words.
 */
import { ExamMatcher } from '../src/lib/examMatcher.ts';
import { extractSource } from '../src/lib/extractSource.ts';

export const acmeWidgetCatalog = {
  exams: [{ id: 'acme-wa', name: 'Acme Certified Widget Associate', vendor: 'Acme', code: 'WA-101', aliases: [] }],
  vendors: [{ name: 'Acme', aliases: [], products: [] }],
  otherExams: [],
};
const matcher = new ExamMatcher(acmeWidgetCatalog);

/** The JSON of each `attribute` value extracted from `# WA-101 notes` followed by `body`, in page order. */
export const acmeWidgetFacts = (body: string, attribute: string): string[] =>
  extractSource(`# WA-101 notes\n\n${body}\n`, 'notes.md', { matcher, exams: acmeWidgetCatalog.exams })
    .facts.filter((f) => f.attribute === attribute)
    .map((f) => JSON.stringify(f.value));
