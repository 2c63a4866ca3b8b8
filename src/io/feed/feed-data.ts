/**
 * A validated feed: the rows of each file as values, decimals as exact text. The shapes match the
 * store's firm data (src/store/firm-writer.ts), so a validated feed can be written as is.
 */
import type { AccountSettings, ModelTarget, TaxStatus } from '../../domain/index.js';

/** The transaction types of `transactions.csv` (the store's `transactions.type`). */
export const TRANSACTION_TYPES = [
  'buy',
  'sell',
  'deposit',
  'withdrawal',
  'dividend',
  'fee',
] as const;
export type FeedTransactionType = (typeof TRANSACTION_TYPES)[number];

export interface FeedSecurity {
  id: string;
  name: string;
  assetClass: string | null;
  sector: string | null;
  tags: string[];
  washGroup: string | null;
  lotSize: string | null;
  cashEquivalent: boolean;
  taxDrag: string | null;
}
export interface FeedPrice {
  securityId: string;
  date: string;
  close: string;
}
/** One model: all the rows of `models.csv` with its id, in file order. */
export interface FeedModel {
  id: string;
  /** '' when no row names it (the store keeps the name it has). */
  name: string;
  targets: ModelTarget[];
}
export interface FeedHousehold {
  id: string;
  name: string;
  advisor: string;
  shortTermRate: string;
  longTermRate: string;
  modelId: string | null;
}
export interface FeedAccount {
  id: string;
  householdId: string;
  name: string;
  taxStatus: TaxStatus;
  tradable: boolean;
  modelId: string | null;
  cash: string;
}
export interface FeedLot {
  accountId: string;
  id: string;
  securityId: string;
  quantity: string;
  costBasis: string;
  acquired: string;
}
export interface FeedTransaction {
  accountId: string;
  date: string;
  type: FeedTransactionType;
  securityId: string | null;
  quantity: string | null;
  price: string | null;
  amount: string;
  realizedGain: string | null;
  /** Sells: the sum of the losses of the lots relieved (≤ 0); a loss sale even at a net gain. */
  realizedLoss: string | null;
  tradeId: string | null;
}
export interface FeedSettings {
  accountId: string;
  settings: AccountSettings;
  note: string;
}

/** The good rows of a feed, per file; a file absent from the feed gives an empty list. */
export interface FeedData {
  securities: FeedSecurity[];
  prices: FeedPrice[];
  models: FeedModel[];
  households: FeedHousehold[];
  accounts: FeedAccount[];
  lots: FeedLot[];
  transactions: FeedTransaction[];
  settings: FeedSettings[];
}

/** The ids already in the store, which feed rows may refer to. */
export interface KnownIds {
  securities: ReadonlySet<string>;
  models: ReadonlySet<string>;
  households: ReadonlySet<string>;
  accounts: ReadonlySet<string>;
}
