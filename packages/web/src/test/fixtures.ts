/**
 * Typed sample answers of planner-api for component tests, and a fake client that serves them. Typed with
 * the API's own response types, so a change of shape on the server breaks these at typecheck.
 */
import { ApiError } from '../api/ApiError.ts';
import type { ApiClient } from '../api/createApiClient.ts';
import type {
  Citation,
  ClaimView,
  CompareClaimView,
  Comparison,
  ConflictView,
  ExamSummary,
  Plan,
  PlanRequest,
  PlanSession,
} from '../api/types.ts';

export const citation = (overrides: Partial<Citation> = {}): Citation => ({
  source: 'src-guide',
  title: 'A study guide',
  url: 'https://example.com/guide',
  published: '2025-05-24',
  quote: 'The exam costs $300.',
  ...overrides,
});

const apiCitation = (overrides: Partial<Citation> = {}) => ({
  factId: 'f1',
  line: 3,
  authority: 'secondary',
  ...citation(overrides),
});

export const claim = <A extends ClaimView['attribute']>(
  attribute: A,
  value: Extract<ClaimView, { attribute: A }>['value'],
  overrides: Partial<ClaimView> = {},
): ClaimView =>
  ({
    id: `claim-${attribute}-${JSON.stringify(value).length}`,
    exam: 'aws-mla-c01',
    attribute,
    key: null,
    value,
    status: 'agreed',
    rationale: [{ factor: 'authority', text: 'The official page says so.' }],
    conflictId: null,
    citations: [apiCitation()],
    dissent: [],
    history: [],
    ...overrides,
    // The API reports totals beside the bounded lists; a fixture's lists are complete.
    citationCount: overrides?.citationCount ?? overrides?.citations?.length ?? 1,
    dissentCount: overrides?.dissentCount ?? overrides?.dissent?.length ?? 0,
    historyCount: overrides?.historyCount ?? overrides?.history?.length ?? 0,
  }) as ClaimView;

export const mla: ExamSummary = {
  id: 'aws-mla-c01',
  name: 'AWS Certified Machine Learning Engineer – Associate',
  vendor: 'AWS',
  code: 'MLA-C01',
  retired: null,
  facts: {
    fee: [claim('fee', { amount: 150, currency: 'USD' })],
    duration: [claim('duration', { minutes: 130 })],
    questions: [claim('questions', { min: 65, max: 65 })],
    experience: [claim('experience', { minYears: 1, maxYears: null, kind: 'platform' })],
    validity: [claim('validity', { months: 36 })],
    weights: [
      claim('domains', {
        domains: [
          { name: 'Data Preparation', weightPercent: 28 },
          { name: 'Model Development', weightPercent: 26 },
        ],
        weightsKnown: true,
      }),
    ],
    notPublished: [],
  },
};

export const mls: ExamSummary = {
  id: 'aws-mls-c01',
  name: 'AWS Certified Machine Learning – Specialty',
  vendor: 'AWS',
  code: 'MLS-C01',
  retired: {
    date: '2026-03-31',
    successor: { id: 'aws-mla-c01', name: mla.name },
    citations: [
      citation({ source: 'retirement', title: 'MLS-C01 retirement notice', quote: 'retired on March 31, 2026' }),
    ],
  },
  facts: {
    fee: [claim('fee', { amount: 300, currency: 'USD' })],
    duration: [],
    questions: [],
    experience: [],
    validity: [],
    weights: [],
    notPublished: [],
  },
};

const session = (
  id: string,
  date: string,
  start: string,
  domain: string | null,
  hours: number,
  kind: PlanSession['kind'],
  text: string,
  more: Partial<PlanSession['focus']> = {},
): PlanSession => ({
  id,
  date,
  start,
  status: 'planned',
  domain,
  hours,
  kind,
  focus: { text, objectives: [], topics: [], citationRefs: [], ...more },
});

export const plan = (overrides: Partial<Plan> = {}): Plan => ({
  id: 'a1b2c3d4e5f6a1b2c3d4e5f6',
  query: 'exam=aws-mla-c01&startDate=2026-11-22&examDate=2026-12-13&hoursPerWeek=6',
  exam: 'aws-mla-c01',
  examName: mla.name,
  startDate: '2026-11-22',
  examDate: '2026-12-13',
  examDateSuggested: false,
  hoursPerWeek: 6,
  studyDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  sessionStart: '19:00',
  timeZone: null,
  totalHours: 15,
  hoursSplit: { domains: 10.5, general: 0, mixedReview: 0, practiceExam: 1.5, lightWeek: 3 },
  target: { hours: 100, basis: 'assumption', range: null, citationRefs: [] },
  replan: null,
  weeks: [
    {
      index: 0,
      start: '2026-11-22',
      end: '2026-11-28',
      hours: 6,
      sessions: [
        session(
          'learn.data-preparation.0',
          '2026-11-22',
          '19:00',
          'Data Preparation',
          4,
          'learn',
          'Study Glue and S3',
          {
            topics: ['Glue'],
            citationRefs: [0],
          },
        ),
        session(
          'learn.model-development.0',
          '2026-11-23',
          '19:00',
          'Model Development',
          2,
          'learn',
          'SageMaker training',
        ),
      ],
    },
    {
      index: 1,
      start: '2026-11-29',
      end: '2026-12-05',
      hours: 6,
      sessions: [
        session('learn.model-development.4', '2026-11-29', '19:00', 'Model Development', 3.5, 'learn', 'Tuning'),
        session('review.data-preparation.0', '2026-11-30', '19:00', 'Data Preparation', 1, 'review', 'Review'),
        session('practice.0', '2026-12-01', '19:00', null, 1.5, 'practice', 'A practice exam'),
      ],
    },
    {
      index: 2,
      start: '2026-12-06',
      end: '2026-12-11',
      hours: 3,
      sessions: [session('buffer.0', '2026-12-06', '19:00', null, 3, 'buffer', 'Light review')],
    },
  ],
  domains: [
    {
      name: 'Data Preparation',
      weightPercent: 52,
      weightRange: null,
      hours: 5,
      doneHours: 0,
      proficiency: null,
      citationRefs: [],
    },
    {
      name: 'Model Development',
      weightPercent: 48,
      weightRange: null,
      hours: 5.5,
      doneHours: 0,
      proficiency: null,
      citationRefs: [],
    },
  ],
  warnings: [
    {
      code: 'experience_below_recommended',
      message: 'AWS recommends at least 1 year on the platform; you have 0.',
      citations: [citation({ title: 'Exam guide', quote: 'at least 1 year of experience' })],
    },
  ],
  citations: [citation()],
  assumptions: [],
  ...overrides,
});

export const conflict = (overrides: Partial<ConflictView> = {}): ConflictView =>
  ({
    id: 'conf-fee',
    exam: 'aws-mla-c01',
    attribute: 'fee',
    key: null,
    severity: 'high',
    status: 'open',
    facts: [
      {
        id: 'fact-a',
        value: { amount: 150, currency: 'USD' },
        quote: 'The fee is $150.',
        section: [],
        line: 4,
        source: {
          id: 'official',
          title: 'Official page',
          url: 'https://aws.example/exam',
          published: '2026-01-10',
          authority: 'official',
        },
      },
      {
        id: 'fact-b',
        value: { amount: 300, currency: 'USD' },
        quote: 'It costs $300.',
        section: [],
        line: 9,
        source: {
          id: 'blog',
          title: 'A blog',
          url: 'https://blog.example/post',
          published: '2024-03-02',
          authority: 'secondary',
        },
      },
    ],
    suggestion: {
      value: { amount: 150, currency: 'USD' },
      rationale: [{ factor: 'authority', text: 'The official page wins.' }],
    },
    review: null,
    factsDigest: 'digest',
    factCount: 2,
    sides: [
      { value: { amount: 150, currency: 'USD' }, factIds: ['fact-a'], factCount: 1 },
      { value: { amount: 300, currency: 'USD' }, factIds: ['fact-b'], factCount: 1 },
    ],
    etag: '"etag-1"',
    ...overrides,
  }) as ConflictView;

const fresh = (newest: string) => ({
  newest,
  stale: false,
  cause: 'fresh' as const,
  reason: `newest source ${newest} is within 18 months of 2026-11-22`,
});

export const compareClaim = (
  attribute: CompareClaimView['attribute'],
  text: string,
  overrides: Partial<CompareClaimView> = {},
): CompareClaimView => ({
  id: `claim-${attribute}-${text}`,
  attribute,
  key: null,
  // The compare page shows `text` (core's wording), never the raw value; any typed value would do here.
  value: { code: text },
  text,
  status: 'agreed',
  conflictId: null,
  citations: [apiCitation({ published: '2026-06-01', quote: `The exam: ${text}.` })],
  freshness: fresh('2026-06-01'),
  ...overrides,
});

/** MLA-C01 and MLS-C01 side by side: a contested fee, a stale one, a retirement with its successor. */
export const comparison = (ids: readonly string[] = [mla.id, mls.id]): Comparison => {
  const columns = ids.map((id) => (id === mls.id ? mls : mla));
  const freshness = {
    asOf: '2026-11-22',
    thresholdMonths: 18,
    newest: '2026-06-01',
    stale: false,
    staleClaims: 0,
    claims: 2,
  };
  const feeOf = (id: string) =>
    id === mls.id
      ? compareClaim('fee', 'USD 300', {
          id: 'claim-mls-fee',
          citations: [apiCitation({ published: '2022-03-14', quote: 'MLS-C01 costs USD 300.' })],
          freshness: {
            newest: '2022-03-14',
            stale: true,
            cause: 'threshold',
            reason: 'newest source 2022-03-14 is more than 18 months older than 2026-11-22',
          },
        })
      : compareClaim('fee', 'USD 150', { id: 'claim-mla-fee', status: 'contested', conflictId: 'conf-fee' });
  return {
    asOf: '2026-11-22',
    thresholdMonths: 18,
    exams: columns.map((exam) => ({
      id: exam.id,
      name: exam.name,
      vendor: exam.vendor,
      code: exam.code,
      status: exam.retired ? 'retired' : 'current',
      retired: exam.retired,
      freshness: exam.retired ? { ...freshness, newest: '2022-03-14', stale: true, staleClaims: 1 } : freshness,
    })),
    rows: [
      {
        id: 'status',
        label: 'Status',
        cells: columns.map((exam) => ({
          exam: exam.id,
          claims: exam.retired ? [compareClaim('retirement', `retired on ${exam.retired.date}`)] : [],
        })),
      },
      { id: 'fee', label: 'Exam fee', cells: columns.map((exam) => ({ exam: exam.id, claims: [feeOf(exam.id)] })) },
      {
        id: 'domains',
        label: 'Domains and weights',
        cells: columns.map((exam) => ({
          exam: exam.id,
          claims:
            exam.id === mla.id
              ? [
                  compareClaim('domains', '2 domains: Data Preparation (60%); Modeling (40%)', {
                    value: {
                      domains: [
                        { name: 'Data Preparation', weightPercent: 60 },
                        { name: 'Modeling', weightPercent: 40 },
                        { name: 'Deployment', weightPercent: null, weightRange: [10, 15] },
                        { name: 'Monitoring', weightPercent: null },
                      ],
                      weightsKnown: true,
                    },
                  }),
                ]
              : [],
        })),
      },
    ],
  };
};

export interface FakeCalls {
  createPlan: PlanRequest[];
  reviews: { id: string; body: unknown; auth: { token: string; etag: string } }[];
}

/** A client answering from fixtures; override any method per test. */
export function fakeApi(overrides: Partial<ApiClient> = {}): ApiClient & { calls: FakeCalls } {
  const calls: FakeCalls = { createPlan: [], reviews: [] };
  const client: ApiClient = {
    listExams: async () => [mls, mla],
    getExam: async (id) => {
      if (id !== mla.id) throw new ApiError(404, { error: { code: 'not_found', message: `no exam with id "${id}"` } });
      return { exam: { ...mla, aliases: ['MLA-C01'] }, claims: Object.values(mla.facts).flat(), conflicts: [] };
    },
    createPlan: async (body) => {
      calls.createPlan.push(body);
      return plan({ exam: body.exam, startDate: body.startDate });
    },
    planCalendar: async () => new Blob(['BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'], { type: 'text/calendar' }),
    compareExams: async (ids) => comparison(ids),
    listConflicts: async () => ({ conflicts: [conflict()], staleReviews: [] }),
    getConflict: async (id) => ({ data: conflict({ id }), etag: '"etag-1"' }),
    reviewConflict: async (id, body, auth) => {
      calls.reviews.push({ id, body, auth });
      return { data: { claim: null, conflict: conflict({ id, status: 'reviewed' }) }, etag: '"etag-2"' };
    },
    undoReview: async (id) => ({ data: { claim: null, conflict: conflict({ id }) }, etag: '"etag-3"' }),
    ...overrides,
  };
  return Object.assign(client, { calls });
}
