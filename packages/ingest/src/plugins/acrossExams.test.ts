/**
 * Figures that belong to several exams or come from where writers put them besides the body, in our own words
 * with a made-up catalog: slash series mapped onto the exams a page named in order (a table header, an
 * enumeration), front matter fields, specs listed with a price, and recommended experience (its kind from the
 * catalog's vendor and product names, a prerequisite exam that is not the subject). Each with near misses.
 */
import { describe, expect, it } from 'vitest';
import { ExamMatcher } from '../lib/examMatcher.ts';
import { extractSource } from '../lib/extractSource.ts';

const catalog = {
  exams: [
    { id: 'acme-wf', name: 'Acme Certified Widget Foundations', vendor: 'Acme', code: 'WF-100', aliases: [] },
    { id: 'acme-wa', name: 'Acme Certified Widget Associate', vendor: 'Acme', code: 'WA-101', aliases: [] },
    { id: 'acme-wp', name: 'Acme Certified Widget Professional', vendor: 'Acme', code: 'WP-300', aliases: [] },
  ],
  vendors: [{ name: 'Acme', aliases: [], products: ['WidgetStudio'] }],
  otherExams: [],
};
const matcher = new ExamMatcher(catalog);
const facts = (text: string, attribute: string, path = 'article.md') =>
  extractSource(text, path, { matcher, exams: catalog.exams })
    .facts.filter((f) => f.attribute === attribute)
    .map((f) => `${f.exam} ${JSON.stringify(f.value)}`);

const header =
  '# Three widget exams\n\n| | WF-100 | WA-101 | WP-300 |\n|---|---|---|---|\n| Level | entry | middle | top |\n';

describe('slash series across exams', () => {
  it.each<[string, string, string, string[]]>([
    [
      'a sentence after a header naming three exams',
      `${header}\nThe passing scores step up 680 / 710 / 760 across the three.\n`,
      'passingScore',
      [
        'acme-wf {"score":680,"scale":null}',
        'acme-wa {"score":710,"scale":null}',
        'acme-wp {"score":760,"scale":null}',
      ],
    ],
    [
      'a field row after an enumeration',
      '# Notes\n\nWF-100, WA-101 and WP-300 are compared here.\n\n| Item | Value |\n|---|---|\n| Fees | $90 / $140 / $280 |\n',
      'fee',
      [
        'acme-wf {"amount":90,"currency":"USD"}',
        'acme-wa {"amount":140,"currency":"USD"}',
        'acme-wp {"amount":280,"currency":"USD"}',
      ],
    ],
    [
      'near miss: a score and its scale are not a series',
      '# WA-101 notes\n\nWF-100 and WP-300 differ. WA-101 passing score: 710 / 1000.\n',
      'passingScore',
      ['acme-wa {"score":710,"scale":1000}'],
    ],
    [
      'near miss: no group of as many exams was named before',
      '# WA-101 notes\n\nWA-101 is the topic.\n\nFees: $90 / $140 / $280 / $300 depending on the bundle.\n',
      'fee',
      [],
    ],
    [
      'near miss: a clause naming one exam keeps it',
      `${header}\nWA-101 alone has had passing scores of 700 / 710 / 720 over the years.\n`,
      'passingScore',
      ['acme-wa {"score":700,"scale":null}'],
    ],
    [
      'the clause names the whole group in order',
      '# Notes\n\nWF-100 / WA-101 / WP-300 cost $90 / $140 / $280.\n',
      'fee',
      [
        'acme-wf {"amount":90,"currency":"USD"}',
        'acme-wa {"amount":140,"currency":"USD"}',
        'acme-wp {"amount":280,"currency":"USD"}',
      ],
    ],
  ])('%s', (_name, text, attribute, expected) => {
    expect(facts(text, attribute)).toEqual(expected);
  });
});

describe('front matter fields', () => {
  const page = (fields: string) => `---\ntitle: "Passing WA-101 in 2026"\n${fields}---\n\n# Notes\n\nBody text.\n`;
  it.each<[string, string, string, string[]]>([
    [
      'a summary field read as prose',
      page('description: "WA-101 takes 95 minutes and costs $140."\n'),
      'duration',
      ['acme-wa {"minutes":95}'],
    ],
    [
      'a field of its own read as a labelled value',
      page('exam: WA-101\nduration: 95 minutes\n'),
      'duration',
      ['acme-wa {"minutes":95}'],
    ],
    ['near miss: page plumbing is not read', page('date: 2026-03-01\nupdated: 2026-04-01\n'), 'retirement', []],
    ['near miss: a list of tags is not read', page('tags: [widgets, "95 minutes"]\n'), 'duration', []],
  ])('%s', (_name, text, attribute, expected) => {
    expect(facts(text, attribute)).toEqual(expected);
  });

  it("cites the field's own line", () => {
    const { facts: found } = extractSource(page('summary: "WA-101 costs $140."\n'), 'a.md', {
      matcher,
      exams: catalog.exams,
    });
    expect(found.filter((f) => f.attribute === 'fee').map((f) => f.line)).toEqual([3]);
  });
});

describe('a price listed with the other specs', () => {
  it.each<[string, string, string[]]>([
    [
      'price first',
      '# Notes\n\nWA-101 sits in the middle at $140, 95 minutes, 60 questions.\n',
      ['acme-wa {"amount":140,"currency":"USD"}'],
    ],
    ['price last', '# Notes\n\nWA-101: 95 minutes, 60 questions, $140.\n', ['acme-wa {"amount":140,"currency":"USD"}']],
    [
      'near miss: a price with no specs and no fee word',
      '# Notes\n\nWA-101 changed my career: $140 well spent on books.\n',
      [],
    ],
  ])('%s', (_name, text, expected) => {
    expect(facts(text, 'fee')).toEqual(expected);
  });
});

describe('recommended experience', () => {
  it.each<[string, string, string[]]>([
    [
      'a product from the catalog makes it platform experience',
      '# WA-101 notes\n\nAudience: builders with 6+ months of WidgetStudio exposure.\n',
      ['acme-wa {"minYears":0.5,"maxYears":null,"kind":"platform"}'],
    ],
    [
      'years "of" the vendor are experience',
      '# WA-101 notes\n\nWA-101 suits engineers with two-plus years of Acme behind them.\n',
      ['acme-wa {"minYears":2,"maxYears":null,"kind":"platform"}'],
    ],
    [
      'programming experience is industry experience; no cue means the field itself',
      '# WA-101 notes\n\nPrerequisites: 1-2 years of Python experience.\n\nAudience: 6+ months experience recommended.\n',
      ['acme-wa {"minYears":1,"maxYears":2,"kind":"industry"}', 'acme-wa {"minYears":0.5,"maxYears":null,"kind":"ml"}'],
    ],
    [
      'a prerequisite exam is not the subject',
      '# Notes\n\nWA-101 has no formal prerequisites but Acme recommends WF-100 plus 1 year of coding experience.\n',
      ['acme-wa {"minYears":1,"maxYears":null,"kind":"industry"}'],
    ],
    [
      'near miss: the exam named as subject keeps the years',
      '# Notes\n\nWF-100 is easy. WA-101 expects 1 year of widget experience.\n',
      ['acme-wa {"minYears":1,"maxYears":null,"kind":"ml"}'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(facts(text, 'experience')).toEqual(expected);
  });
});
