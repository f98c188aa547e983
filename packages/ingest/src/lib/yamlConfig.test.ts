import { isCertplanError } from '@certplan/core';
import { describe, expect, it } from 'vitest';
import { parseCatalogYaml, parseSourcesYaml } from './yamlConfig.ts';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isCertplanError(error, 'invalid_config')) return error.message;
    throw error;
  }
  throw new Error('expected an invalid_config CertplanError');
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

  it('a declared guide version must be one the catalog lists, reported at its place', () => {
    const catalog = {
      exams: [
        {
          id: 'exam-a',
          name: 'Exam A',
          vendor: 'V',
          code: null,
          aliases: [],
          guides: [
            { version: 'Spring 2024', effective: '2024-03-01' },
            { version: 'Autumn 2026', effective: '2026-09-01' },
          ],
        },
      ],
    };
    const good = '- file: a.txt\n  guide: Spring 2024\n';
    expect(parseSourcesYaml(good, 'sources.yaml', catalog)).toEqual([{ file: 'a.txt', guide: 'Spring 2024' }]);
    const bad = '- file: a.txt\n- file: b.txt\n  guide: Spring 2025\n';
    expect(errorOf(() => parseSourcesYaml(bad, 'content/sources.yaml', catalog))).toMatchInlineSnapshot(
      `"content/sources.yaml:3:10: guide Spring 2025 is not a guide version of any exam in exams.yaml (one of: Spring 2024, Autumn 2026) (at 1.guide)"`,
    );
    // Near miss: without the catalog only the field's shape is checked.
    expect(parseSourcesYaml(bad, 'sources.yaml')).toHaveLength(2);
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

describe('exams.yaml: vendors, other exams and guide versions', () => {
  const catalog = `exams:
  - id: acme-ml
    name: Acme Certified ML Builder
    vendor: Acme
    code: ACM-101
    aliases: [Acme ML Builder]
    guides:
      - version: "1.0"
        effective: 2025-01-15
      - version: "2.0"
        effective: 2026-02-01
  - id: acme-ml-old
    name: Acme Certified ML Specialist
    vendor: Acme
    code: null
    aliases: []
    successor: acme-ml
vendors:
  - name: Acme
    aliases: [Acme Cloud]
    products: [Acme Forge]
otherExams:
  - vendor: Acme
    name: Acme Certified Data Plumber
    code: ACM-202
    aliases: [Data Plumber]
`;

  it('reads vendors, other exams and guides', () => {
    const parsed = parseCatalogYaml(catalog, 'exams.yaml');
    expect(parsed.vendors).toEqual([{ name: 'Acme', aliases: ['Acme Cloud'], products: ['Acme Forge'] }]);
    expect(parsed.otherExams).toEqual([
      { vendor: 'Acme', name: 'Acme Certified Data Plumber', code: 'ACM-202', aliases: ['Data Plumber'] },
    ]);
    expect(parsed.exams[0]?.guides).toEqual([
      { version: '1.0', effective: '2025-01-15' },
      { version: '2.0', effective: '2026-02-01' },
    ]);
    expect(parsed.exams[1]?.guides).toBeUndefined();
  });

  it('keeps vendors and other exams optional', () => {
    const text = 'exams:\n  - id: x\n    name: X\n    vendor: V\n    code: null\n    aliases: []\n';
    expect(parseCatalogYaml(text, 'exams.yaml')).toEqual({
      exams: [{ id: 'x', name: 'X', vendor: 'V', code: null, aliases: [] }],
    });
  });

  it('points at broken cross-references where they are written', () => {
    const broken = catalog
      .replace('successor: acme-ml', 'successor: acme-mlx')
      .replace('effective: 2026-02-01', 'effective: 2024-12-31')
      .replace('    vendor: Acme\n    code: null', '    vendor: Acme Corp\n    code: null')
      .replace('name: Acme Certified Data Plumber', 'name: acme certified  ML builder');
    expect(errorOf(() => parseCatalogYaml(broken, 'content/exams.yaml'))).toMatchInlineSnapshot(`
      "content/exams.yaml:11:20: guides must be listed oldest first (2024-12-31) (at exams.0.guides.1.effective)
      content/exams.yaml:14:13: vendor Acme Corp is not listed under vendors (one of: Acme) (at exams.1.vendor)
      content/exams.yaml:17:16: successor acme-mlx is not an exam of the catalog (at exams.1.successor)
      content/exams.yaml:24:11: acme certified  ML builder is the catalog exam acme-ml, not another exam (at otherExams.0.name)"
    `);
  });

  it('lets only the oldest of several guide versions have an unknown start (null)', () => {
    const oldestUndated = catalog.replace('effective: 2025-01-15', 'effective: null');
    expect(parseCatalogYaml(oldestUndated, 'exams.yaml').exams[0]?.guides).toEqual([
      { version: '1.0', effective: null },
      { version: '2.0', effective: '2026-02-01' },
    ]);
    // The guide in force needs its day: a page's date is compared with it.
    const currentUndated = catalog.replace('effective: 2026-02-01', 'effective: null');
    expect(errorOf(() => parseCatalogYaml(currentUndated, 'content/exams.yaml'))).toMatchInlineSnapshot(
      `"content/exams.yaml:11:20: only the oldest of several guide versions may have an unknown start (null) (at exams.0.guides.1.effective)"`,
    );
    const onlyOne = catalog
      .replace(/ {6}- version: "2\.0"\n {8}effective: 2026-02-01\n/, '')
      .replace('effective: 2025-01-15', 'effective: null');
    expect(errorOf(() => parseCatalogYaml(onlyOne, 'content/exams.yaml'))).toMatchInlineSnapshot(
      `"content/exams.yaml:9:20: only the oldest of several guide versions may have an unknown start (null) (at exams.0.guides.0.effective)"`,
    );
  });

  it('rejects duplicates and unknown keys, naming the field', () => {
    const broken = catalog
      .replace('id: acme-ml-old', 'id: acme-ml')
      .replace('successor: acme-ml\n', 'sucessor: acme-ml\n')
      .replace('version: "2.0"', 'version: "1.0"')
      .replace('code: ACM-202', 'code: ACM-101');
    expect(errorOf(() => parseCatalogYaml(broken, 'exams.yaml'))).toMatchInlineSnapshot(`
      "exams.yaml:10:18: duplicate guide version 1.0 (at exams.0.guides.1.version)
      exams.yaml:12:5: Unrecognized key: "sucessor" (at exams.1)
      exams.yaml:12:9: duplicate exam id acme-ml (at exams.1.id)
      exams.yaml:25:11: ACM-101 is the catalog exam acme-ml, not another exam (at otherExams.0.code)"
    `);
  });
});
