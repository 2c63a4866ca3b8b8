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

describe('lineChart over numbers, with a reference line', () => {
  const xTicks = (svg: string): string[] =>
    [...svg.matchAll(/<text [^>]*y="338"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
  const vertices = (polyline: string): { x: number; y: number }[] =>
    /points="([^"]*)"/
      .exec(polyline)![1]!
      .trim()
      .split(/\s+/)
      .map((pair) => pair.split(',').map(Number))
      .map(([x, y]) => ({ x: x!, y: y! }));
  const years = (n: number, y: (year: number) => number) =>
    Array.from({ length: n + 1 }, (_, year) => ({ x: year, y: y(year) }));
  const spec = {
    title: 'Plan <for> "legacy" & co',
    yLabel: 'TE',
    format: 'percent' as const,
    xLabel: 'year <0 = "before">',
    series: [
      { name: 'slow', points: years(10, (y) => 0.1 - 0.005 * y) },
      // Out of order, with a date among the numbers: drawn in x order, the date skipped.
      {
        name: 'fast',
        points: [
          { x: 2, y: 0.005 },
          { x: 0, y: 0.1 },
          { x: '2020-01-01', y: 0.5 },
          { x: 1, y: 0.03 },
        ],
      },
    ],
    reference: { value: 0.005, label: 'target <0.5%> & "co"' },
  };
  const svg = lineChart(spec);

  it('is well-formed, escapes the title, the x label and the reference label', () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain('<title>Plan &lt;for&gt; &quot;legacy&quot; &amp; co</title>');
    expect(svg).toContain('>year &lt;0 = &quot;before&quot;&gt;</text>');
    expect(svg).toContain('>target &lt;0.5%&gt; &amp; &quot;co&quot;</text>');
  });

  it('labels every integer of a short axis, from the left edge to the right edge', () => {
    expect(xTicks(svg)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const slow = vertices(polylines(svg)[0]!);
    expect(slow).toHaveLength(11);
    expect(slow[0]!.x).toBe(76);
    expect(slow[10]!.x).toBe(700);
  });

  it('thins long axes to round steps of at most twelve labels', () => {
    const ticksOf = (n: number): string[] =>
      xTicks(lineChart({ ...spec, series: [{ name: 'a', points: years(n, () => 1) }] }));
    expect(ticksOf(11)).toHaveLength(12);
    expect(ticksOf(12)).toEqual(['0', '2', '4', '6', '8', '10', '12']);
    expect(ticksOf(25)).toEqual(['0', '5', '10', '15', '20', '25']);
    expect(ticksOf(100)).toEqual([
      '0',
      '10',
      '20',
      '30',
      '40',
      '50',
      '60',
      '70',
      '80',
      '90',
      '100',
    ]);
    // One year alone sits in the middle and is the only label.
    const single = lineChart({ ...spec, series: [{ name: 'a', points: [{ x: 3, y: 1 }] }] });
    expect(xTicks(single)).toEqual(['3']);
    expect(vertices(polylines(single)[0]!)[0]!.x).toBe(388);
  });

  it('draws points in x order and skips dates on a numeric axis', () => {
    const fast = vertices(polylines(svg)[1]!);
    expect(fast.map((p) => p.x)).toEqual([76, 138.4, 200.8]);
    expect(fast[0]!.y).toBeLessThan(fast[1]!.y);
    expect(svg).not.toContain('>2020<');
  });

  it('draws the reference line dashed at its value, across the plot', () => {
    const line = /<line x1="76" y1="([^"]*)" x2="700" y2="\1" [^>]*stroke-dasharray="6 4"\/>/.exec(
      svg,
    );
    expect(line).not.toBeNull();
    // The "fast" series reaches exactly the reference value in year 2.
    expect(Number(line![1])).toBe(vertices(polylines(svg)[1]!)[2]!.y);
  });

  it('keeps a reference above or below the data on the value axis', () => {
    const band = [{ name: 'band', points: years(4, (y) => 0.5 + 0.02 * y) }];
    for (const [value, label] of [
      [0.9, '90%'],
      [0.1, '10%'],
    ] as const) {
      const chart = lineChart({ ...spec, series: band, reference: { value, label: 'ref' } });
      const match = /<line x1="76" y1="([^"]*)" x2="700" [^>]*stroke-dasharray/.exec(chart);
      const y = Number(match![1]);
      expect(y).toBeGreaterThanOrEqual(68);
      expect(y).toBeLessThanOrEqual(320);
      expect(chart).toContain(`>${label}</text>`);
      // Labelled above the line, or below it when the line is the top of the plot.
      const labelY = Number(/<text x="696" y="([^"]*)"[^>]*>ref<\/text>/.exec(chart)![1]);
      if (value > 0.5) expect(labelY).toBeGreaterThan(y);
      else expect(labelY).toBeLessThan(y);
    }
  });

  it('moves the plot down and grows the canvas when the legend needs a third row', () => {
    const name = (i: number): string => `$${i}0,000 a year: not within 10 years`;
    const chart = (n: number): string =>
      lineChart({
        ...spec,
        series: Array.from({ length: n }, (_, i) => ({ name: name(i), points: years(3, () => i) })),
      });
    // Two entries a row: four fit above the plot as it is.
    expect(chart(4)).toMatch(/^<svg [^>]*height="360" viewBox="0 0 720 360"/);
    expect(chart(4)).not.toContain('<g transform');
    const tall = chart(6);
    expect(xmlProblems(tall)).toEqual([]);
    expect(tall).toContain('<title>Plan &lt;for&gt; &quot;legacy&quot; &amp; co</title>');
    expect(tall).toMatch(/^<svg [^>]*height="376" viewBox="0 0 720 376"/);
    expect(tall).toContain('<rect x="0" y="0" width="720" height="376" fill="#ffffff"/>');
    expect(tall).toContain('<g transform="translate(0 16)">');
    const legendRows = [...tall.matchAll(/<line x1="76" y1="(\d+)" x2="100"/g)].map((m) => m[1]);
    expect(legendRows).toEqual(['44', '60', '76']);
    for (let i = 0; i < 6; i++) expect(tall).toContain(`>${name(i)}</text>`);
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

describe('series styles', () => {
  it('draws up to eight series each in its own colour and dash (a six-budget transition plan)', () => {
    const series = Array.from({ length: 8 }, (_, i) => dailySeries(`s${i}`, 30, 1 + i));
    const lines = polylines(lineChart({ title: 'Eight', yLabel: 'USD', format: 'usd', series }));
    const styles = lines.map(
      (l) =>
        `${/stroke="([^"]*)"/.exec(l)?.[1]}|${/stroke-dasharray="([^"]*)"/.exec(l)?.[1] ?? ''}`,
    );
    expect(styles).toHaveLength(8);
    expect(new Set(styles).size).toBe(8);
    expect(new Set(styles.map((s) => s.split('|')[0])).size).toBe(8);
  });
});
