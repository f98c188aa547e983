/**
 * Front matter of a Markdown source, in the dialects static-site generators write: YAML between `---` lines
 * (Jekyll, Hugo, Eleventy, Astro…) and TOML between `+++` lines (Hugo, Zola). The keys they use for the same
 * thing differ (`date`/`publishDate`, `lastmod`/`updated`, `link`/`canonical`…); each is mapped to one field and
 * validated with the schema of the same field in sources.yaml, so a mistake is reported the same way, as
 * file:line:column with the key. A bad field is dropped with its message; the article is still read (an article's
 * mistakes are its own problem, never the build's), unlike sources.yaml, which the maintainer controls.
 */
import { IsoDateSchema, parseYaml, type YamlPoint } from '@certplan/core';
import { parse as parseToml, TomlError } from 'smol-toml';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { isMap, isScalar, type Node } from 'yaml';
import type { z } from 'zod';
import { MAX_TITLE_LENGTH, MAX_URL_LENGTH, SourceEntrySchema } from './yamlConfig.ts';

export type FrontMatterDialect = 'yaml' | 'toml';

/** What a file may say about itself; every field optional, each already validated and bounded. */
export interface FileMetadata {
  url?: string;
  title?: string;
  published?: string;
  modified?: string;
  authority?: string;
  /** The exam-guide version the file says it describes (`guide:` as in sources.yaml); checked against the catalog by the build. */
  guide?: string;
  /** Where `guide` is written (1-based), for the build's message when the catalog has no such version. */
  guidePlace?: { line: number; column: number };
}

type MetadataField = Exclude<keyof FileMetadata, 'guidePlace'>;

/** The fields and the keys each is read from, first present key wins (lower-cased). */
const FIELD_KEYS: ReadonlyArray<[MetadataField, readonly string[]]> = [
  ['title', ['title']],
  ['url', ['url', 'link', 'canonical', 'canonical_url', 'canonicalurl', 'permalink']],
  ['published', ['published', 'date', 'publishdate', 'pubdate', 'published_at', 'created']],
  ['modified', ['modified', 'updated', 'lastmod', 'last_modified', 'updated_at']],
  ['authority', ['authority']],
  ['guide', ['guide']],
];

/** The same schemas sources.yaml validates with (dates as YYYY-MM-DD, authority from the enum, http(s) URLs). */
const FIELD_SCHEMAS: Record<MetadataField, z.ZodType> = {
  title: SourceEntrySchema.shape.title.unwrap(),
  url: SourceEntrySchema.shape.url.unwrap(),
  published: SourceEntrySchema.shape.published.unwrap(),
  modified: IsoDateSchema,
  authority: SourceEntrySchema.shape.authority.unwrap(),
  guide: SourceEntrySchema.shape.guide.unwrap(),
};

/** Where a key's value sits in the raw file (1-based), when the dialect's parser tells us. */
type Locate = (key: string) => Point | undefined;

/**
 * Validates and bounds the front matter `data` (already parsed), reporting each problem on `file` at the
 * key's place. `base` is the place of the block's first line, for messages about the block as a whole.
 */
function readFields(data: unknown, file: VFile, locate: Locate, base: Point, dialect: FrontMatterDialect) {
  const metadata: FileMetadata = {};
  if (data === null || data === undefined) return metadata;
  if (typeof data !== 'object' || Array.isArray(data)) {
    file.message(`front matter is not a mapping of keys to values; ignored`, {
      place: base,
      ruleId: 'certplan:front-matter',
    });
    return metadata;
  }
  const entries = Object.entries(data as Record<string, unknown>);
  for (const [field, keys] of FIELD_KEYS) {
    const entry = entries.find(([k]) => keys.includes(k.toLowerCase()));
    if (!entry) continue;
    const [key, raw] = entry;
    const place = locate(key) ?? base;
    let value: unknown = normalise(raw);
    if (field === 'title' && typeof value === 'string') {
      value = boundTitle(value, file, place, `front matter ${key}`);
      if (value === '') continue;
    }
    if (field === 'url' && typeof value === 'string' && value.length > MAX_URL_LENGTH) {
      file.message(`front matter ${key} is longer than ${MAX_URL_LENGTH} characters; ignored`, {
        place,
        ruleId: 'certplan:metadata-truncated',
      });
      continue;
    }
    const checked = FIELD_SCHEMAS[field].safeParse(value);
    if (!checked.success) {
      const reason = checked.error.issues[0]?.message ?? 'invalid value';
      file.message(`invalid ${dialect.toUpperCase()} front matter: ${reason} (at ${key}); ignored`, {
        place,
        ruleId: 'certplan:front-matter',
      });
      continue;
    }
    metadata[field] = checked.data as string;
    if (field === 'guide') metadata.guidePlace = { line: place.line, column: place.column };
  }
  return metadata;
}

/**
 * A title cut to MAX_TITLE_LENGTH characters, with a message saying so (`what` names where it came from).
 * Titles are copied into every citation an API answer carries: an unbounded one multiplies into every answer.
 */
export function boundTitle(title: string, file: VFile, place: Point | undefined, what: string): string {
  const trimmed = title.trim();
  if (trimmed.length <= MAX_TITLE_LENGTH) return trimmed;
  file.message(`${what} is ${trimmed.length} characters long; kept the first ${MAX_TITLE_LENGTH}`, {
    place,
    ruleId: 'certplan:metadata-truncated',
  });
  return trimmed.slice(0, MAX_TITLE_LENGTH).trimEnd();
}

/** Dates as generators write them (a YAML/TOML date, or `2024-03-01T09:00:00Z`) become YYYY-MM-DD. */
function normalise(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
  if (typeof value === 'string') {
    const trimmed = value.trim();
    const date = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/.exec(trimmed);
    return date ? date[1] : trimmed;
  }
  return value;
}

/**
 * Reads YAML front matter `value` whose first line is line `firstLine` of the raw file. YAML errors (syntax,
 * duplicate keys, an alias count that signals a resource-exhaustion attack) are reported at their place and
 * yield no metadata; they never throw.
 */
export function readYamlFrontMatter(value: string, firstLine: number, file: VFile): FileMetadata {
  const yaml = parseYaml(value);
  const doc = yaml.document;
  const base = { line: firstLine - 1, column: 1 };
  // Front matter starts at line `firstLine` of the raw file: shift yaml's points there.
  const inFile = ({ line, column }: YamlPoint): Point => ({ line: firstLine + line - 1, column });
  const at = (offset: number): Point => inFile(yaml.pointAt(offset));
  if (yaml.errors.length > 0) {
    for (const error of yaml.errors) {
      file.message(`invalid YAML front matter: ${error.message}`, {
        place: inFile(error),
        ruleId: 'certplan:front-matter',
      });
    }
    return {};
  }
  let data: unknown;
  try {
    // The yaml library's guard against alias bombs (`b: [*a, *a, …]`) throws here; so does a huge expansion.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const firstAlias = value.search(/\*[^\s,\][{}]/);
    file.message(`invalid YAML front matter: ${(error as Error).message}; ignored`, {
      place: firstAlias >= 0 ? at(firstAlias) : base,
      ruleId: 'certplan:front-matter',
    });
    return {};
  }
  const locate: Locate = (key) => {
    if (!isMap(doc.contents)) return undefined;
    const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key);
    const node = (pair?.value ?? pair?.key) as Node | undefined;
    return node?.range ? at(node.range[0]) : undefined;
  };
  return readFields(data, file, locate, base, 'yaml');
}

/** Reads TOML front matter `value` whose first line is line `firstLine` of the raw file; never throws. */
export function readTomlFrontMatter(value: string, firstLine: number, file: VFile): FileMetadata {
  const base = { line: firstLine - 1, column: 1 };
  let data: unknown;
  try {
    data = parseToml(value);
  } catch (error) {
    const place = error instanceof TomlError ? { line: firstLine + error.line - 1, column: error.column } : base;
    const reason = ((error as Error).message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '');
    file.message(`invalid TOML front matter: ${reason}`, { place, ruleId: 'certplan:front-matter' });
    return {};
  }
  const lines = value.split('\n');
  const locate: Locate = (key) => {
    // Top-level keys only: before the first [table] header, `key = value` at the start of a line.
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      const trimmed = line.trimStart();
      if (trimmed.startsWith('[')) return undefined;
      const name = /^(["']?)([\w-]+)\1\s*=/.exec(trimmed);
      if (name?.[2] === key) {
        const eq = line.indexOf('=');
        const valueAt = eq + 1 + (line.slice(eq + 1).length - line.slice(eq + 1).trimStart().length);
        return { line: firstLine + i, column: valueAt + 1 };
      }
    }
    return undefined;
  };
  return readFields(data, file, locate, base, 'toml');
}
