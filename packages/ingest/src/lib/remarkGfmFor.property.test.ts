/**
 * `remarkGfmFor` leaves out GFM constructs that cannot match in a document. The property: on any document, the
 * tree it gives is exactly the one `remark-gfm` gives (node for node, positions included). Documents are drawn
 * from pieces that build tables (inside lists and block quotes too), delimiter-like lines, autolinks of every
 * kind, near misses ("www" without a dot, "http:" without slashes, a lone "@") and all three line endings.
 */
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { gfmConstructsNeeded, remarkGfmFor } from './remarkGfmFor.ts';

const withRemarkGfm = (text: string) => unified().use(remarkParse).use(remarkGfm).parse(text) as Root;
const withGfmFor = (text: string) => unified().use(remarkParse).use(remarkGfmFor, text).parse(text) as Root;

/**
 * The tree, or the error thrown. Under vitest the mdast utilities run their development build, whose assertions
 * throw on some inputs remark-gfm itself cannot handle ("-\n[ ] Fee": mdast-util-gfm-task-list-item's exit check);
 * the property is that remarkGfmFor behaves as remark-gfm does there too.
 */
const outcome = (parse: (text: string) => Root, text: string): Root | { threw: string } => {
  try {
    return parse(text);
  } catch (error) {
    return { threw: String(error) };
  }
};

const PIECES = [
  'Fee',
  'exam',
  ' ',
  '  ',
  '\t',
  '|',
  ' | ',
  '-',
  '---',
  ':-:',
  ':',
  '> ',
  '- ',
  '1. ',
  '* ',
  '#',
  '`',
  '~~',
  '[^1]',
  '[ ] ',
  '@',
  'a@b.co',
  'me@x',
  'www.',
  'WWW.x.org',
  'www',
  'http://a.io',
  'HTTPS://b.io/p',
  'http:',
  'https:/',
  '.',
  '(',
  ')',
  '\n',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
];

const documents = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));

describe('remarkGfmFor', () => {
  it('builds the tree remark-gfm builds, on any document', () => {
    fc.assert(
      fc.property(documents, (text) => {
        expect(outcome(withGfmFor, text)).toEqual(outcome(withRemarkGfm, text));
      }),
      // The counterexample fast-check found once (seed -890353055), kept so every run tries it.
      { numRuns: 600, examples: [['-\n[ ] Fee']] },
    );
  });

  it.each([
    ['a table', '| Domain | Weight |\n| --- | ---: |\n| Data | 28% |\n'],
    ['a table without outer pipes', 'Domain | Weight\n--- | ---\nData | 28%\n'],
    ['a table in a list item', '- Weights:\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n'],
    ['a table in a block quote', '> | a | b |\n> | - | - |\n> | 1 | 2 |\n'],
    ['a table with CR line endings', '| a | b |\r| - | - |\r| 1 | 2 |\r'],
    ['an e-mail, a www and a protocol autolink', 'Write to exams@example.org, see www.example.org or https://x.io.\n'],
    ['upper-case autolinks', 'WWW.EXAMPLE.ORG and HTTP://X.IO\n'],
  ])('builds the same tree with %s', (_kind, text) => {
    const tree = withGfmFor(text);
    expect(tree).toEqual(withRemarkGfm(text));
    expect(JSON.stringify(tree)).toMatch(/"type":"(table|link)"/);
  });
});

describe('gfmConstructsNeeded', () => {
  it.each([
    ['prose only', 'The exam costs $150 and lasts 130 minutes.', [false, false, false, false]],
    ['a delimiter row', 'a | b\n--|--\n', [true, false, false, false]],
    ['a thematic break counts (conservative)', 'a\n\n---\n', [true, false, false, false]],
    ['dashes inside prose are not a row', 'a - b - c\n', [false, false, false, false]],
    ['a pipe row without a dash is not one', '| a | b |\n| : | : |\n', [false, false, false, false]],
    ['an @ anywhere', 'ask @team', [false, true, false, false]],
    ['www without its dot', 'the www is big', [false, false, false, false]],
    ['www. in capitals', 'WwW.example.org', [false, false, true, false]],
    ['http without slashes', 'http: and https:/', [false, false, false, false]],
    ['https in capitals', 'HTTPS://x.io', [false, false, false, true]],
  ])('%s', (_kind, text, [table, email, www, protocol]) => {
    expect(gfmConstructsNeeded(text)).toEqual({
      table,
      emailAutolink: email,
      wwwAutolink: www,
      protocolAutolink: protocol,
    });
  });
});
