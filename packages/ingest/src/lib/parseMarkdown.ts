/**
 * A Markdown source: front matter (YAML or TOML) into metadata and records, the body through remark with GFM,
 * and raw HTML blocks read as HTML. Past the block or line limit the body is read as plain text instead, because
 * micromark's cost per line and per block would make a dump or an attack take seconds.
 */

import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { countBlockStarts, countLines } from './countBlockStarts.ts';
import { type FileMetadata, readTomlFrontMatter, readYamlFrontMatter } from './frontMatter.ts';
import { frontMatterNodes } from './frontMatterRecords.ts';
import type { ParsedSource } from './parseSource.ts';
import { plainTextToMdast } from './plainTextToMdast.ts';
import { readHtmlBlocks } from './readHtmlBlocks.ts';
import { remarkGfmFor } from './remarkGfmFor.ts';

/**
 * Limits past which a Markdown source is read by the plain-text reader (issue 12, case 6). micromark spends a fixed
 * time on every line (15–80 µs of CPU) and more on every block (130–190 µs: a tokenizer per block's content), so
 * 100 KB of one-word list items took 5–8 s to parse and 100 KB of empty lines over a second; the plain-text reader
 * is linear at a few µs per line. Real articles hold a few hundred blocks and a few thousand lines; a source past
 * either limit is a dump or an attack, and both limits together keep Markdown parsing near a second.
 */
export const MAX_MARKDOWN_BLOCKS = 4_000;
export const MAX_MARKDOWN_LINES = 20_000;

export function parseMarkdown(text: string, file: VFile): ParsedSource {
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
