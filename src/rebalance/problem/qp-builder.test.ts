import { describe, expect, it } from 'vitest';
import { solveQp } from '../../solver/index.js';
import { QpBuilder } from './qp-builder.js';

describe('QpBuilder', () => {
  it('packs variables, curvature and rows into a problem the solver answers', () => {
    // min ½(2x² + 2y²) − 2x  s.t. x + y = 1, 0 ≤ x − y ≤ 0.5  →  x = 0.75, y = 0.25
    const b = new QpBuilder();
    const x = b.variable(0, Infinity, -2);
    const y = b.variable(0, Infinity);
    b.curvature(x, x, 2);
    b.curvature(y, y, 2);
    b.equality(
      [
        [x, 1],
        [y, 1],
      ],
      1,
    );
    b.range(
      [
        [x, 1],
        [y, -1],
      ],
      0,
      0.5,
    );
    const r = solveQp(b.build());
    expect(r.status).toBe('optimal');
    expect(r.x[0]).toBeCloseTo(0.75, 6);
    expect(r.x[1]).toBeCloseTo(0.25, 6);
  });

  it('stores curvature in the upper triangle whichever order the indices come in', () => {
    const b = new QpBuilder();
    const x = b.variable(-1, 1);
    const y = b.variable(-1, 1);
    b.curvature(y, x, 1);
    const P = b.build().P!;
    expect(Array.from(P.colPtr)).toEqual([0, 0, 1]);
    expect(Array.from(P.rowIdx)).toEqual([0]);
  });

  it('sums costs added to one variable', () => {
    const b = new QpBuilder();
    const x = b.variable(0, 1, 0.5);
    b.cost(x, 0.25);
    expect(b.build().q[0]).toBe(0.75);
    expect(b.size).toBe(1);
    expect(() => b.cost(1, 0.25)).toThrow(/variable 1 does not exist \(1 so far\)/);
  });

  it('keeps every value past its first capacity of 256', () => {
    const b = new QpBuilder();
    for (let j = 0; j < 600; j++) b.equalityOf([b.variable(-j, j, j / 2)], [1], 1, j + 0.5);
    const p = b.build();
    expect(p.n).toBe(600);
    expect([p.lb![599], p.ub![599], p.q[599], p.b![599]]).toEqual([-599, 599, 299.5, 599.5]);
    expect(p.lb![300]).toBe(-300);
    expect(p.A!.colPtr[600]).toBe(600);
  });

  it('writes a row term by term exactly as from a list of terms', () => {
    const listed = new QpBuilder();
    const streamed = new QpBuilder();
    for (const b of [listed, streamed]) for (let j = 0; j < 4; j++) b.variable(0, 1);
    listed.equality(
      [
        [2, 1],
        [0, -1],
      ],
      3,
    );
    listed.range(
      [
        [3, 0.5],
        [1, 2],
        [0, 0],
      ],
      -1,
      1,
    );
    streamed.openEquality();
    streamed.term(2, 1);
    streamed.term(0, -1);
    expect(streamed.closeEquality(3)).toBe(0);
    streamed.openRange();
    streamed.term(3, 0.5);
    streamed.term(1, 2);
    streamed.term(0, 0);
    expect(streamed.closeRange(-1, 1)).toBe(0);
    expect(streamed.build()).toEqual(listed.build());
  });

  it('refuses a term outside a row, a second open row, a mismatched close and an open build', () => {
    const b = new QpBuilder();
    const x = b.variable(0, 1);
    expect(() => b.term(x, 1)).toThrow(/no row is open/);
    b.openRange();
    expect(() => b.openEquality()).toThrow(/already open/);
    expect(() => b.closeEquality(0)).toThrow(/closing an equality row, but another kind is open/);
    expect(() => b.build()).toThrow(/still open/);
    b.closeRange(0, 1);
    expect(() => b.closeRange(0, 1)).toThrow(/but none is open/);
  });
});
