/**
 * A line chart over dates: one polyline per series, a value axis with round ticks and a date
 * axis labelled by year.
 */
import { downsample } from './downsample.js';
import { niceScale } from './nice-ticks.js';
import { legend, PLOT, px, seriesStyle, svgDocument, text, valueAxis, yOf } from './svg-frame.js';
import type { ValueFormat } from './value-format.js';

/** One point: a date (YYYY-MM-DD) and its value. */
export interface LinePoint {
  x: string;
  y: number;
}

/** A named series of points, in date order. */
export interface LineSeries {
  name: string;
  points: LinePoint[];
}

/** What to draw. `maxPoints` caps the vertices per series (720 unless given). */
export interface LineChartSpec {
  title: string;
  yLabel: string;
  format: ValueFormat;
  series: LineSeries[];
  maxPoints?: number;
}

const DAY_MS = 86_400_000;

/** Milliseconds of a YYYY-MM-DD date at UTC midnight (NaN if it is not a date). */
function timeOf(date: string): number {
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
}

/** Ticks at each 1 January in [from, to], thinned to at most about ten labels. */
function yearTicks(from: number, to: number): { time: number; year: number }[] {
  const first = new Date(from).getUTCFullYear();
  const last = new Date(to).getUTCFullYear();
  const every = Math.max(1, Math.ceil((last - first + 1) / 10));
  const ticks: { time: number; year: number }[] = [];
  for (let year = first; year <= last; year++) {
    const time = Date.UTC(year, 0, 1);
    if (time >= from && time <= to && year % every === 0) ticks.push({ time, year });
  }
  // A range inside one year has no 1 January: label its start so the reader knows the year.
  if (ticks.length === 0) ticks.push({ time: from, year: first });
  return ticks;
}

/** The standalone SVG of a line chart (720 × 360). Points with a bad date or value are skipped. */
export function lineChart(spec: LineChartSpec): string {
  const series = spec.series.map((s) =>
    s.points
      .map((p) => ({ t: timeOf(p.x), y: p.y }))
      .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.y))
      .sort((a, b) => a.t - b.t),
  );
  let tMin = Infinity;
  let tMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const points of series) {
    for (const p of points) {
      tMin = Math.min(tMin, p.t);
      tMax = Math.max(tMax, p.t);
      yMin = Math.min(yMin, p.y);
      yMax = Math.max(yMax, p.y);
    }
  }
  if (!Number.isFinite(tMin)) tMin = tMax = Date.UTC(2000, 0, 1);
  // One date alone would put every point at the left edge: give the axis a day each side.
  if (tMax === tMin) [tMin, tMax] = [tMin - DAY_MS, tMax + DAY_MS];
  const scale = niceScale(yMin, yMax);
  const xOf = (t: number): number =>
    PLOT.left + ((t - tMin) / (tMax - tMin)) * (PLOT.right - PLOT.left);

  const body = valueAxis(scale, spec.format, spec.yLabel);
  for (const { time, year } of yearTicks(tMin, tMax)) {
    const x = xOf(time);
    body.push(
      `<line x1="${px(x)}" y1="${PLOT.bottom}" x2="${px(x)}" y2="${PLOT.bottom + 5}" stroke="#555" stroke-width="1"/>`,
      text(x, PLOT.bottom + 18, String(year), 'font-size="11" text-anchor="middle" fill="#444"'),
    );
  }
  series.forEach((points, i) => {
    const { colour, dash } = seriesStyle(i);
    const kept = downsample(points, spec.maxPoints ?? 720, (p) => p.y);
    const coords = kept.map((p) => `${px(xOf(p.t))},${px(yOf(scale, p.y))}`).join(' ');
    body.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2" stroke-linejoin="round"${dash ? ` stroke-dasharray="${dash}"` : ''} points="${coords}"/>`,
    );
  });
  body.push(
    ...legend(
      spec.series.map((s) => s.name),
      'line',
    ),
  );
  return svgDocument(spec.title, body);
}
