/**
 * Thinning a long series for drawing. A chart 632 pixels wide cannot show 5,000 daily points,
 * and an SVG with 15,000 vertices is slow to open; keeping each bucket's lowest and highest point
 * preserves the drawdowns and peaks a plain every-n-th pick would skip.
 */

/**
 * At most `maxPoints` of `points`, in their order: the first, the last, and the lowest and the
 * highest point of each of `(maxPoints - 2) / 2` equal index buckets between them. Series no
 * longer than `maxPoints` come back unchanged (as a copy).
 */
export function downsample<T>(
  points: readonly T[],
  maxPoints: number,
  value: (point: T) => number,
): T[] {
  const cap = Math.max(2, Math.floor(maxPoints));
  if (points.length <= cap) return points.slice();
  const buckets = Math.max(1, Math.floor((cap - 2) / 2));
  const inner = points.length - 2;
  const out: T[] = [points[0]!];
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor((b * inner) / buckets);
    const to = 1 + Math.floor(((b + 1) * inner) / buckets);
    let low = from;
    let high = from;
    for (let i = from + 1; i < to; i++) {
      if (value(points[i]!) < value(points[low]!)) low = i;
      if (value(points[i]!) > value(points[high]!)) high = i;
    }
    if (from >= to) continue;
    // Emit in index order so the line still runs left to right.
    for (const i of low === high ? [low] : [Math.min(low, high), Math.max(low, high)]) {
      out.push(points[i]!);
    }
  }
  out.push(points[points.length - 1]!);
  return out;
}
