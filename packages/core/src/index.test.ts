import { describe, expect, it } from 'vitest';

describe('@certplan/core public surface', () => {
  it('exports only what the entry names', async () => {
    const keys = Object.keys(await import('./index.ts')).sort();
    expect(keys).toContain('DatasetSchema');
    expect(keys).toContain('reconcile');
    expect(keys).toContain('CertplanError');
  });
});
