import { describe, expect, it } from 'vitest';
import { backtestCharts } from './charts.js';
import { makeResult } from './testing/fixture.js';
import { xmlProblems } from './testing/xml-check.js';

describe('backtestCharts', () => {
  const charts = backtestCharts(makeResult());

  it('makes the five report charts with unique kebab-case SVG names', () => {
    expect(charts.map((c) => c.file)).toEqual([
      'cumulative-harvested-losses.svg',
      'tax-alpha-by-year.svg',
      'tracking-error-by-year.svg',
      'turnover-by-year.svg',
      'account-growth.svg',
    ]);
    for (const c of charts) expect(c.file).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.svg$/);
  });

  it('draws each chart well-formed, titled, with the series it promises', () => {
    for (const c of charts) {
      expect(xmlProblems(c.svg)).toEqual([]);
      expect(c.svg).toContain(`<title>${c.title}</title>`);
    }
    const byFile = new Map(charts.map((c) => [c.file, c.svg]));
    expect(byFile.get('account-growth.svg')!.match(/<polyline /g)).toHaveLength(3);
    expect(byFile.get('cumulative-harvested-losses.svg')!.match(/<polyline /g)).toHaveLength(1);
    expect(byFile.get('tracking-error-by-year.svg')!.match(/data-series=/g)).toHaveLength(6);
    expect(byFile.get('tax-alpha-by-year.svg')).toContain('data-value="-0.004"');
  });
});
