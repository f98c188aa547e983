/**
 * Focus topics (services and tools sources name for a domain), per domain of the reconciled list or, without a
 * list, for the exam as a whole: each topic counted once per source so a repeated page does not dominate, the
 * most-named first.
 */
import type { Fact } from '@certplan/core';
import { bestDomainMatch } from './lib/matchDomain.ts';

/** At most this many topics per domain: a session's focus names a handful, not a catalogue. */
const MAX_FOCUS_TOPICS = 8;

type TopicBucket = Map<string, { label: string; sources: Set<string>; first: number }>;

/** Topics, most sources first, and the ids of the focus facts they came from. */
export interface FocusTopics {
  topics: string[];
  factIds: string[];
}

/**
 * The topics of `facts`' focus facts, per domain (`tokens`: each listed domain's name tokens, in list order);
 * `general` holds them when the exam has no domain list (a focus fact matching no listed domain is left out).
 */
export function collectFocusTopics(
  facts: readonly Fact[],
  tokens: readonly ReadonlySet<string>[],
): { byDomain: FocusTopics[]; general: FocusTopics } {
  const topicSources = tokens.map((): TopicBucket => new Map());
  const focusFactIds = tokens.map(() => [] as string[]);
  const generalTopics: TopicBucket = new Map();
  const generalFactIds: string[] = [];
  let seen = 0;
  for (const fact of facts) {
    if (fact.attribute !== 'focus') continue;
    const index = tokens.length > 0 ? bestDomainMatch(fact.value.domain, tokens) : -1;
    if (tokens.length > 0 && index < 0) continue;
    const bucket = index >= 0 ? (topicSources[index] as TopicBucket) : generalTopics;
    (index >= 0 ? (focusFactIds[index] as string[]) : generalFactIds).push(fact.id);
    for (const topic of fact.value.topics) {
      const key = topic.toLowerCase().replace(/\s+/g, ' ').trim();
      let entry = bucket.get(key);
      if (!entry) {
        entry = { label: topic.trim(), sources: new Set(), first: seen++ };
        bucket.set(key, entry);
      }
      entry.sources.add(fact.source);
    }
  }
  return {
    byDomain: topicSources.map((bucket, i) => ({ topics: rankTopics(bucket), factIds: focusFactIds[i] as string[] })),
    general: { topics: rankTopics(generalTopics), factIds: generalFactIds },
  };
}

function rankTopics(bucket: TopicBucket): string[] {
  return [...bucket.values()]
    .sort((a, b) => b.sources.size - a.sources.size || a.first - b.first)
    .slice(0, MAX_FOCUS_TOPICS)
    .map((entry) => entry.label);
}
