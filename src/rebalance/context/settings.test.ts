import { describe, expect, it } from 'vitest';
import { effectiveSettings, isTradable, resolveSettings } from './settings.js';
import { account } from './test-support/request.js';

describe('resolved settings', () => {
  it('apply the spec defaults when nothing is set; the cash target is the benchmark’s cash', () => {
    expect(resolveSettings({}, 0.02)).toEqual({
      harvestLosses: false,
      minHarvestUsd: 0,
      avoidShortTermGains: false,
      maxTrackingError: undefined,
      maxTurnover: undefined,
      minTradeValueUsd: undefined,
      allowFractional: false,
      mode: 'full',
      driftThreshold: undefined,
      cashTargetWeight: 0.02,
      cashMinWeight: 0,
    });
  });

  it('keep every value the account sets, cash.target over the benchmark’s cash', () => {
    const resolved = resolveSettings(
      {
        cash: { target: 0.05, min: 0.01, withdrawal: 100 },
        tax: { harvestLosses: true, minHarvest: 500, avoidShortTermGains: true },
        risk: { maxTrackingError: 0.02 },
        trading: { minTradeValue: 250, maxTurnover: 0.25, allowFractional: true, mode: 'buyOnly' },
        drift: { threshold: 0.03 },
      },
      0.02,
    );
    expect(resolved).toEqual({
      harvestLosses: true,
      minHarvestUsd: 500,
      avoidShortTermGains: true,
      maxTrackingError: 0.02,
      maxTurnover: 0.25,
      minTradeValueUsd: 250,
      allowFractional: true,
      mode: 'buyOnly',
      driftThreshold: 0.03,
      cashTargetWeight: 0.05,
      cashMinWeight: 0.01,
    });
  });
});

describe('held-away accounts', () => {
  it('are the accounts marked tradable: false; tradable is the default', () => {
    expect(isTradable(account('A1'))).toBe(true);
    expect(isTradable(account('401k', { tradable: false }))).toBe(false);
  });

  it('run with default settings, and say their own settings are ignored', () => {
    const held = account('401k', { tradable: false, settings: { cash: { min: 0.5 } } });
    expect(effectiveSettings(held)).toEqual({
      settings: {},
      warnings: ['settings on held-away account 401k are ignored'],
    });
  });

  it('draw no warning for an empty settings object', () => {
    expect(effectiveSettings(account('401k', { tradable: false, settings: {} })).warnings).toEqual(
      [],
    );
  });

  it('tradable accounts keep their settings silently', () => {
    const settings = { cash: { min: 0.5 } };
    expect(effectiveSettings(account('A1', { settings }))).toEqual({ settings, warnings: [] });
  });
});
