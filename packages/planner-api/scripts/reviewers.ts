/**
 * `pnpm reviewers`: manage who may review.
 *
 *   pnpm reviewers add <name> [--content DIR]   creates a token for <name>, prints it once, and stores only its
 *                                               sha-256 in DIR/reviewers.yaml (default content/)
 *   pnpm reviewers list [--content DIR]         the reviewers' names
 *   pnpm reviewers token [--content DIR]        shows the generated token the server saved (used when
 *                                               REVIEW_TOKEN is unset), e.g. for a reviewer who lost it
 *
 * A running server picks up a changed reviewers.yaml within a second; no restart. Exit 0 on success, 1 when the
 * file cannot be read or the name is taken, 2 on a usage error.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '@certplan/atomic-write';
import { stringify } from 'yaml';
import { parseReviewersYaml, REVIEWERS_FILE, type ReviewerEntry, tokenDigest } from '../src/lib/ReviewerRegistry.ts';
import { newToken, readReviewToken, reviewTokenPath } from '../src/lib/reviewToken.ts';
import { withReviewsLock } from '../src/lib/withReviewsLock.ts';

const USAGE = 'usage: pnpm reviewers add <name> | list | token [--content DIR]';
const HEADER =
  '# Reviewers and the sha-256 of their tokens (never the tokens). Add one with `pnpm reviewers add <name>`;\n' +
  '# remove one by deleting their entry. The running server reloads this file when it changes.\n';

async function readEntries(path: string): Promise<ReviewerEntry[]> {
  try {
    return parseReviewersYaml(await readFile(path, 'utf8'), path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { content: { type: 'string' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const contentDir = resolve(String(parsed.values.content ?? 'content'));
  const path = join(contentDir, REVIEWERS_FILE);
  const [command, name, ...rest] = parsed.positionals;
  try {
    if (command === 'list' && name === undefined) {
      for (const entry of await readEntries(path)) console.log(entry.name);
      return 0;
    }
    if (command === 'token' && name === undefined) {
      const token = await readReviewToken(contentDir);
      if (!token) {
        console.error(`no generated token in ${reviewTokenPath(contentDir)} yet: pnpm start creates it`);
        return 1;
      }
      console.log(token);
      return 0;
    }
    if (command === 'add' && name !== undefined && rest.length === 0) {
      const token = newToken();
      // The same lock as review writes: two maintainers adding reviewers at once both land.
      await withReviewsLock(path, async () => {
        const entries = await readEntries(path);
        const next = [...entries, { name, tokenSha256: tokenDigest(token).toString('hex') }];
        // Validates the name and refuses a taken one, with the same messages the server gives.
        parseReviewersYaml(stringify({ reviewers: next }), path);
        await writeFileAtomic(path, HEADER + stringify({ reviewers: next }));
      });
      console.error(`added reviewer "${name}" to ${path}. Their token, shown only this once:`);
      console.log(token);
      return 0;
    }
  } catch (error) {
    console.error(`pnpm reviewers: ${(error as Error).message}`);
    return 1;
  }
  console.error(USAGE);
  return 2;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
