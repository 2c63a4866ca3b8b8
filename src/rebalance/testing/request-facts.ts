/**
 * Figures the checker derives from a request on its own (spec §1–2 Definitions): values,
 * withdrawals, cash needs, holdings, restriction sets and wash sets. Held-away accounts have their
 * settings ignored (spec: "any settings on them are ignored with a warning").
 */
import type {
  AccountSettings,
  HeldLot,
  RebalanceAccount,
  RebalanceRequest,
  Security,
} from '../../domain/index.js';
import { toDay, type Day } from '../../tax/index.js';
import { restrictionSets, type RestrictionSets } from './restriction-sets.js';

/** One account of the request, with the figures the checks need. */
export interface AccountFacts {
  account: RebalanceAccount;
  id: string;
  tradable: boolean;
  taxable: boolean;
  /** The settings that apply: none for a held-away account. */
  settings: AccountSettings;
  /** V = cash + Σ quantity × price. */
  value: number;
  /** W, the withdrawal (0 when held away). */
  withdrawal: number;
  /** cash.min (default 0). */
  cashMin: number;
  /** W + cash.min × (V − W) − cash: what sales must raise (≤ 0: nothing). */
  cashNeed: number;
  /** Shares held per security before trading. */
  holdings: Map<string, number>;
  lots: Map<string, HeldLot>;
  restrictions: RestrictionSets;
  /** Securities named as a substitution's `from`: never bought. */
  substitutedFrom: Set<string>;
}

/** The request with its derived figures. */
export interface RequestFacts {
  request: RebalanceRequest;
  asOf: Day;
  securities: Map<string, Security>;
  accounts: AccountFacts[];
  /** `household.model`, when set. */
  householdModel: string | undefined;
}

/** The wash-set key of a security: its washGroup when given, else its own id. */
export function washKey(facts: RequestFacts, security: string): string {
  const group = facts.securities.get(security)?.washGroup;
  return group === undefined ? `security:${security}` : `group:${group}`;
}

/** True when the fill date lies within the last 30 days (asOf − 30 … asOf). */
export function withinWashWindow(facts: RequestFacts, date: string): boolean {
  const age = facts.asOf - toDay(date);
  return age >= 0 && age <= 30;
}

function accountFacts(account: RebalanceAccount, request: RebalanceRequest): AccountFacts {
  const tradable = account.tradable !== false;
  const settings: AccountSettings = tradable ? (account.settings ?? {}) : {};
  const prices = new Map(request.securities.map((s) => [s.id, s.price]));
  const holdings = new Map<string, number>();
  let value = account.cash;
  for (const lot of account.lots) {
    holdings.set(lot.security, (holdings.get(lot.security) ?? 0) + lot.quantity);
    value += lot.quantity * (prices.get(lot.security) ?? 0);
  }
  const withdrawal = settings.cash?.withdrawal ?? 0;
  const cashMin = settings.cash?.min ?? 0;
  return {
    account,
    id: account.id,
    tradable,
    taxable: account.taxStatus === 'taxable',
    settings,
    value,
    withdrawal,
    cashMin,
    cashNeed: withdrawal + cashMin * (value - withdrawal) - account.cash,
    holdings,
    lots: new Map(account.lots.map((lot) => [lot.id, lot])),
    restrictions: restrictionSets(settings.restrictions ?? [], request.securities),
    substitutedFrom: new Set((settings.substitutions ?? []).map((s) => s.from)),
  };
}

/** Derives the request's figures. */
export function requestFacts(request: RebalanceRequest): RequestFacts {
  const model = request.household.model;
  return {
    request,
    asOf: toDay(request.asOf),
    securities: new Map(request.securities.map((s) => [s.id, s])),
    accounts: request.accounts.map((account) => accountFacts(account, request)),
    householdModel: model === null || model === undefined ? undefined : model,
  };
}
