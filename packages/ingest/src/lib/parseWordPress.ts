/**
 * A WordPress REST post (JSON with an HTML body): its metadata from the post's fields, its body through
 * htmlToMdast. Offsets in the HTML map back through the JSON string literal, escapes and all, so a fact from
 * the body cites the raw file's line.
 */

import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { unreadable } from './decodeSourceBytes.ts';
import { boundTitle, type FileMetadata } from './frontMatter.ts';
import { htmlToMdast, htmlToText } from './htmlToMdast.ts';
import { findJsonStringLiteral } from './jsonLocate.ts';
import type { ParsedSource } from './parseSource.ts';
import { isHttpUrl, MAX_URL_LENGTH } from './yamlConfig.ts';

function pointOfIndex(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(index, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

export function parseWordPress(text: string, file: VFile): ParsedSource {
  let post: unknown;
  try {
    post = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const match = /position (\d+)/.exec(message);
    const offset = match ? Number(match[1]) : /end of JSON input/.test(message) ? text.length : null;
    // V8 appends " in JSON at position N …" to the reason; cut there (indexOf: the message quotes the input).
    const cut = message.indexOf(' in JSON at position ');
    const reason = (cut === -1 ? message : message.slice(0, cut).trimEnd()).replace(
      /^Unexpected end of JSON input$/,
      'unexpected end of input',
    );
    throw unreadable(
      `invalid JSON (truncated or malformed): ${reason}`,
      'certplan:invalid-json',
      offset === null ? null : pointOfIndex(text, offset),
    );
  }
  const rendered = (post as { content?: { rendered?: unknown } } | null)?.content?.rendered;
  if (typeof post !== 'object' || post === null || Array.isArray(post) || typeof rendered !== 'string') {
    throw unreadable('JSON is not a WordPress post: no string at content.rendered', 'certplan:not-wordpress', {
      line: 1,
      column: 1,
    });
  }
  const p = post as {
    link?: unknown;
    title?: { rendered?: unknown };
    date?: unknown;
    modified?: unknown;
    content: { rendered: string; protected?: unknown };
  };
  const metadata: FileMetadata = {};
  const raw = location(text);
  const placeOf = (path: string[]) => {
    const literal = findJsonStringLiteral(text, path);
    return raw.toPoint(literal?.map[0] ?? 0) ?? { line: 1, column: 1 };
  };
  if (typeof p.link === 'string' && p.link) {
    // Only http(s) links are kept: the link is shown to learners as the source's address.
    if (p.link.length > MAX_URL_LENGTH || !isHttpUrl(p.link.trim())) {
      file.message(
        p.link.length > MAX_URL_LENGTH
          ? `link is longer than ${MAX_URL_LENGTH} characters; not stored`
          : 'link is not an http(s) URL; not stored',
        { place: placeOf(['link']), ruleId: 'certplan:unsafe-url' },
      );
    } else metadata.url = p.link.trim();
  }
  if (typeof p.title?.rendered === 'string' && p.title.rendered.trim()) {
    const title = boundTitle(htmlToText(p.title.rendered), file, placeOf(['title', 'rendered']), 'title.rendered');
    if (title) metadata.title = title;
  }
  const published = toIsoDate(p.date);
  if (published) metadata.published = published;
  const modified = toIsoDate(p.modified);
  if (modified) metadata.modified = modified;

  const literal = findJsonStringLiteral(text, ['content', 'rendered']);
  const map = literal && literal.value === rendered ? literal.map : null;
  const toRawOffset = (o: number) => (map ? (map[Math.max(0, Math.min(o, map.length - 1))] ?? 0) : 0);
  if (rendered.trim() === '') {
    // A password-protected post comes from the REST API with its content withheld: there is nothing to read.
    const why = p.content.protected === true ? 'a password-protected post: its content is withheld' : 'no content';
    file.message(`empty article (${why}); no facts can come from it`, {
      place: placeOf(['content', 'rendered']),
      ruleId: 'certplan:empty-article',
    });
  }
  const tree = htmlToMdast(rendered, file, (o) => raw.toPoint(toRawOffset(o)));
  return { format: 'wordpress', metadata, tree, toRawOffset };
}

function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value.trim());
  return match?.[1];
}
