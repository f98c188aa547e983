import { describe, expect, it } from 'vitest';
import { ConfigError, parseCatalogYaml, parseSourcesYaml } from './yamlConfig.ts';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('sources.yaml', () => {
  it('accepts entries with optional metadata', () => {
    expect(
      parseSourcesYaml('- file: a.txt\n- file: sub/b.md\n  authority: official\n  published: 2026-01-02\n', 's.yaml'),
    ).toEqual([{ file: 'a.txt' }, { file: 'sub/b.md', authority: 'official', published: '2026-01-02' }]);
  });

  it('points at the offending value with line and column', () => {
    const text = '- file: a.txt\n- file: b.txt\n  authority: offical\n  published: 2026-1-2\n';
    expect(errorOf(() => parseSourcesYaml(text, 'content/sources.yaml'))).toMatchInlineSnapshot(`
      "content/sources.yaml:3:14: Invalid option: expected one of "official"|"editorial"|"secondary" (at 1.authority)
      content/sources.yaml:4:14: expected a date as YYYY-MM-DD (at 1.published)"
    `);
  });

  it('rejects unknown keys, escapes from raw/ and duplicates', () => {
    const text = '- file: ../secrets.txt\n- file: a.txt\n  autority: official\n- file: a.txt\n';
    expect(errorOf(() => parseSourcesYaml(text, 'sources.yaml'))).toMatchInlineSnapshot(`
      "sources.yaml:1:9: file must be a path under content/raw/ (at 0.file)
      sources.yaml:2:3: Unrecognized key: "autority" (at 1)
      sources.yaml:4:9: duplicate entry for a.txt (at 2.file)"
    `);
  });

  it('reports YAML syntax errors where they are', () => {
    expect(errorOf(() => parseSourcesYaml('- file: a.txt\n  url: [unclosed\n', 'sources.yaml'))).toMatch(
      /^sources\.yaml:\d+:\d+: /,
    );
  });
});

describe('exams.yaml', () => {
  it('names the missing field', () => {
    const text = 'exams:\n  - id: x\n    name: X\n    vendor: V\n    code: null\n';
    expect(errorOf(() => parseCatalogYaml(text, 'exams.yaml'))).toMatchInlineSnapshot(
      `"exams.yaml:2:5: Invalid input: expected array, received undefined (at exams.0.aliases)"`,
    );
  });
});
