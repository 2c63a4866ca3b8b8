/**
 * The demo's households and the shape of their accounts: 1–4 accounts each, mixing taxable,
 * IRA (deferred) and Roth (exempt); realistic federal rates (with the 3.8% net investment income
 * tax at the top); a handful of advisors; some households run as one portfolio on a household
 * model; about one in ten with a held-away 401(k).
 */
import type { TaxStatus } from '../domain/index.js';
import type { FirmAccount, FirmHousehold } from '../store/index.js';
import { DEMO_MODELS, ETF_MODEL_IDS } from './models.js';
import type { DemoRandom } from './random.js';

/** How an account is invested. */
export type AccountKind = 'etf' | 'direct' | 'legacy' | 'heldAway';

/** An account before its holdings: what it is, what it follows and roughly what it is worth. */
export interface AccountPlan {
  account: FirmAccount;
  kind: AccountKind;
  /** Value today (positions and cash), in currency, before rounding to whole shares. */
  value: number;
  /** The household runs as one portfolio on a household model. */
  householdModel: boolean;
}

const ADVISORS = ['Avery Chen', 'Jordan Patel', 'Morgan Reyes', 'Taylor Brooks', 'Riley Okafor'];
const SURNAMES = (
  'Garcia Smith Nguyen Johnson Kim Williams Brown Martinez Lee Davis Lopez Wilson Anderson ' +
  'Thomas Moore Jackson Martin Thompson White Harris Clark Lewis Robinson Walker Young Allen ' +
  'King Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Perez Roberts Turner ' +
  'Phillips Campbell Parker Evans Edwards Collins Stewart Morris'
).split(' ');

/** [short-term, long-term] marginal rates: 24%…37% brackets, +3.8% NIIT at the top. */
const RATES: readonly (readonly [string, string])[] = [
  ['0.24', '0.15'],
  ['0.32', '0.15'],
  ['0.358', '0.188'],
  ['0.388', '0.238'],
  ['0.408', '0.238'],
];

const STATUS_NAMES: Record<TaxStatus, string> = {
  taxable: 'Taxable',
  deferred: 'Traditional IRA',
  exempt: 'Roth IRA',
};

/** Log-uniform value ranges by tax status (direct-index accounts are larger). */
const VALUE_RANGE: Record<TaxStatus | 'direct', readonly [number, number]> = {
  taxable: [60_000, 2_500_000],
  deferred: [30_000, 1_200_000],
  exempt: [15_000, 350_000],
  direct: [300_000, 4_000_000],
};

function kindOf(rng: DemoRandom, status: TaxStatus, householdModel: boolean): AccountKind {
  if (householdModel) return 'etf';
  if (status === 'taxable') return rng.weighted({ etf: 69, direct: 24, legacy: 7 });
  return rng.weighted({ etf: 92, direct: 3, legacy: 5 });
}

function modelOf(rng: DemoRandom, kind: AccountKind, status: TaxStatus, etfModel: string) {
  if (kind === 'legacy' || kind === 'heldAway') return null;
  if (kind === 'direct')
    return status === 'taxable' && rng.chance(0.65)
      ? DEMO_MODELS.direct
      : DEMO_MODELS.directPlusBond;
  return etfModel;
}

/** Households holding exactly `accountCount` accounts, ids `H0001`…, accounts `H0001-A1`…. */
export function planHouseholds(
  rng: DemoRandom,
  accountCount: number,
): { households: FirmHousehold[]; plans: AccountPlan[] } {
  const households: FirmHousehold[] = [];
  const plans: AccountPlan[] = [];
  while (plans.length < accountCount) {
    const id = `H${String(households.length + 1).padStart(4, '0')}`;
    const n = Math.min(
      accountCount - plans.length,
      Number(rng.weighted({ '1': 3, '2': 3.5, '3': 2.5, '4': 1 })),
    );
    const heldAway = n >= 2 && rng.chance(0.15);
    const householdModel = n >= 2 && rng.chance(0.15) ? rng.pick(ETF_MODEL_IDS) : null;
    const etfModel = householdModel ?? rng.pick(ETF_MODEL_IDS);
    const [shortTermRate, longTermRate] = rng.pick(RATES);
    const surname = rng.pick(SURNAMES);
    households.push({
      id,
      name: `${surname} household`,
      advisor: rng.pick(ADVISORS),
      shortTermRate,
      longTermRate,
      modelId: householdModel,
    });
    for (let i = 0; i < n; i++) {
      const away = heldAway && i === n - 1;
      const status: TaxStatus = away
        ? 'deferred'
        : i === 0
          ? 'taxable'
          : rng.weighted({ taxable: 2, deferred: 5, exempt: 3 });
      const kind = away ? 'heldAway' : kindOf(rng, status, householdModel !== null);
      const [lo, hi] = VALUE_RANGE[kind === 'direct' ? 'direct' : status];
      plans.push({
        account: {
          id: `${id}-A${i + 1}`,
          householdId: id,
          name: away ? `${surname} 401(k) (held away)` : `${surname} ${STATUS_NAMES[status]}`,
          taxStatus: status,
          tradable: !away,
          modelId: modelOf(rng, kind, status, etfModel),
          cash: '0',
        },
        kind,
        value: Math.round(rng.logBetween(lo, hi)),
        householdModel: householdModel !== null,
      });
    }
  }
  return { households, plans };
}
