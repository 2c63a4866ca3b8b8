/** The overview's charts: assets by model, drift distribution, gain budget used. */
import type { BookOverview } from '../../api/types';
import { BarChart } from '../../charts/bar-chart';
import { Meter } from '../../charts/meter';
import { Card } from '../../components/card';
import { count, money, moneyCompact, shortId } from '../../format/format';
import { Link } from '../../router/link';
import { href } from '../../router/match';
import { DriftHistogramCard } from './drift-histogram-card';
import { LatestRunCard } from './latest-run-card';

/** Props of {@link BookCharts}. */
export interface BookChartsProps {
  book: BookOverview;
}

/** Three chart cards. */
export function BookCharts({ book }: BookChartsProps) {
  const byValue = [...book.byModel].sort((a, b) => b.valueUsd - a.valueUsd);
  const budget = book.gainBudgets;
  return (
    <>
      <Card title="Assets by model" span="half" testId="chart-assets-by-model">
        <BarChart
          title="Assets by model"
          format={moneyCompact}
          bars={byValue.map((m) => ({
            label: m.name || m.modelId || 'No model',
            value: m.valueUsd,
            detail: `${m.accounts} accounts`,
          }))}
        />
      </Card>
      <DriftHistogramCard book={book} />
      <Card title="Gain budget used" span="half" testId="chart-gain-budget">
        {budget.runId ? (
          <>
            <Meter
              label={`Net gains realized against budgets, ${count(budget.households)} households`}
              used={budget.realizedUsd}
              limit={budget.budgetUsd}
              format={money}
              testId="gain-budget-meter"
            />
            <p className="muted">
              From the proposals of run{' '}
              <Link to={href('/runs', budget.runId)}>{shortId(budget.runId)}</Link>;{' '}
              {count(budget.householdsNearBudget)}{' '}
              {budget.householdsNearBudget === 1 ? 'household uses' : 'households use'} 90% or more
              of their budget.
            </p>
          </>
        ) : (
          <p className="muted">No run yet: gain budgets are measured against a run’s proposals.</p>
        )}
      </Card>
      <LatestRunCard run={book.latestRun} />
    </>
  );
}
