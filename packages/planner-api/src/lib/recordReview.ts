/**
 * A reviewer's decision on a conflict: checked against the conflict's current ETag, written to
 * content/reviews.yaml atomically, then applied by re-reconciling in memory. One decision at a time per file
 * (withFileLock), so of several writers holding the same ETag exactly one wins.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  type Attribute,
  attributeValueSchemas,
  CertplanError,
  type Conflict,
  DomainsValueSchema,
  parseReviews,
  type Review,
  serializeReviews,
  upsertReview,
} from '@certplan/core';
import type { z } from 'zod';
import type { ReviewRequestSchema } from '../schemas.ts';
import type { DatasetStore } from './DatasetStore.ts';
import { zodIssues } from './errors.ts';
import { conflictEtag } from './views.ts';
import { withFileLock } from './withFileLock.ts';
import type { WriteFile } from './writeFileAtomic.ts';

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
}

/** Reads reviews.yaml; a file that cannot be parsed stops the write so it is never overwritten. */
export async function readReviewsFile(path: string): Promise<Review[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new CertplanError('invalid_reviews', `${path}: cannot read: ${(error as Error).message}`, { cause: error });
  }
  // Messages name the file as the operator knows it (content/reviews.yaml), not by an absolute path.
  const shown = relative(process.cwd(), path) || path;
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
    const schema =
      conflict.attribute === 'domains' ? DomainsValueSchema : attributeValueSchemas[conflict.attribute as Attribute];
    const parsed = schema.safeParse(request.value);
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

export async function recordReview(input: RecordReviewInput): Promise<Conflict> {
  const { store, conflictId, request } = input;
  if (!input.ifMatch) {
    throw new CertplanError(
      'bad_request',
      "If-Match header required: send the conflict's ETag from GET /api/conflicts/:id",
    );
  }
  const path = join(input.contentDir, REVIEWS_FILE);
  return withFileLock(path, async () => {
    // The file is the record: pick up hand edits made since start before deciding what is current.
    const onDisk = await readReviewsFile(path);
    if (!sameReviews(onDisk, store.reviews)) store.applyReviews(onDisk);

    const conflict = store.index.conflictsById.get(conflictId);
    if (!conflict) throw new CertplanError('not_found', `no conflict with id "${conflictId}"`);
    const etag = conflictEtag(conflict);
    if (!ifMatchMatches(input.ifMatch ?? '', etag)) {
      throw new CertplanError('etag_mismatch', 'the conflict changed since you loaded it: reload it and decide again', {
        details: { etag },
      });
    }
    checkDecision(conflict, request);

    const review: Review = {
      conflict: conflict.id,
      decision: request.decision,
      ...(request.factId !== undefined ? { factId: request.factId } : {}),
      ...(request.value !== undefined ? { value: request.value } : {}),
      note: request.note,
      by: request.by ?? 'reviewer',
      at: input.clock().toISOString(),
      factsDigest: conflict.factsDigest,
    };
    const reviews = upsertReview(onDisk, review);
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
