/**
 * The generated module must be what the API type-checks against: compile it with a snippet that uses it,
 * and check that wrong literals are rejected by the compiler.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset } from '@certplan/core';
import { buildDataset } from '@certplan/ingest';
import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { copyCorpusFixture } from '../../ingest/test/copyCorpusFixture.ts';
import { generateDatasetTypes } from './generateDatasetTypes.ts';

const dataset: Pick<Dataset, 'exams' | 'facts' | 'sources'> = {
  exams: [
    { id: 'gcp-pmle', name: 'Google Cloud PMLE', vendor: 'Google Cloud', code: null, aliases: [] },
    { id: 'aws-mls-c01', name: 'AWS MLS', vendor: 'AWS', code: 'MLS-C01', aliases: [] },
  ],
  sources: [],
  facts: [
    {
      id: 'f1',
      exam: 'aws-mls-c01',
      attribute: 'domain',
      value: { name: "Modeling's core", weightPercent: 36 },
      source: 's',
      quote: 'q',
      start: 0,
      end: 1,
      section: [],
      line: 1,
    },
    {
      id: 'f2',
      exam: 'aws-mls-c01',
      attribute: 'fee',
      value: { amount: 300, currency: 'USD' },
      source: 's',
      quote: 'q',
      start: 0,
      end: 1,
      section: [],
      line: 1,
    },
  ],
};

async function diagnostics(
  usage: string,
  from: Pick<Dataset, 'exams' | 'facts' | 'sources'> = dataset,
): Promise<string[]> {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { strict: true, noEmit: true, skipLibCheck: true, lib: ['lib.es2022.d.ts'] },
  });
  project.createSourceFile('/dataset-types.ts', await generateDatasetTypes(from));
  project.createSourceFile('/use.ts', usage);
  return project
    .getPreEmitDiagnostics()
    .map((d) => `${d.getSourceFile()?.getBaseName()}: ${String(d.getMessageText())}`);
}

describe('generateDatasetTypes', () => {
  it('generates a module that compiles and types exam ids, attributes and domain names', async () => {
    const code = await generateDatasetTypes(dataset);
    expect(code).toContain("export const examIds = ['aws-mls-c01', 'gcp-pmle'] as const;");
    expect(code).toContain("export const factAttributes = ['domain', 'fee'] as const;");
    expect(
      await diagnostics(`
        import { examIds, domainNames, type ExamId, type DomainName, type FactAttribute } from './dataset-types';
        const id: ExamId = 'gcp-pmle';
        const attribute: FactAttribute = 'fee';
        const domain: DomainName<'aws-mls-c01'> = "Modeling's core";
        const all: readonly ExamId[] = examIds;
        const none: readonly [] = domainNames['gcp-pmle'];
        export { id, attribute, domain, all, none };
      `),
    ).toEqual([]);
    // Type-checking loads TypeScript's standard library into memory: slow, so a generous time limit.
  }, 120_000);

  it('rejects literals the dataset does not contain', async () => {
    const errors = await diagnostics(`
      import type { ExamId, DomainName } from './dataset-types';
      const id: ExamId = 'aws-mla-c01';
      const domain: DomainName<'gcp-pmle'> = 'Modeling';
      export { id, domain };
    `);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('"aws-mla-c01"');
  }, 120_000);

  it('types the seed corpus: each exam’s domain names as the sources state them', async () => {
    const out = mkdtempSync(join(tmpdir(), 'certplan-codegen-'));
    try {
      const real = buildDataset({
        contentDir: copyCorpusFixture(join(out, 'content')),
        outDir: out,
        cache: false,
      }).dataset;
      expect(
        await diagnostics(
          `
          import type { DomainName, ExamId } from './dataset-types';
          const exams: ExamId[] = ['aws-mls-c01', 'gcp-pmle', 'aws-mla-c01'];
          const mla: DomainName<'aws-mla-c01'> = 'ML Model Development';
          const mls: DomainName<'aws-mls-c01'> = 'Exploratory Data Analysis';
          // @ts-expect-error: an MLA-C01 domain is not an MLS-C01 domain
          const wrong: DomainName<'aws-mls-c01'> = 'ML Model Development';
          export { exams, mla, mls, wrong };
        `,
          real,
        ),
      ).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);

  it('is deterministic', async () => {
    expect(await generateDatasetTypes(dataset)).toBe(
      await generateDatasetTypes({ ...dataset, exams: [...dataset.exams].reverse() }),
    );
  });
});
