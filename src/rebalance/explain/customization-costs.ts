/**
 * What each customization of an account costs: the rebalance is run again with that one
 * customization removed, and the difference is reported as tracking error after trading
 * (with − without) and estimated tax (with − without). Positive: the customization costs that
 * much; negative: it helps.
 *
 * The core rebalance is a parameter, so this module never calls back into the explaining
 * rebalance (pass the core that computes no explanations) and tests can pass any engine.
 */
import type { CustomizationCost, RebalanceRequest, RebalanceResponse } from '../../domain/index.js';
import { customizationsOf, type Customization } from './customizations.js';

/** A rebalance without explanations: request in, response out. */
export type RebalanceCore = (request: RebalanceRequest) => RebalanceResponse;

/** The household's estimated tax: the sum over its accounts (error accounts count 0). */
function householdTax(response: RebalanceResponse): number {
  return response.accounts.reduce(
    (t, a) => t + (a.status === 'error' ? 0 : a.summary.estimatedTax),
    0,
  );
}

/** `request` with account `index`'s settings edited by `edit` (nothing else is copied). */
function editedRequest(
  request: RebalanceRequest,
  index: number,
  edit: Customization['remove'],
): RebalanceRequest {
  const accounts = request.accounts.map((a, i) =>
    i === index ? { ...a, settings: edit(a.settings ?? {}) } : a,
  );
  return { ...request, accounts };
}

/**
 * One entry per customization of account `accountId`: `customization` is
 * `"<setting path> <detail>"`, `trackingError` the account's after-trading tracking error with the
 * customization minus without it, `tax` the household's estimated tax with minus without (the
 * household's, since removing a customization may move trades to another account: a household
 * gain budget, household mode). Held-away accounts, accounts in error and customizations whose
 * removal leaves the account in error are skipped. `base` is the response to `request` when the
 * caller already has it (saves one run).
 *
 * @example
 * customizationCosts(request, 'A1', rebalanceCore);
 * // [{ customization: 'restrictions[0] sector Energy noHold', trackingError: 0.0042, tax: 0 }]
 */
export function customizationCosts(
  request: RebalanceRequest,
  accountId: string,
  rebalanceFn: RebalanceCore,
  base?: RebalanceResponse,
): CustomizationCost[] {
  const index = request.accounts.findIndex((a) => a.id === accountId);
  const account = request.accounts[index];
  if (account === undefined || account.tradable === false) return [];
  const withAll = base ?? rebalanceFn(request);
  const before = withAll.accounts[index];
  if (before === undefined || before.status === 'error') return [];
  const taxWith = householdTax(withAll);
  const out: CustomizationCost[] = [];
  for (const c of customizationsOf(account.settings ?? {})) {
    const response = rebalanceFn(editedRequest(request, index, c.remove));
    const after = response.accounts[index];
    if (after === undefined || after.status === 'error') continue;
    out.push({
      customization: c.label,
      trackingError: before.summary.after.trackingError - after.summary.after.trackingError,
      tax: Math.round((taxWith - householdTax(response)) * 100) / 100,
    });
  }
  return out;
}
