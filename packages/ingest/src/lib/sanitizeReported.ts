/**
 * What of an article's HTML is kept (an allow-list) and what the maintainer is told was dropped. Apart from the
 * conversion because it is the trust boundary for HTML: scripts, event handlers and non-http(s) URLs end here.
 */

import type { RootContent as HastContent, Root as HastRoot } from 'hast';
import { defaultSchema, type Schema, sanitize } from 'hast-util-sanitize';

/** Elements whose content is never article text; dropped before conversion (they may carry payloads). */
export const UNSAFE_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'noscript',
  'template',
  'form',
]);

/** Reports a problem about one node: its rule id, its message and the node (for the place). */
export type Report = (rule: string, message: string, node: HastContent) => void;

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
export function sanitizeReported(root: HastRoot, report: Report): HastRoot {
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
