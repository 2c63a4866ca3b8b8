/** How a backtest is named on screen. */
import type { BacktestListItem } from '../../api/types';

const SCENARIOS: Record<BacktestListItem['scenario'], string> = {
  'direct-index': 'Direct index',
  'etf-model': 'ETF model',
  'household-ira': 'Household with an IRA',
};

/** `ETF model` for `etf-model`. */
export const scenarioLabel = (scenario: BacktestListItem['scenario']): string =>
  SCENARIOS[scenario] ?? scenario;

/** `2019-01-02 … 2020-12-31`. */
export const windowLabel = (b: { start: string; end: string }): string => `${b.start} … ${b.end}`;
