import { describe, expect, it } from 'vitest';
import { planCsv } from './plan-csv.js';
import { planHtml } from './plan-html.js';
import { comparisonTable, yearTable } from './plan-rows.js';
import { planSvg } from './plan-svg.js';
import { xmlProblems } from '../report/testing/xml-check.js';
import type { BudgetPlan, TransitionPlan, TransitionYear } from './types.js';

function year(n: number, te: number, converged = false): TransitionYear {
  return {
    year: n,
    asOf: `${2025 + n}-08-03`,
    trades: 3,
    buysUsd: 1000.1,
    sellsUsd: 1200.2,
    realizedShortTermUsd: 0,
    realizedLongTermUsd: 900.3,
    estimatedTaxUsd: 214.27,
    trackingErrorAfter: te,
    maxDriftAfter: 0.1,
    converged,
    accounts: [],
  };
}

function budget(budgetUsd: number | null, years: TransitionYear[]): BudgetPlan {
  const arrived = years.find((y) => y.converged);
  return {
    budgetUsd,
    yearsToConverge: arrived ? arrived.year : null,
    totalTaxUsd: 214.27 * years.length,
    totalRealizedShortTermUsd: 0,
    totalRealizedLongTermUsd: 900.3 * years.length,
    years,
  };
}

/** A hand-made plan whose household id is hostile markup. */
const PLAN: TransitionPlan = {
  householdId: `<script>alert("x")</script> & 'co'`,
  asOf: '2026-08-03',
  years: 3,
  targetTrackingError: 0.005,
  pricesHeld: true,
  before: { valueUsd: 2_000_000, trackingError: 0.08, maxDrift: 0.3 },
  budgets: [
    budget(0, [year(1, 0.07), year(2, 0.07), year(3, 0.07)]),
    budget(50_000, [year(1, 0.04), year(2, 0.004, true)]),
    budget(null, [year(1, 0.003, true)]),
  ],
};

describe('the plan as CSV', () => {
  it('has a header and one row per budget and year, unformatted', () => {
    const lines = planCsv(PLAN).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 3 + 2 + 1);
    expect(lines[0]).toMatch(/^budget_usd,year,as_of,trades,buys_usd,sells_usd,/);
    expect(lines[4]).toBe('50000,1,2026-08-03,3,1000.1,1200.2,0,900.3,214.27,0.04,0.1,false');
    expect(lines[6]).toMatch(/^unlimited,1,/);
    for (const line of lines) expect(line.split(',')).toHaveLength(12);
  });
});

describe('the plan as tables', () => {
  it('compares the budgets: years to converge, total tax, TE after each year stepped', () => {
    const table = comparisonTable(PLAN);
    expect(table.columns.map((c) => c.heading)).toEqual([
      'budget',
      'years to converge',
      'total tax',
      'TE y1',
      'TE y2',
      'TE y3',
    ]);
    expect(table.rows).toEqual([
      ['$0', 'not within 3', '$643', '7.00%', '7.00%', '7.00%'],
      ['$50,000', '2', '$429', '4.00%', '0.40%', ''],
      ['unlimited', '1', '$214', '0.30%', '', ''],
    ]);
    expect(yearTable(PLAN.budgets[1]!).rows[1]).toEqual([
      '2',
      '2027-08-03',
      '3',
      '$1,000',
      '$1,200',
      '$0',
      '$900',
      '$214',
      '0.40%',
      '10.00%',
      '',
    ]);
  });
});

describe('the plan as SVG and HTML', () => {
  const svg = planSvg(PLAN);
  const vertices = (polyline: string): { x: number; y: number }[] =>
    /points="([^"]*)"/
      .exec(polyline)![1]!
      .trim()
      .split(/\s+/)
      .map((pair) => pair.split(',').map(Number))
      .map(([x, y]) => ({ x: x!, y: y! }));
  const lines = (svg.match(/<polyline [^>]*>/g) ?? []).map(vertices);

  it('is a well-formed document that escapes every text', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).not.toContain('<script');
    expect(svg).toContain(
      '<title>Tracking error by year: household &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39; from 2026-08-03</title>',
    );
  });

  it('draws one line per budget from year 0 (before trading), over plan years 0…N', () => {
    expect(lines.map((l) => l.length)).toEqual([4, 3, 2]);
    // Every budget starts at the same point: year 0, the tracking error before trading.
    for (const line of lines) expect(line[0]).toEqual(lines[0]![0]);
    const years = [...svg.matchAll(/<text [^>]*y="338"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(years).toEqual(['0', '1', '2', '3']);
    expect(svg).toContain('>year (0 = before the first year&#39;s trades)</text>');
    // Evenly spaced years: 0 at the left edge, 3 at the right.
    expect(lines[0]!.map((p) => p.x)).toEqual([76, 284, 492, 700]);
  });

  it('draws the target as a dashed line, between the budgets that reach it and those that do not', () => {
    const target = /<line x1="76" y1="([^"]*)" x2="700" [^>]*stroke-dasharray="6 4"\/>/.exec(svg);
    expect(target).not.toBeNull();
    const y = Number(target![1]);
    expect(svg).toContain('>target 0.50%</text>');
    // Larger y is lower: $0 stays above the target, $50,000 and unlimited end below it.
    expect(lines[0]!.at(-1)!.y).toBeLessThan(y);
    expect(lines[1]!.at(-1)!.y).toBeGreaterThan(y);
    expect(lines[2]!.at(-1)!.y).toBeGreaterThan(y);
    // At 0.5% exactly: the value axis is linear, and unlimited ends at 0.3%, $50,000 at 0.4%.
    const [at03, at04] = [lines[2]!.at(-1)!.y, lines[1]!.at(-1)!.y];
    expect(y).toBeCloseTo(at03 + 2 * (at04 - at03), 0);
  });

  it('names each budget in the legend with when it arrives', () => {
    for (const name of [
      '$0 a year: not within 3 years',
      '$50,000 a year: converges in year 2',
      'unlimited: converges in year 1',
    ]) {
      expect(svg).toContain(`>${name}</text>`);
    }
  });

  it('is one self-contained page: the comparison, the chart, each budget, nothing fetched', () => {
    const html = planHtml(PLAN);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/\s(src|href)=/);
    expect(html.match(/<table>/g)).toHaveLength(1 + PLAN.budgets.length);
    expect(html.match(/<svg /g)).toHaveLength(1);
    expect(html).toContain('$50,000 a year: converges in year 2, total tax $429');
    expect(html).toContain('under today&#39;s prices');
  });
});
