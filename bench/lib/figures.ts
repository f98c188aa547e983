/**
 * A benchmark figure and the table `pnpm bench` prints: one row per figure with its value, its target and
 * whether it meets it. Figures without a target are context (sizes, absolute times) for the ratios that have one.
 */
export interface Figure {
  section: string;
  name: string;
  /** Null when the figure could not be measured (the note says why). */
  value: number | null;
  unit: string;
  /** Human-readable target, e.g. "≤ 1.5". */
  target?: string;
  /** True/false against the target; null when there is no target or no value. */
  pass: boolean | null;
  note?: string;
}

export interface SectionResult {
  section: string;
  /** Set when the section was skipped (dependency not built, browser missing, ...). */
  skipped?: string;
  figures: Figure[];
  /** Raw measurements kept in results.json for later comparison. */
  details?: unknown;
}

export const within = (value: number | null, min: number, max: number) =>
  value === null || !Number.isFinite(value) ? null : value >= min && value <= max;

export function figure(
  section: string,
  name: string,
  value: number | null,
  unit: string,
  check?: { target: string; test: (v: number) => boolean },
  note?: string,
): Figure {
  const ok = value !== null && Number.isFinite(value);
  return {
    section,
    name,
    value: ok ? value : null,
    unit,
    ...(check ? { target: check.target } : {}),
    pass: check && ok ? check.test(value) : null,
    ...(note ? { note } : {}),
  };
}

export const atMost = (limit: number, unit = '') => ({ target: `≤ ${limit}${unit}`, test: (v: number) => v <= limit });
export const atLeast = (limit: number, unit = '') => ({ target: `≥ ${limit}${unit}`, test: (v: number) => v >= limit });
export const between = (min: number, max: number) => ({
  target: `${min}–${max}`,
  test: (v: number) => v >= min && v <= max,
});

function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  const abs = Math.abs(value);
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 10 ? 2 : 3;
  const n = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return unit ? `${n} ${unit}` : n;
}

export function renderTable(results: SectionResult[]): string {
  const rows: string[][] = [['figure', 'value', 'target', 'result']];
  for (const r of results) {
    if (r.skipped) {
      rows.push([`${r.section}: skipped`, r.skipped, '', 'SKIP']);
      continue;
    }
    for (const f of r.figures) {
      const result = f.pass === null ? (f.target ? 'n/a' : '') : f.pass ? 'pass' : 'FAIL';
      rows.push([
        `${f.section}: ${f.name}`,
        formatValue(f.value, f.unit) + (f.note ? ` (${f.note})` : ''),
        f.target ?? '',
        result,
      ]);
    }
  }
  const widths = rows[0]!.map((_, c) => Math.min(90, Math.max(...rows.map((r) => r[c]!.length))));
  const line = (r: string[]) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
