/**
 * Claim and fact values in words, for warnings a learner reads ("at least 3 years of ML experience").
 */
import type { ClaimAttribute } from '@certplan/core';

type Loose = Record<string, unknown>;

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function describeYears(minYears: number, maxYears: number | null): string {
  if (maxYears !== null && maxYears !== minYears) return `${minYears}–${maxYears} years`;
  if (maxYears === minYears) return `${minYears} year${minYears === 1 ? '' : 's'}`;
  return `at least ${minYears} year${minYears === 1 ? '' : 's'}`;
}

/** Experience kinds as people say them. */
export function experienceKindLabel(kind: unknown): string {
  if (kind === 'ml') return 'machine learning';
  if (kind === 'platform') return 'hands-on platform';
  return typeof kind === 'string' ? kind : 'relevant';
}

export function describeValue(attribute: ClaimAttribute, value: unknown): string {
  const v = (value ?? {}) as Loose;
  switch (attribute) {
    case 'fee': {
      const amount = num(v.amount);
      if (amount !== null) return `${v.approximate ? 'about ' : ''}${String(v.currency ?? '')} ${amount}`.trim();
      break;
    }
    case 'duration':
      if (num(v.minutes) !== null) return `${v.minutes} minutes`;
      break;
    case 'questions': {
      const min = num(v.min);
      const max = num(v.max);
      if (min !== null && max !== null) return min === max ? `${min} questions` : `${min}–${max} questions`;
      break;
    }
    case 'experience': {
      const min = num(v.minYears);
      if (min !== null) return `${describeYears(min, num(v.maxYears))} of ${experienceKindLabel(v.kind)} experience`;
      break;
    }
    case 'validity':
      if (num(v.months) !== null) return `${v.months} months`;
      break;
    case 'retirement':
      if (typeof v.date === 'string') return v.date;
      break;
    case 'domain': {
      const weight = num(v.weightPercent);
      if (typeof v.name === 'string') return weight === null ? v.name : `${v.name} ${weight}%`;
      break;
    }
    case 'domains': {
      if (Array.isArray(v.domains)) {
        return (v.domains as Loose[])
          .map((d) => (num(d.weightPercent) === null ? String(d.name) : `${String(d.name)} ${d.weightPercent}%`))
          .join(', ');
      }
      break;
    }
    case 'focus':
      if (Array.isArray(v.topics)) return (v.topics as unknown[]).map(String).join(', ');
      break;
  }
  return JSON.stringify(value);
}

/** What a learner calls the attribute. */
export const attributeLabel: Partial<Record<ClaimAttribute, string>> = {
  fee: 'the exam fee',
  duration: 'the exam length',
  questions: 'the number of questions',
  experience: 'the recommended experience',
  validity: 'how long the certification is valid',
  recertification: 'the recertification window',
  domain: 'a domain weight',
  domains: 'the exam domains and their weights',
  retirement: 'the retirement date',
  focus: 'what to study',
};
