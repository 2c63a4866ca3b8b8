import { describe, expect, it } from 'vitest';
import { resolveRiskModel } from '../../risk/index.js';
import { solveQp } from '../../solver/index.js';
import { buildHouseholdContext } from '../context/index.js';
import { balancedFundHousehold } from '../test-support/balanced-fund-household.js';
import { formulate } from './formulate.js';
import { applyRiskAversion, objectiveAt } from './formulation.js';

describe('objectiveAt', () => {
  it("is the solver's objective at the λ the problem was solved at, and follows λ without solving", () => {
    const req = balancedFundHousehold();
    const ctx = buildHouseholdContext(req, resolveRiskModel(req.riskModel, req.securities).model);
    const form = formulate(ctx);
    const base = Float64Array.from(form.groups, (g) => g.baseAversion);
    applyRiskAversion(form, base);
    const solved = solveQp(form.problem);
    expect(objectiveAt(form, base, solved.x)).toBeCloseTo(solved.objective, 10);
    // At 3λ the risk part triples: f(3λ) − f(λ) = 2 (f(λ) − f(0)).
    const triple = base.map((l) => 3 * l);
    const none = base.map(() => 0);
    const [f0, f1, f3] = [none, base, triple].map((l) => objectiveAt(form, l, solved.x));
    expect(f3! - f1!).toBeCloseTo(2 * (f1! - f0!), 10);
    expect(f1! - f0!).not.toBeCloseTo(0, 6);
    // The problem itself is left as it was.
    expect(solveQp(form.problem).objective).toBeCloseTo(solved.objective, 10);
  });
});
