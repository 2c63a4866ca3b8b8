/**
 * Time-weighted returns of one arm: a unit value moved by each day's return net of external
 * flows, before tax (tax payments are flows out of the account) and after tax (they are losses;
 * a year's tax is a liability from the year's last day until it is paid), plus the daily
 * active returns of the taxable account against its benchmark, for the realized tracking error.
 */

/** Running unit values and the daily series they are built from. */
export class NavTracker {
  preTax = 1;
  afterTax = 1;
  private lastValueUsd: number;
  private lastAfterTaxUsd: number;
  /** The taxable account's daily return minus its benchmark's, per simulated day. */
  readonly active: number[] = [];

  constructor(initialValueUsd: number) {
    this.lastValueUsd = initialValueUsd;
    this.lastAfterTaxUsd = initialValueUsd;
  }

  /**
   * One day. `valueUsd`: the arm's value at the close; `contributionUsd`: flows in from the
   * client (negative: out); `taxPaidUsd`: tax leaving (negative: a refund arriving);
   * `liabilityUsd`: tax owed and not yet paid at the close.
   */
  day(valueUsd: number, contributionUsd: number, taxPaidUsd: number, liabilityUsd: number): void {
    // Flows arrive at the start of the day, so they earn the day's return (Modified Dietz, 1 day).
    const preBase = this.lastValueUsd + contributionUsd - taxPaidUsd;
    if (preBase > 0) this.preTax *= valueUsd / preBase;
    const afterTaxUsd = valueUsd - liabilityUsd;
    const afterBase = this.lastAfterTaxUsd + contributionUsd;
    if (afterBase > 0) this.afterTax *= afterTaxUsd / afterBase;
    this.lastValueUsd = valueUsd;
    this.lastAfterTaxUsd = afterTaxUsd;
  }
}

/** Annualised from a unit value reached over `years`. */
export function annualise(unitValue: number, years: number): number {
  return unitValue > 0 ? Math.pow(unitValue, 1 / years) - 1 : -1;
}

/** Annualised standard deviation of daily returns (√252 scaling); 0 for fewer than two days. */
export function annualisedStdev(daily: readonly number[]): number {
  if (daily.length < 2) return 0;
  const mean = daily.reduce((s, x) => s + x, 0) / daily.length;
  const variance = daily.reduce((s, x) => s + (x - mean) ** 2, 0) / (daily.length - 1);
  return Math.sqrt(variance * 252);
}
