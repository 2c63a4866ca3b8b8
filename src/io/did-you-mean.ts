/**
 * The candidate closest to `name` when it is plausibly a typo of it: the same name in another
 * case, or an edit distance of at most 2 (1 for names of 3–4 characters, 0 for shorter ones).
 *
 * @example
 * closestName('costbasis', ['id', 'costBasis', 'acquired']); // 'costBasis'
 * closestName('colour', ['id']); // undefined
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  const limit = name.length <= 2 ? 0 : name.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** A ` (did you mean "x"?)` suffix, or '' when no candidate is close. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const close = closestName(name, candidates);
  return close === undefined ? '' : ` (did you mean "${close}"?)`;
}

/**
 * Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbouring
 * letters as 1 (optimal string alignment), so `gian` is 1 from `gain`.
 */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]![j]!;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      rows[i]![j] = best;
    }
  }
  return at(a.length, b.length);
}
