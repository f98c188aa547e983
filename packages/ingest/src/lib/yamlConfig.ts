/**
 * Reading content/exams.yaml and content/sources.yaml: YAML parsed with positions, validated with core's zod
 * schemas, and every problem reported as `file:line:column` so a maintainer can jump to it.
 */
import { type Authority, AuthoritySchema, type Catalog, CatalogSchema, IsoDateSchema } from '@certplan/core';
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { z } from 'zod';

/** A configuration file that cannot be used: misconfiguration, so it throws (content problems never do). */
export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];
  constructor(issues: readonly ConfigIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

export interface ConfigIssue {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

export function formatIssue(issue: ConfigIssue): string {
  const where = issue.path ? ` (at ${issue.path})` : '';
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.message}${where}`;
}

/** Parses YAML, then validates with `schema`; positions of schema errors come from the YAML node at the path. */
export function parseYamlWith<T>(text: string, file: string, schema: z.ZodType<T>): T {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      doc.errors.map((error) => {
        const pos = lineCounter.linePos(error.pos[0]);
        return { file, line: pos.line, column: pos.col, path: '', message: error.message.split('\n')[0] ?? error.code };
      }),
    );
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues
      .map((issue) => {
        const node = nodeAt(doc.contents as Node | null, issue.path as PropertyKey[]);
        const offset = node?.range?.[0] ?? 0;
        const pos = lineCounter.linePos(offset);
        return { file, line: pos.line, column: pos.col, path: issue.path.join('.'), message: issue.message };
      })
      .sort((a, b) => a.line - b.line || a.column - b.column),
  );
}

/** The deepest node that exists along `path` (an error about a missing key points at its parent). */
function nodeAt(root: Node | null, path: readonly PropertyKey[]): Node | null {
  let node: Node | null = root;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      if (!pair) return node;
      node = (pair.value as Node | null) ?? node;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) return node;
      node = item;
    } else {
      return node;
    }
  }
  return node;
}

/**
 * Longest title kept (characters). Titles are copied into every citation an answer carries; real article titles
 * are far shorter (the longest seen is about 120), so a longer one is an error here and cut with a message in a
 * source's own metadata.
 */
export const MAX_TITLE_LENGTH = 300;
/** Longest URL kept (browsers' practical limit); a longer one is an error (a cut URL leads somewhere else). */
export const MAX_URL_LENGTH = 2048;

/** Only http(s) URLs are stored: a source link is shown to learners, and `javascript:` or `data:` is never one. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export const HttpUrlSchema = z.string().max(MAX_URL_LENGTH).refine(isHttpUrl, 'expected an http:// or https:// URL');

export const SourceEntrySchema = z.strictObject({
  file: z
    .string()
    .min(1)
    .refine((f) => !f.startsWith('/') && !f.split(/[\\/]/).includes('..'), 'file must be a path under content/raw/'),
  url: HttpUrlSchema.optional(),
  title: z.string().min(1).max(MAX_TITLE_LENGTH).optional(),
  published: IsoDateSchema.optional(),
  authority: AuthoritySchema.optional(),
});
export type SourceEntry = z.infer<typeof SourceEntrySchema> & { authority?: Authority };
export const SourcesFileSchema = z.array(SourceEntrySchema).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.file))
      ctx.addIssue({ code: 'custom', path: [index, 'file'], message: `duplicate entry for ${entry.file}` });
    seen.add(entry.file);
  });
});

export function parseSourcesYaml(text: string, file: string): SourceEntry[] {
  // An empty file registers nothing; `null` is what YAML makes of it.
  if (text.trim() === '') return [];
  return parseYamlWith(text, file, SourcesFileSchema);
}

export function parseCatalogYaml(text: string, file: string): Catalog {
  const catalog = parseYamlWith(text, file, CatalogSchema);
  const ids = new Set<string>();
  for (const exam of catalog.exams) {
    if (ids.has(exam.id))
      throw new ConfigError([{ file, line: 1, column: 1, path: 'exams', message: `duplicate exam id ${exam.id}` }]);
    ids.add(exam.id);
  }
  return catalog;
}
