/**
 * The generated review token, kept across restarts: when REVIEW_TOKEN is unset the server uses the token in
 * `<content>/.cache/review-token`, creating it (32 random bytes, base64url) with mode 0600 on first start.
 * content/.cache/ is derived data, gitignored, never tracked; a reviewer's saved token keeps working after a
 * restart, and `pnpm reviewers token` shows it again.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export function reviewTokenPath(contentDir: string): string {
  return join(contentDir, '.cache', 'review-token');
}

/** A new token: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The saved token, or null when there is none yet. */
export async function readReviewToken(contentDir: string): Promise<string | null> {
  try {
    const token = (await readFile(reviewTokenPath(contentDir), 'utf8')).trim();
    return token === '' ? null : token;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The saved token, created on first use. Two servers starting at once both end with the first one's token:
 * the file is created exclusively ('wx'), and the loser of that race reads the winner's.
 */
export async function loadOrCreateReviewToken(contentDir: string): Promise<{ token: string; created: boolean }> {
  const path = reviewTokenPath(contentDir);
  const existing = await readReviewToken(contentDir);
  if (existing) {
    // Tighten a file someone made readable to others: it is a credential.
    await chmod(path, 0o600).catch(() => {});
    return { token: existing, created: false };
  }
  await mkdir(join(contentDir, '.cache'), { recursive: true });
  const token = newToken();
  try {
    const handle = await open(path, 'wx', 0o600);
    try {
      await handle.writeFile(`${token}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { token, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readReviewToken(contentDir);
    if (!winner) throw error;
    return { token: winner, created: false };
  }
}
