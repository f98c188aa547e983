/** One week of the plan: its dates and hours, and each session with a tick box to mark it done. */
import { For, type JSX, Show } from 'solid-js';
import type { PlanWeek, SessionKind } from '../api/types.ts';
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
                      <CitationList citations={session.focus.citations} />
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
