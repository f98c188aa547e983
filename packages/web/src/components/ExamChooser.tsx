/**
 * Choosing one exam out of many: exams grouped by vendor (vendors alphabetically), a filter over names, codes and
 * vendors, and each vendor's retired exams folded away under a disclosure, since a learner plans for those only
 * to learn what replaced them. The chosen exam always stays reachable: its group's retired section opens when it
 * is retired, and a filter that hides it says so.
 */
import { compareStrings } from '@certplan/core';
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import type { ExamSummary } from '../api/types.ts';
import { ExamCard } from './ExamCard.tsx';

export interface ExamChooserProps {
  exams: readonly ExamSummary[];
  selected: string;
  onSelect: (id: string) => void;
  /** The chosen exam's problem (its retirement), shown on its card. */
  error?: string | undefined;
}

export interface VendorGroup {
  vendor: string;
  active: ExamSummary[];
  retired: ExamSummary[];
}

/** Lowercase words without accents or punctuation, so "mla c01", "MLA-C01" and "Mla‑C01" match alike. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether every word of the query starts a word of the exam's name, code, vendor or id ("ml assoc", "c01"). */
export function examMatches(exam: ExamSummary, query: string): boolean {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = ` ${fold([exam.name, exam.code ?? '', exam.vendor, exam.id].join(' '))}`;
  // Codes are also matched glued ("mlac01"), as people type them.
  const glued = fold(exam.code ?? '').replace(/ /g, '');
  return words.every((word) => haystack.includes(` ${word}`) || (glued !== '' && glued.startsWith(word)));
}

/** Exams by vendor, vendors alphabetically and exams in the order given; active and retired apart. */
export function groupByVendor(exams: readonly ExamSummary[]): VendorGroup[] {
  const groups = new Map<string, VendorGroup>();
  for (const exam of exams) {
    let group = groups.get(exam.vendor);
    if (!group) {
      group = { vendor: exam.vendor, active: [], retired: [] };
      groups.set(exam.vendor, group);
    }
    (exam.retired ? group.retired : group.active).push(exam);
  }
  return [...groups.values()].sort((a, b) => compareStrings(a.vendor, b.vendor));
}

export function ExamChooser(props: ExamChooserProps): JSX.Element {
  const [query, setQuery] = createSignal('');
  const visible = createMemo(() => props.exams.filter((exam) => examMatches(exam, query())));
  const groups = createMemo(() => groupByVendor(visible()));
  const selectedHidden = createMemo(() => {
    const chosen = props.exams.find((exam) => exam.id === props.selected);
    return chosen && !visible().includes(chosen) ? chosen : undefined;
  });
  const slug = (vendor: string) => fold(vendor).replace(/ /g, '-') || 'vendor';
  const card = (exam: ExamSummary) => (
    <ExamCard
      exam={exam}
      selected={props.selected === exam.id}
      onSelect={props.onSelect}
      error={props.selected === exam.id ? props.error : undefined}
    />
  );
  return (
    <div class="exam-chooser">
      <div class="field exam-filter">
        <label for="exam-filter">Filter exams</label>
        <input
          id="exam-filter"
          type="search"
          autocomplete="off"
          placeholder="Name, code or vendor, e.g. MLA-C01"
          aria-controls="exam-groups"
          value={query()}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        <p class="muted" aria-live="polite">
          {query().trim() === ''
            ? `${props.exams.length} exams`
            : `${visible().length} of ${props.exams.length} exams match`}
        </p>
      </div>
      <Show when={selectedHidden()}>
        {(chosen) => (
          <p class="muted exam-hidden-choice">
            Chosen: {chosen().name}, hidden by the filter.{' '}
            <button type="button" class="link-button" onClick={() => setQuery('')}>
              Show all exams
            </button>
          </p>
        )}
      </Show>
      <div id="exam-groups">
        <Show when={visible().length > 0} fallback={<p class="muted">No exam matches “{query().trim()}”.</p>}>
          <For each={groups()}>
            {(group) => {
              const headingId = () => `exam-vendor-${slug(group.vendor)}`;
              // Open while the chosen exam or a filter match is inside; otherwise retired exams stay folded.
              const retiredOpen = () =>
                query().trim() !== '' || group.retired.some((exam) => exam.id === props.selected);
              return (
                <section class="exam-vendor-group" aria-labelledby={headingId()}>
                  <h3 id={headingId()} class="exam-vendor-heading">
                    {group.vendor}
                  </h3>
                  <Show when={group.active.length > 0}>
                    <div class="exam-grid">
                      <For each={group.active}>{card}</For>
                    </div>
                  </Show>
                  <Show when={group.retired.length > 0}>
                    <details class="retired-exams" open={retiredOpen()}>
                      <summary>
                        Retired {group.vendor} exams ({group.retired.length})
                      </summary>
                      <div class="exam-grid">
                        <For each={group.retired}>{card}</For>
                      </div>
                    </details>
                  </Show>
                </section>
              );
            }}
          </For>
        </Show>
      </div>
    </div>
  );
}
