/**
 * Finds a string value inside raw JSON text by key path and maps each decoded character to its offset in the
 * raw text, so positions inside an embedded HTML body can be cited as raw-file lines and columns.
 */
export interface LocatedString {
  value: string;
  /** map[i] = raw offset of decoded char i; map[value.length] = offset of the closing quote. */
  map: Int32Array;
}

export function findJsonStringLiteral(raw: string, path: readonly string[]): LocatedString | null {
  type Frame = { kind: 'object'; key: string | null; awaitKey: boolean } | { kind: 'array' };
  const stack: Frame[] = [];
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const c = raw[i];
    if (c === '{') {
      stack.push({ kind: 'object', key: null, awaitKey: true });
      i++;
    } else if (c === '[') {
      stack.push({ kind: 'array' });
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      i++;
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.kind === 'object') top.awaitKey = true;
      i++;
    } else if (c === '"') {
      const top = stack[stack.length - 1];
      const isKey = top?.kind === 'object' && top.awaitKey;
      const wanted =
        !isKey &&
        stack.length === path.length &&
        stack.every((frame, depth) => frame.kind === 'object' && frame.key === path[depth]);
      const decoded = decodeStringAt(raw, i, wanted);
      if (isKey && top?.kind === 'object') {
        top.key = decoded.value;
        top.awaitKey = false;
      } else if (wanted && decoded.map) {
        return { value: decoded.value, map: decoded.map };
      }
      i = decoded.end;
    } else {
      i++;
    }
  }
  return null;
}

function decodeStringAt(
  raw: string,
  quote: number,
  withMap: boolean,
): { value: string; end: number; map: Int32Array | null } {
  const parts: string[] = [];
  const offsets: number[] = [];
  let i = quote + 1;
  while (i < raw.length && raw[i] !== '"') {
    if (raw[i] === '\\') {
      const e = raw[i + 1];
      let ch: string;
      let len = 2;
      if (e === 'u') {
        ch = String.fromCharCode(Number.parseInt(raw.slice(i + 2, i + 6), 16));
        len = 6;
      } else {
        ch = ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[e as string] ?? (e as string);
      }
      parts.push(ch);
      if (withMap) offsets.push(i);
      i += len;
    } else {
      parts.push(raw[i] as string);
      if (withMap) offsets.push(i);
      i++;
    }
  }
  if (withMap) offsets.push(i);
  return { value: parts.join(''), end: i + 1, map: withMap ? Int32Array.from(offsets) : null };
}
