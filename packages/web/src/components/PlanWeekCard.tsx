/**
 * One week of the plan: its dates and hours, and each session on its day and time with a tick box to mark
 * it done, the exam guide's objectives for it and the topics sources name. A week before today is shown as
 * past, the week holding today as the current one (aria-current), so a plan opened later reads as a diary.
 */
import { For, type JSX, Show } from 'solid-js';
import type { Citation, PlanSession, PlanWeek, SessionKind } from '../api/types.ts';
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
  /** The learner's today (YYYY-MM-DD): weeks before it are past, the week holding it is current. */
  today: string;
  isDone: (id: string) => boolean;
  onToggle: (id: string, done: boolean) => void;
}

/** 'past' | 'current' | 'future' for a week and the learner's today. */
export function weekTense(week: Pick<PlanWeek, 'start' | 'end'>, today: string): 'past' | 'current' | 'future' {
  if (week.end < today) return 'past';
  if (week.start <= today) return 'current';
  return 'future';
}

export function PlanWeekCard(props: PlanWeekCardProps): JSX.Element {
  const headingId = () => `week-${props.week.index}-heading`;
  // The API counts weeks from 0; people count from 1.
  const number = () => props.week.index + 1;
  const tense = () => weekTense(props.week, props.today);
  return (
    <section
      class="week-card"
      classList={{ past: tense() === 'past', current: tense() === 'current' }}
      aria-labelledby={headingId()}
      aria-current={tense() === 'current' ? 'date' : undefined}
      data-tense={tense()}
    >
      <h3 id={headingId()}>
        Week {number()}
        <span class="week-dates">
          {` · ${formatDate(props.week.start)} – ${formatDate(props.week.end)} · ${props.week.hours} h`}
        </span>
        <Show when={tense() !== 'future'}>
          <span class="week-tense">{tense() === 'current' ? ' · this week' : ' · past'}</span>
        </Show>
      </h3>
      <Show when={props.week.sessions.length > 0} fallback={<p class="muted">No study this week.</p>}>
        <ul class="sessions">
          <For each={props.week.sessions}>
            {(session) => (
              <SessionItem
                session={session}
                citations={props.citations}
                isDone={props.isDone}
                onToggle={props.onToggle}
              />
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function SessionItem(props: {
  session: PlanSession;
  citations: readonly Citation[];
  isDone: (id: string) => boolean;
  onToggle: (id: string, done: boolean) => void;
}): JSX.Element {
  const session = () => props.session;
  const inputId = () => `session-${session().id}`;
  const missed = () => session().status === 'missed';
  const when = () => `${formatDate(session().date)} ${session().start}`;
  const what = () =>
    `${sessionKindLabels[session().kind] ?? session().kind}: ${session().domain ?? 'all domains'} · ${session().hours} h`;
  return (
    <li
      class="session"
      classList={{ done: !missed() && props.isDone(session().id), missed: missed() }}
      data-kind={session().kind}
      data-status={session().status}
      data-session-id={session().id}
    >
      <Show
        when={!missed()}
        fallback={
          <p class="session-missed">
            <span class="session-when">{when()}</span> {what()}
            <span class="muted"> · missed, moved forward</span>
          </p>
        }
      >
        <input
          id={inputId()}
          type="checkbox"
          checked={props.isDone(session().id)}
          onChange={(event) => props.onToggle(session().id, event.currentTarget.checked)}
        />
        <label for={inputId()}>
          <span class="session-when">{when()}</span> <span class="session-kind">{what()}</span>
        </label>
      </Show>
      <Show when={session().focus.objectives.length > 0}>
        <ul class="session-objectives">
          <For each={session().focus.objectives}>
            {(objective) => (
              <li>
                <Show when={objective.ref}>
                  <span class="objective-ref">{objective.ref}</span>{' '}
                </Show>
                {objective.label}
                <CitationList citations={citationsAt(props.citations, objective.citationRefs)} />
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={session().focus.text && !missed()}>
        <p class="session-focus">
          {session().focus.text}
          <CitationList citations={citationsAt(props.citations, session().focus.citationRefs)} />
        </p>
      </Show>
    </li>
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
