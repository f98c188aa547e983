/**
 * Release dates (first general availability, after any beta), in our own words with a made-up catalog: prose in
 * its usual verbs, a month without a day, labelled values in a table, a line, a front-matter field and a
 * component attribute; and the near misses that must not become release facts (a beta opening, a new version or
 * guide going live, a plan, the article's own date, a product, course or practice test released, a retirement,
 * another exam, a bound instead of a date). findDates' month reading is checked here too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acmeCatalog, factsOf, inEachFormat } from '../../test/acmeExamPages.ts';
import { findDates } from '../lib/quantities.ts';

const releases = factsOf(acmeCatalog(), 'release', (value) => value.date);

describe('release', () => {
  it.each<[string, string, string[]]>([
    [
      'released on a day, after its beta',
      '# WA-101\n\nThe WA-101 exam was released on October 6, 2025, after a short beta.\n',
      ['acme-wa 2025-10-06'],
    ],
    [
      'general availability with its abbreviation',
      '# WA-101\n\nWA-101 became generally available (GA) on 2026-02-09.\n',
      ['acme-wa 2026-02-09'],
    ],
    ['a month only', '# WF-100\n\nAcme launched the WF-100 exam in March 2026.\n', ['acme-wf 2026-03']],
    ['an abbreviated month', '# WF-100\n\nThe certification was released in Mar. 2026.\n', ['acme-wf 2026-03']],
    [
      'the date leads the clause',
      '# WA-101\n\nOn February 9, 2026, Acme released the WA-101 exam to everyone.\n',
      ['acme-wa 2026-02-09'],
    ],
    ['"official release" as a noun', '# WA-101\n\nOfficial release: 2026-04-14 (post-beta).\n', ['acme-wa 2026-04-14']],
    [
      'a labelled row',
      '# WA-101 facts\n\n| Field | Value |\n|---|---|\n| Released | April 2026 |\n| Length | 95 minutes |\n',
      ['acme-wa 2026-04'],
    ],
    [
      'a column of release dates under exam rows',
      '# Acme exams\n\n| Exam | Fee | GA date |\n|---|---|---|\n| WF-100 | $80 | 2025-05-12 |\n| WA-101 | $140 | 2026-02-09 |\n',
      ['acme-wf 2025-05-12', 'acme-wa 2026-02-09'],
    ],
    ['a label glued to its value', '# WA-101 notes\n\n- ReleasedOctober 2025\n', ['acme-wa 2025-10']],
    [
      'a front-matter field with a bare date',
      '---\ntitle: "WA-101 notes"\nrelease_date: 2026-04-14\n---\n\n# WA-101\n\nBody text.\n',
      ['acme-wa 2026-04-14'],
    ],
    ['a component attribute', '# WA-101\n\n<ExamCard released="October 2025" fee="$140" />\n', ['acme-wa 2025-10']],
    [
      'the standard exam named after a clause about its beta',
      '# WA-101\n\nThis guide covers the beta (from November 2025), whose length differed from the standard exam released in April 2026.\n',
      ['acme-wa 2026-04'],
    ],
    // Near misses.
    ['near miss: a beta opening', '# WA-101\n\nThe WA-101 beta opened on 2025-11-18.\n', []],
    ['near miss: a beta released', '# WA-101\n\nAcme released the WA-101 beta in November 2025.\n', []],
    ['near miss: launched as a beta', '# WA-101\n\nThe WA-101 exam launched on 2025-11-18 as a beta.\n', []],
    [
      'near miss: a new version goes live',
      '# WA-101\n\nA new version of the WA-101 exam goes live on June 1, 2026.\n',
      [],
    ],
    ['near miss: a guide version published', '# WA-101\n\nExam guide v1.1 was released on 2026-04-30.\n', []],
    ['near miss: GA expected', '# WA-101\n\nGA for WA-101 is expected in June 2026.\n', []],
    ['near miss: GA targeted', '# WA-101\n\nAcme has targeted a WA-101 release in June 2026.\n', []],
    ['near miss: a release that may happen', '# WA-101\n\nThe exam may be released in June 2026.\n', []],
    [
      'near miss: no GA date',
      '# WA-101\n\nAcme has published no GA date for WA-101 yet; registration opened 2026-09-01.\n',
      [],
    ],
    ["near miss: the article's own date", '# WA-101\n\nThis WA-101 guide was published on March 3, 2026.\n', []],
    [
      'near miss: the article updated',
      '# WA-101\n\nWA-101 notes, updated March 2026, released under a free licence.\n',
      [],
    ],
    ['near miss: a product released', '# WA-101\n\nWidgetStudio Canvas was released in December 2023.\n', []],
    [
      'near miss: a named thing released, with the exam in the sentence',
      '# WA-101\n\nGizmo Cloud launched in November 2021, long before the exam covered it.\n',
      [],
    ],
    ['near miss: a course released', '# WA-101\n\nOur WA-101 course was released on May 5, 2026.\n', []],
    ['near miss: a practice test launched', '# WA-101\n\nThe WA-101 practice test launched in May 2026.\n', []],
    ['near miss: a retirement', '# WA-101\n\nThe WA-101 exam retires on March 31, 2027.\n', []],
    [
      'near miss: a release year with a retirement date',
      '# WA-101\n\nReleased in 2019, the exam retires on March 31, 2027.\n',
      [],
    ],
    ['near miss: a bound, not a date', '# WA-101\n\nThe exam has been available since at least May 2021.\n', []],
    [
      'near miss: another exam of the vendor',
      '# Acme exams\n\nThe Acme Certified Widget Professional exam was released in May 2025.\n',
      [],
    ],
    ['near miss: a year alone', '# WA-101\n\nThe WA-101 exam was released in 2024.\n', []],
  ])('%s', (_case, markdown, expected) => {
    expect(releases(markdown)).toEqual(expected);
  });
});

/**
 * The same statements as a Markdown page with front matter, a WordPress post (JSON, HTML body) and plain text:
 * what a page says does not change with how it was saved. Found by trying to break the extractor: each near
 * miss here became a release fact before (a blog, a bootcamp, a webinar or a score report "launched" or
 * "released", a course described by an opening participle, "it" standing for a product).
 */
describe('release, in each source format', () => {
  it.each<[string, string[], string[]]>([
    ['became available', ['The WA-101 exam became available on April 14, 2026.'], ['acme-wa 2026-04-14']],
    ['went GA', ['WA-101 went GA on 14 April 2026 after a short beta.'], ['acme-wa 2026-04-14']],
    [
      'an opening participle about the exam',
      ['Launched in March 2026, the WA-101 exam covers widgets.'],
      ['acme-wa 2026-03'],
    ],
    [
      'an opening participle with the beta before the exam',
      ['Released on April 14, 2026, after its beta, the exam covers widgets.'],
      ['acme-wa 2026-04-14'],
    ],
    [
      '"it" after a sentence about the exam',
      ['The WA-101 exam is new. It was released in April 2026.'],
      ['acme-wa 2026-04'],
    ],
    [
      'a release in brackets after the exam',
      ['The WA-101 exam (released April 14, 2026) covers widgets.'],
      ['acme-wa 2026-04-14'],
    ],
    // Near misses.
    ['near miss: a version released, in brackets', ['WA-101 version 2 (released March 2026) adds a domain.'], []],
    [
      'near miss: a guide named after "release of"',
      ['The March 2026 release of the WA-101 exam guide adds a domain.'],
      [],
    ],
    ['near miss: the latest release', ['The latest WA-101 release, from March 2026, adds a domain.'], []],
    ['near miss: a release date moved', ['Acme moved the WA-101 release date to June 2026.'], []],
    ['near miss: a blog launched', ['We launched this blog in March 2026 to help with the WA-101 exam.'], []],
    ['near miss: a newsletter launched', ['We launched our WA-101 newsletter in March 2026.'], []],
    ['near miss: a bootcamp launched', ['Our team launched a WA-101 bootcamp in May 2026.'], []],
    ['near miss: a launch webinar', ['The WA-101 launch webinar is on May 5, 2026.'], []],
    ['near miss: a press release', ['Acme issued a press release on March 3, 2026 about WA-101.'], []],
    ['near miss: scores released', ['Acme released WA-101 scores on February 2, 2026.'], []],
    ['near miss: results released', ['The results for WA-101 were released on February 2, 2026.'], []],
    [
      'near miss: results released, after a general statement',
      ['Results are released within five business days; the first WA-101 results were released on February 2, 2026.'],
      [],
    ],
    [
      'near miss: an opening participle about a course',
      ['Released in March 2024, this course covers everything on the WA-101 exam.'],
      [],
    ],
    [
      'near miss: an opening participle about a blog',
      ['Launched in March 2026, this blog follows the WA-101 exam.'],
      [],
    ],
    [
      'near miss: "it" after a sentence about a product',
      ['WidgetStudio Canvas is new. It was released in April 2024.'],
      [],
    ],
  ])('%s', (_case, paragraphs, expected) => {
    for (const [raw, name] of inEachFormat(paragraphs)) expect(releases(raw, name), name).toEqual(expected);
  });
});

describe('release in front matter', () => {
  it.each<[string, string, string[]]>([
    ['a timestamp under a release key', 'release_date: 2026-04-14T09:00:00Z', ['acme-wa 2026-04-14']],
    ['near miss: a timestamp under a page key', 'last_updated: 2026-04-14T09:00:00Z', []],
    ['near miss: a launch event', 'launch_event: 2026-05-05', []],
    ['near miss: a blog launch', 'blog_launch_date: 2026-01-01', []],
  ])('%s', (_case, line, expected) => {
    expect(releases(`---\ntitle: "WA-101 notes"\n${line}\n---\n\n# WA-101\n\nBody text.\n`)).toEqual(expected);
  });
});

describe('findDates', () => {
  it('reads a month of a year only when asked, and keeps a day a day', () => {
    const text = 'from March 24th, 2026 to Apr. 2026, then 2026-05 and 2026-06-30; not Smarch 2026 or 2026-13';
    expect(findDates(text).map((d) => d.iso)).toEqual(['2026-03-24', '2026-06-30']);
    expect(findDates(text, { months: true }).map((d) => d.iso)).toEqual([
      '2026-03-24',
      '2026-04',
      '2026-05',
      '2026-06-30',
    ]);
  });

  it('reads the day of a timestamp, and not a day glued to other letters', () => {
    expect(findDates('at 2026-04-14T09:00:00Z and 2026-04-15 12:00, not 2026-04-16Tuesday').map((d) => d.iso)).toEqual([
      '2026-04-14',
      '2026-04-15',
    ]);
  });

  it('with months, finds every day the default finds, unless a month-year it reads overlaps it', () => {
    const piece = fc.constantFrom(
      'March 3, 2026',
      '3 March 2026',
      '2026-03-03',
      'March 2026',
      'Sept. 2025',
      '2025-09',
      'released',
      'on',
      ',',
      '2026',
      'May',
      '31',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join(' ');
        const months = findDates(text, { months: true });
        // "2025-09 March 2026" is a month and a month in this mode, "09 March 2026" a day in the default one.
        const overlapsMonth = (d: { start: number; end: number }) =>
          months.some((m) => m.iso.length === 7 && m.start < d.end && d.start < m.end);
        for (const day of findDates(text))
          expect(
            months.some((m) => m.start === day.start && m.end === day.end && m.iso === day.iso) || overlapsMonth(day),
          ).toBe(true);
      }),
    );
  });
});
