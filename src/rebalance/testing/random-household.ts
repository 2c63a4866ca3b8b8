/**
 * Random but VALID small households for the rebalance property tests: 3–10 securities (wash groups,
 * sectors, tags, lot sizes, a cash equivalent), 1–3 models including a model of models, usually an
 * explicit positive semi-definite risk model, 1–3 accounts (taxable, deferred, exempt; held away;
 * model null) with lots near their long-term date or bought on Feb 29, recent fills in and out of
 * the wash window, and random settings — now and then a real contradiction (noHold + noSell on a
 * held security, a withdrawal larger than the account) and a household model.
 *
 * Built with `fc.gen()`, so fast-check shrinks every choice towards its simplest value.
 */
import fc from 'fast-check';
import type {
  AccountSettings,
  Model,
  RebalanceAccount,
  RebalanceRequest,
  Security,
  Substitution,
} from '../../domain/index.js';
import { toDay, toIso } from '../../tax/index.js';
import { draw, type Draw } from './random-draw.js';
import { randomFills, randomLots } from './random-holdings.js';
import { randomModels, randomRiskModel, randomSecurities } from './random-market.js';
import { randomSettings } from './random-settings.js';

function randomAccount(
  d: Draw,
  i: number,
  securities: readonly Security[],
  models: readonly Model[],
  substitutions: readonly Substitution[],
  asOf: number,
): RebalanceAccount {
  const lots = randomLots(d, securities, asOf);
  const account: RebalanceAccount = {
    id: `A${i}`,
    taxStatus: d.pick(['taxable', 'taxable', 'deferred', 'exempt'] as const),
    model: d.chance(20) ? null : d.pick(models).id,
    cash: d.chance(20) ? 0 : d.int(0, 2_000_000) / 100,
    lots,
    recentTrades: randomFills(d, securities, lots, asOf),
  };
  if (d.chance(15)) account.tradable = false;
  else if (d.chance(30)) account.tradable = true;
  if (d.chance(85)) {
    const settings: AccountSettings = randomSettings(d, account, securities, substitutions);
    if (Object.keys(settings).length > 0 || d.chance(20)) account.settings = settings;
  }
  return account;
}

/** Arbitrary valid households (spec §1); see the file comment for what they cover. */
export function householdArbitrary(): fc.Arbitrary<RebalanceRequest> {
  return fc.gen().map((g) => {
    const d = draw(g);
    const asOf = d.chance(15)
      ? toDay(d.pick(['2025-02-28', '2025-03-01']))
      : toDay('2025-01-01') + d.int(0, 730);
    const securities = randomSecurities(d);
    const models = randomModels(d, securities);
    const substitutions: Substitution[] = [];
    for (let n = d.int(0, 2); n > 0; n--) {
      const from = d.pick(securities).id;
      const to = d.pick(securities).id;
      if (from !== to && !substitutions.some((s) => s.from === from))
        substitutions.push({ from, to });
    }
    const request: RebalanceRequest = {
      asOf: toIso(asOf),
      securities,
      models,
      household: { id: 'H', shortTermRate: d.int(20, 50) / 100, longTermRate: d.int(10, 30) / 100 },
      accounts: Array.from({ length: d.int(1, 3) }, (_, i) =>
        randomAccount(d, i + 1, securities, models, substitutions, asOf),
      ),
    };
    if (d.chance(85)) request.riskModel = randomRiskModel(d, securities);
    if (d.chance(20)) request.household.model = d.pick(models).id;
    else if (d.chance(30)) request.household.model = null;
    return request;
  });
}
