/**
 * A source's format from its text, never its name: a file's extension says what a tool saved, not what it holds
 * (a WordPress export saved as .md, Markdown saved as .txt). The one decision every other reader depends on.
 */

export type DetectedFormat = 'wordpress' | 'markdown' | 'text';

/** `'wordpress'` for JSON, `'markdown'` for front matter or Markdown's own syntax, else `'text'`. */
export function detectFormat(text: string): DetectedFormat {
  const head = text.trimStart();
  if (head.startsWith('{')) return 'wordpress';
  // Front matter as static-site generators write it: YAML between `---` lines, TOML between `+++` lines.
  if (/^(?:---|\+\+\+)\r?\n/.test(text)) return 'markdown';
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
