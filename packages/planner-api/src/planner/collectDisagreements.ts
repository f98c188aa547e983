/**
 * The `sources_disagree` warnings a plan may carry, prepared once per exam: for each conflict or contested claim
 * about something a plan uses, a sentence naming every side with its sources, and the passages to check them.
 * A conflict a reviewer decided is settled and says nothing.
 */
import {
  type Claim,
  type ClaimAttribute,
  type ClaimValue,
  type Conflict,
  claimAttributeNames,
  type Fact,
  formatClaimValue,
} from '@certplan/core';
import type { Disagreement, ExperienceInfo, PrepareContext } from './ExamPlannerData.ts';

/** Claims a plan depends on: a disagreement about any of these is worth a warning. */
const PLAN_ATTRIBUTES: ReadonlySet<ClaimAttribute> = new Set([
  'domains',
  'domain',
  'duration',
  'questions',
  'experience',
  'retirement',
  'focus',
]);

export function collectDisagreements(ctx: PrepareContext): Disagreement[] {
  const warnings: Disagreement[] = [];
  const done = new Set<string>();
  for (const claim of ctx.claims) {
    if (!PLAN_ATTRIBUTES.has(claim.attribute)) continue;
    const conflict = claim.conflictId ? ctx.conflictsById.get(claim.conflictId) : undefined;
    if (conflict) {
      // A reviewed conflict is settled: the plan follows the review and says nothing more.
      if (conflict.review || done.has(conflict.id)) continue;
      done.add(conflict.id);
      warnings.push({
        id: conflict.id,
        attribute: conflict.attribute,
        warning: {
          code: 'sources_disagree',
          message: conflictSentence(ctx, conflict, claim),
          citations: ctx.evidenceOf(conflict.factIds),
        },
      });
    } else if (claim.status === 'contested' && claim.dissentingFactIds.length > 0) {
      const label = claimAttributeNames[claim.attribute].phrase;
      const dissent = groupDissent(ctx, claim);
      warnings.push({
        id: claim.id,
        attribute: claim.attribute,
        warning: {
          code: 'sources_disagree',
          message: `Sources disagree on ${label}${claim.key ? ` (${claim.key})` : ''}: the plan uses ${describeSide(ctx, claim.attribute, claim.value, claim.factIds)}; others state ${dissent}.`,
          citations: ctx.evidenceOf([...claim.factIds, ...claim.dissentingFactIds]),
        },
      });
    }
  }
  for (const conflict of ctx.conflicts) {
    if (conflict.review || done.has(conflict.id) || !PLAN_ATTRIBUTES.has(conflict.attribute)) continue;
    done.add(conflict.id);
    const used = ctx.claims.find((c) => c.attribute === conflict.attribute && c.key === conflict.key);
    warnings.push({
      id: conflict.id,
      attribute: conflict.attribute,
      warning: {
        code: 'sources_disagree',
        message: conflictSentence(ctx, conflict, used),
        citations: ctx.evidenceOf(conflict.factIds),
      },
    });
  }
  return warnings;
}

export function experienceDisagreement(ctx: PrepareContext, claim: Claim): ExperienceInfo['disagreement'] {
  const conflict = claim.conflictId
    ? ctx.conflictsById.get(claim.conflictId)
    : ctx.conflicts.find((c) => c.attribute === 'experience' && c.key === claim.key && !c.review);
  if (conflict && !conflict.review) {
    return {
      id: conflict.id,
      text: conflictSentence(ctx, conflict, claim),
      citations: ctx.evidenceOf(conflict.factIds),
    };
  }
  if (!conflict && claim.status === 'contested' && claim.dissentingFactIds.length > 0) {
    return {
      id: claim.id,
      text: `Other sources state ${groupDissent(ctx, claim)}.`,
      citations: ctx.evidenceOf(claim.dissentingFactIds),
    };
  }
  return null;
}

function describeSide(
  ctx: PrepareContext,
  attribute: ClaimAttribute,
  value: ClaimValue,
  factIds: readonly string[],
): string {
  const titles: string[] = [];
  for (const id of factIds) {
    const fact = ctx.factsById.get(id);
    const source = fact ? ctx.sourcesById.get(fact.source) : undefined;
    const title = source?.title ?? source?.id;
    if (title && !titles.includes(title)) titles.push(title);
  }
  return `${formatClaimValue(attribute, value)}${titles.length > 0 ? ` (${titles.join('; ')})` : ''}`;
}

interface FactSide {
  /** The first stating fact's attribute (a `domains` claim's dissent is `domain` facts). */
  attribute: Fact['attribute'];
  value: Fact['value'];
  factIds: string[];
}

/** The facts' distinct values, each with the ids of the facts that state it, in first-seen order. */
function groupFactsByValue(ctx: PrepareContext, factIds: readonly string[]): FactSide[] {
  const byValue = new Map<string, FactSide>();
  for (const id of factIds) {
    const fact = ctx.factsById.get(id);
    if (!fact) continue;
    const key = JSON.stringify(fact.value);
    const side = byValue.get(key);
    if (side) side.factIds.push(id);
    else byValue.set(key, { attribute: fact.attribute, value: fact.value, factIds: [id] });
  }
  return [...byValue.values()];
}

function conflictSentence(ctx: PrepareContext, conflict: Conflict, used: Claim | undefined): string {
  const sides = conflict.sides
    .map((side) => describeSide(ctx, conflict.attribute, side.value, side.factIds))
    .join(' vs ');
  const label = claimAttributeNames[conflict.attribute].phrase;
  const key = conflict.key ? ` (${conflict.key})` : '';
  const uses = used
    ? ` The plan uses ${formatClaimValue(conflict.attribute, used.value)}${conflict.review ? ', as a reviewer decided' : ', pending review'}.`
    : '';
  return `Sources disagree on ${label}${key}: ${sides}.${uses}`;
}

function groupDissent(ctx: PrepareContext, claim: Claim): string {
  return groupFactsByValue(ctx, claim.dissentingFactIds)
    .map((side) => describeSide(ctx, side.attribute, side.value, side.factIds))
    .join(' and ');
}
