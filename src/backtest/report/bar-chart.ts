/**
 * A grouped bar chart: one group per category (a year), one bar per series, bars growing up
 * from a zero line for positive values and down from it for negative ones.
 */
import { escapeXml } from './escape.js';
import { niceScale } from './nice-ticks.js';
import { legend, PLOT, px, seriesStyle, svgDocument, text, valueAxis, yOf } from './svg-frame.js';
import { formatValue, type ValueFormat } from './value-format.js';

/** A named series: one value per category, in the categories' order. */
export interface BarSeries {
  name: string;
  values: number[];
}

/** What to draw. */
export interface BarChartSpec {
  title: string;
  yLabel: string;
  format: ValueFormat;
  categories: string[];
  series: BarSeries[];
}

/**
 * The standalone SVG of a bar chart (720 × 360). The value axis always includes zero; a missing
 * or non-finite value leaves a gap. Each bar carries `data-value` and a hover <title>.
 */
export function barChart(spec: BarChartSpec): string {
  const finite = spec.series.flatMap((s) => s.values.filter((v) => Number.isFinite(v)));
  const scale = niceScale(Math.min(0, ...finite), Math.max(0, ...finite));
  const zeroY = yOf(scale, 0);
  const groups = Math.max(1, spec.categories.length);
  const groupWidth = (PLOT.right - PLOT.left) / groups;
  // A fifth of each group is left empty so neighbouring years do not run together; few
  // categories would make slabs, so bars stop at 56 px and the group is centred.
  const barWidth = Math.min(56, (groupWidth * 0.8) / Math.max(1, spec.series.length));
  const groupPad = (groupWidth - barWidth * spec.series.length) / 2;
  // Thin the category labels when there are more than fit (about 40 px each).
  const labelEvery = Math.max(1, Math.ceil((groups * 40) / (PLOT.right - PLOT.left)));

  const body = valueAxis(scale, spec.format, spec.yLabel);
  spec.categories.forEach((category, c) => {
    const groupLeft = PLOT.left + c * groupWidth;
    if (c % labelEvery === 0) {
      body.push(
        text(
          groupLeft + groupWidth / 2,
          PLOT.bottom + 18,
          category,
          'font-size="11" text-anchor="middle" fill="#444"',
        ),
      );
    }
    spec.series.forEach((s, i) => {
      const value = s.values[c];
      if (value === undefined || !Number.isFinite(value)) return;
      const valueY = yOf(scale, value);
      const top = Math.min(valueY, zeroY);
      const height = Math.abs(valueY - zeroY);
      const { colour } = seriesStyle(i);
      const tip = `${category} ${s.name}: ${formatValue(spec.format, value)}`;
      body.push(
        `<rect x="${px(groupLeft + groupPad + i * barWidth)}" y="${px(top)}" width="${px(barWidth)}" height="${px(height)}" fill="${colour}" stroke="#333" stroke-width="0.5" data-series="${i}" data-value="${value}"><title>${escapeXml(tip)}</title></rect>`,
      );
    });
  });
  // Drawn after the bars so the zero line stays visible across them.
  body.push(
    `<line class="zero" x1="${PLOT.left}" y1="${px(zeroY)}" x2="${PLOT.right}" y2="${px(zeroY)}" stroke="#111" stroke-width="1.2"/>`,
    ...legend(
      spec.series.map((s) => s.name),
      'bar',
    ),
  );
  return svgDocument(spec.title, body);
}
