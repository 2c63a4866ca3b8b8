import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { AccountSettingsSchema } from '../io/account-settings-schema.js';
import { buildDemoFirm } from './demo-firm.js';
import { closeAt, demoAsOf, loadDemoMarket } from './market-data.js';
import { DEMO_MODELS } from './models.js';
import { CUSTOMIZATION_KINDS, summarizeDemo } from './summary.js';

const firm = buildDemoFirm();
const data = firm.data;
const market = loadDemoMarket();

function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

describe('buildDemoFirm: determinism', () => {
  it('gives the same firm for the same seed', () => {
    expect(buildDemoFirm({ accounts: 120, seed: 7 })).toEqual(
      buildDemoFirm({ accounts: 120, seed: 7 }),
    );
  });

  it('gives a different firm for a different seed', () => {
    const a = buildDemoFirm({ accounts: 120, seed: 7 }).data;
    const b = buildDemoFirm({ accounts: 120, seed: 8 }).data;
    expect(a.lots).not.toEqual(b.lots);
    expect(a.settings).not.toEqual(b.settings);
  });

  it('refuses an account count that is not a whole number ≥ 1', () => {
    expect(() => buildDemoFirm({ accounts: 0 })).toThrow(/accounts must be a whole number ≥ 1/);
    expect(() => buildDemoFirm({ accounts: 2.5 })).toThrow(RangeError);
  });
});

describe('buildDemoFirm: the book', () => {
  it('runs on the last shipped date and has exactly the accounts asked for (default 200)', () => {
    expect(firm.asOf).toBe(demoAsOf());
    expect(firm.asOf).toBe(market.dates[market.dates.length - 1]);
    expect(data.accounts).toHaveLength(200);
    expect(buildDemoFirm({ accounts: 3 }).data.accounts).toHaveLength(3);
  });

  it('prices every referenced security on the run date, within a short window', () => {
    const pricedToday = new Set(
      data.prices!.filter((p) => p.date === firm.asOf).map((p) => p.securityId),
    );
    const referenced = new Set<string>();
    for (const m of data.models!)
      for (const t of m.targets) if ('security' in t) referenced.add(t.security);
    for (const l of data.lots!) referenced.add(l.securityId);
    for (const x of data.transactions!) if (x.securityId) referenced.add(x.securityId);
    for (const { settings } of data.settings!) {
      for (const r of settings.restrictions ?? []) if ('security' in r) referenced.add(r.security);
      for (const s of settings.substitutions ?? []) referenced.add(s.from).add(s.to);
    }
    expect([...referenced].filter((id) => !pricedToday.has(id))).toEqual([]);
    expect(new Set(data.prices!.map((p) => p.date)).size).toBeLessThanOrEqual(60);
  });

  it('keeps model weights in [0, 1] summing to at most 1, with a model of models', () => {
    for (const m of data.models!) {
      for (const t of m.targets) expect(t.weight).toBeGreaterThanOrEqual(0);
      for (const t of m.targets) expect(t.weight).toBeLessThanOrEqual(1);
      expect(m.targets.reduce((s, t) => s + t.weight, 0)).toBeLessThanOrEqual(1 + 1e-9);
    }
    const direct = data.models!.find((m) => m.id === DEMO_MODELS.direct)!;
    expect(direct.targets.length).toBeGreaterThan(350);
    const mix = data.models!.find((m) => m.id === DEMO_MODELS.directPlusBond)!;
    expect(mix.targets.every((t) => 'model' in t)).toBe(true);
  });

  it('costs every lot at quantity × the real close of its acquisition date', () => {
    for (const l of data.lots!) {
      const close = closeAt(market, l.securityId, market.dates.indexOf(l.acquired));
      expect(close, `${l.accountId}/${l.id}`).toBeDefined();
      expect(new Decimal(close!).times(l.quantity).equals(l.costBasis), l.id).toBe(true);
      expect(l.acquired < firm.asOf).toBe(true);
    }
  });

  it('records the buy of every lot acquired in the last 30 days', () => {
    const since = daysBefore(firm.asOf, 31);
    const recent = data.lots!.filter((l) => l.acquired >= since);
    expect(recent.length).toBeGreaterThan(0);
    const buys = new Set(
      data
        .transactions!.filter((x) => x.type === 'buy')
        .map((x) => `${x.accountId}|${x.securityId}|${x.date}|${x.quantity}`),
    );
    const missing = recent.filter(
      (l) => !buys.has(`${l.accountId}|${l.securityId}|${l.acquired}|${l.quantity}`),
    );
    expect(missing).toEqual([]);
  });

  it('gives every household a tradable account and realistic tax rates', () => {
    for (const h of data.households!) {
      const own = data.accounts!.filter((a) => a.householdId === h.id);
      expect(own.length).toBeGreaterThanOrEqual(1);
      expect(own.length).toBeLessThanOrEqual(4);
      expect(own.some((a) => a.tradable !== false)).toBe(true);
      expect(Number(h.shortTermRate)).toBeGreaterThanOrEqual(0.24);
      expect(Number(h.shortTermRate)).toBeLessThanOrEqual(0.41);
      expect(Number(h.longTermRate)).toBeGreaterThanOrEqual(0.15);
      expect(Number(h.longTermRate)).toBeLessThanOrEqual(0.238);
    }
  });

  it('mixes account types: mostly ETF models, 10–15%-ish direct index, some held away', () => {
    const s = summarizeDemo(data, firm.asOf);
    expect(s.byTaxStatus.taxable * s.byTaxStatus.deferred * s.byTaxStatus.exempt).toBeGreaterThan(
      0,
    );
    expect(s.byInvestment.directIndex / s.accounts).toBeGreaterThan(0.06);
    expect(s.byInvestment.directIndex / s.accounts).toBeLessThan(0.2);
    expect(s.byInvestment.noModel).toBeGreaterThan(0);
    expect(s.byInvestment.heldAway / s.households).toBeGreaterThan(0.04);
    expect(s.byInvestment.heldAway / s.households).toBeLessThan(0.2);
    expect(s.householdModels).toBeGreaterThan(0);
    const advisors = new Set(data.households!.map((h) => h.advisor));
    expect(advisors.size).toBeGreaterThanOrEqual(3);
  });

  it('keeps direct-index accounts at 100–300 stocks', () => {
    const stocks = new Set(market.stocks.map((s) => s.id));
    const direct = data.accounts!.filter((a) => a.modelId === DEMO_MODELS.direct);
    expect(direct.length).toBeGreaterThan(0);
    for (const a of direct) {
      const held = new Set(
        data
          .lots!.filter((l) => l.accountId === a.id && stocks.has(l.securityId))
          .map((l) => l.securityId),
      );
      expect(held.size).toBeGreaterThanOrEqual(100);
      expect(held.size).toBeLessThanOrEqual(300);
    }
  });
});

describe('buildDemoFirm: customizations', () => {
  it.each([1, 2, 3])('has every kind at 100 accounts (seed %i)', (seed) => {
    const { data: d, asOf } = buildDemoFirm({ accounts: 100, seed });
    const counts = summarizeDemo(d, asOf).customizations;
    expect(CUSTOMIZATION_KINDS.filter((k) => counts[k] === 0)).toEqual([]);
  });

  it('writes settings the interchange schema accepts, and none on held-away accounts', () => {
    const away = new Set(data.accounts!.filter((a) => a.tradable === false).map((a) => a.id));
    for (const s of data.settings!) {
      const parsed = AccountSettingsSchema.safeParse(s.settings);
      expect(parsed.success, `${s.accountId}: ${JSON.stringify(s.settings)}`).toBe(true);
      expect(away.has(s.accountId)).toBe(false);
    }
  });

  it('the schema still rejects what the demo must never write', () => {
    expect(AccountSettingsSchema.safeParse({ cash: { target: 1.5 } }).success).toBe(false);
    expect(
      AccountSettingsSchema.safeParse({ substitutions: [{ from: 'VTI', to: 'VTI' }] }).success,
    ).toBe(false);
  });

  it('never screens the low-basis stock it forbids selling', () => {
    const securities = new Map(data.securities!.map((s) => [s.id, s]));
    for (const { settings } of data.settings!) {
      const r = settings.restrictions ?? [];
      for (const x of r) {
        if (!('security' in x) || x.rule !== 'noSell') continue;
        const sec = securities.get(x.security)!;
        const screened = r.some(
          (y) =>
            y.rule === 'noHold' &&
            (('sector' in y && y.sector === sec.sector) ||
              ('tag' in y && (sec.tags ?? []).includes(y.tag))),
        );
        expect(screened).toBe(false);
      }
    }
  });
});
