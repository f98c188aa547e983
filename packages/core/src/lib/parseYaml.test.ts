import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compareStrings } from './compareStrings.ts';
import { parseYaml } from './parseYaml.ts';

// A made-up settings file: a list of shelves, each with a label and a capacity.
const text = ['shelves:', '  - label: top', '    capacity: 12', '  - label: bottom', '    capacity:', ''].join('\n');

describe('parseYaml', () => {
  it('points at the node of a path, line and column from yaml’s own ranges', () => {
    const yaml = parseYaml(text);
    expect(yaml.errors).toEqual([]);
    expect(yaml.pointOf(['shelves', 0, 'capacity'])).toEqual({ line: 3, column: 15 });
    expect(yaml.pointOf(['shelves', 1, 'label'])).toEqual({ line: 4, column: 12 });
    expect(yaml.pointOf([])).toEqual({ line: 1, column: 1 });
  });

  it('points a missing key at its mapping, an empty value after its key, an index past the end at its list', () => {
    const yaml = parseYaml(text);
    // `capacity:` with no value is an empty (null) node right after the colon.
    expect(yaml.pointOf(['shelves', 1, 'capacity'])).toEqual({ line: 5, column: 14 });
    expect(yaml.pointOf(['shelves', 1, 'colour'])).toEqual({ line: 4, column: 5 });
    expect(yaml.pointOf(['shelves', 7, 'label'])).toEqual({ line: 2, column: 3 });
  });

  it('points a zod issue at its node, and an unknown key at the key itself', () => {
    const yaml = parseYaml(text);
    const Shelf = z.strictObject({ label: z.string(), capacity: z.number() });
    const result = z.object({ shelves: z.array(Shelf) }).safeParse(yaml.document.toJS());
    expect(result.success).toBe(false);
    const points = result.error!.issues.map((issue) => yaml.pointOfIssue(issue));
    expect(points).toEqual([{ line: 5, column: 14 }]);

    const extra = parseYaml('shelves:\n  - label: top\n    capacity: 1\n    colour: red\n');
    const unknown = z.object({ shelves: z.array(Shelf) }).safeParse(extra.document.toJS());
    expect(unknown.error!.issues[0]!.code).toBe('unrecognized_keys');
    expect(extra.pointOfIssue(unknown.error!.issues[0]!)).toEqual({ line: 4, column: 5 });
  });

  it('reports syntax errors and duplicate keys at their place with a one-line message, without throwing', () => {
    expect(parseYaml('a: 1\na: 2\n').errors).toMatchInlineSnapshot(`
      [
        {
          "column": 1,
          "line": 2,
          "message": "Map keys must be unique",
        },
      ]
    `);
    const broken = parseYaml('list: [1, 2\nnext: 3\n');
    expect(broken.errors.length).toBeGreaterThan(0);
    for (const error of broken.errors) expect(error.message).not.toContain('\n');
  });

  it('finds every key of a generated mapping on its own line, after its key', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 12 }), (values) => {
        const source = values.map((value, i) => `${' '.repeat(i % 3)}k${i}: ${value}`).join('\n');
        const flat = values.map((value, i) => `k${i}: ${value}`).join('\n');
        const yaml = parseYaml(flat);
        values.forEach((_, i) => {
          expect(yaml.pointOf([`k${i}`])).toEqual({ line: i + 1, column: `k${i}: `.length + 1 });
        });
        // Indented keys are a YAML error, reported on a line of the text, never past it.
        for (const error of parseYaml(source).errors) expect(error.line).toBeLessThanOrEqual(values.length);
      }),
    );
  });
});

describe('compareStrings', () => {
  it('orders by code units, whatever the locale would say', () => {
    expect(['b', 'B', 'a-c', 'ab', 'é', 'e'].sort(compareStrings)).toEqual(['B', 'a-c', 'ab', 'b', 'e', 'é']);
  });
});
