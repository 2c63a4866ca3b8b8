/** What the invariant checker reports: one broken rule of one account's proposal. */

/** A rule of the spec that a proposal breaks. `account` is `''` for the response as a whole. */
export interface Violation {
  account: string;
  /** A short stable name of the rule, e.g. `cash.min` or `wash.buyAfterLoss`. */
  rule: string;
  message: string;
}

/** Collects violations for one account. */
export class Findings {
  readonly list: Violation[] = [];

  /** Records a violation of `rule` by `account`. */
  add(account: string, rule: string, message: string): void {
    this.list.push({ account, rule, message });
  }

  /** Records a violation unless `holds`. */
  expect(holds: boolean, account: string, rule: string, message: () => string): void {
    if (!holds) this.add(account, rule, message());
  }
}

/** Absolute tolerance on money (one cent plus float noise). */
export const CENT = 0.01 + 1e-9;

/** Absolute tolerance on weights, drift and turnover. */
export const WEIGHT_EPS = 1e-9;

/** Formats a number for a message. */
export function fmt(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
}
