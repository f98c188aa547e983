/**
 * JSON request bodies by media type, parsed rather than matched as text (RFC 9110 §8.3.1):
 *
 *   media-type = type "/" subtype *( OWS ";" OWS [ parameter ] )
 *   parameter  = token "=" ( token / quoted-string )
 *
 * Type, subtype and parameter names are case-insensitive, whitespace may surround each ";", and an empty
 * parameter ("application/json;") is allowed. Any such spelling of application/json is accepted; a charset
 * other than UTF-8 is not (JSON text exchanged between systems is UTF-8, RFC 8259 §8.1). A missing, malformed
 * or different media type answers 415 `unsupported_media_type` in certplan's error shape. Accepted requests go
 * on with the header rewritten to plain `application/json`, so the route validator behind (which matches the
 * header as text) agrees.
 */
import { CertplanError } from '@certplan/core';
import type { MiddlewareHandler } from 'hono';

export interface MediaType {
  /** Lower-cased `type/subtype`. */
  essence: string;
  /** Lower-cased parameter names → values (quoted strings unquoted). */
  parameters: Map<string, string>;
}

const TOKEN_CHARS = new Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
const isOws = (ch: string | undefined) => ch === ' ' || ch === '\t';

/** Parses a Content-Type value; null when it is not a valid media type. Linear in the input's length. */
export function parseMediaType(text: string): MediaType | null {
  let i = 0;
  const token = (): string => {
    const start = i;
    while (i < text.length && TOKEN_CHARS.has(text[i]!)) i++;
    return text.slice(start, i);
  };
  const skipOws = () => {
    while (isOws(text[i])) i++;
  };
  skipOws();
  const type = token();
  if (type === '' || text[i] !== '/') return null;
  i++;
  const subtype = token();
  if (subtype === '') return null;
  const parameters = new Map<string, string>();
  for (;;) {
    skipOws();
    if (i === text.length) break;
    if (text[i] !== ';') return null;
    i++;
    skipOws();
    if (i === text.length || text[i] === ';') continue;
    const name = token().toLowerCase();
    if (name === '' || text[i] !== '=') return null;
    i++;
    let value: string;
    if (text[i] === '"') {
      i++;
      value = '';
      for (;;) {
        const ch = text[i];
        if (ch === undefined) return null;
        i++;
        if (ch === '"') break;
        if (ch === '\\') {
          const escaped = text[i];
          if (escaped === undefined) return null;
          value += escaped;
          i++;
        } else value += ch;
      }
    } else {
      value = token();
      if (value === '') return null;
    }
    // A repeated parameter is ambiguous: refuse rather than guess which one counts.
    if (parameters.has(name)) return null;
    parameters.set(name, value);
  }
  return { essence: `${type}/${subtype}`.toLowerCase(), parameters };
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** Requires a JSON body on POST, PUT and PATCH (see the module comment); other methods pass untouched. */
export function jsonMediaType(): MiddlewareHandler {
  return async (c, next) => {
    if (!BODY_METHODS.has(c.req.method)) return next();
    const header = c.req.header('Content-Type');
    const refuse = (why: string) =>
      new CertplanError('unsupported_media_type', `expected Content-Type: application/json, ${why}`, {
        issues: [{ path: 'Content-Type', message: 'must be application/json' }],
      });
    if (header === undefined || header.trim() === '') throw refuse('got none');
    // Quote what was sent, bounded: it is untrusted and ends up in a response.
    const shown = JSON.stringify(header.length > 80 ? `${header.slice(0, 80)}…` : header);
    const mediaType = parseMediaType(header);
    if (!mediaType) throw refuse(`got ${shown}, which is not a media type`);
    if (mediaType.essence !== 'application/json') throw refuse(`got ${shown}`);
    const charset = mediaType.parameters.get('charset');
    if (charset !== undefined && charset.toLowerCase() !== 'utf-8') {
      throw refuse(`got charset ${JSON.stringify(charset)}: JSON is UTF-8`);
    }
    c.req.raw.headers.set('Content-Type', 'application/json');
    return next();
  };
}
