/**
 * Exams side by side (`/compare?exams=a,b,c`): one column per exam, one row per attribute, every value with
 * the markers that open its quotes, a "sources disagree" link to the conflict where there is one, and how
 * current it is. Up to four columns on a desktop; on a phone each attribute stacks its exams. The URL holds
 * the choice, so a link shares the comparison.
 */
import { A, useLocation, useNavigate } from '@solidjs/router';
import { createMemo, createResource, For, type JSX, Match, Show, Switch } from 'solid-js';
import { useApi } from '../api/ApiContext.tsx';
import type { CompareClaimView, CompareExamView, ExamSummary } from '../api/types.ts';
import { CitationList } from '../components/CitationMarker.tsx';
import { compareSearch, MAX_COMPARED, parseCompareParams } from '../lib/compareParams.ts';
import { examFreshnessLabel, freshnessLabel } from '../lib/formatFreshness.ts';
import { formatDate } from '../lib/today.ts';

const experienceKinds: Record<string, string> = { ml: 'ML', platform: 'On the platform', industry: 'In industry' };

/** What a value is about, where a row holds several kinds (experience kinds, salary roles, renewal). */
function valuePrefix(claim: CompareClaimView): string | null {
  if (claim.attribute === 'validity') return 'Valid for';
  if (claim.attribute === 'recertification') return 'Renewal';
  if (claim.attribute === 'experience' && claim.key) return experienceKinds[claim.key] ?? claim.key;
  if (claim.attribute === 'salary' && claim.key) return claim.key;
  if (claim.attribute === 'domain' && claim.key) return null;
  return null;
}

type DomainItem = { name: string; weight: string };

/**
 * A domain list's entries from a `domains` claim, each with its weight as a text ("28%", a range "25–30%" where
 * the guide gives one, or "(no weight given)"), or null for any other claim.
 */
function domainItems(claim: CompareClaimView): DomainItem[] | null {
  if (claim.attribute !== 'domains' || !('domains' in claim.value)) return null;
  return claim.value.domains.map((d) => ({
    name: d.name,
    weight:
      d.weightPercent !== null
        ? ` ${d.weightPercent}%`
        : d.weightRange
          ? ` ${d.weightRange[0]}–${d.weightRange[1]}%`
          : ' (no weight given)',
  }));
}

function CompareValue(props: { claim: CompareClaimView }): JSX.Element {
  const domains = () => domainItems(props.claim);
  return (
    <div class="compare-value" data-stale={props.claim.freshness.stale ? 'true' : 'false'}>
      <Show
        when={domains()}
        fallback={
          <span class="value-text">
            <Show when={valuePrefix(props.claim)}>{(prefix) => <span class="value-prefix">{prefix()}: </span>}</Show>
            {props.claim.text}
          </span>
        }
      >
        {(items) => (
          <ol class="domain-weights">
            <For each={items()}>
              {(item) => (
                <li>
                  {item.name}
                  <span class="weight">{item.weight}</span>
                </li>
              )}
            </For>
          </ol>
        )}
      </Show>
      <CitationList citations={props.claim.citations} />
      <Show when={props.claim.conflictId}>
        {(id) => (
          <a class="disagree-mark" href={`/review#conflict-${id()}`}>
            {props.claim.status === 'reviewed' ? 'sources disagreed (reviewed)' : 'sources disagree'}
          </a>
        )}
      </Show>
      <span
        class="freshness"
        data-stale={props.claim.freshness.stale ? 'true' : 'false'}
        title={props.claim.freshness.reason}
      >
        {freshnessLabel(props.claim.freshness)}
      </span>
    </div>
  );
}

function ExamHeading(props: { exam: CompareExamView }): JSX.Element {
  return (
    <>
      <A class="compare-exam-name" href={`/exams/${encodeURIComponent(props.exam.id)}`}>
        {props.exam.name}
      </A>
      <span class="compare-exam-meta">
        {props.exam.vendor}
        <Show when={props.exam.code}>{(code) => ` · ${code()}`}</Show>
      </span>
      <Show when={props.exam.status !== 'current'}>
        <span class="badge" data-status="contested">
          {props.exam.status === 'retired' ? 'retired' : 'retiring'}
        </span>
      </Show>
      <span class="freshness" data-stale={props.exam.freshness.stale ? 'true' : 'false'}>
        {examFreshnessLabel(props.exam.freshness)}
      </span>
      <A class="plan-link no-print" href={`/?exam=${encodeURIComponent(props.exam.id)}`}>
        Plan for this exam
      </A>
    </>
  );
}

function StatusCell(props: { exam: CompareExamView; claims: readonly CompareClaimView[] }): JSX.Element {
  return (
    <Show
      when={props.claims.length > 0}
      fallback={<span class="muted">Current: no retirement announced in the sources</span>}
    >
      <For each={props.claims}>{(claim) => <CompareValue claim={claim} />}</For>
      <Show when={props.exam.retired?.successor}>
        {(successor) => (
          <p class="successor">
            {'Successor: '}
            <A href={`/exams/${encodeURIComponent(successor().id)}`}>{successor().name}</A>
          </p>
        )}
      </Show>
    </Show>
  );
}

function ExamChooser(props: {
  exams: readonly ExamSummary[];
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const full = () => props.chosen.length >= MAX_COMPARED;
  return (
    <fieldset class="compare-chooser no-print">
      <legend>Exams to compare (up to {MAX_COMPARED})</legend>
      <ul class="compare-choices">
        <For each={props.exams}>
          {(exam) => {
            const checked = () => props.chosen.includes(exam.id);
            return (
              <li>
                <label class="compare-choice">
                  <input
                    type="checkbox"
                    name="exams"
                    value={exam.id}
                    checked={checked()}
                    disabled={!checked() && full()}
                    onChange={(event) =>
                      props.onChange(
                        event.currentTarget.checked
                          ? [...props.chosen, exam.id]
                          : props.chosen.filter((id) => id !== exam.id),
                      )
                    }
                  />
                  {` ${exam.name}`}
                  <span class="muted">
                    {` · ${exam.vendor}`}
                    <Show when={exam.code}>{(code) => ` · ${code()}`}</Show>
                    <Show when={exam.retired}>{(retired) => ` · retired ${formatDate(retired().date)}`}</Show>
                  </span>
                </label>
              </li>
            );
          }}
        </For>
      </ul>
      <Show when={full()}>
        <p class="muted">Four exams is the most that fit side by side; untick one to choose another.</p>
      </Show>
    </fieldset>
  );
}

export function ComparePage(): JSX.Element {
  const api = useApi();
  const location = useLocation();
  const navigate = useNavigate();
  const [exams] = createResource(() => api.listExams());
  const chosen = createMemo(() => parseCompareParams(location.search), [], {
    equals: (a, b) => a.join(',') === b.join(','),
  });
  const [comparison] = createResource(
    () => (chosen().length > 0 ? chosen() : false),
    (ids) => api.compareExams(ids),
  );
  const choose = (ids: string[]) => navigate(`/compare${compareSearch(ids)}`);

  return (
    <article class="compare-page">
      <h1>Compare exams</h1>
      <p class="muted no-print">
        Every value links to the sentences it came from, is dated by its newest source, and is marked where sources
        disagree.
      </p>
      <Show when={exams.state === 'ready' && exams()}>
        {(list) => <ExamChooser exams={list()} chosen={chosen()} onChange={choose} />}
      </Show>
      <Switch>
        <Match when={chosen().length === 0}>
          <p>Choose up to four exams to see them side by side.</p>
        </Match>
        <Match when={comparison.error}>
          <p role="alert" class="form-error">
            {(comparison.error as Error)?.message ?? String(comparison.error)}
          </p>
        </Match>
        <Match when={comparison.state === 'ready' && comparison()}>
          {(data) => (
            <div class="compare-wrap">
              <table class="compare-table" data-columns={data().exams.length}>
                <caption>
                  {data()
                    .exams.map((exam) => exam.name)
                    .join(' compared with ')}
                  <span class="muted">{` · freshness as of ${formatDate(data().asOf)}; stale after ${data().thresholdMonths} months`}</span>
                </caption>
                <thead>
                  <tr>
                    <td class="compare-corner" />
                    <For each={data().exams}>
                      {(exam) => (
                        <th scope="col" class="compare-exam" data-exam={exam.id}>
                          <ExamHeading exam={exam} />
                        </th>
                      )}
                    </For>
                  </tr>
                </thead>
                <tbody>
                  <For each={data().rows}>
                    {(row) => (
                      <tr data-row={row.id}>
                        <th scope="row">{row.label}</th>
                        <For each={row.cells}>
                          {(cell, column) => {
                            const exam = () => data().exams[column()]!;
                            return (
                              <td data-exam={cell.exam}>
                                <span class="cell-exam" aria-hidden="true">
                                  {exam().name}
                                </span>
                                <Show
                                  when={row.id !== 'status'}
                                  fallback={<StatusCell exam={exam()} claims={cell.claims} />}
                                >
                                  <For
                                    each={cell.claims}
                                    fallback={<span class="muted">not stated by any source</span>}
                                  >
                                    {(claim) => <CompareValue claim={claim} />}
                                  </For>
                                </Show>
                              </td>
                            );
                          }}
                        </For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          )}
        </Match>
        <Match when={comparison.loading}>
          <p aria-live="polite">Loading the comparison…</p>
        </Match>
      </Switch>
    </article>
  );
}
