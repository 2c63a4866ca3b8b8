/** Saved backtest calls: the list, one backtest, and the URLs of its charts and report. */
import { get } from './client';
import type { BacktestDetail, BacktestList } from './types';

/** Saved backtests, newest first. */
export const listBacktests = (): Promise<BacktestList> =>
  get<BacktestList>('/v1/backtests', { limit: 200 });

/** One backtest: settings, summary, years, assumptions, its charts and report URLs. */
export const getBacktest = (id: string): Promise<BacktestDetail> =>
  get<BacktestDetail>(`/v1/backtests/${encodeURIComponent(id)}`);
