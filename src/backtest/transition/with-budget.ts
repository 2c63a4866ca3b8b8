/**
 * A request with one annual gain budget in place of whatever the household set: the plan compares
 * budgets, so each one must be the household's only budget.
 */
import type { RebalanceAccount, RebalanceRequest, TaxSettings } from '../../domain/index.js';

/** The account's tax settings with `gainBudget` set to `budget`, or removed for null. */
function taxWith(tax: TaxSettings | undefined, budget: number | null): TaxSettings | undefined {
  const rest = { ...tax };
  delete rest.gainBudget;
  if (budget !== null)
    return { ...rest, gainBudget: { shortTerm: budget, longTerm: budget, total: budget } };
  return Object.keys(rest).length > 0 ? rest : undefined;
}

function accountWith(account: RebalanceAccount, budget: number | null): RebalanceAccount {
  if (account.tradable === false) return account;
  // The engine applies the strictest budget set on any tradable account (spec §1), so a budget
  // left on an IRA would still cap the household: only taxable accounts keep the plan's budget.
  const own = account.taxStatus === 'taxable' ? budget : null;
  if (own === null && account.settings?.tax?.gainBudget === undefined) return account;
  const settings = { ...account.settings };
  const tax = taxWith(account.settings?.tax, own);
  if (tax) settings.tax = tax;
  else delete settings.tax;
  return { ...account, settings };
}

/**
 * The request with every tradable taxable account's `settings.tax.gainBudget` set to
 * `{ shortTerm: b, longTerm: b, total: b }` (for `budgetUsd` b), or removed for null (unlimited).
 * Budgets on tradable non-taxable accounts are removed too; every other setting stays.
 */
export function withGainBudget(
  request: RebalanceRequest,
  budgetUsd: number | null,
): RebalanceRequest {
  return { ...request, accounts: request.accounts.map((a) => accountWith(a, budgetUsd)) };
}
