/**
 * `buildHouseholdContext`: the request resolved once into the figures the formulation, the
 * rounding and the report share (see types.ts). Each step lives in its own module; this one only
 * puts them in order: holdings and wash blocks first, since rules need the blocks, benchmarks
 * need the holdings (`model: null`) and drift needs both; buy candidates come last, since they
 * read every account's benchmark.
 */
import type { AccountSettings, RebalanceAccount, RebalanceRequest } from '../../domain/index.js';
import { toDay } from '../../tax/index.js';
import { accountHoldings, type AccountHoldings } from './account-holdings.js';
import {
  householdBenchmark,
  modelBenchmark,
  ownCashShare,
  ownPortfolioBenchmark,
  type BenchmarkSources,
} from './benchmark.js';
import { buyCandidates } from './buy-candidates.js';
import { accountConflict } from './conflicts.js';
import { driftTargetOf, householdDrift, isWithinDrift, maxDrift } from './drift.js';
import { householdLimits } from './household-limits.js';
import { collectRecentWash } from './recent-wash.js';
import { accountRules, type AccountRules } from './restrictions.js';
import { buildSecurityTable } from './security-facts.js';
import { effectiveSettings, isTradable, resolveSettings } from './settings.js';
import type { AccountContext, HouseholdContext, SecurityFacts } from './types.js';
import { holdingWeights } from './weights.js';

/** Everything known about one account before its context is assembled. */
interface AccountParts extends AccountHoldings, AccountRules {
  account: RebalanceAccount;
  tradable: boolean;
  settings: AccountSettings;
  warnings: string[];
}

/** The household's benchmark and drift, shared by every account in household mode. */
interface HouseholdFrame {
  benchmark: Float64Array;
  driftTarget: Float64Array;
  driftBefore: number;
  driftThreshold: number | undefined;
}

/**
 * Resolves a validated request into the household context. `risk` is stored as given: the
 * formulation reads tracking error from it.
 */
export function buildHouseholdContext(
  request: RebalanceRequest,
  risk: HouseholdContext['risk'],
): HouseholdContext {
  const { securities, securityIndex } = buildSecurityTable(request.securities);
  const asOf = toDay(request.asOf);
  const recent = collectRecentWash(request.accounts, securities, securityIndex, asOf);
  const parts = request.accounts.map((account, i): AccountParts => {
    const effective = effectiveSettings(account);
    return {
      account,
      tradable: isTradable(account),
      settings: effective.settings,
      warnings: [...effective.warnings, ...(recent.warnings[i] ?? [])],
      ...accountHoldings(account, i, securities, securityIndex, asOf),
      ...accountRules({
        restrictions: effective.settings.restrictions ?? [],
        substitutions: effective.settings.substitutions ?? [],
        washBuyBlocked: recent.wash.buyBlocked,
        securities,
        securityIndex,
      }),
    };
  });
  const householdModel = request.household.model ?? null;
  const limits = householdLimits(parts, householdModel !== null);
  const sources: BenchmarkSources = {
    models: new Map(request.models.map((m) => [m.id, m])),
    securityIndex,
  };
  let frame: HouseholdFrame | null = null;
  if (householdModel !== null) {
    const substitutions = parts
      .filter((p) => p.tradable)
      .map((p) => p.settings.substitutions ?? []);
    const benchmark = householdBenchmark(householdModel, substitutions, sources);
    const driftThreshold = limits.householdDriftThreshold?.limit;
    frame = { benchmark, driftThreshold, ...householdDrift(benchmark, parts, securities) };
  }
  return {
    request,
    asOf: request.asOf,
    securities,
    securityIndex,
    shortTermRate: request.household.shortTermRate,
    longTermRate: request.household.longTermRate,
    accounts: withBuyCandidates(
      parts.map((p, i) => accountContext(p, i, frame, securities, sources)),
    ),
    householdMode: frame !== null,
    householdBenchmark: frame?.benchmark ?? null,
    householdDriftTarget: frame?.driftTarget ?? null,
    ...limits,
    wash: recent.wash,
    risk,
  };
}

/** The accounts with their buy candidates, which depend on every account's benchmark. */
function withBuyCandidates(accounts: Omit<AccountContext, 'buyCandidate'>[]): AccountContext[] {
  const candidates = buyCandidates(accounts);
  return accounts.map((a, i) => ({ ...a, buyCandidate: candidates[i]! }));
}

/** One account's context, against its own benchmark or the household's `frame`. */
function accountContext(
  p: AccountParts,
  index: number,
  frame: HouseholdFrame | null,
  securities: readonly SecurityFacts[],
  sources: BenchmarkSources,
): Omit<AccountContext, 'buyCandidate'> {
  const { account, rules, heldQuantity, valueUsd } = p;
  const cash = p.settings.cash;
  const substitutions = p.settings.substitutions ?? [];
  const current = holdingWeights(heldQuantity, securities, valueUsd);
  const benchmark =
    frame?.benchmark ??
    (account.model === null
      ? ownPortfolioBenchmark(current, substitutions, cash?.target, sources.securityIndex)
      : modelBenchmark(account.model, substitutions, cash?.target, sources));
  const settings = resolveSettings(p.settings, ownCashShare(benchmark));
  const driftTarget = frame?.driftTarget ?? driftTargetOf(benchmark, rules.noHold);
  const driftBefore = frame?.driftBefore ?? maxDrift(current, driftTarget, rules.noHold);
  const threshold = frame === null ? settings.driftThreshold : frame.driftThreshold;
  const withdrawalUsd = cash?.withdrawal ?? 0;
  const afterValueUsd = valueUsd - withdrawalUsd;
  return {
    id: account.id,
    index,
    taxStatus: account.taxStatus,
    tradable: p.tradable,
    cashUsd: account.cash,
    valueUsd,
    withdrawalUsd,
    afterValueUsd,
    cashNeedUsd: settings.cashMinWeight * afterValueUsd,
    lots: p.lots,
    heldQuantity,
    benchmark,
    driftTarget,
    rules,
    buyBlockReason: p.buyBlockReason,
    settings,
    driftBefore,
    withinDrift: isWithinDrift(driftBefore, threshold),
    warnings: p.warnings,
    // Held-away accounts are never traded, so no rule of theirs can contradict another.
    error: p.tradable
      ? accountConflict({
          securities,
          heldQuantity,
          rules,
          sources: p.sources,
          cashUsd: account.cash,
          valueUsd,
          withdrawalUsd,
          cashMinWeight: settings.cashMinWeight,
        })
      : null,
  };
}
