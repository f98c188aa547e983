import { describe, expect, it } from 'vitest';

describe('@certplan/ingest public surface', () => {
  it('exports exactly these names', async () => {
    expect(Object.keys(await import('./index.ts')).sort()).toEqual([
      'EXTRACTOR_VERSION',
      'ExamMatcher',
      'buildDataset',
      'buildDatasetAsync',
      'certplanDocument',
      'decodeSourceBytes',
      'detectFormat',
      'extractSource',
      'listRawFiles',
      'parseCatalogYaml',
      'parseSourcesYaml',
      'sourceIdOf',
    ]);
  });
});
