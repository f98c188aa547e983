/**
 * Issue 11: sources as sites and editors really write them. Each kind (line breaks inside a block, HTML inside
 * Markdown, empty articles, front-matter dialects and mistakes, unrendered shortcodes) with the case from the
 * issue and near misses, written here in our own words, run through the whole extraction pipeline.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusCatalogPath } from '../../test/copyCorpusFixture.ts';
import { ExamMatcher } from './examMatcher.ts';
import { extractSource } from './extractSource.ts';
import { parseCatalogYaml } from './yamlConfig.ts';

// The fixture catalog (test/fixtures/corpus), never the live content/.
const catalogPath = corpusCatalogPath;
const catalog = parseCatalogYaml(readFileSync(catalogPath, 'utf8'), catalogPath);
const deps = { matcher: new ExamMatcher(catalog), exams: catalog.exams };

const extract = (text: string, name = 'input.md') => extractSource(text, name, deps);
const values = (r: ReturnType<typeof extract>, attribute: string) =>
  r.facts.filter((f) => f.attribute === attribute).map((f) => f.value);
const messages = (r: ReturnType<typeof extract>) =>
  r.file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`);
const post = (html: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ title: { rendered: 'AWS MLS-C01 facts' }, content: { rendered: html, ...extra } });

describe('case 1: a line break inside a block is a line boundary', () => {
  it('reads a WordPress <br> paragraph as lines: 65 questions, never "180 minutes Questions"', () => {
    const r = extract(post('<p>AWS MLS-C01 exam fee: USD 300<br>Exam length: 180 minutes<br />Questions: 65</p>'));
    expect(values(r, 'questions')).toEqual([{ min: 65, max: 65 }]);
    expect(r.text).toBe('AWS MLS-C01 exam fee: USD 300\nExam length: 180 minutes\nQuestions: 65');
  });

  it('does the same for a Markdown hard break (two trailing spaces, or a backslash)', () => {
    for (const brk of ['  \n', '\\\n']) {
      const r = extract(`# AWS MLS-C01\n\nSitting time: 180 minutes${brk}Questions: 65\n`);
      expect(values(r, 'questions')).toEqual([{ min: 65, max: 65 }]);
    }
  });

  it('reads a table cell with <br> as one row per line', () => {
    const r = extract('# AWS MLS-C01\n\n| Item | Detail |\n| --- | --- |\n| Format | 180 minutes<br>65 questions |\n');
    expect(values(r, 'questions')).toEqual([{ min: 65, max: 65 }]);
    expect(r.text).toContain('Format | 180 minutes\n | 65 questions');
  });

  it('keeps a soft line break (a plain newline inside a paragraph) as a space', () => {
    const r = extract('# AWS MLS-C01\n\nThe exam has\n65 questions.\n');
    expect(r.text).toBe('AWS MLS-C01\nThe exam has 65 questions.');
  });
});

describe('case 2: raw HTML blocks in Markdown are read as HTML', () => {
  it('reads a pasted <table> and <p> block, citing the Markdown line', () => {
    const md =
      '# AWS MLA-C01 notes\n\nIntro line.\n\n<table>\n<tr><td>Exam fee</td><td>$150</td></tr>\n</table>\n\n<p>The MLA-C01 exam lasts 130 minutes.</p>\n';
    const r = extract(md);
    expect(values(r, 'fee')).toEqual([{ amount: 150, currency: 'USD' }]);
    expect(values(r, 'duration')).toEqual([{ minutes: 130 }]);
    expect(r.facts.find((f) => f.attribute === 'duration')?.line).toBe(9);
  });

  it('applies the same allow-list to it (a script inside is dropped and reported), and ignores comments', () => {
    const r = extract('# MLA-C01\n\n<div><script>alert(1)</script><p>Fee: $150</p></div>\n\n<!-- editor note -->\n');
    expect(r.text).toBe('MLA-C01\nFee: $150');
    expect(messages(r)).toContain('3:6 certplan:unsafe-html dropped <script> element');
  });
});

describe('case 3: an empty article is said to be empty', () => {
  it('reports a password-protected WordPress post', () => {
    const r = extract(post('', { protected: true }), 'locked.json');
    expect(r.text).toBe('');
    expect(messages(r).some((m) => /certplan:empty-article empty article \(a password-protected post/.test(m))).toBe(
      true,
    );
  });

  it('reports Markdown with only front matter, in either dialect', () => {
    for (const text of ['---\ntitle: Just metadata\n---\n', '+++\ntitle = "Just metadata"\n+++\n\n']) {
      const r = extract(text);
      expect(r.metadata.title).toBe('Just metadata');
      expect(messages(r)).toContain(
        '1:1 certplan:empty-article empty article (no text besides front matter and markup); no facts can come from it',
      );
    }
  });
});

describe('case 4: front matter dialects and mistakes', () => {
  it('reads TOML front matter (+++) and keeps it out of the text', () => {
    const r = extract(
      '+++\ntitle = "MLA-C01 in brief"\ndate = 2025-03-01\nlastmod = 2025-06-02T10:00:00Z\nurl = "https://example.com/mla"\n+++\n\nThe MLA-C01 exam lasts 130 minutes.\n',
    );
    expect(r.metadata).toEqual({
      title: 'MLA-C01 in brief',
      published: '2025-03-01',
      modified: '2025-06-02',
      url: 'https://example.com/mla',
    });
    expect(r.text).toBe('The MLA-C01 exam lasts 130 minutes.');
  });

  it('reports invalid values with line and column, like sources.yaml, and drops only those fields', () => {
    const yaml = extract('---\ntitle: Kept\npublished: last tuesday\nauthority: gospel\n---\n\nBody text.\n');
    expect(yaml.metadata).toEqual({ title: 'Kept' });
    expect(messages(yaml).filter((m) => m.includes('front-matter'))).toMatchInlineSnapshot(`
      [
        "3:12 certplan:front-matter invalid YAML front matter: expected a date as YYYY-MM-DD (at published); ignored",
        "4:12 certplan:front-matter invalid YAML front matter: Invalid option: expected one of "official"|"editorial"|"secondary" (at authority); ignored",
      ]
    `);
    const toml = extract('+++\ntitle = "Kept"\ndate = "soon"\nlink = "javascript:alert(1)"\n+++\n\nBody text.\n');
    expect(toml.metadata).toEqual({ title: 'Kept' });
    expect(messages(toml).filter((m) => m.includes('front-matter'))).toEqual([
      '4:8 certplan:front-matter invalid TOML front matter: expected an http:// or https:// URL (at link); ignored',
      '3:8 certplan:front-matter invalid TOML front matter: expected a date as YYYY-MM-DD (at date); ignored',
    ]);
  });

  it('reports an unclosed block and a TOML syntax error at their place', () => {
    expect(messages(extract('---\ntitle: Never closed\n\n# MLA-C01\n'))).toContain(
      '1:1 certplan:front-matter front matter opened with --- on line 1 is never closed (no --- line after it); no metadata read',
    );
    const broken = messages(extract('+++\ntitle = "a\n+++\n\nBody.\n'));
    expect(broken.some((m) => /^2:\d+ certplan:front-matter invalid TOML front matter: /.test(m))).toBe(true);
  });
});

describe('case 5: unrendered shortcodes are stripped, their text kept, and reported', () => {
  it('reads a domain list whose items are wrapped in shortcodes', () => {
    const md =
      '# AWS MLS-C01 exam domains\n\n- [su_highlight]Data Engineering (20%)[/su_highlight]\n- [su_highlight]Exploratory Data Analysis (24%)[/su_highlight]\n- [su_highlight]Modeling (36%)[/su_highlight]\n- [su_highlight]Machine Learning Implementation and Operations (20%)[/su_highlight]\n';
    const r = extract(md);
    expect(r.text).not.toContain('[');
    expect(values(r, 'domain').map((v) => (v as { name: string }).name)).toEqual([
      'Data Engineering',
      'Exploratory Data Analysis',
      'Modeling',
      'Machine Learning Implementation and Operations',
    ]);
    expect(messages(r)).toContain(
      '3:3 certplan:shortcode removed unrendered shortcode markup ([su_highlight]), keeping the text inside it',
    );
  });

  it('strips a [caption …] around an image in a post, and leaves bracketed words that are not shortcodes', () => {
    const r = extract(
      post(
        '<p>[caption id="attachment_9" align="aligncenter" width="640"]<img src="https://example.com/a.png"> The MLS-C01 exam fee is $300[/caption]</p><p>The guide [sic] and note [1] stay.</p>',
      ),
    );
    expect(r.text).toBe('The MLS-C01 exam fee is $300\nThe guide [sic] and note [1] stay.');
    expect(values(r, 'fee')).toEqual([{ amount: 300, currency: 'USD' }]);
  });
});
