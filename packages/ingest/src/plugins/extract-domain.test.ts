/**
 * Prose domain lists: how "a, b, and c" / "a, b and c" are read, when the last "x and y" is one domain or two,
 * and which lists give only examples. Every expected name is exact and as written in the source.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusCatalogPath } from '../../test/copyCorpusFixture.ts';
import { ExamMatcher } from '../lib/examMatcher.ts';
import { extractSource } from '../lib/extractSource.ts';
import { parseCatalogYaml } from '../lib/yamlConfig.ts';
import { AMBIGUOUS_LIST_RULE, chooseReading, domainKey, proseItems, proseReadings } from './extract-domain.ts';

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

describe('ambiguous lists in articles', () => {
  const fixtures = join(import.meta.dirname, '../../test/fixtures/articles');
  const catalogPath = corpusCatalogPath;
  const catalog = parseCatalogYaml(readFileSync(catalogPath, 'utf8'), catalogPath);
  const matcher = new ExamMatcher(catalog);
  const run = (name: string, input: string) => {
    const path = join(fixtures, name, input);
    const raw = readFileSync(path, 'utf8');
    const result = extractSource(raw, path, { matcher, exams: catalog.exams });
    const infos = result.file.messages.filter((m) => m.ruleId === AMBIGUOUS_LIST_RULE);
    // The message points at the list's lead-in on the raw line, whatever the format.
    const at = infos.map((m) =>
      (raw.split('\n')[(m.line ?? 0) - 1] ?? '').slice((m.column ?? 0) - 1, (m.column ?? 0) + 20),
    );
    return { result, infos, at };
  };

  it('Markdown: settled by the weighted outline of the same exam in the article, so no message', () => {
    const { infos, result } = run('markdown-domain-prose', 'input.md');
    expect(infos).toEqual([]);
    expect(result.pendingDomainLists).toEqual([]);
  });

  it('text: left out, with an info message on the raw line of the list', () => {
    const { infos, at, result } = run('text-domain-prose', 'input.txt');
    expect(infos.map((m) => [m.line, m.column, m.fatal])).toEqual([[11, 26, undefined]]);
    expect(at).toEqual(['domains are: data pre']);
    expect(result.pendingDomainLists.map((p) => p.readings.length)).toEqual([2]);
  });

  it('WordPress JSON: the message points into the JSON string', () => {
    const { infos, at } = run('wordpress-domain-prose', 'input.json');
    expect(infos).toHaveLength(1);
    expect(at).toEqual(['domains: model traini']);
  });
});

describe('list ids', () => {
  const dir = join(import.meta.dirname, '../../test/fixtures/articles/markdown-domain-prose');
  const catalogPath = corpusCatalogPath;
  const catalog = parseCatalogYaml(readFileSync(catalogPath, 'utf8'), catalogPath);
  const matcher = new ExamMatcher(catalog);
  const raw = readFileSync(join(dir, 'input.md'), 'utf8');
  const listsOf = (text: string) => {
    const result = extractSource(text, join(dir, 'input.md'), { matcher, exams: catalog.exams });
    const lists = new Map<string, string[]>();
    for (const fact of result.facts) {
      if (fact.attribute !== 'domain') continue;
      const { list, name } = fact.value as { list: string; name: string };
      lists.set(`${fact.exam} ${list}`, [...(lists.get(`${fact.exam} ${list}`) ?? []), name]);
    }
    return lists;
  };

  it("one id per list: an exam's weighted bullet list and its prose list are two lists", () => {
    const lists = listsOf(raw);
    expect([...lists.keys()].filter((k) => k.startsWith('aws-mls-c01')).sort()).toEqual([
      'aws-mls-c01 l:data-engineering-20',
      'aws-mls-c01 p:data-engineering-exploratory-data-analys',
    ]);
    for (const names of lists.values()) expect(new Set(names).size).toBe(names.length);
  });

  it('ids come from content: an edit before the lists leaves them, a repeated list gets the next number', () => {
    const edited = raw.replace(
      'Here is how we read them.',
      'Here is how we read them, with a longer sentence that moves every offset after it.',
    );
    expect(edited).not.toBe(raw);
    expect([...listsOf(edited).keys()]).toEqual([...listsOf(raw).keys()]);
    const weighting = raw.slice(raw.indexOf('### Weighting'), raw.indexOf('(20%)', raw.indexOf('Operations')) + 5);
    const repeated = raw.replace(
      weighting,
      `${weighting}\n\n### Weighting again\n\n${weighting.replace('### Weighting\n\n', '')}`,
    );
    expect(repeated).not.toBe(raw);
    const keys = [...listsOf(repeated).keys()].filter((k) => k.startsWith('aws-mls-c01 l:'));
    expect(keys.sort()).toEqual(['aws-mls-c01 l:data-engineering-20', 'aws-mls-c01 l:data-engineering-20-2']);
  });
});
