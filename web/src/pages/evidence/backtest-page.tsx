/**
 * `/evidence/:id`: one saved backtest — headline KPIs, its charts (SVG from the API), the year
 * by year table, its settings and assumptions, and a link to the full HTML report.
 */
import { getBacktest } from '../../api/backtests-api';
import type { BacktestDetail } from '../../api/types';
import { Card } from '../../components/card';
import { ErrorBanner } from '../../components/error-banner';
import { Notice } from '../../components/notice';
import { PageHeader } from '../../components/page-header';
import { count, dateTime, money, percent, shortId } from '../../format/format';
import { useResource } from '../../hooks/use-resource';
import { Link } from '../../router/link';
import { BacktestKpis } from './backtest-kpis';
import { BacktestYearsTable } from './backtest-years-table';
import { scenarioLabel, windowLabel } from './describe-backtest';

/** Props of {@link BacktestPage}. */
export interface BacktestPageProps {
  id: string;
}

/** The settings a reader needs to judge the figures. */
function Settings({ b }: { b: BacktestDetail }) {
  const c = b.config;
  const rows: [string, string][] = [
    ['Scenario', scenarioLabel(c.scenario)],
    ['Window', `${windowLabel(c)}, ${c.schedule}`],
    ['Starting value', money(c.initialValueUsd)],
    ['Monthly flow', money(c.monthlyFlowUsd)],
    [
      'Tax rates',
      `${percent(c.shortTermRate, 0)} short-term, ${percent(c.longTermRate, 0)} long-term`,
    ],
    ['Smallest harvest', `${money(c.minHarvestUsd)} a lot`],
    ['Risk aversion', String(c.riskAversion)],
    ['Spread', `${percent(c.spread, 2)} a side`],
    ['Shares', c.fractional ? 'fractional' : 'whole'],
    ['Benchmark', `${count(c.universe.length)} securities`],
    ['Benchmark return', `${percent(b.summary.benchmarkReturnAnnual)} a year`],
    [
      'Wash sales',
      `${count(b.summary.washSales.avoided)} buys avoided, ${count(b.summary.washSales.incurred)} incurred`,
    ],
  ];
  return (
    <dl className="facts" data-testid="backtest-settings">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One backtest. */
export function BacktestPage({ id }: BacktestPageProps) {
  const { data: b, error } = useResource(() => getBacktest(id), id);
  return (
    <>
      <PageHeader
        crumbs={<Link to="/evidence">Evidence</Link>}
        title={
          b
            ? `${scenarioLabel(b.config.scenario)}, ${windowLabel(b.config)}`
            : `Backtest ${shortId(id)}`
        }
        subtitle={
          b &&
          `Saved by ${b.createdBy} ${dateTime(b.createdAt)} · simulated in ${b.elapsedSeconds.toFixed(1)} s`
        }
        actions={
          b && (
            <a
              className="button"
              href={b.reportUrl}
              target="_blank"
              rel="noopener"
              data-testid="backtest-report-link"
            >
              Full report
            </a>
          )
        }
      />
      <ErrorBanner error={error} />
      {b && (
        <div className="grid">
          <BacktestKpis summary={b.summary} />
          {b.warnings.length > 0 && (
            <div className="span-wide">
              <Notice tone="warn" testId="backtest-warnings">
                {count(b.warnings.length)} engine {b.warnings.length === 1 ? 'error' : 'errors'}: on
                those days nothing was traded in that account (the report lists them).
              </Notice>
            </div>
          )}
          <Card title="Charts" testId="backtest-charts">
            <div className="chart-gallery">
              {b.charts.map((c) => (
                <figure key={c.file} className="chart-figure">
                  <img
                    src={c.url}
                    alt={c.title}
                    width={720}
                    height={360}
                    data-testid={`backtest-chart-${c.file.replace(/\.svg$/, '')}`}
                  />
                </figure>
              ))}
            </div>
          </Card>
          <Card title="By year" testId="backtest-years">
            <BacktestYearsTable years={b.years} />
          </Card>
          <Card title="Settings" span="half">
            <Settings b={b} />
          </Card>
          <Card title="Assumptions" span="half">
            <ul className="assumptions" data-testid="backtest-assumptions">
              {b.assumptions.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </Card>
        </div>
      )}
    </>
  );
}
