/** One week of the plan: its dates and hours, and each session with a tick box to mark it done. */
import { For, type JSX, Show } from 'solid-js';
import type { Citation, PlanWeek, SessionKind } from '../api/types.ts';
import { sessionKey } from '../lib/progressStore.ts';
import { formatDate } from '../lib/today.ts';
import { CitationList } from './CitationMarker.tsx';

export const sessionKindLabels: Record<SessionKind, string> = {
  learn: 'Learn',
  review: 'Review',
  practice: 'Practice exam',
  buffer: 'Buffer',
};

export interface PlanWeekCardProps {
  week: PlanWeek;
  /** The plan's citations: a session's focus refers to them by index (`focus.citationRefs`). */
  citations: readonly Citation[];
  isDone: (key: string) => boolean;
  onToggle: (key: string, done: boolean) => void;
}

export function PlanWeekCard(props: PlanWeekCardProps): JSX.Element {
  const headingId = () => `week-${props.week.index}-heading`;
  // The API counts weeks from 0; people count from 1.
  const number = () => props.week.index + 1;
  return (
    <section class="week-card" aria-labelledby={headingId()}>
      <h3 id={headingId()}>
        Week {number()}
        <span class="week-dates">
          {` · ${formatDate(props.week.start)} – ${formatDate(props.week.end)} · ${props.week.hours} h`}
        </span>
      </h3>
      <Show when={props.week.sessions.length > 0} fallback={<p class="muted">No study this week.</p>}>
        <ul class="sessions">
          <For each={props.week.sessions}>
            {(session, index) => {
              const key = () => sessionKey(props.week.index, index());
              const id = () => `session-${props.week.index}-${index()}`;
              return (
                <li class="session" classList={{ done: props.isDone(key()) }} data-kind={session.kind}>
                  <input
                    id={id()}
                    type="checkbox"
                    checked={props.isDone(key())}
                    onChange={(event) => props.onToggle(key(), event.currentTarget.checked)}
                  />
                  <label for={id()}>
                    <span class="session-kind">{sessionKindLabels[session.kind] ?? session.kind}</span>
                    {`: ${session.domain ?? 'all domains'} · ${session.hours} h`}
                  </label>
                  <Show when={session.focus.text}>
                    <p class="session-focus">
                      {session.focus.text}
                      <CitationList citations={citationsAt(props.citations, session.focus.citationRefs)} />
                    </p>
                  </Show>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </section>
  );
}

/** The citations a session's focus refers to; a reference outside the list is skipped, not drawn empty. */
export function citationsAt(citations: readonly Citation[], refs: readonly number[]): Citation[] {
  const out: Citation[] = [];
  for (const i of refs) {
    const citation = citations[i];
    if (citation) out.push(citation);
  }
  return out;
}
