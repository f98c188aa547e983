/**
 * Prose domain lists: how "a, b, and c" / "a, b and c" are read, when the last "x and y" is one domain or two,
 * and which lists give only examples. Every expected name is exact and as written in the source.
 */
import { describe, expect, it } from 'vitest';
import { chooseReading, domainKey, proseItems, proseReadings } from './extract-domain.ts';

describe('proseReadings', () => {
  const cases: Array<[string, string, string[][] | null]> = [
    [
      'serial comma: commas alone separate, so "x and y" stays one item',
      'data engineering, exploratory data analysis, modeling, and machine learning implementation and operations',
      [['data engineering', 'exploratory data analysis', 'modeling', 'machine learning implementation and operations']],
    ],
    [
      'serial comma with "or"',
      'designing pipelines, training models, or monitoring drift',
      [['designing pipelines', 'training models', 'monitoring drift']],
    ],
    [
      'serial comma: the last item keeps its own "and"',
      'framing problems, preparing data, and serving and scaling models',
      [['framing problems', 'preparing data', 'serving and scaling models']],
    ],
    [
      'no serial comma, two heads sharing a modifier: one item',
      'data engineering, exploratory data analysis, machine learning implementation and operations',
      [['data engineering', 'exploratory data analysis', 'machine learning implementation and operations']],
    ],
    [
      'no serial comma, two gerunds sharing an object: one item',
      'framing ML problems, architecting ML solutions, serving and scaling models',
      [['framing ML problems', 'architecting ML solutions', 'serving and scaling models']],
    ],
    [
      'no serial comma, coordinated prepositions: one item',
      'collecting data, training models, collaborating within and across teams',
      [['collecting data', 'training models', 'collaborating within and across teams']],
    ],
    [
      'no serial comma, two plain items: split (the unsplit reading has too few items)',
      'framing ML problems, architecting ML solutions and preparing data',
      [['framing ML problems', 'architecting ML solutions', 'preparing data']],
    ],
    [
      'no serial comma, both halves stand alone: ambiguous',
      'data engineering, exploratory data analysis, modeling and operations',
      [
        ['data engineering', 'exploratory data analysis', 'modeling and operations'],
        ['data engineering', 'exploratory data analysis', 'modeling', 'operations'],
      ],
    ],
    [
      'no serial comma, two conjunctions: the implausible split is dropped, the rest stay ambiguous',
      'data engineering, exploratory data analysis, modeling and machine learning implementation and operations',
      [
        [
          'data engineering',
          'exploratory data analysis',
          'modeling and machine learning implementation and operations',
        ],
        ['data engineering', 'exploratory data analysis', 'modeling', 'machine learning implementation and operations'],
      ],
    ],
    ['examples introduced by "for example"', 'for example, data pipelines, model training, and monitoring', null],
    ['examples introduced by "such as"', 'areas such as Vertex AI, BigQuery ML, and TensorFlow', null],
    ['examples introduced by "like"', 'like SageMaker, Glue, and Kinesis', null],
    ['an open-ended list ("etc.")', 'SageMaker, Glue, Kinesis, etc', null],
    ['an open-ended list ("and more")', 'SageMaker, Glue, Kinesis, and more', null],
    ['fewer than three items', 'modeling and operations', null],
    ['a sentence, not a list of names', 'design, implement, and maintain ML solutions for 3 years (or more)', null],
  ];
  it.each(cases)('%s', (_label, list, expected) => {
    expect(proseReadings(list)).toEqual(expected);
  });

  it('keeps names verbatim: no case change, only a leading article or conjunction is dropped', () => {
    expect(proseItems('the Data Engineering domain, EDA, and the modeling of ML workloads')).toEqual([
      'Data Engineering domain',
      'EDA',
      'modeling of ML workloads',
    ]);
  });

  it('proseItems gives a list only when exactly one reading remains', () => {
    expect(proseItems('data engineering, exploratory data analysis, modeling and operations')).toBeNull();
    expect(proseItems('data engineering, exploratory data analysis, modeling, and operations')).toEqual([
      'data engineering',
      'exploratory data analysis',
      'modeling',
      'operations',
    ]);
  });
});

describe('chooseReading', () => {
  const readings = proseReadings(
    'data engineering, exploratory data analysis, modeling and machine learning implementation and operations',
  ) as string[][];
  const known = (...names: string[]) => new Set(names.map(domainKey));

  it.each<[string, Set<string>, string[] | null]>([
    [
      'another list names the split items (any case, "&" for "and")',
      known('Modeling', 'Machine Learning Implementation & Operations'),
      ['data engineering', 'exploratory data analysis', 'modeling', 'machine learning implementation and operations'],
    ],
    [
      'another list names the joined item',
      known('Modeling and Machine Learning Implementation and Operations'),
      ['data engineering', 'exploratory data analysis', 'modeling and machine learning implementation and operations'],
    ],
    ['only one half is known: still ambiguous', known('Modeling'), null],
    ['nothing known', known(), null],
  ])('%s', (_label, names, expected) => {
    expect(chooseReading(readings, names)).toEqual(expected);
  });
});
