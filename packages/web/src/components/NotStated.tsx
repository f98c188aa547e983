/**
 * Where an exam has no figure for an attribute: "not published" with the citation saying so when a source states
 * that the vendor does not publish it (a `notPublished` claim naming the attribute), else "not stated". One
 * component, so the exam card and the plan's summary say the same thing for the same exam.
 */
import { type JSX, Show } from 'solid-js';
import type { ExamSummary } from '../api/types.ts';
import { CitationList } from './CitationMarker.tsx';

export function NotStated(props: { exam: ExamSummary; attribute: string }): JSX.Element {
  const claim = () =>
    (props.exam.facts.notPublished ?? []).find(
      (c) => c.attribute === 'notPublished' && c.value.attribute === props.attribute,
    );
  return (
    <Show when={claim()} fallback={<span class="muted">not stated</span>}>
      {(found) => (
        <span class="claim not-published" data-status={found().status}>
          not published
          <CitationList citations={found().citations} />
        </span>
      )}
    </Show>
  );
}
