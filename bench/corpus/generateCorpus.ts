/**
 * Synthetic corpora for the ingest benchmarks: N articles built from the real raw corpus by recombining its
 * sections and perturbing exam names and numbers, written in the three source formats certplan reads
 * (WordPress REST JSON with an HTML body, Markdown with YAML front matter, plain text), into a directory laid
 * out like `content/`. Deterministic from a seed: the same (n, seed) always gives the same bytes, so runs on
 * different days measure the same work.
 *
 * CLI: `tsx bench/corpus/generateCorpus.ts --n 400 --seed 1 --out /tmp/corpus-400`
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export type CorpusFormat = 'wordpress' | 'markdown' | 'text';

/** Inline content is kept as minimal HTML (`<b>`, `<em>`, `<a href>`, text with `&amp; &lt; &gt;` only). */
type Block =
  | { type: 'p'; html: string }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'table'; rows: string[][] };
interface Section {
  heading: string | null;
  blocks: Block[];
}
interface Pool {
  /** One entry per real article: its sections in order, so runs of neighbours keep their local context. */
  articles: Section[][];
  /** Every name of every exam (name and aliases), with the exam it belongs to. */
  examNames: Map<string, string[]>;
}

export interface GenerateOptions {
  /** Number of articles. */
  n: number;
  seed: number;
  /** Target directory (created); gets raw/, sources.yaml, exams.yaml, reviews.yaml. */
  out: string;
  /** The real content directory to learn from (default: the repo's content/). */
  content?: string;
}

export interface GeneratedCorpus {
  dir: string;
  files: { file: string; format: CorpusFormat; bytes: number }[];
  bytes: number;
}

const repoContent = fileURLToPath(new URL('../../content/', import.meta.url));

// --- deterministic randomness -------------------------------------------------------------------------------

/** mulberry32: small, fast and good enough to pick sections; seeded per article so one article can be redone. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(rng: () => number, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const articleSeed = (seed: number, index: number, variant: number) =>
  createHash('sha256').update(`${seed}:${index}:${variant}`).digest().readUInt32LE(0);

// --- reading the real corpus into sections ------------------------------------------------------------------

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…' };
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return entities[e.toLowerCase()] ?? m;
  });
}
const encodeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const stripTags = (html: string) => decodeEntities(html.replace(/<[^<>]*>/g, ''));

/** Keeps only the inline markup every renderer understands; text is decoded then re-encoded minimally. */
function cleanInline(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .split(/(<[^<>]*>)/)
    .map((part) => {
      if (!part.startsWith('<')) return encodeText(decodeEntities(part).replace(/\s+/g, ' '));
      const tag = /^<(\/?)([a-z0-9]+)(?![a-z0-9])([^>]*)>$/i.exec(part);
      if (!tag) return '';
      const [, close, name, attrs] = tag;
      const lower = name!.toLowerCase();
      if (lower === 'b' || lower === 'strong') return `<${close}b>`;
      if (lower === 'em' || lower === 'i') return `<${close}em>`;
      if (lower === 'a') {
        if (close) return '</a>';
        const href = /href="([^"]*)"/i.exec(attrs ?? '');
        return href ? `<a href="${href[1]}">` : '<a>';
      }
      return '';
    })
    .join('')
    .trim();
}

function sectionsFromHtml(html: string): Section[] {
  const sections: Section[] = [{ heading: null, blocks: [] }];
  const blockRe = /<(h[1-6]|p|ul|ol|table|blockquote)\b[^>]*>([\s\S]*?)<\/\1>/gi;
  for (const m of html.matchAll(blockRe)) {
    const tag = m[1]!.toLowerCase();
    const inner = m[2]!;
    const text = stripTags(inner).trim();
    if (!text) continue;
    // WordPress themes write headings as <h2> or as a paragraph holding only bold text.
    const boldOnly = tag === 'p' && /^\s*<(b|strong)>[\s\S]*<\/\1>\s*$/i.test(inner) && text.length < 120;
    if (tag.startsWith('h') || boldOnly) {
      sections.push({ heading: text, blocks: [] });
      continue;
    }
    const current = sections[sections.length - 1]!;
    if (tag === 'ul' || tag === 'ol') {
      const items = [...inner.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/gi)].map((li) => cleanInline(li[1]!));
      if (items.length) current.blocks.push({ type: 'list', ordered: tag === 'ol', items });
    } else if (tag === 'table') {
      const rows = [...inner.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].map((tr) =>
        [...tr[1]!.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((td) => cleanInline(td[1]!)),
      );
      if (rows.length) current.blocks.push({ type: 'table', rows });
    } else {
      current.blocks.push({ type: 'p', html: cleanInline(inner) });
    }
  }
  return sections.filter((s) => s.blocks.length > 0);
}

function inlineMarkdownToHtml(md: string): string {
  const html = encodeText(md)
    .replace(/\[([^[\]]*)\]\(([^)\s]*)(?:\s[^)]*)?\)/g, '<a href="$2">$1</a>')
    .replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>')
    .replace(/(^|[^*])\*([^*]+)\*/g, '$1<em>$2</em>');
  return html.trim();
}

function sectionsFromMarkdown(md: string): Section[] {
  const body = md.replace(/^---\n[\s\S]*?\n---\n/, '');
  const sections: Section[] = [{ heading: null, blocks: [] }];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  let table: string[][] | null = null;
  const current = () => sections[sections.length - 1]!;
  const flush = () => {
    if (paragraph.length) current().blocks.push({ type: 'p', html: inlineMarkdownToHtml(paragraph.join(' ')) });
    if (list) current().blocks.push({ type: 'list', ...list });
    if (table) current().blocks.push({ type: 'table', rows: table });
    paragraph = [];
    list = null;
    table = null;
  };
  for (const raw of body.split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim() || /^<!--|^<a id=/.test(line.trim())) {
      flush();
      continue;
    }
    const heading = /^#{1,6}\s+(\S.*)$/.exec(line);
    const item = /^\s*(?:([-*+])|(\d+)\.)\s+(\S.*)$/.exec(line);
    if (heading) {
      flush();
      sections.push({ heading: heading[1]!.trim(), blocks: [] });
    } else if (/^\|/.test(line)) {
      if (paragraph.length || list) flush();
      if (/^\|[\s:|-]+\|$/.test(line)) continue;
      table ??= [];
      table.push(
        line
          .replace(/^\||\|$/g, '')
          .split('|')
          .map((c) => inlineMarkdownToHtml(c.trim())),
      );
    } else if (item) {
      if (paragraph.length || table) flush();
      list ??= { ordered: Boolean(item[2]), items: [] };
      list.items.push(inlineMarkdownToHtml(item[3]!));
    } else {
      if (list || table) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return sections.filter((s) => s.blocks.length > 0);
}

function sectionsFromText(text: string): Section[] {
  const sections: Section[] = [{ heading: null, blocks: [] }];
  let list: string[] | null = null;
  const current = () => sections[sections.length - 1]!;
  const flushList = () => {
    if (list) current().blocks.push({ type: 'list', ordered: false, items: list });
    list = null;
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.length < 2) continue;
    if (line.startsWith('- ')) {
      list ??= [];
      list.push(encodeText(line.slice(2)));
      continue;
    }
    flushList();
    // A short line without closing punctuation reads as a heading in these pages.
    if (line.length < 80 && !/[.:;!?,]$/.test(line)) sections.push({ heading: line, blocks: [] });
    else current().blocks.push({ type: 'p', html: encodeText(line) });
  }
  flushList();
  return sections.filter((s) => s.blocks.length > 0);
}

function readExamNames(examsYaml: string): Map<string, string[]> {
  // exams.yaml is small and regular; a line scanner avoids a YAML dependency in the bench.
  const names = new Map<string, string[]>();
  let exam: string | null = null;
  let inAliases = false;
  for (const line of examsYaml.split('\n')) {
    const id = /^\s*-\s+id:\s*(\S+)/.exec(line);
    if (id) {
      exam = id[1]!;
      names.set(exam, []);
      inAliases = false;
      continue;
    }
    if (!exam) continue;
    const name = /^\s+name:\s*(\S.*)$/.exec(line);
    if (name) names.get(exam)!.push(name[1]!.trim());
    if (/^\s+aliases:/.test(line)) inAliases = true;
    else if (inAliases && /^\s+-\s+(\S.*)$/.test(line)) {
      const alias = /^\s+-\s+(\S.*)$/.exec(line)![1]!.trim();
      // Codes stay as they are: number perturbation already leaves them alone and they identify exams exactly.
      if (!/^[A-Z]{2,4}-?[A-Z]?\d{2,3}$/.test(alias)) names.get(exam)!.push(alias);
    } else if (/^\s+\w+:/.test(line)) inAliases = false;
  }
  return names;
}

function listRawFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listRawFiles(path));
    else out.push(path);
  }
  return out;
}

const poolCache = new Map<string, Pool>();
export function loadPool(content = repoContent): Pool {
  const cached = poolCache.get(content);
  if (cached) return cached;
  const articles: Section[][] = [];
  for (const path of listRawFiles(join(content, 'raw'))) {
    const raw = readFileSync(path, 'utf8');
    let sections: Section[];
    if (raw.trimStart().startsWith('{')) {
      const json = JSON.parse(raw) as { content?: { rendered?: string } };
      sections = sectionsFromHtml(json.content?.rendered ?? '');
    } else if (raw.startsWith('---\n') || /\n#{1,6} /.test(raw)) sections = sectionsFromMarkdown(raw);
    else sections = sectionsFromText(raw);
    if (sections.length) articles.push(sections);
  }
  if (!articles.length) throw new Error(`generateCorpus: no readable articles under ${join(content, 'raw')}`);
  const pool = { articles, examNames: readExamNames(readFileSync(join(content, 'exams.yaml'), 'utf8')) };
  poolCache.set(content, pool);
  return pool;
}

// --- perturbation -------------------------------------------------------------------------------------------

function niceRound(value: number, like: number): number {
  const step = like >= 10000 ? 1000 : like >= 1000 ? 100 : like >= 100 ? 10 : 1;
  return Math.max(step, Math.round(value / step) * step);
}

function perturbNumbers(text: string, rng: () => number): string {
  // Standalone numbers only: not part of a code (MLS-C01), a version, a date, a URL or a year.
  return text.replace(/(?<![\w.\-–/:])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w\-/]|\.\d)/g, (m, int: string, frac) => {
    const n = Number(int.replace(/,/g, ''));
    if (frac || (n >= 1900 && n <= 2100) || rng() < 0.5) return m;
    const factor = pick(rng, [0.8, 0.9, 1.1, 1.2, 1.5]);
    let next = niceRound(n * factor, n);
    if (n <= 100 && next > 100) next = 100;
    return int.includes(',') ? next.toLocaleString('en-US') : String(next);
  });
}

function makeNamePerturber(examNames: Map<string, string[]>) {
  const owner = new Map<string, string[]>();
  for (const names of examNames.values()) for (const name of names) owner.set(name, names);
  const alternatives = [...owner.keys()].sort((a, b) => b.length - a.length);
  if (!alternatives.length) return (text: string) => text;
  const escaped = alternatives.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'g');
  return (text: string, rng: () => number) => text.replace(re, (m) => (rng() < 0.5 ? m : pick(rng, owner.get(m)!)));
}

function perturbInline(html: string, rng: () => number, names: ReturnType<typeof makeNamePerturber>): string {
  return html
    .split(/(<[^<>]*>)/)
    .map((part) => (part.startsWith('<') ? part : encodeText(perturbNumbers(names(decodeEntities(part), rng), rng))))
    .join('');
}

// --- renderers ----------------------------------------------------------------------------------------------

const inlineToText = (html: string) => stripTags(html);
function inlineToMarkdown(html: string): string {
  return decodeEntities(
    html
      .replace(/<a href="([^"]*)">([\s\S]*?)<\/a>/g, '[$2]($1)')
      .replace(/<\/?b>/g, '**')
      .replace(/<\/?em>/g, '*')
      .replace(/<[^<>]*>/g, ''),
  );
}

function renderHtml(sections: Section[], rng: () => number): string {
  // Two house styles seen in the raw corpus: Gutenberg blocks, and Google Docs pastes with weight spans.
  const spans = rng() < 0.5;
  const boldHeadings = rng() < 0.3;
  const sep = spans ? '\n' : '\n\n\n\n';
  const para = (html: string) => (spans ? `<p><span style="font-weight: 400;">${html}</span></p>` : `<p>${html}</p>`);
  const out: string[] = [];
  for (const s of sections) {
    if (s.heading) {
      const h = encodeText(s.heading);
      out.push(boldHeadings ? `<p><b>${h}</b></p>` : `<h2 class="wp-block-heading"><strong>${h}</strong></h2>`);
    }
    for (const b of s.blocks) {
      if (b.type === 'p') out.push(para(b.html));
      else if (b.type === 'list') {
        const tag = b.ordered ? 'ol' : 'ul';
        out.push(`<${tag}>\n${b.items.map((i) => `<li>${i}</li>`).join('\n')}\n</${tag}>`);
      } else {
        const rows = b.rows.map((r) => `<tr>\n${r.map((c) => `<td>${c}</td>`).join('\n')}\n</tr>`).join('\n');
        out.push(`<table>\n<tbody>\n${rows}\n</tbody>\n</table>`);
      }
    }
  }
  return `${out.join(sep)}\n`;
}

function renderMarkdown(sections: Section[]): string {
  const out: string[] = [];
  for (const s of sections) {
    if (s.heading) out.push(`## ${s.heading}`);
    for (const b of s.blocks) {
      if (b.type === 'p') out.push(inlineToMarkdown(b.html));
      else if (b.type === 'list')
        out.push(b.items.map((i, k) => `${b.ordered ? `${k + 1}.` : '-'} ${inlineToMarkdown(i)}`).join('\n'));
      else {
        const width = Math.max(...b.rows.map((r) => r.length));
        const row = (r: string[]) =>
          `| ${Array.from({ length: width }, (_, k) => inlineToMarkdown(r[k] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
        out.push([row(b.rows[0]!), `|${' --- |'.repeat(width)}`, ...b.rows.slice(1).map(row)].join('\n'));
      }
    }
  }
  return `${out.join('\n\n')}\n`;
}

function renderText(sections: Section[]): string {
  const out: string[] = [];
  for (const s of sections) {
    if (s.heading) out.push(s.heading);
    for (const b of s.blocks) {
      if (b.type === 'p') out.push(inlineToText(b.html));
      else if (b.type === 'list') out.push(...b.items.map((i) => `- ${inlineToText(i)}`));
      else out.push(...b.rows.map((r) => r.map(inlineToText).join(': ')));
    }
  }
  return `${out.join('\n')}\n`;
}

// --- articles -----------------------------------------------------------------------------------------------

const FORMATS: readonly CorpusFormat[] = ['wordpress', 'markdown', 'text'];
const SITES = ['certguide.example', 'mlprep.example', 'cloudexams.example', 'studyhall.example', 'quizlab.example'];
const TOPICS = ['a comparison', 'what to study', 'is it worth it', 'a field guide', 'exam notes', 'a study plan'];

function isoDay(base: number, days: number): string {
  return new Date(base + days * 86_400_000).toISOString().slice(0, 10);
}

interface Article {
  file: string;
  format: CorpusFormat;
  body: string;
  title: string;
  url: string;
  authority: 'official' | 'secondary';
}

function buildArticle(pool: Pool, seed: number, index: number, variant: number): Article {
  const rng = createRng(articleSeed(seed, index, variant));
  const names = makeNamePerturber(pool.examNames);
  const format = FORMATS[index % FORMATS.length]!;
  // Sizes spread log-uniformly over 4–48 KB, like the real pages (3 KB to 54 KB).
  const target = Math.round(4000 * 12 ** rng());
  const sections: Section[] = [];
  let size = 0;
  while (size < target) {
    // A run of neighbouring sections keeps an exam heading with the domains listed under it.
    const article = pick(rng, pool.articles);
    const start = Math.floor(rng() * article.length);
    const run = article.slice(start, start + 2 + Math.floor(rng() * 5));
    for (const s of run) {
      const perturbed: Section = {
        heading: s.heading && perturbNumbers(names(s.heading, rng), rng),
        blocks: s.blocks.map((b): Block => {
          if (b.type === 'p') return { type: 'p', html: perturbInline(b.html, rng, names) };
          if (b.type === 'list') return { ...b, items: b.items.map((i) => perturbInline(i, rng, names)) };
          return { type: 'table', rows: b.rows.map((r) => r.map((c) => perturbInline(c, rng, names))) };
        }),
      };
      sections.push(perturbed);
      size += JSON.stringify(perturbed).length;
    }
  }
  const examA = pick(rng, [...pool.examNames.values()].flat());
  const title = `${examA}: ${pick(rng, TOPICS)} (${index + 1})`;
  const site = pick(rng, SITES);
  const slug = `${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
  const url = `https://${site}/blog/${slug}/`;
  const base = Date.UTC(2022, 0, 1);
  const publishedDays = Math.floor(rng() * 1700);
  const published = isoDay(base, publishedDays);
  const modified = isoDay(base, publishedDays + Math.floor(rng() * 120));
  const hash = createHash('sha256').update(`${seed}:${index}`).digest('hex').slice(0, 16);
  const file = `${String(index).padStart(4, '0')}_${hash}.txt`;

  let body: string;
  if (format === 'wordpress') {
    const html = renderHtml(sections, rng);
    body = JSON.stringify({
      id: 1000 + index,
      date: `${published}T09:00:00`,
      date_gmt: `${published}T09:00:00`,
      guid: { rendered: `https://${site}/blog/?p=${1000 + index}` },
      modified: `${modified}T10:30:00`,
      modified_gmt: `${modified}T10:30:00`,
      slug,
      status: 'publish',
      type: 'post',
      link: url,
      title: { rendered: encodeText(title) },
      content: { rendered: html, protected: false },
      excerpt: {
        rendered: `<p>${encodeText(inlineToText(sections[0]?.blocks[0]?.type === 'p' ? sections[0].blocks[0].html : title).slice(0, 200))} [&hellip;]</p>\n`,
        protected: false,
      },
      author: 1 + Math.floor(rng() * 5),
      featured_media: 0,
      comment_status: 'closed',
      ping_status: 'open',
      sticky: false,
      template: '',
      format: 'standard',
      meta: [],
      categories: [1],
      tags: [],
    });
  } else if (format === 'markdown') {
    const fm = [
      '---',
      `title: ${JSON.stringify(title)}`,
      `published: ${published}`,
      `modified: ${modified}`,
      `url: ${url}`,
      'tags: [mlops, certification]',
      '---',
      '',
      `# ${title}`,
      '',
      '',
    ].join('\n');
    body = fm + renderMarkdown(sections);
  } else {
    body = renderText(sections);
  }
  // Plain text in the real corpus is a vendor's own page; some synthetic ones play that part.
  const authority = format === 'text' && rng() < 0.34 ? 'official' : 'secondary';
  return { file, format, body, title, url, authority };
}

function writeSources(dir: string, articles: Article[]): void {
  // JSON strings are valid YAML scalars: no YAML dependency, no quoting bugs.
  const lines = ['# Synthetic corpus for benchmarks (bench/corpus/generateCorpus.ts).'];
  for (const a of articles) {
    lines.push(`- file: ${JSON.stringify(a.file)}`, `  authority: ${a.authority}`);
    if (a.format === 'text') lines.push(`  url: ${JSON.stringify(a.url)}`, `  title: ${JSON.stringify(a.title)}`);
  }
  writeFileSync(join(dir, 'sources.yaml'), `${lines.join('\n')}\n`);
}

export function generateCorpus(options: GenerateOptions): GeneratedCorpus {
  const content = options.content ?? repoContent;
  const pool = loadPool(content);
  const raw = join(options.out, 'raw');
  mkdirSync(raw, { recursive: true });
  const articles: Article[] = [];
  const files: GeneratedCorpus['files'] = [];
  let bytes = 0;
  for (let i = 0; i < options.n; i++) {
    const a = buildArticle(pool, options.seed, i, 0);
    writeFileSync(join(raw, a.file), a.body);
    const size = Buffer.byteLength(a.body);
    bytes += size;
    articles.push(a);
    files.push({ file: a.file, format: a.format, bytes: size });
  }
  writeSources(options.out, articles);
  copyFileSync(join(content, 'exams.yaml'), join(options.out, 'exams.yaml'));
  writeFileSync(join(options.out, 'reviews.yaml'), 'reviews: []\n');
  return { dir: options.out, files, bytes };
}

/**
 * Rewrites article `index` of a generated corpus as a new variant (other sections, other numbers), same file
 * name and format: the "one article changed" of the incremental-rebuild benchmark.
 */
export function changeArticle(options: GenerateOptions & { index: number; variant: number }): string {
  const pool = loadPool(options.content ?? repoContent);
  const a = buildArticle(pool, options.seed, options.index, options.variant);
  const path = join(options.out, 'raw', a.file);
  writeFileSync(path, a.body);
  return relative(options.out, path);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
  };
  const out = arg('out', '');
  if (!out) {
    console.error('usage: tsx bench/corpus/generateCorpus.ts --n 100 --seed 1 --out <dir>');
    process.exit(2);
  }
  const result = generateCorpus({ n: Number(arg('n', '100')), seed: Number(arg('seed', '1')), out });
  const byFormat = new Map<string, number>();
  for (const f of result.files) byFormat.set(f.format, (byFormat.get(f.format) ?? 0) + 1);
  const formats = [...byFormat].map(([k, v]) => `${k}: ${v}`).join(', ');
  console.log(`${result.files.length} articles, ${(result.bytes / 1e6).toFixed(2)} MB in ${out} (${formats})`);
}
