import { describe, expect, it } from 'vitest';
import type { OrderFill } from '../../api/types';
import { fillColumns } from './fill-columns';

const fill = (quantity: number, takenBackBy?: string): OrderFill => ({
  quantity,
  priceUsd: 72,
  date: '2026-11-20',
  filledAt: '2026-11-20T15:00:00.000Z',
  filledBy: 'desk',
  ...(takenBackBy === undefined ? {} : { takenBackBy }),
});

describe("an order's fills table", () => {
  it('shows who took a fill back only for an order with one taken back', () => {
    const headers = (fills: OrderFill[]) => fillColumns(fills).map((c) => c.header);
    expect(headers([fill(40), fill(50)])).toEqual([
      '#',
      'Shares',
      'Price',
      'Trade date',
      'Booked at',
      'By',
    ]);
    const busted = [fill(40, 'X-3'), fill(50)];
    expect(headers(busted).at(-1)).toBe('Taken back by');
    const takenBack = fillColumns(busted).at(-1)!;
    expect(busted.map((f) => takenBack.value({ ...f, n: 1 }))).toEqual(['X-3', null]);
  });
});
