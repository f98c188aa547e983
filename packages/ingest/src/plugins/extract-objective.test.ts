/**
 * Objectives are read from an outline's structure: numbered lines under the heading of their domain. Each case
 * is a small article in our own words; the near misses look like objectives but are not.
 */
import type { AttributeValue } from '@certplan/core';
import { describe, expect, it } from 'vitest';
import { ExamMatcher } from '../lib/examMatcher.ts';
import { extractSource } from '../lib/extractSource.ts';
import { parseCatalogYaml } from '../lib/yamlConfig.ts';
import { domainOfHeading, objectiveOfLine } from './extract-objective.ts';

const catalog = parseCatalogYaml(
  `exams:
  - id: acme-builder
    name: Acme Certified Model Builder – Associate
    vendor: Acme
    code: ACM-B01
    aliases: [Acme Model Builder]
  - id: zeta-architect
    name: Zeta Cloud Professional AI Architect
    vendor: Zeta Cloud
    code: null
    aliases: [Zeta AI Architect]
`,
  'exams.yaml',
);
const matcher = new ExamMatcher(catalog);

function objectivesOf(markdown: string) {
  const result = extractSource(markdown, 'guide.md', { matcher, exams: catalog.exams });
  return result.facts
    .filter((f) => f.attribute === 'objective')
    .map((f) => ({
      exam: f.exam,
      ...(f.value as AttributeValue<'objective'>),
      quote: result.text.slice(f.start, f.end),
    }));
}

describe('objectiveOfLine', () => {
  it.each([
    ['Task Statement 1.1: Gather and store data.', { ref: '1.1', label: 'Gather and store data', keyword: true }],
    ['Task 2.3 – Compare model metrics', { ref: '2.3', label: 'Compare model metrics', keyword: true }],
    ['Objective 4.2 Plan capacity for serving', { ref: '4.2', label: 'Plan capacity for serving', keyword: true }],
    ['skill 3.1. Choose a compute target', { ref: '3.1', label: 'Choose a compute target', keyword: true }],
    ['1.2 Prototype models in notebooks', { ref: '1.2', label: 'Prototype models in notebooks', keyword: false }],
    ['5.10: Retrain on a schedule', { ref: '5.10', label: 'Retrain on a schedule', keyword: false }],
  ])('%s', (line, expected) => {
    expect(objectiveOfLine(line)).toEqual(expected);
  });

  it.each([
    ['prose after the number', 'Task 1.1 took me two hours to read.'],
    ['a version, not an objective', '1.1.2 Release notes'],
    ['a decimal in a sentence', '2.5 hours is enough for this part.'],
    ['no label', 'Task Statement 1.1:'],
    ['a number without a point', 'Task 3: Deploy'],
    ['a label that is a paragraph', `1.1 ${'Word '.repeat(30)}`],
  ])('not an objective: %s', (_name, line) => {
    expect(objectiveOfLine(line)).toBeNull();
  });
});

describe('domainOfHeading', () => {
  it.each([
    ['Domain 1: Data Preparation for ML (28%)', { name: 'Data Preparation for ML', number: 1 }],
    ['Section 3 – Scaling prototypes (~18% of the exam)', { name: 'Scaling prototypes', number: 3 }],
    ['Content Domain 2. Model Development (20–25%)', { name: 'Model Development', number: 2 }],
    ['Monitoring AI solutions (13%)', { name: 'Monitoring AI solutions', number: null }],
    ['Domain 4: Security', { name: 'Security', number: 4 }],
  ])('%s', (heading, expected) => {
    expect(domainOfHeading(heading)).toEqual(expected);
  });

  it.each(['Exam format', 'Section 2: about this guide', 'Why this domain matters'])('not a domain: %s', (heading) => {
    expect(domainOfHeading(heading)).toBeNull();
  });
});

describe('extractObjective', () => {
  it('reads task statements under numbered domain headings, each with its domain', () => {
    const found = objectivesOf(`# Acme Certified Model Builder – Associate (ACM-B01): exam guide

## Domain 1: Data Handling (30%)

- Task Statement 1.1: Gather and store data.
- Task Statement 1.2: Clean and label data.

## Domain 2: Model Work (70%)

### Task Statement 2.1: Pick a modelling approach

Knowledge of baselines and of when a simple model is enough.

### Task Statement 2.2: Train and tune models
`);
    expect(found).toEqual([
      {
        exam: 'acme-builder',
        domain: 'Data Handling',
        ref: '1.1',
        label: 'Gather and store data',
        quote: 'Task Statement 1.1: Gather and store data.',
      },
      {
        exam: 'acme-builder',
        domain: 'Data Handling',
        ref: '1.2',
        label: 'Clean and label data',
        quote: 'Task Statement 1.2: Clean and label data.',
      },
      {
        exam: 'acme-builder',
        domain: 'Model Work',
        ref: '2.1',
        label: 'Pick a modelling approach',
        quote: 'Task Statement 2.1: Pick a modelling approach',
      },
      {
        exam: 'acme-builder',
        domain: 'Model Work',
        ref: '2.2',
        label: 'Train and tune models',
        quote: 'Task Statement 2.2: Train and tune models',
      },
    ]);
  });

  it('reads bare numbers under a numbered section, and attributes them to the exam the outline is about', () => {
    const found = objectivesOf(`# Study notes

The Acme Model Builder is covered elsewhere; this page is about the Zeta AI Architect.

## Zeta AI Architect outline

### Section 1: Low-code solutions (~15%)

1. 1.1 Build models with SQL
2. 1.2 Call prebuilt AI services

### Section 2: Pipelines (~20%)

- 2.1 Orchestrate training pipelines
`);
    expect(found.map((f) => [f.exam, f.domain, f.ref, f.label])).toEqual([
      ['zeta-architect', 'Low-code solutions', '1.1', 'Build models with SQL'],
      ['zeta-architect', 'Low-code solutions', '1.2', 'Call prebuilt AI services'],
      ['zeta-architect', 'Pipelines', '2.1', 'Orchestrate training pipelines'],
    ]);
  });

  it('near misses: numbers outside a domain, under the wrong domain, in prose, in a table, after the outline', () => {
    const found = objectivesOf(`# Acme Model Builder (ACM-B01) notes

- 1.1 Things I read first

## Domain 1: Data Handling (30%)

- 2.1 Deploy endpoints
- 1.5 hours a day was enough for me
- Version 1.1: guide refresh

| Task | Label |
| --- | --- |
| 1.3 | Version data |

## Exam format

- Task Statement 1.4: Something after the outline
`);
    expect(found).toEqual([]);
  });

  it('an unnumbered weighted domain heading takes keyword lines only', () => {
    const found = objectivesOf(`# Acme Model Builder (ACM-B01)

## Data Handling (30%)

- Objective 1.1 Gather data
- 1.2 Clean data
`);
    expect(found.map((f) => [f.domain, f.ref, f.label])).toEqual([['Data Handling', '1.1', 'Gather data']]);
  });

  it('emits nothing for a page about no catalogued exam', () => {
    expect(
      objectivesOf(`# Some other certification

## Domain 1: Data (50%)

- Task Statement 1.1: Gather data
`),
    ).toEqual([]);
  });
});
