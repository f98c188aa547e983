/**
 * Content hashes for ids, digests and ETags. FNV-1a (64-bit) over UTF-8, written here rather than taken from
 * node:crypto so core stays pure and the same ids can be computed in the browser (the web app checks ETags
 * and digests without a server round trip). It is not a cryptographic hash: ids only need to be stable and
 * spread well, nobody gains from forging them.
 */

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;
const encoder = new TextEncoder();

/** FNV-1a 64 of the text's UTF-8 bytes, as 16 lowercase hex digits. */
export function stableHash(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of encoder.encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * JSON with object keys sorted at every level, so equal data always serialises (and hashes) the same
 * whatever order its keys were built in. `undefined` properties are dropped, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const entry = (value as Record<string, unknown>)[key];
      if (entry !== undefined) out[key] = sortKeys(entry);
    }
    return out;
  }
  return value;
}
