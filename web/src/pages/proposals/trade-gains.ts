/**
 * Realized gain per stored trade, read from the engine's response in the proposal: a sell's
 * lot lines carry the gain, and the stored trade keeps the same account, security and side.
 */
import type { ProposalDetail } from '../../api/types';

const key = (account: string, security: string, side: string): string =>
  `${account}\u0000${security}\u0000${side}`;

/** Gains of sells by (account, security, side); buys have none. */
export function tradeGains(p: ProposalDetail): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of p.response?.accounts ?? [])
    for (const t of a.trades)
      if (t.lots?.length)
        out.set(
          key(a.id, t.security, t.side),
          t.lots.reduce((s, l) => s + l.gain, 0),
        );
  return out;
}

/** The gain of one stored trade, or undefined for a buy or an unknown trade. */
export function gainOf(
  gains: ReadonlyMap<string, number>,
  t: { accountId: string; securityId: string; side: string },
): number | undefined {
  return gains.get(key(t.accountId, t.securityId, t.side));
}
