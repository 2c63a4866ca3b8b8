import { describe, expect, it } from 'vitest';
import { resolveRiskModel } from '../../risk/index.js';
import { solveQp, type CscMatrix } from '../../solver/index.js';
import { buildHouseholdContext } from '../context/index.js';
import { directIndexBesideEtf } from '../test-support/direct-index-beside-etf.js';
import { applyRiskAversion, formulate, type Formulation } from './index.js';

/** The household's formulation; the ETF account holds VOO under noBuy. */
function formulation(): { form: Formulation; ids: string[] } {
  const request = directIndexBesideEtf({
    etf: {
      lots: [{ id: 'E1', security: 'VOO', quantity: 10, costBasis: 5000, acquired: '2021-01-04' }],
      settings: { restrictions: [{ security: 'VOO', rule: 'noBuy' }] },
    },
  });
  const { model } = resolveRiskModel(request.riskModel, request.securities);
  const ctx = buildHouseholdContext(request, model);
  return { form: formulate(ctx), ids: ctx.securities.map((s) => s.id) };
}

/** Number of entries in column j. */
const entries = (M: CscMatrix | undefined, j: number): number =>
  M === undefined ? 0 : M.colPtr[j + 1]! - M.colPtr[j]!;

/** The columns with an entry in row r of M. */
function rowColumns(M: CscMatrix, r: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < M.ncols; j++) {
    for (let p = M.colPtr[j]!; p < M.colPtr[j + 1]!; p++) if (M.rowIdx[p] === r) out.push(j);
  }
  return out;
}

describe('the buy and holding variables of an account', () => {
  const { form, ids } = formulation();
  const [index, etf] = form.accounts;
  const at = (id: string) => ids.indexOf(id);

  it('exist only for what the account holds or may buy', () => {
    const live = (block: typeof etf) => ids.filter((_, i) => block!.live[i] === 1);
    expect(live(index)).toEqual(['AAA', 'BBB', 'CCC', 'DDD']);
    // VOO is held (under noBuy: no buy variable); BND is the model's; the stocks are the index's.
    expect(live(etf)).toEqual(['VOO', 'BND']);
    expect(etf!.buy[at('VOO')]).toBe(etf!.zero);
    expect(etf!.hold[at('VOO')]).not.toBe(etf!.zero);
    expect(etf!.buy[at('BND')]).not.toBe(etf!.zero);
    for (const s of ['AAA', 'BBB', 'CCC', 'DDD']) {
      expect(etf!.buy[at(s)]).toBe(etf!.zero);
      expect(etf!.hold[at(s)]).toBe(etf!.zero);
    }
  });

  it('point the rest at one variable fixed at 0, in no row and with no cost', () => {
    const { problem } = form;
    const z = etf!.zero;
    expect([problem.lb[z], problem.ub[z], problem.q[z]]).toEqual([0, 0, 0]);
    expect(entries(problem.A, z) + entries(problem.C, z) + entries(problem.P, z)).toBe(0);
  });

  it('leave the ETF group’s factor rows spanning only its live holdings', () => {
    const A = form.problem.A!;
    const group = form.groups.find((g) => g.accounts[0] === etf!.account)!;
    const allowed = new Set([...group.factorVar, etf!.hold[at('VOO')]!, etf!.hold[at('BND')]!]);
    for (const f of group.factorVar) {
      // g_j appears only in the row that defines it.
      expect(entries(A, f)).toBe(1);
      const columns = rowColumns(A, A.rowIdx[A.colPtr[f]!]!);
      expect(columns.length).toBeGreaterThan(1);
      for (const j of columns) expect(allowed.has(j)).toBe(true);
    }
  });

  it('read 0 at the optimum wherever the account can touch nothing', () => {
    applyRiskAversion(
      form,
      Float64Array.from(form.groups, (g) => g.baseAversion),
    );
    const { x, status } = solveQp(form.problem);
    expect(status).toBe('optimal');
    expect(x[etf!.zero]).toBe(0);
    // The benchmark still counts for the dead weights: the ETF account holds VOO, not nothing.
    expect(x[etf!.hold[at('VOO')]!]).toBeGreaterThan(0);
  });
});
