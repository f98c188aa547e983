/**
 * Claim and fact values in words, for warnings a learner reads ("at least 3 years of ML experience"). Values
 * are typed per attribute by core's schema; the words for attributes and experience kinds are core's.
 */
import {
  type ClaimAttribute,
  type ClaimValue,
  claimAttributeNames,
  experienceKindNames,
  formatClaimValue,
} from '@certplan/core';

export function describeYears(minYears: number, maxYears: number | null): string {
  if (maxYears !== null && maxYears !== minYears) return `${minYears}–${maxYears} years`;
  if (maxYears === minYears) return `${minYears} year${minYears === 1 ? '' : 's'}`;
  return `at least ${minYears} year${minYears === 1 ? '' : 's'}`;
}

/** Experience kinds as people say them. */
export function experienceKindLabel(kind: ClaimValue<'experience'>['kind']): string {
  return experienceKindNames[kind];
}

export function describeValue(attribute: ClaimAttribute, value: ClaimValue): string {
  const as = <K extends ClaimAttribute>(_: K) => value as ClaimValue<K>;
  switch (attribute) {
    case 'fee': {
      const v = as('fee');
      return `${v.approximate ? 'about ' : ''}${v.currency} ${v.amount}`;
    }
    case 'experience': {
      const v = as('experience');
      return `${describeYears(v.minYears, v.maxYears)} of ${experienceKindLabel(v.kind)} experience`;
    }
    case 'validity':
      return `${as('validity').months} months`;
    case 'retirement':
      return as('retirement').date;
    case 'domain': {
      const v = as('domain');
      return v.weightPercent === null ? v.name : `${v.name} ${v.weightPercent}%`;
    }
    case 'domains':
      return as('domains')
        .domains.map((d) => (d.weightPercent === null ? d.name : `${d.name} ${d.weightPercent}%`))
        .join(', ');
    default:
      return formatClaimValue(attribute, value);
  }
}

/** What a learner calls the attribute. */
export function attributeLabel(attribute: ClaimAttribute): string {
  return claimAttributeNames[attribute].phrase;
}
