/**
 * The demo's account settings: a realistic mix of customizations drawn by quota (each kind goes
 * to a share of the accounts it suits, at least one when any suits), so every kind appears in a
 * firm of a hundred accounts or more. Kinds that could contradict each other never meet: the
 * `noSell` stock of an ETF account is outside every sector and tag screen, and screens apply to
 * direct-index accounts only. Held-away accounts get no settings.
 */
import type { AccountSettings, Restriction, Substitution } from '../domain/index.js';
import type { FirmModel, FirmSettings } from '../store/index.js';
import type { AccountPlan } from './households.js';
import { flattenModel } from './models.js';
import type { DemoRandom } from './random.js';

/** An account as the customizations see it. */
export interface CustomizableAccount {
  plan: AccountPlan;
  /** The low-basis stock an ETF account carries, if any. */
  legacyStock?: string;
}

const SECTOR_SCREENS: readonly Restriction[] = [
  { sector: 'Energy', rule: 'noHold' },
  { sector: 'Utilities', rule: 'noBuy' },
  { sector: 'Real Estate', rule: 'noHold' },
];
const TAG_SCREENS: readonly Restriction[] = [
  { tag: 'tobacco', rule: 'noHold' },
  { tag: 'fossil-fuels', rule: 'noHold' },
  { tag: 'alcohol', rule: 'noBuy' },
  { tag: 'gambling', rule: 'noHold' },
  { tag: 'defense', rule: 'noBuy' },
];
/** Substitutes from the same substitute group of etf-universe.csv (different indexes). */
const SUBSTITUTES: Readonly<Record<string, readonly string[]>> = {
  VTI: ['ITOT', 'SCHB'],
  VXUS: ['IXUS'],
  BND: ['AGG', 'SCHZ'],
  VNQ: ['SCHH', 'USRT'],
  VCIT: ['LQD'],
};

const round = (x: number, step: number): number => Math.round(x / step) * step;
const fix = (x: number): number => Number(x.toFixed(6));

/** Settings for `accounts` (only those that got any), in account order. */
export function customizeAccounts(
  rng: DemoRandom,
  accounts: readonly CustomizableAccount[],
  models: ReadonlyMap<string, FirmModel>,
): FirmSettings[] {
  const settings = new Map<string, AccountSettings>();
  const of = (a: CustomizableAccount): AccountSettings => {
    const id = a.plan.account.id;
    const s = settings.get(id) ?? {};
    settings.set(id, s);
    return s;
  };
  const restrict = (a: CustomizableAccount, r: Restriction): void => {
    const s = of(a);
    s.restrictions = [...(s.restrictions ?? []), r];
  };
  const flat = (a: CustomizableAccount) => [
    ...flattenModel(a.plan.account.modelId ?? '', models).keys(),
  ];
  const tradable = accounts.filter((a) => a.plan.kind !== 'heldAway');
  const taxable = tradable.filter((a) => a.plan.account.taxStatus === 'taxable');
  const direct = tradable.filter((a) => a.plan.kind === 'direct');
  const etf = tradable.filter((a) => a.plan.kind === 'etf');
  const give = (
    eligible: readonly CustomizableAccount[],
    share: number,
    apply: (a: CustomizableAccount) => void,
  ) => {
    if (eligible.length === 0) return;
    const n = Math.max(1, Math.round(share * eligible.length));
    for (const a of rng.sample(eligible, n)) apply(a);
  };

  give(
    tradable.filter((a) => a.legacyStock),
    0.6,
    (a) => restrict(a, { security: a.legacyStock!, rule: 'noSell' }),
  );
  give([...direct, ...etf], 0.1, (a) =>
    restrict(a, { security: rng.pick(flat(a)), rule: 'noBuy' }),
  );
  give(direct, 0.35, (a) => restrict(a, rng.pick(SECTOR_SCREENS)));
  give(direct, 0.35, (a) => restrict(a, rng.pick(TAG_SCREENS)));
  const substitutable = etf.filter(
    (a) => !a.plan.householdModel && flat(a).some((s) => SUBSTITUTES[s]),
  );
  give(substitutable, 0.15, (a) => {
    const held = flat(a);
    const subs: Substitution[] = held
      .filter((s) => SUBSTITUTES[s])
      .map((from) => ({ from, to: rng.pick(SUBSTITUTES[from]!) }))
      .filter((x) => !held.includes(x.to));
    if (subs.length > 0) of(a).substitutions = rng.sample(subs, rng.int(1, 2));
  });
  give(tradable, 0.15, (a) => {
    of(a).cash = { ...of(a).cash, target: fix(round(rng.between(0.01, 0.04), 0.005)) };
  });
  give(tradable, 0.1, (a) => {
    const target = of(a).cash?.target ?? 0.02;
    of(a).cash = {
      ...of(a).cash,
      min: fix(Math.min(target, round(rng.between(0.005, 0.02), 0.005))),
    };
  });
  give(tradable, 0.06, (a) => {
    const withdrawal = Math.max(500, round(a.plan.value * rng.between(0.01, 0.06), 500));
    of(a).cash = { ...of(a).cash, withdrawal };
  });
  const tax = (a: CustomizableAccount) => (of(a).tax ??= {});
  give(taxable, 0.2, (a) => {
    tax(a).gainBudget = { shortTerm: 0, longTerm: round(rng.between(2000, 25_000), 500) };
  });
  give(taxable, 0.4, (a) => {
    Object.assign(tax(a), { harvestLosses: true, minHarvest: round(rng.between(100, 1000), 50) });
  });
  give(taxable, 0.2, (a) => {
    tax(a).avoidShortTermGains = true;
  });
  give(tradable, 0.25, (a) => {
    of(a).drift = { threshold: fix(round(rng.between(0.02, 0.05), 0.005)) };
  });
  const risk = (a: CustomizableAccount, maxTrackingError: number) => {
    of(a).risk = { maxTrackingError: fix(round(maxTrackingError, 0.0025)) };
  };
  give(direct, 0.4, (a) => risk(a, rng.between(0.005, 0.02)));
  give(etf, 0.05, (a) => risk(a, rng.between(0.01, 0.03)));
  const trading = (a: CustomizableAccount) => (of(a).trading ??= {});
  give(tradable, 0.2, (a) => {
    trading(a).minTradeValue = round(rng.between(50, 500), 25);
  });
  give(tradable, 0.04, (a) => {
    trading(a).mode = rng.pick(['buyOnly', 'sellOnly', 'cashOnly'] as const);
  });
  give(tradable, 0.03, (a) => {
    trading(a).maxTurnover = fix(round(rng.between(0.1, 0.3), 0.05));
  });
  give(direct, 0.5, (a) => {
    trading(a).allowFractional = true;
  });

  return accounts.flatMap((a) => {
    const s = settings.get(a.plan.account.id);
    return s ? [{ accountId: a.plan.account.id, settings: s, note: 'demo' }] : [];
  });
}
