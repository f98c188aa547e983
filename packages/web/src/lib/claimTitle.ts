/**
 * A claim's heading in the learner's words ("Fee", "Recommended experience: machine learning"): core's names of
 * attributes and experience kinds, so the web app and the planner's warnings name things alike. Values
 * themselves are core's `formatClaimValue`.
 */
import { type ClaimAttribute, claimAttributeNames, experienceKindNames } from '@certplan/core';

/** The attribute's title ("Fee", "Valid for"); an attribute core does not know is shown as it is. */
export function attributeLabel(attribute: string): string {
  return (claimAttributeNames as Partial<Record<string, { title: string }>>)[attribute]?.title ?? attribute;
}

/** A claim's heading: its attribute, and its key in words ("Recommended experience: machine learning"). */
export function claimTitle(attribute: ClaimAttribute, key: string | null): string {
  if (!key) return attributeLabel(attribute);
  // "Fee", "Passing score": the figure a `notPublished` claim stands for (its key is the attribute's name).
  if (attribute === 'notPublished') {
    const named = Object.keys(claimAttributeNames).find((name) => name.toLowerCase() === key.toLowerCase());
    return named ? attributeLabel(named) : key;
  }
  const kinds: Partial<Record<string, string>> = experienceKindNames;
  return `${attributeLabel(attribute)}: ${attribute === 'experience' ? (kinds[key] ?? key) : key}`;
}
