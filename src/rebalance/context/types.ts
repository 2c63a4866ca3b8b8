/**
 * The household as the optimizer sees it: every figure the formulation, the rounding and the
 * report need, resolved once from the request (benchmarks flattened, restrictions expanded to
 * securities, wash-sale blocks collected, lot terms and gains computed). Built by
 * `buildHouseholdContext`; everything downstream trusts it.
 *
 * Securities are addressed by their index in `HouseholdContext.securities`; per-security
 * arrays have that length. Amounts are currency (`Usd` suffix = the request's currency).
 */
import type {
  AccountError,
  RebalanceRequest,
  TaxStatus,
  Term,
  TradingMode,
} from '../../domain/index.js';
import type { FactorRiskModel } from '../../risk/index.js';

/** One security of the request with its defaults applied. */
export interface SecurityFacts {
  id: string;
  /** Position in `HouseholdContext.securities`. */
  index: number;
  priceUsd: number;
  /** Tradable increment in shares (default 1). */
  lotSize: number;
  /** The wash set's key: `washGroup` when given, else the id. Members are substantially identical. */
  washSet: string;
  sector: string | undefined;
  assetClass: string | undefined;
  tags: readonly string[];
  /** Yearly fraction of value lost to income tax when held in a taxable account (default 0). */
  taxDrag: number;
  cashEquivalent: boolean;
}

/** A held lot with the figures of selling it on `asOf`. */
export interface LotFacts {
  id: string;
  /** Index of the owning account in `HouseholdContext.accounts`. */
  account: number;
  security: number;
  quantity: number;
  costBasisUsd: number;
  acquired: string;
  /** quantity × price. */
  valueUsd: number;
  /** valueUsd − costBasisUsd: the economic gain of selling all of it now (negative: a loss). */
  gainUsd: number;
  /** Term of a sale on `asOf`. */
  term: Term;
  /** Short-term lot that turns long-term within 31 days (the `avoidShortTermGains` window). */
  turnsLongSoon: boolean;
}

/** Per-security rule flags of one account (1 = applies), each of length securities.length. */
export interface SecurityRuleFlags {
  /** Never buy: noBuy, noHold, a substitution's `from`, or a wash-sale block. */
  noBuy: Uint8Array;
  /** Lots frozen. */
  noSell: Uint8Array;
  /** Sell everything held, never buy. */
  noHold: Uint8Array;
}

/** Why a security may not be bought or a loss lot not sold, for explanations. */
export type BlockReason = 'restriction' | 'substitution' | 'washSale';

/** Account settings with the spec's defaults applied. */
export interface ResolvedSettings {
  harvestLosses: boolean;
  /** Smallest loss worth harvesting, per lot (default 0). */
  minHarvestUsd: number;
  avoidShortTermGains: boolean;
  maxTrackingError: number | undefined;
  maxTurnover: number | undefined;
  minTradeValueUsd: number | undefined;
  allowFractional: boolean;
  mode: TradingMode;
  driftThreshold: number | undefined;
  /** Cash share of V − W the benchmark keeps (cash.target, else the benchmark's own cash). */
  cashTargetWeight: number;
  /** cash.min (default 0). */
  cashMinWeight: number;
}

/** One account, ready for the formulation. */
export interface AccountContext {
  id: string;
  index: number;
  taxStatus: TaxStatus;
  tradable: boolean;
  cashUsd: number;
  /** V = cash + Σ quantity × price, before trading. */
  valueUsd: number;
  /** W, the withdrawal (default 0). */
  withdrawalUsd: number;
  /** V − W: the value after the withdrawal has left; after-weights are over it. */
  afterValueUsd: number;
  /** What after.cash must reach: cash.min × (V − W). */
  cashNeedUsd: number;
  lots: LotFacts[];
  /** Shares held per security. */
  heldQuantity: Float64Array;
  /**
   * The account's benchmark security weights (spec Definitions: flattened model, substitutions,
   * scaled to fill 1 − cash share; `model: null`: its own current weights). In household mode
   * this is the household benchmark (the same array for every account).
   */
  benchmark: Float64Array;
  /** The benchmark with `noHold` securities removed and the rest scaled pro rata (for drift). */
  driftTarget: Float64Array;
  rules: SecurityRuleFlags;
  /**
   * 1 where the account may buy the security as far as the buy-candidate rule goes (its
   * benchmark, its holdings, or in no account's benchmark: buy-candidates.ts). Not a rule:
   * `rules.noBuy`, the mode and wash-sale blocks apply on top, and explanations never name it.
   */
  buyCandidate: Uint8Array;
  /** Why `rules.noBuy` is set per security (absent where it is not). */
  buyBlockReason: Map<number, BlockReason>;
  settings: ResolvedSettings;
  /** Drift before trading (household drift in household mode). */
  driftBefore: number;
  /** Drift threshold set and driftBefore within it: only forced, harvest and cash trades. */
  withinDrift: boolean;
  /** Warnings found while resolving the request (proxies, missing recent buys, …). */
  warnings: string[];
  /** Set when the account's hard rules contradict each other; it is then not optimized. */
  error: AccountError | null;
}

/** A household-wide limit: the strictest value set on any tradable account, and who set it. */
export interface HouseholdLimit {
  limit: number;
  /** Indices of the tradable accounts that set it (a relaxation is reported on each). */
  accounts: number[];
}

/** Wash sets blocked by the last 30 days of fills in the household. */
export interface RecentWashBlocks {
  /** Sold at a loss in a taxable account in the last 30 days: never bought now. */
  buyBlocked: Set<string>;
  /**
   * Bought in any household account in the last 30 days: loss lots in taxable accounts are not
   * sold unless forced. Maps the wash set to the shares bought (for the disallowed figure).
   */
  recentlyBought: Map<string, number>;
}

/** The whole household, resolved. */
export interface HouseholdContext {
  request: RebalanceRequest;
  asOf: string;
  securities: SecurityFacts[];
  securityIndex: Map<string, number>;
  shortTermRate: number;
  longTermRate: number;
  accounts: AccountContext[];
  /** `household.model` set: one combined portfolio tracks `householdBenchmark`. */
  householdMode: boolean;
  /** Household mode: benchmark weights over the household's combined V − W. */
  householdBenchmark: Float64Array | null;
  /** Household mode: the drift target (noHold in every tradable account removed). */
  householdDriftTarget: Float64Array | null;
  gainBudget: {
    shortTerm: HouseholdLimit | undefined;
    longTerm: HouseholdLimit | undefined;
    total: HouseholdLimit | undefined;
  };
  /** Household mode only: the strictest maxTrackingError and drift threshold. */
  householdMaxTrackingError: HouseholdLimit | undefined;
  householdDriftThreshold: HouseholdLimit | undefined;
  wash: RecentWashBlocks;
  risk: FactorRiskModel;
}
