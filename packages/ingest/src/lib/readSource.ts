/**
 * Turning one raw file into a document: detect its format from its bytes (never its name), pull the metadata
 * it carries, and parse it into mdast, the one document model every format shares. Positions in the tree are
 * offsets in the parser's input; `toRawOffset` maps them back to the raw file so facts can cite a raw line.
 */

import { CertplanError } from '@certplan/core';
import type { Element, RootContent as HastContent, Root as HastRoot } from 'hast';
import { defaultSchema, type Schema, sanitize } from 'hast-util-sanitize';
import { toMdast } from 'hast-util-to-mdast';
import type { Heading, List, ListItem, Paragraph, Root, RootContent, Text } from 'mdast';
import rehypeParse from 'rehype-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { componentNodes } from './componentRecords.ts';
import { boundTitle, type FileMetadata, readTomlFrontMatter, readYamlFrontMatter } from './frontMatter.ts';
import { frontMatterNodes } from './frontMatterRecords.ts';
import { findJsonStringLiteral } from './jsonLocate.ts';
import { remarkGfmFor } from './remarkGfmFor.ts';
import { isHttpUrl, MAX_URL_LENGTH } from './yamlConfig.ts';

export type DetectedFormat = 'wordpress' | 'markdown' | 'text';

export type { FileMetadata } from './frontMatter.ts';

export interface ParsedSource {
  format: DetectedFormat;
  metadata: FileMetadata;
  tree: Root;
  /** Maps an offset in the parser input (tree positions) to an offset in the raw file's text. */
  toRawOffset: (inputOffset: number) => number;
}

/**
 * Why a file could not be read at all (CertplanError `unreadable_source`, with the rule and, when there is one,
 * the place: 1-based, columns counting bytes for encoding errors); the source is skipped and listed as unreadable.
 */
function unreadable(message: string, ruleId: string, place: { line: number; column: number } | null = null) {
  return new CertplanError('unreadable_source', message, { ruleId, place });
}

function pointOfIndex(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(index, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

function pointOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** HTML nested deeper than this is flattened: tree utilities recurse, and no real article nests this deep. */
export const MAX_HTML_DEPTH = 200;
/** Larger sources are refused with a reason instead of risking the memory bound of a build. */
export const DEFAULT_MAX_SOURCE_BYTES = 5 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as UTF-8 text, refusing binary data and invalid sequences with the offending byte offset. */
export function decodeSourceBytes(bytes: Uint8Array, maxBytes = DEFAULT_MAX_SOURCE_BYTES): string {
  if (bytes.length > maxBytes) {
    throw unreadable(
      `source is ${bytes.length} bytes, over the ${maxBytes}-byte limit for one article`,
      'certplan:too-large',
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw unreadable(`binary content (NUL byte at byte ${nul})`, 'certplan:binary', pointOfByte(bytes, nul));
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw unreadable(`invalid UTF-8 at byte ${bad}`, 'certplan:invalid-utf8', pointOfByte(bytes, bad));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw unreadable('empty file', 'certplan:empty');
  return text;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Binary search on the longest decodable prefix keeps this linear-ish without a hand-written decoder.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

export function detectFormat(text: string): DetectedFormat {
  const head = text.trimStart();
  if (head.startsWith('{')) return 'wordpress';
  // Front matter as static-site generators write it: YAML between `---` lines, TOML between `+++` lines.
  if (/^(?:---|\+\+\+)\r?\n/.test(text)) return 'markdown';
  // Markdown without front matter: a heading or a link as Markdown writes them, or two list items where the
  // text has a link opener. Lines are checked one at a time: a pattern spanning lines would rescan the rest of
  // the text from every line start (quadratic on a long post).
  if (/^#{1,6} \S/m.test(text) || /\]\([^)\s]+\)/.test(text)) return 'markdown';
  if (text.includes('](') && countListLines(text, 2) >= 2) return 'markdown';
  return 'text';
}

/** Lines that start (after indentation) with a Markdown bullet and text, counted up to `enough`. */
function countListLines(text: string, enough: number): number {
  let count = 0;
  for (const line of text.split('\n')) {
    if (/^[-*+] \S/.test(line.trimStart()) && ++count >= enough) break;
  }
  return count;
}

export function parseSource(text: string, file: VFile): ParsedSource {
  const format = detectFormat(text);
  if (format === 'wordpress') return parseWordPress(text, file);
  if (format === 'markdown') return parseMarkdown(text, file);
  return { format, metadata: {}, tree: plainTextToMdast(text), toRawOffset: (o) => o };
}

function parseWordPress(text: string, file: VFile): ParsedSource {
  let post: unknown;
  try {
    post = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const match = /position (\d+)/.exec(message);
    const offset = match ? Number(match[1]) : /end of JSON input/.test(message) ? text.length : null;
    // V8 appends " in JSON at position N …" to the reason; cut there (indexOf: the message quotes the input).
    const cut = message.indexOf(' in JSON at position ');
    const reason = (cut === -1 ? message : message.slice(0, cut).trimEnd()).replace(
      /^Unexpected end of JSON input$/,
      'unexpected end of input',
    );
    throw unreadable(
      `invalid JSON (truncated or malformed): ${reason}`,
      'certplan:invalid-json',
      offset === null ? null : pointOfIndex(text, offset),
    );
  }
  const rendered = (post as { content?: { rendered?: unknown } } | null)?.content?.rendered;
  if (typeof post !== 'object' || post === null || Array.isArray(post) || typeof rendered !== 'string') {
    throw unreadable('JSON is not a WordPress post: no string at content.rendered', 'certplan:not-wordpress', {
      line: 1,
      column: 1,
    });
  }
  const p = post as {
    link?: unknown;
    title?: { rendered?: unknown };
    date?: unknown;
    modified?: unknown;
    content: { rendered: string; protected?: unknown };
  };
  const metadata: FileMetadata = {};
  const raw = location(text);
  const placeOf = (path: string[]) => {
    const literal = findJsonStringLiteral(text, path);
    return raw.toPoint(literal?.map[0] ?? 0) ?? { line: 1, column: 1 };
  };
  if (typeof p.link === 'string' && p.link) {
    // Only http(s) links are kept: the link is shown to learners as the source's address.
    if (p.link.length > MAX_URL_LENGTH || !isHttpUrl(p.link.trim())) {
      file.message(
        p.link.length > MAX_URL_LENGTH
          ? `link is longer than ${MAX_URL_LENGTH} characters; not stored`
          : 'link is not an http(s) URL; not stored',
        { place: placeOf(['link']), ruleId: 'certplan:unsafe-url' },
      );
    } else metadata.url = p.link.trim();
  }
  if (typeof p.title?.rendered === 'string' && p.title.rendered.trim()) {
    const title = boundTitle(htmlToText(p.title.rendered), file, placeOf(['title', 'rendered']), 'title.rendered');
    if (title) metadata.title = title;
  }
  const published = toIsoDate(p.date);
  if (published) metadata.published = published;
  const modified = toIsoDate(p.modified);
  if (modified) metadata.modified = modified;

  const literal = findJsonStringLiteral(text, ['content', 'rendered']);
  const map = literal && literal.value === rendered ? literal.map : null;
  const toRawOffset = (o: number) => (map ? (map[Math.max(0, Math.min(o, map.length - 1))] ?? 0) : 0);
  if (rendered.trim() === '') {
    // A password-protected post comes from the REST API with its content withheld: there is nothing to read.
    const why = p.content.protected === true ? 'a password-protected post: its content is withheld' : 'no content';
    file.message(`empty article (${why}); no facts can come from it`, {
      place: placeOf(['content', 'rendered']),
      ruleId: 'certplan:empty-article',
    });
  }
  const tree = htmlToMdast(rendered, file, (o) => raw.toPoint(toRawOffset(o)));
  return { format: 'wordpress', metadata, tree, toRawOffset };
}

/**
 * Limits past which a Markdown source is read by the plain-text reader (issue 12, case 6). micromark spends a fixed
 * time on every line (15–80 µs of CPU) and more on every block (130–190 µs: a tokenizer per block's content), so
 * 100 KB of one-word list items took 5–8 s to parse and 100 KB of empty lines over a second; the plain-text reader
 * is linear at a few µs per line. Real articles hold a few hundred blocks and a few thousand lines; a source past
 * either limit is a dump or an attack, and both limits together keep Markdown parsing near a second.
 */
export const MAX_MARKDOWN_BLOCKS = 4_000;
export const MAX_MARKDOWN_LINES = 20_000;

function parseMarkdown(text: string, file: VFile): ParsedSource {
  if (countLines(text, MAX_MARKDOWN_LINES + 1) > MAX_MARKDOWN_LINES)
    return parseDenseMarkdown(text, file, `more than ${MAX_MARKDOWN_LINES.toLocaleString('en-US')} lines`);
  if (countBlockStarts(text, MAX_MARKDOWN_BLOCKS + 1) > MAX_MARKDOWN_BLOCKS)
    return parseDenseMarkdown(text, file, `more than ${MAX_MARKDOWN_BLOCKS.toLocaleString('en-US')} Markdown blocks`);
  const tree = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkGfmFor, text)
    .parse(text) as Root;
  let metadata: FileMetadata = {};
  // remark-frontmatter's `toml` node is not in mdast's types; both kinds are a literal with a value.
  const first = tree.children[0] as { type: string; value?: unknown; position?: { start: Point } } | undefined;
  if (first && (first.type === 'yaml' || first.type === 'toml') && typeof first.value === 'string') {
    // The block's value starts on the line after the opening fence.
    const firstLine = (first.position?.start.line ?? 1) + 1;
    metadata =
      first.type === 'yaml'
        ? readYamlFrontMatter(first.value, firstLine, file)
        : readTomlFrontMatter(first.value, firstLine, file);
  } else {
    const fence = /^(---|\+\+\+)\r?\n/.exec(text)?.[1];
    if (fence) {
      // An opening fence with no closing one: the block is not front matter, and its lines would be read as text.
      file.message(
        `front matter opened with ${fence} on line 1 is never closed (no ${fence} line after it); no metadata read`,
        { place: { line: 1, column: 1 }, ruleId: 'certplan:front-matter' },
      );
    }
  }
  if (first?.type === 'yaml' && typeof first.value === 'string' && first.position?.start.offset !== undefined) {
    // Front matter fields that state facts ("description: … 90 minutes …", "duration: 90 minutes"), read as records.
    const contentStart = text.indexOf('\n', first.position.start.offset) + 1;
    if (contentStart > 0 && text.startsWith(first.value, contentStart)) {
      const raw = location(text);
      tree.children.splice(1, 0, ...frontMatterNodes(first.value, contentStart, (o) => raw.toPoint(o) as Point));
    }
  }
  readHtmlBlocks(tree, text, file);
  return { format: 'markdown', metadata, tree, toRawOffset: (o) => o };
}

/**
 * A Markdown source past MAX_MARKDOWN_LINES or MAX_MARKDOWN_BLOCKS (`why` says which): its front matter is parsed as Markdown (metadata
 * and fields kept), the rest is read line by line as plain text (lists, headings and labelled values kept;
 * inline markup such as `**` or link syntax stays in the text and its quotes). Reported, so a maintainer knows.
 */
function parseDenseMarkdown(text: string, file: VFile, why: string): ParsedSource {
  const end = frontMatterEnd(text);
  const head = end > 0 ? { ...parseMarkdown(text.slice(0, end), file), lines: lineBreaks(text, end) } : null;
  const body = plainTextToMdast(text.slice(end), { offset: end, line: (head?.lines ?? 0) + 1 });
  file.message(
    `${why}: read line by line as plain text (Markdown parsing costs a fixed time per line and block); ` +
      'lists, headings and labelled values are kept, inline markup stays in quotes',
    { place: { line: 1, column: 1 }, ruleId: 'certplan:block-limit' },
  );
  return {
    format: 'markdown',
    metadata: head?.metadata ?? {},
    tree: { type: 'root', children: [...(head?.tree.children ?? []), ...body.children] },
    toRawOffset: (o) => o,
  };
}

/**
 * Lines that start a Markdown block, counted up to `enough` (one pass, no regex): a non-blank line after a blank
 * line, a heading or the start, and any line whose first character after indentation and `>` markers is a list marker
 * (`-`, `*`, `+`, or digits then `.` or `)`, followed by a space, a tab or the line's end) or `#`, and any line
 * with a `|` (a possible table row).
 */
export function countBlockStarts(text: string, enough: number): number {
  let count = 0;
  let lineStart = 0;
  let previousBlank = true;
  let nextPipe = text.indexOf('|');
  while (lineStart <= text.length && count < enough) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let i = lineStart;
    for (let c = text.charCodeAt(i); i < lineEnd && (c === 32 || c === 9 || c === 62 || c === 13); )
      c = text.charCodeAt(++i);
    const blank = i >= lineEnd;
    // The next `|` at or after this line, found again only once passed: one scan of the text in all.
    if (nextPipe !== -1 && nextPipe < i) nextPipe = text.indexOf('|', i);
    const pipe = nextPipe !== -1 && nextPipe < lineEnd;
    if (!blank && (previousBlank || pipe || startsBlock(text, i, lineEnd))) count++;
    // A heading is one line: the next non-blank line starts a block of its own.
    previousBlank = blank || text.charCodeAt(i) === 35;
    lineStart = lineEnd + 1;
  }
  return count;
}

function startsBlock(text: string, i: number, lineEnd: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 35) return true;
  let j = i;
  if (c === 45 || c === 42 || c === 43) j = i + 1;
  else {
    while (j < lineEnd && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    if (j === i || !(text.charCodeAt(j) === 46 || text.charCodeAt(j) === 41)) return false;
    j++;
  }
  const after = j < lineEnd ? text.charCodeAt(j) : 32;
  return after === 32 || after === 9 || after === 13;
}

/** Lines of `text` (LF-separated), counted up to `enough`. */
export function countLines(text: string, enough: number): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1 && count < enough; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Line breaks (LF) in `text` before `end`. */
function lineBreaks(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** The offset just past a closed front-matter block (`---` or `+++` fences on their own lines), or 0. */
function frontMatterEnd(text: string): number {
  const fence = /^(---|\+\+\+)\r?\n/.exec(text);
  if (!fence) return 0;
  let lineStart = fence[0].length;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    if (text.slice(lineStart, lineEnd).trimEnd() === fence[1]) return Math.min(text.length, lineEnd + 1);
    lineStart = lineEnd + 1;
  }
  return 0;
}

/**
 * Raw HTML blocks in Markdown (a `<table>` or `<p>` an editor pasted) are read as HTML, through the same parser
 * and allow-list as a WordPress post, and their blocks take the HTML block's place. Positions are shifted back
 * into the Markdown file, so facts from them cite the right line. Comments and lone tags stay out.
 */
function readHtmlBlocks(tree: Root, text: string, file: VFile): void {
  const raw = location(text);
  // Read from the source span: an inline tag's value loses the indentation of its continuation lines.
  const components = (node: { position?: { start: Point; end: Point } }) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return [];
    return componentNodes(text.slice(start, end), start, (o) => raw.toPoint(o) as Point);
  };
  const isSelfClosingComponent = (node: { position?: { start: Point; end: Point } }) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return (
      start !== undefined &&
      end !== undefined &&
      /^<[A-Z][\w.]*\s/.test(text.slice(start, start + 80)) &&
      text.slice(start, end).trimEnd().endsWith('/>')
    );
  };
  const visit = (parent: { children: RootContent[] }) => {
    const children: RootContent[] = [];
    for (const node of parent.children) {
      if (node.type === 'html' && node.position?.start.offset !== undefined && /<[a-z]/i.test(node.value)) {
        const base = node.position.start.offset;
        // Component attributes (`<ExamFacts length="2 hours" />`) would be dropped by the sanitizer: read first.
        children.push(...components(node));
        const converted = htmlToMdast(node.value, file, (o) => raw.toPoint(base + o));
        shiftPositions(converted, base, raw);
        children.push(...(converted.children as RootContent[]));
        continue;
      }
      if (node.type === 'blockquote' || node.type === 'listItem') visit(node as { children: RootContent[] });
      else if (node.type === 'list') for (const item of node.children) visit(item as { children: RootContent[] });
      // A self-closing component with JSX expression attributes (`<Outline items={[…]} />`) is not HTML to
      // Markdown, so it arrives as a paragraph of text: it is markup, read as records instead of prose.
      if (node.type === 'paragraph' && isSelfClosingComponent(node)) {
        children.push(...components(node));
        continue;
      }
      children.push(node);
      if (node.type === 'paragraph')
        for (const child of node.children) if (child.type === 'html') children.push(...components(child));
    }
    parent.children = children;
  };
  visit(tree);
}

/** Adds `base` to every offset in `tree` (iteratively) and recomputes line and column from the file. */
function shiftPositions(tree: Root, base: number, raw: ReturnType<typeof location>): void {
  const stack: Array<{ position?: { start: Point; end: Point }; children?: unknown[] }> = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as { position?: { start: Point; end: Point }; children?: unknown[] };
    if (node.position) {
      for (const point of [node.position.start, node.position.end]) {
        if (point.offset === undefined) continue;
        point.offset += base;
        const moved = raw.toPoint(point.offset);
        if (moved) {
          point.line = moved.line;
          point.column = moved.column;
        }
      }
    }
    if (node.children) for (const child of node.children) stack.push(child as typeof node);
  }
}

function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value.trim());
  return match?.[1];
}

/** Elements whose content is never article text; dropped before conversion (they may carry payloads). */
const UNSAFE_ELEMENTS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'form']);

/** `toPlace` maps an offset in `html` to a point in the raw file (HTML embedded in JSON sits elsewhere). */
export function htmlToMdast(html: string, file: VFile | null, toPlace?: (offset: number) => Point | undefined): Root {
  const limited = limitTagDepth(html, MAX_HTML_DEPTH * 2);
  if (limited.firstDropped !== null && file) {
    const offset = limited.firstDropped;
    file.message(`HTML nested deeper than ${MAX_HTML_DEPTH * 2} levels; deeper tags dropped, text kept`, {
      place: toPlace ? toPlace(offset) : undefined,
      ruleId: 'certplan:deep-nesting',
    });
  }
  const hast = unified().use(rehypeParse, { fragment: true }).parse(limited.html) as HastRoot;
  const report = reporter(file, toPlace);
  flatten(hast, report);
  return toMdast(sanitizeReported(hast, report)) as Root;
}

type Report = (rule: string, message: string, node: HastContent) => void;

/** Reports each distinct message once, at the raw-file place of the first node it concerns. */
function reporter(file: VFile | null, toPlace?: (offset: number) => Point | undefined): Report {
  const reported = new Set<string>();
  return (rule, message, node) => {
    if (!file || reported.has(message)) return;
    reported.add(message);
    const offset = node.position?.start.offset;
    const place = toPlace && offset !== undefined ? toPlace(offset) : node.position?.start;
    file.message(message, { place, ruleId: rule });
  };
}

/**
 * What is kept of an article's HTML, by allow-list (hast-util-sanitize; its GitHub-style default plus the
 * structural tags articles use). Elements outside the list are unwrapped (their text stays); the ones in
 * `strip` go with their content, because their content is code or a payload, never article text. Attributes
 * outside the list go, and every URL attribute keeps only http(s) (and relative) URLs: `java&#9;script:`
 * decodes to a protocol that is simply not on the list, whatever a deny-list would have missed.
 */
export const SANITIZE_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    ...['article', 'aside', 'header', 'footer', 'main', 'nav', 'figure', 'figcaption', 'caption', 'colgroup'],
    ...['col', 'mark', 'small', 'u', 'abbr', 'cite', 'time', 'center', 'font', 'address', 'hgroup', 'big'],
  ],
  strip: [...UNSAFE_ELEMENTS, 'svg', 'math', 'select', 'textarea', 'button'],
  protocols: { href: ['http', 'https'], src: ['http', 'https'], cite: ['http', 'https'], longDesc: ['http', 'https'] },
  clobber: [],
  clobberPrefix: '',
};

/** Properties whose value is a URL (hast names). */
const URL_PROPERTIES = new Set(['href', 'src', 'cite', 'longDesc', 'action', 'formAction', 'poster', 'background']);

/**
 * Sanitises with SANITIZE_SCHEMA and says what it dropped, by comparing an inventory of the tree before and
 * after: stripped elements, event-handler attributes, and URLs that are not http(s). (Presentation attributes
 * such as class or style go silently: they carry nothing a reader of the text loses.)
 */
function sanitizeReported(root: HastRoot, report: Report): HastRoot {
  const before = inventory(root);
  const clean = sanitize(root, SANITIZE_SCHEMA) as HastRoot;
  const after = inventory(clean);
  for (const [key, { count, uses }] of before) {
    if ((after.get(key)?.count ?? 0) >= count) continue;
    const [tag, property] = key.split('\0') as [string, string | undefined];
    const [first] = uses;
    if (!first) continue;
    if (property === undefined) {
      if (SANITIZE_SCHEMA.strip?.includes(tag)) report('certplan:unsafe-html', `dropped <${tag}> element`, first.node);
    } else if (/^on/i.test(property)) {
      report('certplan:unsafe-html', `dropped event-handler attribute ${property}`, first.node);
    } else if (URL_PROPERTIES.has(property)) {
      // Which of the URLs went: each one whose scheme is not http(s), each reported by kind at its first place.
      for (const { node, value } of uses) {
        const scheme = schemeOf(String(value));
        if (scheme === null || scheme === 'http' || scheme === 'https') continue;
        const script = scheme === 'javascript' || scheme === 'vbscript' || scheme === 'data';
        const kind = script ? 'a script URL' : 'a URL that is not http(s)';
        report('certplan:unsafe-html', `dropped ${property} with ${kind}`, node);
      }
    }
  }
  return clean;
}

/**
 * A URL's scheme as a browser reads it (tabs, newlines and control characters inside it ignored), lower-case;
 * null for a relative URL. Same rule as hast-util-sanitize: a `:` before any `/`, `?` or `#`.
 */
function schemeOf(url: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing exactly the characters browsers skip
  const compact = url.replace(/[\u0000-\u0020]/g, '');
  const colon = compact.indexOf(':');
  if (colon === -1) return null;
  const firstOther = compact.search(/[/?#]/);
  if (firstOther !== -1 && firstOther < colon) return null;
  return compact.slice(0, colon).toLowerCase();
}

/** Counts of each element (by tag) and each property (by tag and name), with the first node and value seen. */
function inventory(root: HastRoot): Map<string, { count: number; uses: Array<{ node: HastContent; value: unknown }> }> {
  const out = new Map<string, { count: number; uses: Array<{ node: HastContent; value: unknown }> }>();
  const add = (key: string, node: HastContent, value: unknown) => {
    const entry = out.get(key) ?? { count: 0, uses: [] };
    entry.count++;
    // Elements need their first place only; URL properties keep each value (which one went is decided later).
    if (entry.uses.length === 0 || URL_PROPERTIES.has(key.slice(key.indexOf('\0') + 1)))
      entry.uses.push({ node, value });
    out.set(key, entry);
  };
  const stack: Array<HastRoot | HastContent> = [root];
  while (stack.length > 0) {
    const node = stack.pop() as HastRoot | HastContent;
    if (node.type === 'element') {
      add(node.tagName, node, null);
      for (const [name, value] of Object.entries(node.properties)) add(`${node.tagName}\0${name}`, node, value);
    }
    // Children pushed last-first, so nodes are visited in document order and "first" means first in the file.
    if ('children' in node)
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as HastContent);
  }
  return out;
}

/**
 * One iterative pass before sanitising: drops comments and whitespace between blocks, and flattens anything
 * nested deeper than MAX_HTML_DEPTH into its text, because hast-util-sanitize, hast-util-to-mdast and unist
 * utilities recurse and would overflow the stack on pathological nesting.
 */
function flatten(root: HastRoot, report: Report): void {
  const stack: Array<{ node: HastRoot | Element; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: HastRoot | Element; depth: number };
    const kept: HastContent[] = [];
    const blockParent = node.type === 'root' || BLOCK_CONTAINERS.has(node.tagName);
    for (const child of node.children as HastContent[]) {
      // Whitespace between blocks means nothing; dropping it here spares hast-util-to-mdast's whitespace pass,
      // which removes such nodes one splice at a time (quadratic on a long article).
      if (blockParent && child.type === 'text' && child.value.trim() === '') continue;
      if (child.type === 'comment') continue;
      if (child.type === 'element') {
        if (depth + 1 >= MAX_HTML_DEPTH) {
          report('certplan:deep-nesting', `HTML nested deeper than ${MAX_HTML_DEPTH} levels; flattened to text`, child);
          const flat: Text | HastContent = { type: 'text', value: collectText(child) } as HastContent;
          if (child.position) (flat as { position?: unknown }).position = child.position;
          kept.push({ ...child, children: [flat as HastContent] } as Element);
          continue;
        }
        stack.push({ node: child, depth: depth + 1 });
      }
      kept.push(child);
    }
    node.children = kept as typeof node.children;
  }
}

const BLOCK_CONTAINERS = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'dl',
  'figure',
  'footer',
  'header',
  'html',
  'main',
  'nav',
  'ol',
  'section',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/**
 * Drops tags nested deeper than `limit` before parsing (their text stays). The HTML parser's tree adapter
 * recurses once per level, so 10,000 nested elements would overflow the stack before any tree exists.
 * Replaced tags become spaces of equal length, so every offset still points at the same place.
 */
export function limitTagDepth(html: string, limit: number): { html: string; firstDropped: number | null } {
  const kept: boolean[] = [];
  let depth = 0;
  let firstDropped: number | null = null;
  const drops: Array<[number, number]> = [];
  // `[^<>]*`, not `[^>]*?`: from an unclosed `<a` the lazy form scanned to the end of the text for a `>`, once per
  // tag opener (quadratic). A `<` inside a tag is rare, and this count only decides which tags to drop.
  const re = /<(\/?)([a-zA-Z][\w-]*)\b[^<>]*?(\/?)>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const name = (m[2] as string).toLowerCase();
    if (VOID_ELEMENTS.has(name) || m[3] === '/') continue;
    if (m[1] === '/') {
      const wasKept = kept.pop();
      if (wasKept === false) drops.push([m.index, m.index + m[0].length]);
      else if (wasKept) depth--;
      continue;
    }
    if (depth >= limit) {
      kept.push(false);
      drops.push([m.index, m.index + m[0].length]);
      firstDropped ??= m.index;
    } else {
      kept.push(true);
      depth++;
    }
  }
  if (drops.length === 0) return { html, firstDropped: null };
  const parts: string[] = [];
  let last = 0;
  for (const [start, end] of drops) {
    parts.push(html.slice(last, start), ' '.repeat(end - start));
    last = end;
  }
  parts.push(html.slice(last));
  return { html: parts.join(''), firstDropped };
}

function collectText(node: Element): string {
  let out = '';
  const stack: HastContent[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as HastContent;
    if (current.type === 'text') out += current.value;
    else if (current.type === 'element' && !UNSAFE_ELEMENTS.has(current.tagName)) {
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as HastContent);
      if (/^(p|div|li|br|h\d|tr)$/.test(current.tagName)) out += ' ';
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

export function htmlToText(html: string): string {
  const hast = unified().use(rehypeParse, { fragment: true }).parse(html) as HastRoot;
  return collectText({ type: 'element', tagName: 'div', properties: {}, children: hast.children as Element[] });
}

/**
 * Plain text into mdast: one block per line. Lines with a list marker become list items, short title-like
 * lines become headings (a vendor page copied as text keeps its headings only as such lines).
 */
export function plainTextToMdast(
  text: string,
  origin: { offset: number; line: number } = { offset: 0, line: 1 },
): Root {
  const children: RootContent[] = [];
  let list: List | null = null;
  let offset = origin.offset;
  let lineNo = origin.line;
  const lines = text.split('\n');
  // Whether a non-blank line follows line i, computed once backwards: scanning ahead from every line was
  // quadratic in the number of lines.
  const blankToEnd = new Uint8Array(lines.length + 1);
  blankToEnd[lines.length] = 1;
  for (let i = lines.length - 1; i >= 0; i--)
    blankToEnd[i] = (lines[i] as string).trim() === '' && blankToEnd[i + 1] === 1 ? 1 : 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    const currentLine = lineNo++;
    const lead = line.length - line.trimStart().length;
    const content = line.trim();
    if (!content) {
      list = null;
      continue;
    }
    // An ATX heading (`## Domains`): only Markdown read line by line has them (a text file with one is Markdown).
    const atx = /^(#{1,6})[ \t]+(?=\S)/.exec(content);
    if (atx) {
      const start = lineStart + lead + atx[0].length;
      const at = { line: currentLine, column: lead + 1 + atx[0].length, offset: start };
      const end = { line: currentLine, column: line.length + 1, offset: lineStart + line.length };
      const value = content.slice(atx[0].length);
      const title: Text = { type: 'text', value, position: { start: at, end } };
      children.push({
        type: 'heading',
        depth: (atx[1] as string).length as Heading['depth'],
        children: [title],
        position: { start: at, end },
      });
      list = null;
      continue;
    }
    const marker = /^(?:[-*•●▪◦–]|\d{1,2}[.)])\s+/.exec(content);
    const bodyStart = lineStart + lead + (marker ? marker[0].length : 0);
    const body = marker ? content.slice(marker[0].length) : content;
    const position = {
      start: { line: currentLine, column: lead + 1 + (marker ? marker[0].length : 0), offset: bodyStart },
      end: { line: currentLine, column: line.length + 1, offset: lineStart + line.length },
    };
    const textNode: Text = { type: 'text', value: body, position };
    const paragraph: Paragraph = { type: 'paragraph', children: [textNode], position };
    if (marker) {
      if (!list) {
        list = { type: 'list', ordered: /\d/.test(marker[0]), spread: false, children: [], position };
        children.push(list);
      }
      const item: ListItem = { type: 'listItem', spread: false, children: [paragraph], position };
      list.children.push(item);
      if (list.position) list.position.end = position.end;
      continue;
    }
    list = null;
    if (blankToEnd[i + 1] === 0 && isTitleLike(body)) {
      children.push({ type: 'heading', depth: 2, children: [textNode], position });
    } else {
      children.push(paragraph);
    }
  }
  return { type: 'root', children };
}

/** A short line that names a section rather than says something: few words, no closing punctuation. */
export function isTitleLike(line: string): boolean {
  const words = line.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 12 || line.length > 90) return false;
  if (/[.,;:!?]$/.test(line) || !/[A-Za-z]/.test(line)) return false;
  if (!/^[\p{Lu}\d]/u.test(line)) return false;
  // "Exam fee: $200" is a labelled value, not a heading.
  // "Exam fee: $200" or "Languages offered: English" is a labelled value; "Step 1: Get experience" is a heading.
  if (/:\s+\S/.test(line) && !/^(?:Step|Part|Section|Chapter|Module|Phase|Domain|Lesson)\s+\d+\s*:/i.test(line))
    return false;
  return true;
}
