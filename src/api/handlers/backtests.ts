/**
 * `/v1/backtests`: saved backtests (`tailor backtest --save`) — a page of them with their
 * headline figures, one with its settings, summary, years and assumptions, its charts as SVG and
 * its self-contained HTML report. The charts and the report are drawn from the stored result on
 * each request by the same code that writes `tailor backtest --out` (src/backtest/report).
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { BacktestResult } from '../../backtest/index.js';
import { backtestCharts, htmlReport, type ReportChart } from '../../backtest/report/index.js';
import { getBacktest, listBacktests, type BacktestRow } from '../../store/index.js';
import type {
  BacktestDetail,
  BacktestListItem,
  BacktestListQuerySchema,
} from '../contract/index.js';
import { fail, notFound, ok, type Reply } from '../reply.js';
import type { RouteContext } from '../route-types.js';

/** A saved backtest's result is the `BacktestResult` that `saveBacktest` was given. */
type SavedBacktest = BacktestRow<BacktestResult>;

/** Charts and the report change only with the code that draws them: a browser may keep them. */
const CACHE = 'private, max-age=3600';

const base = (id: string): string => `/v1/backtests/${encodeURIComponent(id)}`;

/** `GET /v1/backtests`: newest first, the headline figures of each. */
export async function listBacktestsHandler(
  ctx: RouteContext<z.output<typeof BacktestListQuerySchema>, undefined>,
): Promise<Reply> {
  const page = await listBacktests<BacktestResult>(ctx.state.store.db, ctx.query);
  const items: BacktestListItem[] = page.items.map((b) => ({
    id: b.id,
    scenario: b.config.scenario,
    start: b.start,
    end: b.end,
    schedule: b.config.schedule,
    createdAt: b.createdAt.toISOString(),
    createdBy: b.createdBy,
    years: b.summary.years,
    taxAlphaAnnual: b.summary.taxAlphaAnnual,
    taxAlphaAnnualLiquidated: b.summary.taxAlphaAnnualLiquidated,
    trackingError: b.summary.trackingError,
    turnover: b.summary.turnover,
  }));
  return ok({ items, total: page.total });
}

/** The saved backtest of the path's `:id`, or the 404 to answer. */
async function saved(ctx: RouteContext<undefined, undefined>): Promise<SavedBacktest | Reply> {
  const id = ctx.params['id']!;
  const row = await getBacktest<BacktestResult>(ctx.state.store.db, id);
  return row ?? notFound('backtest', id);
}

const isRow = (x: SavedBacktest | Reply): x is SavedBacktest => 'result' in x;

/** `GET /v1/backtests/:id`: everything but the daily series. */
export async function backtestHandler(ctx: RouteContext<undefined, undefined>): Promise<Reply> {
  const row = await saved(ctx);
  if (!isRow(row)) return row;
  const r = row.result;
  const detail: BacktestDetail = {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    config: r.config,
    summary: r.summary,
    years: r.years,
    assumptions: r.assumptions,
    warnings: r.warnings,
    elapsedSeconds: r.elapsedSeconds,
    charts: backtestCharts(r).map((c) => ({
      file: c.file,
      title: c.title,
      url: `${base(row.id)}/charts/${encodeURIComponent(c.file)}`,
    })),
    reportUrl: `${base(row.id)}/report`,
  };
  return ok(detail);
}

/** 404 for a chart the backtest does not have, naming those it has. */
function unknownChart(id: string, file: string, charts: readonly ReportChart[]): Reply {
  return fail(
    404,
    'not_found',
    `no chart ${file} of backtest ${id}; its charts are ${charts.map((c) => c.file).join(', ')}`,
  );
}

/** `GET /v1/backtests/:id/charts/:file`: one chart as SVG. */
export async function backtestChartHandler(
  ctx: RouteContext<undefined, undefined>,
): Promise<Reply> {
  const row = await saved(ctx);
  if (!isRow(row)) return row;
  const file = ctx.params['file']!;
  const charts = backtestCharts(row.result);
  const chart = charts.find((c) => c.file === file);
  if (!chart) return unknownChart(row.id, file, charts);
  return new Response(chart.svg, {
    headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': CACHE },
  });
}

/** The CSP hash of the page's one inline stylesheet (the report has no script and no link). */
function styleHashes(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
  );
}

/** `GET /v1/backtests/:id/report`: the self-contained HTML report. */
export async function backtestReportHandler(
  ctx: RouteContext<undefined, undefined>,
): Promise<Reply> {
  const row = await saved(ctx);
  if (!isRow(row)) return row;
  const html = htmlReport(row.result, backtestCharts(row.result));
  return new Response(html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': CACHE,
      // Its one inline stylesheet by hash; inline SVG needs nothing; nothing loads or runs.
      'content-security-policy': `default-src 'none'; style-src ${styleHashes(html).join(' ')}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
    },
  });
}
