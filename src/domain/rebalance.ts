/**
 * The rebalance interchange documents (spec §1–2) as plain types. `src/io` validates JSON into
 * these shapes with zod; the engine reads the request and writes the response. Amounts are in the
 * account's currency, `quantity` is shares, `weight` and rates are fractions (0.05 = 5%).
 */
import type { Term } from './ledger.js';
import type { TaxStatus } from './tax-status.js';

/** A tradable instrument and its price on `asOf`. */
export interface Security {
  id: string;
  /** Price per share in currency, > 0. */
  price: number;
  assetClass?: string;
  sector?: string;
  /** Free labels matched by `tag` restrictions. */
  tags?: string[];
  /** Securities sharing a wash group are substantially identical. */
  washGroup?: string;
  /** Tradable increment in shares (default 1; fractional accounts ignore it). */
  lotSize?: number;
  cashEquivalent?: boolean;
  /** Yearly fraction of value lost to tax on income when held in a taxable account. */
  taxDrag?: number;
}

/** A model target that is a security. */
export interface SecurityTarget {
  security: string;
  /** Fraction of the model, in [0, 1]. */
  weight: number;
}

/** A model target that is another model (a model of models). */
export interface SubModelTarget {
  model: string;
  /** Fraction of the parent model, in [0, 1]. */
  weight: number;
}

/** One target of a model: a security or a sub-model. */
export type ModelTarget = SecurityTarget | SubModelTarget;

/** Target weights summing to at most 1; the remainder is the model's cash. */
export interface Model {
  id: string;
  targets: ModelTarget[];
}

/** A factor risk model; variances and covariances are annualised. */
export interface RiskModel {
  factors: string[];
  /** Per security, one exposure per factor. */
  exposures: Record<string, number[]>;
  /** k × k, k = factors.length. */
  factorCovariance: number[][];
  /** Per security, annualised specific variance (≥ 0). */
  specificVariance: Record<string, number>;
}

/** The household whose accounts the request holds. */
export interface Household {
  id: string;
  /** Marginal tax rate on short-term realized gains, in [0, 1]. */
  shortTermRate: number;
  /** Marginal tax rate on long-term realized gains, in [0, 1]. */
  longTermRate: number;
  /** A model for the household as a whole (asset location); null or absent: none. */
  model?: string | null;
}

/** A tax lot held in an account. */
export interface HeldLot {
  /** Unique within the account. */
  id: string;
  security: string;
  /** Shares, > 0. */
  quantity: number;
  /** Total basis of the lot in currency, ≥ 0. */
  costBasis: number;
  /** Holding-period start. */
  acquired: string;
}

/** A fill of the last 30+ days, for the wash-sale rules. */
export interface RecentTrade {
  date: string;
  security: string;
  side: 'buy' | 'sell';
  quantity: number;
  price: number;
  /** Sell: realized gain in currency; a sell without it is treated as a loss. */
  realizedGain?: number;
  /**
   * Sell: the sum of the losses of the lots it relieved (≤ 0, currency); a sell with any loss lot
   * is a loss sale for the wash-sale rule even when its net `realizedGain` is positive.
   */
  realizedLoss?: number;
}

/** `noBuy`: may hold and sell; `noSell`: lots frozen; `noHold`: sell what is held, never buy. */
export type RestrictionRule = 'noBuy' | 'noSell' | 'noHold';

/** A restriction on one security. */
export interface SecurityRestriction {
  security: string;
  rule: RestrictionRule;
}

/** A restriction on every security of a sector. */
export interface SectorRestriction {
  sector: string;
  rule: RestrictionRule;
}

/** A restriction on every security carrying a tag. */
export interface TagRestriction {
  tag: string;
  rule: RestrictionRule;
}

/** A restriction names exactly one of security, sector or tag. */
export type Restriction = SecurityRestriction | SectorRestriction | TagRestriction;

/** Hold `to` wherever the model says `from`; `from` is never bought. */
export interface Substitution {
  from: string;
  to: string;
}

/** Cash rules of an account. */
export interface CashSettings {
  /** Target cash share of V − W, in [0, 1]; shapes the benchmark. */
  target?: number;
  /** Minimum cash share of V − W, in [0, 1]; never gives way. */
  min?: number;
  /** Currency leaving the account in this rebalance, ≥ 0. */
  withdrawal?: number;
}

/** A cap on net realized gain per term in currency, across the household's taxable accounts. */
export interface GainBudget {
  shortTerm: number;
  longTerm: number;
  /** Optional cap across both terms. */
  total?: number;
}

/** Tax settings of an account. */
export interface TaxSettings {
  harvestLosses?: boolean;
  /** Smallest loss worth harvesting, per lot, in currency. */
  minHarvest?: number;
  gainBudget?: GainBudget;
  avoidShortTermGains?: boolean;
}

/** Risk settings of an account. */
export interface RiskSettings {
  /** Annualised tracking error limit vs the benchmark, ≥ 0. */
  maxTrackingError?: number;
  /**
   * Added: risk aversion λ on annualised TE² against tax and trading costs (fractions of value);
   * default 50 (docs/optimization.md). Household mode: the largest set on a tradable account.
   */
  riskAversion?: number;
}

/** `full`, `buyOnly` (no unforced sells), `sellOnly` (no buys), `cashOnly` (forced trades and cash investment). */
export type TradingMode = 'full' | 'buyOnly' | 'sellOnly' | 'cashOnly';

/** Trading settings of an account. */
export interface TradingSettings {
  /** Smallest trade value in currency. */
  minTradeValue?: number;
  /** Limit on (Σ buys + Σ sells) / (2 V). */
  maxTurnover?: number;
  allowFractional?: boolean;
  mode?: TradingMode;
}

/** Drift trigger of an account. */
export interface DriftSettings {
  /** Rebalance fully only if some weight is off target by more than this, in [0, 1]. */
  threshold?: number;
}

/** Every block optional. */
export interface AccountSettings {
  restrictions?: Restriction[];
  substitutions?: Substitution[];
  cash?: CashSettings;
  tax?: TaxSettings;
  risk?: RiskSettings;
  trading?: TradingSettings;
  drift?: DriftSettings;
}

/** One account of the household. */
export interface RebalanceAccount {
  id: string;
  taxStatus: TaxStatus;
  /** False: held away, counted but never traded (default true). */
  tradable?: boolean;
  /** The account's model, or null: its benchmark is its own current portfolio. */
  model: string | null;
  /** Cash in currency. */
  cash: number;
  lots: HeldLot[];
  recentTrades: RecentTrade[];
  settings?: AccountSettings;
}

/** Spec §1: a household to rebalance on `asOf`. */
export interface RebalanceRequest {
  asOf: string;
  securities: Security[];
  models: Model[];
  riskModel?: RiskModel;
  household: Household;
  accounts: RebalanceAccount[];
}

/** Why a trade is proposed. */
export type TradeReason =
  | 'model'
  | 'drift'
  | 'cashNeed'
  | 'restriction'
  | 'substitution'
  | 'taxLossHarvest'
  | 'replacement'
  | 'riskReduction';

/** One lot relieved by a proposed sell. */
export interface TradeLotLine {
  lot: string;
  quantity: number;
  /** The lot's basis pro rata, rounded to the cent. */
  costBasis: number;
  /** quantity × price − costBasis, rounded to the cent. */
  gain: number;
  term: Term;
  /** The part of a loss disallowed by the wash-sale rule, in currency. */
  washSaleDisallowed?: number;
}

/** A proposed trade. */
export interface ProposedTrade {
  security: string;
  side: 'buy' | 'sell';
  quantity: number;
  price: number;
  /** quantity × price, rounded to the cent. */
  value: number;
  /** Sells only: the lots relieved; their quantities sum to `quantity`. */
  lots?: TradeLotLine[];
  reasons: TradeReason[];
}

/** Account figures before or after trading. */
export interface PortfolioSnapshot {
  value: number;
  cash: number;
  trackingError: number;
  maxDrift: number;
}

/** Net realized gains of taxable accounts, after wash-sale disallowances. */
export interface RealizedSummary {
  shortTerm: number;
  longTerm: number;
  washSaleDisallowed: number;
}

/** A setting that gave way: its path in the request, its limit and the value reached. */
export interface Relaxation {
  setting: string;
  limit: number;
  actual: number;
}

/** Added detail: a constraint that binds at the optimum and what relaxing it is worth. */
export interface BindingConstraint {
  constraint: string;
  /** Objective improvement per unit of relaxation. */
  shadowPrice: number;
  explanation: string;
}

/** Added detail: what one customization costs, in tracking error and in tax (currency). */
export interface CustomizationCost {
  customization: string;
  trackingError: number;
  tax: number;
}

/** The figures of one account's proposal. */
export interface AccountSummary {
  before: PortfolioSnapshot;
  after: PortfolioSnapshot;
  realized: RealizedSummary;
  /** shortTermRate × net short-term + longTermRate × net long-term; negative when losses save tax. */
  estimatedTax: number;
  turnover: number;
  relaxed: Relaxation[];
  warnings: string[];
  binding?: BindingConstraint[];
  customizationCost?: CustomizationCost[];
}

/** `ok`: trades; `noTrade`: none; `relaxed`: something gave way; `error`: hard rules conflict. */
export type AccountStatus = 'ok' | 'noTrade' | 'relaxed' | 'error';

/** Why an account could not be answered. */
export interface AccountError {
  code: string;
  message: string;
}

/** The proposal for one account. */
export interface AccountProposal {
  id: string;
  status: AccountStatus;
  trades: ProposedTrade[];
  summary: AccountSummary;
  /** Null unless status is `error`. */
  error: AccountError | null;
}

/** Spec §2: one proposal per account; `asOf` is echoed. */
export interface RebalanceResponse {
  asOf: string;
  accounts: AccountProposal[];
}
