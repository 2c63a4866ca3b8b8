/** A backtest's headline figures: tax alpha (kept and liquidated), tracking error, turnover. */
import type { BacktestSummaryView } from '../../api/types';
import { KpiCard } from '../../components/kpi-card';
import { money, percent } from '../../format/format';

/** Props of {@link BacktestKpis}. */
export interface BacktestKpisProps {
  summary: BacktestSummaryView;
}

const toneOf = (x: number): 'good' | 'bad' | 'neutral' =>
  x > 0 ? 'good' : x < 0 ? 'bad' : 'neutral';

/** Five KPI cards. */
export function BacktestKpis({ summary: s }: BacktestKpisProps) {
  return (
    <div className="kpi-row backtest-kpis span-wide" data-testid="backtest-kpis">
      <KpiCard
        label="Tax alpha a year"
        value={percent(s.taxAlphaAnnual)}
        detail={`after tax, harvesting minus not; the pre-tax difference is ${percent(s.preTaxDifferenceAnnual)}`}
        tone={toneOf(s.taxAlphaAnnual)}
        testId="kpi-tax-alpha"
      />
      <KpiCard
        label="Liquidated at the end"
        value={percent(s.taxAlphaAnnualLiquidated)}
        detail={`if both accounts are sold on the last day; the tax then due: ${money(s.harvest.liquidationTaxUsd)} with harvesting, ${money(s.noHarvest.liquidationTaxUsd)} without`}
        tone={toneOf(s.taxAlphaAnnualLiquidated)}
        testId="kpi-tax-alpha-liquidated"
      />
      <KpiCard
        label="Tracking error"
        value={percent(s.trackingError)}
        detail={`without harvesting ${percent(s.noHarvest.trackingError)}`}
        testId="kpi-tracking-error"
      />
      <KpiCard
        label="Turnover a year"
        value={percent(s.turnover)}
        detail={`without harvesting ${percent(s.noHarvest.turnover)}`}
        testId="kpi-turnover"
      />
      <KpiCard
        label="Years"
        value={s.years.toFixed(1)}
        detail={`losses harvested ${money(s.harvest.harvestedLossUsd)}`}
        testId="kpi-years"
      />
    </div>
  );
}
