/**
 * Exam-guide objectives: the numbered items an exam guide lists under each domain (AWS's "Task Statement 1.1:
 * Ingest and store data", Google's "1.1 Developing ML models by using BigQuery ML", Microsoft's and others'
 * "Objective 2.3 …" / "Skill 2.3 …"). Read from structure, not wording: a line (heading, list item or
 * paragraph) that starts with such a number, under the heading of the domain it belongs to. Emits
 * `objective {domain, ref, label}` with `domain` the domain's name as its heading writes it.
 *
 * A number is taken as an objective's only where the text is an outline: the line carries a keyword
 * ("Task Statement", "Task", "Objective", "Skill", "Sub-domain"), or it is a bare "N.M" under a domain heading
 * numbered N. A label starts with a capital letter or a digit (guides label objectives as titles), so prose that
 * happens to start with a number ("Task 1.1 took me two hours") is not one.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { context, sentenceAt } from '../lib/context.ts';
import type { Block } from '../lib/document.ts';
import { emitFact } from '../lib/emitFact.ts';
import { examAt } from '../lib/subjectAt.ts';
import { weightedDomain } from './extract-domain.ts';

export type ExtractObjectiveOptions = Record<string, never>;

/** "Domain 2: ML Model Development", "Section 3 – Scaling prototypes (18%)", "Content Domain 1. Data …". */
const DOMAIN_HEADING =
  /^(?:Content\s+)?(?:Domain|Section|Area|Part|Module|Skill\s+area)\s*(?<number>\d{1,2})\s*[:.–—-]\s*(?<name>\S.{0,140})$/i;
/** A weight at the end of a domain heading, after its name: "(28%)", "(20–25%)", "(~13% of the exam)", "– 26%". */
const DASHED_WEIGHT = /^[–—:-]\s*~?\d{1,2}(?:\.\d+)?\s*%\s*\.?$/;

/** The name without a trailing weight; scans back from the end so no regex runs over the whole name. */
function withoutWeight(name: string): string {
  const text = name.trimEnd();
  const last = text[text.length - 1];
  if (last === ')' || last === ']') {
    const open = text.lastIndexOf(last === ')' ? '(' : '[');
    if (open >= 0 && text.slice(open).includes('%')) return text.slice(0, open).trimEnd();
  }
  const dash = Math.max(...['–', '—', ':', '-'].map((d) => text.lastIndexOf(d)));
  if (dash > 0 && DASHED_WEIGHT.test(text.slice(dash))) return text.slice(0, dash).trimEnd();
  return text;
}

/** Trailing sentence punctuation, dropped from a label. */
function withoutTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && '.;:'.includes(text[end - 1] as string)) end--;
  return text.slice(0, end).trimEnd();
}

/** The line's objective number: after a keyword, or bare at the start. */
const OBJECTIVE_LINE =
  /^(?:(?<keyword>Task\s+Statement|Task|Objective|Skill|Sub-?domain|Competency)\s+)?(?<ref>\d{1,2}\.\d{1,2})(?![\d.]\d)(?:[ \t]*[:.–—-])?\s+(?<label>\S[\s\S]*)$/i;
/** A label is a title: it starts with a capital or a digit and is short. */
const LABEL_START = /^[\p{Lu}\d]/u;
const MAX_LABEL_WORDS = 25;

interface DomainContext {
  name: string;
  number: number | null;
  depth: number;
}

/** The domain a heading opens, or null when it opens none. */
export function domainOfHeading(text: string): { name: string; number: number | null } | null {
  const trimmed = text.trim();
  const numbered = DOMAIN_HEADING.exec(trimmed);
  if (numbered?.groups) {
    const name = withoutWeight(numbered.groups.name ?? '').trim();
    if (!name || !LABEL_START.test(name)) return null;
    return { name, number: Number(numbered.groups.number) };
  }
  const weighted = weightedDomain(trimmed);
  return weighted ? { name: weighted.name, number: null } : null;
}

/** The objective a line states, or null: `{ref, label, keyword}` from "Task Statement 1.1: Ingest and store data". */
export function objectiveOfLine(text: string): { ref: string; label: string; keyword: boolean } | null {
  const m = OBJECTIVE_LINE.exec(text.trim());
  if (!m?.groups) return null;
  const label = withoutTrailingPunctuation((m.groups.label ?? '').trim());
  if (!LABEL_START.test(label) || label.split(/\s+/).length > MAX_LABEL_WORDS) return null;
  return { ref: m.groups.ref as string, label, keyword: m.groups.keyword !== undefined };
}

export function extractObjective(_options?: Readonly<ExtractObjectiveOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    let domain: DomainContext | null = null;
    for (const block of ctx.doc.blocks) {
      if (block.kind === 'tableRow') continue;
      const objective = objectiveOfLine(block.text);
      if (block.kind === 'heading' && !objective) {
        const opened = domainOfHeading(block.text);
        if (opened) domain = { ...opened, depth: block.depth };
        // A heading at the domain's level or above that opens no domain ends the outline.
        else if (domain && block.depth <= domain.depth) domain = null;
        continue;
      }
      if (!domain || !objective) continue;
      // A bare "N.M" is an objective only where the domain is numbered N; a keyword line needs the same match
      // when the domain is numbered (a "Task 3.1" under Domain 2 belongs to another outline).
      const major = Number(objective.ref.split('.')[0]);
      if (domain.number !== null ? major !== domain.number : !objective.keyword) continue;
      emitObjective(file, block, { domain: domain.name, ref: objective.ref, label: objective.label });
    }
  };
}

function emitObjective(file: VFile, block: Block, value: { domain: string; ref: string; label: string }): void {
  const ctx = context(file);
  const sentence = sentenceAt(ctx, block.start);
  if (!sentence) return;
  const exam = examAt(ctx, sentence, block.start);
  if (!exam) return;
  emitFact(file, {
    exam,
    attribute: 'objective',
    value,
    quote: { start: block.start, end: block.start + block.text.length },
  });
}
