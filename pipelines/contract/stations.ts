/**
 * The stations a plan sets out for a tier: the stated total, else new + upgraded, with the targets that figure
 * rests on. One rule for the audit's coverage, the overview and the benchmarks.
 */
export function stationTargets<T extends { metric: string; value: number }>(
  targets: readonly T[],
  tier: 'township' | 'village',
): { value: number; from: T[] } | null {
  const total = targets.find((t) => t.metric === `${tier}_station_count`);
  if (total) return { value: total.value, from: [total] };
  const parts = [`${tier}_station_count_new`, `${tier}_station_count_upgraded`]
    .map((m) => targets.find((t) => t.metric === m))
    .filter((t): t is T => t !== undefined);
  return parts.length ? { value: parts.reduce((a, t) => a + t.value, 0), from: parts } : null;
}
