/**
 * Scoring extraction against a gold set (the shape of `../shared/devset/gold.json`): which gold facts the
 * extractors found (recall), which produced facts are gold (precision), and which produced facts sit on a
 * statement the gold marks as a distractor (a number that must never become a fact). A produced fact matches a
 * gold fact on exam, attribute, value and file; where a file states one value several times, each gold
 * statement pairs with the produced fact nearest to it by line. Pure: the caller reads files and runs ingest.
 *
 * Which produced facts are judged (precision): the gold set annotates a fixed set of exams (`exams` in
 * gold.json when given, else every exam that has a gold fact) and, for those, every statement in every file; a
 * fact for one of them that is not gold is wrong. A fact for an exam outside that set (the catalog knows more
 * exams than the gold set annotates) is not judged: it is listed as "unscored" with its quote so a human can
 * check it, except when it sits on a distractor that does not name that exam: then it is a figure the gold set
 * says belongs to nothing or to someone else, and it counts as wrong like any distractor hit. A distractor that
 * names the very exam the fact is for (the set marked "AIP-C01's price" as a distractor because AIP-C01 was not
 * annotated) does not make the fact wrong; the fact stays unscored and the report says which distractor it sits on.
 */

import { compareStrings } from '@certplan/core';

export interface GoldFact {
  exam: string;
  attribute: string;
  value: Record<string, unknown>;
  file: string;
  quote: string;
  note?: string;
}

export interface GoldDistractor {
  /** A fact attribute, or `other` for a number outside the schema that must not land anywhere. */
  attribute: string;
  /** The value a careless extractor would produce; null when any value of the attribute counts. */
  value: Record<string, unknown> | null;
  file: string;
  quote: string;
  why: string;
}

export interface GoldSet {
  /** The exams the set annotates; when absent, the exams of `facts`. */
  exams?: string[];
  sources: Record<
    string,
    { url?: string | null; title?: string | null; published?: string | null; authority?: string }
  >;
  facts: GoldFact[];
  distractors: GoldDistractor[];
}

export interface ProducedFact {
  exam: string;
  attribute: string;
  value: Record<string, unknown>;
  /** The gold set's file name (not the corpus path). */
  file: string;
  /** 1-based line in the raw file. */
  line: number;
  quote: string;
}

export interface Score {
  gold: number;
  found: number;
  produced: number;
  correct: number;
}

export interface EvaluationReport {
  overall: Score;
  /** Gold facts of exams in the catalog in use only (and the facts produced for them). */
  catalogOverall: Score;
  byAttribute: Map<string, Score>;
  byFile: Map<string, Score>;
  misses: GoldFact[];
  /** Produced facts that are not gold, with the distractor they hit (if any). */
  extras: Array<{ fact: ProducedFact; distractor: GoldDistractor | null }>;
  distractorsAttributed: Array<{ fact: ProducedFact; distractor: GoldDistractor }>;
  catalogExams: ReadonlySet<string>;
  /** Produced facts of attributes the gold set does not annotate (left out of precision), per attribute. */
  unannotated: Map<string, number>;
  /** The exams the gold set annotates: precision judges facts for these (and distractor hits for any exam). */
  goldExams: ReadonlySet<string>;
  /**
   * Facts for exams the gold set does not annotate, not judged; `distractor` is the gold distractor the fact
   * sits on when that distractor names the fact's own exam (for a human to check).
   */
  unscored: Array<{ fact: ProducedFact; distractor: GoldDistractor | null }>;
}

export interface EvaluationOptions {
  /**
   * The exams a piece of text names (the catalog's exam matcher), used to tell whether a distractor is about
   * the exam a fact is attributed to. Without it, every distractor hit counts as wrong.
   */
  examsNamedIn?: (text: string) => ReadonlySet<string>;
}

const normalizeName = (name: string) =>
  name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The part of a value that must agree for a match. Flags (approximate, plusTax, openEnded), a domain's list id
 * and order, and a salary's role label do not change the number a learner sees, so they are not compared.
 */
export function valueKey(attribute: string, value: Record<string, unknown> | null): string {
  if (value === null) return '*';
  switch (attribute) {
    case 'domain':
      return JSON.stringify([
        normalizeName(String(value.name ?? '')),
        value.weightPercent ?? null,
        value.weightRange ?? null,
      ]);
    case 'fee':
      return JSON.stringify([value.amount, value.currency]);
    case 'passingScore':
      return JSON.stringify([value.score, value.scale ?? null]);
    case 'salary':
      return JSON.stringify([value.min, value.max, value.currency]);
    case 'experience':
      return JSON.stringify([value.minYears, value.maxYears ?? null, value.kind]);
    default: {
      const keys = Object.keys(value)
        .filter((k) => k !== 'approximate')
        .sort();
      return JSON.stringify(keys.map((k) => [k, value[k]]));
    }
  }
}

/** 1-based first and last line of `quote` in `text`, or null when the quote is not found. */
export function quoteLines(text: string, quote: string): { first: number; last: number } | null {
  const at = text.indexOf(quote);
  if (at < 0) return null;
  let first = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) first++;
  let last = first;
  for (let i = at; i < at + quote.length; i++) if (text.charCodeAt(i) === 10) last++;
  return { first, last };
}

const emptyScore = (): Score => ({ gold: 0, found: 0, produced: 0, correct: 0 });

export function evaluateExtraction(
  gold: GoldSet,
  produced: readonly ProducedFact[],
  rawTexts: ReadonlyMap<string, string>,
  catalogExams: ReadonlySet<string>,
  options: EvaluationOptions = {},
): EvaluationReport {
  const goldExams: ReadonlySet<string> = new Set(gold.exams ?? gold.facts.map((f) => f.exam));
  const linesOf = (file: string, quote: string) => quoteLines(rawTexts.get(file) ?? '', quote);
  const factKey = (f: { exam: string; attribute: string; value: Record<string, unknown>; file: string }) =>
    `${f.file}|${f.exam}|${f.attribute}|${valueKey(f.attribute, f.value)}`;

  const byKey = new Map<string, number[]>();
  produced.forEach((p, i) => {
    const key = factKey(p);
    byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  // Nearest pairs first, over all statements of a key, so one early gold statement cannot take the fact that
  // sits on a later one.
  const pairs: Array<{ g: GoldFact; p: number; distance: number }> = [];
  for (const g of gold.facts) {
    const lines = linesOf(g.file, g.quote);
    for (const p of byKey.get(factKey(g)) ?? []) {
      const line = (produced[p] as ProducedFact).line;
      const distance = lines
        ? line < lines.first
          ? lines.first - line
          : line > lines.last
            ? line - lines.last
            : 0
        : 0;
      pairs.push({ g, p, distance });
    }
  }
  pairs.sort((a, b) => a.distance - b.distance);
  const matchedProduced = new Set<number>();
  const foundGold = new Set<GoldFact>();
  for (const { g, p } of pairs) {
    if (foundGold.has(g) || matchedProduced.has(p)) continue;
    foundGold.add(g);
    matchedProduced.add(p);
  }
  const misses = gold.facts.filter((g) => !foundGold.has(g));

  const distractorOf = (p: ProducedFact): GoldDistractor | null => {
    for (const d of gold.distractors) {
      if (d.file !== p.file) continue;
      if (d.attribute !== 'other' && d.attribute !== p.attribute) continue;
      if (
        d.attribute !== 'other' &&
        d.value !== null &&
        valueKey(d.attribute, d.value) !== valueKey(p.attribute, p.value)
      )
        continue;
      const lines = linesOf(d.file, d.quote);
      if (lines && p.line >= lines.first && p.line <= lines.last) return d;
    }
    return null;
  };

  const overall = emptyScore();
  const catalogOverall = emptyScore();
  const byAttribute = new Map<string, Score>();
  const byFile = new Map<string, Score>();
  const scoreOf = (map: Map<string, Score>, key: string) => {
    let s = map.get(key);
    if (!s) {
      s = emptyScore();
      map.set(key, s);
    }
    return s;
  };
  // Every page of the set gets a row, so a page with nothing to score (only distractors) is seen to be there.
  for (const file of Object.keys(gold.sources)) scoreOf(byFile, file);
  for (const g of gold.facts) {
    const found = foundGold.has(g) ? 1 : 0;
    const scores = [overall, scoreOf(byAttribute, g.attribute), scoreOf(byFile, g.file)];
    if (catalogExams.has(g.exam)) scores.push(catalogOverall);
    for (const s of scores) {
      s.gold++;
      s.found += found;
    }
  }
  // An attribute the gold never records (neither as a fact nor as a distractor) is not judged.
  const annotated = new Set([...gold.facts, ...gold.distractors].map((f) => f.attribute));
  const unannotated = new Map<string, number>();
  const extras: EvaluationReport['extras'] = [];
  const distractorsAttributed: EvaluationReport['distractorsAttributed'] = [];
  const unscored: EvaluationReport['unscored'] = [];
  const namedIn = new Map<GoldDistractor, ReadonlySet<string>>();
  const distractorNames = (d: GoldDistractor, exam: string) => {
    if (!options.examsNamedIn) return false;
    let named = namedIn.get(d);
    if (!named) {
      named = options.examsNamedIn(`${d.quote}\n${d.why}`);
      namedIn.set(d, named);
    }
    return named.has(exam);
  };
  produced.forEach((p, i) => {
    if (!annotated.has(p.attribute)) {
      unannotated.set(p.attribute, (unannotated.get(p.attribute) ?? 0) + 1);
      return;
    }
    if (!goldExams.has(p.exam)) {
      const distractor = distractorOf(p);
      if (!distractor || distractorNames(distractor, p.exam)) {
        unscored.push({ fact: p, distractor });
        return;
      }
    }
    const correct = matchedProduced.has(i) ? 1 : 0;
    for (const s of [overall, catalogOverall, scoreOf(byAttribute, p.attribute), scoreOf(byFile, p.file)]) {
      s.produced++;
      s.correct += correct;
    }
    if (correct) return;
    const distractor = distractorOf(p);
    extras.push({ fact: p, distractor });
    if (distractor) distractorsAttributed.push({ fact: p, distractor });
  });
  return {
    overall,
    catalogOverall,
    byAttribute,
    byFile,
    misses,
    extras,
    distractorsAttributed,
    catalogExams,
    unannotated,
    goldExams,
    unscored,
  };
}

const ratio = (n: number, d: number) => (d === 0 ? '   - ' : (n / d).toFixed(2).padStart(5));

function table(title: string, rows: Array<[string, Score]>): string {
  const width = Math.max(title.length, ...rows.map(([k]) => k.length));
  const head = `${title.padEnd(width)}   gold  found  recall   produced  correct  precision`;
  const body = rows.map(
    ([k, s]) =>
      `${k.padEnd(width)}  ${String(s.gold).padStart(5)}  ${String(s.found).padStart(5)}   ${ratio(s.found, s.gold)}   ${String(s.produced).padStart(8)}  ${String(s.correct).padStart(7)}      ${ratio(s.correct, s.produced)}`,
  );
  return [head, ...body].join('\n');
}

const shortValue = (v: unknown) => JSON.stringify(v);
const oneLine = (s: string, max = 110) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** The report as text: tables per attribute and per file, the distractors attributed, misses and extras. */
export function formatEvaluation(report: EvaluationReport, options: { details?: boolean } = {}): string {
  const { overall, catalogOverall } = report;
  const out: string[] = [];
  out.push(
    `recall ${ratio(overall.found, overall.gold).trim()} overall (${overall.found}/${overall.gold}), ` +
      `${ratio(catalogOverall.found, catalogOverall.gold).trim()} on the ${report.catalogExams.size} catalog exams (${catalogOverall.found}/${catalogOverall.gold}); ` +
      `precision ${ratio(overall.correct, overall.produced).trim()} (${overall.correct}/${overall.produced}) on the gold set's ${report.goldExams.size} exams; ` +
      `distractors attributed: ${report.distractorsAttributed.length}`,
  );
  if (report.unscored.length > 0) {
    const perExam = new Map<string, number>();
    for (const { fact } of report.unscored) perExam.set(fact.exam, (perExam.get(fact.exam) ?? 0) + 1);
    out.push(
      `unscored: exam not in the gold set's ${report.goldExams.size} exams, ${report.unscored.length} facts (${[
        ...perExam,
      ]
        .sort(([a], [b]) => compareStrings(a, b))
        .map(([e, n]) => `${e} ${n}`)
        .join(
          ', ',
        )}); ${options.details === false ? 'the full report lists them' : 'listed at the end'} for a human to check`,
    );
  }
  if (report.unannotated.size > 0)
    out.push(
      `not judged (attributes the gold set does not annotate): ${[...report.unannotated].map(([a, n]) => `${a} ${n}`).join(', ')}`,
    );
  out.push('');
  out.push(
    table(
      'attribute',
      [...report.byAttribute].sort(([a], [b]) => compareStrings(a, b)),
    ),
  );
  out.push('');
  out.push(
    table(
      'file',
      [...report.byFile].sort(([a], [b]) => compareStrings(a, b)),
    ),
  );
  out.push('');
  out.push(`distractors attributed (${report.distractorsAttributed.length}):`);
  for (const { fact, distractor } of report.distractorsAttributed)
    out.push(
      `  ${fact.file}:${fact.line} ${fact.exam} ${fact.attribute} ${shortValue(fact.value)}\n    distractor: ${oneLine(distractor.quote)} (${oneLine(distractor.why, 80)})`,
    );
  if (options.details !== false) {
    out.push('');
    out.push(`misses (${report.misses.length}):`);
    for (const g of report.misses)
      out.push(
        `  ${g.file} ${g.exam}${report.catalogExams.has(g.exam) ? '' : ' (not in catalog)'} ${g.attribute} ${shortValue(g.value)}\n    gold quote: ${oneLine(g.quote)}`,
      );
    const plain = report.extras.filter((e) => e.distractor === null);
    out.push('');
    out.push(`produced, not gold (${plain.length}, besides the distractors):`);
    for (const { fact } of plain)
      out.push(
        `  ${fact.file}:${fact.line} ${fact.exam} ${fact.attribute} ${shortValue(fact.value)}\n    quote: ${oneLine(fact.quote)}`,
      );
    out.push('');
    out.push(`unscored, exam not in the gold set (${report.unscored.length}; not judged, check by hand):`);
    for (const { fact, distractor } of report.unscored)
      out.push(
        `  ${fact.file}:${fact.line} ${fact.exam} ${fact.attribute} ${shortValue(fact.value)}\n    quote: ${oneLine(fact.quote)}` +
          (distractor ? `\n    on a distractor naming this exam: ${oneLine(distractor.why, 80)}` : ''),
      );
  }
  return out.join('\n');
}
