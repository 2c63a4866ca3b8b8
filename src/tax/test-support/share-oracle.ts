/**
 * An independent reference model of the ledger for simple histories (whole-share quantities,
 * buys and sells only, FIFO / HIFO / MINTAX): it follows every SHARE on its own, with exact
 * rationals, and applies the spec's wash-sale rules 1–9 literally, one sold share at a time. It
 * shares no code with the ledger but the calendar (day numbers and the Feb-29 anniversary), so a
 * property comparing the two checks the ledger's lot splitting, pro-rata arithmetic, reservations
 * of later purchases and tie-breaking against a much simpler formulation.
 */
import type { LedgerRequest, TradeTransaction } from '../../domain/index.js';
import { isLongTerm, toDay, type Day } from '../calendar.js';
import { Rational } from './rational.js';

const WINDOW = 30;

interface Share {
  /** The purchase (buy lot or opening lot) the share came from. */
  origin: string;
  account: string;
  security: string;
  /** Basis of this one share, including any wash-sale adjustment. */
  basis: Rational;
  adjustment: Rational;
  acquired: Day;
  bought: Day;
  /** Buy order: replay position of the purchase (opening lots: negative, in input order). */
  order: number;
  /** Position within its purchase. */
  index: number;
  /** Replay position from which the share exists (opening lots: −1). */
  from: number;
  sold: boolean;
  /** Has replaced a sold share (each replaces at most one). */
  used: boolean;
  /** When it was matched: adjusted parts of a purchase are relieved first, earliest first. */
  usedAt: number;
}

/** Totals of a sale's shares (or of open shares) that share a holding-period start and term. */
export interface Group {
  key: string;
  quantity: Rational;
  proceeds: Rational;
  basis: Rational;
  disallowed: Rational;
  adjustment: Rational;
  permanent: boolean;
}

export interface OracleResult {
  /** Per sell, in replay order: groups keyed `acquired|term`. */
  sales: Map<string, Group>[];
  /** Open shares, keyed `account|security|acquired|bought`. */
  open: Map<string, Group>;
}

function isTrade(tx: LedgerRequest['transactions'][number]): tx is TradeTransaction {
  return 'side' in tx;
}

function add(
  groups: Map<string, Group>,
  key: string,
  values: Omit<Group, 'key' | 'quantity'>,
): void {
  const g = groups.get(key) ?? {
    key,
    quantity: Rational.ZERO,
    proceeds: Rational.ZERO,
    basis: Rational.ZERO,
    disallowed: Rational.ZERO,
    adjustment: Rational.ZERO,
    permanent: false,
  };
  groups.set(key, {
    key,
    quantity: g.quantity.plus(Rational.int(1)),
    proceeds: g.proceeds.plus(values.proceeds),
    basis: g.basis.plus(values.basis),
    disallowed: g.disallowed.plus(values.disallowed),
    adjustment: g.adjustment.plus(values.adjustment),
    permanent: g.permanent || values.permanent,
  });
}

/** Buy order: trade date, input order, adjusted (matched) shares first, then position. */
function buyOrder(a: Share, b: Share): number {
  return (
    a.bought - b.bought ||
    a.order - b.order ||
    (a.used ? 0 : 1) - (b.used ? 0 : 1) ||
    a.usedAt - b.usedAt ||
    a.index - b.index
  );
}

/** Replays `request` share by share. Throws on anything outside its scope. */
export function oracleReplay(request: LedgerRequest): OracleResult {
  const taxable = new Map(request.accounts.map((a) => [a.id, a.taxStatus === 'taxable']));
  const group = new Map<string, number>();
  (request.washGroups ?? []).forEach((g, i) => g.forEach((s) => group.set(s, i)));
  const identical = (a: string, b: string): boolean =>
    a === b || (group.has(a) && group.get(a) === group.get(b));

  const shares: Share[] = [];
  const opening = request.openingLots ?? [];
  opening.forEach((o, i) => {
    const count = Number(o.quantity);
    if (!Number.isInteger(count)) throw new Error('oracle: whole shares only');
    const unit = Rational.of(o.costBasis).div(Rational.int(count));
    for (let k = 0; k < count; k++) {
      shares.push({
        origin: o.lot,
        account: o.account,
        security: o.security,
        basis: unit,
        adjustment: Rational.ZERO,
        acquired: toDay(o.acquired),
        bought: toDay(o.bought ?? o.acquired),
        order: i - opening.length,
        index: k,
        from: -1,
        sold: false,
        used: false,
        usedAt: Infinity,
      });
    }
  });

  const days = request.transactions.map((tx) => toDay(tx.date));
  const order = days.map((_, i) => i).sort((a, b) => days[a]! - days[b]! || a - b);
  order.forEach((index, seq) => {
    const tx = request.transactions[index]!;
    if (!isTrade(tx)) throw new Error('oracle: trades only');
    if (tx.side !== 'buy') return;
    if (!Number.isInteger(tx.quantity)) throw new Error('oracle: whole shares only');
    const cost = Rational.of(tx.quantity)
      .times(Rational.of(tx.price))
      .plus(Rational.of(tx.fee ?? 0));
    const unit = cost.div(Rational.int(tx.quantity));
    for (let k = 0; k < tx.quantity; k++) {
      shares.push({
        origin: tx.lot ?? `${tx.security}@${tx.date}#${index}`,
        account: tx.account,
        security: tx.security,
        basis: unit,
        adjustment: Rational.ZERO,
        acquired: days[index]!,
        bought: days[index]!,
        order: seq,
        index: k,
        from: seq,
        sold: false,
        used: false,
        usedAt: Infinity,
      });
    }
  });

  let matches = 0;
  const sales: Map<string, Group>[] = [];
  order.forEach((index, seq) => {
    const tx = request.transactions[index]!;
    if (!isTrade(tx) || tx.side !== 'sell') return;
    const day = days[index]!;
    if (tx.lots) throw new Error('oracle: no SPECID');
    const net = (
      tx.proceeds === undefined
        ? Rational.of(tx.quantity).times(Rational.of(tx.price))
        : Rational.of(tx.proceeds)
    ).minus(Rational.of(tx.fee ?? 0));
    const perShare = net.div(Rational.of(tx.quantity));
    const held = shares.filter(
      (s) => !s.sold && s.from < seq && s.account === tx.account && s.security === tx.security,
    );
    const category = (s: Share): number => {
      const gain = perShare.minus(s.basis);
      const long = isLongTerm(s.acquired, day);
      if (gain.isNegative()) return long ? 1 : 0;
      return long ? 2 : 3;
    };
    if (request.method === 'HIFO') {
      held.sort((a, b) => b.basis.cmp(a.basis) || buyOrder(a, b));
    } else if (request.method === 'MINTAX') {
      held.sort(
        (a, b) =>
          category(a) - category(b) ||
          perShare.minus(a.basis).cmp(perShare.minus(b.basis)) ||
          buyOrder(a, b),
      );
    } else if (request.method === 'FIFO') {
      held.sort(buyOrder);
    } else {
      throw new Error('oracle: no SPECID');
    }
    if (held.length < tx.quantity) throw new Error('oracle: sells more than held');
    const sold = held.slice(0, tx.quantity);
    for (const s of sold) s.sold = true;

    const groups = new Map<string, Group>();
    for (const s of sold) {
      const loss = s.basis.minus(perShare);
      let disallowed = Rational.ZERO;
      let permanent = false;
      if (taxable.get(tx.account) && loss.isPositive()) {
        // Rules 1–4 and 8: the first substantially identical share, in buy order, acquired
        // within 30 days of the sale, not sold before it (or in it), not yet a replacement, and
        // not of the sold share's own purchase.
        let best: Share | undefined;
        for (const c of shares) {
          if (c.sold || c.used || c.origin === s.origin) continue;
          if (!identical(c.security, tx.security)) continue;
          if (c.bought < day - WINDOW || c.bought > day + WINDOW) continue;
          if (!best || buyOrder(c, best) < 0) best = c;
        }
        if (best) {
          best.used = true;
          best.usedAt = matches++;
          disallowed = loss;
          if (taxable.get(best.account)) {
            // Rule 5: basis grows by the disallowed loss; holding period tacked.
            best.basis = best.basis.plus(loss);
            best.adjustment = best.adjustment.plus(loss);
            best.acquired = best.bought - (day - s.acquired);
          } else {
            permanent = true; // Rule 6.
          }
        }
      }
      const term = isLongTerm(s.acquired, day) ? 'long' : 'short';
      add(groups, `${s.acquired}|${term}`, {
        proceeds: perShare,
        basis: s.basis,
        disallowed,
        adjustment: Rational.ZERO,
        permanent,
      });
    }
    sales.push(groups);
  });

  const open = new Map<string, Group>();
  for (const s of shares) {
    if (s.sold) continue;
    add(open, `${s.account}|${s.security}|${s.acquired}|${s.bought}`, {
      proceeds: Rational.ZERO,
      basis: s.basis,
      disallowed: Rational.ZERO,
      adjustment: s.adjustment,
      permanent: false,
    });
  }
  return { sales, open };
}
