/**
 * The benchmarks' own returns: each model held at its targets from a month end and left to
 * drift with prices until the next, when it is reset to the targets — what an account that
 * rebalances monthly and trades perfectly would earn. (Fixed weights every day would charge the
 * account with a daily rebalancing it never does: 2.4% of false tracking error in late 2008.)
 * The direct index's constant-share targets drift exactly like this, so for it the reset is a
 * no-op. Cash, the model's remainder, earns nothing.
 */
import type { Model } from '../domain/index.js';

/** Drifting weights per model. */
export class BenchmarkBook {
  private weights = new Map<string, Map<string, number>>();

  constructor(models: readonly Model[]) {
    this.reset(models);
  }

  /** Back to the models' targets (at a month end, after the day's return). */
  reset(models: readonly Model[]): void {
    this.weights = new Map(
      models.map((m) => [
        m.id,
        new Map(
          m.targets.flatMap((x) => ('security' in x ? [[x.security, x.weight] as const] : [])),
        ),
      ]),
    );
  }

  /**
   * One day: each model's return given each security's return `r(id)`, and the weights drift:
   * w_i ← w_i (1 + r_i) / (1 + r_model).
   */
  step(r: (id: string) => number): Map<string, number> {
    const returns = new Map<string, number>();
    for (const [id, weights] of this.weights) {
      let total = 0;
      for (const [security, w] of weights) {
        total += w * r(security);
      }
      for (const [security, w] of weights)
        weights.set(security, (w * (1 + r(security))) / (1 + total));
      returns.set(id, total);
    }
    return returns;
  }
}
