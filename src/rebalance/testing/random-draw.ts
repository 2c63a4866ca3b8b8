/** Random choices for the household generator, drawn from a fast-check `gen()` so they shrink. */
import fc from 'fast-check';

/** The random choices the builders draw. */
export interface Draw {
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  /** True with `percent` % probability. */
  chance(percent: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** The choices of one `fc.gen()` value. */
export function draw(g: fc.GeneratorValue): Draw {
  const int = (min: number, max: number): number =>
    max <= min ? min : g(fc.integer, { min, max });
  return {
    int,
    chance: (percent) => int(0, 99) < percent,
    pick: (items) => items[int(0, items.length - 1)]!,
  };
}

/** Rounds money to the cent. */
export const round2 = (x: number): number => Math.round(x * 100) / 100;
