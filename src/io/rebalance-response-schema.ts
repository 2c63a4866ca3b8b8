/** Spec §2: the rebalance response. */
import { z } from 'zod';
import type { Problem } from '../domain/problem.js';
import { AccountSummarySchema } from './account-summary-schema.js';
import type { Rule } from './cross-check.js';
import { withRules } from './cross-check.js';
import { IdSchema } from './id.js';
import { IsoDateSchema } from './iso-date.js';
import { ProposedTradeSchema } from './proposed-trade-schema.js';
import { strictObject } from './strict-object.js';
import { field, listAt, textAt } from './unknown-reader.js';

/** An account's status. */
export const AccountStatusSchema = z.enum(['ok', 'noTrade', 'relaxed', 'error']);

/** The status agrees with the trades, the relaxations and the error (spec Definitions: Status). */
const statusRule: Rule = (proposal) => {
  const status = textAt(proposal, 'status');
  const trades = listAt(proposal, 'trades').length;
  const relaxed = listAt(field(proposal, 'summary'), 'relaxed').length;
  const error = field(proposal, 'error');
  const problems: Problem[] = [];
  const check = (holds: boolean, path: (string | number)[], message: string) => {
    if (!holds) problems.push({ path, code: 'status_mismatch', message });
  };
  if (status === undefined) return problems;
  if (status === 'error')
    check(error !== null, ['error'], 'status "error" needs an error { code, message }');
  else
    check(
      error === null || error === undefined,
      ['error'],
      `error must be null when status is "${status}"`,
    );
  if (status === 'ok')
    check(trades > 0 && relaxed === 0, ['status'], 'status "ok" means trades and nothing relaxed');
  if (status === 'noTrade')
    check(
      trades === 0 && relaxed === 0,
      ['status'],
      'status "noTrade" means no trades and nothing relaxed',
    );
  if (status === 'relaxed')
    check(
      relaxed > 0,
      ['summary', 'relaxed'],
      'status "relaxed" must say what gave way in summary.relaxed',
    );
  return problems;
};

/** The proposal for one account (spec §2 `accounts[]`). */
export const AccountProposalSchema = withRules(
  strictObject({
    id: IdSchema,
    status: AccountStatusSchema,
    trades: z.array(ProposedTradeSchema),
    summary: AccountSummarySchema,
    error: strictObject({ code: z.string().min(1), message: z.string().min(1) }).nullable(),
  }),
  statusRule,
);

/** The rebalance response: one proposal per account; `asOf` is echoed. */
export const RebalanceResponseSchema = strictObject({
  asOf: IsoDateSchema,
  accounts: z.array(AccountProposalSchema),
}).describe(
  'Tailor rebalance response (spec §2). Checked beyond this schema: a sell lists its lots, which ' +
    'sum to its quantity, a buy none; error is non-null exactly when status is "error"; "ok" has ' +
    'trades, "noTrade" none, and only "relaxed" lists relaxations.',
);
