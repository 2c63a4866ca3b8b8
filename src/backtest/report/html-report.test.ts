import { describe, expect, it } from 'vitest';
import { backtestCharts } from './charts.js';
import { headline, htmlReport } from './html-report.js';
import { makeResult } from './testing/fixture.js';

describe('htmlReport', () => {
  const result = makeResult();
  result.assumptions.push('Evil <script>alert("x")</script> & friends');
  const charts = backtestCharts(result);
  const html = htmlReport(result, charts);

  it('leads with the headline sentence', () => {
    expect(html).toContain(
      'Harvesting losses added 0.60% a year after tax over 3 years (0.40% if the account is liquidated at the end).',
    );
  });

  it('says how much of the alpha is a pre-tax difference', () => {
    expect(html).toContain('That figure includes a difference in pre-tax return of 0.10% a year');
  });

  it('escapes text: a <script> in an assumption stays text', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(
      '<li>Evil &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; friends</li>',
    );
    expect(html).toContain('AT&amp;T &lt;T&gt;');
  });

  it('is self-contained: inline charts, no external resources', () => {
    for (const c of charts) expect(html).toContain(c.svg.trim());
    expect(html).not.toMatch(/\s(src|href)=/i);
    expect(html).not.toMatch(/<link|@import|url\(/i);
  });

  it('has the summary, yearly and settings tables and the universe in a <details>', () => {
    expect(html).toContain('With harvesting');
    expect(html).toContain('$1,300,000');
    for (const year of ['2020', '2021', '2022']) expect(html).toContain(`<td>${year}</td>`);
    expect(html).toContain('-0.40%');
    expect(html).toContain('4 securities');
    expect(html).toMatch(/<details><summary>List<\/summary><p>AAPL, MSFT, BRK\.B, /);
    expect(html).toContain('<td>37%</td>');
  });
});

describe('warnings', () => {
  it('lists engine warnings escaped, and omits the section when there are none', () => {
    const result = makeResult();
    const html = htmlReport(result, []);
    expect(html).toContain('<h2>Warnings</h2>');
    expect(html).toContain(
      '<li>2021-03-15 account harvest: engine error &lt;timeout&gt; &amp; retry</li>',
    );
    result.warnings = [];
    expect(htmlReport(result, [])).not.toContain('Warnings');
  });
});

describe('headline', () => {
  it('says "cost" when harvesting loses, and names a sign flip on liquidation', () => {
    const { summary } = makeResult();
    summary.taxAlphaAnnual = -0.001;
    summary.taxAlphaAnnualLiquidated = 0.0005;
    summary.years = 2.5;
    expect(headline(summary)).toBe(
      'Harvesting losses cost 0.10% a year after tax over 2.5 years (added 0.05% if the account is liquidated at the end).',
    );
  });
});
