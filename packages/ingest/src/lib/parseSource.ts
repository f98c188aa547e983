/**
 * Turning one raw file into a document: detect its format from its text (never its name), pull the metadata
 * it carries, and parse it into mdast, the one document model every format shares. Positions in the tree are
 * offsets in the parser's input; `toRawOffset` maps them back to the raw file so facts can cite a raw line.
 * Each format has its own reader (parseWordPress, parseMarkdown, plainTextToMdast); this is where they meet.
 */

import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { type DetectedFormat, detectFormat } from './detectFormat.ts';
import type { FileMetadata } from './frontMatter.ts';
import { parseMarkdown } from './parseMarkdown.ts';
import { parseWordPress } from './parseWordPress.ts';
import { plainTextToMdast } from './plainTextToMdast.ts';

export type { DetectedFormat } from './detectFormat.ts';
export type { FileMetadata } from './frontMatter.ts';

export interface ParsedSource {
  format: DetectedFormat;
  metadata: FileMetadata;
  tree: Root;
  /** Maps an offset in the parser input (tree positions) to an offset in the raw file's text. */
  toRawOffset: (inputOffset: number) => number;
}

export function parseSource(text: string, file: VFile): ParsedSource {
  const format = detectFormat(text);
  if (format === 'wordpress') return parseWordPress(text, file);
  if (format === 'markdown') return parseMarkdown(text, file);
  return { format, metadata: {}, tree: plainTextToMdast(text), toRawOffset: (o) => o };
}
