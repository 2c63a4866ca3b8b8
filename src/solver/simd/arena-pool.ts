/**
 * Arenas of released solvers, kept for the next solvers of about their size.
 *
 * A new arena is a new WebAssembly memory and instance: ≈ 40–65 µs to make, its pages faulted in
 * on first touch, and memories the collector must find. The solver cache makes a solver for
 * every new pattern (each household of a book run has its own) and drops one at a time, so it
 * hands their arenas back here: a 20 × 10 first solve (analysis and solve) took 818 µs with
 * TypeScript kernels and 1,266 µs with a new arena each time.
 */
import { VectorArena } from './vector-arena.js';

/** Arenas kept at most (each one solver's vectors: 64 KiB for a small account, ≈ 1 MB for 500 securities). */
const MAX_POOLED = 8;
/** An arena more than this many times the size asked for is left for larger solvers. */
const MAX_WASTE = 4;

const pool: VectorArena[] = [];
let made = 0;

/** An arena with room for `bytes`: a released one of about that size, or a new one. */
export function takeArena(bytes: number): VectorArena {
  for (let i = pool.length - 1; i >= 0; i--) {
    const arena = pool[i]!;
    if (arena.capacity >= bytes && arena.capacity <= MAX_WASTE * bytes + 65536) {
      pool.splice(i, 1);
      arena.reset();
      return arena;
    }
  }
  made++;
  return new VectorArena(bytes);
}

/**
 * Hands back the arena of a solver that will not solve again (the cache's evicted solvers);
 * the oldest kept one makes room when the pool is full.
 */
export function releaseArena(arena: VectorArena): void {
  if (pool.length >= MAX_POOLED) pool.shift();
  pool.push(arena);
}

/** Arenas kept now (for tests). */
export function pooledArenas(): number {
  return pool.length;
}

/** Arenas made new so far (for tests). */
export function arenasMade(): number {
  return made;
}
