/**
 * Who may review, and who a token belongs to. content/reviewers.yaml lists reviewers by name with the sha-256
 * of their token (never the token itself):
 *
 *   reviewers:
 *     - name: ana
 *       tokenSha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 *
 * `pnpm reviewers add <name>` creates a token, prints it once and stores its hash. The single REVIEW_TOKEN (or
 * the generated one) keeps working and records decisions as "reviewer". Tokens are random 32-byte strings, so
 * a fast hash is enough: there is nothing to guess by brute force that a slow hash would protect.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CertplanError, parseYaml, type YamlPoint } from '@certplan/core';

export const REVIEWERS_FILE = 'reviewers.yaml';
/** The name decisions made with the shared REVIEW_TOKEN are recorded under. */
export const SHARED_REVIEWER = 'reviewer';

export interface ReviewerEntry {
  name: string;
  tokenSha256: string;
}

const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._'-]{0,59}$/u;
const HEX64 = /^[0-9a-f]{64}$/;

export function tokenDigest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * Parses reviewers.yaml. Throws CertplanError `invalid_content` with `file:line:column: reviewers[i].field:
 * problem` for anything that is not a list of unique names with 64 hex digits each.
 */
export function parseReviewersYaml(text: string, shown: string = REVIEWERS_FILE): ReviewerEntry[] {
  const yaml = parseYaml(text);
  const at = ({ line, column }: YamlPoint) => `${shown}:${line}:${column}`;
  const error = yaml.errors[0];
  if (error) throw new CertplanError('invalid_content', `${at(error)}: invalid YAML: ${error.message}`);
  const data = yaml.document.toJS() as unknown;
  if (data === null || data === undefined) return [];
  const list = (data as { reviewers?: unknown }).reviewers;
  if (typeof data !== 'object' || Array.isArray(data) || (list !== undefined && !Array.isArray(list))) {
    throw new CertplanError('invalid_content', `${at(yaml.pointAt(0))}: expected a mapping with a \`reviewers:\` list`);
  }
  const entries: ReviewerEntry[] = [];
  const seen = new Set<string>();
  ((list ?? []) as unknown[]).forEach((item, i) => {
    const where = `${at(yaml.pointOf(['reviewers', i]))}: reviewers[${i}]`;
    const { name, tokenSha256 } = (item ?? {}) as { name?: unknown; tokenSha256?: unknown };
    if (typeof name !== 'string' || !NAME.test(name)) {
      throw new CertplanError(
        'invalid_content',
        `${where}.name: expected a name of 1–60 letters, digits, spaces or . _ ' -`,
      );
    }
    if (typeof tokenSha256 !== 'string' || !HEX64.test(tokenSha256)) {
      throw new CertplanError(
        'invalid_content',
        `${where}.tokenSha256: expected the 64 hex digits of the token's sha-256`,
      );
    }
    if (name === SHARED_REVIEWER || seen.has(name)) {
      throw new CertplanError('invalid_content', `${where}.name: "${name}" is already taken`);
    }
    seen.add(name);
    entries.push({ name, tokenSha256 });
  });
  return entries;
}

/** Reads reviewers.yaml; a missing file is no reviewers. */
export async function readReviewersFile(path: string): Promise<ReviewerEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new CertplanError(
      'invalid_content',
      `${REVIEWERS_FILE}: cannot read it (${(error as NodeJS.ErrnoException).code})`,
    );
  }
  return parseReviewersYaml(text);
}

export class ReviewerRegistry {
  #entries: { name: string; digest: Buffer }[] = [];
  readonly #shared: Buffer | null;

  /** `sharedToken`: REVIEW_TOKEN or the generated token ("" or null for none). */
  constructor(sharedToken: string | null, entries: readonly ReviewerEntry[] = []) {
    this.#shared = sharedToken ? tokenDigest(sharedToken) : null;
    this.replace(entries);
  }

  /** Swaps in a new list (reviewers.yaml changed). */
  replace(entries: readonly ReviewerEntry[]): void {
    this.#entries = entries.map((e) => ({ name: e.name, digest: Buffer.from(e.tokenSha256, 'hex') }));
  }

  get names(): string[] {
    return this.#entries.map((e) => e.name);
  }

  /**
   * The reviewer a token belongs to, or null. Constant time in the token: its digest is compared with every
   * entry's by timingSafeEqual, without stopping at a match, so timing tells neither whether nor where it matched.
   */
  identify(token: string): string | null {
    const digest = tokenDigest(token);
    let found: string | null = null;
    if (this.#shared && timingSafeEqual(digest, this.#shared)) found = SHARED_REVIEWER;
    for (const entry of this.#entries) {
      if (timingSafeEqual(digest, entry.digest) && found === null) found = entry.name;
    }
    return found;
  }
}
