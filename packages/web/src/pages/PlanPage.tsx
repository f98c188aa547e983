/**
 * The learner's page: the plan builder and, when the URL holds a plan's inputs, the plan itself. The URL is
 * the single source of the built plan, so a link reproduces it; the form is a draft until submitted.
 */
import { useLocation, useNavigate } from '@solidjs/router';
import {
  createEffect,
  createMemo,
  createResource,
  createSignal,
  type JSX,
  Match,
  on,
  onCleanup,
  Show,
  Switch,
} from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { useApi } from '../api/ApiContext.tsx';
import { ApiError } from '../api/ApiError.ts';
import type { PlanRequest } from '../api/types.ts';
import { type PlanField, PlanForm } from '../components/PlanForm.tsx';
import { PlanView } from '../components/PlanView.tsx';
import { examDomains } from '../lib/examDomains.ts';
import { type PlanInputs, parsePlanParams, planParamsToSearch, toPlanRequest } from '../lib/planParams.ts';
import { createProgressStore } from '../lib/progressStore.ts';
import { replanFromToday } from '../lib/replanFromToday.ts';
import { retirementIssues } from '../lib/retirementIssues.ts';
import { useToday } from '../lib/TodayContext.tsx';

const VALIDATE_DELAY_MS = 300;
const fields = new Set<string>([
  'exam',
  'hoursPerWeek',
  'startDate',
  'examDate',
  'targetHours',
  'experienceYears',
  'sessionStart',
  'timeZone',
]);

/** Where the API's issues go: a known field, a domain's rating, or (anything else) the form as a whole. */
export function issuesToFields(error: ApiError): { fieldErrors: Record<string, string>; formError?: string } {
  const fieldErrors: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of error.issues) {
    const [head] = issue.path.split('.');
    if (head && fields.has(head)) fieldErrors[head] ??= issue.message;
    else if (head === 'proficiency') fieldErrors[issue.path] ??= issue.message;
    else rest.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
  }
  if (error.issues.length === 0) return { fieldErrors, formError: error.message };
  return rest.length > 0 ? { fieldErrors, formError: rest.join(' ') } : { fieldErrors };
}

export function PlanPage(): JSX.Element {
  const api = useApi();
  const location = useLocation();
  const navigate = useNavigate();
  const today = useToday();
  const [exams] = createResource(() => api.listExams());

  const urlInputs = createMemo(() => parsePlanParams(location.search, today));
  const [inputs, setInputs] = createStore<PlanInputs>(structuredClone(urlInputs()));
  createEffect(on(urlInputs, (next) => setInputs(reconcile(structuredClone(next))), { defer: true }));

  const examById = (id: string) => (exams.state === 'ready' ? exams().find((exam) => exam.id === id) : undefined);
  const selectedExam = () => examById(inputs.exam);

  // Validation as you type: local checks at once, then the API's verdict after a pause.
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [formError, setFormError] = createSignal<string>();
  const [checking, setChecking] = createSignal(false);
  let touched = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: AbortController | undefined;
  onCleanup(() => {
    clearTimeout(timer);
    inflight?.abort();
  });

  const localCheck = (): { request: PlanRequest | null; issues: Record<string, string> } => {
    const { request, issues } = toPlanRequest(inputs);
    const exam = selectedExam();
    const retired = retirementIssues(exam, inputs);
    return { request: Object.keys(retired).length > 0 ? null : request, issues: { ...issues, ...retired } };
  };

  const validate = () => {
    inflight?.abort();
    const { request, issues } = localCheck();
    setErrors(issues);
    setFormError(undefined);
    if (!request) return;
    const controller = new AbortController();
    inflight = controller;
    setChecking(true);
    api
      .createPlan(request, controller.signal)
      .then(() => {
        if (inflight !== controller) return;
        setErrors({});
      })
      .catch((error: unknown) => {
        if (inflight !== controller || !(error instanceof ApiError)) return;
        const mapped = issuesToFields(error);
        setErrors(mapped.fieldErrors);
        setFormError(mapped.formError);
      })
      .finally(() => {
        if (inflight === controller) setChecking(false);
      });
  };

  createEffect(
    on(
      () => JSON.stringify(inputs),
      () => {
        if (!touched) return;
        clearTimeout(timer);
        timer = setTimeout(validate, VALIDATE_DELAY_MS);
      },
      { defer: true },
    ),
  );

  const onInput = (field: PlanField, value: string) => {
    touched = true;
    setInputs(field, value);
  };
  const onProficiency = (domain: string, value: string) => {
    touched = true;
    setInputs('proficiency', domain, value === '' ? undefined! : value);
  };
  const onStudyDays = (days: string[]) => {
    touched = true;
    setInputs('studyDays', days);
  };

  // The plan itself, from the URL. A link with inputs the browser can already refuse is not sent: its
  // problems are shown next to their fields instead.
  const planRequest = createMemo(() => toPlanRequest(urlInputs()).request);
  // What the link gave a value for that the builder refuses (hours=0, a malformed date): said above the form as
  // the API's refusals are. A field the link leaves out is not a problem: `/?exam=…` only prefills the builder.
  const linkIssues = createMemo(() => {
    const url = urlInputs();
    const given = (field: string) => {
      const value = (url as unknown as Record<string, unknown>)[field];
      return typeof value === 'string' && value.trim() !== '';
    };
    return Object.fromEntries(Object.entries(toPlanRequest(url).issues).filter(([field]) => given(field)));
  });
  createEffect(() => {
    const url = urlInputs();
    if (exams.state !== 'ready') return;
    const refused = linkIssues();
    if (!url.exam) {
      if (Object.keys(refused).length > 0) setErrors(refused);
      return;
    }
    const { issues } = toPlanRequest(url);
    const retired = retirementIssues(examById(url.exam), url);
    if (Object.keys(issues).length + Object.keys(retired).length > 0) setErrors({ ...issues, ...retired });
  });
  const [plan] = createResource(planRequest, (request) => api.createPlan(request));
  // Ticks are keyed to the plan's identity and session ids (see progressStore), so a re-plan keeps them.
  const progress = createMemo(() => {
    const current = plan.state === 'ready' ? plan() : undefined;
    return current ? createProgressStore(current) : createProgressStore('', null);
  });

  let planSection: HTMLElement | undefined;
  let focusPlanWhenReady = false;
  createEffect(() => {
    if (plan.state === 'ready' && focusPlanWhenReady) {
      focusPlanWhenReady = false;
      queueMicrotask(() => planSection?.focus());
    }
  });
  createEffect(() => {
    const error = plan.error;
    if (error instanceof ApiError) {
      const mapped = issuesToFields(error);
      setErrors(mapped.fieldErrors);
      setFormError(mapped.formError);
    }
  });

  const submit = () => {
    clearTimeout(timer);
    const { request, issues } = localCheck();
    setErrors(issues);
    if (!request) {
      setFormError('Please correct the fields marked above.');
      // Take keyboard and screen-reader users to the first field that needs them.
      queueMicrotask(() => document.querySelector<HTMLElement>('.plan-form [aria-invalid="true"]')?.focus());
      return;
    }
    setFormError(undefined);
    focusPlanWhenReady = true;
    // Changed inputs are a new plan: progress reported against the old one does not carry over.
    const identityChanged =
      planParamsToSearch({ ...inputs, done: {}, replanFrom: '' }) !==
      planParamsToSearch({ ...urlInputs(), done: {}, replanFrom: '' });
    navigate(`/?${planParamsToSearch(identityChanged ? { ...inputs, done: {}, replanFrom: '' } : inputs)}`);
  };

  const [exportError, setExportError] = createSignal<string>();
  const exportCalendar = async () => {
    const request = planRequest();
    if (!request) return;
    setExportError(undefined);
    try {
      const blob = await api.planCalendar(request);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `certplan-${request.exam}-${request.startDate}.ics`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      setExportError(error instanceof Error ? error.message : 'The calendar could not be made.');
    }
  };

  const replan = () => {
    if (plan.state !== 'ready') return;
    const current = plan();
    focusPlanWhenReady = true;
    navigate(`/?${planParamsToSearch(replanFromToday(urlInputs(), current, progress().done(), today))}`);
  };

  return (
    <>
      <h1>Plan your certification study</h1>
      {/* A plan link opens on the plan; the builder follows it to change the inputs. */}
      <Show when={!planRequest() && Object.keys(linkIssues()).length > 0}>
        <p role="alert" class="form-error">
          No plan for these inputs: see the fields marked in the form below.
        </p>
      </Show>
      <Show when={planRequest()}>
        <Switch>
          <Match when={plan.error}>
            {/* The API's own words go next to the fields they concern (see issuesToFields), never up here. */}
            <p role="alert" class="form-error">
              {plan.error instanceof ApiError && plan.error.issues.length > 0
                ? 'No plan for these inputs: see the fields marked in the form below.'
                : `No plan for these inputs: ${(plan.error as Error)?.message ?? String(plan.error)}`}
            </p>
          </Match>
          <Match when={plan()}>
            {(current) => (
              <PlanView
                plan={current()}
                exam={examById(current().exam)}
                progress={progress()}
                onExportCalendar={exportCalendar}
                onReplan={replan}
                exportError={exportError()}
                ref={(element) => {
                  planSection = element;
                }}
              />
            )}
          </Match>
          <Match when={plan.loading}>
            <p aria-live="polite">Building the plan…</p>
          </Match>
        </Switch>
      </Show>
      <Switch>
        <Match when={exams.error}>
          <p role="alert" class="form-error">
            The exams could not be loaded: {String((exams.error as Error)?.message ?? exams.error)}
          </p>
        </Match>
        <Match when={exams()}>
          {(list) => (
            <PlanForm
              exams={list()}
              inputs={inputs}
              errors={errors()}
              formError={formError()}
              domains={examDomains(selectedExam())}
              maxDate={selectedExam()?.retired?.date}
              checking={checking()}
              hasPlan={!!planRequest()}
              onInput={onInput}
              onProficiency={onProficiency}
              onStudyDays={onStudyDays}
              onSubmit={submit}
            />
          )}
        </Match>
        <Match when={exams.loading}>
          <p aria-live="polite">Loading exams…</p>
        </Match>
      </Switch>
    </>
  );
}
