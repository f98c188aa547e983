/**
 * "Not published": a vendor leaving a figure out, said in the field's usual words, in our own fixtures with a
 * made-up catalog; and the near misses (a figure that is published, results not published yet, another exam,
 * no attribute named) that must not become facts.
 */
import { describe, expect, it } from 'vitest';
import { acmeCatalog, factsOf } from '../../test/acmeExamPages.ts';

const notPublished = factsOf(acmeCatalog(), 'notPublished', (value) => value.attribute);

describe('not published', () => {
  it.each<[string, string, string[]]>([
    ['a fee in so many words', '# WA-101\n\nThe WA-101 exam fee is not published.\n', ['acme-wa fee']],
    [
      'a price set per country',
      '# WA-101\n\nAcme sets the WA-101 price per market: pricing varies by country or region.\n',
      ['acme-wa fee'],
    ],
    ['a label and its value', '# WA-101 format\n\n- Fee: not published\n- Length: 100 minutes\n', ['acme-wa fee']],
    [
      'the vendor does not disclose a passing score',
      '# WF-100\n\nAcme does not disclose a passing score for WF-100; results are pass or fail.\n',
      ['acme-wf passingScore'],
    ],
    [
      'two attributes in one clause',
      '# WF-100\n\nFor WF-100, the number of questions and the exam length are unpublished.\n',
      ['acme-wf duration', 'acme-wf questions'],
    ],
    [
      'a skills outline not yet published',
      '# WF-100\n\nThe WF-100 skills outline has not yet been published.\n',
      ['acme-wf domains'],
    ],
    ['near miss: a published fee', '# WA-101\n\nThe WA-101 fee is published on the Acme site: $150.\n', []],
    ['near miss: no attribute named', '# WA-101\n\nWA-101 results are not published until the exam goes live.\n', []],
    [
      'near miss: a price that varies is another clause than the exam length',
      '# WA-101\n\nThe WA-101 exam length is 100 minutes; its schedule is not announced.\n',
      [],
    ],
    [
      'near miss: another exam of the vendor',
      '# Acme exams\n\nThe Acme Certified Widget Professional fee is not published.\n',
      [],
    ],
  ])('%s', (_case, markdown, expected) => {
    expect(notPublished(markdown)).toEqual(expected);
  });
});
