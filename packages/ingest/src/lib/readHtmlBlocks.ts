/**
 * Raw HTML inside Markdown (a pasted `<table>`, a component tag): read through the same HTML path as a WordPress
 * post and spliced into the Markdown tree with positions in the Markdown file. Its own file because it joins
 * the two readers: Markdown's tree and htmlToMdast.
 */

import type { Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { componentNodes } from './componentRecords.ts';
import { htmlToMdast } from './htmlToMdast.ts';

/**
 * Raw HTML blocks in Markdown (a `<table>` or `<p>` an editor pasted) are read as HTML, through the same parser
 * and allow-list as a WordPress post, and their blocks take the HTML block's place. Positions are shifted back
 * into the Markdown file, so facts from them cite the right line. Comments and lone tags stay out.
 */
export function readHtmlBlocks(tree: Root, text: string, file: VFile): void {
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
