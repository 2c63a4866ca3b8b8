/**
 * The open lots of a household, by account and security, each list in buy order.
 */
import { compareBuyOrder, type Lot } from './lot.js';

/**
 * A lot a sale relieved in full: no shares and no basis left. A lot a reverse split rounded to 0
 * shares keeps its basis and stays open (docs/tax.md, known limits); pruned at the next sale of
 * its holding, its basis vanished from the ledger.
 */
const soldOut = (lot: Lot): boolean => lot.quantity.isZero() && lot.basis.isZero();

/** Open lots of every account, indexed by account and security. */
export class Holdings {
  private readonly byAccount = new Map<string, Map<string, Lot[]>>();

  /**
   * `accountOrder`: the request's accounts, so that every walk over accounts (corporate actions,
   * and the rows a return of capital realizes) goes in that order, not in the order accounts
   * happened to receive their first lot.
   */
  constructor(accountOrder: readonly string[] = []) {
    for (const account of accountOrder) this.byAccount.set(account, new Map());
  }

  /** The open lots of one security in one account, in buy order (a live array: do not reorder). */
  lots(account: string, security: string): Lot[] {
    return this.byAccount.get(account)?.get(security) ?? [];
  }

  /** Every open lot of `security`, across accounts. */
  lotsOfSecurity(security: string): Lot[] {
    const out: Lot[] = [];
    for (const bySecurity of this.byAccount.values()) {
      const lots = bySecurity.get(security);
      if (lots) out.push(...lots);
    }
    return out;
  }

  /** Calls `visit` with every open lot of `security`, across accounts, without copying lists. */
  forEachOfSecurity(security: string, visit: (lot: Lot) => void): void {
    for (const bySecurity of this.byAccount.values()) {
      const lots = bySecurity.get(security);
      if (lots) for (const lot of lots) visit(lot);
    }
  }

  /** Adds a lot, keeping its list in buy order. */
  add(lot: Lot): void {
    let bySecurity = this.byAccount.get(lot.account);
    if (!bySecurity) {
      bySecurity = new Map();
      this.byAccount.set(lot.account, bySecurity);
    }
    const lots = bySecurity.get(lot.security);
    if (!lots) {
      bySecurity.set(lot.security, [lot]);
      return;
    }
    let i = lots.length;
    while (i > 0 && compareBuyOrder(lots[i - 1]!, lot) > 0) i--;
    lots.splice(i, 0, lot);
  }

  /** Drops the lots a sale relieved in full from one list. */
  prune(account: string, security: string): void {
    const bySecurity = this.byAccount.get(account);
    const lots = bySecurity?.get(security);
    if (!bySecurity || !lots || !lots.some(soldOut)) return;
    const open = lots.filter((lot) => !soldOut(lot));
    if (open.length === 0) bySecurity.delete(security);
    else bySecurity.set(security, open);
  }

  /** Moves every lot of `from` to `to` (a ticker change), in every account. */
  rename(from: string, to: string): void {
    for (const bySecurity of this.byAccount.values()) {
      const lots = bySecurity.get(from);
      if (!lots) continue;
      bySecurity.delete(from);
      for (const lot of lots) {
        lot.security = to;
        this.add(lot);
      }
    }
  }

  /** Every open lot, account by account in the given order, securities by name, then buy order. */
  all(accountOrder: readonly string[]): Lot[] {
    const out: Lot[] = [];
    for (const account of accountOrder) {
      const bySecurity = this.byAccount.get(account);
      if (!bySecurity) continue;
      for (const security of [...bySecurity.keys()].sort()) out.push(...bySecurity.get(security)!);
    }
    return out;
  }
}
