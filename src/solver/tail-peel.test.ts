import { describe, expect, it } from 'vitest';
import { peelTail } from './tail-peel.js';

/** Full adjacency lists from undirected edges. */
function graph(n: number, edges: [number, number][]) {
  const lists: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    lists[a]!.push(b);
    lists[b]!.push(a);
  }
  const ptr = new Int32Array(n + 1);
  lists.forEach((l, i) => (ptr[i + 1] = ptr[i]! + l.length));
  return { ptr, idx: Int32Array.from(lists.flat()) };
}

/** Three weights w (0–2) and four factor rows f (3–6), every f touching every w. */
const W = [0, 1, 2];
const F = [3, 4, 5, 6];
const bipartite: [number, number][] = F.flatMap((f) => W.map((w): [number, number] => [w, f]));

describe('peelTail', () => {
  it('moves the pivots whose neighbours form a clique to the front of the tail', () => {
    // The weights are a clique (as after eliminating one factor row): each f then touches
    // only that clique and goes first, until the last f and the weights are all joined (a
    // complete graph, dense as it stands); the rest keep their order.
    const { ptr, idx } = graph(7, [...bipartite, [0, 1], [0, 2], [1, 2]]);
    const peeled = peelTail(7, ptr, idx, Int32Array.of(0, 1, 2, 3, 4, 5, 6), 7);
    expect(peeled?.moved).toBe(3);
    expect(Array.from(peeled!.perm)).toEqual([3, 4, 5, 0, 1, 2, 6]);
  });

  it('sees cliques made by eliminating the pivots before the tail', () => {
    // Pivot 7, before the tail, touches every weight: eliminating it joins them.
    const { ptr, idx } = graph(8, [...bipartite, [7, 0], [7, 1], [7, 2]]);
    const peeled = peelTail(8, ptr, idx, Int32Array.of(7, 0, 1, 2, 3, 4, 5, 6), 7);
    expect(Array.from(peeled!.perm)).toEqual([7, 3, 4, 5, 0, 1, 2, 6]);
  });

  it('moves nothing when the weights are not yet a clique', () => {
    // No f is simplicial (its weights are not joined) and no w is (its f's are not).
    const { ptr, idx } = graph(7, bipartite);
    expect(peelTail(7, ptr, idx, Int32Array.of(0, 1, 2, 3, 4, 5, 6), 7)).toBeNull();
  });

  it('moves nothing from a tail whose graph is complete', () => {
    const edges: [number, number][] = [];
    for (let a = 0; a < 6; a++) for (let b = a + 1; b < 6; b++) edges.push([a, b]);
    const { ptr, idx } = graph(6, edges);
    expect(peelTail(6, ptr, idx, Int32Array.of(0, 1, 2, 3, 4, 5), 6)).toBeNull();
  });

  it('keeps every pivot exactly once (a permutation)', () => {
    const { ptr, idx } = graph(8, [...bipartite, [7, 0], [7, 1], [7, 2], [3, 4]]);
    const peeled = peelTail(8, ptr, idx, Int32Array.of(7, 0, 1, 2, 3, 4, 5, 6), 7);
    expect([...(peeled?.perm ?? [])].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
