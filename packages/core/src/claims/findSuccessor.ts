/**
 * Which exam replaces a retiring one. The catalog says so where it knows (`successor` in exams.yaml);
 * otherwise the retirement notices do: the first exam of the same vendor they name, by code, name or alias.
 * Another vendor's exam named in the same notice is never a successor.
 */
import type { Exam, Source } from '../schema/dataset.ts';

export interface Successor {
  id: string;
  name: string;
}

/**
 * @param exam the retiring exam
 * @param exams the whole catalog
 * @param notices the sources behind the exam's `retirement` claim (their text is searched, case-insensitively)
 * @returns the successor's id and display name, or null when neither the catalog nor a notice names one
 */
export function findSuccessor(
  exam: Exam,
  exams: readonly Exam[],
  notices: readonly Pick<Source, 'text'>[],
): Successor | null {
  if (exam.successor) {
    const successor = exams.find((e) => e.id === exam.successor);
    return { id: exam.successor, name: successor?.name ?? exam.successor };
  }
  let best: { exam: Exam; at: number } | null = null;
  for (const notice of notices) {
    const text = notice.text.toLowerCase();
    for (const other of exams) {
      if (other.id === exam.id || other.vendor !== exam.vendor) continue;
      for (const label of [other.code, other.name, ...other.aliases]) {
        if (!label) continue;
        const at = text.indexOf(label.toLowerCase());
        if (at >= 0 && (best === null || at < best.at)) best = { exam: other, at };
      }
    }
  }
  return best ? { id: best.exam.id, name: best.exam.name } : null;
}
