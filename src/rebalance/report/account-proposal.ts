/**
 * One account's proposal from its figures, and its status (spec Definitions, "Status"): `error`
 * when its hard rules conflict or the solver failed (no trades, after = before), `relaxed` when
 * something gave way, `ok` with trades, else `noTrade`. Held-away accounts are `noTrade` with no
 * relaxation and no error; their after-figures equal the before-figures except, in household
 * mode, the household's tracking error and drift after trading.
 */
import type {
  AccountError,
  AccountProposal,
  AccountStatus,
  PortfolioSnapshot,
  ProposedTrade,
  Relaxation,
} from '../../domain/index.js';
import type { AccountContext } from '../context/index.js';

const NOTHING_REALIZED = { shortTerm: 0, longTerm: 0, washSaleDisallowed: 0 };

/** A proposal without trades whose after-figures equal the before-figures. */
export function unchangedProposal(
  acc: AccountContext,
  before: PortfolioSnapshot,
  warnings: string[],
  error: AccountError | null,
): AccountProposal {
  return {
    id: acc.id,
    status: error === null ? 'noTrade' : 'error',
    trades: [],
    summary: {
      before,
      after: { ...before },
      realized: { ...NOTHING_REALIZED },
      estimatedTax: 0,
      turnover: 0,
      relaxed: [],
      warnings,
    },
    error,
  };
}

/** Status of an answered account. */
export function statusOf(
  trades: readonly ProposedTrade[],
  relaxed: readonly Relaxation[],
): AccountStatus {
  if (relaxed.length > 0) return 'relaxed';
  return trades.length > 0 ? 'ok' : 'noTrade';
}

/** The error of every optimized account when the household QP has no usable solution. */
export function solverError(status: 'infeasible' | 'failed'): AccountError {
  return status === 'infeasible'
    ? {
        code: 'solver_infeasible',
        message:
          'the optimizer found no trades that satisfy every rule of the household at once, even ' +
          'with turnover and gain budgets allowed to give way; loosen the restrictions (noSell, ' +
          'noBuy, noHold), cash.min or the withdrawal, or the trading mode of the accounts',
      }
    : {
        code: 'solver_failed',
        message:
          'the optimizer stopped without a reliable solution (numerical difficulty); check the ' +
          'risk model for extreme or inconsistent variances and retry, or report the request',
      };
}
