/**
 * A built plan: the summary, the chart, every warning with its citations, the weeks with tick boxes, and the
 * actions (calendar export, print, re-plan from today).
 */
import { formatClaimValue } from '@certplan/core';
import { createMemo, For, type JSX, Show } from 'solid-js';
import type { Citation, ExamSummary, Plan } from '../api/types.ts';
import { examFreshnessLabel } from '../lib/formatFreshness.ts';
import type { ProgressStore } from '../lib/progressStore.ts';
import { hoursDone } from '../lib/replanFromToday.ts';
import { safeHref } from '../lib/safeHref.ts';
import { useToday } from '../lib/TodayContext.tsx';
import { formatDate, formatSourceDate } from '../lib/today.ts';
import { CitationList } from './CitationMarker.tsx';
import { HoursChart } from './HoursChart.tsx';
import { NotStated } from './NotStated.tsx';
import { citationsAt, PlanWeekCard } from './PlanWeekCard.tsx';

/** One source the plan cites, with each distinct passage it quotes, in the order the plan first cites them. */
export interface SourceGroup {
  source: string;
  title: string | null;
  url: string | null;
  published: string | null;
  modified: string | undefined;
  authority: string | undefined;
  quotes: string[];
}

/**
 * The plan's citations grouped by source: a source quoted six times is listed once with its six passages,
 * rather than six identical titles. Authority comes from the exam's own citations when they name the source.
 */
export function groupCitationsBySource(citations: readonly Citation[], exam?: ExamSummary): SourceGroup[] {
  const authority = new Map<string, string>();
  for (const claims of Object.values(exam?.facts ?? {})) {
    for (const claim of claims ?? []) {
      for (const citation of claim.citations)
        if (citation.authority) authority.set(citation.source, citation.authority);
    }
  }
  const groups = new Map<string, SourceGroup>();
  for (const citation of citations) {
    let group = groups.get(citation.source);
    if (!group) {
      group = {
        source: citation.source,
        title: citation.title,
        url: citation.url,
        published: citation.published,
        modified: citation.modified,
        authority: citation.authority ?? authority.get(citation.source),
        quotes: [],
      };
      groups.set(citation.source, group);
    }
    if (!group.quotes.includes(citation.quote)) group.quotes.push(citation.quote);
  }
  return [...groups.values()];
}

/** "100 h domains, 8.5 h mixed review, 3.5 h practice exam, 4 h light last week": what the total is spent on. */
export function hoursSplitLabel(split: Plan['hoursSplit']): string {
  return [
    [split.domains, 'domains'],
    [split.general, 'general study'],
    [split.mixedReview, 'mixed review'],
    [split.practiceExam, 'practice exam'],
    [split.lightWeek, 'light last week'],
  ]
    .filter(([hours]) => (hours as number) > 0)
    .map(([hours, what]) => `${hours} h ${what}`)
    .join(', ');
}

/**
 * Why the total exceeds the target, or null: with an exam date and no target hours of the learner's, the plan
 * fills every week until the exam (the API states the same among its assumptions).
 */
export function beyondTargetNote(plan: Plan): string | null {
  const extra = plan.totalHours - plan.target.hours;
  if (extra <= 0 || plan.examDateSuggested || plan.target.basis === 'requested') return null;
  return `The plan holds ${extra} h more: it fills every week until your exam date at ${plan.hoursPerWeek} h a week (give target hours to plan fewer).`;
}

export interface PlanViewProps {
  plan: Plan;
  exam: ExamSummary | undefined;
  progress: ProgressStore;
  onExportCalendar: () => void;
  onReplan: () => void;
  exportError?: string | undefined;
  ref?: (element: HTMLElement) => void;
}

export function PlanView(props: PlanViewProps): JSX.Element {
  const today = useToday();
  const done = createMemo(() => hoursDone(props.plan, props.progress.done()));
  const fee = () => props.exam?.facts.fee[0];
  const feedUrl = () => `webcal://${window.location.host}/api/plans/ics?${props.plan.query}`;
  const target = () => props.plan.target;
  return (
    <section class="plan" aria-labelledby="plan-heading" ref={props.ref} tabindex="-1">
      <h2 id="plan-heading">Your plan for {props.plan.examName}</h2>
      <dl class="plan-summary">
        <div>
          <dt>Weeks</dt>
          <dd>{props.plan.weeks.length}</dd>
        </div>
        <div>
          <dt>Total hours</dt>
          <dd>
            {props.plan.totalHours}
            <Show when={hoursSplitLabel(props.plan.hoursSplit)}>
              {(label) => (
                <span class="hours-split" data-testid="hours-split">
                  {` (${label()})`}
                </span>
              )}
            </Show>
          </dd>
        </div>
        <div>
          <dt>Exam date</dt>
          <dd>
            {formatDate(props.plan.examDate)}
            <Show when={props.plan.examDateSuggested}>
              <span class="suggested" data-testid="exam-date-suggested">
                {' '}
                (suggested: no exam date was given)
              </span>
            </Show>
          </dd>
        </div>
        <div>
          <dt>Fee</dt>
          <dd>
            {/* The exam card's words for a missing fee: "not published" (cited) where a source says so. */}
            <Show
              when={fee()}
              fallback={
                <Show when={props.exam} fallback="not stated">
                  {(exam) => <NotStated exam={exam()} attribute="fee" />}
                </Show>
              }
            >
              {(fact) => (
                <>
                  {formatClaimValue('fee', fact().value)}
                  <CitationList citations={fact().citations} />
                </>
              )}
            </Show>
          </dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd data-testid="target">
            <Show
              when={target().basis === 'sources' && target().range}
              fallback={
                target().basis === 'assumption'
                  ? `${target().hours} h (a planner assumption: no source states a preparation time)`
                  : target().basis === 'requested'
                    ? `${target().hours} h (yours)`
                    : `${target().hours} h (the weeks until the exam)`
              }
            >
              {(range) => (
                <>
                  {`${target().hours} h, the middle of the ${range().min}–${range().max} h sources state`}
                  <CitationList citations={citationsAt(props.plan.citations, target().citationRefs)} />
                </>
              )}
            </Show>
            <Show when={beyondTargetNote(props.plan)}>
              {(note) => (
                <span class="beyond-target" data-testid="beyond-target">
                  {` ${note()}`}
                </span>
              )}
            </Show>
          </dd>
        </div>
        <div>
          <dt>Study days</dt>
          <dd>
            {props.plan.studyDays.length === 7 ? 'every day' : props.plan.studyDays.join(', ')}
            {` at ${props.plan.sessionStart}${props.plan.timeZone ? ` (${props.plan.timeZone})` : ''}`}
          </dd>
        </div>
        <div>
          <dt>Done</dt>
          <dd>
            <span data-testid="hours-done">{done()}</span> of {props.plan.totalHours} h
          </dd>
        </div>
      </dl>
      <Show when={props.exam?.freshness}>
        {(freshness) => (
          <p class="freshness plan-freshness" data-stale={freshness().stale ? 'true' : 'false'}>
            {`Facts behind this plan: ${examFreshnessLabel(freshness())}.`}
          </p>
        )}
      </Show>

      <div class="plan-actions no-print">
        <button type="button" class="button" onClick={props.onExportCalendar}>
          Add to calendar (.ics)
        </button>
        <a class="button" href={feedUrl()} data-testid="calendar-feed">
          Subscribe in your calendar
        </a>
        <button type="button" class="button" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" class="button" onClick={props.onReplan}>
          Re-plan from today
        </button>
      </div>
      <Show when={props.exportError}>
        <p role="alert" class="form-error">
          {props.exportError}
        </p>
      </Show>

      <Show when={props.plan.replan}>
        {(replan) => (
          <p class="replan-summary" data-testid="replan-summary">
            {`Re-planned from ${formatDate(replan().from)}: ${replan().doneHours} h done, ${replan().missedHours} h missed and moved forward`}
            {replan().unscheduledHours > 0 ? `, ${replan().unscheduledHours} h no longer fit (see the warning)` : ''}.
          </p>
        )}
      </Show>
      <Show when={props.plan.assumptions.length > 0}>
        <section class="assumptions" aria-labelledby="assumptions-heading">
          <h3 id="assumptions-heading">What the planner assumed</h3>
          <ul>
            <For each={props.plan.assumptions}>{(assumption) => <li>{assumption}</li>}</For>
          </ul>
        </section>
      </Show>

      <Show when={props.plan.warnings.length > 0}>
        <section class="warnings" aria-labelledby="warnings-heading">
          <h3 id="warnings-heading">Warnings</h3>
          <ul>
            <For each={props.plan.warnings}>
              {(warning) => (
                <li class="warning" data-code={warning.code}>
                  {warning.message}
                  <CitationList citations={warning.citations} />
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>

      <HoursChart plan={props.plan} />

      <section class="domains" aria-labelledby="domains-heading">
        <h3 id="domains-heading">Domains</h3>
        <ul class="domain-list">
          <For each={props.plan.domains}>
            {(domain) => (
              <li>
                {domain.name}
                {`: ${domain.hours} h`}
                <Show when={domain.doneHours > 0}>
                  <span class="domain-progress" data-testid="domain-progress">
                    {` (${domain.doneHours} h done, ${domain.hours - domain.doneHours} h to go)`}
                  </span>
                </Show>
                <Show
                  when={domain.weightPercent !== null}
                  fallback={
                    <Show
                      when={domain.weightRange}
                      fallback={
                        <span class="muted">
                          {' '}
                          (weight not stated by the sources: hours split evenly, a planner assumption)
                        </span>
                      }
                    >
                      {(range) => ` (${range()[0]}–${range()[1]}% of the exam: hours use the middle)`}
                    </Show>
                  }
                >{` (${domain.weightPercent}% of the exam)`}</Show>
                <CitationList citations={citationsAt(props.plan.citations, domain.citationRefs)} />
              </li>
            )}
          </For>
        </ul>
      </section>

      <section class="weeks" aria-labelledby="weeks-heading">
        <h3 id="weeks-heading">Week by week</h3>
        <div class="week-grid">
          <For each={props.plan.weeks}>
            {(week) => (
              <PlanWeekCard
                week={week}
                today={today}
                citations={props.plan.citations}
                isDone={props.progress.isDone}
                onToggle={props.progress.toggle}
              />
            )}
          </For>
        </div>
      </section>

      <Show when={props.plan.citations.length > 0}>
        <section class="plan-citations" aria-labelledby="plan-sources-heading">
          <h3 id="plan-sources-heading">Sources this plan uses</h3>
          <ul class="source-list">
            <For each={groupCitationsBySource(props.plan.citations, props.exam)}>
              {(group) => (
                <li class="source-group">
                  <Show
                    when={safeHref(group.url)}
                    fallback={<span class="source-title">{group.title ?? group.source}</span>}
                  >
                    {(href) => (
                      <a class="source-title" href={href()} target="_blank" rel="noopener noreferrer nofollow">
                        {group.title ?? group.source}
                      </a>
                    )}
                  </Show>
                  <span class="source-meta">
                    {` · ${formatSourceDate(group.published, group.modified)}`}
                    <Show when={group.authority}>{(authority) => ` · ${authority()}`}</Show>
                  </span>
                  <ul class="source-quotes">
                    <For each={group.quotes}>
                      {(quote) => (
                        <li>
                          <blockquote class="quote">{quote}</blockquote>
                        </li>
                      )}
                    </For>
                  </ul>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </section>
  );
}
