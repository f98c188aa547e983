import { describe, expect, it } from 'vitest';
import { makeDomainList, makeFact, makeSource } from '../lib/testFacts.ts';
import type { Authority, Claim, DomainsValue, Fact, Review, Source } from '../schema/dataset.ts';
import { reconcile } from './reconcile.ts';

const run = (sources: Source[], facts: Fact[], reviews: Review[] = []) =>
  reconcile({ exams: [], sources, facts, reviews });

const claimOf = (result: ReturnType<typeof run>, id: string): Claim => {
  const claim = result.claims.find((c) => c.id === id);
  if (!claim) throw new Error(`no claim ${id}; have ${result.claims.map((c) => c.id).join(', ')}`);
  return claim;
};

const experience = (minYears: number, maxYears: number | null, source: string, quote?: string) =>
  makeFact('experience', { minYears, maxYears, kind: 'ml' }, quote ? { source, quote } : { source });

/**
 * The policy, one row per rule: which value wins, with what status, and which factor the rationale names as
 * deciding. Near misses show where a rule stops applying.
 */
const policyRules: {
  rule: string;
  sources: Source[];
  facts: Fact[];
  wins: number;
  status: Claim['status'];
  decidedBy: string;
}[] = [
  {
    rule: 'authority: an official source beats a third-party article',
    sources: [makeSource('off', 'official'), makeSource('art', 'secondary', '2026-01-01')],
    facts: [experience(3, null, 'off'), experience(2, null, 'art')],
    wins: 3,
    status: 'policy',
    decidedBy: 'authority',
  },
  {
    rule: 'authority: an editorial note beats a third-party article',
    sources: [makeSource('ed', 'editorial'), makeSource('art', 'secondary', '2026-01-01')],
    facts: [experience(1, null, 'ed'), experience(2, null, 'art')],
    wins: 1,
    status: 'policy',
    decidedBy: 'authority',
  },
  {
    rule: 'near miss: a newer article does not beat an older official page (authority comes first)',
    sources: [makeSource('off', 'official', '2020-01-01'), makeSource('art', 'secondary', '2026-01-01')],
    facts: [experience(3, null, 'off'), experience(2, null, 'art')],
    wins: 3,
    status: 'policy',
    decidedBy: 'authority',
  },
  {
    rule: 'recency: between articles, the newer one wins',
    sources: [makeSource('old', 'secondary', '2024-05-01'), makeSource('new', 'secondary', '2025-12-27')],
    facts: [experience(1, 2, 'old'), experience(2, null, 'new')],
    wins: 2,
    status: 'policy',
    decidedBy: 'recency',
  },
  {
    rule: 'recency: a dated article beats an undated one',
    sources: [makeSource('undated', 'secondary', null), makeSource('dated', 'secondary', '2020-01-01')],
    facts: [experience(1, 2, 'undated'), experience(2, null, 'dated')],
    wins: 2,
    status: 'policy',
    decidedBy: 'recency',
  },
  {
    rule: 'agreement before recency: two independent older articles beat one newer article',
    sources: [
      makeSource('a', 'secondary', '2026-03-28'),
      makeSource('b', 'secondary', null),
      makeSource('new', 'secondary', '2026-04-13'),
    ],
    facts: [experience(2, null, 'a'), experience(2, null, 'b', 'Two years of ML.'), experience(1, null, 'new')],
    wins: 2,
    status: 'policy',
    decidedBy: 'agreement',
  },
  {
    rule: 'near miss: two older pages carrying the same sentence are one witness, so the newer article wins',
    sources: [
      makeSource('a', 'secondary', '2026-03-28'),
      makeSource('b', 'secondary', '2026-03-01'),
      makeSource('new', 'secondary', '2026-04-13'),
    ],
    facts: [
      experience(2, null, 'a', 'Two years of ML.'),
      experience(2, null, 'b', 'two years of ML'),
      experience(1, null, 'new'),
    ],
    wins: 1,
    status: 'policy',
    decidedBy: 'recency',
  },
  {
    rule: 'near miss: agreement does not outweigh authority (two articles against one official page)',
    sources: [makeSource('a'), makeSource('b'), makeSource('off', 'official')],
    facts: [experience(2, null, 'a'), experience(2, null, 'b', 'Two years of ML.'), experience(1, null, 'off')],
    wins: 1,
    status: 'policy',
    decidedBy: 'authority',
  },
  {
    rule: 'agreement: two independent sources beat one',
    sources: [makeSource('a'), makeSource('b'), makeSource('c')],
    facts: [experience(2, null, 'a'), experience(2, null, 'b', 'Two years of ML.'), experience(1, null, 'c')],
    wins: 2,
    status: 'policy',
    decidedBy: 'agreement',
  },
  {
    rule: 'near miss: the same sentence copied onto two pages counts once (then nothing separates them)',
    sources: [makeSource('a'), makeSource('b'), makeSource('c')],
    facts: [
      experience(1, null, 'a', 'Recommends one year of ML.'),
      experience(1, null, 'b', 'Recommends  one year of ML'),
      experience(2, null, 'c'),
    ],
    wins: 2,
    status: 'contested',
    decidedBy: 'rule',
  },
  {
    rule: 'near miss: one article repeating itself counts once',
    sources: [makeSource('a'), makeSource('c')],
    facts: [
      experience(1, null, 'a', 'One year.'),
      experience(1, null, 'a', 'At least one year.'),
      experience(2, null, 'c'),
    ],
    wins: 2,
    status: 'contested',
    decidedBy: 'rule',
  },
  {
    rule: 'a tie on every factor suggests the more demanding value and stays contested',
    sources: [makeSource('a')],
    facts: [experience(2, null, 'a'), experience(1, 2, 'a')],
    wins: 2,
    status: 'contested',
    decidedBy: 'rule',
  },
];

describe('policy', () => {
  it.each(policyRules)('$rule', ({ sources, facts, wins, status, decidedBy }) => {
    const result = run(sources, facts);
    const claim = claimOf(result, 'exam-a.experience.ml');
    expect((claim.value as { minYears: number }).minYears).toBe(wins);
    expect(claim.status).toBe(status);
    expect(claim.rationale.at(-1)?.factor).toBe(decidedBy);
    // Rank, don't delete: every fact is either support or dissent.
    expect([...claim.factIds, ...claim.dissentingFactIds].sort()).toEqual(facts.map((f) => f.id).sort());
    expect(claim.dissentingFactIds.length).toBeGreaterThan(0);
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]!.severity).toBe('high');
  });

  it('specificity: a narrower question range wins when nothing else separates them', () => {
    const sources = [makeSource('a')];
    const facts = [makeFact('questions', { min: 50, max: 65 }), makeFact('questions', { min: 65, max: 65 })];
    const claim = claimOf(run(sources, facts), 'exam-a.questions');
    expect(claim.value).toEqual({ min: 65, max: 65 });
    expect(claim.status).toBe('policy');
    expect(claim.rationale.map((r) => r.factor)).toEqual(['authority', 'agreement', 'recency', 'specificity']);
  });

  it('explains the deciding factor in words, naming the sources', () => {
    const sources = [
      makeSource('off', 'official', null, { url: 'https://cloud.google.com/learn' }),
      makeSource('art', 'secondary', '2025-12-27', { url: 'https://www.examlabs.com/x' }),
    ];
    const claim = claimOf(
      run(sources, [experience(3, null, 'off'), experience(2, null, 'art')]),
      'exam-a.experience.ml',
    );
    expect(claim.rationale).toEqual([
      {
        factor: 'authority',
        text: '“at least 3 years” comes from the official source (cloud.google.com), which outranks a third-party article (examlabs.com) saying “at least 2 years”.',
      },
    ]);
  });
});

describe('agreement', () => {
  it('"$300" and "approximately $300" make one agreed claim and no conflict', () => {
    const sources = [makeSource('a'), makeSource('b')];
    const facts = [
      makeFact('fee', { amount: 300, currency: 'USD' }, { source: 'a' }),
      makeFact('fee', { amount: 300, currency: 'USD', approximate: true }, { source: 'b' }),
    ];
    const result = run(sources, facts);
    expect(result.conflicts).toEqual([]);
    const claim = claimOf(result, 'exam-a.fee');
    expect(claim.status).toBe('agreed');
    // The exact statement represents the claim: it is the more specific one.
    expect(claim.value).toEqual({ amount: 300, currency: 'USD' });
    expect(claim.factIds).toHaveLength(2);
    expect(claim.rationale.map((r) => r.factor)).toEqual(['authority', 'agreement']);
    expect(claim.rationale[1]!.text).toContain('2 independent sources agree');
  });

  it('names every agreeing source: two pages of one site are counted, not folded into one name', () => {
    const sources = [
      makeSource('guide', 'official', null, { url: 'https://docs.aws.amazon.com/guide' }),
      makeSource('note', 'editorial', '2026-11-30', { url: 'https://docs.aws.amazon.com/other' }),
      makeSource('blog', 'secondary', null, { url: 'https://blog.example/post' }),
    ];
    const facts = ['guide', 'note', 'blog'].map((source) =>
      makeFact('duration', { minutes: 130 }, { source, quote: `It lasts 130 minutes (${source}).` }),
    );
    const claim = claimOf(run(sources, facts), 'exam-a.duration');
    expect(claim.rationale[1]!.text).toBe(
      '3 independent sources agree on it (2 pages of docs.aws.amazon.com and blog.example) and none contradicts it.',
    );
  });

  it('a genuine tie says it is one and names both values', () => {
    const sources = [makeSource('a'), makeSource('b')];
    const facts = [
      makeFact('duration', { minutes: 100 }, { source: 'a' }),
      makeFact('duration', { minutes: 90 }, { source: 'b' }),
    ];
    const result = run(sources, facts);
    const claim = claimOf(result, 'exam-a.duration');
    expect(claim.status).toBe('contested');
    expect(result.conflicts).toHaveLength(1);
    expect(claim.rationale.at(-1)).toEqual({
      factor: 'rule',
      text: 'It is a tie: no factor separates “100 minutes” from “90 minutes”. certplan shows the more demanding “100 minutes”, to keep you from being caught unprepared, and flags it for a reviewer to decide.',
    });
  });

  it('a single source still gets a rationale', () => {
    const claim = claimOf(run([makeSource('s1')], [makeFact('duration', { minutes: 180 })]), 'exam-a.duration');
    expect(claim.status).toBe('agreed');
    expect(claim.rationale[1]!.text).toBe('Only s1.example states it, and no source contradicts it.');
  });

  it('a sentence copied onto two pages is one source, and the rationale says so', () => {
    const facts = [
      makeFact('duration', { minutes: 180 }, { source: 'a', quote: 'The exam lasts 180 minutes.' }),
      makeFact('duration', { minutes: 180 }, { source: 'b', quote: 'The exam lasts 180 minutes.' }),
    ];
    const claim = claimOf(run([makeSource('a'), makeSource('b')], facts), 'exam-a.duration');
    expect(claim.rationale[1]!.text).toBe(
      'Only one independent source states it: a.example and b.example carry the same sentence, so they count once. No source contradicts it.',
    );
  });

  it('different keys are different sets: industry and platform experience do not conflict', () => {
    const facts = [
      makeFact('experience', { minYears: 3, maxYears: null, kind: 'industry' }),
      makeFact('experience', { minYears: 1, maxYears: null, kind: 'platform' }),
    ];
    const result = run([makeSource('s1')], facts);
    expect(result.conflicts).toEqual([]);
    expect(result.claims.map((c) => c.id)).toEqual(['exam-a.experience.industry', 'exam-a.experience.platform']);
  });

  it('different exams never conflict', () => {
    const facts = [
      makeFact('duration', { minutes: 170 }, { exam: 'exam-a' }),
      makeFact('duration', { minutes: 180 }, { exam: 'exam-b' }),
    ];
    expect(run([makeSource('s1')], facts).conflicts).toEqual([]);
  });

  it('170 and 180 minutes conflict, with high severity', () => {
    const facts = [makeFact('duration', { minutes: 170 }), makeFact('duration', { minutes: 180 }, { source: 's2' })];
    const [conflict] = run([makeSource('s1'), makeSource('s2')], facts).conflicts;
    expect(conflict?.severity).toBe('high');
    expect(conflict?.sides?.map((s) => s.value)).toEqual([{ minutes: 180 }, { minutes: 170 }]);
  });

  it("a retired exam's conflicts are low as of its retirement date, except one about the retirement itself", () => {
    const sources = [makeSource('s1'), makeSource('s2')];
    const facts = [
      makeFact('duration', { minutes: 170 }),
      makeFact('duration', { minutes: 180 }, { source: 's2' }),
      makeFact('retirement', { date: '2026-03-31' }),
      makeFact('retirement', { date: '2026-06-30' }, { source: 's2' }),
    ];
    const severities = (asOf?: string) =>
      Object.fromEntries(
        reconcile({ exams: [], sources, facts, reviews: [], ...(asOf ? { asOf } : {}) }).conflicts.map((c) => [
          c.attribute,
          c.severity,
        ]),
      );
    // Not yet retired (or no date to judge by): the duration decides a plan.
    expect(severities('2026-03-30')).toEqual({ duration: 'high', retirement: 'high' });
    expect(severities()).toEqual({ duration: 'high', retirement: 'high' });
    // From the earliest stated retirement date on, the exam cannot be planned for: its other conflicts are low.
    expect(severities('2026-03-31')).toEqual({ duration: 'low', retirement: 'high' });
    // Another exam's retirement changes nothing here.
    const other = facts.map((f) => (f.attribute === 'retirement' ? { ...f, exam: 'exam-b' } : f));
    expect(
      reconcile({ exams: [], sources, facts: other, reviews: [], asOf: '2027-01-01' }).conflicts.find(
        (c) => c.attribute === 'duration',
      )?.severity,
    ).toBe('high');
  });

  it.each([
    [
      'salary',
      'low',
      { min: 1, max: 2, currency: 'USD', role: 'ML Engineers' },
      { min: 1, max: 3, currency: 'USD', role: 'ml engineer' },
    ],
    ['fee', 'high', { amount: 150, currency: 'USD' }, { amount: 300, currency: 'USD' }],
    ['retirement', 'high', { date: '2026-03-31' }, { date: '2026-04-30' }],
    ['language', 'low', { languages: ['English'] }, { languages: ['English', 'Japanese'] }],
    ['testVendor', 'low', { vendors: ['Pearson VUE'] }, { vendors: ['Kryterion'] }],
    ['release', 'low', { date: '2026-03' }, { date: '2026-04-14' }],
  ] as const)('severity of a %s conflict is %s', (attribute, severity, a, b) => {
    const facts = [makeFact(attribute, a as never), makeFact(attribute, b as never, { source: 's2' })];
    const result = run([makeSource('s1'), makeSource('s2')], facts);
    expect(result.conflicts.map((c) => c.severity)).toEqual([severity]);
  });

  describe('release dates at two precisions', () => {
    const releaseOf = (dates: string[]) =>
      run(
        dates.map((_, i) => makeSource(`s${i}`)),
        dates.map((date, i) => makeFact('release', { date }, { source: `s${i}` })),
      );

    it('a month is the same statement as a day inside it: no conflict, the day is the value', () => {
      const result = releaseOf(['2026-04', '2026-04-14']);
      expect(result.conflicts).toEqual([]);
      const claim = claimOf(result, 'exam-a.release');
      expect(claim.value).toEqual({ date: '2026-04-14' });
      expect(claim.status).toBe('agreed');
      expect(claim.rationale.find((r) => r.factor === 'specificity')?.text).toMatchInlineSnapshot(
        `"s0.example states the same with less detail, which supports “released on 2026-04-14” from s1.example rather than contradicting it; the claim takes the more specific value."`,
      );
    });

    it('near miss: a month and a day of another month disagree', () => {
      const result = releaseOf(['2026-03', '2026-04-14']);
      expect(result.conflicts.map((c) => [c.attribute, c.severity])).toEqual([['release', 'low']]);
    });

    it('near miss: two days of the same month disagree, and a month does not take sides between them', () => {
      const result = releaseOf(['2026-04-14', '2026-04-20', '2026-04']);
      expect(result.conflicts).toHaveLength(1);
      expect(claimOf(result, 'exam-a.release').status).toBe('contested');
    });
  });

  it('topics to study add up instead of conflicting', () => {
    const facts = [
      makeFact('focus', { domain: 'Modeling', topics: ['SageMaker', 'XGBoost'] }, { source: 's1' }),
      makeFact('focus', { domain: 'modeling', topics: ['xgboost', 'Linear Learner'] }, { source: 's2' }),
    ];
    const result = run([makeSource('s1', 'official'), makeSource('s2')], facts);
    expect(result.conflicts).toEqual([]);
    expect(claimOf(result, 'exam-a.focus.modeling').value).toEqual({
      domain: 'Modeling',
      topics: ['SageMaker', 'XGBoost', 'Linear Learner'],
    });
  });
});

describe('domain lists', () => {
  const official = makeDomainList('google', [
    ['Architect low-code ML solutions', null],
    ['Scale prototypes into ML models', null],
    ['Serve and scale models', null],
  ]);
  const article = makeDomainList('article', [
    ['Architecting ML Solutions', 12],
    ['Data Preparation and Processing', 16],
    ['Modeling', 18],
  ]);
  const sources = [makeSource('google', 'official'), makeSource('article', 'secondary', '2025-12-27')];

  it('two different lists are one conflict at list level, and the official list wins without weights', () => {
    const result = run(sources, [...article, ...official]);
    expect(result.conflicts).toHaveLength(1);
    const [conflict] = result.conflicts;
    expect(conflict).toMatchObject({ attribute: 'domains', key: null, severity: 'high' });
    expect(conflict!.factIds).toHaveLength(6);
    const claim = claimOf(result, 'exam-a.domains');
    expect(claim.value).toEqual({
      domains: [
        { name: 'Architect low-code ML solutions', weightPercent: null },
        { name: 'Scale prototypes into ML models', weightPercent: null },
        { name: 'Serve and scale models', weightPercent: null },
      ],
      weightsKnown: false,
    });
    expect(claim.status).toBe('policy');
    expect(claim.dissentingFactIds.sort()).toEqual(article.map((f) => f.id).sort());
    expect(claim.rationale.map((r) => r.factor)).toEqual(['authority', 'rule', 'rule']);
    expect(claim.rationale[0]!.text).toBe(
      '“3 domains, no weights” comes from the official source (google.example), which outranks a third-party article (article.example) saying “3 domains, with weights”.',
    );
    // The lists name different domains (two pairs paraphrase each other): the rationale says which, with the
    // weight the other list gives.
    expect(claim.rationale[1]!.text).toBe(
      'Where “3 domains, no weights” and “3 domains, with weights” differ: only “3 domains, with weights” names Data Preparation and Processing (16%); 1 domain of “3 domains, no weights” is not in “3 domains, with weights”.',
    );
    expect(claim.rationale[2]!.text).toContain('weights are unknown');
    expect(result.claims.filter((c) => c.attribute === 'domain')).toEqual([]);
  });

  it('a list follows its text order, and a domain named twice by one source is listed once', () => {
    const shuffled = [...official].reverse();
    const repeated = { ...official[0]!, id: 'again', start: 5000, quote: 'Architect low-code ML solutions.' };
    const claim = claimOf(run(sources, [...shuffled, repeated]), 'exam-a.domains');
    expect((claim.value as { domains: { name: string }[] }).domains.map((d) => d.name)).toEqual([
      'Architect low-code ML solutions',
      'Scale prototypes into ML models',
      'Serve and scale models',
    ]);
    expect(claim.factIds).toContain('again');
  });

  it('near miss: the same list with weights from two articles is agreed', () => {
    const copy = makeDomainList('other', [
      ['Modeling', 18],
      ['architecting ML solutions', 12],
      ['Data Preparation & Processing', 16],
    ]);
    const result = run([...sources, makeSource('other')], [...article, ...copy]);
    expect(result.conflicts).toEqual([]);
    expect(claimOf(result, 'exam-a.domains')).toMatchObject({ status: 'agreed', value: { weightsKnown: true } });
  });
});

/** The four MLS-C01 domains, as headings with weights or named in a sentence without them. */
const mls = [
  'Data Engineering',
  'Exploratory Data Analysis',
  'Modeling',
  'Machine Learning Implementation and Operations',
];
const withWeights = (weights: number[], names = mls): [string, number | null][] =>
  names.map((name, i) => [name, weights[i]!]);
const withoutWeights = (names = mls.map((n) => n.toLowerCase())): [string, number | null][] =>
  names.map((name) => [name, null]);

interface ListedBy {
  source: string;
  authority?: Authority;
  date?: string | null;
  domains: [string, number | null][];
}

/**
 * Lists with and without weights, one row per rule: whether they conflict, whose list the claim takes, and
 * which sources back it (support) or disagree with it (dissent).
 */
const weightRules: {
  rule: string;
  lists: ListedBy[];
  conflict: boolean;
  takes: string;
  support: string[];
  dissent: string[];
}[] = [
  {
    rule: 'the same domains without weights back the list with weights: no conflict',
    lists: [
      { source: 'prose', date: '2025-07-02', domains: withoutWeights() },
      { source: 'headings', date: '2025-12-27', domains: withWeights([20, 24, 36, 20]) },
    ],
    conflict: false,
    takes: 'headings',
    support: ['headings', 'prose'],
    dissent: [],
  },
  {
    rule: 'an older, undated or more authoritative list without weights still only backs the weighted one',
    lists: [
      { source: 'official', authority: 'official', domains: withoutWeights() },
      { source: 'headings', date: '2020-01-01', domains: withWeights([20, 24, 36, 20]) },
    ],
    conflict: false,
    takes: 'headings',
    support: ['headings', 'official'],
    dissent: [],
  },
  {
    rule: '"ML" and "machine learning", "&" and "and" name the same domain',
    lists: [
      { source: 'prose', domains: withoutWeights(['data engineering', 'EDA & visualisation', 'ML operations']) },
      {
        source: 'headings',
        domains: withWeights(
          [30, 30, 40],
          ['Data Engineering', 'EDA and Visualisation', 'Machine Learning Operations'],
        ),
      },
    ],
    conflict: false,
    takes: 'headings',
    support: ['headings', 'prose'],
    dissent: [],
  },
  {
    rule: 'near miss: the same domains with one weight different conflict; the newer wins',
    lists: [
      { source: 'old', date: '2024-01-01', domains: withWeights([20, 24, 36, 20]) },
      { source: 'new', date: '2025-01-01', domains: withWeights([20, 24, 30, 26]) },
    ],
    conflict: true,
    takes: 'new',
    support: ['new'],
    dissent: ['old'],
  },
  {
    rule: 'near miss: a subset of the domains without weights conflicts',
    lists: [
      { source: 'prose', date: '2025-07-02', domains: withoutWeights().slice(0, 3) },
      { source: 'headings', date: '2025-12-27', domains: withWeights([20, 24, 36, 20]) },
    ],
    conflict: true,
    takes: 'headings',
    support: ['headings'],
    dissent: ['prose'],
  },
  {
    rule: 'near miss: an official subset without weights wins over a fuller weighted article',
    lists: [
      { source: 'official', authority: 'official', domains: withoutWeights().slice(0, 3) },
      { source: 'headings', date: '2025-12-27', domains: withWeights([20, 24, 36, 20]) },
    ],
    conflict: true,
    takes: 'official',
    support: ['official'],
    dissent: ['headings'],
  },
  {
    rule: 'two weightings conflict; a list without weights takes no side and backs the winner (newer here)',
    lists: [
      { source: 'official', authority: 'official', domains: withoutWeights() },
      { source: 'a', date: '2025-01-01', domains: withWeights([20, 24, 36, 20]) },
      { source: 'b', date: '2024-01-01', domains: withWeights([25, 25, 25, 25]) },
    ],
    conflict: true,
    takes: 'a',
    support: ['a', 'official'],
    dissent: ['b'],
  },
  {
    rule: 'the same three lists with the dates swapped: the list without weights now backs the other weighting',
    lists: [
      { source: 'official', authority: 'official', domains: withoutWeights() },
      { source: 'a', date: '2024-01-01', domains: withWeights([20, 24, 36, 20]) },
      { source: 'b', date: '2025-01-01', domains: withWeights([25, 25, 25, 25]) },
    ],
    conflict: true,
    takes: 'b',
    support: ['b', 'official'],
    dissent: ['a'],
  },
  {
    rule: 'official names without weights, and an article giving their weights, beat a newer article with other names',
    lists: [
      { source: 'official', authority: 'official', domains: withoutWeights() },
      { source: 'weights', date: '2024-01-01', domains: withWeights([20, 24, 36, 20]) },
      { source: 'other', date: '2025-12-27', domains: withWeights([50, 50], ['Data', 'Models']) },
    ],
    conflict: true,
    takes: 'weights',
    support: ['official', 'weights'],
    dissent: ['other'],
  },
];

describe('domain lists with and without weights', () => {
  const build = (lists: ListedBy[]) => {
    const sources = lists.map((l) => makeSource(l.source, l.authority ?? 'secondary', l.date ?? null));
    const facts = lists.flatMap((l) => makeDomainList(l.source, l.domains));
    return { sources, facts, result: run(sources, facts) };
  };
  const sourcesOf = (ids: readonly string[], facts: readonly Fact[]) =>
    [...new Set(ids.map((id) => facts.find((f) => f.id === id)!.source))].sort();

  it.each(weightRules)('$rule', ({ lists, conflict, takes, support, dissent }) => {
    const { facts, result } = build(lists);
    const claim = claimOf(result, 'exam-a.domains');
    expect(result.conflicts.length).toBe(conflict ? 1 : 0);
    expect(claim.status).toBe(conflict ? 'policy' : 'agreed');
    const taken = lists.find((l) => l.source === takes)!;
    expect(claim.value).toEqual({
      domains: taken.domains.map(([name, weightPercent]) => ({ name, weightPercent })),
      weightsKnown: taken.domains.every(([, w]) => w !== null),
    });
    expect(sourcesOf(claim.factIds, facts)).toEqual(support);
    expect(sourcesOf(claim.dissentingFactIds, facts)).toEqual(dissent);
    if (conflict) expect(result.conflicts[0]!.factIds.sort()).toEqual(facts.map((f) => f.id).sort());
  });

  it('says why the list without weights is support: specificity, naming both sources', () => {
    const prose = makeSource('prose', 'secondary', '2025-07-02', { url: 'https://www.actualtests.com/blog' });
    const headings = makeSource('headings', 'secondary', '2025-12-27', { url: 'https://www.examlabs.com/x' });
    const facts = [
      ...makeDomainList('prose', withoutWeights()),
      ...makeDomainList('headings', withWeights([20, 24, 36, 20])),
    ];
    const claim = claimOf(run([prose, headings], facts), 'exam-a.domains');
    expect(claim.rationale).toEqual([
      {
        factor: 'authority',
        text: '“4 domains” are stated by third-party articles (examlabs.com and actualtests.com).',
      },
      {
        factor: 'agreement',
        text: '2 independent sources agree on them (examlabs.com and actualtests.com) and none contradicts them.',
      },
      {
        factor: 'specificity',
        text: 'actualtests.com lists the same domains without weights, which supports “4 domains, with weights” from examlabs.com rather than contradicting it; the claim takes the more specific list.',
      },
    ]);
  });

  it('in a conflict, the list without weights is on the winning side, and the rationale says so', () => {
    const { result } = build(weightRules[6]!.lists);
    const [conflict] = result.conflicts;
    expect(conflict!.sides).toHaveLength(2);
    expect(conflict!.sides![0]!.factIds).toEqual(claimOf(result, 'exam-a.domains').factIds);
    const rationale = claimOf(result, 'exam-a.domains').rationale;
    // The list without weights did not decide between the two weightings (it backs neither in the count of
    // witnesses): recency did.
    expect(rationale.map((r) => r.factor)).toEqual(['authority', 'agreement', 'recency', 'rule', 'specificity']);
    expect(rationale[3]!.text).toMatch(/^Where .* differ: the weights differ for /);
    expect(rationale[4]!.text).toMatch(/^official\.example lists the same domains without weights/);
  });

  it('when the names decided against other names, the rationale credits the names, and the weights to their source', () => {
    const { result } = build(weightRules[8]!.lists);
    expect(claimOf(result, 'exam-a.domains').rationale).toEqual([
      {
        factor: 'authority',
        text: '“4 domains” comes from the official source (official.example), which outranks a third-party article (other.example) saying “2 domains, with weights”.',
      },
      {
        factor: 'rule',
        text: 'Where “4 domains” and “2 domains, with weights” differ: the weights differ for Data Engineering: 20% vs 50% and Modeling: 36% vs 50%; 2 domains of “4 domains” are not in “2 domains, with weights”.',
      },
      {
        factor: 'specificity',
        text: 'official.example lists the same domains without weights, which supports “4 domains, with weights” from weights.example rather than contradicting it; the claim takes the more specific list.',
      },
    ]);
  });

  it('one source naming a domain in a sentence and again in a weighted heading gives one weighted list', () => {
    const facts = [
      ...makeDomainList('a', withWeights([20, 24, 36, 20])),
      ...makeDomainList('a', withoutWeights()).map((f) => ({ ...f, start: f.start + 10_000 })),
    ];
    const reversed = facts.map((f) => ({ ...f, start: 20_000 - f.start }));
    for (const list of [facts, reversed]) {
      const claim = claimOf(run([makeSource('a')], list), 'exam-a.domains');
      expect((claim.value as DomainsValue).weightsKnown).toBe(true);
      expect(claim.factIds).toHaveLength(8);
    }
  });

  it('a reviewer choosing the list without weights keeps every list consistent with it as support', () => {
    const { facts, result } = build(weightRules[6]!.lists);
    const [conflict] = result.conflicts;
    const official = facts.find((f) => f.source === 'official')!;
    const review: Review = {
      conflict: conflict!.id,
      decision: 'choose',
      factId: official.id,
      note: 'Weights are not published.',
      by: 'maintainer',
      at: '2026-11-22',
      factsDigest: conflict!.factsDigest,
    };
    const claim = claimOf(run(build(weightRules[6]!.lists).sources, facts, [review]), 'exam-a.domains');
    expect(claim.status).toBe('reviewed');
    expect((claim.value as DomainsValue).weightsKnown).toBe(false);
    expect(claim.dissentingFactIds).toEqual([]);
  });
});

/** One list a source gives, with the id the extractor gave it (none: the source's only list, as before list ids). */
interface SourceList {
  source: string;
  list?: string;
  domains: [string, number | null][];
}

const pmleOfficial = withoutWeights([
  'Architect low-code ML solutions',
  'Collaborate within and across teams',
  'Scale prototypes into ML models',
]);
const pmleHeadings = withWeights([30, 30, 40], ['Architecting ML Solutions', 'Data Preparation', 'Modeling']);
const pmleProse = withoutWeights(['architecting low-code AI solutions', 'scaling prototypes', 'monitoring']);

/**
 * Sources giving several lists, one row per rule: how many conflicts and sides there are, and which list the
 * claim takes (by source and list).
 */
const multiListRules: {
  rule: string;
  lists: SourceList[];
  conflicts: number;
  sides: number;
  takes: string;
  dissent: string[];
}[] = [
  {
    rule: 'two lists of one source with other names are two sides of the one list conflict, next to the official list',
    lists: [
      { source: 'official', domains: pmleOfficial },
      { source: 'article', list: 'h1', domains: pmleHeadings },
      { source: 'article', list: 'p0', domains: pmleProse },
    ],
    conflicts: 1,
    sides: 3,
    takes: 'official',
    dissent: ['article/h1', 'article/p0'],
  },
  {
    rule: 'weighted headings and a prose list of the same names from one source agree',
    lists: [
      { source: 'article', list: 'h1', domains: withWeights([20, 24, 36, 20]) },
      { source: 'article', list: 'p0', domains: withoutWeights() },
    ],
    conflicts: 0,
    sides: 0,
    takes: 'article/h1',
    dissent: [],
  },
  {
    rule: 'a table and headings with the same weights, and a prose list of the names, from one source agree',
    lists: [
      { source: 'article', list: 't3', domains: withWeights([20, 24, 36, 20]) },
      { source: 'article', list: 'h1', domains: withWeights([20, 24, 36, 20]).reverse() },
      { source: 'article', list: 'p0', domains: withoutWeights() },
      { source: 'other', list: 'l0', domains: withoutWeights() },
    ],
    conflicts: 0,
    sides: 0,
    takes: 'article/t3',
    dissent: [],
  },
  {
    rule: 'a source alone disagreeing with itself is a conflict; the list with weights is suggested (specificity)',
    lists: [
      { source: 'article', list: 'h1', domains: pmleHeadings },
      { source: 'article', list: 'p0', domains: pmleProse },
    ],
    conflicts: 1,
    sides: 2,
    takes: 'article/h1',
    dissent: ['article/p0'],
  },
  {
    rule: 'the same names with other weights in two lists of one source conflict; nothing separates them',
    lists: [
      { source: 'article', list: 'h1', domains: withWeights([20, 24, 36, 20]) },
      { source: 'article', list: 't0', domains: withWeights([25, 25, 25, 25]) },
    ],
    conflicts: 1,
    sides: 2,
    takes: 'article/h1',
    dissent: ['article/t0'],
  },
  {
    rule: 'near miss: without list ids, a source is read as one list (older datasets), so its lists merge',
    lists: [
      { source: 'article', domains: pmleHeadings },
      { source: 'article', domains: pmleProse.map(([n, w]) => [`${n}.`, w]) },
    ],
    conflicts: 0,
    sides: 0,
    takes: 'article',
    dissent: [],
  },
  {
    rule: 'near miss: facts with and without a list id from one source are two lists',
    lists: [
      { source: 'article', domains: pmleHeadings },
      { source: 'article', list: 'p0', domains: pmleProse },
    ],
    conflicts: 1,
    sides: 2,
    takes: 'article',
    dissent: ['article/p0'],
  },
];

describe('several domain lists from one source', () => {
  const build = (lists: SourceList[]) => {
    const ids = [...new Set(lists.map((l) => l.source))];
    const sources = ids.map((id) =>
      id === 'official' ? makeSource(id, 'official') : makeSource(id, 'secondary', '2025-12-27'),
    );
    const facts = lists.flatMap((l, i) =>
      makeDomainList(l.source, l.domains, 'exam-a', l.list).map((f) => ({ ...f, start: f.start + i * 10_000 })),
    );
    return { sources, facts };
  };
  const listOf = (fact: Fact) =>
    fact.attribute === 'domain' && fact.value.list ? `${fact.source}/${fact.value.list}` : fact.source;
  const listsOf = (ids: readonly string[], facts: readonly Fact[]) =>
    [...new Set(ids.map((id) => listOf(facts.find((f) => f.id === id)!)))].sort();

  it.each(multiListRules)('$rule', ({ lists, conflicts, sides, takes, dissent }) => {
    const { sources, facts } = build(lists);
    const result = run(sources, facts);
    const claim = claimOf(result, 'exam-a.domains');
    expect(result.conflicts).toHaveLength(conflicts);
    expect(result.conflicts[0]?.sides ?? []).toHaveLength(sides);
    if (conflicts > 0) {
      expect(result.conflicts[0]!.factIds.sort()).toEqual(facts.map((f) => f.id).sort());
      expect(listsOf(result.conflicts[0]!.sides![0]!.factIds, facts)).toContain(takes);
    }
    expect(claim.status === 'agreed').toBe(conflicts === 0);
    expect(listsOf(claim.dissentingFactIds, facts)).toEqual(dissent);
    // Without list ids a source's facts are one list: the claim then holds all of them.
    const taken = lists.filter((l) => (l.list ? `${l.source}/${l.list}` : l.source) === takes);
    expect((claim.value as DomainsValue).domains.map((d) => d.name)).toEqual(
      taken.flatMap((l) => l.domains.map(([name]) => name)),
    );
  });

  it('the PMLE case: the official list wins without weights, and both article lists dissent on their own side', () => {
    const { sources, facts } = build(multiListRules[0]!.lists);
    const result = run(sources, facts);
    const [conflict] = result.conflicts;
    expect(conflict!.sides!.map((side) => listsOf(side.factIds, facts))).toEqual([
      ['official'],
      ['article/h1'],
      ['article/p0'],
    ]);
    expect(claimOf(result, 'exam-a.domains').value).toEqual({
      domains: pmleOfficial.map(([name]) => ({ name, weightPercent: null })),
      weightsKnown: false,
    });
  });

  it('a conflict id does not depend on how the facts are grouped into lists, only on the quotes', () => {
    const { sources, facts } = build(multiListRules[0]!.lists);
    const untagged = facts.map((f) =>
      f.attribute === 'domain' ? ({ ...f, value: { ...f.value, list: undefined } } as Fact) : f,
    );
    const [tagged] = run(sources, facts).conflicts;
    const [legacy] = run(sources, untagged).conflicts;
    expect(tagged!.id).toBe(legacy!.id);
    expect(tagged!.sides).toHaveLength(3);
    expect(legacy!.sides).toHaveLength(2);
  });

  it('a source backing its weighted list with its own prose list: the factors speak for the weighted list', () => {
    const { sources, facts } = build([
      { source: 'article', list: 'h1', domains: withWeights([20, 24, 36, 20]) },
      { source: 'article', list: 'p0', domains: withoutWeights() },
      { source: 'older', list: 'p0', domains: withoutWeights(['data engineering', 'modeling', 'operations']) },
    ]);
    const older = sources.map((s) => (s.id === 'older' ? { ...s, published: '2025-07-02' } : s));
    const result = run(older, facts);
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]!.sides).toHaveLength(2);
    expect(claimOf(result, 'exam-a.domains').rationale.map((r) => r.text)).toEqual([
      'Both “4 domains, with weights” and “3 domains, no weights” come from third-party articles, so authority does not settle it.',
      'Each is backed by 1 independent source, so agreement does not settle it.',
      '“4 domains, with weights” is backed by a source last updated 2025-12-27, newer than a source last updated 2025-07-02 saying “3 domains, no weights”.',
      'Where “4 domains, with weights” and “3 domains, no weights” differ: 1 domain of “4 domains, with weights” is not in “3 domains, no weights”.',
      'article.example also lists the same domains without weights, which supports its “4 domains, with weights” rather than contradicting it; the claim takes the more specific list.',
    ]);
  });

  it('the rationale says the source states more than one list', () => {
    const { sources, facts } = build(multiListRules[0]!.lists);
    const rationale = claimOf(run(sources, facts), 'exam-a.domains').rationale;
    expect(rationale.find((r) => r.text.includes('disagree with each other'))?.text).toBe(
      'article.example gives 2 lists that disagree with each other; each is weighed as a statement of its own.',
    );
  });
});

describe('conflict ids', () => {
  const sources = [makeSource('a'), makeSource('b')];
  const facts = [
    makeFact('duration', { minutes: 170 }, { source: 'a' }),
    makeFact('duration', { minutes: 180 }, { source: 'b' }),
  ];

  it('are readable and derived from content', () => {
    const [conflict] = run(sources, facts).conflicts;
    expect(conflict!.id).toMatch(/^exam-a\.duration\.[0-9a-f]{12}$/);
  });

  it('do not change when facts move in their file (re-parse), nor when their ids change', () => {
    const moved = facts.map((f) => ({ ...f, id: `${f.id}-x`, start: f.start + 40, end: f.end + 40, line: 9 }));
    expect(run(sources, moved).conflicts[0]!.id).toBe(run(sources, facts).conflicts[0]!.id);
    expect(run(sources, moved).conflicts[0]!.factsDigest).toBe(run(sources, facts).conflicts[0]!.factsDigest);
  });

  it('change when a quote in the set changes', () => {
    const edited = [facts[0]!, { ...facts[1]!, quote: 'Three hours.' }];
    expect(run(sources, edited).conflicts[0]!.id).not.toBe(run(sources, facts).conflicts[0]!.id);
  });
});
