/**
 * The ledger interchange documents (spec §3–4) as plain types. `src/io` validates JSON into
 * these shapes with zod; `src/tax` replays them. Amounts and quantities are JSON numbers at the
 * edge; the ledger turns each into an exact decimal from its shortest round-trip text.
 */
import type { TaxStatus } from './tax-status.js';

/** Tax-lot relief method: which lots a sale relieves. */
export type ReliefMethod = 'FIFO' | 'HIFO' | 'SPECID' | 'MINTAX';

/** One account of the household whose history is replayed. */
export interface LedgerAccount {
  id: string;
  taxStatus: TaxStatus;
}

/** A SPECID sell's named lot and the shares it relieves from it. */
export interface LotPick {
  lot: string;
  quantity: number;
}

/** A buy or a sell in one account. */
export interface TradeTransaction {
  date: string;
  account: string;
  security: string;
  side: 'buy' | 'sell';
  /** Shares, > 0, may be fractional. */
  quantity: number;
  /** Price per share, > 0. */
  price: number;
  /** Buy: the new lot's id (generated when absent). */
  lot?: string;
  /** Sell with SPECID: the lots relieved; their quantities sum to `quantity`. */
  lots?: LotPick[];
  /** Commission and fees: added to a buy's basis, subtracted from a sale's proceeds. */
  fee?: number;
  /** Sell: exact proceeds before fees, overriding quantity × price. */
  proceeds?: number;
}

/** New shares per old share: a number (`2`, `0.25`, `1.02`) or an exact `"new:old"` string. */
export type SplitRatio = number | string;

/** A split, reverse split or stock dividend; applies to every account. */
export interface SplitTransaction {
  date: string;
  security: string;
  split: SplitRatio;
}

/** A ticker change: lots carry over unchanged. */
export interface RenameTransaction {
  date: string;
  security: string;
  renameTo: string;
}

/** A return of capital, per share: lowers basis; past zero it is a gain. */
export interface ReturnOfCapitalTransaction {
  date: string;
  security: string;
  returnOfCapital: number;
}

/** A spin-off: `ratio` new shares per old share, taking `basisFraction` of each old lot's basis. */
export interface SpinoffTransaction {
  date: string;
  security: string;
  spinoff: { security: string; ratio: number; basisFraction: number };
}

/** Any ledger transaction. */
export type LedgerTransaction =
  | TradeTransaction
  | SplitTransaction
  | RenameTransaction
  | ReturnOfCapitalTransaction
  | SpinoffTransaction;

/** A position held before the first transaction. */
export interface OpeningLot {
  account: string;
  security: string;
  lot: string;
  quantity: number;
  costBasis: number;
  /** Holding-period start. */
  acquired: string;
  /**
   * Added detail: the trade date of the purchase, when it differs from `acquired` (a wash-sale
   * replacement's start is tacked back). Orders FIFO and dates wash-sale windows; default `acquired`.
   */
  bought?: string;
  /**
   * Added detail: the part of `costBasis` that wash-sale disallowances added (default 0), so that a
   * history continued from open lots keeps reporting it.
   */
  washSaleAdjustment?: number;
}

/** Spec §3: a household's history to replay. */
export interface LedgerRequest {
  method: ReliefMethod;
  accounts: LedgerAccount[];
  washGroups?: string[][];
  transactions: LedgerTransaction[];
  openingLots?: OpeningLot[];
}

/** Short-term or long-term, by the holding period. */
export type Term = 'short' | 'long';

/** One lot line of a sale (or a return of capital past zero basis). */
export interface RealizedLine {
  date: string;
  account: string;
  security: string;
  lot: string;
  /** Holding-period start of the shares sold. */
  acquired: string;
  quantity: number;
  proceeds: number;
  costBasis: number;
  /** The economic gain, proceeds − costBasis; never reduced by a wash sale. */
  gain: number;
  /** The part of a loss disallowed by the wash-sale rule (0 when none). */
  washSaleDisallowed: number;
  term: Term;
  /** Added detail: `sale` (default) or `returnOfCapital` for a distribution past zero basis. */
  kind?: 'sale' | 'returnOfCapital';
  /** Added detail: true when the disallowance is permanent (replacement in a deferred/exempt account). */
  washSalePermanent?: boolean;
}

/** A lot still held after the replay. */
export interface OpenLotLine {
  account: string;
  security: string;
  lot: string;
  quantity: number;
  /** Includes any wash-sale basis adjustment. */
  costBasis: number;
  /** Holding-period start (tacked for wash-sale replacements). */
  acquired: string;
  washSaleAdjustment: number;
  /** Added detail: the purchase's trade date (see {@link OpeningLot.bought}). */
  bought?: string;
}

/** Taxable-account totals: net realized gain per term after disallowances. */
export interface LedgerTotals {
  shortTerm: number;
  longTerm: number;
  washSaleDisallowed: number;
}

/** Spec §4. */
export interface LedgerResponse {
  realized: RealizedLine[];
  openLots: OpenLotLine[];
  totals: LedgerTotals;
}
