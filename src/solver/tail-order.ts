/**
 * Gathering the dense rows into one trailing block without changing the fill.
 *
 * A household with several accounts has one group of k factor rows per account (each touching
 * that account's weight of every security) plus a cash row per account. AMD keeps the factor
 * rows inside the elimination, which is right for fill (each weight is eliminated onto its k
 * factor rows, then the k rows form a small clique), but it eliminates each group as soon as its
 * weights are gone, i.e. in the middle of the ordering. The dense tail (dense-tail.ts) only
 * takes a trailing block, so all but the last group are then factorised by the sparse
 * up-looking kernel: Σ_weights (k+1)²/2 scattered multiply-adds, ≈ 3× slower per operation than
 * the panel Schur kernel that would do the same work on a trailing group.
 *
 * Any topological order of the elimination tree has the same filled graph, hence the same L
 * pattern up to the permutation (Liu, "The role of elimination trees in sparse factorization",
 * SIMAX 1990). If T is closed upwards (k ∈ T ⇒ parent(k) ∈ T), "the pivots not in T in their
 * order, then T in its order" is such an order: a child keeps preceding its parent. So moving
 * the dense rows and all their etree ancestors to the end costs no fill, and the caller can
 * make the whole of T the dense tail when the cost model below says that is cheaper.
 */

/**
 * Marks every seed and all its etree ancestors (`etree[k]` = parent of pivot k, −1 for a root).
 * Returns the marks and their number.
 */
export function closeUpward(
  etree: Int32Array,
  seed: Uint8Array,
): { inTail: Uint8Array; size: number } {
  const n = etree.length;
  if (seed.length !== n) throw new Error('solver internal error: seed length mismatch');
  const inTail = new Uint8Array(n);
  let size = 0;
  for (let k = 0; k < n; k++) {
    if (!seed[k]) continue;
    // Stop at the first marked node: its ancestors are marked already.
    for (let i = k; i !== -1 && !inTail[i]; i = etree[i]!) {
      inTail[i] = 1;
      size++;
    }
  }
  return { inTail, size };
}

/**
 * perm with the pivots marked in `inTail` (positions in perm) moved to the end, both parts in
 * their original relative order.
 */
export function tailLast(perm: Int32Array, inTail: Uint8Array): Int32Array {
  const n = perm.length;
  if (inTail.length !== n) throw new Error('solver internal error: tail mark length mismatch');
  const out = new Int32Array(n);
  let front = 0;
  for (let k = 0; k < n; k++) if (!inTail[k]) out[front++] = perm[k]!;
  for (let k = 0; k < n; k++) if (inTail[k]) out[front++] = perm[k]!;
  return out;
}

/**
 * Relative cost of one operation in each kernel of ldl.ts, measured on household KKT systems
 * (Node 20): the up-looking sparse update ≈ 3 ns per multiply-add (indirect loads and
 * scatters), the column push into the panels ≈ 1.5 ns, the panel Schur product and the dense
 * LDLᵀ ≈ 0.7 ns (register-blocked, contiguous).
 */
const SPARSE_WEIGHT = 4;
const PUSH_WEIGHT = 2;

/**
 * Estimated factorisation work when the pivots marked in `inTail` form the dense tail T (moved
 * to the end, which leaves the L pattern as it is) and the rest S stay sparse. Everything is in
 * the labelling of the given ordering: Kp, Ki its strict upper CSC, etree and column counts of
 * its L. For an S-column c with s_c entries in S rows and p_c in T rows:
 *   sparse part  Σ_j j ≈ s_c²/2,   push into the panels  s_c·p_c,   Schur update  p_c²/2,
 * and the dense LDLᵀ of T costs t³/6, weighted as above (dense operations cost 1).
 */
export function splitCost(
  Kp: Int32Array,
  Ki: Int32Array,
  etree: Int32Array,
  counts: Int32Array,
  inTail: Uint8Array,
): number {
  const n = etree.length;
  if (inTail.length !== n) throw new Error('solver internal error: tail mark length mismatch');
  // p_c = number of T rows in column c of L: count c once in the row reach of each T row k
  // (the etree paths from the entries of column k of K up to k).
  const rowsInT = new Int32Array(n);
  const flag = new Int32Array(n).fill(-1);
  let t = 0;
  for (let k = 0; k < n; k++) {
    if (!inTail[k]) continue;
    t++;
    flag[k] = k;
    for (let p = Kp[k]!; p < Kp[k + 1]!; p++) {
      for (let i = Ki[p]!; flag[i] !== k; i = etree[i]!) {
        flag[i] = k;
        rowsInT[i]!++;
      }
    }
  }
  let cost = 0;
  for (let c = 0; c < n; c++) {
    if (inTail[c]) continue;
    const pc = rowsInT[c]!;
    const sc = counts[c]! - pc;
    cost += (SPARSE_WEIGHT * sc * sc) / 2 + PUSH_WEIGHT * sc * pc + (pc * pc) / 2;
  }
  return cost + (t * t * t) / 6;
}
