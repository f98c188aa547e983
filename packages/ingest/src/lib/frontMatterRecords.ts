/**
 * Facts in YAML front matter: static-site pages often state them there, in a summary field (`description:`,
 * `tldr:`, `summary:`, `excerpt:`) or as fields of their own (`duration: 90 minutes`, `exam_fee: $150`). The
 * fields become mdast placed before the body, with exact positions (facts cite the field's own line):
 * - a short string value becomes a two-column row `| duration | 90 minutes |` (the extractors read the key as a
 *   field label through their lexicons, as for a table row or a component attribute);
 * - a long one (a sentence or more) becomes a paragraph of prose.
 * Keys that are page plumbing (title, dates, tags, layout, links, images…) are left to the metadata reader:
 * they say what the page is, not what the exam is; so is a bare date, unless its key names when the exam was
 * released or retires (`release_date: 2026-04-14`). Only top-level string scalars are read; nothing is evaluated.
 */
import type { RootContent, TableRow, Text } from 'mdast';
import type { Point } from 'unist';
import { isMap, isScalar, parseDocument, type Scalar } from 'yaml';

/** Keys that describe the page, not the exam. */
const PLUMBING =
  /^(?:title|date|published|updated|modified|lastmod|created|draft|tags|categories|category|keywords|layout|slug|permalink|url|link|canonical\w*|image|cover\w*|thumbnail|author\w*|lang|locale|template|type|id|weight|order|sidebar\w*|nav\w*|toc|comments|series|aliases|redirect\w*|head|meta\w*|og\w*|twitter\w*|pubdate|publishdate)$/i;
/** A value that is an address: page metadata. */
const ADDRESS = /^(?:[a-z][a-z0-9+.-]*:\/\/|\.{0,2}\/|#)/i;
/** A bare date or timestamp: page metadata, unless its key names an event of the exam (EXAM_EVENT_KEY). */
const BARE_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.+Z-]*)?$/;
/** Keys whose date is the exam's: `release_date: 2026-04-14`, `retirement: 2026-03-31`, `ga: …`. */
const EXAM_EVENT_KEY = /(?:^|[\s_-])(?:releas|launch|retire|sunset|ga\b|general|availab)/i;
/** Longer than this (or with a sentence end inside), a value is prose rather than a field's value. */
const FIELD_VALUE_MAX = 60;

const labelWords = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ');

/**
 * mdast for the string fields of a YAML front matter block whose content (`yaml`, without the fences) starts at
 * `base` in the source; `pointAt` turns a source offset into a position. Bad YAML yields nothing here (the
 * metadata reader reports it).
 */
export function frontMatterNodes(yaml: string, base: number, pointAt: (offset: number) => Point): RootContent[] {
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(yaml, { keepSourceTokens: false, uniqueKeys: false });
  } catch {
    return [];
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) return [];
  const text = (value: string, at: number, length: number): Text => ({
    type: 'text',
    value,
    position: { start: pointAt(base + at), end: pointAt(base + at + length) },
  });
  const rows: TableRow[] = [];
  const prose: RootContent[] = [];
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value)) continue;
    const key = String(pair.key.value);
    const value = pair.value as Scalar;
    if (typeof value.value !== 'string' || PLUMBING.test(key) || !pair.key.range || !value.range) continue;
    // The source span of the characters themselves: inside the quotes of a quoted scalar.
    const quoted = value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE';
    const plain = quoted || value.type === 'PLAIN';
    const [from, to] = value.range;
    const start = quoted ? from + 1 : from;
    const end = quoted ? to - 1 : to;
    // Block scalars (| and >) and escapes change the text against its source: keep the parsed text, placed at
    // the value's start (quotes may then point a few characters off, never outside the field).
    const source = yaml.slice(start, end);
    const exact = plain && source === value.value;
    const body = exact ? source : value.value;
    const trimmed = body.trim();
    if (trimmed === '' || ADDRESS.test(trimmed)) continue;
    if (BARE_DATE.test(trimmed) && !EXAM_EVENT_KEY.test(labelWords(key))) continue;
    const node = text(body, start, exact ? body.length : Math.max(1, end - start));
    if (trimmed.length <= FIELD_VALUE_MAX && !/[.!?]\s/.test(trimmed)) {
      const [keyFrom] = pair.key.range;
      rows.push({
        type: 'tableRow',
        children: [
          { type: 'tableCell', children: [text(labelWords(key), keyFrom, key.length)] },
          { type: 'tableCell', children: [node] },
        ],
      });
    } else prose.push({ type: 'paragraph', children: [node] });
  }
  const out: RootContent[] = [];
  if (rows.length > 0) {
    // A header row the reader skips as a label ("front matter"), so every field is a body row.
    const header: TableRow = {
      type: 'tableRow',
      children: [
        { type: 'tableCell', children: [{ type: 'text', value: 'front matter' }] },
        { type: 'tableCell', children: [] },
      ],
    };
    out.push({ type: 'table', align: [null, null], children: [header, ...rows] });
  }
  return [...out, ...prose];
}
