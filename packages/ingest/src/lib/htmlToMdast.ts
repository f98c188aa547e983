/**
 * Untrusted HTML into mdast: tags nested past a bound dropped before parsing, the parsed tree flattened where it
 * is still too deep, sanitised by allow-list, then converted. Every step is iterative or bounded, because the
 * hast and mdast utilities recurse and an article may be built to overflow the stack.
 */

import type { Element, RootContent as HastContent, Root as HastRoot } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import type { Root, Text } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { limitTagDepth } from './limitTagDepth.ts';
import { type Report, sanitizeReported, UNSAFE_ELEMENTS } from './sanitizeReported.ts';

/** HTML nested deeper than this is flattened: tree utilities recurse, and no real article nests this deep. */
export const MAX_HTML_DEPTH = 200;

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
