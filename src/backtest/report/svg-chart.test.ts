import { describe, expect, it } from 'vitest';
import { barChart, lineChart } from './svg-chart.js';
import { xmlProblems } from './testing/xml-check.js';

const polylines = (svg: string): string[] => svg.match(/<polyline [^>]*>/g) ?? [];
const pointCount = (polyline: string): number =>
  /points="([^"]*)"/.exec(polyline)![1]!.trim().split(/\s+/).length;

function dailySeries(name: string, n: number, scale: number) {
  const start = Date.UTC(2005, 0, 3);
  return {
    name,
    points: Array.from({ length: n }, (_, i) => ({
      x: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
      y: scale * (1 + i / n + 0.05 * Math.sin(i / 7)),
    })),
  };
}

describe('lineChart', () => {
  const svg = lineChart({
    title: 'Growth <of> the "account" & more',
    yLabel: 'USD',
    format: 'usd',
    series: [dailySeries('A', 40, 1e6), dailySeries('B', 40, 9e5), dailySeries('C', 40, 8e5)],
  });

  it('is well-formed, standalone and titled (escaped)', () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="720" height="360"/);
    expect(svg).toContain('Growth &lt;of&gt; the &quot;account&quot; &amp; more');
    expect(svg).not.toContain('<script');
  });

  it('draws one polyline per series and a legend entry for each', () => {
    expect(polylines(svg)).toHaveLength(3);
    for (const name of ['>A<', '>B<', '>C<']) expect(svg).toContain(name);
  });

  it('labels the date axis by year and values in dollars', () => {
    expect(svg).toMatch(/>\$1(\.\d+)?M</);
    const long = lineChart({
      title: 't',
      yLabel: 'y',
      format: 'usd',
      series: [dailySeries('A', 1500, 1)],
    });
    for (const year of ['2006', '2007', '2008']) expect(long).toContain(`>${year}</text>`);
  });

  it('caps 5,000 daily points × 3 series to at most 720 per series', () => {
    const big = lineChart({
      title: 'Big',
      yLabel: 'USD',
      format: 'usd',
      series: [
        dailySeries('A', 5_000, 1e6),
        dailySeries('B', 5_000, 2e6),
        dailySeries('C', 5_000, 3e6),
      ],
    });
    expect(xmlProblems(big)).toEqual([]);
    const lines = polylines(big);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(pointCount(line)).toBeLessThanOrEqual(720);
    expect(big.length).toBeLessThan(100_000);
  });

  it('survives empty and non-finite series', () => {
    const odd = lineChart({
      title: 'Odd',
      yLabel: '',
      format: 'number',
      series: [
        { name: 'empty', points: [] },
        { name: 'nan', points: [{ x: '2020-01-01', y: NaN }] },
      ],
    });
    expect(xmlProblems(odd)).toEqual([]);
    expect(odd).not.toContain('NaN');
    expect(polylines(odd)).toHaveLength(2);
  });
});

describe('barChart', () => {
  const svg = barChart({
    title: 'Tax alpha by year',
    yLabel: 'Percent',
    format: 'percent',
    categories: ['2020', '2021', '2022'],
    series: [
      { name: 'Harvest', values: [0.012, -0.004, 0.008] },
      { name: 'No harvest', values: [0.002, -0.01, Number.NaN] },
    ],
  });
  const bars = [
    ...svg.matchAll(
      /<rect x="[^"]*" y="([^"]*)" width="[^"]*" height="([^"]*)"[^>]*data-value="([^"]*)"/g,
    ),
  ].map((m) => ({ y: Number(m[1]), height: Number(m[2]), value: Number(m[3]) }));
  const zeroY = Number(/<line class="zero" x1="[^"]*" y1="([^"]*)"/.exec(svg)![1]);

  it('is well-formed and titled', () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain('<title>Tax alpha by year</title>');
  });

  it('draws a bar per finite value, negatives below the zero line', () => {
    expect(bars).toHaveLength(5);
    for (const bar of bars) {
      expect(bar.height).toBeGreaterThan(0);
      if (bar.value < 0) expect(bar.y).toBeCloseTo(zeroY, 0);
      else expect(bar.y + bar.height).toBeCloseTo(zeroY, 0);
    }
    const deepest = bars.find((b) => b.value === -0.01)!;
    const shallow = bars.find((b) => b.value === -0.004)!;
    expect(deepest.height).toBeGreaterThan(shallow.height);
  });

  it('labels ticks as percentages', () => {
    expect(svg).toMatch(/>-?\d+(\.\d+)?%</);
  });
});
