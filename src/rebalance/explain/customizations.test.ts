import { describe, expect, it } from 'vitest';
import type { AccountSettings } from '../../domain/index.js';
import { customizationsOf } from './customizations.js';

const settings: AccountSettings = {
  restrictions: [
    { sector: 'Energy', rule: 'noHold' },
    { security: 'XOM', rule: 'noBuy' },
    { tag: 'tobacco', rule: 'noHold' },
  ],
  substitutions: [{ from: 'VTI', to: 'ITOT' }],
  cash: { target: 0.02, min: 0.01 },
  tax: {
    harvestLosses: true,
    gainBudget: { shortTerm: 0, longTerm: 5000 },
    avoidShortTermGains: true,
  },
  risk: { maxTrackingError: 0.02 },
  trading: { minTradeValue: 250, maxTurnover: 0.25, mode: 'buyOnly' },
  drift: { threshold: 0.03 },
};

describe('customizationsOf', () => {
  it('lists every customization with its setting path', () => {
    expect(customizationsOf(settings).map((c) => c.label)).toEqual([
      'restrictions[0] sector Energy noHold',
      'restrictions[1] security XOM noBuy',
      'restrictions[2] tag tobacco noHold',
      'substitutions[0] VTI → ITOT',
      'cash.min 0.01',
      'tax.gainBudget shortTerm 0, longTerm 5000',
      'risk.maxTrackingError 0.02',
      'trading.maxTurnover 0.25',
      'tax.avoidShortTermGains true',
      'trading.minTradeValue 250',
      'trading.mode buyOnly',
    ]);
  });

  it('removes exactly one customization and leaves the input alone', () => {
    const copy = structuredClone(settings);
    const [energy, , , , cashMin, budget] = customizationsOf(settings);
    expect(energy!.remove(settings).restrictions).toEqual(settings.restrictions!.slice(1));
    expect(cashMin!.remove(settings).cash).toEqual({ target: 0.02 });
    expect(budget!.remove(settings).tax).toEqual({
      harvestLosses: true,
      avoidShortTermGains: true,
    });
    expect(budget!.remove(settings).trading).toBe(settings.trading);
    expect(settings).toEqual(copy);
  });

  it('skips settings that set nothing', () => {
    const none: AccountSettings = {
      cash: { min: 0, target: 0.05 },
      tax: { avoidShortTermGains: false, harvestLosses: true },
      trading: { mode: 'full', minTradeValue: 0, allowFractional: true },
      drift: { threshold: 0.05 },
    };
    expect(customizationsOf(none)).toEqual([]);
  });
});
