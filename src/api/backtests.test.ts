/**
 * `/v1/backtests`: a saved backtest listed with its headline figures, read without its daily
 * series, its charts as SVG, its report as HTML a browser may show — for every role, never
 * anonymously; an unknown id or chart is a 404 in the standard error shape.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BacktestResult } from '../backtest/index.js';
import { saveBacktest } from '../store/index.js';
import { ROLES, type BacktestDetail, type BacktestList } from './contract/index.js';
import { as, openTestApp, type TestApp } from './testing/test-app.js';
import { smallBacktest } from './testing/small-backtest.js';

describe('saved backtests over HTTP', () => {
  let t: TestApp;
  let result: BacktestResult;
  let id: string;
  let older: string;

  beforeAll(async () => {
    result = smallBacktest();
    t = await openTestApp();
    older = await saveBacktest(t.store.db, result, 'ana');
    id = await saveBacktest(t.store.db, result, 'demo');
  }, 60_000);
  afterAll(async () => t?.close());

  const get = (path: string, role: (typeof ROLES)[number] | null = 'viewer') =>
    t.app.request(path, as(t, role));

  it('lists them newest first with their headline figures', async () => {
    const res = await get('/v1/backtests');
    expect(res.status).toBe(200);
    const list = (await res.json()) as BacktestList;
    expect(list.total).toBe(2);
    expect(list.items.map((b) => b.id)).toEqual([id, older]);
    const s = result.summary;
    expect(list.items[0]).toEqual({
      id,
      scenario: 'etf-model',
      start: '2020-01-02',
      end: '2020-06-30',
      schedule: 'monthly',
      createdAt: expect.any(String),
      createdBy: 'demo',
      years: s.years,
      taxAlphaAnnual: s.taxAlphaAnnual,
      taxAlphaAnnualLiquidated: s.taxAlphaAnnualLiquidated,
      trackingError: s.trackingError,
      turnover: s.turnover,
    });
    const page = (await (await get('/v1/backtests?limit=1&offset=1')).json()) as BacktestList;
    expect(page.items.map((b) => b.id)).toEqual([older]);
    expect(t.logs).toEqual([]);
  });

  it('reads one without its daily series, naming its charts and report', async () => {
    const res = await get(`/v1/backtests/${id}`, 'advisor');
    expect(res.status).toBe(200);
    const d = (await res.json()) as BacktestDetail & { daily?: unknown };
    expect(d.daily).toBeUndefined();
    expect(d.config).toEqual(result.config);
    expect(d.summary).toEqual(result.summary);
    expect(d.years).toEqual(result.years);
    expect(d.assumptions).toEqual(result.assumptions);
    expect(d.warnings).toEqual(result.warnings);
    expect(d.charts.map((c) => c.url)).toEqual([
      `/v1/backtests/${id}/charts/cumulative-harvested-losses.svg`,
      `/v1/backtests/${id}/charts/tax-alpha-by-year.svg`,
      `/v1/backtests/${id}/charts/tracking-error-by-year.svg`,
      `/v1/backtests/${id}/charts/turnover-by-year.svg`,
      `/v1/backtests/${id}/charts/account-growth.svg`,
    ]);
    expect(d.charts.every((c) => c.title.length > 0)).toBe(true);
    expect(d.reportUrl).toBe(`/v1/backtests/${id}/report`);
    expect(t.logs).toEqual([]);
  });

  it('serves each chart as SVG to every role', async () => {
    const d = (await (await get(`/v1/backtests/${id}`)).json()) as BacktestDetail;
    for (const role of ROLES)
      for (const chart of d.charts) {
        const res = await get(chart.url, role);
        expect(res.status, `${role} ${chart.file}`).toBe(200);
        expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
        const svg = await res.text();
        expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
        expect(svg).toContain(`<title>${chart.title}</title>`);
      }
  });

  it('answers an unknown chart with 404 naming the charts there are', async () => {
    const res = await get(`/v1/backtests/${id}/charts/nope.svg`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ status: 404, code: 'not_found' });
    expect(body.error.message).toContain('nope.svg');
    expect(body.error.message).toContain('tax-alpha-by-year.svg, tracking-error-by-year.svg');
  });

  it('serves the report as HTML whose one stylesheet the CSP allows by hash', async () => {
    const res = await get(`/v1/backtests/${id}/report`, 'trader');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<h1>Backtest: etf-model, 2020-01-02 to 2020-06-30</h1>');
    expect(html.match(/<svg /g)).toHaveLength(5);
    expect(html).not.toMatch(/<script/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers an unknown id with 404 on every backtest route', async () => {
    for (const path of [
      '/v1/backtests/nope',
      '/v1/backtests/nope/charts/tax-alpha-by-year.svg',
      '/v1/backtests/nope/report',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toEqual({
        error: { status: 404, code: 'not_found', message: 'no backtest nope' },
      });
    }
  });

  it('refuses anonymous callers', async () => {
    for (const path of [
      '/v1/backtests',
      `/v1/backtests/${id}`,
      `/v1/backtests/${id}/charts/tax-alpha-by-year.svg`,
      `/v1/backtests/${id}/report`,
    ])
      expect((await get(path, null)).status, path).toBe(401);
  });
});
