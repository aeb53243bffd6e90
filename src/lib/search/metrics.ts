/** Standard retrieval measures for the search benchmark and the browser tests' quality floor. */

export interface Judged {
  /** Result identifiers, best first. */
  ranked: readonly string[];
  expected: string;
}

/** 1-based rank of the expected result, or undefined when it is not in the list. */
export function rankOf({ ranked, expected }: Judged): number | undefined {
  const index = ranked.indexOf(expected);
  return index === -1 ? undefined : index + 1;
}

export function recallAt(k: number, runs: readonly Judged[]): number {
  if (runs.length === 0) return 0;
  return runs.filter((run) => (rankOf(run) ?? Infinity) <= k).length / runs.length;
}

/** Mean reciprocal rank, counting only ranks up to `k`. */
export function mrrAt(k: number, runs: readonly Judged[]): number {
  if (runs.length === 0) return 0;
  return runs.reduce((sum, run) => {
    const rank = rankOf(run);
    return sum + (rank !== undefined && rank <= k ? 1 / rank : 0);
  }, 0) / runs.length;
}
