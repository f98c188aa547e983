/**
 * Builders for tests: sources and facts with only the fields a test cares about spelled out. Not exported
 * from the package entry.
 */
import type { Attribute, AttributeValue, Authority, Exam, Fact, GuideVersion, Source } from '../schema/dataset.ts';
import { stableHash } from './stableHash.ts';

/** The test exam `exam-a` ("Exam A"), with the guide versions a test gives it (oldest first), if any. */
export function makeExam(guides?: GuideVersion[]): Exam {
  return { id: 'exam-a', name: 'Exam A', vendor: 'Vendor', code: null, aliases: [], ...(guides ? { guides } : {}) };
}

export function makeSource(
  id: string,
  authority: Authority = 'secondary',
  date: string | null = null,
  extra: Partial<Source> = {},
): Source {
  return {
    id,
    file: `${id}.txt`,
    format: 'text',
    url: `https://${id}.example/`,
    title: null,
    published: date,
    modified: null,
    authority,
    text: '',
    ...extra,
  };
}

export interface FactOptions {
  exam?: string;
  source?: string;
  quote?: string;
  id?: string;
}

export function makeFact<A extends Attribute>(attribute: A, value: AttributeValue<A>, options: FactOptions = {}): Fact {
  const source = options.source ?? 's1';
  const quote = options.quote ?? `${attribute} ${JSON.stringify(value)} (${source})`;
  return {
    id: options.id ?? `f-${stableHash(`${source}\u0000${attribute}\u0000${quote}`).slice(0, 10)}`,
    exam: options.exam ?? 'exam-a',
    attribute,
    value,
    source,
    quote,
    start: 0,
    end: quote.length,
    section: [],
    line: 1,
  } as Fact;
}

/**
 * The domain facts of one source's list, in order. With `list`, the facts carry that list id (a source may
 * give several lists); without it they are read as the source's only list, as in datasets before list ids.
 */
export function makeDomainList(
  source: string,
  domains: readonly [name: string, weight: number | null][],
  exam = 'exam-a',
  list?: string,
): Fact[] {
  return domains.map(([name, weightPercent], order) => {
    const fact = makeFact(
      'domain',
      { name, weightPercent, order, ...(list === undefined ? {} : { list }) },
      { source, exam, quote: weightPercent === null ? `- ${name}` : `${name} (${weightPercent}%)` },
    );
    return { ...fact, start: order * 100, end: order * 100 + fact.quote.length };
  });
}
