/** Small helpers over a seeded uniform source, for deterministic generated households. */
import { seededRandom } from '../../domain/random.js';

/** Deterministic draws for one seed. */
export interface SeededDraw {
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Integer in [lo, hi], inclusive. */
  int(lo: number, hi: number): number;
  /** True with probability `percent` / 100. */
  chance(percent: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items (all of them if fewer), in drawn order. */
  sample<T>(items: readonly T[], count: number): T[];
}

/** The draws of `seed` (mulberry32 underneath, so identical on every machine). */
export function seededDraw(seed: number): SeededDraw {
  const next = seededRandom(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return {
    uniform: (lo, hi) => lo + next() * (hi - lo),
    int,
    chance: (percent) => next() * 100 < percent,
    pick: (items) => items[int(0, items.length - 1)]!,
    sample: (items, count) => {
      const pool = [...items];
      const out: (typeof items)[number][] = [];
      while (out.length < count && pool.length > 0)
        out.push(pool.splice(int(0, pool.length - 1), 1)[0]!);
      return out;
    },
  };
}

/** The ISO date `days` after `iso` (negative: before). */
export function shiftDate(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
