import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExamMatcher } from './examMatcher.ts';
import { parseCatalogYaml } from './yamlConfig.ts';

const catalogPath = join(import.meta.dirname, '../../../../content/exams.yaml');
const matcher = new ExamMatcher(parseCatalogYaml(readFileSync(catalogPath, 'utf8'), catalogPath).exams);
const examsIn = (text: string) =>
  matcher
    .find(text)
    .map((m) => (m.kind === 'exam' ? m.exam : m.kind === 'vendor' ? `vendor:${m.vendor}` : `other:${m.text}`));

describe('ExamMatcher', () => {
  it.each([
    ['AWS Certified Machine Learning – Specialty', 'aws-mls-c01'],
    ['AWS Certified Machine Learning - Specialty', 'aws-mls-c01'],
    ['AWS Certified ML Specialty', 'aws-mls-c01'],
    ['Machine Learning Specialty', 'aws-mls-c01'],
    ['MLS-C01', 'aws-mls-c01'],
    ['MLS C01', 'aws-mls-c01'],
    ['the AWS MLS', 'aws-mls-c01'],
    ['Google Cloud Professional Machine Learning Engineer', 'gcp-pmle'],
    ['Google Professional ML Engineer', 'gcp-pmle'],
    ['GCP Professional Machine Learning Engineer', 'gcp-pmle'],
    ['Google Cloud Certified Professional ML Engineer', 'gcp-pmle'],
    ['PMLE', 'gcp-pmle'],
    ['Google’s Professional Machine Learning Engineer', 'gcp-pmle'],
    ['AWS Certified Machine Learning Engineer – Associate', 'aws-mla-c01'],
    ['AWS ML Engineer Associate', 'aws-mla-c01'],
    ['MLA-C01', 'aws-mla-c01'],
  ])('recognises %s', (text, exam) => {
    expect(examsIn(text)).toEqual([exam]);
  });

  it('does not take a job title for an exam', () => {
    expect(examsIn('Machine Learning Engineers earn well')).toEqual([]);
  });

  it('finds vendors and exams outside the catalog', () => {
    expect(examsIn('AWS recommends it, unlike the Azure AI-102 or the Professional Cloud Architect exam')).toEqual([
      'vendor:aws',
      'other:Azure',
      'other:AI-102',
      'other:Professional Cloud Architect',
    ]);
    expect(examsIn('the AWS Certified Solutions Architect – Associate')).toEqual([
      'other:AWS Certified Solutions Architect – Associate',
    ]);
  });
});
