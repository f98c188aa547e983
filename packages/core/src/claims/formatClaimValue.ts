/**
 * Claim values and attributes in words: the one formatter every package uses (rationales and conflicts in
 * core, the conflicts CLI, the planner's warnings, the calendar, the web app), so a value reads the same
 * wherever it is shown. Values are typed per attribute by the dataset schema: nothing here re-checks a shape.
 */
import type { Attribute, ClaimAttribute, ClaimValue } from '../schema/dataset.ts';

/** Whole numbers as they are, others to at most four decimals ("0.5", "2.3333"). */
export const formatNumber = (n: number): string => (Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4))));
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
/** "May 2026" from "2026-05" or "2026-05-04"; the text itself when it does not start with a year and month. */
export function formatMonthYear(iso: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${MONTH_NAMES[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}
const years = (n: number): string => `${formatNumber(n)} year${n === 1 ? '' : 's'}`;

/** A value of `attribute` in words: "about USD 300 plus tax", "at least 2 years", "130 minutes". */
export function formatClaimValue<A extends ClaimAttribute>(attribute: A, value: ClaimValue<A>): string;
export function formatClaimValue(attribute: ClaimAttribute, value: ClaimValue): string;
export function formatClaimValue(attribute: ClaimAttribute, value: ClaimValue): string {
  const as = <K extends ClaimAttribute>(_: K) => value as ClaimValue<K>;
  switch (attribute) {
    case 'fee': {
      const v = as('fee');
      const amount = `${v.currency.toUpperCase()} ${formatNumber(v.amount)}`;
      return `${v.approximate ? 'about ' : ''}${amount}${v.plusTax ? ' plus tax' : ''}`;
    }
    case 'duration':
      return `${formatNumber(as('duration').minutes)} minutes`;
    case 'questions': {
      const v = as('questions');
      return v.min === v.max ? `${v.min} questions` : `${v.min}–${v.max} questions`;
    }
    case 'experience': {
      const v = as('experience');
      if (v.maxYears === null) return `at least ${years(v.minYears)}`;
      return v.maxYears === v.minYears ? years(v.minYears) : `${formatNumber(v.minYears)}–${years(v.maxYears)}`;
    }
    case 'validity': {
      const v = as('validity');
      return v.months % 12 === 0 ? years(v.months / 12) : `${v.months} months`;
    }
    case 'recertification':
      return `from ${as('recertification').daysBeforeExpiry} days before expiry`;
    case 'salary': {
      const v = as('salary');
      const currency = v.currency.toUpperCase();
      const range =
        v.min === v.max
          ? `${currency} ${formatNumber(v.min)}`
          : `${currency} ${formatNumber(v.min)}–${formatNumber(v.max)}`;
      return `${v.openEnded ? `${range} or more` : range} a year`;
    }
    case 'retirement':
      return `retired on ${as('retirement').date}`;
    case 'release': {
      const date = as('release').date;
      return date.length > 7 ? `released on ${date}` : `released in ${formatMonthYear(date)}`;
    }
    case 'testVendor':
      return as('testVendor').vendors.join(' or ');
    case 'code':
      return as('code').code.trim().toUpperCase();
    case 'language':
      return as('language').languages.join(', ');
    case 'format':
      return as('format').formats.join(', ');
    case 'delivery':
      return as('delivery').modes.join(' or ');
    case 'passingScore': {
      const v = as('passingScore');
      const score = v.scale === null ? formatNumber(v.score) : `${formatNumber(v.score)} of ${formatNumber(v.scale)}`;
      return v.approximate ? `about ${score}` : score;
    }
    case 'focus':
      return as('focus').topics.join(', ');
    case 'studyHours': {
      const v = as('studyHours');
      return v.min === v.max ? `${formatNumber(v.min)} hours` : `${formatNumber(v.min)}–${formatNumber(v.max)} hours`;
    }
    case 'notPublished':
      // Shown where the figure would be (the fee row, the exam's length), so the words stand alone.
      return 'not published';
    case 'objective': {
      const v = as('objective');
      return v.ref === null ? v.label : `${v.ref} ${v.label}`;
    }
    case 'domain': {
      const v = as('domain');
      if (v.weightPercent !== null) return `${v.name} (${formatNumber(v.weightPercent)}%)`;
      return v.weightRange
        ? `${v.name} (${formatNumber(v.weightRange[0])}–${formatNumber(v.weightRange[1])}%)`
        : v.name;
    }
    case 'domains': {
      const v = as('domains');
      const labels = v.domains.map((d) =>
        d.weightPercent !== null
          ? `${d.name} (${d.weightPercent}%)`
          : d.weightRange
            ? `${d.name} (${formatNumber(d.weightRange[0])}–${formatNumber(d.weightRange[1])}%)`
            : d.name,
      );
      return `${countDomains(v.domains.length)}: ${labels.join('; ')}`;
    }
  }
}

/** "1 domain", "6 domains". */
export function countDomains(n: number): string {
  return `${n} domain${n === 1 ? '' : 's'}`;
}

/** How an attribute is named: `title` heads a value ("Fee"), `phrase` sits in a sentence ("the exam fee"). */
export const claimAttributeNames: Readonly<Record<ClaimAttribute, { title: string; phrase: string }>> = {
  fee: { title: 'Fee', phrase: 'the exam fee' },
  duration: { title: 'Length', phrase: 'the exam length' },
  questions: { title: 'Questions', phrase: 'the number of questions' },
  experience: { title: 'Recommended experience', phrase: 'the recommended experience' },
  validity: { title: 'Valid for', phrase: 'how long the certification is valid' },
  recertification: { title: 'Recertification', phrase: 'the recertification window' },
  domain: { title: 'Domain', phrase: 'a domain weight' },
  domains: { title: 'Domains', phrase: 'the exam domains and their weights' },
  salary: { title: 'Salary', phrase: 'the salary' },
  retirement: { title: 'Retirement', phrase: 'the retirement date' },
  release: { title: 'Released', phrase: 'the release date' },
  code: { title: 'Exam code', phrase: 'the exam code' },
  language: { title: 'Languages', phrase: 'the exam languages' },
  format: { title: 'Format', phrase: 'the question format' },
  delivery: { title: 'Delivery', phrase: 'how the exam is delivered' },
  testVendor: { title: 'Test vendor', phrase: 'the test vendor' },
  passingScore: { title: 'Passing score', phrase: 'the passing score' },
  focus: { title: 'Focus', phrase: 'what to study' },
  objective: { title: 'Objective', phrase: 'an exam-guide objective' },
  studyHours: { title: 'Study time', phrase: 'the recommended study time' },
  notPublished: { title: 'Not published', phrase: 'a figure the vendor does not publish' },
} satisfies Record<Attribute | 'domains', unknown>;

/** Experience kinds as people say them ("machine learning experience"). */
export const experienceKindNames: Readonly<Record<ClaimValue<'experience'>['kind'], string>> = {
  industry: 'industry',
  ml: 'machine learning',
  platform: 'hands-on platform',
};

/**
 * A recommended experience with its kind, for a learner who sees it apart from its claim's key: "at least
 * 2 years of machine learning experience". `formatClaimValue` leaves the kind out because a claim's key (and the
 * rationales beside it) already says it.
 */
export function formatExperience(value: ClaimValue<'experience'>): string {
  return `${formatClaimValue('experience', value)} of ${experienceKindNames[value.kind]} experience`;
}
