/**
 * Random account settings for {@link householdArbitrary}: restrictions by security, sector and tag
 * (a noHold + noSell conflict on a held security is usually, not always, removed), substitutions
 * from the household's shared list, cash target/min/withdrawal (now and then one the account
 * cannot raise), tax, risk, trading and drift settings.
 */
import type {
  AccountSettings,
  RebalanceAccount,
  Restriction,
  Security,
  Substitution,
  TradingMode,
} from '../../domain/index.js';
import type { Draw } from './random-draw.js';
import { restrictionSets } from './restriction-sets.js';

function randomRestrictions(
  d: Draw,
  account: RebalanceAccount,
  securities: readonly Security[],
): Restriction[] {
  const rule = (): Restriction['rule'] => d.pick(['noBuy', 'noSell', 'noHold'] as const);
  const restrictions: Restriction[] = Array.from({ length: d.int(1, 3) }, () => {
    const kind = d.int(0, 2);
    if (kind === 0) return { security: d.pick(securities).id, rule: rule() };
    if (kind === 1) return { sector: d.pick(['Tech', 'Energy', 'Health']), rule: rule() };
    return { tag: d.pick(['esg', 'tobacco', 'large']), rule: rule() };
  });
  const sets = restrictionSets(restrictions, securities);
  const conflict = account.lots.some(
    (l) => sets.noHold.has(l.security) && sets.noSell.has(l.security),
  );
  const kept =
    conflict && d.chance(85) ? restrictions.filter((r) => r.rule !== 'noSell') : restrictions;
  if (account.lots.length > 0 && d.chance(8)) {
    const held = d.pick(account.lots).security;
    kept.push({ security: held, rule: 'noHold' }, { security: held, rule: 'noSell' });
  }
  return kept;
}

function accountValue(account: RebalanceAccount, securities: readonly Security[]): number {
  const price = new Map(securities.map((s) => [s.id, s.price]));
  return account.lots.reduce((v, l) => v + l.quantity * (price.get(l.security) ?? 0), account.cash);
}

/** Random settings for `account`; substitutions come from the household's shared list. */
export function randomSettings(
  d: Draw,
  account: RebalanceAccount,
  securities: readonly Security[],
  substitutions: readonly Substitution[],
): AccountSettings {
  const settings: AccountSettings = {};
  if (d.chance(45)) settings.restrictions = randomRestrictions(d, account, securities);
  if (substitutions.length > 0 && d.chance(30)) settings.substitutions = [d.pick(substitutions)];
  if (d.chance(50)) {
    const cash: NonNullable<AccountSettings['cash']> = {};
    if (d.chance(50)) cash.target = d.int(0, 10) / 100;
    if (d.chance(50)) cash.min = d.int(0, 5) / 100;
    const value = accountValue(account, securities);
    if (d.chance(8)) cash.withdrawal = Math.round(value * 1.2 * 100) / 100;
    else if (d.chance(40)) cash.withdrawal = Math.round(value * d.int(0, 30)) / 100;
    settings.cash = cash;
  }
  if (d.chance(50)) {
    const tax: NonNullable<AccountSettings['tax']> = {};
    if (d.chance(50)) tax.harvestLosses = d.chance(70);
    if (d.chance(30)) tax.minHarvest = d.int(0, 500);
    if (d.chance(40)) {
      tax.gainBudget = {
        shortTerm: d.pick([0, 500, 5000, -200]),
        longTerm: d.pick([0, 1000, 10000]),
      };
      if (d.chance(30)) tax.gainBudget.total = d.pick([0, 3000]);
    }
    if (d.chance(40)) tax.avoidShortTermGains = true;
    settings.tax = tax;
  }
  if (d.chance(30)) settings.risk = { maxTrackingError: d.int(5, 50) / 1000 };
  if (d.chance(60)) {
    const trading: NonNullable<AccountSettings['trading']> = {};
    if (d.chance(30)) trading.minTradeValue = d.int(0, 500);
    if (d.chance(30)) trading.maxTurnover = d.int(5, 100) / 100;
    if (d.chance(30)) trading.allowFractional = d.chance(50);
    if (d.chance(40))
      trading.mode = d.pick<TradingMode>(['full', 'buyOnly', 'sellOnly', 'cashOnly']);
    settings.trading = trading;
  }
  if (d.chance(30)) settings.drift = { threshold: d.int(0, 10) / 100 };
  return settings;
}
