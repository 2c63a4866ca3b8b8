/** What a demo firm holds, counted for people: accounts by type, customizations by kind. */
import type { AccountSettings } from '../domain/index.js';
import type { FirmData } from '../store/index.js';
import { DEMO_MODELS } from './models.js';

/** Every customization kind the demo draws, in display order. */
export const CUSTOMIZATION_KINDS = [
  'noSell',
  'noBuy',
  'sectorScreen',
  'tagScreen',
  'substitution',
  'cashTarget',
  'cashMin',
  'withdrawal',
  'gainBudget',
  'harvestLosses',
  'avoidShortTermGains',
  'driftThreshold',
  'maxTrackingError',
  'minTradeValue',
  'tradingMode',
  'maxTurnover',
  'allowFractional',
] as const;

/** One kind of customization. */
export type CustomizationKind = (typeof CUSTOMIZATION_KINDS)[number];

/** The kinds of customization `settings` holds (each once). */
export function customizationKinds(settings: AccountSettings): CustomizationKind[] {
  const r = settings.restrictions ?? [];
  const has: Record<CustomizationKind, boolean> = {
    noSell: r.some((x) => 'security' in x && x.rule === 'noSell'),
    noBuy: r.some((x) => 'security' in x && x.rule === 'noBuy'),
    sectorScreen: r.some((x) => 'sector' in x),
    tagScreen: r.some((x) => 'tag' in x),
    substitution: (settings.substitutions ?? []).length > 0,
    cashTarget: settings.cash?.target !== undefined,
    cashMin: settings.cash?.min !== undefined,
    withdrawal: (settings.cash?.withdrawal ?? 0) > 0,
    gainBudget: settings.tax?.gainBudget !== undefined,
    harvestLosses: settings.tax?.harvestLosses === true,
    avoidShortTermGains: settings.tax?.avoidShortTermGains === true,
    driftThreshold: settings.drift?.threshold !== undefined,
    maxTrackingError: settings.risk?.maxTrackingError !== undefined,
    minTradeValue: settings.trading?.minTradeValue !== undefined,
    tradingMode: settings.trading?.mode !== undefined,
    maxTurnover: settings.trading?.maxTurnover !== undefined,
    allowFractional: settings.trading?.allowFractional === true,
  };
  return CUSTOMIZATION_KINDS.filter((k) => has[k]);
}

/** The counts `tailor demo` prints. */
export interface DemoSummary {
  asOf: string;
  households: number;
  householdModels: number;
  accounts: number;
  byTaxStatus: { taxable: number; deferred: number; exempt: number };
  byInvestment: { etfModel: number; directIndex: number; noModel: number; heldAway: number };
  lots: number;
  transactions: number;
  securities: number;
  prices: number;
  models: number;
  customizedAccounts: number;
  customizations: Record<CustomizationKind, number>;
}

/** Counts `data` (a demo firm) as of `asOf`. */
export function summarizeDemo(data: FirmData, asOf: string): DemoSummary {
  const accounts = data.accounts ?? [];
  const direct = new Set<string>([DEMO_MODELS.direct, DEMO_MODELS.directPlusBond]);
  const count = (f: (a: (typeof accounts)[number]) => boolean) => accounts.filter(f).length;
  const customizations = Object.fromEntries(CUSTOMIZATION_KINDS.map((k) => [k, 0])) as Record<
    CustomizationKind,
    number
  >;
  for (const s of data.settings ?? [])
    for (const k of customizationKinds(s.settings)) customizations[k] += 1;
  return {
    asOf,
    households: data.households?.length ?? 0,
    householdModels: (data.households ?? []).filter((h) => h.modelId).length,
    accounts: accounts.length,
    byTaxStatus: {
      taxable: count((a) => a.taxStatus === 'taxable'),
      deferred: count((a) => a.taxStatus === 'deferred'),
      exempt: count((a) => a.taxStatus === 'exempt'),
    },
    byInvestment: {
      etfModel: count((a) => a.tradable !== false && a.modelId !== null && !direct.has(a.modelId)),
      directIndex: count(
        (a) => a.tradable !== false && a.modelId !== null && direct.has(a.modelId),
      ),
      noModel: count((a) => a.tradable !== false && a.modelId === null),
      heldAway: count((a) => a.tradable === false),
    },
    lots: data.lots?.length ?? 0,
    transactions: data.transactions?.length ?? 0,
    securities: data.securities?.length ?? 0,
    prices: data.prices?.length ?? 0,
    models: data.models?.length ?? 0,
    customizedAccounts: (data.settings ?? []).length,
    customizations,
  };
}

const n = (x: number): string => x.toLocaleString('en-US');

/** The readable summary `tailor demo` prints. */
export function demoSummaryText(s: DemoSummary, elapsedMs: number, location?: string): string {
  const kinds = Object.entries(s.customizations)
    .filter(([, c]) => c > 0)
    .map(([k, c]) => `${k} ${n(c)}`);
  const wrapped: string[] = [];
  for (const k of kinds) {
    const lastLine = wrapped[wrapped.length - 1];
    if (lastLine !== undefined && lastLine.length + k.length < 72)
      wrapped[wrapped.length - 1] = `${lastLine}, ${k}`;
    else wrapped.push(k);
  }
  return [
    `demo firm written${location ? ` to ${location}` : ''}  (as of ${s.asOf}, ${(elapsedMs / 1000).toFixed(1)} s)`,
    `  households        ${n(s.households)}  (${n(s.householdModels)} on a household model)`,
    `  accounts          ${n(s.accounts)}  taxable ${n(s.byTaxStatus.taxable)}, IRA ${n(s.byTaxStatus.deferred)}, Roth ${n(s.byTaxStatus.exempt)}`,
    `                    ETF model ${n(s.byInvestment.etfModel)}, direct index ${n(s.byInvestment.directIndex)}, no model ${n(s.byInvestment.noModel)}, held away ${n(s.byInvestment.heldAway)}`,
    `  lots              ${n(s.lots)}`,
    `  transactions      ${n(s.transactions)}`,
    `  securities        ${n(s.securities)}  (${n(s.prices)} daily closes)`,
    `  models            ${n(s.models)}`,
    `  customized        ${n(s.customizedAccounts)} accounts`,
    ...wrapped.map((line) => `    ${line}`),
    '',
    'next: tailor run',
  ].join('\n');
}
