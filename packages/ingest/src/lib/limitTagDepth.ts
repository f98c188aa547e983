/**
 * A bound on HTML nesting applied to the text itself, before any parser runs: the parser's tree adapter recurses
 * once per level, so the bound cannot wait for a tree.
 */

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
