/**
 * One raw file's extraction as a self-contained task: bytes in, a serialisable outcome out (what the cache
 * stores, or why the file is unreadable). buildDataset runs it in process for small builds and in a worker pool
 * (extractWorker.mjs) for large ones; both call this same function, so the dataset cannot depend on which ran.
 */
import { createHash } from 'node:crypto';
import { type Exam, isCertplanError, type Problem } from '@certplan/core';
import type { VFile } from 'vfile';
import type { CachedExtraction } from './cache.ts';
import { decodeSourceBytes } from './decodeSourceBytes.ts';
import { ExamMatcher, type MatcherCatalog, matcherCatalog } from './examMatcher.ts';
import { extractSource } from './extractSource.ts';
import { readRawFile } from './readRawFile.ts';

type VFileMessage = VFile['messages'][number];

export interface ExtractTask {
  /** content/raw/ (absolute): the file is read here, by whoever extracts it, so bytes are never queued. */
  rawDir: string;
  /** Path relative to raw/, as problems name it. */
  file: string;
  /** sha256 of the bytes when the build was planned; the outcome says whether it read the same bytes. */
  bytesHash: string;
  /** Path as vfile messages show it (relative to the working directory). */
  display: string;
  maxSourceBytes: number;
}

export type ExtractOutcome =
  | { kind: 'extracted'; extraction: CachedExtraction; bytesHash: string }
  | { kind: 'unreadable'; problem: Problem };

function toProblem(message: VFileMessage, file: string): Problem {
  return {
    file,
    line: message.line ?? null,
    column: message.column ?? null,
    ruleId: message.ruleId ? `${message.source ? `${message.source}:` : ''}${message.ruleId}` : 'certplan:unknown',
    message: message.reason,
    fatal: message.fatal === true,
  };
}

/**
 * Reads and extracts one file. Every failure is this file's outcome, never the build's: unreadable input
 * (type, size, encoding, malformed JSON…) with its place, and any other error thrown while parsing or
 * extracting it (a library's resource guard, a bug an input triggers) as `certplan:extract-failed`.
 */
export function runExtractTask(
  task: ExtractTask,
  deps: { matcher: ExamMatcher; exams: readonly Exam[] },
): ExtractOutcome {
  const read = readRawFile(task.rawDir, task.file, task.maxSourceBytes);
  if ('failure' in read) {
    const { ruleId, message } = read.failure;
    return { kind: 'unreadable', problem: { file: task.file, line: null, column: null, ruleId, message, fatal: true } };
  }
  try {
    const text = decodeSourceBytes(read.bytes, task.maxSourceBytes);
    const result = extractSource(text, task.display, deps);
    return {
      kind: 'extracted',
      bytesHash: createHash('sha256').update(read.bytes).digest('hex'),
      extraction: {
        format: result.format,
        metadata: result.metadata,
        text: result.text,
        facts: result.facts,
        pendingDomainLists: result.pendingDomainLists,
        messages: result.file.messages.map((m) => toProblem(m, task.file)),
      },
    };
  } catch (error) {
    if (isCertplanError(error, 'unreadable_source')) {
      const { line, column } = error.place ?? { line: null, column: null };
      const ruleId = error.ruleId ?? 'certplan:unreadable';
      return {
        kind: 'unreadable',
        problem: { file: task.file, line, column, ruleId, message: error.message, fatal: true },
      };
    }
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      kind: 'unreadable',
      problem: {
        file: task.file,
        line: null,
        column: null,
        ruleId: 'certplan:extract-failed',
        message: `could not be extracted (${reason.slice(0, 300)}); skipped, the other sources were processed`,
        fatal: true,
      },
    };
  }
}

/** What a pool worker receives: the task plus the catalog (small), so workers need no setup message. */
export interface WorkerTask extends ExtractTask, MatcherCatalog {
  exams: readonly Exam[];
  catalogHash: string;
}

let workerDeps: { catalogHash: string; matcher: ExamMatcher; exams: readonly Exam[] } | null = null;

/** The worker side: builds the matcher once per catalog and reuses it for every file the worker is given. */
export function runWorkerTask(task: WorkerTask): ExtractOutcome {
  if (workerDeps?.catalogHash !== task.catalogHash) {
    workerDeps = { catalogHash: task.catalogHash, matcher: new ExamMatcher(matcherCatalog(task)), exams: task.exams };
  }
  const { exams: _exams, vendors: _vendors, otherExams: _others, catalogHash: _hash, ...extractTask } = task;
  return runExtractTask(extractTask, workerDeps);
}
