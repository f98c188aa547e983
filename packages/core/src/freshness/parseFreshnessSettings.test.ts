import { describe, expect, it } from 'vitest';
import { parseFreshnessSettings } from './parseFreshnessSettings.ts';

const file = 'content/freshness.yaml';

describe('parseFreshnessSettings', () => {
  it('reads the threshold, and defaults to 18 months for a missing (null), empty or comment-only file', () => {
    expect(parseFreshnessSettings(null, file)).toEqual({ thresholdMonths: 18 });
    expect(parseFreshnessSettings('thresholdMonths: 24\n', file)).toEqual({ thresholdMonths: 24 });
    expect(parseFreshnessSettings('', file)).toEqual({ thresholdMonths: 18 });
    expect(parseFreshnessSettings('# nothing set yet\n', file)).toEqual({ thresholdMonths: 18 });
    expect(parseFreshnessSettings('{}\n', file)).toEqual({ thresholdMonths: 18 });
  });

  it('names file:line:column and the field for each kind of mistake', () => {
    const error = (text: string) => {
      try {
        parseFreshnessSettings(text, file);
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(error('# months\nthresholdMonths: eighteen\n')).toMatchInlineSnapshot(
      `"content/freshness.yaml:2:18: thresholdMonths: expected a whole number of months, got the text "eighteen""`,
    );
    expect(error('thresholdMonths: 1.5\n')).toMatchInlineSnapshot(
      `"content/freshness.yaml:1:18: thresholdMonths: expected a whole number of months"`,
    );
    expect(error('thresholdMonths: 0\n')).toMatchInlineSnapshot(
      `"content/freshness.yaml:1:18: thresholdMonths: must be at least 1 month"`,
    );
    expect(error('thresholdMonths: 18\nthresholdMonth: 12\n')).toMatchInlineSnapshot(
      `"content/freshness.yaml:2:1: thresholdMonth: unknown setting (known: thresholdMonths)"`,
    );
    expect(error('thresholdMonths: [18\n')).toMatch(/^content\/freshness\.yaml:\d+:\d+: invalid YAML: /);
    expect(error('thresholdMonths: 18\nthresholdMonths: 12\n')).toMatch(/^content\/freshness\.yaml:2:1: invalid YAML/);
    expect(error('- 18\n')).toMatchInlineSnapshot(
      `"content/freshness.yaml:1:1: expected settings such as thresholdMonths: 18"`,
    );
  });
});
