/**
 * A line chart: one polyline per series over dates (the axis labelled by year) or over numbers
 * (integer ticks, e.g. the years of a plan), a value axis with round ticks, an optional dashed
 * reference line (a target) and a legend that wraps into rows.
 */
import { downsample } from './downsample.js';
import { niceScale } from './nice-ticks.js';
import {
  HEIGHT,
  legend,
  LEGEND_ROW,
  legendLayout,
  PLOT,
  px,
  seriesStyle,
  svgDocument,
  text,
  valueAxis,
  yOf,
} from './svg-frame.js';
import type { ValueFormat } from './value-format.js';

/** One point: a date (YYYY-MM-DD) or a number (a year of a plan, say), and its value. */
export interface LinePoint {
  x: string | number;
  y: number;
}

/** A named series of points, in any order (they are drawn in x order). */
export interface LineSeries {
  name: string;
  points: LinePoint[];
}

/** A dashed horizontal line across the plot at `value`, labelled at its right end. */
export interface LineReference {
  value: number;
  label: string;
}

/**
 * What to draw. The x axis is numeric when any point's x is a number (points with a date x are
 * then skipped), otherwise dates. `maxPoints` caps the vertices per series (720 unless given);
 * `xLabel` is a caption under the x axis; `reference` a target line, always inside the value
 * axis.
 */
export interface LineChartSpec {
  title: string;
  yLabel: string;
  format: ValueFormat;
  series: LineSeries[];
  maxPoints?: number;
  xLabel?: string;
  reference?: LineReference;
}

const DAY_MS = 86_400_000;

/** At most this many labels on a numeric x axis. */
const MAX_NUMBER_TICKS = 12;

/** Legend rows that fit between the title and the plot. */
const LEGEND_ROWS_ABOVE_PLOT = 2;

/** Milliseconds of a YYYY-MM-DD date at UTC midnight (NaN if it is not a date). */
function timeOf(date: string): number {
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
}

/** Where `x` sits on the axis: a number as is, a date in milliseconds; NaN on the wrong axis. */
function positionOf(x: string | number, numeric: boolean): number {
  if (numeric) return typeof x === 'number' ? x : Number.NaN;
  return typeof x === 'string' ? timeOf(x) : Number.NaN;
}

/** An x-axis tick: where it goes and what it says. */
interface XTick {
  at: number;
  label: string;
}

/** Ticks at each 1 January in [from, to], thinned to at most about ten labels. */
function yearTicks(from: number, to: number): XTick[] {
  const first = new Date(from).getUTCFullYear();
  const last = new Date(to).getUTCFullYear();
  const every = Math.max(1, Math.ceil((last - first + 1) / 10));
  const ticks: XTick[] = [];
  for (let year = first; year <= last; year++) {
    const time = Date.UTC(year, 0, 1);
    if (time >= from && time <= to && year % every === 0)
      ticks.push({ at: time, label: String(year) });
  }
  // A range inside one year has no 1 January: label its start so the reader knows the year.
  if (ticks.length === 0) ticks.push({ at: from, label: String(first) });
  return ticks;
}

/**
 * Ticks at the integers in [from, to] that are multiples of the smallest step of 1, 2 or 5 ×
 * 10^k leaving at most MAX_NUMBER_TICKS labels: 0…10 is labelled every 1, 0…20 every 2.
 */
function integerTicks(from: number, to: number): XTick[] {
  for (let power = 1; ; power *= 10) {
    for (const step of [power, 2 * power, 5 * power]) {
      const first = Math.ceil(from / step);
      const last = Math.floor(to / step);
      if (last - first + 1 <= MAX_NUMBER_TICKS) {
        const ticks: XTick[] = [];
        for (let i = first; i <= last; i++) ticks.push({ at: i * step, label: String(i * step) });
        return ticks;
      }
    }
  }
}

/**
 * The standalone SVG of a line chart (720 × 360, taller when the legend needs more than two
 * rows). Points with a bad x or value are skipped.
 */
export function lineChart(spec: LineChartSpec): string {
  const numeric = spec.series.some((s) => s.points.some((p) => typeof p.x === 'number'));
  const series = spec.series.map((s) =>
    s.points
      .map((p) => ({ t: positionOf(p.x, numeric), y: p.y }))
      .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.y))
      .sort((a, b) => a.t - b.t),
  );
  const reference =
    spec.reference && Number.isFinite(spec.reference.value) ? spec.reference : undefined;
  let tMin = Infinity;
  let tMax = -Infinity;
  let yMin = reference ? reference.value : Infinity;
  let yMax = reference ? reference.value : -Infinity;
  for (const points of series) {
    for (const p of points) {
      tMin = Math.min(tMin, p.t);
      tMax = Math.max(tMax, p.t);
      yMin = Math.min(yMin, p.y);
      yMax = Math.max(yMax, p.y);
    }
  }
  if (!Number.isFinite(tMin)) tMin = tMax = numeric ? 0 : Date.UTC(2000, 0, 1);
  // One x alone would put every point at the left edge: widen the axis on both sides (a day, or
  // half a unit so that only the integer itself is labelled).
  if (tMax === tMin) {
    const pad = numeric ? 0.5 : DAY_MS;
    [tMin, tMax] = [tMin - pad, tMax + pad];
  }
  const scale = niceScale(yMin, yMax);
  const xOf = (t: number): number =>
    PLOT.left + ((t - tMin) / (tMax - tMin)) * (PLOT.right - PLOT.left);

  const plot = valueAxis(scale, spec.format, spec.yLabel);
  for (const { at, label } of numeric ? integerTicks(tMin, tMax) : yearTicks(tMin, tMax)) {
    const x = xOf(at);
    plot.push(
      `<line x1="${px(x)}" y1="${PLOT.bottom}" x2="${px(x)}" y2="${PLOT.bottom + 5}" stroke="#555" stroke-width="1"/>`,
      text(x, PLOT.bottom + 18, label, 'font-size="11" text-anchor="middle" fill="#444"'),
    );
  }
  if (spec.xLabel) {
    const middle = (PLOT.left + PLOT.right) / 2;
    plot.push(
      text(
        middle,
        PLOT.bottom + 34,
        spec.xLabel,
        'font-size="12" text-anchor="middle" fill="#333"',
      ),
    );
  }
  const referenceY = reference ? yOf(scale, reference.value) : 0;
  if (reference) {
    plot.push(
      `<line x1="${PLOT.left}" y1="${px(referenceY)}" x2="${PLOT.right}" y2="${px(referenceY)}" stroke="#555" stroke-width="1.5" stroke-dasharray="6 4"/>`,
    );
  }
  series.forEach((points, i) => {
    const { colour, dash } = seriesStyle(i);
    const kept = downsample(points, spec.maxPoints ?? 720, (p) => p.y);
    const coords = kept.map((p) => `${px(xOf(p.t))},${px(yOf(scale, p.y))}`).join(' ');
    plot.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2" stroke-linejoin="round"${dash ? ` stroke-dasharray="${dash}"` : ''} points="${coords}"/>`,
    );
  });
  if (reference) {
    // Above the line at the right end (below it when the line is at the top), with a white halo
    // so a series crossing there does not strike it through.
    const y = referenceY - 16 < PLOT.top ? referenceY + 14 : referenceY - 5;
    plot.push(
      text(
        PLOT.right - 4,
        y,
        reference.label,
        'font-size="11" text-anchor="end" fill="#333" stroke="#ffffff" stroke-width="3" paint-order="stroke"',
      ),
    );
  }

  const names = spec.series.map((s) => s.name);
  const extra = Math.max(0, legendLayout(names).rows - LEGEND_ROWS_ABOVE_PLOT) * LEGEND_ROW;
  const body = extra === 0 ? plot : [`<g transform="translate(0 ${extra})">`, ...plot, '</g>'];
  body.push(...legend(names, 'line'));
  return svgDocument(spec.title, body, HEIGHT + extra);
}
