/**
 * Exam domains and their weights: headings or list items like "Data Engineering (20%)" or
 * "Domain 1: Modeling – 36%", tables with a domain and a weight column, and lists introduced by
 * "The exam assesses your ability to:" / "covers the following domains:" (weight null).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { context, type ExtractionContext, emitFact, examAt, type Sentence, sentenceAt } from '../lib/context.ts';
import type { Block } from '../lib/document.ts';
import { NUM, parseNumber } from '../lib/quantities.ts';

export type ExtractDomainOptions = Record<string, never>;

const WEIGHTED =
  /^(?:(?:Domain|Section|Area|Part|Module)\s*\d+\s*[:.–—-]\s*)?(?<name>[^:()%\n]{3,100}?)\s*(?:[([]\s*(?<w1>\d{1,2}(?:\.\d+)?)\s*%[^)\]]{0,40}[)\]]|(?::|–|—|-)\s*(?<w2>\d{1,2}(?:\.\d+)?)\s*%(?:\s+of\s+[\w\s]{0,30})?)\s*\.?$/;
const LEAD_IN =
  /\b(?:domains?|pillars?|(?:content|knowledge|subject|key)\s+areas?|sections?|objectives|competenc\w+|(?:assesses|measures|tests|validates|evaluates)\s+(?:your|the|a\s+candidate['’]s)\s+ability|exam\s+(?:covers|assesses|measures|tests))\b[^.]*:\s*$/i;
/** Words that say a list or section is about the exam's content outline. */
const OUTLINE =
  /\b(?:domains?|sections?|areas?|topics?|objectives?|blueprint|exam\s+guide|weight\w*|covers?|outline|syllabus|pillars?|breakdown)\b/i;
const NUMBERED = /^(?:Domain|Section|Area|Part|Module)\s*\d+\s*[:.–—-]\s*/i;

/** Prose lists: "four central pillars—data engineering, …, and operations", "assesses skills in a, b, and c". */
const PROSE_LIST = new RegExp(
  [
    `\\b(?:(?<count>${NUM})\\s+)?(?:key\\s+|central\\s+|main\\s+|core\\s+|content\\s+)?(?<noun>domains|pillars|topics|areas|sections)\\b[^.:;—–]{0,40}?(?<connector>\\s*[—–:]\\s*|,?\\s+(?:including|such\\s+as|namely)\\s+)(?<list>[^.;:]+)`,
    "\\b(?:assesses|measures|tests|validates|evaluates)\\s+(?:your\\s+|a\\s+candidate['’]s\\s+)?(?:skills|competenc\\w+)\\s+in\\s+(?<list2>[^.;:]+)",
  ].join('|'),
  'gi',
);

/** Splits "a, b, and c" / "a, b and c" into items; null unless it is a list of 3+ short noun phrases. */
export function proseItems(list: string): string[] | null {
  const text = list.trim();
  const oxford = /,\s+(?:and|or)\s+/.test(text);
  let items = text.split(/,\s*(?:and\s+|or\s+)?/);
  if (!oxford) {
    const last = items.pop() ?? '';
    const split = last.split(/\s+(?:and|or)\s+(?=[^\s]+(?:\s+[^\s]+){0,6}$)/);
    items.push(...split);
  }
  items = items.map((i) =>
    i
      .trim()
      .replace(/^(?:the|and|or)\s+/i, '')
      .trim(),
  );
  if (items.length < 3 || items.some((i) => !i || i.split(/\s+/).length > 10 || /\d|[()]/.test(i))) return null;
  return items.map((i) => i.charAt(0).toUpperCase() + i.slice(1));
}

export interface DomainName {
  name: string;
  weightPercent: number | null;
}

/** A block of text that is a weighted domain, e.g. "Modeling (36%)"; exported for the focus extractor. */
export function weightedDomain(text: string): DomainName | null {
  const m = WEIGHTED.exec(text.trim());
  if (!m?.groups) return null;
  const name = (m.groups.name ?? '').trim().replace(/[\s:–—-]+$/, '');
  const words = name.split(/\s+/).length;
  if (!/^[\p{Lu}\d]/u.test(name) || words > 12 || /\$/.test(name)) return null;
  return { name, weightPercent: Number(m.groups.w1 ?? m.groups.w2) };
}

function firstSentence(ctx: ExtractionContext, block: Block): Sentence | undefined {
  return sentenceAt(ctx, block.start);
}

export function extractDomain(_options?: Readonly<ExtractDomainOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    const blocks = ctx.doc.blocks;
    const orderIn = new Map<string, number>();
    let headingRun = 0;
    const groupStart = new Map<number, number>();
    const emit = (block: Block, domain: DomainName, run: string) => {
      const sentence = firstSentence(ctx, block);
      if (!sentence) return;
      const exam = examAt(ctx, sentence, block.start);
      if (!exam) return;
      const key = `${exam}|${run}`;
      const order = orderIn.get(key) ?? 0;
      orderIn.set(key, order + 1);
      emitFact(file, {
        exam,
        attribute: 'domain',
        value: { name: domain.name, weightPercent: domain.weightPercent, order },
        quote: { start: block.start, end: block.start + block.text.length },
      });
    };
    for (const sentence of ctx.sentences) {
      if (sentence.block.kind !== 'paragraph') continue;
      const text = ctx.doc.text.slice(sentence.start, sentence.end);
      PROSE_LIST.lastIndex = 0;
      for (let m = PROSE_LIST.exec(text); m; m = PROSE_LIST.exec(text)) {
        const g = m.groups ?? {};
        // "Topics such as …" gives examples; only an outline the text says the exam covers is its domain list.
        const loose = g.noun && !/^(?:domains|pillars)$/i.test(g.noun);
        if (loose && (!/\bcover(?:s|ing)?\b/i.test(text) || /such\s+as/i.test(g.connector ?? ''))) continue;
        const items = proseItems(g.list ?? g.list2 ?? '');
        if (!items) continue;
        if (g.count && parseNumber(g.count) !== items.length) continue;
        const at = sentence.start + m.index;
        const exam = examAt(ctx, sentence, at);
        if (!exam) continue;
        items.forEach((name, order) => {
          emitFact(file, {
            exam,
            attribute: 'domain',
            value: { name, weightPercent: null, order },
            quote: { start: sentence.start, end: sentence.end },
            at,
          });
        });
      }
    }
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i] as Block;
      if (block.kind === 'heading') {
        const domain = weightedDomain(block.text);
        if (domain) emit(block, domain, `h${headingRun}`);
        else headingRun++;
        continue;
      }
      if (block.kind === 'tableRow' && block.header && block.cells) {
        const nameCol = block.cells.findIndex((c) => /\b(?:domain|section|area|topic|objective)s?\b/i.test(c));
        const weightCol = block.cells.findIndex((c) => /\b(?:weight\w*|percent\w*|%|share)\b|%/i.test(c));
        if (nameCol < 0 || weightCol < 0 || nameCol === weightCol) continue;
        for (let k = i + 1; k < blocks.length && blocks[k]?.group === block.group; k++) {
          const row = blocks[k] as Block;
          const name = row.cells?.[nameCol]?.trim().replace(NUMBERED, '');
          const weight = /(\d{1,2}(?:\.\d+)?)\s*%?/.exec(row.cells?.[weightCol] ?? '');
          if (!name || !/[A-Za-z]/.test(name)) continue;
          emit(row, { name, weightPercent: weight ? Number(weight[1]) : null }, `t${block.group}`);
        }
        continue;
      }
      if (block.kind === 'listItem' || block.kind === 'paragraph') {
        const domain = weightedDomain(block.text);
        // Outside a heading run, a weighted item is a domain only where the text says it lists the exam's outline.
        if (block.group !== null && !groupStart.has(block.group)) groupStart.set(block.group, i);
        const lead = block.group !== null ? (groupStart.get(block.group) ?? i) - 1 : i - 1;
        const outlined =
          NUMBERED.test(block.text) ||
          OUTLINE.test(block.section[block.section.length - 1] ?? '') ||
          OUTLINE.test(blocks[lead]?.kind === 'listItem' ? '' : (blocks[lead]?.text ?? ''));
        if (domain && outlined) {
          emit(block, domain, block.group !== null ? `l${block.group}` : `h${headingRun}`);
          continue;
        }
        if (block.kind === 'listItem' && block.order === 0) {
          // A list introduced as the exam's domains/areas: each short item is a domain without a weight.
          const lead = blocks[i - 1];
          if (!lead || lead.kind === 'listItem' || !LEAD_IN.test(lead.text)) continue;
          const items: Block[] = [];
          for (let k = i; k < blocks.length && blocks[k]?.group === block.group; k++) items.push(blocks[k] as Block);
          const names = items.map((item) => item.text.replace(NUMBERED, '').replace(/[.;]$/, '').trim());
          if (names.some((n) => n.split(/\s+/).length > 14 || /[.!?]\s/.test(n))) continue;
          items.forEach((item, k) => {
            if (weightedDomain(item.text)) return;
            emit(item, { name: names[k] as string, weightPercent: null }, `l${block.group}`);
          });
        }
      }
    }
  };
}
