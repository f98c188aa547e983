/**
 * Word wrap for the terminal views (`pnpm conflicts`): `text` split on whitespace into lines of at most `width`
 * characters, the first line starting with `first` and the others with `rest`. A word longer than a line (a long
 * file path) is cut, wherever it falls, so a side-by-side column never spills into the next one. Widths smaller
 * than a prefix plus one character still make progress (one character per line).
 */
export function wrapWords(text: string, width: number, first = '', rest = ''): string[] {
  const lines: string[] = [];
  let prefix = first;
  let line = first;
  const newLine = () => {
    lines.push(line);
    prefix = rest;
    line = rest;
  };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    // The word goes on a line of its own when it does not fit after what this line holds.
    if (line !== prefix && line.length + 1 + word.length > width) newLine();
    let remaining = word;
    // Longer than a whole line: cut it.
    while (line === prefix && prefix.length + remaining.length > width) {
      const cut = Math.max(1, width - prefix.length);
      line = prefix + remaining.slice(0, cut);
      remaining = remaining.slice(cut);
      if (remaining === '') break;
      newLine();
    }
    if (remaining === '') continue;
    line = line === prefix ? line + remaining : `${line} ${remaining}`;
  }
  if (line !== prefix || lines.length === 0) lines.push(line);
  return lines;
}
