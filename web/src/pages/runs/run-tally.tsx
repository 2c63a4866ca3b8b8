/** A finished run's counts and book tally: what trades, what it costs, drift before → after. */
import type { RunView } from '../../api/types';
import { Card } from '../../components/card';
import { KpiCard } from '../../components/kpi-card';
import { count, money, percent } from '../../format/format';

/** Props of {@link RunTally}. */
export interface RunTallyProps {
  run: RunView;
}

/** KPI cards for the counts and the tally. */
export function RunTally({ run }: RunTallyProps) {
  const s = run.summary;
  const t = run.book;
  return (
    <Card title="Summary" testId="run-summary">
      <div className="kpi-row">
        <KpiCard
          label="Households"
          value={count(s.householdsSelected)}
          detail={`${count(s.proposed)} with trades · ${count(s.noTrade)} no trade`}
          testId="run-households-kpi"
        />
        <KpiCard
          label="Gated / errors"
          value={`${count(s.gated)} / ${count(s.errors)}`}
          tone={s.gated + s.errors > 0 ? 'warn' : 'good'}
        />
        <KpiCard
          label="Trades"
          value={count(s.trades)}
          detail={`${count(s.proposalsWritten)} proposals`}
        />
        {t && (
          <>
            <KpiCard
              label="Accounts traded"
              value={count(t.accountsTraded)}
              detail={`of ${count(t.accounts)} · ${count(t.accountsRelaxed)} relaxed · ${count(t.accountsInError)} in error`}
            />
            <KpiCard label="Buys" value={money(t.buysUsd)} />
            <KpiCard label="Sells" value={money(t.sellsUsd)} />
            <KpiCard
              label="Realized gains"
              value={money(t.realizedGainsUsd)}
              detail={`estimated tax ${money(t.estimatedTaxUsd)}`}
              tone={t.estimatedTaxUsd > 0 ? 'warn' : 'good'}
            />
            <KpiCard
              label="Mean largest drift"
              value={`${percent(t.meanMaxDriftBefore)} → ${percent(t.meanMaxDriftAfter)}`}
              detail={`tracking error ${percent(t.meanTrackingErrorBefore)} → ${percent(t.meanTrackingErrorAfter)}`}
              tone="good"
            />
          </>
        )}
      </div>
    </Card>
  );
}
