/**
 * Facts written as component attributes in Markdown pages (MDX, VitePress/Vue, Astro, Docusaurus):
 * `<ExamFacts length="2 hours" fee="$150" />`, `<Card :items="[{ label: 'Part 1: Storage (30%)' }]">`. An HTML
 * sanitizer drops unknown elements with their attributes, so before that happens each component tag is read as
 * records, in mdast with exact positions (facts then cite the attribute's own line):
 * - its string attributes become a two-column table headed by the tag name (`| length | 2 hours |`), so the
 *   extractors read each attribute name as a field label through their own lexicons (`FIELD_LABELS`);
 * - an attribute whose value is an expression (`:items="[…]"`, `items={[…]}`) is read for arrays: each array
 *   is a list, each element an item (a string, or an object's `label`/`title`/`name`/`text` string), and an array
 *   inside an element is a nested list. Other keys (ids, links, storage keys) are not article text.
 * Attributes that are markup plumbing (src, href, class, style, id, key, alt, …) and values that are URLs or
 * paths are skipped. One pass over the tag text: the scanner never goes back, so the work is linear.
 */
import type { List, ListItem, RootContent, Table, TableRow, Text } from 'mdast';
import type { Point } from 'unist';

/** Attribute names that configure markup, never state a fact. */
const PLUMBING =
  /^(?:src|srcset|href|class|classname|style|id|key|ref|alt|width|height|align|target|rel|loading|role|for|slot|is|lang|dir|tabindex|storage-key|storagekey|link|to|icon|color|variant|size)$|^(?:aria|on|v)-|^on[A-Z]/;
/** Values that are addresses, not statements. */
const ADDRESS = /^(?:[a-z][a-z0-9+.-]*:|\.{0,2}\/|#)/i;
/** Keys whose string is an item's text in an array of objects. */
const ITEM_KEYS = new Set(['label', 'title', 'name', 'text', 'heading']);

interface Piece {
  value: string;
  /** Offset of `value` in the HTML text. */
  at: number;
}

interface Attribute {
  name: Piece;
  value: Piece;
  /** `:name="…"` (Vue binding) or `name={…}` (JSX expression): the value is code, not text. */
  expression: boolean;
}

interface Tag {
  name: Piece;
  attributes: Attribute[];
}

const isNameChar = (c: string) => /[\w:.@-]/.test(c);

/** The start tags of an HTML/JSX fragment and their attributes, in one forward scan. */
export function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    i = lt + 1;
    if (!/[A-Za-z]/.test(html[i] ?? '')) continue;
    const nameStart = i;
    while (i < n && /[\w.-]/.test(html[i] as string)) i++;
    const tag: Tag = { name: { value: html.slice(nameStart, i), at: nameStart }, attributes: [] };
    while (i < n) {
      while (i < n && /\s/.test(html[i] as string)) i++;
      const c = html[i];
      if (c === undefined || c === '>' || c === '<') break;
      if (c === '/') {
        i++;
        continue;
      }
      const attrStart = i;
      while (i < n && isNameChar(html[i] as string)) i++;
      if (i === attrStart) {
        i++;
        continue;
      }
      const name = { value: html.slice(attrStart, i), at: attrStart };
      while (i < n && (html[i] === ' ' || html[i] === '\t')) i++;
      if (html[i] !== '=') continue;
      i++;
      while (i < n && /\s/.test(html[i] as string)) i++;
      const open = html[i];
      if (open === '"' || open === "'") {
        const close = html.indexOf(open, i + 1);
        if (close < 0) {
          i = n;
          break;
        }
        tag.attributes.push({
          name,
          value: { value: html.slice(i + 1, close), at: i + 1 },
          expression: name.value.startsWith(':') || name.value.startsWith('v-bind:'),
        });
        i = close + 1;
      } else if (open === '{') {
        const close = matchingBrace(html, i);
        tag.attributes.push({ name, value: { value: html.slice(i + 1, close), at: i + 1 }, expression: true });
        i = close + 1;
      } else {
        while (i < n && !/[\s>]/.test(html[i] as string)) i++;
      }
    }
    tags.push(tag);
  }
  return tags;
}

/** The index of the `}` closing the `{` at `open` (strings skipped), or the text's end. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return text.length;
      i = close;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return text.length;
}

export interface ExpressionItem {
  text: Piece;
  /** Which array the item belongs to (arrays numbered in order of opening) and its nesting depth (1 = top). */
  array: number;
  depth: number;
}

/**
 * The list items of a JavaScript expression: strings that are array elements, and the first `label`-like string
 * of each object that is an array element. One forward scan with a stack of open brackets.
 */
export function expressionItems(code: string): ExpressionItem[] {
  const items: ExpressionItem[] = [];
  type Frame = { kind: '[' | '{'; array: number; depth: number; itemTaken: boolean };
  const stack: Frame[] = [];
  let arrays = 0;
  // Open arrays on the stack, counted as they open and close (never by walking the stack).
  let arrayDepth = 0;
  let key: string | null = null;
  for (let i = 0; i < code.length; i++) {
    const c = code[i] as string;
    const top = stack[stack.length - 1];
    if (c === '"' || c === "'" || c === '`') {
      const close = code.indexOf(c, i + 1);
      if (close < 0) break;
      const value = code.slice(i + 1, close);
      const after = /^\s*:/.exec(code.slice(close + 1, close + 40));
      if (after && top?.kind === '{') key = value;
      else if (top?.kind === '[') items.push({ text: { value, at: i + 1 }, array: top.array, depth: top.depth });
      else if (top?.kind === '{' && key !== null && ITEM_KEYS.has(key) && !top.itemTaken) {
        const parent = stack[stack.length - 2];
        if (parent?.kind === '[') {
          items.push({ text: { value, at: i + 1 }, array: parent.array, depth: parent.depth });
          top.itemTaken = true;
        }
      }
      i = close;
      continue;
    }
    if (c === '[') {
      arrayDepth++;
      stack.push({ kind: '[', array: arrays++, depth: arrayDepth, itemTaken: false });
    } else if (c === '{') stack.push({ kind: '{', array: -1, depth: 0, itemTaken: false });
    else if (c === ']' || c === '}') {
      if (stack.pop()?.kind === '[') arrayDepth--;
    } else if (c === ',' && top?.kind === '{') key = null;
    else if (/[A-Za-z_$]/.test(c) && top?.kind === '{') {
      let j = i;
      while (j < code.length && /[\w$]/.test(code[j] as string)) j++;
      if (/^\s*:/.test(code.slice(j, j + 20))) key = code.slice(i, j);
      i = j - 1;
    }
  }
  return items;
}

/** "passingScore", "passing_score", "passing-score" → "passing score": a label as the lexicons read labels. */
const labelWords = (name: string) =>
  name
    .replace(/^(?:v-bind)?:|^data-/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ');

/**
 * mdast for the component tags of an HTML fragment that starts at `base` in the source (`pointAt` turns a
 * source offset into a position): one table of string attributes per tag, one list per top-level array.
 */
export function componentNodes(html: string, base: number, pointAt: (offset: number) => Point): RootContent[] {
  const text = (piece: Piece, value = piece.value): Text => ({
    type: 'text',
    value,
    position: { start: pointAt(base + piece.at), end: pointAt(base + piece.at + piece.value.length) },
  });
  const row = (cells: Text[]): TableRow => ({
    type: 'tableRow',
    children: cells.map((t) => ({ type: 'tableCell', children: [t] })),
  });
  const out: RootContent[] = [];
  for (const tag of scanTags(html)) {
    // Components are capitalised (MDX, Vue SFC names) or hyphenated (custom elements); plain HTML carries no facts.
    if (!/^[A-Z]|-/.test(tag.name.value)) continue;
    const rows: TableRow[] = [];
    const lists: List[] = [];
    for (const attribute of tag.attributes) {
      const value = attribute.value.value.trim();
      if (attribute.expression) {
        const list = listOf(expressionItems(attribute.value.value), attribute.value.at, text);
        if (list) lists.push(list);
        continue;
      }
      const name = attribute.name.value;
      if (PLUMBING.test(name.toLowerCase()) || value === '' || value.length > 200 || value.includes('\n')) continue;
      if (ADDRESS.test(value)) continue;
      rows.push(row([text(attribute.name, labelWords(name)), text(attribute.value)]));
    }
    if (rows.length > 0)
      out.push({
        type: 'table',
        align: [null, null],
        children: [row([text(tag.name), { type: 'text', value: '' }]), ...rows],
      } satisfies Table);
    out.push(...lists);
  }
  return out;
}

/** The items of one expression as a (nested) mdast list, or null when it has none. */
function listOf(items: ExpressionItem[], at: number, text: (p: Piece) => Text): List | null {
  if (items.length === 0) return null;
  const root: List = { type: 'list', ordered: false, spread: false, children: [] };
  // The open list at each depth: an item at depth d goes in the list below the last item at depth d - 1.
  const open: List[] = [];
  let lastArrayAtDepth: number[] = [];
  for (const item of items) {
    const value = item.text.value.trim();
    if (value === '' || value.length > 300 || ADDRESS.test(value)) continue;
    const depth = Math.max(1, Math.min(item.depth, open.length + 1));
    let list: List;
    if (depth === 1) list = root;
    else {
      const parent = (open[depth - 2] as List).children;
      const owner = parent[parent.length - 1] as ListItem;
      const existing = lastArrayAtDepth[depth - 1] === item.array ? open[depth - 1] : undefined;
      if (existing && owner.children.includes(existing)) list = existing;
      else {
        list = { type: 'list', ordered: false, spread: false, children: [] };
        owner.children.push(list);
      }
    }
    open[depth - 1] = list;
    open.length = depth;
    lastArrayAtDepth = lastArrayAtDepth.slice(0, depth);
    lastArrayAtDepth[depth - 1] = item.array;
    list.children.push({
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children: [text({ value: item.text.value, at: at + item.text.at })] }],
    });
  }
  return root.children.length > 0 ? root : null;
}
