import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlanParams, planParamsToSearch, toPlanRequest } from './planParams.ts';

const TODAY = '2026-11-22';

describe('plan inputs in the URL', () => {
  it('round-trips every field, including ratings for domain names with spaces and symbols', () => {
    const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s !== '');
    fc.assert(
      fc.property(
        fc.record({
          exam: fc.constantFrom('aws-mla-c01', 'gcp-pmle'),
          hoursPerWeek: fc.constantFrom('6', '7.5', '0.5'),
          startDate: fc.constantFrom('2026-11-22', '2027-01-01'),
          examDate: fc.constantFrom('', '2027-02-01'),
          targetHours: fc.constantFrom('', '40'),
          experienceYears: fc.constantFrom('', '0', '3'),
          proficiency: fc.dictionary(text, fc.constantFrom('1', '2', '3', '4', '5'), { maxKeys: 4 }),
        }),
        (inputs) => {
          expect(parsePlanParams(planParamsToSearch(inputs), TODAY)).toEqual(inputs);
        },
      ),
    );
  });

  it('defaults the start date to today and leaves absent fields empty', () => {
    expect(parsePlanParams('?exam=gcp-pmle&hours=5', TODAY)).toMatchObject({
      exam: 'gcp-pmle',
      hoursPerWeek: '5',
      startDate: TODAY,
      examDate: '',
      proficiency: {},
    });
  });
});

describe('toPlanRequest', () => {
  it('builds the API body with numbers and ratings, leaving out empty optional fields', () => {
    const inputs = parsePlanParams('exam=gcp-pmle&hours=7.5&start=2026-12-01&rate.Data+Prep=2', TODAY);
    expect(toPlanRequest(inputs)).toEqual({
      request: { exam: 'gcp-pmle', hoursPerWeek: 7.5, startDate: '2026-12-01', proficiency: { 'Data Prep': 2 } },
      issues: {},
    });
  });

  it('names each field the browser can already tell is wrong', () => {
    const inputs = parsePlanParams('hours=abc&target=x', TODAY);
    expect(toPlanRequest(inputs)).toEqual({
      request: null,
      issues: { exam: 'Choose an exam.', hoursPerWeek: 'Enter a number.', targetHours: 'Enter a number.' },
    });
  });
});
