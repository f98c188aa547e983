/**
 * A source's id in the dataset, from its path under raw/, and the hash behind it and behind the build's other
 * stable ids (cache keys, fact ids): ids must survive rebuilds, since reviews and citations refer to them.
 */
import { createHash } from 'node:crypto';

/** SHA-256 of `s`, as lower-case hex. */
export const sha256Hex = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

/** Stable, readable source id from its path: "editorial/aws-mla.md" → "editorial-aws-mla". */
export function sourceIdOf(file: string): string {
  const base = file.replace(/\.[A-Za-z0-9]{1,8}$/, '');
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|(?<!-)-+$/g, '');
  // Names that lose characters (spaces, accents) get a hash so two of them cannot collide.
  const lossy = slug !== base.toLowerCase().replace(/\//g, '-');
  return `${slug || 'source'}${lossy ? `-${sha256Hex(file).slice(0, 6)}` : ''}`;
}
