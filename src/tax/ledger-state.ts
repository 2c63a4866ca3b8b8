/**
 * The mutable state of one replay: open lots, realized lines, and the wash-sale bookkeeping that
 * links a loss sale to replacement purchases that come later in the history.
 */
import type { ReliefMethod, TaxStatus } from '../domain/index.js';
import type { Day } from './calendar.js';
import type { Exact } from './exact.js';
import type { Holdings } from './holdings.js';
import type { WashIdentity } from './wash-identity.js';

/** Shares of a later purchase already matched as replacements for an earlier loss sale. */
export interface Reservation {
  quantity: Exact;
  /** The disallowed loss those shares carry into their basis. */
  disallowed: Exact;
  /** Their tacked holding-period start. */
  acquired: Day;
  /** Bought in a deferred/exempt account: the loss is lost, no basis moves. */
  permanent: boolean;
}

/** A purchase in the history, known before it is replayed so that earlier loss sales can see it. */
export interface KnownBuy {
  seq: number;
  day: Day;
  account: string;
  security: string;
  quantity: Exact;
  reservations: Reservation[];
  reserved: Exact;
}

/** A split in the history, known before it is replayed (wash-sale matching converts across it). */
export interface SplitEvent {
  seq: number;
  newShares: Exact;
  oldShares: Exact;
}

/** One realized lot line, exact. */
export interface RealizedRecord {
  day: Day;
  account: string;
  security: string;
  lot: string;
  originId: string;
  acquired: Day;
  quantity: Exact;
  proceeds: Exact;
  basis: Exact;
  disallowed: Exact;
  permanent: boolean;
  longTerm: boolean;
  kind: 'sale' | 'returnOfCapital';
  taxable: boolean;
}

/** Everything a replay step reads and writes. */
export interface LedgerState {
  method: ReliefMethod;
  taxStatus: ReadonlyMap<string, TaxStatus>;
  holdings: Holdings;
  identity: WashIdentity;
  /** Purchases by wash-set root, in replay order. */
  buysByRoot: Map<string, KnownBuy[]>;
  /** Purchases by replay position. */
  buyBySeq: Map<number, KnownBuy>;
  /** Tickers joined by ticker changes only: one company under each of its names. */
  companies: WashIdentity;
  /** Splits by company root (see `companies`), in replay order. */
  splitsByCompany: Map<string, SplitEvent[]>;
  realized: RealizedRecord[];
  /** Lot ids ever used, per account: ids stay unique within an account. */
  lotIds: Map<string, Set<string>>;
  /** Securities each account has ever held (to tell "sell before any buy" from "sell too many"). */
  everHeld: Set<string>;
}

/** Key for {@link LedgerState.everHeld}. */
export function heldKey(account: string, security: string): string {
  return `${account}\u0000${security}`;
}
