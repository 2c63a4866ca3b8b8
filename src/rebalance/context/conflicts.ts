/**
 * Contradictions among the rules that never give way (spec §1, last paragraph): the account is
 * then answered with status `error` and a message naming the conflict and what to change; the
 * other accounts are unaffected. Two are possible before any trade is chosen: a held security that
 * must be sold (`noHold`) and may not be (`noSell`), and a withdrawal the sellable holdings cannot
 * raise together with the cash minimum.
 */
import type { AccountError } from '../../domain/index.js';
import type { RuleSources } from './restrictions.js';
import type { SecurityFacts, SecurityRuleFlags } from './types.js';

/** The figures of one account that its conflicts are read from. */
export interface ConflictInputs {
  securities: readonly SecurityFacts[];
  heldQuantity: Float64Array;
  rules: SecurityRuleFlags;
  sources: RuleSources;
  cashUsd: number;
  valueUsd: number;
  withdrawalUsd: number;
  cashMinWeight: number;
}

const money = (usd: number) =>
  usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const percent = (weight: number) => `${Number((weight * 100).toFixed(4))}%`;

/** Held securities under both `noHold` and `noSell`, each named with where the rules come from. */
export function restrictionConflict(input: ConflictInputs): AccountError | null {
  const { rules, sources } = input;
  const messages: string[] = [];
  for (const s of input.securities) {
    const held = input.heldQuantity[s.index]! > 0;
    if (held && rules.noHold[s.index] === 1 && rules.noSell[s.index] === 1) {
      messages.push(
        `${s.id} is under noHold (${sources.noHold.get(s.index) ?? 'unknown'}) and noSell ` +
          `(${sources.noSell.get(s.index) ?? 'unknown'}): it must be sold and may not be; ` +
          `remove one of the two restrictions`,
      );
    }
  }
  return messages.length > 0
    ? { code: 'restriction_conflict', message: messages.join('. ') }
    : null;
}

/**
 * The cash rule cannot hold: W + cash.min × (V − W) exceeds cash plus the value of every position
 * not under `noSell`. A withdrawal above V is never raisable, so a negative V − W adds no slack.
 */
export function withdrawalConflict(input: ConflictInputs): AccountError | null {
  const { securities, heldQuantity, rules, cashUsd, valueUsd, withdrawalUsd: w } = input;
  const m = input.cashMinWeight;
  const cashNeed = Math.max(0, m * (valueUsd - w));
  let sellable = 0;
  const frozen: string[] = [];
  for (const s of securities) {
    const value = heldQuantity[s.index]! * s.priceUsd;
    if (rules.noSell[s.index] !== 1) sellable += value;
    else if (value > 0) frozen.push(s.id);
  }
  const raisable = cashUsd + sellable;
  // Floating-point slack: cash.min = 1 makes the need equal V up to rounding.
  if (w + cashNeed <= raisable + 1e-9 * Math.max(1, valueUsd)) return null;
  const fixes: string[] = [];
  const maxWithdrawal = m < 1 ? (raisable - m * valueUsd) / (1 - m) : -1;
  if (w > 0 && maxWithdrawal >= 0)
    fixes.push(`lower cash.withdrawal to at most ${money(maxWithdrawal)}`);
  else if (w > 0) fixes.push('lower cash.withdrawal');
  if (m > 0) fixes.push('lower cash.min');
  if (frozen.length > 0) fixes.push(`lift noSell on ${frozen.join(', ')}`);
  return {
    code: 'withdrawal_unraisable',
    message:
      `the withdrawal (${money(w)}) plus cash.min ${percent(m)} of V − W (${money(cashNeed)}) ` +
      `needs ${money(w + cashNeed)}, but cash (${money(cashUsd)}) and the positions that may be ` +
      `sold (${money(sellable)}) raise at most ${money(raisable)}; ${fixes.join(', or ')}`,
  };
}

/** The first contradiction of an account, the restrictions' before the cash rule's; null if none. */
export function accountConflict(input: ConflictInputs): AccountError | null {
  return restrictionConflict(input) ?? withdrawalConflict(input);
}
