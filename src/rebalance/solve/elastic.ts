/** Elastic slacks of the soft limits, opened in the spec's order (turnover, then gain budgets). */
import type { Formulation } from '../problem/index.js';

/** How far the soft limits are elastic: 0 none, 1 turnover, 2 turnover and gain budgets. */
export type ElasticLevel = 0 | 1 | 2;

export function hasTurnoverLimit(form: Formulation): boolean {
  return form.accounts.some((blk) => blk.turnoverRow >= 0);
}

/** Opens or closes the elastic slacks of the soft limits. */
export function setElastic(form: Formulation, level: ElasticLevel): void {
  const ub = form.problem.ub;
  const turnover = level >= 1 ? Infinity : 0;
  for (const blk of form.accounts) if (blk.turnoverRow >= 0) ub[blk.turnoverSlack] = turnover;
  const open = level >= 2 ? Infinity : 0;
  const { gainRows, gainSlacks } = form;
  if (gainRows.shortTerm >= 0) ub[gainSlacks.shortTerm] = open;
  if (gainRows.longTerm >= 0) ub[gainSlacks.longTerm] = open;
  if (gainRows.total >= 0) ub[gainSlacks.total] = open;
}
