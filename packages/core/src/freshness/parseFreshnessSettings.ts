/**
 * content/freshness.yaml: how old the newest source behind a claim may be before certplan marks the claim
 * stale. A maintainer edits it by hand, so every problem is reported as file:line:column.
 *
 * ```yaml
 * thresholdMonths: 18   # whole calendar months, 1–120
 * ```
 * A missing file or an empty one means the defaults.
 */
import { isMap } from 'yaml';
import { z } from 'zod';
import { CertplanError } from '../errors.ts';
import { parseYaml, type YamlPoint } from '../lib/parseYaml.ts';
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

/**
 * Parses freshness.yaml; `text` null means the file does not exist: the defaults. Throws
 * CertplanError('invalid_content') naming file:line:column and the field.
 */
export function parseFreshnessSettings(text: string | null, file: string): FreshnessSettings {
  if (text === null) return { ...DEFAULT_FRESHNESS_SETTINGS };
  const yaml = parseYaml(text);
  const fail = ({ line, column }: YamlPoint, path: string, message: string): never => {
    throw new CertplanError('invalid_content', `${file}:${line}:${column}: ${path ? `${path}: ` : ''}${message}`, {
      issues: [{ path, message: `${line}:${column}: ${message}` }],
      details: { file, line, column, path },
    });
  };
  const firstError = yaml.errors[0];
  if (firstError) fail(firstError, '', `invalid YAML: ${firstError.message}`);
  const contents = yaml.document.contents;
  if (contents === null) return { ...DEFAULT_FRESHNESS_SETTINGS };
  const parsed = FreshnessSettingsSchema.safeParse(yaml.document.toJS());
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys' && isMap(contents)) {
    return fail(yaml.pointOfIssue(issue), issue.keys[0] ?? '', 'unknown setting (known: thresholdMonths)');
  }
  if (!isMap(contents)) return fail(yaml.pointOf([]), '', 'expected settings such as thresholdMonths: 18');
  return fail(yaml.pointOfIssue(issue), issue.path.map(String).join('.'), issue.message);
}
