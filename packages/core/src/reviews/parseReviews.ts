/**
 * content/reviews.yaml: reviewers' decisions on flagged conflicts, one entry per conflict id. Parsing checks
 * everything a hand edit can get wrong and reports it with file, line and column; serialising is
 * deterministic (sorted by conflict id, fixed field order) so every change reads as a small diff.
 */
import { stringify } from 'yaml';
import { z } from 'zod';
import { CertplanError, type CertplanErrorIssue } from '../errors.ts';
import { type ParsedYaml, parseYaml } from '../lib/parseYaml.ts';
import { type Review, ReviewDecisionSchema } from '../schema/dataset.ts';

const reviewFields = ['conflict', 'decision', 'factId', 'value', 'note', 'by', 'at', 'factsDigest'] as const;

const ReviewEntrySchema = z
  .strictObject({
    conflict: z.string().trim().min(1, 'must name the conflict id'),
    decision: ReviewDecisionSchema,
    factId: z.string().trim().min(1).optional(),
    value: z.unknown().optional(),
    note: z.string().trim().min(1, 'must say why (the note is quoted to learners)'),
    by: z.string().trim().min(1, 'must say who decided'),
    at: z
      .string()
      .regex(
        /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/,
        'expected a date (2026-11-22) or a date and time (2026-11-22T08:00:00Z)',
      ),
    factsDigest: z.string().regex(/^[0-9a-f]{16}$/, 'expected the 16 hex digits of the conflict’s factsDigest'),
  })
  .superRefine((review, ctx) => {
    if (review.decision === 'choose' && review.factId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['factId'], message: 'a "choose" decision needs the factId it chooses' });
    }
    if (review.decision !== 'choose' && review.factId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['factId'], message: `only a "choose" decision takes a factId` });
    }
    if (review.decision === 'custom' && review.value === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a "custom" decision needs the value it sets' });
    }
  });

const ReviewsFileSchema = z
  .strictObject({
    reviews: z
      .array(ReviewEntrySchema)
      .nullable()
      .transform((reviews) => reviews ?? []),
  })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.reviews.forEach((review, index) => {
      const first = seen.get(review.conflict);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['reviews', index, 'conflict'],
          message: `conflict ${review.conflict} is already decided by reviews[${first}]; keep one decision per conflict`,
        });
      } else seen.set(review.conflict, index);
    });
  });

/** Parses reviews.yaml. Throws CertplanError('invalid_reviews') saying file:line:column and what is wrong. */
export function parseReviews(text: string, file: string): Review[] {
  const yaml = parseYaml(text);
  const doc = yaml.document;
  if (yaml.errors.length > 0) {
    const issues = yaml.errors.map(({ line, column, message }) => ({
      line,
      column,
      path: '',
      message: `invalid YAML: ${message}`,
    }));
    throw reviewsError(file, issues);
  }
  // An empty file (or one with only comments) has no decisions yet.
  if (doc.contents === null) return [];
  // reportInput: messages say what was found ("got a number"), not only what was expected.
  const parsed = ReviewsFileSchema.safeParse(doc.toJS(), { reportInput: true });
  if (parsed.success) return parsed.data.reviews.map(toReview);
  const issues: LocatedIssue[] = [];
  // Fields missing from one review are one problem ("missing note, by and at"), not one line each.
  const missing = new Map<string, { path: (string | number)[]; fields: string[] }>();
  for (const issue of parsed.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'invalid_type' && issue.input === undefined && path.length > 0) {
      const parent = path.slice(0, -1);
      const key = JSON.stringify(parent);
      const entry = missing.get(key) ?? { path: parent, fields: [] };
      entry.fields.push(String(path[path.length - 1]));
      missing.set(key, entry);
      continue;
    }
    issues.push({ ...locate(yaml, issue, path), message: describeIssue(issue) });
  }
  for (const { path, fields } of missing.values()) {
    const located = locate(yaml, { code: 'custom', path, message: '', input: undefined }, path);
    const names =
      fields.length === 1 ? fields[0] : `${fields.slice(0, -1).join(', ')} and ${fields[fields.length - 1]}`;
    issues.push({
      ...located,
      message: `missing ${names} (a review needs conflict, decision, note, by, at and factsDigest)`,
    });
  }
  // In file order, so the first problem reported is the first one a reader meets.
  throw reviewsError(
    file,
    issues.sort((a, b) => a.line - b.line || a.column - b.column),
  );
}

/** Deterministic YAML: sorted by conflict id, fields always in the same order, long notes kept on one line. */
export function serializeReviews(reviews: readonly Review[]): string {
  const sorted = sortReviews(reviews).map(toReview);
  const header =
    "# Reviewers' decisions on flagged conflicts, keyed by conflict id. Written by the API (PUT\n" +
    '# /api/conflicts/:id/review) or by hand; applied on every rebuild.\n';
  if (sorted.length === 0) return `${header}reviews: []\n`;
  return header + stringify({ reviews: sorted }, { lineWidth: 0 });
}

/** Adds a decision, replacing any earlier one for the same conflict; returns a new array sorted like the file. */
export function upsertReview(reviews: readonly Review[], review: Review): Review[] {
  return sortReviews([...reviews.filter((r) => r.conflict !== review.conflict), review]);
}

/** Removes the decision on a conflict (if any); returns a new sorted array. */
export function removeReview(reviews: readonly Review[], conflictId: string): Review[] {
  return sortReviews(reviews.filter((r) => r.conflict !== conflictId));
}

function sortReviews(reviews: readonly Review[]): Review[] {
  return [...reviews].sort((a, b) =>
    a.conflict < b.conflict ? -1 : a.conflict > b.conflict ? 1 : a.at < b.at ? -1 : a.at > b.at ? 1 : 0,
  );
}

/** Fixed field order, no undefined fields: the same review always serialises the same way. */
function toReview(review: Review): Review {
  const out: Record<string, unknown> = {};
  for (const field of reviewFields) {
    if (review[field] !== undefined) out[field] = review[field];
  }
  return out as Review;
}

interface LocatedIssue {
  line: number;
  column: number;
  path: string;
  message: string;
}

function reviewsError(file: string, issues: LocatedIssue[]): CertplanError {
  const lines = issues.map((i) => `${file}:${i.line}:${i.column}: ${i.path ? `${i.path}: ` : ''}${i.message}`);
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new CertplanError(
    'invalid_reviews',
    `${lines[0]}${more}${lines.length > 1 ? `\n${lines.slice(1).join('\n')}` : ''}`,
    {
      issues: issues.map((i): CertplanErrorIssue => ({ path: i.path, message: `${i.line}:${i.column}: ${i.message}` })),
      details: { file, line: first.line, column: first.column, path: first.path },
    },
  );
}

function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * The position of the node an issue is about. A missing field points at the review that lacks it; an
 * unknown field points at its key.
 */
function locate(yaml: ParsedYaml, issue: z.core.$ZodIssue, path: (string | number)[]): Omit<LocatedIssue, 'message'> {
  const reported = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]!] : path;
  return { ...yaml.pointOfIssue({ ...issue, path }), path: formatPath(reported) };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) {
        return issue.path.length === 0
          ? 'expected a mapping with a `reviews:` list'
          : 'is missing (a review needs conflict, decision, note, by, at and factsDigest)';
      }
      return issue.path.length === 0
        ? `expected a mapping with a \`reviews:\` list, got ${kindOf(issue.input)}`
        : `expected ${article(issue.expected)}, got ${kindOf(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}; a ${issue.path.length === 0 ? 'reviews file has only `reviews`' : `review has ${reviewFields.join(', ')}`}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(issue.input)}`;
    default:
      return issue.message;
  }
}

const article = (expected: string) =>
  expected === 'array' ? 'a list' : expected === 'object' ? 'a mapping' : `a ${expected}`;

function kindOf(input: unknown): string {
  if (input === null) return 'nothing (null)';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  return `${typeof input === 'number' ? 'a number' : typeof input === 'boolean' ? 'a boolean' : typeof input} ${JSON.stringify(input)}`;
}
