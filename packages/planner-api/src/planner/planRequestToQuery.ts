/**
 * The one canonical query form of a plan request: how GET /api/plans and the calendar feed spell it. One
 * order, one spelling per value, so equal requests are equal URLs (a CDN or browser cache can serve repeats).
 */
import { WEEKDAYS } from './lib/studyDays.ts';
import type { PlanRequest } from './schema.ts';

/** Field order of the canonical query; `proficiency` and `done` are one parameter per domain. */
const SCALARS = [
  'exam',
  'startDate',
  'examDate',
  'hoursPerWeek',
  'targetHours',
  'experienceYears',
  'studyDays',
  'sessionStart',
  'timeZone',
  'replanFrom',
] as const;

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The request as its canonical query string (no leading '?'): scalars in a fixed order, `studyDays` as a
 * comma list in weekday order, then `proficiency.<domain>` and `done.<domain>` sorted by name.
 * `planRequestFromQuery(new URLSearchParams(q))` gives the request back.
 */
export function planRequestToQuery(request: PlanRequest): string {
  const params = new URLSearchParams();
  for (const key of SCALARS) {
    const value = request[key];
    if (value === undefined) continue;
    if (key === 'studyDays') params.append(key, WEEKDAYS.filter((d) => (value as string[]).includes(d)).join(','));
    else params.append(key, String(value));
  }
  for (const [prefix, record] of [
    ['proficiency', request.proficiency],
    ['done', request.done],
  ] as const) {
    if (!record) continue;
    for (const name of Object.keys(record).sort(compareKeys)) params.append(`${prefix}.${name}`, String(record[name]));
  }
  return params.toString();
}

const NUMBERS = new Set(['hoursPerWeek', 'targetHours', 'experienceYears']);

/**
 * Query parameters back to a request body for PlanRequestSchema to validate. Numbers are converted only
 * when they are plain decimals (so "1e3" or " 8" stay strings and fail validation with the field's name);
 * a parameter given twice, or one the schema does not know, is reported at its name.
 */
export function planRequestFromQuery(params: URLSearchParams): {
  request: Record<string, unknown>;
  issues: { path: string; message: string }[];
} {
  const request: Record<string, unknown> = {};
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  const setOwn = (record: Record<string, unknown>, key: string, value: unknown) =>
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  for (const [key, raw] of params) {
    if (seen.has(key)) {
      issues.push({ path: key, message: 'given more than once' });
      continue;
    }
    seen.add(key);
    const dot = key.indexOf('.');
    const prefix = dot > 0 ? key.slice(0, dot) : null;
    if (prefix === 'proficiency' || prefix === 'done') {
      if (request[prefix] === undefined) request[prefix] = {};
      const record = request[prefix] as Record<string, unknown>;
      setOwn(record, key.slice(dot + 1), toNumber(raw));
    } else if (key === 'studyDays') {
      request.studyDays = raw === '' ? [] : raw.split(',');
    } else if ((SCALARS as readonly string[]).includes(key)) {
      request[key] = NUMBERS.has(key) ? toNumber(raw) : raw;
    } else {
      issues.push({ path: key, message: 'not a plan request field' });
    }
  }
  return { request, issues };
}

function toNumber(raw: string): number | string {
  return /^-?\d{1,6}(?:\.\d{1,6})?$/.test(raw) ? Number(raw) : raw;
}

/** Whether `search` (no '?') is already the canonical spelling of the request it parses to. */
export function isCanonicalPlanQuery(search: string, request: PlanRequest): boolean {
  return search === planRequestToQuery(request);
}
