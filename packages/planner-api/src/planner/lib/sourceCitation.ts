/**
 * A fact's quote with the source it comes from, as every answer cites it: `{source, title, url, published,
 * modified?, quote}`. `modified` only when the source gives a date other than its publication. The API's views
 * add the fact id, line and authority.
 */
import type { Fact, Source } from '@certplan/core';
import type { Citation } from '../schema.ts';

export function sourceCitation(source: Source | undefined, fact: Pick<Fact, 'source' | 'quote'>): Citation {
  return {
    source: fact.source,
    title: source?.title ?? null,
    url: source?.url ?? null,
    published: source?.published ?? null,
    ...(source?.modified && source.modified !== source.published ? { modified: source.modified } : {}),
    quote: fact.quote,
  };
}
