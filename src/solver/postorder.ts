import { Slab } from './slab.js';

/**
 * Postorder of the AMD assembly forest on nodes 0..n (node n collects the dense rows).
 *
 * parent[i] is the parent of node i or −1 for a root; nv[i] > 0 marks an element (a pivot that
 * heads a supervariable), nv[i] ≤ 0 a variable absorbed into its parent. Absorbed variables are
 * listed before element children so they are ordered right next to their principal variable.
 * Returns the first n entries of the postorder (node n is always last and is dropped).
 */
export function postorderForest(n: number, parent: Int32Array, nv: Int32Array): Int32Array {
  // The work arrays from one buffer (slab.ts); the order returned is an array of its own.
  const work = new Slab(4 * (3 * (n + 1) + 6));
  const head = work.i32(n + 1).fill(-1);
  const next = work.i32(n + 1);
  for (let j = n; j >= 0; j--) {
    const p = parent[j]!;
    if (nv[j]! > 0 || p < 0) continue;
    next[j] = head[p]!;
    head[p] = j;
  }
  for (let e = n; e >= 0; e--) {
    const p = parent[e]!;
    if (nv[e]! <= 0 || p < 0) continue;
    next[e] = head[p]!;
    head[p] = e;
  }
  const post = work.i32(n + 1);
  const stack = work.i32(n + 1);
  let k = 0;
  for (let root = 0; root <= n; root++) {
    if (parent[root] !== -1) continue;
    // Iterative depth-first search: a node is emitted once all its children are.
    let top = 0;
    stack[0] = root;
    while (top >= 0) {
      const p = stack[top]!;
      const child = head[p]!;
      if (child === -1) {
        top--;
        post[k++] = p;
      } else {
        head[p] = next[child]!;
        stack[++top] = child;
      }
    }
  }
  return post.slice(0, n);
}
