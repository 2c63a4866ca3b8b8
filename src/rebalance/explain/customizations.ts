/**
 * The customizations of an account, each as a label and an edit that removes it from the
 * account's settings: every restriction entry, every substitution, `cash.min`, the gain budget,
 * `maxTrackingError`, `maxTurnover`, `avoidShortTermGains`, `minTradeValue` and a trading mode
 * other than `full`. Settings that set nothing (`cash.min` 0, `avoidShortTermGains` false, mode
 * `full`) are not customizations.
 */
import type { AccountSettings, Restriction } from '../../domain/index.js';

/** One customization: `"<setting path> <detail>"` and the settings without it. */
export interface Customization {
  label: string;
  remove(settings: AccountSettings): AccountSettings;
}

/** "sector Energy", "tag tobacco" or "security XOM". */
function restrictionTarget(r: Restriction): string {
  if ('sector' in r) return `sector ${r.sector}`;
  if ('tag' in r) return `tag ${r.tag}`;
  return `security ${r.security}`;
}

/** `list` without entry `index`. */
function without<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** The block `key` of `settings` with `field` removed. */
function dropField<K extends keyof AccountSettings>(
  settings: AccountSettings,
  key: K,
  field: keyof NonNullable<AccountSettings[K]>,
): AccountSettings {
  const block = Object.entries(settings[key] ?? {}).filter(([name]) => name !== field);
  return { ...settings, [key]: Object.fromEntries(block) };
}

/**
 * The customizations of `settings`, in the order of the request's blocks.
 *
 * @example
 * customizationsOf({ restrictions: [{ sector: 'Energy', rule: 'noHold' }], cash: { min: 0.01 } })
 *   .map((c) => c.label); // ['restrictions[0] sector Energy noHold', 'cash.min 0.01']
 */
export function customizationsOf(settings: AccountSettings): Customization[] {
  const out: Customization[] = [];
  const { restrictions = [], substitutions = [], cash, tax, risk, trading } = settings;
  restrictions.forEach((r, i) => {
    out.push({
      label: `restrictions[${i}] ${restrictionTarget(r)} ${r.rule}`,
      remove: (s) => ({ ...s, restrictions: without(s.restrictions ?? [], i) }),
    });
  });
  substitutions.forEach((sub, i) => {
    out.push({
      label: `substitutions[${i}] ${sub.from} → ${sub.to}`,
      remove: (s) => ({ ...s, substitutions: without(s.substitutions ?? [], i) }),
    });
  });
  const add = (label: string, remove: Customization['remove']): number =>
    out.push({ label, remove });
  if ((cash?.min ?? 0) > 0) add(`cash.min ${cash!.min}`, (s) => dropField(s, 'cash', 'min'));
  const budget = tax?.gainBudget;
  if (budget !== undefined) {
    const total = budget.total === undefined ? '' : `, total ${budget.total}`;
    add(`tax.gainBudget shortTerm ${budget.shortTerm}, longTerm ${budget.longTerm}${total}`, (s) =>
      dropField(s, 'tax', 'gainBudget'),
    );
  }
  if (risk?.maxTrackingError !== undefined) {
    add(`risk.maxTrackingError ${risk.maxTrackingError}`, (s) =>
      dropField(s, 'risk', 'maxTrackingError'),
    );
  }
  if (trading?.maxTurnover !== undefined) {
    add(`trading.maxTurnover ${trading.maxTurnover}`, (s) =>
      dropField(s, 'trading', 'maxTurnover'),
    );
  }
  if (tax?.avoidShortTermGains === true) {
    add('tax.avoidShortTermGains true', (s) => dropField(s, 'tax', 'avoidShortTermGains'));
  }
  if ((trading?.minTradeValue ?? 0) > 0) {
    add(`trading.minTradeValue ${trading!.minTradeValue}`, (s) =>
      dropField(s, 'trading', 'minTradeValue'),
    );
  }
  if (trading?.mode !== undefined && trading.mode !== 'full') {
    add(`trading.mode ${trading.mode}`, (s) => dropField(s, 'trading', 'mode'));
  }
  return out;
}
