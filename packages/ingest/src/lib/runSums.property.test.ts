/**
 * `runSums` answers "how many of this block's run have the property?" for every block in linear time. The
 * property: it agrees with the direct count (walk back from the block, then forward from the next one, while
 * the run continues) on any sequence of grouped and ungrouped blocks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Block, runSums } from './document.ts';

const block = (index: number, group: number | null, marked: boolean): Block => ({
  index,
  kind: group === null ? 'paragraph' : 'listItem',
  depth: 0,
  text: marked ? 'x' : '',
  start: 0,
  rawOffsets: new Int32Array(0),
  section: [],
  group,
  order: 0,
  ordered: false,
});

const joins = (a: Block, b: Block) => a.group !== null && a.group === b.group;
const weight = (b: Block) => (b.text === 'x' ? 1 : 0);

/** The quadratic count runSums replaces: back from i, then forward from i + 1, while the group is i's. */
function direct(blocks: Block[], i: number): number {
  let n = 0;
  for (let k = i; k >= 0 && (k === i || joins(blocks[k] as Block, blocks[k + 1] as Block)); k--)
    n += weight(blocks[k] as Block);
  for (let k = i + 1; k < blocks.length && joins(blocks[k - 1] as Block, blocks[k] as Block); k++)
    n += weight(blocks[k] as Block);
  return n;
}

describe('runSums', () => {
  it('gives every block the count over its whole run, as a direct walk does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }), fc.boolean()), { maxLength: 40 }),
        (spec) => {
          const blocks = spec.map(([group, marked], i) => block(i, group, marked));
          const { through, from } = runSums(blocks, joins, weight);
          blocks.forEach((b, i) => {
            const next = blocks[i + 1];
            const total = (through[i] as number) + (next && joins(b, next) ? (from[i + 1] as number) : 0);
            expect(total).toBe(direct(blocks, i));
          });
          expect(from[blocks.length]).toBe(0);
        },
      ),
    );
  });

  it('keeps runs apart: two lists side by side with the same group id never meet an ungrouped block between', () => {
    const blocks = [block(0, 1, true), block(1, 1, true), block(2, null, true), block(3, 1, true)];
    const { through, from } = runSums(blocks, joins, weight);
    expect([...through]).toEqual([1, 2, 1, 1]);
    expect([...from]).toEqual([2, 1, 1, 1, 0]);
  });
});
