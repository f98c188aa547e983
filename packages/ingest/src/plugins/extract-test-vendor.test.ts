/**
 * Test vendors (who delivers an exam), in our own words with a made-up catalog: proctoring and delivery in prose,
 * a vendor's platform standing for it, two vendors in one statement, a labelled table row, a component attribute,
 * per-exam columns; and the near misses (PSI as a drift statistic, a vendor named as where a price or retake
 * policy lives, the certification vendor, another exam's vendor, a practice-test platform, "Pearson" the
 * correlation) that must not become test-vendor facts. The delivery mode a bare vendor name no longer implies is
 * checked beside it.
 */
import { describe, expect, it } from 'vitest';
import { acmeCatalog, factsOf, inEachFormat } from '../../test/acmeExamPages.ts';

// Globex: a certification vendor with no exam in the catalog (what a page says of its exams is theirs).
const catalog = acmeCatalog(['Globex']);
const vendors = factsOf(catalog, 'testVendor', (value) => value.vendors.join(' + '));
const modes = factsOf(catalog, 'delivery', (value) => value.modes.join(' + '));
const values = (markdown: string, attribute: 'testVendor' | 'delivery') =>
  (attribute === 'testVendor' ? vendors : modes)(markdown, 'vendor.md');

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

/**
 * The same statements as a Markdown page with front matter, a WordPress post (JSON, HTML body) and plain text.
 * Found by trying to break the extractor: a vendor's job advert and vendors compared in general became the
 * page's exam's test vendors before, and "offered through" was not read.
 */
describe('test vendor, in each source format', () => {
  it.each<[string, string[], string[]]>([
    ['administered by', ['The WA-101 exam is administered by Kryterion.'], ['acme-wa Kryterion']],
    ['offered through', ['The exam is offered through Pearson VUE.'], ['acme-wa Pearson VUE']],
    ['a label line', ['Testing provider: PSI', 'Length: 95 minutes'], ['acme-wa PSI']],
    ['a "Vendor" line whose value is a test vendor', ['Vendor: Pearson VUE'], ['acme-wa Pearson VUE']],
    [
      'a label line with three vendors',
      ['Test vendors: Pearson VUE, PSI or Certiport'],
      ['acme-wa Pearson VUE + PSI + Certiport'],
    ],
    [
      'a change of vendor: from one to the other',
      ['Acme moved WA-101 delivery from Kryterion to Pearson VUE in 2025.'],
      ['acme-wa Pearson VUE'],
    ],
    [
      'a change of vendor: no longer',
      ['WA-101 is no longer delivered by Kryterion; book it through Pearson VUE.'],
      ['acme-wa Pearson VUE'],
    ],
    [
      'a change of vendor: previously',
      ['Previously proctored by Kryterion, the exam is now delivered by Pearson VUE.'],
      ['acme-wa Pearson VUE'],
    ],
    [
      'a vendor that does not deliver it',
      ['The exam is not offered at Pearson VUE test centres; Kryterion delivers it online.'],
      ['acme-wa Kryterion'],
    ],
    [
      'a negation before a colon is not about the vendor',
      ['You do not need to travel: Pearson VUE delivers the exam online.'],
      ['acme-wa Pearson VUE'],
    ],
    // Near misses.
    ['near miss: a job advert', ['Prometric is hiring remote proctors; WA-101 holders may apply.'], []],
    [
      'near miss: testing companies compared in general',
      ['Testing companies such as Pearson VUE, Kryterion and PSI deliver exams online; we compare them below.'],
      [],
    ],
    [
      'near miss: delivery providers listed',
      ['The big test delivery providers are Pearson VUE, Kryterion, PSI and Prometric.'],
      [],
    ],
    [
      "near miss: another vendor's exam in a relative clause",
      ['Like the Globex Networking exam, which is delivered by Pearson VUE, WA-101 is hard.'],
      [],
    ],
  ])('%s', (_case, paragraphs, expected) => {
    for (const [raw, name] of inEachFormat(paragraphs)) expect(vendors(raw, name), name).toEqual(expected);
  });
});
