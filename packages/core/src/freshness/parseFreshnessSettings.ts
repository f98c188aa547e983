/**
 * content/freshness.yaml: how old the newest source behind a claim may be before certplan marks the claim
 * stale. A maintainer edits it by hand, so every problem is reported as file:line:column.
 *
 * ```yaml
 * thresholdMonths: 18   # whole calendar months, 1–120
 * ```
 * A missing file or an empty one means the defaults.
 */
import { isMap, isPair, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import { z } from 'zod';
import { CertplanError } from '../errors.ts';
import { DEFAULT_FRESHNESS_MONTHS } from './claimFreshness.ts';

export const FRESHNESS_FILE = 'freshness.yaml';

export const FreshnessSettingsSchema = z.strictObject({
  thresholdMonths: z
    .number({ error: (issue) => `expected a whole number of months, got ${describe(issue.input)}` })
    .int('expected a whole number of months')
    .min(1, 'must be at least 1 month')
    .max(120, 'must be at most 120 months (10 years)')
    .default(DEFAULT_FRESHNESS_MONTHS),
});
export type FreshnessSettings = z.infer<typeof FreshnessSettingsSchema>;

export const DEFAULT_FRESHNESS_SETTINGS: FreshnessSettings = { thresholdMonths: DEFAULT_FRESHNESS_MONTHS };

function describe(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  return typeof input === 'string' ? `the text "${input}"` : `a ${Array.isArray(input) ? 'list' : typeof input}`;
}

/** Parses freshness.yaml. Throws CertplanError('invalid_content') naming file:line:column and the field. */
export function parseFreshnessSettings(text: string, file: string): FreshnessSettings {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const fail = (offset: number, path: string, message: string): never => {
    const { line, col } = lineCounter.linePos(offset);
    throw new CertplanError('invalid_content', `${file}:${line}:${col}: ${path ? `${path}: ` : ''}${message}`, {
      issues: [{ path, message: `${line}:${col}: ${message}` }],
      details: { file, line, column: col, path },
    });
  };
  const firstError = doc.errors[0];
  if (firstError) fail(firstError.pos[0], '', `invalid YAML: ${firstError.message.split('\n')[0]}`);
  if (doc.contents === null) return { ...DEFAULT_FRESHNESS_SETTINGS };
  const parsed = FreshnessSettingsSchema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String);
  let node = (path.length > 0 ? doc.getIn(path, true) : doc.contents) as Node | undefined;
  if (issue.code === 'unrecognized_keys' && isMap(doc.contents)) {
    const pair = doc.contents.items.find(
      (item) => isPair(item) && isScalar(item.key) && issue.keys.includes(String(item.key.value)),
    );
    if (pair && isScalar(pair.key)) node = pair.key;
    return fail(node?.range?.[0] ?? 0, issue.keys[0] ?? '', 'unknown setting (known: thresholdMonths)');
  }
  if (!isMap(doc.contents))
    return fail(doc.contents.range?.[0] ?? 0, '', 'expected settings such as thresholdMonths: 18');
  return fail((node ?? doc.contents).range?.[0] ?? 0, path.join('.'), issue.message);
}
