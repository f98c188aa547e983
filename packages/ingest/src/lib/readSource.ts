/**
 * Turning one raw file into a document: detect its format from its bytes (never its name), pull the metadata
 * it carries, and parse it into mdast, the one document model every format shares. Positions in the tree are
 * offsets in the parser's input; `toRawOffset` maps them back to the raw file so facts can cite a raw line.
 */
import type { Element, RootContent as HastContent, Root as HastRoot } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import type { List, ListItem, Paragraph, Root, RootContent, Text } from 'mdast';
import rehypeParse from 'rehype-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { LineCounter, parseDocument } from 'yaml';
import { findJsonStringLiteral } from './jsonLocate.ts';

export type DetectedFormat = 'wordpress' | 'markdown' | 'text';

export interface FileMetadata {
  url?: string;
  title?: string;
  published?: string;
  modified?: string;
  authority?: string;
}

export interface ParsedSource {
  format: DetectedFormat;
  metadata: FileMetadata;
  tree: Root;
  /** Maps an offset in the parser input (tree positions) to an offset in the raw file's text. */
  toRawOffset: (inputOffset: number) => number;
}

/** Why a file could not be read at all; the source is skipped and listed as unreadable. */
export class UnreadableSourceError extends Error {
  /** Where in the raw file the problem is (1-based; columns count bytes for encoding errors), if anywhere. */
  readonly point: { line: number; column: number } | null;
  readonly ruleId: string;
  constructor(message: string, ruleId: string, point: { line: number; column: number } | null = null) {
    super(message);
    this.name = 'UnreadableSourceError';
    this.ruleId = ruleId;
    this.point = point;
  }
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
    throw new UnreadableSourceError(
      `source is ${bytes.length} bytes, over the ${maxBytes}-byte limit for one article`,
      'certplan:too-large',
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new UnreadableSourceError(
      `binary content (NUL byte at byte ${nul})`,
      'certplan:binary',
      pointOfByte(bytes, nul),
    );
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw new UnreadableSourceError(`invalid UTF-8 at byte ${bad}`, 'certplan:invalid-utf8', pointOfByte(bytes, bad));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new UnreadableSourceError('empty file', 'certplan:empty');
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
  if (/^---\r?\n/.test(text)) return 'markdown';
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
    throw new UnreadableSourceError(
      `invalid JSON (truncated or malformed): ${reason}`,
      'certplan:invalid-json',
      offset === null ? null : pointOfIndex(text, offset),
    );
  }
  const rendered = (post as { content?: { rendered?: unknown } } | null)?.content?.rendered;
  if (typeof post !== 'object' || post === null || Array.isArray(post) || typeof rendered !== 'string') {
    throw new UnreadableSourceError(
      'JSON is not a WordPress post: no string at content.rendered',
      'certplan:not-wordpress',
      { line: 1, column: 1 },
    );
  }
  const p = post as { link?: unknown; title?: { rendered?: unknown }; date?: unknown; modified?: unknown };
  const metadata: FileMetadata = {};
  if (typeof p.link === 'string' && p.link) metadata.url = p.link;
  if (typeof p.title?.rendered === 'string' && p.title.rendered.trim()) metadata.title = htmlToText(p.title.rendered);
  const published = toIsoDate(p.date);
  if (published) metadata.published = published;
  const modified = toIsoDate(p.modified);
  if (modified) metadata.modified = modified;

  const literal = findJsonStringLiteral(text, ['content', 'rendered']);
  const map = literal && literal.value === rendered ? literal.map : null;
  const toRawOffset = (o: number) => (map ? (map[Math.max(0, Math.min(o, map.length - 1))] ?? 0) : 0);
  const raw = location(text);
  const tree = htmlToMdast(rendered, file, (o) => raw.toPoint(toRawOffset(o)));
  return { format: 'wordpress', metadata, tree, toRawOffset };
}

function parseMarkdown(text: string, file: VFile): ParsedSource {
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).parse(text) as Root;
  const metadata: FileMetadata = {};
  const yamlNode = tree.children.find((node) => node.type === 'yaml');
  if (yamlNode && 'value' in yamlNode) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(yamlNode.value, { lineCounter, prettyErrors: false });
    // The YAML value starts on the line after the opening `---`.
    const base = (yamlNode.position?.start.line ?? 1) + 1;
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const pos = lineCounter.linePos(error.pos[0]);
        file.message(`invalid YAML front matter: ${error.message.split('\n')[0]}`, {
          place: { line: base + pos.line - 1, column: pos.col },
          ruleId: 'certplan:front-matter',
        });
      }
    } else {
      const data = doc.toJS() as unknown;
      if (data && typeof data === 'object' && !Array.isArray(data)) {
        const get = (...keys: string[]) => {
          for (const [k, v] of Object.entries(data)) if (keys.includes(k.toLowerCase())) return v;
          return undefined;
        };
        const title = get('title');
        if (typeof title === 'string' && title.trim()) metadata.title = title.trim();
        const url = get('url', 'link', 'canonical');
        if (typeof url === 'string' && /^https?:\/\//.test(url)) metadata.url = url;
        const published = toIsoDate(get('published', 'date'));
        if (published) metadata.published = published;
        const modified = toIsoDate(get('modified', 'updated'));
        if (modified) metadata.modified = modified;
        const authority = get('authority');
        if (typeof authority === 'string') metadata.authority = authority;
      } else if (data !== null && data !== undefined) {
        file.message('front matter is not a mapping; ignored', {
          place: yamlNode.position?.start,
          ruleId: 'certplan:front-matter',
        });
      }
    }
  }
  return { format: 'markdown', metadata, tree, toRawOffset: (o) => o };
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
  sanitizeAndFlatten(hast, file, toPlace);
  return toMdast(hast) as Root;
}

/**
 * One iterative pass: removes unsafe elements and event-handler/`javascript:` attributes (reported, never
 * kept), and flattens anything nested deeper than MAX_HTML_DEPTH into its text, because hast-util-to-mdast
 * and unist utilities recurse and would overflow the stack on pathological nesting.
 */
function sanitizeAndFlatten(root: HastRoot, file: VFile | null, toPlace?: (offset: number) => Point | undefined): void {
  const reported = new Set<string>();
  const report = (rule: string, message: string, node: HastContent) => {
    if (!file || reported.has(message)) return;
    reported.add(message);
    const offset = node.position?.start.offset;
    const place = toPlace && offset !== undefined ? toPlace(offset) : node.position?.start;
    file.message(message, { place, ruleId: rule });
  };
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
        if (UNSAFE_ELEMENTS.has(child.tagName)) {
          report('certplan:unsafe-html', `dropped <${child.tagName}> element`, child);
          continue;
        }
        for (const key of Object.keys(child.properties)) {
          const value = child.properties[key];
          if (/^on/i.test(key)) {
            report('certplan:unsafe-html', `dropped event-handler attribute ${key}`, child);
            delete child.properties[key];
          } else if (typeof value === 'string' && /^\s*(?:javascript|vbscript|data):/i.test(value)) {
            report('certplan:unsafe-html', `dropped ${key} with a script URL`, child);
            delete child.properties[key];
          }
        }
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
export function plainTextToMdast(text: string): Root {
  const children: RootContent[] = [];
  let list: List | null = null;
  let offset = 0;
  let lineNo = 1;
  const lines = text.split('\n');
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
    const next = lines.slice(i + 1).find((l) => l.trim() !== '');
    if (next !== undefined && isTitleLike(body)) {
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
