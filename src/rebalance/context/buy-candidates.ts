/**
 * Which securities an account may buy at all (docs/optimization.md §3, "Buy candidates"). A
 * household request lists every security any of its accounts needs: a direct-index account
 * brings ~500 stocks into a household whose ETF accounts hold five funds. An account buys only
 *
 *     C_a = { i : w^b_ai > 0 }  ∪  { i : a holds i }  ∪  { i : w^b_ci = 0 for every account c }
 *
 * (its benchmark — in household mode the household's, shared by every account — what it holds,
 * and the securities no account's benchmark asks for: alternatives the request lists on purpose,
 * such as a harvest's replacement fund). A security that only another account's model asks for
 * is never bought: it would serve this account's tracking error only as a proxy, at a spread,
 * and the household QP would carry the account's buy and hold variables and factor-row entries
 * for all of them (for a direct-index household, ~500 per ETF account for 5 useful ones).
 *
 * This is a rule of the formulation, not a restriction: it never sets `rules.noBuy`, so no
 * explanation, trade reason or customization cost names it.
 */

/** What the rule reads of an account (every account of the household, held-away ones too). */
export interface CandidateInputs {
  /** Benchmark weights per security (the household's in household mode). */
  benchmark: Float64Array;
  /** Shares held per security. */
  heldQuantity: Float64Array;
}

/**
 * The buy candidates of every account: 1 where account `a` may buy security `i` as far as the
 * candidate rule goes (its restrictions, wash-sale blocks and trading mode still apply).
 *
 * @example
 * // DI account: 3 stocks; ETF account: VTI. IVV, in no benchmark, is a candidate for both.
 * buyCandidates([di, etf]); // [[1,1,1,0,1], [0,0,0,1,1]] for securities [A, B, C, VTI, IVV]
 */
export function buyCandidates(accounts: readonly CandidateInputs[]): Uint8Array[] {
  const n = accounts[0]?.benchmark.length ?? 0;
  const claimed = new Uint8Array(n);
  for (const a of accounts) {
    for (let i = 0; i < n; i++) if (a.benchmark[i]! > 0) claimed[i] = 1;
  }
  const candidates: Uint8Array[] = [];
  for (const a of accounts) {
    const candidate = new Uint8Array(claimed.length);
    for (let i = 0; i < candidate.length; i++) {
      candidate[i] = claimed[i] === 0 || a.benchmark[i]! > 0 || a.heldQuantity[i]! > 0 ? 1 : 0;
    }
    candidates.push(candidate);
  }
  return candidates;
}
