/**
 * Table-driven phrasings an unseen article may use for one attribute: each row is a small Markdown article and
 * the exact values the extractor must find for that attribute (none for the rows that only look like it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusCatalogPath } from '../../test/copyCorpusFixture.ts';
import { ExamMatcher } from '../lib/examMatcher.ts';
import { extractSource } from '../lib/extractSource.ts';
import { findMoney, parseNumber } from '../lib/quantities.ts';
import { parseCatalogYaml } from '../lib/yamlConfig.ts';

const catalogPath = corpusCatalogPath;
const catalog = parseCatalogYaml(readFileSync(catalogPath, 'utf8'), catalogPath);
const matcher = new ExamMatcher(catalog);

function valuesOf(markdown: string, attribute: string): unknown[] {
  const result = extractSource(`# Exam notes\n\n${markdown}\n`, 'article.md', { matcher, exams: catalog.exams });
  return result.facts.filter((f) => f.attribute === attribute).map((f) => ({ exam: f.exam, ...f.value }));
}

type Row = [string, string, unknown[]];

const fee: Row[] = [
  ['exam as subject, past tense', 'The MLS-C01 was $300 and lasted 3 hours.', [{ exam: 'aws-mls-c01', amount: 300 }]],
  ['exam as subject, present', 'The AWS MLA-C01 exam is now just $150.', [{ exam: 'aws-mla-c01', amount: 150 }]],
  ['"this certification is"', 'Google PMLE: this certification is $200.', [{ exam: 'gcp-pmle', amount: 200 }]],
  [
    'number words and "taxes extra"',
    'The MLA-C01 costs two hundred dollars (taxes extra).',
    [{ exam: 'aws-mla-c01', amount: 200, plusTax: true }],
  ],
  [
    '"a hundred and fifty US dollars", "+ applicable taxes"',
    'Registering for the MLA-C01 costs a hundred and fifty US dollars + applicable taxes.',
    [{ exam: 'aws-mla-c01', amount: 150, plusTax: true }],
  ],
  ['"tax not included"', 'The PMLE fee: $200, tax not included.', [{ exam: 'gcp-pmle', amount: 200, plusTax: true }]],
  ['a voucher is the subject', 'The MLA-C01 voucher was $75.', []],
  ['a price difference', 'The PMLE is $100 cheaper than the MLS-C01.', []],
  ['per attempt is still the fee', 'The MLA-C01 is $150 per attempt.', [{ exam: 'aws-mla-c01', amount: 150 }]],
  ['a difference, "more than"', 'The MLS-C01 was $150 more than the MLA-C01.', []],
  ['a course is the subject', 'The MLA-C01 prep course is $300.', []],
  ['a salary is the subject', 'The average MLA-C01 holder salary is $3,000 a month.', []],
  ['no exam in the subject', 'My lunch was $30 on the day I passed the MLA-C01.', []],
];

const duration: Row[] = [
  ['"lasted N hours"', 'The MLS-C01 was $300 and lasted 3 hours.', [{ exam: 'aws-mls-c01', minutes: 180 }]],
  ['"runs N mins"', 'The MLA-C01 runs 130 mins.', [{ exam: 'aws-mla-c01', minutes: 130 }]],
  ['"takes N hrs"', 'The Google PMLE takes 2 hrs.', [{ exam: 'gcp-pmle', minutes: 120 }]],
  ['"lasting two hours"', 'Expect the PMLE, lasting two hours, to be tough.', [{ exam: 'gcp-pmle', minutes: 120 }]],
  ['study time is not the length', 'Studying for the MLA-C01 took 40 hours.', []],
];

const questions: Row[] = [
  ['"Expect N items"', 'For the MLA-C01, expect 65 items.', [{ exam: 'aws-mla-c01', min: 65, max: 65 }]],
  ['"N scored items"', 'The PMLE has 50 scored items.', [{ exam: 'gcp-pmle', min: 50, max: 50 }]],
  ['"Items: N"', '- MLA-C01\n- Items: 65', [{ exam: 'aws-mla-c01', min: 65, max: 65 }]],
  ['items of something else', 'The MLA-C01 study kit ships 300 items.', []],
  ['practice items', 'The MLA-C01 practice bank has 65 items.', []],
];

const experience: Row[] = [
  [
    '"yrs in the industry, incl. twelve months hands-on"',
    'Recommended for the PMLE: 3+ yrs in the industry, incl. at least twelve months hands-on with GCP.',
    [
      { exam: 'gcp-pmle', minYears: 3, maxYears: null, kind: 'industry' },
      { exam: 'gcp-pmle', minYears: 1, maxYears: null, kind: 'platform' },
    ],
  ],
  [
    '18 months is 1.5 years',
    'MLA-C01 candidates should have at least 18 months of experience with SageMaker.',
    [{ exam: 'aws-mla-c01', minYears: 1.5, maxYears: null, kind: 'platform' }],
  ],
  [
    '"2 yr" abbreviation, ML work',
    'The MLS-C01 suggests 2 yr of experience in machine learning.',
    [{ exam: 'aws-mla-c01', minYears: 2, maxYears: null, kind: 'ml' }].map((v) => ({ ...v, exam: 'aws-mls-c01' })),
  ],
  ['preparation is not experience', 'Spend a month hands-on with SageMaker before sitting the MLA-C01.', []],
  ['months of study', 'Plan 6 months of hands-on practice for the MLA-C01.', []],
];

const salary: Row[] = [
  [
    '"rising to $X or more" is open-ended',
    'MLA-C01 holders can expect compensation starting around $110,000 and rising to $150,000 or more.',
    [{ exam: 'aws-mla-c01', min: 110000, max: 150000, currency: 'USD', role: null, openEnded: true }],
  ],
  [
    '"$X to $Y+" is open-ended',
    'Machine Learning Engineers with the MLA-C01 typically earn $120,000 to $150,000+ per year.',
    [
      {
        exam: 'aws-mla-c01',
        min: 120000,
        max: 150000,
        currency: 'USD',
        role: 'Machine Learning Engineer',
        openEnded: true,
      },
    ],
  ],
  [
    '"$Xk and up" alone',
    'ML Engineers with the MLA-C01 earn $110k and up.',
    [{ exam: 'aws-mla-c01', min: 110000, max: 110000, currency: 'USD', role: 'ML Engineer', openEnded: true }],
  ],
  [
    'a closed range keeps its ceiling',
    'ML Engineers holding the MLA-C01 earn $110k–$150k a year.',
    [{ exam: 'aws-mla-c01', min: 110000, max: 150000, currency: 'USD', role: 'ML Engineer' }],
  ],
];

describe.each([
  ['fee', fee],
  ['duration', duration],
  ['questions', questions],
  ['experience', experience],
  ['salary', salary],
] as const)('%s phrasings', (attribute, rows) => {
  it.each(rows)('%s', (_name, markdown, expected) => {
    const found = valuesOf(markdown, attribute);
    // Fee rows give only the fields that matter; the currency is always USD here.
    const want = attribute === 'fee' ? expected.map((v) => ({ currency: 'USD', ...(v as object) })) : expected;
    expect(found).toEqual(want);
  });
});

describe('number words', () => {
  it.each([
    ['two hundred', 200],
    ['a hundred and fifty', 150],
    ['one thousand two hundred', 1200],
    ['three hundred fifty', 350],
    ['twenty-four', 24],
    ['hundred', 100],
    ['several hundred', null],
  ] as const)('%s = %s', (words, n) => {
    expect(parseNumber(words)).toBe(n);
  });

  it.each([
    ['costs two hundred dollars', 200],
    ['about three hundred US dollars', 300],
    ['five thousand dollars', 5000],
  ] as const)('money in words: %s', (text, amount) => {
    expect(findMoney(text).map((m) => [m.amount, m.currency])).toEqual([[amount, 'USD']]);
  });

  it('"a few dollars" is no amount', () => {
    expect(findMoney('it saves a few dollars')).toEqual([]);
  });
});
