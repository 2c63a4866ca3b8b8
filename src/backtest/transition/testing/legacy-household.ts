/**
 * The legacy household of the transition tests (examples/transition/legacy-household.json): one $2,037,909 taxable account holding seven
 * stocks — six bought long ago with $1.54M of long-term gains, DIS $40,332 under water, and one
 * short-term JPM lot $5,158 up — plus $40,000 cash, on a 70/30 ETF model (VOO, VEA, VWO, BND,
 * BNDX) that the default risk model covers, with a 0.5% tracking-error limit and a gain budget of
 * its own that the plan replaces. Stock prices are the shipped 2026 snapshot (data/securities),
 * fund prices those of examples/rebalance/smith-household.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RebalanceRequest } from '../../../domain/index.js';
import { formatProblems } from '../../../domain/index.js';
import { parseRebalanceRequest } from '../../../io/index.js';

/** The fixture's path (for the CLI tests). */
export const LEGACY_HOUSEHOLD_FILE = join(
  import.meta.dirname,
  '../../../../examples/transition/legacy-household.json',
);

/** The legacy household's rebalance request, validated. */
export function loadLegacyHousehold(): RebalanceRequest {
  const parsed = parseRebalanceRequest(JSON.parse(readFileSync(LEGACY_HOUSEHOLD_FILE, 'utf8')));
  if (!parsed.ok) throw new Error(`legacy-household.json:\n${formatProblems(parsed.problems)}`);
  return parsed.value;
}
