/**
 * One exam to choose in the plan builder: its key numbers, each with its citation markers, and for a retired
 * exam the retirement date, its source and the successor to plan for instead.
 */
import { formatClaimValue, formatExperience } from '@certplan/core';
import { A } from '@solidjs/router';
import { For, type JSX, Show } from 'solid-js';
import type { ExamSummary } from '../api/types.ts';
import { attributeLabel } from '../lib/claimTitle.ts';
import { formatDate } from '../lib/today.ts';
import { CitationList } from './CitationMarker.tsx';
import { NotStated } from './NotStated.tsx';

export const examCardFacts = ['fee', 'duration', 'questions', 'experience'] as const;

export interface ExamCardProps {
  exam: ExamSummary;
  selected: boolean;
  onSelect: (id: string) => void;
  /** What is wrong with planning this exam (its retirement), shown on the card; only for the selected card. */
  error?: string | undefined;
}

export function ExamCard(props: ExamCardProps): JSX.Element {
  const inputId = () => `exam-${props.exam.id}`;
  return (
    <article class="exam-card" classList={{ selected: props.selected, retired: !!props.exam.retired }}>
      <h4 class="exam-card-title">
        <input
          id={inputId()}
          type="radio"
          name="exam"
          value={props.exam.id}
          checked={props.selected}
          onChange={() => props.onSelect(props.exam.id)}
          aria-describedby={
            [props.exam.retired ? `${inputId()}-retired` : '', props.error ? 'exam-error' : ''].join(' ').trim() ||
            undefined
          }
          aria-invalid={props.error ? 'true' : undefined}
        />
        <label for={inputId()}>{props.exam.name}</label>
      </h4>
      <p class="muted exam-vendor">
        {props.exam.vendor}
        <Show when={props.exam.code}>{(code) => ` · ${code()}`}</Show>
      </p>
      <Show when={props.exam.retired}>
        {(retired) => (
          <p class="retired-note" id={`${inputId()}-retired`}>
            <strong>Retired on {formatDate(retired().date)}</strong>
            <CitationList citations={retired().citations} />
            <Show when={retired().successor}>
              {(successor) => (
                <>
                  {'. Successor: '}
                  <button type="button" class="link-button" onClick={() => props.onSelect(successor().id)}>
                    {successor().name}
                  </button>
                </>
              )}
            </Show>
          </p>
        )}
      </Show>
      <Show when={props.error}>
        <p class="field-error" id="exam-error">
          {props.error}
        </p>
      </Show>
      <dl class="exam-facts">
        <For each={examCardFacts}>
          {(attribute) => (
            <div class="exam-fact">
              <dt>{attributeLabel(attribute)}</dt>
              <dd>
                <Show
                  when={props.exam.facts[attribute].length > 0}
                  fallback={<NotStated exam={props.exam} attribute={attribute} />}
                >
                  <For each={props.exam.facts[attribute]}>
                    {(claim, index) => (
                      <span class="claim" data-status={claim.status}>
                        {index() > 0 ? '; ' : ''}
                        {cardValue(claim)}
                        {/* Any value in an open conflict, whether a factor picked it (policy) or none could
                            (contested); a reviewer's decision (reviewed) closes it. */}
                        <Show when={claim.conflictId && claim.status !== 'reviewed'}>
                          <span class="badge">sources disagree</span>
                        </Show>
                        <CitationList citations={claim.citations} />
                      </span>
                    )}
                  </For>
                </Show>
              </dd>
            </div>
          )}
        </For>
      </dl>
      <A href={`/exams/${encodeURIComponent(props.exam.id)}`} class="exam-sources-link">
        Every claim and its sources
        <span class="visually-hidden"> for {props.exam.name}</span>
      </A>
    </article>
  );
}

/** A card's figure in core's words; experience names its kind, as the card shows no claim key beside it. */
function cardValue(claim: ExamSummary['facts'][(typeof examCardFacts)[number]][number]): string {
  return claim.attribute === 'experience'
    ? formatExperience(claim.value)
    : formatClaimValue(claim.attribute, claim.value);
}
