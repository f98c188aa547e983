import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusCatalogPath } from '../../test/copyCorpusFixture.ts';
import { ExamMatcher, type Mention } from './examMatcher.ts';
import { parseCatalogYaml } from './yamlConfig.ts';

const catalogPath = corpusCatalogPath;
const catalog = parseCatalogYaml(readFileSync(catalogPath, 'utf8'), catalogPath);
const exams = catalog.exams;
const matcher = new ExamMatcher(catalog);
const examsIn = (text: string) =>
  matcher
    .find(text)
    .map((m) => (m.kind === 'exam' ? m.exam : m.kind === 'vendor' ? `vendor:${m.vendor}` : `other:${m.text}`));

describe('ExamMatcher', () => {
  it.each([
    ['AWS Certified Machine Learning – Specialty', 'aws-mls-c01'],
    ['AWS Certified Machine Learning - Specialty', 'aws-mls-c01'],
    ['AWS Certified ML Specialty', 'aws-mls-c01'],
    ['Machine Learning Specialty', 'aws-mls-c01'],
    ['MLS-C01', 'aws-mls-c01'],
    ['MLS C01', 'aws-mls-c01'],
    ['the AWS MLS', 'aws-mls-c01'],
    ['Google Cloud Professional Machine Learning Engineer', 'gcp-pmle'],
    ['Google Professional ML Engineer', 'gcp-pmle'],
    ['GCP Professional Machine Learning Engineer', 'gcp-pmle'],
    ['Google Cloud Certified Professional ML Engineer', 'gcp-pmle'],
    ['PMLE', 'gcp-pmle'],
    ['Google’s Professional Machine Learning Engineer', 'gcp-pmle'],
    ['AWS Certified Machine Learning Engineer – Associate', 'aws-mla-c01'],
    ['AWS ML Engineer Associate', 'aws-mla-c01'],
    ['MLA-C01', 'aws-mla-c01'],
  ])('recognises %s', (text, exam) => {
    expect(examsIn(text)).toEqual([exam]);
  });

  it('does not take a job title for an exam', () => {
    expect(examsIn('Machine Learning Engineers earn well')).toEqual([]);
  });

  it('finds vendors and exams outside the catalog', () => {
    expect(examsIn('AWS recommends it, unlike the Azure AI-102 or the Professional Cloud Architect exam')).toEqual([
      'vendor:aws',
      'other:Azure',
      'other:AI-102',
      'other:Professional Cloud Architect',
    ]);
    // A vendor's own tokens inside a code-shaped span are that code's.
    expect(examsIn('AWS-100 is not ours, nor GCP-200')).toEqual(['other:AWS-100', 'other:GCP-200']);
    expect(examsIn('the AWS Certified Solutions Architect – Associate')).toEqual([
      'other:AWS Certified Solutions Architect – Associate',
    ]);
  });

  // The matcher indexes names by first token; the oracle is the plain scan it replaced: at each token, try every
  // length from the longest name down, else a vendor name, else move on. Same variants table, same answers.
  it('finds what a plain longest-first scan finds, on text made of names, aliases, codes and filler', () => {
    const internals = matcher as unknown as {
      variants: Map<string, { exam: string; viaCode: boolean; other?: string } | null>;
      vendorKeys: Array<{ tokens: string[]; vendor: string }>;
    };
    const maxLength = Math.max(...[...internals.variants.keys()].map((k) => k.split(' ').length));
    const oracleExamSpans = (text: string) => {
      // Tokens as the matcher sees them, recovered from the public API on one token at a time is not possible,
      // so the oracle tokenises the same way: alphanumeric runs, lowercased, "certified"/"the" dropped,
      // "machine learning" → "ml", a possessive "s" dropped.
      const raw = [...text.matchAll(/[A-Za-z0-9]+/g)].map((m) => ({
        norm: m[0].toLowerCase(),
        start: m.index,
        end: m.index + m[0].length,
      }));
      const tokens: typeof raw = [];
      for (let i = 0; i < raw.length; i++) {
        const t = raw[i] as (typeof raw)[number];
        if (t.norm === 's' && tokens.length > 0 && /['’]$/.test(text.slice(t.start - 1, t.start))) continue;
        if (t.norm === 'certified' || t.norm === 'the') continue;
        if (t.norm === 'machine' && raw[i + 1]?.norm === 'learning') {
          tokens.push({ norm: 'ml', start: t.start, end: (raw[i + 1] as (typeof raw)[number]).end });
          i++;
          continue;
        }
        tokens.push(t);
      }
      const out: string[] = [];
      let i = 0;
      scan: while (i < tokens.length) {
        for (let len = Math.min(maxLength, tokens.length - i); len >= 1; len--) {
          const slice = tokens.slice(i, i + len);
          const hit = internals.variants.get(slice.map((t) => t.norm).join(' '));
          if (hit) {
            // Other exams' names are 'other' mentions, which the comparison leaves out.
            if (!hit.other) out.push(`${hit.exam}@${slice[0]?.start}-${slice[len - 1]?.end}`);
            i += len;
            continue scan;
          }
        }
        const vendor = internals.vendorKeys.find((v) => v.tokens.every((t, k) => tokens[i + k]?.norm === t));
        if (vendor) {
          out.push(`vendor:${vendor.vendor}@${tokens[i]?.start}-${tokens[i + vendor.tokens.length - 1]?.end}`);
          i += vendor.tokens.length;
          continue;
        }
        i++;
      }
      return out;
    };
    const spans = (mentions: Mention[]) =>
      mentions
        .filter((m) => m.kind !== 'other')
        .map((m) => `${m.kind === 'exam' ? m.exam : `vendor:${m.vendor}`}@${m.start}-${m.end}`);
    const pieces = [
      // Names as written and pluralised ("PMLEs"): the plural is a variant too.
      ...exams.flatMap((e) => [e.name, ...e.aliases, ...(e.code ? [e.code] : [])]).flatMap((n) => [n, `${n}s`]),
      'AWS',
      'Google',
      'Google Cloud',
      'Amazon Web Services',
      'Machine Learning',
      'Engineer',
      'Engineers',
      'Specialty',
      'Professional',
      'Associate',
      'the',
      'Certified',
      'exam',
      'costs',
      '’s',
      ',',
      '–',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join(' ');
        const found = matcher.find(text);
        // Vendor tokens inside an "other exam" span are dropped by a later step the oracle does not model.
        const others = found.filter((m) => m.kind === 'other');
        const expected = oracleExamSpans(text).filter((s) => {
          if (!s.startsWith('vendor:')) return true;
          const [start, end] = (s.split('@')[1] as string).split('-').map(Number) as [number, number];
          return !others.some((o) => o.start <= start && end <= o.end);
        });
        expect(spans(found)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('ExamMatcher with vendor data from the catalog', () => {
  // A made-up catalog: vendors, their products and exams we do not plan for are data, not code.
  const catalog = {
    exams: [
      {
        id: 'acme-wa',
        name: 'Acme Certified Widget Associate',
        vendor: 'Acme',
        code: 'WA-101',
        aliases: ['Widget Associate'],
      },
    ],
    vendors: [
      { name: 'Acme', aliases: ['Acme Corp'], products: ['WidgetStudio'] },
      { name: 'Globex', aliases: [], products: ['GlobeCloud'] },
    ],
    otherExams: [
      { vendor: 'Acme', name: 'Acme Certified Widget Professional', code: null, aliases: ['Widget Professional'] },
    ],
  };
  const m = new ExamMatcher(catalog);
  const found = (text: string) =>
    m
      .find(text)
      .map((x) => (x.kind === 'exam' ? x.exam : x.kind === 'vendor' ? `vendor:${x.vendor}` : `other:${x.text}`));

  it.each([
    ['Acme Certified Widget Associate', ['acme-wa']],
    ['Acme Corp Widget Associate', ['acme-wa']],
    ['the WA-101 exam', ['acme-wa']],
    ['Acme Corp says so', ['vendor:acme']],
    ['built with WidgetStudio', ['vendor:acme']],
    ['the Widget Professional exam', ['other:Widget Professional']],
    ['Acme Certified Widget Professional', ['other:Acme Certified Widget Professional']],
    // A vendor with no exam in the catalog marks another exam's statement; so does an unknown exam code.
    ['Globex charges more', ['other:Globex']],
    ['on GlobeCloud', ['other:GlobeCloud']],
    ['the ZZ-900 exam', ['other:ZZ-900']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('uses no built-in vendor names: only the catalog’s', () => {
    expect(found('Microsoft and AWS and Google')).toEqual([]);
    // A catalog without vendor data knows a vendor by the name its exams give, and nothing else.
    const bare = new ExamMatcher({ exams: catalog.exams });
    const seen = (text: string) => bare.find(text).map((x) => (x.kind === 'vendor' ? x.vendor : x.kind));
    expect(seen('Acme says so')).toEqual(['acme']);
    expect(seen('Acme Corp, Globex and SageMaker')).toEqual(['acme']);
    // No vendor, product or family the code once knew: "Amazon", "SageMaker", "Microsoft" mean nothing here.
    const aws = new ExamMatcher({
      exams: [{ ...(catalog.exams[0] as (typeof catalog.exams)[number]), vendor: 'AWS' }],
    });
    expect(aws.find('AWS, Amazon, SageMaker, Microsoft, Cloud Practitioner').map((x) => x.kind)).toEqual(['vendor']);
  });

  it('reads a code-shaped name as another exam’s unless a name above covers it', () => {
    expect(found('WA-101 and ZZ-900 and Acme-123')).toEqual(['acme-wa', 'other:ZZ-900', 'vendor:acme']);
  });
});
