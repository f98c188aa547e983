/**
 * Reading content/exams.yaml and content/sources.yaml: YAML parsed with positions, validated with core's zod
 * schemas, and every problem reported as `file:line:column` so a maintainer can jump to it.
 */
import {
  type Authority,
  AuthoritySchema,
  type Catalog,
  CertplanError,
  ExamSchema,
  GuideVersionSchema,
  IsoDateSchema,
  OtherExamSchema,
  parseYaml,
  VendorSchema,
} from '@certplan/core';
import { z } from 'zod';

/**
 * A configuration file that cannot be used: misconfiguration, so it throws (content problems never do).
 * CertplanError `invalid_config`, its message one `file:line:column: problem (at path)` line per issue, in
 * file order; `file` and `place` are the first issue's.
 */
export function configError(issues: readonly ConfigIssue[]): CertplanError {
  const first = issues[0];
  return new CertplanError('invalid_config', issues.map(formatIssue).join('\n'), {
    issues: issues.map((issue) => ({ path: issue.path, message: `${issue.line}:${issue.column}: ${issue.message}` })),
    ...(first ? { file: first.file, place: { line: first.line, column: first.column } } : {}),
  });
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
  const yaml = parseYaml(text);
  if (yaml.errors.length > 0) {
    throw configError(yaml.errors.map(({ line, column, message }) => ({ file, line, column, path: '', message })));
  }
  const result = schema.safeParse(yaml.document.toJS());
  if (result.success) return result.data;
  throw configError(
    result.error.issues
      .map((issue) => ({ file, ...yaml.pointOf(issue.path), path: issue.path.join('.'), message: issue.message }))
      .sort((a, b) => a.line - b.line || a.column - b.column),
  );
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
  /**
   * The exam-guide version the source describes, as exams.yaml's `guides[].version` writes it ("October 2024"):
   * its figures bound to the guide (domains, objectives, length, questions) are history once a newer version is
   * in force.
   */
  guide: z.string().min(1).max(MAX_TITLE_LENGTH).optional(),
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

/**
 * Reads content/sources.yaml. With `catalog`, a declared `guide` must be a guide version of one of its exams
 * (a misspelt version would silently leave the source's figures competing with the current guide's). Throws a
 * CertplanError `invalid_config` listing every problem as file:line:column.
 */
export function parseSourcesYaml(text: string, file: string, catalog?: Pick<Catalog, 'exams'>): SourceEntry[] {
  // An empty file registers nothing; `null` is what YAML makes of it.
  if (text.trim() === '') return [];
  if (!catalog) return parseYamlWith(text, file, SourcesFileSchema);
  const unknown = unknownGuide(catalog);
  const schema = SourcesFileSchema.superRefine((entries, ctx) => {
    entries.forEach((entry, index) => {
      const message = entry.guide === undefined ? null : unknown(entry.guide);
      if (message) ctx.addIssue({ code: 'custom', path: [index, 'guide'], message });
    });
  });
  return parseYamlWith(text, file, schema);
}

/**
 * The one check of a declared guide version, for sources.yaml and front matter alike: null when an exam of the
 * catalog lists it, else the message saying which versions it lists.
 */
export function unknownGuide(catalog: Pick<Catalog, 'exams'>): (guide: string) => string | null {
  const versions = [...new Set(catalog.exams.flatMap((exam) => (exam.guides ?? []).map((g) => g.version)))];
  const known = new Set(versions);
  return (guide) =>
    known.has(guide)
      ? null
      : `guide ${guide} is not a guide version of any exam in exams.yaml (${versions.length > 0 ? `one of: ${versions.join(', ')}` : 'it lists none'})`;
}

/**
 * The catalog as exams.yaml must write it: unknown keys are typos (a misspelt `successor` would silently drop
 * the link), and every cross-reference resolves. Issues carry the path of the offending value, so they are
 * reported at its line and column.
 */
const CatalogFileSchema = z
  .strictObject({
    exams: z.array(ExamSchema.extend({ guides: z.array(GuideVersionSchema.strict()).optional() }).strict()).min(1),
    vendors: z.array(VendorSchema.strict()).optional(),
    otherExams: z.array(OtherExamSchema.strict()).optional(),
  })
  .superRefine((catalog, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const key = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
    const ids = new Set(catalog.exams.map((exam) => exam.id));
    const seenIds = new Set<string>();
    const namesAndCodes = new Map<string, string>();
    catalog.exams.forEach((exam, index) => {
      if (seenIds.has(exam.id)) issue(['exams', index, 'id'], `duplicate exam id ${exam.id}`);
      seenIds.add(exam.id);
      if (exam.successor !== undefined) {
        if (exam.successor === exam.id) issue(['exams', index, 'successor'], `${exam.id} cannot succeed itself`);
        else if (!ids.has(exam.successor))
          issue(['exams', index, 'successor'], `successor ${exam.successor} is not an exam of the catalog`);
      }
      for (const name of [exam.name, ...(exam.code ? [exam.code] : [])]) namesAndCodes.set(key(name), exam.id);
      const versions = new Set<string>();
      let previous = '';
      const guides = exam.guides ?? [];
      guides.forEach((guide, g) => {
        if (versions.has(guide.version))
          issue(['exams', index, 'guides', g, 'version'], `duplicate guide version ${guide.version}`);
        versions.add(guide.version);
        if (guide.effective === null) {
          // Only the oldest version may lack its start: it then ends where the next begins, and the guide in
          // force needs its day, since a page's date is compared with it.
          if (g !== 0 || guides.length === 1)
            issue(
              ['exams', index, 'guides', g, 'effective'],
              'only the oldest of several guide versions may have an unknown start (null)',
            );
          return;
        }
        // Oldest first, so the last entry is the guide in force and "older than the newest" is a comparison.
        if (guide.effective <= previous)
          issue(['exams', index, 'guides', g, 'effective'], `guides must be listed oldest first (${guide.effective})`);
        previous = guide.effective;
      });
    });
    const vendors = catalog.vendors;
    if (vendors) {
      const vendorNames = new Set<string>();
      vendors.forEach((vendor, index) => {
        if (vendorNames.has(vendor.name)) issue(['vendors', index, 'name'], `duplicate vendor ${vendor.name}`);
        vendorNames.add(vendor.name);
      });
      const unknownVendor = (name: string) =>
        `vendor ${name} is not listed under vendors (one of: ${[...vendorNames].join(', ')})`;
      catalog.exams.forEach((exam, index) => {
        if (!vendorNames.has(exam.vendor)) issue(['exams', index, 'vendor'], unknownVendor(exam.vendor));
      });
      (catalog.otherExams ?? []).forEach((other, index) => {
        if (!vendorNames.has(other.vendor)) issue(['otherExams', index, 'vendor'], unknownVendor(other.vendor));
      });
    }
    // An exam both planned for and "other" would make every statement about it ambiguous.
    (catalog.otherExams ?? []).forEach((other, index) => {
      for (const [field, value] of [
        ['name', other.name],
        ['code', other.code],
      ] as const) {
        const clash = value === null ? undefined : namesAndCodes.get(key(value));
        if (clash) issue(['otherExams', index, field], `${value} is the catalog exam ${clash}, not another exam`);
      }
    });
  });

/**
 * Reads content/exams.yaml: `{exams, vendors?, otherExams?}` (see core's CatalogSchema). Throws CertplanError `invalid_config`
 * listing every problem as file:line:column: unknown keys, missing fields, duplicate ids, a successor or vendor
 * that is not in the file, guides out of order, another exam that is a catalog exam.
 */
export function parseCatalogYaml(text: string, file: string): Catalog {
  return parseYamlWith(text, file, CatalogFileSchema);
}
