/**
 * One raw file's extraction as a self-contained task: bytes in, a serialisable outcome out (what the cache
 * stores, or why the file is unreadable). buildDataset runs it in process for small builds and in a worker pool
 * (extractWorker.mjs) for large ones; both call this same function, so the dataset cannot depend on which ran.
 */
import type { Exam, Problem } from '@certplan/core';
import type { VFile } from 'vfile';
import type { CachedExtraction } from './cache.ts';
import { ExamMatcher } from './examMatcher.ts';
import { extractSource } from './extractSource.ts';
import { decodeSourceBytes, UnreadableSourceError } from './readSource.ts';

type VFileMessage = VFile['messages'][number];

export interface ExtractTask {
  bytes: Uint8Array;
  /** Path relative to raw/, as problems name it. */
  file: string;
  /** Path as vfile messages show it (relative to the working directory). */
  display: string;
  maxSourceBytes: number;
}

export type ExtractOutcome =
  | { kind: 'extracted'; extraction: CachedExtraction }
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

/** Unreadable input (encoding, size, malformed JSON…) is an outcome; anything else is a bug and throws. */
export function runExtractTask(
  task: ExtractTask,
  deps: { matcher: ExamMatcher; exams: readonly Exam[] },
): ExtractOutcome {
  try {
    const text = decodeSourceBytes(task.bytes, task.maxSourceBytes);
    const result = extractSource(text, task.display, deps);
    return {
      kind: 'extracted',
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
    if (!(error instanceof UnreadableSourceError)) throw error;
    const { line, column } = error.point ?? { line: null, column: null };
    return {
      kind: 'unreadable',
      problem: { file: task.file, line, column, ruleId: error.ruleId, message: error.message, fatal: true },
    };
  }
}

/** What a pool worker receives: the task plus the catalog (small), so workers need no setup message. */
export interface WorkerTask extends ExtractTask {
  exams: readonly Exam[];
  catalogHash: string;
}

let workerDeps: { catalogHash: string; matcher: ExamMatcher; exams: readonly Exam[] } | null = null;

/** The worker side: builds the matcher once per catalog and reuses it for every file the worker is given. */
export function runWorkerTask(task: WorkerTask): ExtractOutcome {
  if (workerDeps?.catalogHash !== task.catalogHash) {
    workerDeps = { catalogHash: task.catalogHash, matcher: new ExamMatcher(task.exams), exams: task.exams };
  }
  const { exams: _exams, catalogHash: _hash, ...extractTask } = task;
  return runExtractTask(extractTask, workerDeps);
}
