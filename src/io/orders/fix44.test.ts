import { describe, expect, it } from 'vitest';
import { fixChecksum, newOrderSingles, SOH, utcTimestamp, type FixOptions } from './fix44.js';
import type { ExportOrder } from './order-types.js';

const SELL: ExportOrder = {
  id: 'ord-1',
  symbol: 'VTI',
  side: 'sell',
  quantity: '50',
  allocations: [
    { account: 'H1-TAX', quantity: '40' },
    { account: 'H3-TAX', quantity: '10' },
  ],
};
const BUY: ExportOrder = {
  id: 'ord-2',
  symbol: 'BND',
  side: 'buy',
  quantity: '117.75',
  allocations: [{ account: 'H1-IRA', quantity: '117.75' }],
};
const OPTIONS: FixOptions = {
  senderCompId: 'TAILOR',
  targetCompId: 'BROKER',
  firstSeqNum: 7,
  sendingTime: new Date('2026-11-20T14:30:05.123Z'),
};

/** Tag/value pairs of a SOH-delimited message. */
const fieldsOf = (message: string): [string, string][] =>
  message
    .split(SOH)
    .slice(0, -1)
    .map((f) => [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)]);

const messages = (orders: ExportOrder[], options: FixOptions = OPTIONS): string[] => {
  const r = newOrderSingles(orders, options);
  if (!r.ok) throw new Error(r.why);
  return r.messages;
};

describe('FIX 4.4 NewOrderSingle', () => {
  it('writes a known message byte for byte', () => {
    // Written out by hand; 9 and 10 computed separately (Python) from the same bytes.
    const expected =
      '8=FIX.4.4|9=154|35=D|49=TAILOR|56=BROKER|34=7|52=20261120-14:30:05.123|11=ord-1|78=2|' +
      '79=H1-TAX|80=40|79=H3-TAX|80=10|21=1|55=VTI|54=2|60=20261120-14:30:05.123|38=50|40=1|10=067|';
    expect(messages([SELL])).toEqual([expected.replaceAll('|', SOH)]);
    expect(messages([SELL], { ...OPTIONS, display: true })).toEqual([expected]);
  });

  it('has the body length and checksum a receiver recomputes', () => {
    for (const m of messages([SELL, BUY])) {
      expect(m.endsWith(SOH)).toBe(true);
      const checksumAt = m.lastIndexOf(`${SOH}10=`) + 1;
      const bodyStart = m.indexOf(SOH, m.indexOf(`${SOH}9=`) + 1) + 1;
      const bytes = Buffer.from(m.slice(0, checksumAt), 'ascii');
      let total = 0;
      for (const b of bytes) total += b;
      expect(m.slice(checksumAt)).toBe(`10=${String(total % 256).padStart(3, '0')}${SOH}`);
      expect(fieldsOf(m).find(([t]) => t === '9')?.[1]).toBe(String(checksumAt - bodyStart));
    }
  });

  it('numbers messages in order, with side, quantity and every allocation', () => {
    const [sell, buy] = messages([SELL, BUY]).map(fieldsOf);
    const tag = (f: [string, string][], t: string) => f.filter(([k]) => k === t).map(([, v]) => v);
    expect(sell!.slice(0, 3)).toEqual([
      ['8', 'FIX.4.4'],
      ['9', expect.any(String)],
      ['35', 'D'],
    ]);
    expect([tag(sell!, '34'), tag(buy!, '34')]).toEqual([['7'], ['8']]);
    expect([tag(sell!, '54'), tag(buy!, '54')]).toEqual([['2'], ['1']]);
    expect(tag(buy!, '38')).toEqual(['117.75']);
    expect(tag(buy!, '40')).toEqual(['1']);
    expect(tag(buy!, '21')).toEqual(['1']);
    expect(tag(sell!, '79')).toEqual(['H1-TAX', 'H3-TAX']);
    expect(tag(sell!, '80')).toEqual(['40', '10']);
    expect(sell!.at(-1)?.[0]).toBe('10');
  });

  it('refuses what FIX cannot carry, saying what', () => {
    const bad = (orders: ExportOrder[], options: Partial<FixOptions> = {}) =>
      newOrderSingles(orders, { ...OPTIONS, ...options });
    expect(bad([{ ...SELL, symbol: 'V\u0001TI' }])).toMatchObject({
      ok: false,
      why: expect.stringMatching(/symbol "V.TI" must be printable ASCII/),
    });
    expect(bad([SELL], { senderCompId: '' })).toMatchObject({ ok: false });
    expect(bad([SELL], { firstSeqNum: 0 })).toMatchObject({ ok: false });
    expect(bad([{ ...SELL, quantity: '-5' }])).toMatchObject({ ok: false });
    expect(bad([{ ...SELL, allocations: [] }])).toMatchObject({ ok: false });
    expect(bad([{ ...SELL, id: 'a|b' }], { display: true })).toMatchObject({ ok: false });
    expect(bad([{ ...SELL, id: 'a|b' }])).toMatchObject({ ok: true });
  });

  it('formats UTC timestamps and checksums', () => {
    expect(utcTimestamp(new Date('2026-01-02T03:04:05.006Z'))).toBe('20260102-03:04:05.006');
    expect(fixChecksum('\u0001'.repeat(256))).toBe('000');
    expect(fixChecksum('A')).toBe('065');
  });
});
