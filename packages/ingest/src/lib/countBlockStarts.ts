/**
 * How much Markdown a text holds, counted in one linear pass without a parser: parseMarkdown compares these
 * counts with its limits before handing the text to micromark, whose cost grows with lines and blocks.
 */

/**
 * Lines that start a Markdown block, counted up to `enough` (one pass, no regex): a non-blank line after a blank
 * line, a heading or the start, and any line whose first character after indentation and `>` markers is a list marker
 * (`-`, `*`, `+`, or digits then `.` or `)`, followed by a space, a tab or the line's end) or `#`, and any line
 * with a `|` (a possible table row).
 */
export function countBlockStarts(text: string, enough: number): number {
  let count = 0;
  let lineStart = 0;
  let previousBlank = true;
  let nextPipe = text.indexOf('|');
  while (lineStart <= text.length && count < enough) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let i = lineStart;
    for (let c = text.charCodeAt(i); i < lineEnd && (c === 32 || c === 9 || c === 62 || c === 13); )
      c = text.charCodeAt(++i);
    const blank = i >= lineEnd;
    // The next `|` at or after this line, found again only once passed: one scan of the text in all.
    if (nextPipe !== -1 && nextPipe < i) nextPipe = text.indexOf('|', i);
    const pipe = nextPipe !== -1 && nextPipe < lineEnd;
    if (!blank && (previousBlank || pipe || startsBlock(text, i, lineEnd))) count++;
    // A heading is one line: the next non-blank line starts a block of its own.
    previousBlank = blank || text.charCodeAt(i) === 35;
    lineStart = lineEnd + 1;
  }
  return count;
}

function startsBlock(text: string, i: number, lineEnd: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 35) return true;
  let j = i;
  if (c === 45 || c === 42 || c === 43) j = i + 1;
  else {
    while (j < lineEnd && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    if (j === i || !(text.charCodeAt(j) === 46 || text.charCodeAt(j) === 41)) return false;
    j++;
  }
  const after = j < lineEnd ? text.charCodeAt(j) : 32;
  return after === 32 || after === 9 || after === 13;
}

/** Lines of `text` (LF-separated), counted up to `enough`. */
export function countLines(text: string, enough: number): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1 && count < enough; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
