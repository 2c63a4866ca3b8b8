/**
 * Orders as the exports read them: plain values, no store types, so `src/io` stays free of the
 * database (`exportOrderFrom` maps store rows to these). Quantities are exact decimal strings.
 */

/** One account's share of a block order. */
export interface ExportAllocation {
  account: string;
  /** Shares, an exact decimal string such as `"12.25"`. */
  quantity: string;
  household?: string;
  proposal?: string;
  trade?: string;
}

/** A block order to send to a broker: one security, one side, allocated back to accounts. */
export interface ExportOrder {
  /** Unique per order: the FIX ClOrdID. */
  id: string;
  symbol: string;
  side: 'buy' | 'sell';
  /** Shares, an exact decimal string; the allocations sum to it. */
  quantity: string;
  allocations: ExportAllocation[];
}
