/**
 * Plain text (and Markdown past parseMarkdown's limits) into mdast, line by line in one linear pass: the reader
 * that has no parser to lean on, so headings and lists are recognised from how lines look.
 */

import type { Heading, List, ListItem, Paragraph, Root, RootContent, Text } from 'mdast';

/**
 * Plain text into mdast: one block per line. Lines with a list marker become list items, short title-like
 * lines become headings (a vendor page copied as text keeps its headings only as such lines).
 */
export function plainTextToMdast(
  text: string,
  origin: { offset: number; line: number } = { offset: 0, line: 1 },
): Root {
  const children: RootContent[] = [];
  let list: List | null = null;
  let offset = origin.offset;
  let lineNo = origin.line;
  const lines = text.split('\n');
  // Whether a non-blank line follows line i, computed once backwards: scanning ahead from every line was
  // quadratic in the number of lines.
  const blankToEnd = new Uint8Array(lines.length + 1);
  blankToEnd[lines.length] = 1;
  for (let i = lines.length - 1; i >= 0; i--)
    blankToEnd[i] = (lines[i] as string).trim() === '' && blankToEnd[i + 1] === 1 ? 1 : 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    const currentLine = lineNo++;
    const lead = line.length - line.trimStart().length;
    const content = line.trim();
    if (!content) {
      list = null;
      continue;
    }
    // An ATX heading (`## Domains`): only Markdown read line by line has them (a text file with one is Markdown).
    const atx = /^(#{1,6})[ \t]+(?=\S)/.exec(content);
    if (atx) {
      const start = lineStart + lead + atx[0].length;
      const at = { line: currentLine, column: lead + 1 + atx[0].length, offset: start };
      const end = { line: currentLine, column: line.length + 1, offset: lineStart + line.length };
      const value = content.slice(atx[0].length);
      const title: Text = { type: 'text', value, position: { start: at, end } };
      children.push({
        type: 'heading',
        depth: (atx[1] as string).length as Heading['depth'],
        children: [title],
        position: { start: at, end },
      });
      list = null;
      continue;
    }
    const marker = /^(?:[-*•●▪◦–]|\d{1,2}[.)])\s+/.exec(content);
    const bodyStart = lineStart + lead + (marker ? marker[0].length : 0);
    const body = marker ? content.slice(marker[0].length) : content;
    const position = {
      start: { line: currentLine, column: lead + 1 + (marker ? marker[0].length : 0), offset: bodyStart },
      end: { line: currentLine, column: line.length + 1, offset: lineStart + line.length },
    };
    const textNode: Text = { type: 'text', value: body, position };
    const paragraph: Paragraph = { type: 'paragraph', children: [textNode], position };
    if (marker) {
      if (!list) {
        list = { type: 'list', ordered: /\d/.test(marker[0]), spread: false, children: [], position };
        children.push(list);
      }
      const item: ListItem = { type: 'listItem', spread: false, children: [paragraph], position };
      list.children.push(item);
      if (list.position) list.position.end = position.end;
      continue;
    }
    list = null;
    if (blankToEnd[i + 1] === 0 && isTitleLike(body)) {
      children.push({ type: 'heading', depth: 2, children: [textNode], position });
    } else {
      children.push(paragraph);
    }
  }
  return { type: 'root', children };
}

/** A short line that names a section rather than says something: few words, no closing punctuation. */
export function isTitleLike(line: string): boolean {
  const words = line.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 12 || line.length > 90) return false;
  if (/[.,;:!?]$/.test(line) || !/[A-Za-z]/.test(line)) return false;
  if (!/^[\p{Lu}\d]/u.test(line)) return false;
  // "Exam fee: $200" is a labelled value, not a heading.
  // "Exam fee: $200" or "Languages offered: English" is a labelled value; "Step 1: Get experience" is a heading.
  if (/:\s+\S/.test(line) && !/^(?:Step|Part|Section|Chapter|Module|Phase|Domain|Lesson)\s+\d+\s*:/i.test(line))
    return false;
  return true;
}
