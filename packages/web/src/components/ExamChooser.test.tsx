import { MemoryRouter, Route } from '@solidjs/router';
import { fireEvent, render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import type { ExamSummary } from '../api/types.ts';
import { mla, mls } from '../test/fixtures.ts';
import { ExamChooser, examMatches, groupByVendor } from './ExamChooser.tsx';

const exam = (id: string, name: string, vendor: string, code: string | null, retiredOn?: string): ExamSummary => ({
  ...mla,
  id,
  name,
  vendor,
  code,
  retired: retiredOn ? { date: retiredOn, successor: null, citations: [] } : null,
});

/** Fifteen exams of four vendors, three retired, in catalog order; made-up names in the field's style. */
const catalog: ExamSummary[] = [
  mla,
  exam('acme-ai-found', 'Acme Certified AI Foundations', 'AWS', 'AIF-X01'),
  exam('acme-genai-pro', 'Acme Certified GenAI Builder – Professional', 'AWS', 'AIP-X01'),
  mls,
  exam('zeta-mle', 'Zeta Cloud Professional ML Engineer', 'Zeta Cloud', null),
  exam('zeta-leader', 'Zeta Cloud GenAI Leader', 'Zeta Cloud', null),
  exam('ms-agents', 'Contoso AI Agents Developer Associate', 'Contoso', 'AI-203'),
  exam('ms-mlops', 'Contoso MLOps Engineer Associate', 'Contoso', 'AI-303'),
  exam('ms-found', 'Contoso AI Fundamentals', 'Contoso', 'AI-903'),
  exam('ms-old-eng', 'Contoso AI Engineer Associate', 'Contoso', 'AI-202', '2026-06-30'),
  exam('ms-old-ds', 'Contoso Data Scientist Associate', 'Contoso', 'DP-200', '2026-06-01'),
  exam('brick-ml-assoc', 'Brickhouse Certified ML Associate', 'Brickhouse', null),
  exam('brick-ml-pro', 'Brickhouse Certified ML Professional', 'Brickhouse', null),
  exam('brick-genai', 'Brickhouse Certified GenAI Engineer Associate', 'Brickhouse', null),
  exam('brick-old', 'Brickhouse Certified Data Wrangler', 'Brickhouse', null, '2025-12-31'),
];

function renderChooser(initial = '') {
  const [selected, setSelected] = createSignal(initial);
  // The cards link to each exam's page, so the chooser is mounted inside a router.
  const result = render(() => (
    <MemoryRouter>
      <Route path="/" component={() => <ExamChooser exams={catalog} selected={selected()} onSelect={setSelected} />} />
    </MemoryRouter>
  ));
  return { ...result, selected };
}

const headings = (container: HTMLElement) =>
  [...container.querySelectorAll('.exam-vendor-heading')].map((h) => h.textContent);
const visibleNames = (container: HTMLElement) =>
  [...container.querySelectorAll('.exam-card label')].map((label) => label.textContent);
const retiredSections = (container: HTMLElement) =>
  [...container.querySelectorAll<HTMLDetailsElement>('details.retired-exams')].map((d) => [
    d.querySelector('summary')?.textContent,
    d.open,
  ]);

describe('groupByVendor', () => {
  it('orders vendors alphabetically and keeps the order of exams, with retired exams apart', () => {
    expect(
      groupByVendor(catalog).map((g) => [g.vendor, g.active.map((e) => e.id), g.retired.map((e) => e.id)]),
    ).toEqual([
      ['AWS', ['aws-mla-c01', 'acme-ai-found', 'acme-genai-pro'], ['aws-mls-c01']],
      ['Brickhouse', ['brick-ml-assoc', 'brick-ml-pro', 'brick-genai'], ['brick-old']],
      ['Contoso', ['ms-agents', 'ms-mlops', 'ms-found'], ['ms-old-eng', 'ms-old-ds']],
      ['Zeta Cloud', ['zeta-mle', 'zeta-leader'], []],
    ]);
  });
});

describe('examMatches', () => {
  it.each([
    ['MLA-C01', true],
    ['mla c01', true],
    ['mlac01', true],
    ['machine learning assoc', true],
    ['aws', true],
    ['  ', true],
    ['c01 specialty', false],
    ['learning-x', false],
    ['zeta', false],
  ])('%j matches MLA-C01: %s', (query, expected) => {
    expect(examMatches(mla, query)).toBe(expected);
  });
});

describe('ExamChooser', () => {
  it('groups fifteen exams by vendor and folds each vendor’s retired exams away', () => {
    const { container, unmount } = renderChooser();
    try {
      expect(headings(container)).toEqual(['AWS', 'Brickhouse', 'Contoso', 'Zeta Cloud']);
      expect(retiredSections(container)).toEqual([
        ['Retired AWS exams (1)', false],
        ['Retired Brickhouse exams (1)', false],
        ['Retired Contoso exams (2)', false],
      ]);
      expect(container.querySelectorAll('.exam-card').length).toBe(15);
      expect(container.textContent).toContain('15 exams');
    } finally {
      unmount();
    }
  });

  it('filters by name, code or vendor, opens retired matches and says when nothing matches', () => {
    const { container, getByLabelText, unmount } = renderChooser();
    try {
      const filter = getByLabelText('Filter exams') as HTMLInputElement;
      fireEvent.input(filter, { target: { value: 'contoso associate' } });
      expect(headings(container)).toEqual(['Contoso']);
      expect(visibleNames(container)).toEqual([
        'Contoso AI Agents Developer Associate',
        'Contoso MLOps Engineer Associate',
        'Contoso AI Engineer Associate',
        'Contoso Data Scientist Associate',
      ]);
      expect(retiredSections(container)).toEqual([['Retired Contoso exams (2)', true]]);
      expect(container.textContent).toContain('4 of 15 exams match');

      fireEvent.input(filter, { target: { value: 'AI-903' } });
      expect(visibleNames(container)).toEqual(['Contoso AI Fundamentals']);

      fireEvent.input(filter, { target: { value: 'quantum' } });
      expect(container.querySelectorAll('.exam-card').length).toBe(0);
      expect(container.textContent).toContain('No exam matches “quantum”.');
    } finally {
      unmount();
    }
  });

  it('chooses an exam with its radio and keeps a retired choice in view', () => {
    const { container, getByLabelText, selected, unmount } = renderChooser('aws-mls-c01');
    try {
      expect(retiredSections(container)[0]).toEqual(['Retired AWS exams (1)', true]);
      fireEvent.click(getByLabelText('Zeta Cloud GenAI Leader'));
      expect(selected()).toBe('zeta-leader');
      expect(container.querySelector<HTMLInputElement>('#exam-zeta-leader')?.checked).toBe(true);
      expect(retiredSections(container)[0]).toEqual(['Retired AWS exams (1)', false]);
    } finally {
      unmount();
    }
  });

  it('says when the filter hides the chosen exam, and can show all again', () => {
    const { container, getByLabelText, getByRole, unmount } = renderChooser('brick-ml-pro');
    try {
      fireEvent.input(getByLabelText('Filter exams'), { target: { value: 'zeta' } });
      expect(container.textContent).toContain('Chosen: Brickhouse Certified ML Professional, hidden by the filter.');
      fireEvent.click(getByRole('button', { name: 'Show all exams' }));
      expect(container.querySelectorAll('.exam-card').length).toBe(15);
      expect(container.querySelector('.exam-hidden-choice')).toBeNull();
    } finally {
      unmount();
    }
  });
});
