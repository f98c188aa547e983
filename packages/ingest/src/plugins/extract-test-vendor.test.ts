/**
 * Test vendors (who delivers an exam), in our own words with a made-up catalog: proctoring and delivery in prose,
 * a vendor's platform standing for it, two vendors in one statement, a labelled table row, a component attribute,
 * per-exam columns; and the near misses (PSI as a drift statistic, a vendor named as where a price or retake
 * policy lives, the certification vendor, another exam's vendor, a practice-test platform, "Pearson" the
 * correlation) that must not become test-vendor facts. The delivery mode a bare vendor name no longer implies is
 * checked beside it.
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
  otherExams: [{ vendor: 'Acme', name: 'Acme Certified Widget Professional', code: 'WP-300', aliases: [] }],
};
const matcher = new ExamMatcher(catalog);

const values = (markdown: string, attribute: string) =>
  extractSource(markdown, 'vendor.md', { matcher, exams: catalog.exams })
    .facts.filter((f) => f.attribute === attribute)
    .map((f) => `${f.exam} ${Object.values(f.value as Record<string, string[]>)[0]?.join(' + ')}`);

describe('test vendor', () => {
  it.each<[string, string, string[]]>([
    ['proctored by', '# WA-101\n\nWA-101 runs 95 minutes and is proctored by Pearson VUE.\n', ['acme-wa Pearson VUE']],
    [
      'delivered via, with the online platform named',
      '# WA-101\n\nThe exam is delivered via Pearson VUE (OnVUE from home, or a test centre).\n',
      ['acme-wa Pearson VUE'],
    ],
    [
      "registration on the vendor's platform",
      "# WF-100\n\nYou book WF-100 through Kryterion's Webassessor.\n",
      ['acme-wf Kryterion'],
    ],
    ['a platform address alone', '# WF-100\n\nRegister for the exam at webassessor.com/acme.\n', ['acme-wf Kryterion']],
    [
      'two vendors in one statement',
      '# WA-101\n\nSit WA-101 at a Prometric or PSI testing center near you.\n',
      ['acme-wa Prometric + PSI'],
    ],
    [
      'a labelled row whose value is a mode with the vendor in brackets',
      '# WA-101 facts\n\n| Field | Value |\n|---|---|\n| Delivery | Remote proctored or test center (Kryterion) |\n',
      ['acme-wa Kryterion'],
    ],
    [
      'a component attribute',
      '# WA-101\n\n<ExamFacts length="95 minutes" provider="Certiport" />\n',
      ['acme-wa Certiport'],
    ],
    [
      'per-exam columns',
      '# Acme exams\n\n| | WF-100 | WA-101 |\n|---|---|---|\n| Test vendor | PSI | Pearson VUE |\n',
      ['acme-wf PSI', 'acme-wa Pearson VUE'],
    ],
    [
      'a capitalised "Pearson" before a testing word',
      '# WA-101\n\nTake WA-101 at a Pearson test center.\n',
      ['acme-wa Pearson VUE'],
    ],
    // Near misses.
    [
      'near miss: PSI as a drift statistic',
      '# WA-101\n\nFor the WA-101 monitoring domain, compute PSI/KS between baseline and current data.\n',
      [],
    ],
    [
      'near miss: PSI as a drift statistic, with a delivery word around it',
      '# WA-101\n\nWA-101 asks how to deliver alerts when the PSI of a feature drifts.\n',
      [],
    ],
    [
      'near miss: a retake policy on the vendor page',
      '# WA-101\n\nSee the Pearson VUE page for the WA-101 retake rules.\n',
      [],
    ],
    [
      'near miss: a retake policy with "take" in it',
      '# WA-101\n\nBefore you take WA-101 again, read the retake policy on the Pearson VUE site.\n',
      [],
    ],
    ['near miss: a price at the checkout', '# WA-101\n\nNo price is published; check the Pearson VUE checkout.\n', []],
    ['near miss: the certification vendor', '# WA-101 facts\n\n- Vendor: Acme\n- Delivery: online proctored\n', []],
    [
      "near miss: another exam's vendor",
      '# WA-101\n\nThe Acme Certified Widget Professional exam is proctored by Kryterion.\n',
      [],
    ],
    [
      'near miss: a practice-test platform',
      '# WA-101\n\nOur WA-101 practice tests are delivered on a Certiport-style simulator.\n',
      [],
    ],
    [
      'near miss: a vendor named with no delivery word',
      '# WA-101\n\nPearson VUE published a blog post about WA-101 last week.\n',
      [],
    ],
    [
      'near miss: the Pearson correlation',
      '# WA-101\n\nWA-101 may ask you to take the Pearson correlation of two features.\n',
      [],
    ],
  ])('%s', (_case, markdown, expected) => {
    expect(values(markdown, 'testVendor')).toEqual(expected);
  });
});

describe('delivery and a test vendor', () => {
  it.each<[string, string, string[]]>([
    ['a vendor named alone says nothing of the mode', '# WA-101\n\nWA-101 is proctored by Pearson VUE.\n', []],
    [
      'a vendor as a price page is no mode',
      '# WA-101\n\nNo price is published; check the Pearson VUE checkout for the exam.\n',
      [],
    ],
    [
      'a vendor beside an online mode gives the online mode only',
      '# WA-101\n\nThe exam is delivered via Pearson VUE / online proctor.\n',
      ['acme-wa online-proctored'],
    ],
    [
      '"at" a vendor is a test centre',
      '# WA-101\n\nYou can sit the exam at a local Pearson VUE.\n',
      ['acme-wa test-center'],
    ],
    [
      'a test centre in so many words',
      '# WA-101\n\nTake the exam at a Pearson VUE test center or remotely.\n',
      ['acme-wa online-proctored + test-center'],
    ],
  ])('%s', (_case, markdown, expected) => {
    expect(values(markdown, 'delivery')).toEqual(expected);
  });
});
