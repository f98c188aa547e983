/**
 * Hours per domain per week as stacked bars, hand-rolled SVG (a chart library would triple the page's JS).
 * The same numbers are in a table under "Show as table" for screen readers and for reading exact values.
 */
import { createEffect, createMemo, For, type JSX } from 'solid-js';
import type { Plan } from '../api/types.ts';

/** Colours with at least 3:1 contrast against white, as WCAG asks of graphical objects. */
export const domainPalette = ['#1b6ca8', '#c0392b', '#1e7f74', '#9a5b13', '#6a4c93', '#3d5a80', '#7b4b3a', '#4f772d'];
export const mixedColour = '#5f6368';
export const MIXED = 'Mixed review and practice';

export interface HoursChartProps {
  plan: Plan;
}

interface Segment {
  domain: string;
  hours: number;
  colour: string;
}

export function HoursChart(props: HoursChartProps): JSX.Element {
  const series = createMemo(() => {
    const names = props.plan.domains.map((domain) => domain.name);
    const hasMixed = props.plan.weeks.some((week) => week.sessions.some((session) => session.domain === null));
    const all = hasMixed ? [...names, MIXED] : names;
    const colourOf = (name: string) =>
      name === MIXED ? mixedColour : (domainPalette[names.indexOf(name) % domainPalette.length] ?? mixedColour);
    const weeks = props.plan.weeks.map((week) => {
      const byDomain = new Map<string, number>();
      for (const session of week.sessions) {
        // Missed work moved forward: drawing it too would count it twice.
        if (session.status === 'missed') continue;
        const name = session.domain ?? MIXED;
        byDomain.set(name, (byDomain.get(name) ?? 0) + session.hours);
      }
      const segments: Segment[] = all
        .filter((name) => (byDomain.get(name) ?? 0) > 0)
        .map((name) => ({ domain: name, hours: byDomain.get(name) ?? 0, colour: colourOf(name) }));
      return { index: week.index, total: week.hours, segments };
    });
    const tallest = Math.max(1, ...weeks.map((week) => week.segments.reduce((sum, s) => sum + s.hours, 0)));
    // The axis ends on a labelled tick at or above the tallest week, so every bar can be read off it.
    const step = tallest <= 5 ? 1 : tallest <= 10 ? 2 : tallest <= 25 ? 5 : 10;
    const max = Math.ceil(tallest / step) * step;
    return { domains: all.map((name) => ({ name, colour: colourOf(name) })), weeks, max, step };
  });

  const barWidth = 22;
  const gap = 8;
  const left = 36;
  const top = 22;
  const plotHeight = 160;
  const bottom = 28;
  const width = () => left + series().weeks.length * (barWidth + gap) + gap;
  const height = top + plotHeight + bottom;
  const ticks = () => {
    const values: number[] = [];
    for (let value = 0; value <= series().max; value += series().step) values.push(value);
    return values;
  };
  // Two decimals are plenty on screen and keep the SVG markup short.
  const y = (hours: number) => Math.round((top + plotHeight - (hours / series().max) * plotHeight) * 100) / 100;

  return (
    <figure class="hours-chart">
      <figcaption id="hours-chart-caption">Hours per domain, week by week</figcaption>
      {/* Focusable so keyboard users can scroll a long plan's chart sideways (axe: scrollable-region-focusable). */}
      <section class="chart-scroll" tabindex="0" aria-labelledby="hours-chart-caption">
        <svg
          role="img"
          aria-labelledby="hours-chart-title hours-chart-desc"
          viewBox={`0 0 ${width()} ${height}`}
          class="chart-svg"
          ref={(svg) => {
            // Scales with the screen, within limits: a long plan scrolls sideways rather than shrinking to
            // unreadable bars, a short one does not blow up. Set through the CSSOM: the CSP (style-src 'self')
            // blocks style attributes, not script setting style properties.
            createEffect(() => {
              svg.style.setProperty('min-width', `${Math.round(width() * 0.7)}px`);
              svg.style.setProperty('max-width', `${Math.round(width() * 1.25)}px`);
            });
          }}
        >
          <title id="hours-chart-title">Hours per domain, week by week</title>
          <desc id="hours-chart-desc">
            {`${series().weeks.length} weeks, up to ${series().max} hours a week. The table below lists the values.`}
          </desc>
          <For each={ticks()}>
            {(tick) => (
              <g class="chart-tick">
                <line x1={left - 4} x2={width()} y1={y(tick)} y2={y(tick)} stroke="#d0d4d9" />
                <text x={left - 8} y={y(tick) + 4} text-anchor="end" font-size="11" fill="#3c4043">
                  {tick}
                </text>
              </g>
            )}
          </For>
          <For each={series().weeks}>
            {(week, column) => {
              const x = () => left + gap + column() * (barWidth + gap);
              const stacked = () => {
                let base = 0;
                return week.segments.map((segment) => {
                  const from = base;
                  base += segment.hours;
                  return { ...segment, from };
                });
              };
              return (
                <g class="chart-bar" data-week={week.index}>
                  <For each={stacked()}>
                    {(segment) => (
                      <rect
                        x={x()}
                        width={barWidth}
                        y={y(segment.from + segment.hours)}
                        height={Math.max(
                          0,
                          Math.round((y(segment.from) - y(segment.from + segment.hours)) * 100) / 100,
                        )}
                        fill={segment.colour}
                        stroke="#fff"
                        stroke-width="1"
                      >
                        <title>{`Week ${week.index + 1}: ${segment.domain}, ${segment.hours} h`}</title>
                      </rect>
                    )}
                  </For>
                  <text
                    x={x() + barWidth / 2}
                    y={top + plotHeight + 16}
                    text-anchor="middle"
                    font-size="11"
                    fill="#3c4043"
                  >
                    {week.index + 1}
                  </text>
                </g>
              );
            }}
          </For>
          <text x={left} y={height - 2} font-size="11" fill="#3c4043">
            Week
          </text>
          <text x={0} y={11} font-size="11" fill="#3c4043">
            Hours
          </text>
        </svg>
      </section>
      <ul class="chart-legend">
        <For each={series().domains}>
          {(domain) => (
            <li>
              <svg width="12" height="12" aria-hidden="true" class="swatch">
                <rect width="12" height="12" fill={domain.colour} />
              </svg>
              {domain.name}
            </li>
          )}
        </For>
      </ul>
      <details class="chart-table">
        <summary>Show as table</summary>
        <section class="table-scroll" tabindex="0" aria-label="Hours per domain per week, table">
          <table>
            <caption class="visually-hidden">Hours per domain per week</caption>
            <thead>
              <tr>
                <th scope="col">Week</th>
                <For each={series().domains}>{(domain) => <th scope="col">{domain.name}</th>}</For>
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              <For each={series().weeks}>
                {(week) => (
                  <tr>
                    <th scope="row">{week.index + 1}</th>
                    <For each={series().domains}>
                      {(domain) => <td>{week.segments.find((s) => s.domain === domain.name)?.hours ?? 0}</td>}
                    </For>
                    <td>{week.total}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </section>
      </details>
    </figure>
  );
}
