import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapWords } from './wrapWords.ts';

const word = fc.stringMatching(/^[a-z/.:-]{1,60}$/);
const text = fc.array(word, { maxLength: 30 }).map((words) => words.join(' '));

describe('wrapWords', () => {
  it('keeps every line within the width and every character of the text, in order', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 8, max: 80 }), fc.constantFrom('', '  '), (t, width, indent) => {
        const lines = wrapWords(t, width, indent, indent);
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
        expect(
          lines
            .map((l) => l.slice(indent.length))
            .join('')
            .replace(/ /g, ''),
        ).toBe(t.replace(/ /g, ''));
      }),
    );
  });

  it('breaks between words where they fit, and cuts only a word longer than a line', () => {
    expect(wrapWords('a quote (digests/a-very-long-file-name-here.md:25)', 20, '  ', '  ')).toEqual([
      '  a quote',
      '  (digests/a-very-lo',
      '  ng-file-name-here.',
      '  md:25)',
    ]);
    expect(wrapWords('one two three', 7)).toEqual(['one two', 'three']);
    expect(wrapWords('', 10)).toEqual(['']);
  });
});
