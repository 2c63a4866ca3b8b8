/**
 * Symbolic analysis of a symmetric (quasi-definite) matrix K = L D Lᵀ, done once per pattern.
 *
 * Input: the strictly-upper off-diagonal entries of K as (row, col) pairs; the diagonal is
 * always structurally present. Steps:
 *  1. AMD ordering of the adjacency graph (both triangles), with the dense rows and their
 *     etree ancestors moved to the end when that makes a cheaper dense tail (tail-order.ts).
 *  2. The permuted strict upper triangle in CSC with a map entry → slot, so numeric values are
 *     scattered by one gather per solve.
 *  3. Elimination tree and column counts of L (Liu's path marking, as in QDLDL).
 *  4. The reach of every row of L in topological order (what the up-looking factorisation
 *     visits), split by the dense-tail structure of dense-tail.ts.
 */
import { amdOrder, denseThreshold } from './amd.js';
import { buildTail, chooseSplit, type TailStructure } from './dense-tail.js';
import { Slab } from './slab.js';
import { peelTail } from './tail-peel.js';
import { closeUpward, splitCost, tailLast } from './tail-order.js';

export interface Symbolic {
  /** Dimension of K. */
  readonly n: number;
  /** perm[k] = original index of pivot k; pinv is its inverse. */
  readonly perm: Int32Array;
  readonly pinv: Int32Array;
  /** Permuted strict upper triangle of K: column k holds rows < k. */
  readonly Kp: Int32Array;
  readonly Ki: Int32Array;
  /** Slot in the permuted value array of every input entry. */
  readonly entrySlot: Int32Array;
  /** Total nonzeros of L (sparse part, panels and dense tail together). */
  readonly lnz: number;
  /** Sparse part, panels and dense tail of L. */
  readonly tail: TailStructure;
}

/** Full symmetric adjacency (no diagonal) from strictly-upper pairs, for the ordering. */
function adjacency(n: number, rows: Int32Array, cols: Int32Array, nt: number) {
  const slab = new Slab(4 * (2 * n + 2 * nt + 3));
  const ptr = slab.i32(n + 1);
  for (let t = 0; t < nt; t++) {
    ptr[rows[t]! + 1]!++;
    ptr[cols[t]! + 1]!++;
  }
  for (let i = 0; i < n; i++) ptr[i + 1]! += ptr[i]!;
  const idx = slab.i32(ptr[n]!);
  const fill = slab.i32From(ptr, n);
  for (let t = 0; t < nt; t++) {
    const i = rows[t]!;
    const j = cols[t]!;
    idx[fill[i]!++] = j;
    idx[fill[j]!++] = i;
  }
  return { ptr, idx };
}

function isPermutation(p: Int32Array, n: number): boolean {
  if (p.length !== n) return false;
  const seen = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const i = p[k]!;
    if (!(i >= 0 && i < n) || seen[i]) return false;
    seen[i] = 1;
  }
  return true;
}

/** Elimination tree and column counts: walk from each entry up to a node already visited. */
function etreeAndCounts(n: number, Kp: Int32Array, Ki: Int32Array) {
  const slab = new Slab(4 * (3 * n + 6));
  const etree = slab.i32(n).fill(-1);
  const counts = slab.i32(n);
  const flag = slab.i32(n).fill(-1);
  for (let j = 0; j < n; j++) {
    flag[j] = j;
    for (let p = Kp[j]!; p < Kp[j + 1]!; p++) {
      let i = Ki[p]!;
      while (flag[i] !== j) {
        if (etree[i] === -1) etree[i] = j;
        counts[i]!++;
        flag[i] = j;
        i = etree[i]!;
      }
    }
  }
  return { etree, counts };
}

/**
 * Row patterns of L: reach of column k of K in the elimination tree, in topological order
 * (descendants first), as CSR lists (Rp, Rc).
 */
function rowPatterns(n: number, Kp: Int32Array, Ki: Int32Array, etree: Int32Array, lnz: number) {
  const slab = new Slab(4 * (4 * n + lnz + 10));
  const Rp = slab.i32(n + 1);
  const Rc = slab.i32(lnz);
  const flag = slab.i32(n).fill(-1);
  const stack = slab.i32(n);
  const path = slab.i32(n);
  let r = 0;
  for (let k = 0; k < n; k++) {
    let top = 0;
    flag[k] = k;
    for (let p = Kp[k]!; p < Kp[k + 1]!; p++) {
      let i = Ki[p]!;
      let len = 0;
      while (flag[i] !== k) {
        path[len++] = i;
        flag[i] = k;
        i = etree[i]!;
      }
      while (len > 0) stack[top++] = path[--len]!;
    }
    // The stack holds reversed paths; popping yields a topological order.
    while (top > 0) Rc[r++] = stack[--top]!;
    Rp[k + 1] = r;
  }
  return { Rp, Rc };
}

/** Permuted strict upper triangle: entry (i, j) lands in column max(pi, pj), row min(pi, pj). */
function permutedPattern(
  n: number,
  rows: Int32Array,
  cols: Int32Array,
  nt: number,
  perm: Int32Array,
) {
  const slab = new Slab(4 * (3 * n + 2 * nt + 10));
  const pinv = slab.i32(n);
  for (let k = 0; k < n; k++) pinv[perm[k]!] = k;
  const Kp = slab.i32(n + 1);
  for (let t = 0; t < nt; t++) Kp[Math.max(pinv[rows[t]!]!, pinv[cols[t]!]!) + 1]!++;
  for (let k = 0; k < n; k++) Kp[k + 1]! += Kp[k]!;
  const Ki = slab.i32(nt);
  const entrySlot = slab.i32(nt);
  const fill = slab.i32From(Kp, n);
  for (let t = 0; t < nt; t++) {
    const a = pinv[rows[t]!]!;
    const b = pinv[cols[t]!]!;
    const slot = fill[Math.max(a, b)]!++;
    Ki[slot] = Math.min(a, b);
    entrySlot[t] = slot;
  }
  return { pinv, Kp, Ki, entrySlot };
}

/**
 * Dense-row thresholds tried for the ordering. AMD's usual 10√n misses the linking rows of
 * small KKT systems (a cash or turnover row touching every lot of a 20-security account has
 * degree ≈ 80 < 10√175): ordered early, they join every weight into one clique and the dense
 * tail doubles (rebalance QPs with 20 securities and 20 factors: 40 instead of 28 pivots,
 * ≈ 13% slower solves). 5√n catches them; on large systems it instead pulls the factor rows
 * out too early, so the second ordering is analysed only for systems of at most
 * SMALL_SYSTEM pivots (and only when some row's degree lies between the two thresholds, since
 * otherwise both find the same dense rows and hence the same ordering).
 */
const DENSE_FACTORS = [10, 5];

/**
 * Largest system for which the 5√n ordering is tried. Measured on the solver benchmark family
 * (20 instances per size) and the 2,000-account demo book (932 households): 5√n gave fewer
 * flops only at 145–170 pivots (20 securities, 10–20 factors); from 600 to 750 pivots both gave
 * the same ordering, and from 1,500 to 6,000 pivots 5√n always cost 1.6–1.9× the flops of 10√n.
 * Skipping its analysis (an AMD run, a permuted pattern and an etree pass; the AMD run is the
 * cheap one, since it sets the factor rows aside) made the symbolic analysis of the book's
 * direct-index households 4–8% faster.
 */
const SMALL_SYSTEM = 1000;

/**
 * Where simplicial pivots are looked for in the tail (tail-peel.ts): systems of at most
 * SMALL_SYSTEM pivots with a tail of at least MIN_PEEL_TAIL. Building the tail's graph costs
 * O(nnz(K)), about 12% of the symbolic analysis of a direct-index household of the
 * 20,000-account demo book and of an ETF household alike, and in 80 of them (40 of each) it
 * changed nothing: their tails are complete graphs, or short (8–26 pivots) because AMD took the
 * factor rows first. Half-full tails of factor rows arise where factor rows and weights have
 * similar degrees, in small accounts (20 securities and 40 factors: a 40-pivot tail).
 */
const MIN_PEEL_TAIL = 32;

/** Longest dense tail (a t × t block, plus panels of t rows). */
const MAX_TAIL = 512;

/**
 * The gathered tail (tail-order.ts) replaces the plain split only when its estimated cost is
 * below this fraction of the plain one: the estimate is rough, and a near-tie is not worth a
 * different pivot order.
 */
const GATHER_GAIN = 0.9;

interface Ordering {
  perm: Int32Array;
  /** Pivots at the end that belong in the dense tail (0: the tail is chosen by density). */
  minTail: number;
  /** The permuted pattern, etree and counts of `perm` when the ordering step computed them. */
  analysed?: AnalysedOrdering;
}

/** An ordering with its permuted pattern, elimination tree and column counts of L. */
interface AnalysedOrdering {
  perm: Int32Array;
  pinv: Int32Array;
  Kp: Int32Array;
  Ki: Int32Array;
  entrySlot: Int32Array;
  etree: Int32Array;
  counts: Int32Array;
}

/**
 * Degree thresholds (× √n) for the rows gathered into the tail, strictest first. AMD's own
 * dense test (5√n) misses the factor rows of a household whose accounts each hold a few hundred
 * securities (degree ≈ securities + 1 against 5√n ≈ 265 for 3 accounts of 300); looser tests
 * are tried too and splitCost decides.
 */
const GATHER_FACTORS = [5, 2.5, 1.25];

/**
 * `o.perm`, or o.perm with the rows above one of the GATHER_FACTORS thresholds and their etree
 * ancestors moved to the end as the dense tail (same fill, see tail-order.ts), whichever
 * splitCost rates cheapest. All candidates are priced in o's labelling: moving T changes
 * neither the pattern of L nor, hence, the cost terms.
 */
function gatherDenseTail(o: AnalysedOrdering, degree: (i: number) => number): Ordering {
  const { perm, Kp, Ki, etree, counts } = o;
  const n = perm.length;
  const plain: Ordering = { perm, minTail: 0, analysed: o };
  const tailA = n - chooseSplit(n, counts, MAX_TAIL);
  let best: { inTail: Uint8Array; size: number } | null = null;
  let bestCost = Infinity;
  let lastSize = tailA;
  for (const factor of GATHER_FACTORS) {
    const threshold = denseThreshold(n, factor);
    const seed = new Uint8Array(n);
    for (let k = 0; k < n; k++) if (degree(perm[k]!) > threshold) seed[k] = 1;
    const candidate = closeUpward(etree, seed);
    // Looser thresholds only add pivots; a set no larger than the plain tail gains nothing.
    if (candidate.size <= lastSize) continue;
    lastSize = candidate.size;
    if (candidate.size > MAX_TAIL) break;
    const cost = splitCost(Kp, Ki, etree, counts, candidate.inTail);
    if (cost < bestCost) {
      best = candidate;
      bestCost = cost;
    }
  }
  if (best === null) return plain;
  const plainTail = new Uint8Array(n).fill(1, n - tailA);
  if (!(bestCost < GATHER_GAIN * splitCost(Kp, Ki, etree, counts, plainTail))) return plain;
  return { perm: tailLast(perm, best.inTail), minTail: best.size };
}

/**
 * The DENSE_FACTORS worth analysing for an n-node graph: the first, and each further one whose
 * threshold makes some row dense that the previous threshold did not (AMD uses the threshold
 * only to set dense rows aside at the start, so the same dense set gives the same ordering), up
 * to SMALL_SYSTEM nodes.
 */
export function orderingFactors(n: number, adjPtr: Int32Array): number[] {
  const factors = [DENSE_FACTORS[0]!];
  if (n > SMALL_SYSTEM) return factors;
  for (let f = 1; f < DENSE_FACTORS.length; f++) {
    const high = denseThreshold(n, DENSE_FACTORS[f - 1]!);
    const low = denseThreshold(n, DENSE_FACTORS[f]!);
    for (let i = 0; i < n; i++) {
      const degree = adjPtr[i + 1]! - adjPtr[i]!;
      if (degree > low && degree <= high) {
        factors.push(DENSE_FACTORS[f]!);
        break;
      }
    }
  }
  return factors;
}

/** The permuted pattern, elimination tree and column counts of one pivot order. */
function analyseOrder(
  n: number,
  rows: Int32Array,
  cols: Int32Array,
  nt: number,
  perm: Int32Array,
): AnalysedOrdering {
  const { pinv, Kp, Ki, entrySlot } = permutedPattern(n, rows, cols, nt, perm);
  const { etree, counts } = etreeAndCounts(n, Kp, Ki);
  return { perm, pinv, Kp, Ki, entrySlot, etree, counts };
}

/**
 * The AMD ordering with the fewest factorisation flops (Σ column count², one etree pass each),
 * then with its dense rows gathered into the tail when that is cheaper.
 */
function chooseOrdering(n: number, rows: Int32Array, cols: Int32Array, nt: number): Ordering {
  const adj = adjacency(n, rows, cols, nt);
  let best: AnalysedOrdering | null = null;
  let bestFlops = Infinity;
  for (const factor of orderingFactors(n, adj.ptr)) {
    const analysed = analyseOrder(n, rows, cols, nt, amdOrder(n, adj.ptr, adj.idx, factor));
    let flops = 0;
    for (let j = 0; j < n; j++) flops += analysed.counts[j]! * analysed.counts[j]!;
    if (flops < bestFlops) {
      best = analysed;
      bestFlops = flops;
    }
  }
  if (best === null) return { perm: new Int32Array(0), minTail: 0 };
  const chosen = gatherDenseTail(best, (i) => adj.ptr[i + 1]! - adj.ptr[i]!);
  // A gathered tail is kept whole: its groups of rows are meant for the dense kernels.
  if (chosen.minTail > 0 || n > SMALL_SYSTEM) return chosen;
  const tail = n - chooseSplit(n, best.counts, MAX_TAIL);
  if (tail < MIN_PEEL_TAIL) return chosen;
  const peeled = peelTail(n, adj.ptr, adj.idx, chosen.perm, tail);
  return peeled === null ? chosen : { perm: peeled.perm, minTail: 0 };
}

/**
 * Runs the analysis. `rows[t] < cols[t]` must hold for t < nt and pairs must be distinct.
 * `ordering` overrides AMD and `maxTail` bounds the dense tail (both mainly for tests).
 */
export function analyze(
  n: number,
  rows: Int32Array,
  cols: Int32Array,
  nt: number,
  ordering?: Int32Array,
  maxTail?: number,
): Symbolic {
  const chosen = ordering ? { perm: ordering, minTail: 0 } : chooseOrdering(n, rows, cols, nt);
  const { perm } = chosen;
  if (!isPermutation(perm, n))
    throw new Error('solver internal error: ordering is not a permutation');
  // The ordering step's analysis of the plain AMD order is reused as it stands.
  const { pinv, Kp, Ki, entrySlot, etree, counts } =
    chosen.analysed ?? analyseOrder(n, rows, cols, nt, perm);
  let lnz = 0;
  for (let j = 0; j < n; j++) lnz += counts[j]!;
  const { Rp, Rc } = rowPatterns(n, Kp, Ki, etree, lnz);
  const limit = maxTail ?? MAX_TAIL;
  const tail = buildTail(n, Kp, Ki, counts, Rp, Rc, limit, Math.min(chosen.minTail, limit));
  return { n, perm, pinv, Kp, Ki, entrySlot, lnz, tail };
}
