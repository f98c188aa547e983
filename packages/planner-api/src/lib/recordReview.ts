/**
 * A reviewer's decision on a conflict (or its removal, an undo): checked against the conflict's current ETag,
 * written to content/reviews.yaml atomically, then applied by re-reconciling in memory. The whole
 * read-check-write runs under the cross-process review lock (withReviewsLock) and re-reads the file inside it,
 * so of several writers holding the same ETag, in this process or in other servers on the same content
 * directory, exactly one wins and no decision is lost.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WriteFile } from '@certplan/atomic-write';
import {
  CertplanError,
  type Conflict,
  claimValueSchemas,
  parseReviews,
  type Review,
  removeReview,
  serializeReviews,
  upsertReview,
} from '@certplan/core';
import type { z } from 'zod';
import type { ReviewRequestSchema } from '../schemas.ts';
import type { DatasetStore } from './DatasetStore.ts';
import { zodIssues } from './errors.ts';
import { conflictEtag } from './views.ts';
import { withReviewsLock } from './withReviewsLock.ts';

type ReviewRequest = z.infer<typeof ReviewRequestSchema>;

export const REVIEWS_FILE = 'reviews.yaml';

export interface RecordReviewInput {
  store: DatasetStore;
  contentDir: string;
  writeFile: WriteFile;
  clock: () => Date;
  conflictId: string;
  ifMatch: string | undefined;
  request: ReviewRequest;
  /** The authenticated reviewer (from the bearer token): recorded as the decision's `by`. */
  reviewer: string;
}

/**
 * Reads reviews.yaml; a file that cannot be read or parsed stops the write so it is never overwritten.
 * Messages name the file as `shown` (default "reviews.yaml"), never by its absolute path: they reach API
 * clients in a 503, and the server's file-system layout is none of theirs.
 */
export async function readReviewsFile(path: string, shown: string = REVIEWS_FILE): Promise<Review[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    // Node's own message repeats the absolute path ("EACCES: permission denied, open '/…'"): give the code only.
    throw new CertplanError('invalid_reviews', `${shown}: cannot read it (${code ?? 'read error'})`, { cause: error });
  }
  try {
    return parseReviews(text, shown);
  } catch (error) {
    if (error instanceof CertplanError) throw error;
    throw new CertplanError('invalid_reviews', `${shown}: ${(error as Error).message}`, { cause: error });
  }
}

/** Per RFC 9110 If-Match holds a list of strong entity tags; weak tags and `*` never match a decision. */
function ifMatchMatches(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === etag);
}

function checkDecision(conflict: Conflict, request: ReviewRequest): void {
  const issue = (path: string, message: string) =>
    new CertplanError('bad_request', `invalid body: ${path}: ${message}`, { issues: [{ path, message }] });
  if (request.decision === 'accept') {
    if (request.factId !== undefined) throw issue('factId', 'only with decision "choose"');
    if (request.value !== undefined) throw issue('value', 'only with decision "custom"');
  } else if (request.decision === 'choose') {
    if (request.value !== undefined) throw issue('value', 'only with decision "custom"');
    if (request.factId === undefined) throw issue('factId', 'required with decision "choose"');
    if (!conflict.factIds.includes(request.factId)) {
      throw issue('factId', `not one of this conflict's facts (${conflict.factIds.join(', ')})`);
    }
  } else {
    if (request.factId !== undefined) throw issue('factId', 'only with decision "choose"');
    if (request.value === undefined) throw issue('value', 'required with decision "custom"');
    const parsed = claimValueSchemas[conflict.attribute].safeParse(request.value);
    if (!parsed.success) {
      const issues = zodIssues(parsed.error).map((i) => ({
        path: i.path === '(root)' ? 'value' : `value.${i.path}`,
        message: i.message,
      }));
      throw new CertplanError(
        'bad_request',
        `invalid body: value is not a ${conflict.attribute} value: ${issues[0]?.path}: ${issues[0]?.message}`,
        { issues },
      );
    }
  }
}

function sameReviews(a: readonly Review[], b: readonly Review[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function requireIfMatch(ifMatch: string | undefined): string {
  if (!ifMatch) {
    throw new CertplanError(
      'bad_request',
      "If-Match header required: send the conflict's ETag from GET /api/conflicts/:id",
    );
  }
  return ifMatch;
}

/**
 * Under the review lock: re-reads reviews.yaml (another server, or a hand edit, may have changed it), brings
 * the store up to date with it, checks the conflict exists and its ETag matches, then lets `change` compute the
 * new list, writes it and applies it. Returns the conflict as it now stands.
 */
async function changeReviews(
  input: Omit<RecordReviewInput, 'request' | 'reviewer'>,
  change: (reviews: Review[], conflict: Conflict) => Review[],
): Promise<Conflict> {
  const { store, conflictId } = input;
  const ifMatch = requireIfMatch(input.ifMatch);
  const path = join(input.contentDir, REVIEWS_FILE);
  return withReviewsLock(path, async () => {
    // The file is the record: pick up what other servers and hand edits wrote before deciding what is current.
    const onDisk = await readReviewsFile(path);
    if (!sameReviews(onDisk, store.reviews)) store.applyReviews(onDisk);

    const conflict = store.index.conflictsById.get(conflictId);
    if (!conflict) throw new CertplanError('not_found', `no conflict with id "${conflictId}"`);
    const etag = conflictEtag(conflict);
    if (!ifMatchMatches(ifMatch, etag)) {
      throw new CertplanError('etag_mismatch', 'the conflict changed since you loaded it: reload it and decide again', {
        details: { etag },
      });
    }
    const reviews = change(onDisk, conflict);
    // Write first: memory only changes once the decision is on disk.
    await input.writeFile(path, serializeReviews(reviews));
    store.applyReviews(reviews);
    const updated = store.index.conflictsById.get(conflict.id);
    if (!updated) {
      throw new CertplanError('internal', `conflict "${conflict.id}" disappeared after applying its review`);
    }
    return updated;
  });
}

export async function recordReview(input: RecordReviewInput): Promise<Conflict> {
  const { request } = input;
  return changeReviews(input, (onDisk, conflict) => {
    checkDecision(conflict, request);
    const review: Review = {
      conflict: conflict.id,
      decision: request.decision,
      ...(request.factId !== undefined ? { factId: request.factId } : {}),
      ...(request.value !== undefined ? { value: request.value } : {}),
      note: request.note,
      by: input.reviewer,
      at: input.clock().toISOString(),
      factsDigest: conflict.factsDigest,
    };
    return upsertReview(onDisk, review);
  });
}

/**
 * Undo: removes the conflict's decision from reviews.yaml (ETag-checked like a decision), so the conflict is
 * open again. A conflict with no decision answers 404 `not_found` naming that.
 */
export async function undoReview(input: Omit<RecordReviewInput, 'request' | 'reviewer'>): Promise<Conflict> {
  return changeReviews(input, (onDisk, conflict) => {
    if (!onDisk.some((review) => review.conflict === conflict.id)) {
      throw new CertplanError('not_found', `conflict "${conflict.id}" has no decision to undo`);
    }
    return removeReview(onDisk, conflict.id);
  });
}
