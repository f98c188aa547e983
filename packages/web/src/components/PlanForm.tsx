/**
 * The plan builder's inputs. The form only shows state; PlanPage owns it, validates it as the learner types
 * (against the API, whose messages appear next to the field) and puts it in the URL on submit.
 */
import { For, type JSX, Show } from 'solid-js';
import type { ExamSummary } from '../api/types.ts';
import { type PlanInputs, WEEKDAYS } from '../lib/planParams.ts';
import { ExamChooser } from './ExamChooser.tsx';

export type PlanField = Exclude<keyof PlanInputs, 'proficiency' | 'studyDays' | 'done'>;

const DAY_LABELS: Record<(typeof WEEKDAYS)[number], string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** The browser's own zone, offered as the example; an empty field means floating local times. */
function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    return '';
  }
}

export interface PlanFormProps {
  exams: readonly ExamSummary[];
  inputs: PlanInputs;
  errors: Readonly<Record<string, string>>;
  formError: string | undefined;
  domains: readonly string[];
  /** Latest date the chosen exam can be planned for (its retirement date), if any. */
  maxDate: string | undefined;
  checking: boolean;
  /** A plan is shown above: the form then changes it rather than starting one. */
  hasPlan?: boolean;
  onInput: (field: PlanField, value: string) => void;
  onProficiency: (domain: string, value: string) => void;
  onStudyDays: (days: string[]) => void;
  onSubmit: () => void;
}

export function PlanForm(props: PlanFormProps): JSX.Element {
  return (
    <form
      class="plan-form no-print"
      aria-labelledby="builder-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <h2 id="builder-heading">{props.hasPlan ? 'Change the plan' : 'Build a study plan'}</h2>
      <fieldset class="exam-choice" aria-describedby={props.errors.exam ? 'exam-error' : undefined}>
        <legend>Exam</legend>
        <ExamChooser
          exams={props.exams}
          selected={props.inputs.exam}
          onSelect={(id) => props.onInput('exam', id)}
          error={props.errors.exam}
        />
        {/* With an exam chosen, its problem is shown on its card; this is for "Choose an exam." */}
        <Show when={!props.exams.some((exam) => exam.id === props.inputs.exam)}>
          <FieldError field="exam" errors={props.errors} />
        </Show>
      </fieldset>

      <div class="field-grid">
        <Field label="Hours per week" field="hoursPerWeek" errors={props.errors}>
          {(attrs) => (
            <input
              {...attrs}
              type="number"
              inputmode="decimal"
              min="0.5"
              max="80"
              step="0.5"
              required
              value={props.inputs.hoursPerWeek}
              onInput={(event) => props.onInput('hoursPerWeek', event.currentTarget.value)}
            />
          )}
        </Field>
        <Field label="Start date" field="startDate" errors={props.errors}>
          {(attrs) => (
            <input
              {...attrs}
              type="date"
              required
              max={props.maxDate}
              value={props.inputs.startDate}
              onInput={(event) => props.onInput('startDate', event.currentTarget.value)}
            />
          )}
        </Field>
        <Field label="Exam date (optional)" field="examDate" errors={props.errors}>
          {(attrs) => (
            <input
              {...attrs}
              type="date"
              max={props.maxDate}
              value={props.inputs.examDate}
              onInput={(event) => props.onInput('examDate', event.currentTarget.value)}
            />
          )}
        </Field>
        <Field label="Or target hours (optional)" field="targetHours" errors={props.errors}>
          {(attrs) => (
            <input
              {...attrs}
              type="number"
              inputmode="decimal"
              min="1"
              step="0.5"
              value={props.inputs.targetHours}
              onInput={(event) => props.onInput('targetHours', event.currentTarget.value)}
            />
          )}
        </Field>
        <Field label="Years of experience (optional)" field="experienceYears" errors={props.errors}>
          {(attrs) => (
            <input
              {...attrs}
              type="number"
              inputmode="decimal"
              min="0"
              step="0.5"
              value={props.inputs.experienceYears}
              onInput={(event) => props.onInput('experienceYears', event.currentTarget.value)}
            />
          )}
        </Field>
      </div>

      <fieldset class="study-days">
        <legend>When do you study? (sessions land on these days; none ticked: every day)</legend>
        <div class="day-choice">
          <For each={WEEKDAYS}>
            {(day) => (
              <label class="day">
                <input
                  type="checkbox"
                  name="studyDays"
                  value={day}
                  checked={props.inputs.studyDays.includes(day)}
                  onChange={(event) => {
                    const others = props.inputs.studyDays.filter((d) => d !== day);
                    props.onStudyDays(
                      event.currentTarget.checked ? WEEKDAYS.filter((d) => d === day || others.includes(d)) : others,
                    );
                  }}
                />
                {DAY_LABELS[day]}
              </label>
            )}
          </For>
        </div>
        <div class="field-grid">
          <Field label="Sessions start at (optional)" field="sessionStart" errors={props.errors}>
            {(attrs) => (
              <input
                {...attrs}
                type="time"
                placeholder="19:00"
                value={props.inputs.sessionStart}
                onInput={(event) => props.onInput('sessionStart', event.currentTarget.value)}
              />
            )}
          </Field>
          <Field label="Time zone (optional)" field="timeZone" errors={props.errors}>
            {(attrs) => (
              <input
                {...attrs}
                type="text"
                autocomplete="off"
                placeholder={browserTimeZone() || 'Europe/Berlin'}
                value={props.inputs.timeZone}
                onInput={(event) => props.onInput('timeZone', event.currentTarget.value)}
              />
            )}
          </Field>
        </div>
      </fieldset>
      <Show when={props.domains.length > 0}>
        <fieldset class="proficiency">
          <legend>How strong are you in each domain? (optional, 1 = new to it, 5 = expert)</legend>
          <div class="field-grid">
            <For each={props.domains}>
              {(domain, index) => {
                const id = () => `proficiency-${index()}`;
                const error = () => props.errors[`proficiency.${domain}`];
                return (
                  <div class="field">
                    <label for={id()}>{domain}</label>
                    <select
                      id={id()}
                      value={props.inputs.proficiency[domain] ?? ''}
                      aria-invalid={error() ? 'true' : undefined}
                      aria-describedby={error() ? `${id()}-error` : undefined}
                      onChange={(event) => props.onProficiency(domain, event.currentTarget.value)}
                    >
                      <option value="">not rated</option>
                      <For each={['1', '2', '3', '4', '5']}>{(level) => <option value={level}>{level}</option>}</For>
                    </select>
                    <Show when={error()}>
                      <p class="field-error" id={`${id()}-error`}>
                        {error()}
                      </p>
                    </Show>
                  </div>
                );
              }}
            </For>
          </div>
        </fieldset>
      </Show>

      <div class="form-actions">
        <button type="submit" class="button primary">
          Build plan
        </button>
        <span class="muted" aria-live="polite">
          {props.checking ? 'Checking…' : ''}
        </span>
      </div>
      <Show when={props.formError}>
        <p role="alert" class="form-error">
          {props.formError}
        </p>
      </Show>
    </form>
  );
}

interface FieldAttrs {
  id: string;
  name: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}

function Field(props: {
  label: string;
  field: PlanField;
  errors: Readonly<Record<string, string>>;
  children: (attrs: FieldAttrs) => JSX.Element;
}): JSX.Element {
  const id = () => `field-${props.field}`;
  const invalid = () => !!props.errors[props.field];
  return (
    <div class="field" classList={{ invalid: invalid() }}>
      <label for={id()}>{props.label}</label>
      {props.children({
        get id() {
          return id();
        },
        get name() {
          return props.field;
        },
        get 'aria-invalid'() {
          return invalid() ? ('true' as const) : undefined;
        },
        get 'aria-describedby'() {
          return invalid() ? `${props.field}-error` : undefined;
        },
      })}
      <FieldError field={props.field} errors={props.errors} />
    </div>
  );
}

function FieldError(props: { field: string; errors: Readonly<Record<string, string>> }): JSX.Element {
  return (
    <Show when={props.errors[props.field]}>
      <p class="field-error" id={`${props.field}-error`}>
        {props.errors[props.field]}
      </p>
    </Show>
  );
}
