/**
 * The linear view of an mdast tree that extractors read: blocks (headings, paragraphs, list items, table
 * rows) in document order, each with its heading path, its text, and a map from every character back to the
 * raw file. `text` joins the blocks with newlines and is what `sources[i].text` holds, so a fact's quote is
 * always `text.slice(start, end)`.
 */
import type { List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';

export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'tableRow';

export interface Block {
  index: number;
  kind: BlockKind;
  /** Heading depth (1-6; pseudo headings made of bold text get 6), or list nesting depth. */
  depth: number;
  text: string;
  /** Offset of the block's first character in the document text. */
  start: number;
  /** Raw-file offset of each character of `text`. */
  rawOffsets: Int32Array;
  /** Heading path above the block (for a heading: its ancestors). */
  section: string[];
  /** Blocks of one list / table share a group id; `order` is the position within the group. */
  group: number | null;
  order: number;
  ordered: boolean;
  /** Table rows: the cells' texts; `header` for the first row of a table. */
  cells?: string[];
  header?: boolean;
}

export interface DocumentModel {
  text: string;
  blocks: Block[];
}

interface Leaf {
  value: string;
  offset: number | null;
  end: number | null;
  /** A line break inside the block (`<br>`, a Markdown hard break): the text gets a `\n` there. */
  hard?: true;
}

/**
 * Unrendered WordPress shortcodes: `[name attr="…"]`, `[/name]`, `[name … /]`. Names are lower-case words;
 * the bracket runs are bounded by the next bracket, so scanning is linear.
 */
const SHORTCODE = /\[(\/?)([a-z][a-z0-9_-]*)((?:\s[^[\]]*)?)\]/g;
/** An attribute as shortcodes write them (`id="attachment_5"`, `align=center`). */
const SHORTCODE_ATTRIBUTE = /^\s+[a-z_][\w-]*\s*=/i;
/** `<br>` as inline HTML in Markdown (`65<br>questions`, table cells). */
const BR_TAG = /^<br\s*\/?>$/i;

/** A list or table whose text is mostly link text is navigation or advertising, not article content. */
const BOILERPLATE_LINK_SHARE = 0.6;

export function buildDocument(tree: Root, toRawOffset: (o: number) => number, file: VFile | null): DocumentModel {
  const shortcodes = new Shortcodes(tree);
  const phrasingLeaves = (children: readonly PhrasingContent[], breaks = true) =>
    collectLeaves(children, shortcodes, breaks);
  const blocks: Block[] = [];
  const headingStack: Array<{ depth: number; text: string }> = [];
  let textLength = 0;
  let groupCounter = 0;

  const pushBlock = (
    kind: BlockKind,
    depth: number,
    leaves: Leaf[] | { text: string; offsets: Int32Array },
    extra: Partial<Pick<Block, 'group' | 'order' | 'ordered' | 'cells' | 'header'>> = {},
  ) => {
    const { text, offsets } = Array.isArray(leaves) ? joinLeaves(leaves, toRawOffset) : leaves;
    if (!text) return;
    if (kind === 'heading') {
      while (headingStack.length > 0 && (headingStack[headingStack.length - 1] as { depth: number }).depth >= depth)
        headingStack.pop();
    }
    const section = headingStack.map((h) => h.text);
    const start = blocks.length === 0 ? 0 : textLength + 1;
    blocks.push({
      index: blocks.length,
      kind,
      depth,
      text,
      start,
      rawOffsets: offsets,
      section,
      group: extra.group ?? null,
      order: extra.order ?? 0,
      ordered: extra.ordered ?? false,
      ...(extra.cells ? { cells: extra.cells, header: extra.header ?? false } : {}),
    });
    textLength = start + text.length;
    if (kind === 'heading') headingStack.push({ depth, text });
  };

  const visitList = (list: List, depth: number) => {
    if (isMostlyLinks(list)) {
      reportBoilerplate(file, list, toRawOffset);
      return;
    }
    const group = ++groupCounter;
    list.children.forEach((item: ListItem, order) => {
      let first = true;
      for (const child of item.children) {
        if (child.type === 'paragraph' || child.type === 'heading') {
          pushBlock('listItem', depth, phrasingLeaves(child.children), { group, order, ordered: !!list.ordered });
          first = false;
        } else if (child.type === 'list') visitList(child, depth + 1);
        else visitFlow(child as RootContent, depth);
      }
      void first;
    });
  };

  const visitTable = (table: Table) => {
    if (isMostlyLinks(table)) {
      reportBoilerplate(file, table, toRawOffset);
      return;
    }
    const group = ++groupCounter;
    let order = 0;
    table.children.forEach((row, index) => {
      const header = index === 0;
      // A break inside a cell is a line boundary: a body row whose cells hold several lines is read as that
      // many rows, line by line (a header cell's lines are one name, joined by a space).
      const cellLines = row.children.map((cell) =>
        splitLines(joinLeaves(phrasingLeaves(cell.children, !header), toRawOffset)),
      );
      const height = Math.max(1, ...cellLines.map((lines) => lines.length));
      for (let line = 0; line < height; line++) {
        // Cells are joined with " | " exactly, so each cell's span in the row text follows from `cells`.
        const cells: string[] = [];
        const offsets: number[] = [];
        cellLines.forEach((lines, i) => {
          const joined = lines[line] ?? { text: '', offsets: new Int32Array(0) };
          if (i > 0) {
            const at = offsets[offsets.length - 1] ?? joined.offsets[0] ?? 0;
            offsets.push(at, at, at);
          }
          cells.push(joined.text);
          offsets.push(...joined.offsets);
        });
        if (cells.every((c) => c === '')) continue;
        pushBlock(
          'tableRow',
          0,
          { text: cells.join(' | '), offsets: Int32Array.from(offsets) },
          { group, order: order++, cells, header },
        );
      }
    });
  };

  const visitFlow = (node: RootContent, listDepth: number) => {
    switch (node.type) {
      case 'heading':
        // A heading names a section: a break inside it is only a space.
        pushBlock('heading', node.depth, phrasingLeaves(node.children, false));
        return;
      case 'paragraph': {
        if (isPseudoHeading(node)) pushBlock('heading', 6, phrasingLeaves(node.children, false));
        else pushBlock('paragraph', 0, phrasingLeaves(node.children));
        return;
      }
      case 'list':
        visitList(node, listDepth + 1);
        return;
      case 'table':
        visitTable(node);
        return;
      case 'blockquote':
        for (const child of node.children) visitFlow(child, listDepth);
        return;
      default:
        // Code, raw HTML, front matter, thematic breaks, definitions: not article prose.
        return;
    }
  };

  for (const node of tree.children) visitFlow(node, 0);
  shortcodes.report(file, toRawOffset);
  return { text: blocks.map((b) => b.text).join('\n'), blocks };
}

/** A joined text cut at its `\n`s, each line with its own offsets. */
function splitLines(joined: { text: string; offsets: Int32Array }): Array<{ text: string; offsets: Int32Array }> {
  if (!joined.text.includes('\n')) return [joined];
  const out: Array<{ text: string; offsets: Int32Array }> = [];
  let start = 0;
  for (const line of joined.text.split('\n')) {
    out.push({ text: line, offsets: joined.offsets.slice(start, start + line.length) });
    start += line.length + 1;
  }
  return out;
}

/**
 * Shortcode markup in a document's text. A closing tag `[/name]` is always markup; an opening `[name]` is markup
 * when the same name is closed somewhere in the document, or when it carries attributes (`[caption id="…"]`) or
 * closes itself (`[name … /]`). A bracketed word that is none of these (`[sic]`, `[1]`) stays text.
 */
class Shortcodes {
  private readonly closed = new Set<string>();
  private readonly removed = new Map<string, number | null>();
  constructor(tree: Root) {
    const stack: Nodes[] = [tree];
    while (stack.length > 0) {
      const node = stack.pop() as Nodes;
      if (node.type === 'text' && node.value.includes('[/')) {
        for (const m of node.value.matchAll(SHORTCODE)) if (m[1]) this.closed.add(m[2] as string);
      }
      if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
    }
  }

  /** The spans of `value` that are shortcode markup, in order. */
  spans(value: string, offset: number | null): Array<[number, number]> {
    if (!value.includes('[')) return [];
    const out: Array<[number, number]> = [];
    for (const m of value.matchAll(SHORTCODE)) {
      const [whole, slash, name, attributes] = m as unknown as [string, string, string, string];
      const markup =
        slash === '/' ||
        this.closed.has(name) ||
        SHORTCODE_ATTRIBUTE.test(attributes) ||
        attributes.trimEnd().endsWith('/');
      if (!markup) continue;
      out.push([m.index, m.index + whole.length]);
      if (!this.removed.has(name)) this.removed.set(name, offset === null ? null : offset + m.index);
    }
    return out;
  }

  report(file: VFile | null, toRawOffset: (o: number) => number): void {
    if (!file || this.removed.size === 0) return;
    const first = [...this.removed.values()].find((o) => o !== null) ?? null;
    const place = first === null ? undefined : location(file).toPoint(toRawOffset(first));
    const names = [...this.removed.keys()].map((n) => `[${n}]`).join(', ');
    file.message(`removed unrendered shortcode markup (${names}), keeping the text inside it`, {
      place,
      ruleId: 'certplan:shortcode',
    });
  }
}

/**
 * The message points into the raw file, like facts' `line`: tree positions are offsets in the parser's input,
 * which for a WordPress post is the HTML inside one JSON line, not the file the user opens.
 */
function reportBoilerplate(file: VFile | null, node: Nodes, toRawOffset: (o: number) => number) {
  if (!file) return;
  const offset = node.position?.start.offset;
  const place = offset === undefined ? undefined : location(file).toPoint(toRawOffset(offset));
  file.info(`dropped a ${node.type} made mostly of links (boilerplate)`, { place, ruleId: 'certplan:boilerplate' });
}

/** A paragraph that is only bold text and short: WordPress editors often write headings like that. */
function isPseudoHeading(node: Paragraph): boolean {
  const meaningful = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  if (meaningful.length !== 1 || meaningful[0]?.type !== 'strong') return false;
  const text = flatText(meaningful[0]).trim();
  return text.length > 0 && text.length <= 120 && !/[.;,]$/.test(text);
}

function flatText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(flatText).join('');
  return '';
}

function isMostlyLinks(node: List | Table): boolean {
  let total = 0;
  let linked = 0;
  let items = 0;
  const walk = (n: Nodes, inLink: boolean) => {
    if (n.type === 'text' || n.type === 'inlineCode') {
      const len = n.value.replace(/\s+/g, '').length;
      total += len;
      if (inLink) linked += len;
      return;
    }
    if (n.type === 'listItem' || n.type === 'tableRow') items++;
    if ('children' in n)
      for (const c of n.children as Nodes[]) walk(c, inLink || n.type === 'link' || n.type === 'linkReference');
  };
  walk(node, false);
  return items >= 2 && total > 0 && linked / total >= BOILERPLATE_LINK_SHARE;
}

function collectLeaves(children: readonly PhrasingContent[], shortcodes: Shortcodes, breaks: boolean): Leaf[] {
  const leaves: Leaf[] = [];
  const lineBreak = (node: PhrasingContent) =>
    leaves.push(
      breaks
        ? { value: '\n', offset: node.position?.start.offset ?? null, end: null, hard: true }
        : { value: ' ', offset: node.position?.start.offset ?? null, end: null },
    );
  const walk = (node: PhrasingContent) => {
    switch (node.type) {
      case 'text': {
        const offset = node.position?.start.offset ?? null;
        const end = node.position?.end.offset ?? null;
        const cut = shortcodes.spans(node.value, offset);
        // Offsets of the kept pieces stay exact only when the text is its source span (no entities decoded).
        const exact = offset !== null && end !== null && end - offset === node.value.length;
        let from = 0;
        for (const [start, stop] of [...cut, [node.value.length, node.value.length] as [number, number]]) {
          if (start > from) {
            const piece = node.value.slice(from, start);
            leaves.push(
              exact
                ? { value: piece, offset: (offset as number) + from, end: (offset as number) + start }
                : { value: piece, offset, end },
            );
          }
          from = stop;
        }
        return;
      }
      case 'inlineCode':
        leaves.push({
          value: node.value,
          offset: node.position?.start.offset ?? null,
          end: node.position?.end.offset ?? null,
        });
        return;
      case 'break':
        lineBreak(node);
        return;
      case 'html':
        if (BR_TAG.test(node.value.trim())) lineBreak(node);
        return;
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        return;
      default:
        if ('children' in node) for (const child of node.children) walk(child as PhrasingContent);
    }
  };
  for (const child of children) walk(child);
  return leaves;
}

/** Joins inline leaves, collapsing whitespace runs, keeping a raw offset for every character. */
/** What `/\s/` matches, by UTF-16 code unit: joinLeaves runs once per character of the corpus. */
function isSpace(code: number): boolean {
  return code <= 0x20
    ? code === 0x20 || (code >= 0x09 && code <= 0x0d)
    : code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff;
}

function joinLeaves(leaves: Leaf[], toRawOffset: (o: number) => number): { text: string; offsets: Int32Array } {
  let capacity = 0;
  for (const leaf of leaves) capacity += leaf.value.length;
  // One offset per output character; the text is built in runs of kept characters, not one string per char.
  // The runs are collected in an array and the last character written is kept in `last`: reading it back from a
  // growing concatenated string makes V8 flatten the string each time, which is quadratic on long lines.
  const offsets = new Int32Array(capacity);
  const parts: string[] = [];
  let last = -1;
  let length = 0;
  let lastRaw = 0;
  const write = (run: string) => {
    if (run.length === 0) return;
    parts.push(run);
    last = run.charCodeAt(run.length - 1);
  };
  // Drops trailing characters whose code is in `codes` (spaces before a line boundary or at the end).
  const trimEnd = (codes: readonly number[]) => {
    while (length > 0 && codes.includes(last)) {
      const tail = parts[parts.length - 1] as string;
      if (tail.length === 1) parts.pop();
      else parts[parts.length - 1] = tail.slice(0, -1);
      length--;
      const now = parts[parts.length - 1];
      last = now === undefined ? -1 : now.charCodeAt(now.length - 1);
    }
  };
  for (const leaf of leaves) {
    const { value } = leaf;
    if (leaf.hard) {
      // A line boundary: trailing spaces before it go, and it is written once, never at the start.
      trimEnd([0x20]);
      if (length > 0 && last !== 0x0a) {
        offsets[length++] = leaf.offset === null ? lastRaw : toRawOffset(leaf.offset);
        write('\n');
      }
      continue;
    }
    const span = leaf.offset !== null && leaf.end !== null ? leaf.end - leaf.offset : null;
    let runStart = 0;
    for (let i = 0; i < value.length; i++) {
      // Entities and escapes make the decoded text shorter than its source span; clamp into the span.
      const inputOffset =
        leaf.offset === null ? null : leaf.offset + (span === null ? i : Math.min(i, Math.max(0, span - 1)));
      const raw = inputOffset === null ? lastRaw : toRawOffset(inputOffset);
      lastRaw = raw;
      const code = value.charCodeAt(i);
      if (isSpace(code)) {
        // The character before this one in the output: the run's last, or the last one written.
        const previous = i > runStart ? value.charCodeAt(i - 1) : last;
        const collapses = length === 0 || previous === 0x20 || previous === 0x0a;
        if (code === 0x20 && !collapses) {
          // A single space between words stays in the run: breaking runs at every word made a million strings
          // for a 5 MB line.
          offsets[length++] = raw;
          continue;
        }
        write(value.slice(runStart, i));
        runStart = i + 1;
        if (collapses) continue;
        write(' ');
      }
      offsets[length++] = raw;
    }
    write(value.slice(runStart));
  }
  trimEnd([0x20, 0x0a]);
  return { text: parts.join(''), offsets: offsets.slice(0, length) };
}

/**
 * Sums of a per-block weight over runs of consecutive blocks (a list's items, a table's rows, a stretch of
 * "Label: value" paragraphs), computed in one pass each way. Questions asked of every item of a run ("how many
 * of my siblings are weighted?") then cost the run's length once, not once per item: a 100 KB list of 25,000
 * items is read in linear time (issue 12, case 6).
 *
 * `joins(a, b)` says whether `b`, the block right after `a`, continues `a`'s run. `through[i]` is the sum from
 * the first block of i's run up to i; `from[i]` the sum from i to the run's last block (`from[blocks.length]` is
 * 0). The sum over the whole run around i is `through[i] + (joins(i, i + 1) ? from[i + 1] : 0)`.
 */
export function runSums(
  blocks: readonly Block[],
  joins: (a: Block, b: Block) => boolean,
  weight: (b: Block) => number,
): { through: Float64Array; from: Float64Array } {
  const n = blocks.length;
  const through = new Float64Array(n);
  const from = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const b = blocks[i] as Block;
    through[i] = weight(b) + (i > 0 && joins(blocks[i - 1] as Block, b) ? (through[i - 1] as number) : 0);
  }
  for (let i = n - 1; i >= 0; i--) {
    const b = blocks[i] as Block;
    from[i] = weight(b) + (i + 1 < n && joins(b, blocks[i + 1] as Block) ? (from[i + 1] as number) : 0);
  }
  return { through, from };
}
