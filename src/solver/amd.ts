/**
 * Approximate minimum degree (AMD) fill-reducing ordering.
 *
 * Follows Amestoy, Davis & Duff, "An approximate minimum degree ordering algorithm" (SIMAX 1996),
 * in the compact form of CSparse's cs_amd (Davis, "Direct Methods for Sparse Linear Systems",
 * 2006): a quotient graph of variables and elements, approximate external degrees
 * d(i) ≈ |A_i \ i| + Σ_e |L_e \ L_k|, aggressive element absorption, supervariable detection by
 * hashing, mass elimination, and removal of dense rows (degree > 10√n), which are ordered last.
 * The result is postordered along the assembly tree so that related pivots are contiguous.
 */
import { postorderForest } from './postorder.js';
import { Slab } from './slab.js';

const flip = (i: number): number => -i - 2;

/** Resets the mark array w when the marker would overflow (keeps w[i] < mark for live i). */
function wclear(mark: number, lemax: number, w: Int32Array, n: number): number {
  if (mark < 2 || mark + lemax < 0 || mark + lemax > 0x3fffffff) {
    for (let k = 0; k < n; k++) if (w[k] !== 0) w[k] = 1;
    return 2;
  }
  return mark;
}

/** Degree above which AMD treats a row of an n-node graph as dense: denseFactor·√n, at least 16. */
export function denseThreshold(n: number, denseFactor: number): number {
  return Math.min(n - 2, Math.max(16, Math.floor(denseFactor * Math.sqrt(n))));
}

/**
 * Orders a symmetric pattern given as full adjacency lists (both triangles, no diagonal).
 * Rows of degree above denseFactor·√n (at least 16) count as dense and are ordered last.
 * Returns perm with perm[k] = original index of the k-th pivot.
 */
export function amdOrder(
  n: number,
  adjPtr: Int32Array,
  adjIdx: Int32Array,
  denseFactor = 10,
): Int32Array {
  if (n === 0) return new Int32Array(0);
  const cnz0 = adjPtr[n]!;
  const dense = denseThreshold(n, denseFactor);
  const nzmax = cnz0 + Math.floor(cnz0 / 5) + 2 * n;
  // The workspaces from one buffer (slab.ts): Ci, and ten arrays of n + 1.
  const slab = new Slab(4 * (nzmax + 10 * (n + 1) + 20));
  const Ci = slab.i32(nzmax);
  for (let p = 0; p < cnz0; p++) Ci[p] = adjIdx[p]!;
  const Cp = slab.i32From(adjPtr, n + 1);
  const len = slab.i32(n + 1);
  const nv = slab.i32(n + 1);
  const next = slab.i32(n + 1);
  const head = slab.i32(n + 1);
  const elen = slab.i32(n + 1);
  const degree = slab.i32(n + 1);
  const w = slab.i32(n + 1);
  const hhead = slab.i32(n + 1);
  const last = slab.i32(n + 1);
  let cnz = cnz0;
  let nel = 0;
  let mindeg = 0;
  let lemax = 0;

  for (let k = 0; k < n; k++) len[k] = Cp[k + 1]! - Cp[k]!;
  for (let i = 0; i <= n; i++) {
    head[i] = -1;
    last[i] = -1;
    next[i] = -1;
    hhead[i] = -1;
    nv[i] = 1;
    w[i] = 1;
    elen[i] = 0;
    degree[i] = len[i]!;
  }
  let mark = wclear(0, 0, w, n);
  elen[n] = -2;
  Cp[n] = -1;
  w[n] = 0;
  // Initial degree lists; empty nodes are eliminated at once, dense ones absorbed into node n.
  for (let i = 0; i < n; i++) {
    const d = degree[i]!;
    if (d === 0) {
      elen[i] = -2;
      nel++;
      Cp[i] = -1;
      w[i] = 0;
    } else if (d > dense) {
      nv[i] = 0;
      elen[i] = -1;
      nel++;
      Cp[i] = flip(n);
      nv[n]!++;
    } else {
      if (head[d] !== -1) last[head[d]!] = i;
      next[i] = head[d]!;
      head[d] = i;
    }
  }

  while (nel < n) {
    // Select a node k of minimum approximate degree and unlink it.
    let k = -1;
    for (; mindeg < n && (k = head[mindeg]!) === -1; mindeg++);
    if (next[k] !== -1) last[next[k]!] = -1;
    head[mindeg] = next[k]!;
    const elenk = elen[k]!;
    let nvk = nv[k]!;
    nel += nvk;

    // Garbage collection: compact Ci when the new element might not fit.
    if (elenk > 0 && cnz + mindeg >= nzmax) {
      for (let j = 0; j < n; j++) {
        const p = Cp[j]!;
        if (p >= 0) {
          Cp[j] = Ci[p]!;
          Ci[p] = flip(j);
        }
      }
      let q = 0;
      for (let p = 0; p < cnz;) {
        const j = flip(Ci[p++]!);
        if (j >= 0) {
          Ci[q] = Cp[j]!;
          Cp[j] = q++;
          for (let k3 = 0; k3 < len[j]! - 1; k3++) Ci[q++] = Ci[p++]!;
        }
      }
      cnz = q;
    }

    // Construct the new element L_k = (A_k ∪ ⋃_{e∈E_k} L_e) \ k.
    let dk = 0;
    nv[k] = -nvk;
    let p = Cp[k]!;
    const pk1 = elenk === 0 ? p : cnz;
    let pk2 = pk1;
    for (let k1 = 1; k1 <= elenk + 1; k1++) {
      let e: number;
      let pj: number;
      let ln: number;
      if (k1 > elenk) {
        e = k;
        pj = p;
        ln = len[k]! - elenk;
      } else {
        e = Ci[p++]!;
        pj = Cp[e]!;
        ln = len[e]!;
      }
      for (let k2 = 1; k2 <= ln; k2++) {
        const i = Ci[pj++]!;
        const nvi = nv[i]!;
        if (nvi <= 0) continue;
        dk += nvi;
        nv[i] = -nvi;
        Ci[pk2++] = i;
        if (next[i] !== -1) last[next[i]!] = last[i]!;
        if (last[i] !== -1) next[last[i]!] = next[i]!;
        else head[degree[i]!] = next[i]!;
      }
      if (e !== k) {
        Cp[e] = flip(k);
        w[e] = 0;
      }
    }
    if (elenk !== 0) cnz = pk2;
    degree[k] = dk;
    Cp[k] = pk1;
    len[k] = pk2 - pk1;
    elen[k] = -2;

    // Scan 1: w[e] − mark = |L_e \ L_k| for every element e adjacent to L_k.
    mark = wclear(mark, lemax, w, n);
    for (let pk = pk1; pk < pk2; pk++) {
      const i = Ci[pk]!;
      const eln = elen[i]!;
      if (eln <= 0) continue;
      const nvi = -nv[i]!;
      const wnvi = mark - nvi;
      for (let q = Cp[i]!, qe = Cp[i]! + eln; q < qe; q++) {
        const e = Ci[q]!;
        if (w[e]! >= mark) w[e]! -= nvi;
        else if (w[e] !== 0) w[e] = degree[e]! + wnvi;
      }
    }

    // Scan 2: approximate degree update, aggressive absorption, hashing.
    for (let pk = pk1; pk < pk2; pk++) {
      const i = Ci[pk]!;
      const p1 = Cp[i]!;
      const p2 = p1 + elen[i]! - 1;
      let pn = p1;
      let h = 0;
      let d = 0;
      for (let q = p1; q <= p2; q++) {
        const e = Ci[q]!;
        if (w[e] !== 0) {
          const dext = w[e]! - mark;
          if (dext > 0) {
            d += dext;
            Ci[pn++] = e;
            h += e;
          } else {
            Cp[e] = flip(k);
            w[e] = 0;
          }
        }
      }
      elen[i] = pn - p1 + 1;
      const p3 = pn;
      const p4 = p1 + len[i]!;
      for (let q = p2 + 1; q < p4; q++) {
        const j = Ci[q]!;
        const nvj = nv[j]!;
        if (nvj <= 0) continue;
        d += nvj;
        Ci[pn++] = j;
        h += j;
      }
      if (d === 0) {
        // Mass elimination: i is adjacent only to k.
        Cp[i] = flip(k);
        const nvi = -nv[i]!;
        dk -= nvi;
        nvk += nvi;
        nel += nvi;
        nv[i] = 0;
        elen[i] = -1;
      } else {
        degree[i] = Math.min(degree[i]!, d);
        Ci[pn] = Ci[p3]!;
        Ci[p3] = Ci[p1]!;
        Ci[p1] = k;
        len[i] = pn - p1 + 1;
        h %= n;
        next[i] = hhead[h]!;
        hhead[h] = i;
        last[i] = h;
      }
    }
    degree[k] = dk;
    lemax = Math.max(lemax, dk);
    mark = wclear(mark + lemax, lemax, w, n);

    // Supervariable detection: nodes with identical adjacency merge into one.
    for (let pk = pk1; pk < pk2; pk++) {
      let i = Ci[pk]!;
      if (nv[i]! >= 0) continue;
      const h = last[i]!;
      i = hhead[h]!;
      hhead[h] = -1;
      for (; i !== -1 && next[i] !== -1; i = next[i]!, mark++) {
        const ln = len[i]!;
        const eln = elen[i]!;
        for (let q = Cp[i]! + 1; q <= Cp[i]! + ln - 1; q++) w[Ci[q]!] = mark;
        let jlast = i;
        for (let j = next[i]!; j !== -1;) {
          let ok = len[j] === ln && elen[j] === eln;
          for (let q = Cp[j]! + 1; ok && q <= Cp[j]! + ln - 1; q++) {
            if (w[Ci[q]!] !== mark) ok = false;
          }
          if (ok) {
            Cp[j] = flip(i);
            nv[i]! += nv[j]!;
            nv[j] = 0;
            elen[j] = -1;
            j = next[j]!;
            next[jlast] = j;
          } else {
            jlast = j;
            j = next[j]!;
          }
        }
      }
    }

    // Finalise L_k and put its variables back into the degree lists.
    p = pk1;
    for (let pk = pk1; pk < pk2; pk++) {
      const i = Ci[pk]!;
      const nvi = -nv[i]!;
      if (nvi <= 0) continue;
      nv[i] = nvi;
      let d = degree[i]! + dk - nvi;
      d = Math.min(d, n - nel - nvi);
      if (head[d] !== -1) last[head[d]!] = i;
      next[i] = head[d]!;
      last[i] = -1;
      head[d] = i;
      mindeg = Math.min(mindeg, d);
      degree[i] = d;
      Ci[p++] = i;
    }
    nv[k] = nvk;
    len[k] = p - pk1;
    if (len[k] === 0) {
      Cp[k] = -1;
      w[k] = 0;
    }
    if (elenk !== 0) cnz = p;
  }

  // Assembly tree: parent(i) = flip(Cp[i]); elements (nv > 0) head their absorbed nodes.
  const parent = slab.i32(n + 1);
  for (let i = 0; i < n; i++) parent[i] = flip(Cp[i]!);
  parent[n] = -1;
  return postorderForest(n, parent, nv);
}
