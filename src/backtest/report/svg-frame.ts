/**
 * What line and bar charts share: the 720 × 360 canvas, the plot box, the palette, the title,
 * the legend and the value axis. Styling is in attributes, not a <style> element, because an
 * SVG inlined in the HTML report would leak its <style> rules into the whole page.
 */
import { escapeXml } from './escape.js';
import type { NiceScale } from './nice-ticks.js';
import { formatValue, type ValueFormat } from './value-format.js';

export const WIDTH = 720;
export const HEIGHT = 360;

/** The plotting area, in canvas pixels (title and legend above, axis labels left and below). */
export const PLOT = { left: 76, right: WIDTH - 20, top: 68, bottom: HEIGHT - 40 } as const;

/**
 * Series styles. Greys of the colours run dark → mid → light, and lines also differ by dash,
 * so a grey-scale print still tells the series apart.
 */
const PALETTE: readonly { colour: string; dash: string }[] = [
  { colour: '#1f3b73', dash: '' },
  { colour: '#d1762b', dash: '8 4' },
  { colour: '#6fb3a4', dash: '2 3' },
  { colour: '#8b1e3f', dash: '10 3 2 3' },
  { colour: '#9a9a9a', dash: '4 2' },
  { colour: '#5b3a8e', dash: '1 2' },
  { colour: '#3f7f2f', dash: '12 3' },
  { colour: '#c9a227', dash: '6 2 1 2' },
];

/** The style of the `index`-th series (the palette repeats after eight). */
export function seriesStyle(index: number): { colour: string; dash: string } {
  return PALETTE[index % PALETTE.length]!;
}

/** A coordinate with one decimal: sub-pixel precision is invisible and bloats big charts. */
export function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';

/** A text element; `extra` is trusted attribute text, `content` is escaped. */
export function text(x: number, y: number, content: string, extra = ''): string {
  return `<text x="${px(x)}" y="${px(y)}" ${FONT} ${extra}>${escapeXml(content)}</text>`;
}

/**
 * The complete SVG document: accessible name, white background, title, then `body`; `height`
 * is larger than HEIGHT when a chart needs more room for its legend.
 */
export function svgDocument(title: string, body: string[], height: number = HEIGHT): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    text(WIDTH / 2, 24, title, 'font-size="16" font-weight="600" text-anchor="middle" fill="#111"'),
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/** Maps a value on `scale` to a canvas y (larger values higher up). */
export function yOf(scale: NiceScale, value: number): number {
  const span = scale.max - scale.min || 1;
  return PLOT.bottom - ((value - scale.min) / span) * (PLOT.bottom - PLOT.top);
}

/** Grid lines and labels at each tick, and the rotated axis label. */
export function valueAxis(scale: NiceScale, format: ValueFormat, label: string): string[] {
  const out: string[] = [];
  for (const tick of scale.ticks) {
    const y = px(yOf(scale, tick));
    out.push(
      `<line x1="${PLOT.left}" y1="${y}" x2="${PLOT.right}" y2="${y}" stroke="#e2e2e2" stroke-width="1"/>`,
      text(
        PLOT.left - 8,
        yOf(scale, tick) + 4,
        formatValue(format, tick, scale.step),
        'font-size="11" text-anchor="end" fill="#444"',
      ),
    );
  }
  const middle = (PLOT.top + PLOT.bottom) / 2;
  out.push(
    text(
      16,
      middle,
      label,
      `font-size="12" text-anchor="middle" fill="#333" transform="rotate(-90 16 ${px(middle)})"`,
    ),
    `<line x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}" stroke="#555" stroke-width="1"/>`,
  );
  return out;
}

/** Distance between legend rows, px. */
export const LEGEND_ROW = 16;

/**
 * Where each legend entry goes: one row under the title, wrapping when names run past the right
 * edge. About 6.5 px per character at 12 px: there are no font metrics here, so it is an
 * estimate. `rows` lets a chart make room for a long legend.
 */
export function legendLayout(
  names: readonly string[],
): { x: number; y: number }[] & { rows: number } {
  const places: { x: number; y: number }[] = [];
  let x: number = PLOT.left;
  let y = 44;
  let rows = 1;
  for (const name of names) {
    const width = 30 + name.length * 6.5 + 18;
    if (x + width > WIDTH - 10 && x > PLOT.left) {
      x = PLOT.left;
      y += LEGEND_ROW;
      rows += 1;
    }
    places.push({ x, y });
    x += width;
  }
  return Object.assign(places, { rows });
}

/** The legend: lines get a stroked swatch with the series' dash; bars a filled square. */
export function legend(names: readonly string[], kind: 'line' | 'bar'): string[] {
  const places = legendLayout(names);
  return names.flatMap((name, i) => {
    const { colour, dash } = seriesStyle(i);
    const { x, y } = places[i]!;
    return [
      kind === 'line'
        ? `<line x1="${px(x)}" y1="${y}" x2="${px(x + 24)}" y2="${y}" stroke="${colour}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`
        : `<rect x="${px(x + 6)}" y="${y - 6}" width="12" height="12" fill="${colour}" stroke="#333" stroke-width="0.5"/>`,
      text(x + 30, y + 4, name, 'font-size="12" fill="#222"'),
    ];
  });
}
