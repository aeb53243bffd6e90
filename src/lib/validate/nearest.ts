/** "Did you mean" support: the candidate closest to a misspelling, if any is close enough. */

export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/**
 * The closest candidate, when it is within a third of the word's length (at least 2 edits), or
 * when one contains the other (`retry` → `retry-storm`).
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const needle = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(needle.length / 3));
  if (bestDistance <= limit) return best;
  for (const candidate of candidates) {
    if (needle.length >= 4 && (candidate.includes(needle) || needle.includes(candidate))) return candidate;
  }
  return undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const match = nearest(word, candidates);
  return match ? `did you mean "${match}"?` : undefined;
}
