/**
 * Claim values in words, per attribute (the shapes are core's attribute value schemas). Unknown shapes fall
 * back to compact JSON rather than failing: the API may grow attributes before the web app knows them.
 */

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
      maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

export function formatClaimValue(attribute: string, value: unknown): string {
  if (value === null || value === undefined) return 'unknown';
  if (!isObj(value)) return String(value);
  switch (attribute) {
    case 'fee': {
      const amount = num(value.amount);
      if (amount === null) break;
      const money = formatMoney(amount, typeof value.currency === 'string' ? value.currency : 'USD');
      return `${value.approximate ? 'about ' : ''}${money}${value.plusTax ? ' plus tax' : ''}`;
    }
    case 'duration': {
      const minutes = num(value.minutes);
      if (minutes === null) break;
      return `${minutes} minutes`;
    }
    case 'questions': {
      const min = num(value.min);
      const max = num(value.max);
      if (min === null || max === null) break;
      return min === max ? `${min} questions` : `${min}–${max} questions`;
    }
    case 'experience': {
      const min = num(value.minYears);
      if (min === null) break;
      const max = num(value.maxYears);
      const kind = value.kind === 'ml' ? 'ML' : value.kind === 'platform' ? 'on the platform' : 'in industry';
      const years = max === null ? `${min}+ years` : min === max ? `${min} years` : `${min}–${max} years`;
      return `${years} ${kind}`;
    }
    case 'validity': {
      const months = num(value.months);
      if (months === null) break;
      return months % 12 === 0 ? `${months / 12} years` : `${months} months`;
    }
    case 'retirement':
      if (typeof value.date === 'string') return `retired ${value.date}`;
      break;
    case 'domain': {
      const weight = num(value.weightPercent);
      if (typeof value.name === 'string') return weight === null ? value.name : `${value.name}: ${weight}%`;
      break;
    }
    case 'domains':
    case 'weights': {
      const list = Array.isArray(value.domains) ? value.domains : null;
      // One domain of the list, as a per-domain fact states it.
      if (!list && typeof value.name === 'string') return formatClaimValue('domain', value);
      if (!list) break;
      return list
        .filter(isObj)
        .map((d) => (num(d.weightPercent) === null ? String(d.name) : `${String(d.name)} ${num(d.weightPercent)}%`))
        .join('; ');
    }
    case 'passingScore': {
      const score = num(value.score);
      if (score === null) break;
      const scale = num(value.scale);
      return scale === null ? `${score}` : `${score} of ${scale}`;
    }
    case 'salary': {
      const min = num(value.min);
      const max = num(value.max);
      if (min === null || max === null) break;
      const currency = typeof value.currency === 'string' ? value.currency : 'USD';
      const range =
        min === max ? formatMoney(min, currency) : `${formatMoney(min, currency)}–${formatMoney(max, currency)}`;
      return typeof value.role === 'string' && value.role ? `${range} (${value.role})` : range;
    }
    case 'recertification': {
      const days = num(value.daysBeforeExpiry);
      if (days === null) break;
      return `from ${days} days before expiry`;
    }
    case 'code':
      if (typeof value.code === 'string') return value.code;
      break;
    case 'language':
      if (Array.isArray(value.languages)) return value.languages.join(', ');
      break;
    case 'format':
      if (Array.isArray(value.formats)) return value.formats.join(', ');
      break;
    case 'delivery':
      if (Array.isArray(value.modes)) return value.modes.join(', ');
      break;
    case 'focus':
      if (Array.isArray(value.topics)) return value.topics.join(', ');
      break;
    case 'notPublished':
      // Shown in the place of the figure it stands for (the fee, the length): the words stand alone.
      return 'not published';
    case 'objective':
      // "1.1 Ingest and store data (Data Preparation for ML)": the guide's number, its label, its domain.
      if (typeof value.label === 'string') {
        const ref = typeof value.ref === 'string' ? `${value.ref} ` : '';
        const domain = typeof value.domain === 'string' ? ` (${value.domain})` : '';
        return `${ref}${value.label}${domain}`;
      }
      break;
  }
  return JSON.stringify(value);
}

/** Human names of the attributes a learner sees. */
export const attributeLabels: Record<string, string> = {
  fee: 'Fee',
  duration: 'Length',
  questions: 'Questions',
  experience: 'Recommended experience',
  validity: 'Valid for',
  recertification: 'Recertification',
  domain: 'Domain',
  domains: 'Domains',
  weights: 'Domain weights',
  salary: 'Salary',
  retirement: 'Retirement',
  code: 'Exam code',
  language: 'Languages',
  format: 'Format',
  delivery: 'Delivery',
  passingScore: 'Passing score',
  focus: 'Focus',
  notPublished: 'Not published',
  objective: 'Exam-guide objective',
};

export function attributeLabel(attribute: string): string {
  return attributeLabels[attribute] ?? attribute;
}

const experienceKinds: Record<string, string> = { ml: 'ML', platform: 'on the platform', industry: 'in industry' };

/** A claim's heading: its attribute, and its key in words ("Recommended experience: ML"). */
export function claimTitle(attribute: string, key: string | null): string {
  if (!key) return attributeLabel(attribute);
  // "Fee", "Passing score": the figure a `notPublished` claim stands for (its key is the attribute, lower-cased).
  if (attribute === 'notPublished') {
    const named = Object.keys(attributeLabels).find((name) => name.toLowerCase() === key.toLowerCase());
    return named ? attributeLabel(named) : key;
  }
  return `${attributeLabel(attribute)}: ${attribute === 'experience' ? (experienceKinds[key] ?? key) : key}`;
}
