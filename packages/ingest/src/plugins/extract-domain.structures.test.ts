/**
 * Weighted domain lists in the structures real outlines use, each in our own words with a made-up catalog:
 * tables (weight before or after the name, a "remainder" cell, one column per exam), runs of weighted headings
 * and paragraphs, bulleted lists, prose series, unnamed weights; and near misses that must give nothing.
 */
import { describe, expect, it } from 'vitest';
import { ExamMatcher } from '../lib/examMatcher.ts';
import { extractSource } from '../lib/extractSource.ts';

const catalog = {
  exams: [
    { id: 'acme-wa', name: 'Acme Certified Widget Associate', vendor: 'Acme', code: 'WA-101', aliases: [] },
    { id: 'acme-wf', name: 'Acme Certified Widget Foundations', vendor: 'Acme', code: 'WF-100', aliases: [] },
  ],
  vendors: [{ name: 'Acme', aliases: [], products: ['WidgetStudio'] }],
  otherExams: [{ vendor: 'Acme', name: 'Acme Certified Widget Professional', code: null, aliases: [] }],
};
const matcher = new ExamMatcher(catalog);

const domains = (markdown: string) =>
  extractSource(markdown, 'article.md', { matcher, exams: catalog.exams })
    .facts.filter((f) => f.attribute === 'domain')
    .map((f) => {
      const v = f.value as { name: string; weightPercent: number | null; weightRange?: [number, number] };
      return `${f.exam} ${v.name} ${v.weightRange ? v.weightRange.join('-') : v.weightPercent}`;
    });

describe('weighted domain structures', () => {
  it.each<[string, string, string[]]>([
    [
      'a table with the weight column before the name column',
      '# WA-101 notes\n\n| # | Weight | Domain |\n|---|---|---|\n| Domain 1 | 40% | Sorting widgets |\n| Domain 2 | 60% | Packing crates |\n',
      ['acme-wa Sorting widgets 40', 'acme-wa Packing crates 60'],
    ],
    [
      'a headerless-looking table with approximate weights and a remainder row',
      '# WA-101 notes\n\n| Area | Share |\n|---|---|\n| 1. Sorting widgets | ~45% |\n| 2. Packing crates | ~40% |\n| 3. Shipping | remainder |\n',
      ['acme-wa Sorting widgets 45', 'acme-wa Packing crates 40', 'acme-wa Shipping null'],
    ],
    [
      'one column per exam, split by column',
      '# Two Acme exams\n\n| | WF-100 | WA-101 |\n|---|---|---|\n| Domain weights | 50 / 30 / 20 | 40 / 35 / 25 |\n| Biggest domain | Basics (50%) | Sorting widgets (40%) |\n',
      [
        'acme-wf Domain 1 50',
        'acme-wf Domain 2 30',
        'acme-wf Domain 3 20',
        'acme-wa Domain 1 40',
        'acme-wa Domain 2 35',
        'acme-wa Domain 3 25',
        'acme-wf Basics 50',
        'acme-wa Sorting widgets 40',
      ],
    ],
    [
      'weighted headings with ranges',
      '# WA-101 guide\n\n## 1. Sort the Widgets (30-35%)\n\ntext\n\n## 2. Pack the Crates (65-70%)\n\ntext\n',
      ['acme-wa Sort the Widgets 30-35', 'acme-wa Pack the Crates 65-70'],
    ],
    [
      'a run of weighted paragraphs with descriptions',
      '# WA-101 guide\n\n**Sort the Widgets (45%)** – how sorting works.\n\n**Pack the Crates (55%)** - crates and lids.\n',
      ['acme-wa Sort the Widgets 45', 'acme-wa Pack the Crates 55'],
    ],
    [
      'a bulleted list with dashes, no outline words around it',
      '# WA-101 guide\n\n- Sorting – 45%\n- Packing – 55%\n',
      ['acme-wa Sorting 45', 'acme-wa Packing 55'],
    ],
    [
      'a prose series after a lead that names the outline',
      '# WA-101 guide\n\nThe outline covers two domains: sorting widgets (~45%) and packing crates (~55%, the larger).\n',
      ['acme-wa sorting widgets 45', 'acme-wa packing crates 55'],
    ],
    [
      'unnamed weights in a sentence about weights',
      '# WA-101 guide\n\nIts four domains weigh 30 / 30 / 25 / 15 in the current guide.\n',
      ['acme-wa Domain 1 30', 'acme-wa Domain 2 30', 'acme-wa Domain 3 25', 'acme-wa Domain 4 15'],
    ],
    [
      'a block under another exam of the vendor (from the catalog) is not ours',
      '# Acme study notes\n\n## Acme Certified Widget Associate\n\n- Sorting – 45%\n- Packing – 55%\n\n## Acme Certified Widget Professional\n\n- Tuning – 50%\n- Scaling – 50%\n',
      ['acme-wa Sorting 45', 'acme-wa Packing 55'],
    ],
  ])('%s', (_label, markdown, expected) => {
    expect(domains(markdown)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['a single percentage in prose', '# WA-101 guide\n\nAbout 10% of the exam touches on crates.\n'],
    ['a pass rate and a discount', '# WA-101 guide\n\n- Pass rate – 65%\n\nSave 20% with a voucher.\n'],
    ['numbers with slashes that are not weights', '# WA-101 guide\n\nThe desk is open 24 / 7 / 365.\n'],
    ['a slash series without weight words', '# WA-101 guide\n\nScores went 30 / 30 / 25 / 15 over four tries.\n'],
    ['weighted items in a list of another vendor', '# Globex notes\n\n- Sorting – 45%\n- Packing – 55%\n'],
  ])('nothing from %s', (_label, markdown) => {
    expect(domains(markdown)).toEqual([]);
  });
});
