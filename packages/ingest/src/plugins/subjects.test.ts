/**
 * Who a statement is about, in our own words with a made-up catalog: a validity whose grammatical subject names
 * another credential, a field table that keeps its exam when a row's value names another exam, a bare vendor
 * name inside a statement about one of the vendor's exams; each with the near misses that keep today's reading.
 */
import { describe, expect, it } from 'vitest';
import { ExamMatcher } from '../lib/examMatcher.ts';
import { extractSource } from '../lib/extractSource.ts';

const catalog = {
  exams: [
    { id: 'acme-wa', name: 'Acme Certified Widget Associate', vendor: 'Acme', code: 'WA-101', aliases: [] },
    { id: 'acme-wf', name: 'Acme Certified Widget Foundations', vendor: 'Acme', code: 'WF-100', aliases: [] },
  ],
  vendors: [{ name: 'Acme', aliases: [], products: [] }],
  otherExams: [],
};
const matcher = new ExamMatcher(catalog);
const facts = (text: string, attribute: string, path = 'article.md') =>
  extractSource(text, path, { matcher, exams: catalog.exams })
    .facts.filter((f) => f.attribute === attribute)
    .map((f) => `${f.exam} ${JSON.stringify(f.value)}`);

describe('validity: the subject of "is valid" decides', () => {
  it.each<[string, string, string[]]>([
    [
      'another credential is the subject of the clause',
      'Before you book WA-101, note that the ZetaCert practitioner badge is valid 4 years.',
      [],
    ],
    ['an acronym names the credential', 'After WA-101 many add a CCXP, which stays valid for 5 years.', []],
    [
      'near miss: the exam itself is the subject',
      'The WA-101 credential is valid for 3 years.',
      ['acme-wa {"months":36}'],
    ],
    [
      'near miss: a generic subject refers back to the exam',
      'WA-101 has a lab section. The certification is valid for 2 years.',
      ['acme-wa {"months":24}'],
    ],
    [
      'two clauses: the exam keeps its validity, the other credential does not lend its own',
      'WA-101 is valid for 3 years, and the ZetaCert badge is valid 5 years.',
      ['acme-wa {"months":36}'],
    ],
  ])('%s', (_name, sentence, expected) => {
    expect(facts(`# Notes\n\n${sentence}\n`, 'validity')).toEqual(expected);
  });
});

describe('a field table keeps its exam', () => {
  const table = (prereq: string) =>
    [
      '# WA-101 at a glance',
      '',
      '| Item | Detail |',
      '|---|---|',
      '| Fee | $140 |',
      `| Prerequisites | ${prereq} |`,
      '| Validity | 2 years; renew with an Acme online check |',
      '',
    ].join('\n');

  it('a row naming another exam as a prerequisite does not take the rows after it', () => {
    expect(facts(table('none; WF-100 recommended'), 'validity')).toEqual(['acme-wa {"months":24}']);
  });

  it('the same rows kept as plain text (a page copied as text) read the same', () => {
    expect(facts(table('none; WF-100 recommended'), 'validity', 'page.txt')).toEqual(['acme-wa {"months":24}']);
  });

  it('near miss: a table whose rows are exams still gives each row its own exam', () => {
    const rows = '# Acme exams\n\n| Exam | Validity |\n|---|---|\n| WF-100 | 3 years |\n| WA-101 | 2 years |\n';
    expect(facts(rows, 'validity')).toEqual(['acme-wf {"months":36}', 'acme-wa {"months":24}']);
  });
});

describe('a bare vendor name', () => {
  it('inside a statement about one of its exams stays with that exam', () => {
    const text = '# Notes\n\nWA-101 pairs well with WF-100.\n\nWA-101 facts follow. Acme lists a fee of $140.\n';
    expect(facts(text, 'fee')).toEqual(['acme-wa {"amount":140,"currency":"USD"}']);
  });

  it('near miss: after the sentence names another exam of the vendor, the vendor is that exam', () => {
    const text = '# Notes\n\nWA-101 is the main topic.\n\nThen comes WF-100, for which the Acme fee is $90.\n';
    expect(facts(text, 'fee')).toEqual(['acme-wf {"amount":90,"currency":"USD"}']);
  });
});

describe('a relative clause describes the noun before it', () => {
  // The page is about WA-101 until the last paragraph, which turns to a credential outside the catalog.
  const page = (sentence: string) => `# Acme notes\n\nWA-101 costs $140.\n\nAcme renews for free. ${sentence}\n`;
  it.each<[string, string, string[]]>([
    [
      'a vendor named inside ", which …" does not take the figures of the credential before it',
      'So does the Zeta Gadget badge (ZG-300), which sits under the Acme family: 90 minutes, 24-month validity.',
      [],
    ],
    [
      'a figure inside the relative clause is the antecedent’s too',
      'The Zeta Gadget badge (ZG-300), which Acme also runs, stays valid for 24 months.',
      [],
    ],
    [
      'near miss: the catalogued exam is the antecedent, and another exam in its relative clause lends nothing',
      'WA-101, which replaced ZG-300 last year, is valid for 2 years.',
      ['acme-wa {"months":24}'],
    ],
    [
      'near miss: with no named antecedent, the vendor in the relative clause still speaks',
      'The badge, which Acme issues, is valid for 3 years.',
      ['acme-wa {"months":36}'],
    ],
    [
      'near miss: no relative clause, the vendor after another credential is the statement’s subject',
      'Unlike ZG-300, an Acme certification is valid for 3 years.',
      ['acme-wa {"months":36}'],
    ],
  ])('%s', (_name, sentence, expected) => {
    expect(facts(page(sentence), 'validity')).toEqual(expected);
  });
});
