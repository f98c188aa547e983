/**
 * Domain lists named in other words: an unweighted list that paraphrases a weighted one, name by name,
 * supports it (covers), across sources; near misses stay different lists.
 */
import { describe, expect, it } from 'vitest';
import type { DomainsValue } from '../schema/dataset.ts';
import { comparableValue, covers, sameDomainNames, stemWord } from './comparableValue.ts';

const list = (domains: [string, number | null][]): DomainsValue => ({
  domains: domains.map(([name, weightPercent]) => ({ name, weightPercent })),
  weightsKnown: domains.every(([, w]) => w !== null),
});
const comparable = (domains: [string, number | null][]) => comparableValue('domains', list(domains));

const weighted = comparable([
  ['Data Engineering', 20],
  ['Exploratory Data Analysis', 24],
  ['Modeling', 36],
  ['Machine Learning Implementation and Operations', 20],
]);

describe('sameDomainNames', () => {
  it('pairs each name with a paraphrase, in any order: shortened, inflected, ML for machine learning', () => {
    expect(
      sameDomainNames(
        ['operations', 'modelling', 'exploratory data analysis', 'data engineering'],
        ['Data Engineering', 'Exploratory Data Analysis', 'Modeling', 'ML Implementation and Operations'],
      ),
    ).toBe(true);
    expect(sameDomainNames(['Automate and orchestrate ML pipelines'], ['Automating ML Pipelines'])).toBe(true);
  });

  it('near misses are different names: a shared word is not a paraphrase, and the pairing must be one to one', () => {
    expect(sameDomainNames(['Deployment and Operations'], ['ML Implementation and Operations'])).toBe(false);
    expect(sameDomainNames(['Monitor ML solutions'], ['Monitoring and Optimization'])).toBe(false);
    // "data" fits both, but then nothing is left for "data engineering": no one-to-one pairing.
    expect(sameDomainNames(['data', 'data engineering'], ['Data Engineering', 'Modeling'])).toBe(false);
    expect(sameDomainNames(['a', 'b'], ['a'])).toBe(false);
    expect(sameDomainNames(['and'], ['and'])).toBe(false);
  });

  it('stems the forms area names use', () => {
    expect(['Modeling', 'modelling', 'models', 'model'].map((w) => stemWord(w.toLowerCase()))).toEqual([
      'model',
      'model',
      'model',
      'model',
    ]);
    expect(stemWord('automating')).toBe(stemWord('automate'));
    expect(stemWord('operations')).toBe(stemWord('operation'));
  });
});

describe('covers: an unweighted list in other words supports the weighted list', () => {
  const paraphrase = comparable([
    ['data engineering', null],
    ['exploratory data analysis', null],
    ['modeling', null],
    ['operations', null],
  ]);

  it('covers it (one way only), so it joins that list instead of competing with it', () => {
    expect(covers(paraphrase, weighted)).toBe(true);
    expect(covers(weighted, paraphrase)).toBe(false);
  });

  it('does not cover a list of other areas, a list with another count, or another unweighted list', () => {
    const other = comparable([
      ['data engineering', null],
      ['exploratory data analysis', null],
      ['modeling', null],
      ['deployment', null],
    ]);
    expect(covers(other, weighted)).toBe(false);
    expect(
      covers(
        comparable([
          ['data engineering', null],
          ['modeling', null],
          ['operations', null],
        ]),
        weighted,
      ),
    ).toBe(false);
    expect(
      covers(
        paraphrase,
        comparable([
          ['Data Engineering', null],
          ['EDA', null],
          ['Modeling', null],
          ['Ops', null],
        ]),
      ),
    ).toBe(false);
  });

  it('a partly weighted list is not read as a paraphrase (it states weights of its own)', () => {
    const partly = comparable([
      ['data engineering', 20],
      ['exploratory data analysis', null],
      ['modeling', null],
      ['operations', null],
    ]);
    expect(covers(partly, weighted)).toBe(false);
  });
});
