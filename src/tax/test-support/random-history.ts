/**
 * Random but VALID household histories for the ledger's property tests.
 *
 * The builder reads its random choices from a {@link Source}: either a list of numbers that
 * fast-check generates and shrinks (a choice sequence — shrinking the list shortens or simplifies
 * the history, and a choice of 0 is always the simplest option), or a seeded PRNG. It keeps its own
 * model of what each account holds (exact decimals), so sells never exceed holdings and SPECID sells
 * name lots that are open, and it reports the exact totals the ledger must conserve.
 */
import { seededRandom } from '../../domain/random.js';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import type {
  LedgerAccount,
  LedgerRequest,
  LedgerTransaction,
  LotPick,
  OpeningLot,
  ReliefMethod,
  SplitRatio,
  TaxStatus,
} from '../../domain/index.js';
import { toDay, toIso, type Day } from '../calendar.js';
import { Exact, ZERO } from '../exact.js';

/** Where the builder's random choices come from. */
export interface Source {
  /** A whole number in [0, n). */
  int(n: number): number;
  /** True once a finite choice list is used up (the builder then stops adding steps). */
  exhausted(): boolean;
}

/** Choices from a list (fast-check's); past its end every choice is 0, the simplest. */
export function choiceSource(choices: readonly number[]): Source {
  let i = 0;
  return {
    int(n) {
      if (n <= 1) return 0;
      const c = choices[i++] ?? 0;
      return c % n;
    },
    exhausted: () => i >= choices.length,
  };
}

/** The project's seeded PRNG (mulberry32), deterministic across runs and machines. */
export const prng = seededRandom;

/** Choices from a seeded PRNG; never exhausted. */
export function prngSource(seed: number): Source {
  const next = prng(seed);
  return { int: (n) => (n <= 1 ? 0 : Math.floor(next() * n)), exhausted: () => false };
}

/**
 * Splits: none; only ratios that keep every lot's quantity exact within 6 decimals (so the model
 * knows every quantity exactly); or any ratio (quantities then get rounded per lot by the ledger,
 * and the model keeps a safety margin instead).
 */
export type SplitMode = 'none' | 'exact' | 'any';

export interface HistoryOptions {
  method: ReliefMethod;
  /** Sells in the history (default true). */
  sells?: boolean;
  splits?: SplitMode;
  renames?: boolean;
  returnsOfCapital?: boolean;
  spinoffs?: boolean;
  openingLots?: boolean;
  /** Occasional gaps of 62–180 days with no transaction (for the continuation property). */
  quietGaps?: boolean;
  /** Every buy names its lot (default: about 70% do, the rest get generated ids). */
  explicitLotIds?: boolean;
  /** Whole-share quantities up to `maxQuantity` (the per-share oracle needs them). */
  integerQuantities?: boolean;
  maxQuantity?: number;
  /** Only taxable accounts. */
  allTaxable?: boolean;
  /** Append one last sell after the steps (for the HIFO ≤ FIFO property). */
  finalSale?: boolean;
  maxSteps?: number;
}

/** A generated history and the exact figures the ledger must reproduce. */
export interface History {
  request: LedgerRequest;
  /** Open shares per `account|security` after the replay (exact: positions round once). */
  expectedShares: Map<string, Exact>;
  /** Σ quantity × price + fee over buys. */
  buyCosts: Exact;
  /** Σ cost basis of opening lots. */
  openingBasis: Exact;
  /** Σ over returns of capital of per-share amount × shares held then. */
  returnOfCapital: Exact;
  /** Ticker changes in the history, in order. */
  renames: [string, string][];
}

/** Key of {@link History.expectedShares}. */
export function positionKey(account: string, security: string): string {
  return `${account}|${security}`;
}

interface Position {
  quantity: Exact;
  /** SPECID: open shares per purchase lot id (the ledger expands a purchase id to its parts). */
  lots: Map<string, Exact>;
}

interface Security {
  name: string;
  price: Exact;
  /** Most decimals any of its quantities can have (exact split mode keeps this ≤ 6). */
  decimals: number;
  /** Its wash group: a wash sale can split its lots by quantities of the group's other members. */
  group?: number;
}

/** Split ratios whose value terminates, with its number of decimals (the rest: INEXACT_RATIOS). */
const EXACT_RATIOS: [SplitRatio, number][] = [
  [2, 0],
  [3, 0],
  ['3:2', 1],
  ['1:2', 1],
  [0.5, 1],
  ['1:10', 1],
  ['5:4', 2],
  [1.02, 2],
  ['1:4', 2],
  [1.25, 2],
];
const INEXACT_RATIOS: SplitRatio[] = ['1:3', '2:3', '7:3', '1:12', 1.03, '4:3', 0.333];

const SPINOFF_RATIOS: [number, number][] = [
  [1, 0],
  [2, 0],
  [0.5, 1],
  [0.2, 1],
  [0.25, 2],
  [0.1, 1],
];
const INEXACT_SPINOFF_RATIOS = [0.333, 0.0714, 1.1111];

function decimalsOf(value: Exact): number {
  return value.decimalPlaces();
}

function round(value: Exact, places: number): Exact {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/** A split ratio as exact new and old share counts (divide last: `"1:3"` never terminates). */
function ratioParts(ratio: SplitRatio): [Exact, Exact] {
  if (typeof ratio === 'number') return [new Exact(String(ratio)), new Exact(1)];
  const [n = '1', o = '1'] = ratio.split(':');
  return [new Exact(n), new Exact(o)];
}

/** Builds one valid history from `src`. */
export function buildHistory(src: Source, options: HistoryOptions): History {
  const splits = options.splits ?? 'none';
  const sells = options.sells ?? true;
  const maxSteps = options.maxSteps ?? 60;
  const specId = options.method === 'SPECID';
  const pick = <T>(items: readonly T[]): T => items[src.int(items.length)]!;
  const chance = (percent: number): boolean => src.int(100) < percent;

  // Accounts: the first is always taxable, so that wash sales matter.
  const statuses: TaxStatus[] = ['taxable', 'taxable', 'deferred', 'exempt'];
  const accounts: LedgerAccount[] = [{ id: 'A', taxStatus: 'taxable' }];
  const accountCount = 1 + src.int(3);
  for (let i = 1; i < accountCount; i++) {
    accounts.push({
      id: 'ABC'[i]!,
      taxStatus: options.allTaxable ? 'taxable' : pick(statuses),
    });
  }

  // Securities, some in a wash group.
  const securityCount = 1 + src.int(4);
  const securities: Security[] = [];
  for (let i = 0; i < securityCount; i++) {
    securities.push({
      name: `S${i}`,
      price: new Exact(10 + src.int(90)),
      decimals: 0,
    });
  }
  const washGroups: string[][] = [];
  if (securityCount >= 2 && src.int(10) < 6) {
    const size = securityCount >= 3 && chance(30) ? 3 : 2;
    washGroups.push(securities.slice(0, size).map((s) => s.name));
    for (const s of securities.slice(0, size)) s.group = 0;
  }
  /** Decimals a lot of `s` can have: its own, or any of its wash group's (see {@link Security.group}). */
  const inPlay = (s: Security): number =>
    s.group === undefined
      ? s.decimals
      : Math.max(...securities.filter((o) => o.group === s.group).map((o) => o.decimals));

  const positions = new Map<string, Position>();
  const position = (account: string, security: string): Position => {
    const key = positionKey(account, security);
    let p = positions.get(key);
    if (!p) {
      p = { quantity: ZERO, lots: new Map() };
      positions.set(key, p);
    }
    return p;
  };
  const securityNamed = (name: string): Security => securities.find((s) => s.name === name)!;

  const quantityDecimals = (): number => {
    if (options.integerQuantities) return 0;
    const r = src.int(10);
    return r < 5 ? 0 : r < 9 ? 2 : 4;
  };
  const newQuantity = (): Exact => {
    if (options.integerQuantities) return new Exact(1 + src.int(options.maxQuantity ?? 12));
    const places = quantityDecimals();
    const scale = 10 ** places;
    const units = 1 + src.int(200 * scale);
    return new Exact(units).div(scale);
  };
  const movePrice = (s: Security): Exact => {
    // −20% … +20%, to the cent (sometimes to 4 decimals), never below 1.
    const factor = new Exact(80 + src.int(41)).div(100);
    const places = chance(15) ? 4 : 2;
    const next = round(s.price.times(factor), places);
    s.price = next.lessThan(1) ? new Exact(1) : next;
    return s.price;
  };
  const money = (max: number): Exact => new Exact(src.int(max * 100)).div(100);

  let day: Day = toDay('2021-01-04') + src.int(365);
  const startDay = day;
  let lotCounter = 0;
  let buyCosts = ZERO;
  let openingBasis = ZERO;
  let returnOfCapital = ZERO;
  const renames: [string, string][] = [];
  const transactions: LedgerTransaction[] = [];

  // Opening lots, held before the first transaction.
  const openingLots: OpeningLot[] = [];
  if (options.openingLots ?? true) {
    const count = src.int(4);
    for (let i = 0; i < count; i++) {
      const account = pick(accounts).id;
      const s = pick(securities);
      const quantity = newQuantity();
      const costBasis = round(
        quantity
          .times(s.price)
          .times(50 + src.int(100))
          .div(100),
        2,
      );
      const acquired = startDay - 1 - src.int(900);
      const lot: OpeningLot = {
        account,
        security: s.name,
        lot: `O${i}`,
        quantity: quantity.toNumber(),
        costBasis: costBasis.toNumber(),
        acquired: toIso(acquired),
      };
      if (chance(25)) lot.bought = toIso(Math.min(startDay - 1, acquired + 1 + src.int(60)));
      openingLots.push(lot);
      const p = position(account, s.name);
      p.quantity = p.quantity.plus(quantity);
      p.lots.set(lot.lot, quantity);
      s.decimals = Math.max(s.decimals, decimalsOf(quantity));
      openingBasis = openingBasis.plus(costBasis);
    }
  }

  const advance = (): void => {
    const r = src.int(100);
    if (r < 20) return;
    if (r < 50) day += 1 + src.int(7);
    else if (r < 80) day += 8 + src.int(28);
    else if (r < 93 || !options.quietGaps) day += 36 + src.int(55);
    else day += 62 + src.int(139);
  };

  const buy = (): void => {
    const account = pick(accounts).id;
    const s = pick(securities);
    const quantity = newQuantity();
    const price = movePrice(s);
    const tx: LedgerTransaction = {
      date: toIso(day),
      account,
      security: s.name,
      side: 'buy',
      quantity: quantity.toNumber(),
      price: price.toNumber(),
    };
    let fee = ZERO;
    if (chance(20)) {
      fee = money(10);
      tx.fee = fee.toNumber();
    }
    const id = `L${lotCounter++}`;
    if (options.explicitLotIds || specId || chance(70)) tx.lot = id;
    transactions.push(tx);
    buyCosts = buyCosts.plus(quantity.times(price)).plus(fee);
    const p = position(account, s.name);
    p.quantity = p.quantity.plus(quantity);
    p.lots.set(id, quantity);
    s.decimals = Math.max(s.decimals, decimalsOf(quantity));
  };

  const sell = (): boolean => {
    const open = [...positions.entries()]
      .map(([key, p]) => {
        const [account = '', name = ''] = key.split('|');
        const s = securityNamed(name);
        return { account, s, p, max: s ? p.quantity : ZERO };
      })
      .filter((o) => o.s !== undefined && o.max.isPositive() && !o.max.isZero());
    if (open.length === 0) return false;
    const { account, s, p, max } = pick(open);
    let quantity: Exact;
    if (options.integerQuantities) {
      quantity = new Exact(1 + src.int(max.toNumber()));
    } else if (chance(30)) {
      quantity = max;
    } else {
      const places = Math.min(quantityDecimals(), 6);
      quantity = max
        .times(1 + src.int(100))
        .div(100)
        .toDecimalPlaces(places, Decimal.ROUND_DOWN);
      if (quantity.isZero()) quantity = max;
    }
    const price = movePrice(s);
    const tx: LedgerTransaction = {
      date: toIso(day),
      account,
      security: s.name,
      side: 'sell',
      quantity: quantity.toNumber(),
      price: price.toNumber(),
    };
    const gross = quantity.times(price);
    if (chance(10)) {
      const proceeds = round(gross, 2).plus(new Exact(src.int(21) - 10).div(100));
      tx.proceeds = (proceeds.isPositive() ? proceeds : new Exact('0.01')).toNumber();
    }
    if (chance(20)) {
      const fee = money(10);
      if (fee.lessThan(gross.div(2))) tx.fee = fee.toNumber();
    }
    if (specId) {
      // Name open purchase lots in random order, taking a random part of each, until the sale is
      // covered; the last lot named takes what is still needed.
      const open = [...p.lots.entries()].filter(([, q]) => q.isPositive() && !q.isZero());
      const shuffled: [string, Exact][] = [];
      while (open.length > 0) shuffled.push(open.splice(src.int(open.length), 1)[0]!);
      const picks: LotPick[] = [];
      let need = quantity;
      for (const [id, held] of shuffled) {
        if (need.isZero()) break;
        let take = held.lessThan(need) ? held : need;
        if (chance(30) && take.greaterThan(need.div(2))) {
          const part = take.div(2).toDecimalPlaces(2, Decimal.ROUND_DOWN);
          if (part.isPositive() && !part.isZero()) take = part;
        }
        picks.push({ lot: id, quantity: take.toNumber() });
        p.lots.set(id, held.minus(take));
        need = need.minus(take);
      }
      if (!need.isZero()) {
        // Partial takes left some shares: top up from the lots named, in order.
        for (const pickItem of picks) {
          if (need.isZero()) break;
          const left = p.lots.get(pickItem.lot)!;
          const more = left.lessThan(need) ? left : need;
          pickItem.quantity = new Exact(pickItem.quantity).plus(more).toNumber();
          p.lots.set(pickItem.lot, left.minus(more));
          need = need.minus(more);
        }
      }
      tx.lots = picks;
    }
    transactions.push(tx);
    p.quantity = p.quantity.minus(quantity);
    s.decimals = Math.max(s.decimals, decimalsOf(quantity));
    return true;
  };

  const heldOf = (name: string): [Position, string][] =>
    [...positions.entries()]
      .filter(([key]) => key.endsWith(`|${name}`))
      .map(([key, p]) => [p, key.slice(0, key.length - name.length - 1)]);

  const split = (): boolean => {
    const s = pick(securities);
    let ratio: SplitRatio;
    const places = inPlay(s);
    const exactChoices = EXACT_RATIOS.filter(([, k]) => places + k <= 6);
    if (splits === 'any' && !specId && chance(50)) {
      ratio = pick(INEXACT_RATIOS);
    } else {
      if (exactChoices.length === 0) return false;
      const [r, k] = pick(exactChoices);
      ratio = r;
      s.decimals = places + k;
    }
    // The ledger rounds each position once (its lots share the result), so the model's position
    // is exact for any ratio; per-lot SPECID quantities only ever see terminating ones.
    const [n, o] = ratioParts(ratio);
    for (const [p] of heldOf(s.name)) {
      p.quantity = round(p.quantity.times(n).div(o), 6);
      for (const [id, q] of p.lots) p.lots.set(id, round(q.times(n).div(o), 6));
    }
    transactions.push({ date: toIso(day), security: s.name, split: ratio });
    return true;
  };

  const rename = (): boolean => {
    const s = pick(securities);
    const to = `${s.name}N`;
    for (const [p, account] of heldOf(s.name)) {
      positions.delete(positionKey(account, s.name));
      positions.set(positionKey(account, to), p);
    }
    transactions.push({ date: toIso(day), security: s.name, renameTo: to });
    renames.push([s.name, to]);
    s.name = to;
    return true;
  };

  const distribute = (): boolean => {
    const s = pick(securities);
    const perShare = chance(15)
      ? round(s.price.times('1.2'), 2)
      : round(s.price.times(1 + src.int(30)).div(100), 2);
    if (!perShare.isPositive() || perShare.isZero()) return false;
    for (const [p] of heldOf(s.name))
      returnOfCapital = returnOfCapital.plus(perShare.times(p.quantity));
    transactions.push({
      date: toIso(day),
      security: s.name,
      returnOfCapital: perShare.toNumber(),
    });
    const lower = s.price.minus(perShare);
    s.price = lower.lessThan(1) ? new Exact(1) : lower;
    return true;
  };

  let spinoffCount = 0;
  const spinoff = (): boolean => {
    const parent = pick(securities);
    const places = inPlay(parent);
    const exactChoices = SPINOFF_RATIOS.filter(([, k]) => places + k <= 6);
    let ratio: number;
    let decimals: number;
    if (splits === 'any' && chance(40)) {
      ratio = pick(INEXACT_SPINOFF_RATIOS);
      decimals = 6;
    } else {
      if (exactChoices.length === 0) return false;
      const [r, k] = pick(exactChoices);
      ratio = r;
      decimals = places + k;
    }
    const basisFraction = (1 + src.int(90)) / 100;
    const child: Security = {
      name: `P${spinoffCount++}`,
      price: round(parent.price.times(basisFraction).div(ratio), 2),
      decimals,
    };
    if (child.price.lessThan(1)) child.price = new Exact(1);
    for (const [p, account] of heldOf(parent.name)) {
      const c = position(account, child.name);
      c.quantity = round(p.quantity.times(ratio), 6);
    }
    securities.push(child);
    transactions.push({
      date: toIso(day),
      security: parent.name,
      spinoff: { security: child.name, ratio, basisFraction },
    });
    return true;
  };

  let steps = 0;
  while (steps < maxSteps && !src.exhausted()) {
    steps++;
    advance();
    const r = src.int(100);
    let done = false;
    if (r >= 45 && r < 85 && sells) done = sell();
    else if (r >= 85 && r < 89 && splits !== 'none') done = split();
    else if (r >= 89 && r < 91 && options.renames) done = rename();
    else if (r >= 91 && r < 96 && options.returnsOfCapital) done = distribute();
    else if (r >= 96 && options.spinoffs && !specId) done = spinoff();
    if (!done) buy();
  }
  if (options.finalSale) {
    day += 1 + src.int(40);
    sell();
  }

  const expectedShares = new Map([...positions].map(([key, p]) => [key, p.quantity]));
  const request: LedgerRequest = { method: options.method, accounts, transactions };
  if (washGroups.length > 0) request.washGroups = washGroups;
  if (openingLots.length > 0) request.openingLots = openingLots;
  return {
    request,
    expectedShares,
    buyCosts,
    openingBasis,
    returnOfCapital,
    renames,
  };
}

/** Options of {@link historyArbitrary}: one of `methods` is drawn for each history. */
export type ArbitraryOptions = Omit<HistoryOptions, 'method'> & {
  methods: readonly ReliefMethod[];
  /** fast-check's size of the choice list (default `max`: histories up to `maxSteps` steps). */
  size?: fc.SizeForArbitrary;
};

/** A fast-check arbitrary of histories: a shrinkable choice list fed to {@link buildHistory}. */
export function historyArbitrary(options: ArbitraryOptions): fc.Arbitrary<History> {
  const { methods, size, ...rest } = options;
  return fc
    .tuple(
      fc.constantFrom(...methods),
      fc.array(fc.nat(), {
        minLength: 8,
        maxLength: 12 * (options.maxSteps ?? 60),
        size: size ?? 'max',
      }),
    )
    .map(([method, choices]) => buildHistory(choiceSource(choices), { ...rest, method }));
}
