/**
 * Bytes to text, before any parsing: a file that is too large, binary, not UTF-8 or empty cannot be read at all
 * and is refused with core's `unreadable_source` error (rule and byte place), so the build lists it as unreadable
 * and goes on. Kept apart from parsing because the build checks bytes first and a worker decodes them again.
 */

import { CertplanError } from '@certplan/core';

/**
 * Why a file could not be read at all (CertplanError `unreadable_source`, with the rule and, when there is one,
 * the place: 1-based, columns counting bytes for encoding errors); the source is skipped and listed as unreadable.
 */
export function unreadable(message: string, ruleId: string, place: { line: number; column: number } | null = null) {
  return new CertplanError('unreadable_source', message, { ruleId, place });
}

function pointOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Larger sources are refused with a reason instead of risking the memory bound of a build. */
export const DEFAULT_MAX_SOURCE_BYTES = 5 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as UTF-8 text, refusing binary data and invalid sequences with the offending byte offset. */
export function decodeSourceBytes(bytes: Uint8Array, maxBytes = DEFAULT_MAX_SOURCE_BYTES): string {
  if (bytes.length > maxBytes) {
    throw unreadable(
      `source is ${bytes.length} bytes, over the ${maxBytes}-byte limit for one article`,
      'certplan:too-large',
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw unreadable(`binary content (NUL byte at byte ${nul})`, 'certplan:binary', pointOfByte(bytes, nul));
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw unreadable(`invalid UTF-8 at byte ${bad}`, 'certplan:invalid-utf8', pointOfByte(bytes, bad));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw unreadable('empty file', 'certplan:empty');
  return text;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Binary search on the longest decodable prefix keeps this linear-ish without a hand-written decoder.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}
