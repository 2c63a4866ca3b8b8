/**
 * The one mapping from a stored block order to what the exports read. It names only the fields
 * it reads, so `src/io` stays free of the store's types (src/store's `BlockOrder` fits).
 */
import type { ExportOrder } from './order-types.js';

/** The fields of a stored block order that an export reads. */
export interface StoredBlockOrder {
  id: string;
  securityId: string;
  side: 'buy' | 'sell';
  /** Exact decimal shares. */
  quantity: string;
  allocations: readonly {
    accountId: string;
    quantity: string;
    householdId: string;
    proposalId: string;
    tradeId: string;
  }[];
}

/** A stored block order as the CSV and FIX exports read it. */
export function exportOrderFrom(o: StoredBlockOrder): ExportOrder {
  return {
    id: o.id,
    symbol: o.securityId,
    side: o.side,
    quantity: o.quantity,
    allocations: o.allocations.map((a) => ({
      account: a.accountId,
      quantity: a.quantity,
      household: a.householdId,
      proposal: a.proposalId,
      trade: a.tradeId,
    })),
  };
}
