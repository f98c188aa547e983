/**
 * Views the API answers with: claims and conflicts joined with the quotes and sources behind them, so the
 * web app can show every number next to where it came from without a second request.
 */
import { type Claim, type Conflict, conflictEtag as coreConflictEtag, type Exam, type Fact } from '@certplan/core';
import type { z } from 'zod';
import type { RetirementInfo } from '../planner/index.ts';
import { boundEvidence } from '../planner/lib/boundEvidence.ts';
import { sourceCitation } from '../planner/lib/sourceCitation.ts';
import type {
  CitationSchema,
  ClaimViewSchema,
  ConflictFactSchema,
  ConflictViewSchema,
  ExamSummarySchema,
  KeyFactsSchema,
} from '../schemas.ts';
import type { DatasetIndex } from './DatasetStore.ts';
import { examFreshness, type FreshnessContext } from './freshnessViews.ts';

type Citation = z.infer<typeof CitationSchema>;
type ClaimView = z.infer<typeof ClaimViewSchema>;
type ConflictView = z.infer<typeof ConflictViewSchema>;
type ConflictFact = z.infer<typeof ConflictFactSchema>;
type KeyFacts = z.infer<typeof KeyFactsSchema>;
type ExamSummary = z.infer<typeof ExamSummarySchema>;

/** The conflict's ETag as HTTP wants it: core's content hash (it covers the review) in quotes. */
export function conflictEtag(conflict: Conflict): string {
  return `"${coreConflictEtag(conflict)}"`;
}

export function citation(index: DatasetIndex, fact: Fact): Citation {
  const source = index.sourcesById.get(fact.source);
  return {
    ...sourceCitation(source, fact),
    factId: fact.id,
    line: fact.line,
    authority: source?.authority ?? 'secondary',
  };
}

/** The citations of `factIds`, bounded (boundEvidence); the caller reports `factIds.length` as the total. */
function citations(index: DatasetIndex, factIds: readonly string[]): Citation[] {
  const facts = factIds.flatMap((id) => {
    const fact = index.factsById.get(id);
    return fact ? [fact] : [];
  });
  return boundEvidence(facts, (fact) => fact.source).map((fact) => citation(index, fact));
}

/** With `freshness`, the claim carries how current it is (see freshnessViews.ts). */
export function claimView(index: DatasetIndex, claim: Claim, freshness?: FreshnessContext): ClaimView {
  const fresh = freshness?.byClaim.get(claim.id);
  return {
    id: claim.id,
    exam: claim.exam,
    attribute: claim.attribute,
    key: claim.key,
    value: claim.value,
    status: claim.status,
    rationale: claim.rationale,
    conflictId: claim.conflictId ?? null,
    citations: citations(index, claim.factIds),
    citationCount: claim.factIds.length,
    dissent: citations(index, claim.dissentingFactIds),
    dissentCount: claim.dissentingFactIds.length,
    history: citations(index, claim.historyFactIds ?? []),
    historyCount: claim.historyFactIds?.length ?? 0,
    ...(fresh ? { freshness: fresh } : {}),
    // The claim pairs its attribute with its value type; copying both keeps the pair.
  } as ClaimView;
}

export function conflictView(index: DatasetIndex, conflict: Conflict): ConflictView {
  // Each side keeps a bounded set of its facts (boundEvidence), so a reviewer still sees every position and every
  // source's first quote however many facts repeat it; `factCount` and each side's `factCount` give the totals.
  const sides = conflict.sides.map((side) => {
    const shown = boundEvidence(side.factIds, (id) => index.factsById.get(id)?.source ?? id);
    return { value: side.value, factIds: [...shown], factCount: side.factIds.length };
  });
  // Where sources say the figure is not published, that side is bounded the same way and its facts shown too.
  const notPublished = conflict.notPublished
    ? {
        factIds: [...boundEvidence(conflict.notPublished.factIds, (id) => index.factsById.get(id)?.source ?? id)],
        factCount: conflict.notPublished.factIds.length,
        suggested: conflict.notPublished.suggested,
      }
    : undefined;
  const shownIds = new Set([...sides.flatMap((side) => side.factIds), ...(notPublished?.factIds ?? [])]);
  const facts = conflict.factIds
    .filter((id) => shownIds.has(id))
    .flatMap((id): ConflictFact[] => {
      const fact = index.factsById.get(id);
      return fact ? [conflictFactView(index, fact)] : [];
    });
  return {
    id: conflict.id,
    exam: conflict.exam,
    attribute: conflict.attribute,
    key: conflict.key,
    severity: conflict.severity,
    status: conflict.review ? 'reviewed' : 'open',
    facts,
    factCount: conflict.factIds.length,
    suggestion: conflict.suggestion,
    review: conflict.review,
    factsDigest: conflict.factsDigest,
    // The positions side by side (each distinct value with the facts stating it), as core ranks them.
    sides,
    ...(notPublished ? { notPublished } : {}),
    etag: conflictEtag(conflict),
  } as ConflictView;
}

/** One quote of a conflict (or a stale review's chosen one) with its source's title, link, date and authority. */
export function conflictFactView(index: DatasetIndex, fact: Fact): ConflictFact {
  const source = index.sourcesById.get(fact.source);
  return {
    id: fact.id,
    value: fact.value,
    quote: fact.quote,
    section: fact.section,
    line: fact.line,
    source: {
      id: fact.source,
      title: source?.title ?? null,
      url: source?.url ?? null,
      published: source?.published ?? null,
      ...(source?.modified && source.modified !== source.published ? { modified: source.modified } : {}),
      authority: source?.authority ?? 'secondary',
    },
  } as ConflictFact;
}

/** The claim a conflict was about: linked by id where reconciliation links it, else by exam/attribute/key. */
export function claimForConflict(index: DatasetIndex, conflict: Conflict): Claim | undefined {
  const claims = index.claimsByExam.get(conflict.exam) ?? [];
  return (
    claims.find((claim) => claim.conflictId === conflict.id) ??
    claims.find((claim) => claim.attribute === conflict.attribute && claim.key === conflict.key)
  );
}

function keyFacts(index: DatasetIndex, exam: Exam, freshness: FreshnessContext | undefined): KeyFacts {
  const claims = index.claimsByExam.get(exam.id) ?? [];
  const of = (attribute: string) =>
    claims.filter((claim) => claim.attribute === attribute).map((claim) => claimView(index, claim, freshness));
  const domains = of('domains');
  return {
    fee: of('fee'),
    duration: of('duration'),
    questions: of('questions'),
    experience: of('experience'),
    validity: of('validity'),
    weights: domains.length > 0 ? domains : of('domain'),
    notPublished: of('notPublished'),
  };
}

/** A copy of the planner's retirement (date, successor, citations) for an answer; null for an active exam. */
export function retiredView(retired: RetirementInfo | null): ExamSummary['retired'] {
  return retired
    ? {
        date: retired.date,
        successor: retired.successor ? { ...retired.successor } : null,
        citations: [...retired.citations],
      }
    : null;
}

/**
 * `retired` comes from the planner (retirementOf), so the listing and the 422 refusal agree. With `freshness`
 * (judged over at least the exam's claims), the exam and its key facts say how current they are.
 */
export function examSummary(
  index: DatasetIndex,
  exam: Exam,
  retired: RetirementInfo | null,
  freshness?: FreshnessContext,
): ExamSummary {
  return {
    id: exam.id,
    name: exam.name,
    vendor: exam.vendor,
    code: exam.code,
    retired: retiredView(retired),
    facts: keyFacts(index, exam, freshness),
    ...(freshness ? { freshness: examFreshness(index.claimsByExam.get(exam.id) ?? [], freshness) } : {}),
  };
}
