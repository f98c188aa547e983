/**
 * Made-up Acme exams and pages about them, for extractor tests that run text through the whole pipeline
 * (reading, segmentation, subject attribution, extractors), in our own words: two catalogued exams (WA-101,
 * WF-100), an Acme exam outside the catalog (WP-300) and WidgetStudio, Acme's product. Tests that need a vendor
 * whose exams certplan does not plan for add it (`acmeCatalog(['Globex'])`).
 */
import type { Attribute, AttributeValue } from '@certplan/core';
import { ExamMatcher } from '../src/lib/examMatcher.ts';
import { extractSource } from '../src/lib/extractSource.ts';

export function acmeCatalog(otherVendors: readonly string[] = []) {
  return {
    exams: [
      { id: 'acme-wa', name: 'Acme Certified Widget Associate', vendor: 'Acme', code: 'WA-101', aliases: [] },
      { id: 'acme-wf', name: 'Acme Certified Widget Foundations', vendor: 'Acme', code: 'WF-100', aliases: [] },
    ],
    vendors: [
      { name: 'Acme', aliases: [], products: ['WidgetStudio'] },
      ...otherVendors.map((name) => ({ name, aliases: [], products: [] })),
    ],
    otherExams: [{ vendor: 'Acme', name: 'Acme Certified Widget Professional', code: 'WP-300', aliases: [] }],
  };
}

/**
 * An extractor's findings as "exam value" lines: `show` turns a fact's value into words. `facts(raw, name)`
 * reads `raw` as the file `name` (its extension picks the format) against `catalog`.
 */
export function factsOf<A extends Attribute>(
  catalog: ReturnType<typeof acmeCatalog>,
  attribute: A,
  show: (value: AttributeValue<A>) => string,
) {
  const matcher = new ExamMatcher(catalog);
  return (raw: string, name = 'notes.md'): string[] =>
    extractSource(raw, name, { matcher, exams: catalog.exams })
      .facts.filter((f) => f.attribute === attribute)
      .map((f) => `${f.exam} ${show(f.value as AttributeValue<A>)}`);
}

/**
 * The same paragraphs as each format certplan reads, with the file name that selects it: a Markdown page with
 * front matter, a WordPress post (REST JSON, HTML body) and plain text. What a page says does not change with how
 * it was saved.
 */
export function inEachFormat(paragraphs: readonly string[]): Array<[raw: string, name: string]> {
  return [
    [`---\ntitle: "Study notes"\n---\n\n# WA-101 study notes\n\n${paragraphs.join('\n\n')}\n`, 'notes.md'],
    [
      JSON.stringify({
        title: { rendered: 'WA-101 study notes' },
        content: { rendered: `<h2>WA-101 study notes</h2>\n${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}` },
      }),
      'notes.json',
    ],
    [`WA-101 study notes\n\n${paragraphs.join('\n\n')}\n`, 'notes.txt'],
  ];
}
