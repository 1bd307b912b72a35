/**
 * Ranking counties on a measure: rank 1 is the best, whichever way is better for that measure (the shortest
 * delivery promise, the largest central funds), and counties with equal values share a rank (1, 2, 2, 4), as
 * d3-array's rank gives them. A county without a value has no rank. The spread of a measure (its median and the
 * middle half of the counties) is d3-array's quantile, so it says where a county stands, not only its place.
 */
import { ascending, descending, quantile, rank } from 'd3';

/** A county's place on a measure: its rank (1 = best), how many share it, and how many were ranked. */
export interface Place {
  rank: number;
  tied: number;
  of: number;
}

/** The place of each value (null where a value is missing), ranking so that `better` comes first. */
export function places(values: readonly (number | null)[], better: 'higher' | 'lower'): (Place | null)[] {
  const present = values.map((v) => (v === null || !Number.isFinite(v) ? null : v));
  const ranks = rank(
    present.map((v) => v ?? Number.NaN),
    better === 'higher' ? descending : ascending,
  );
  const of = present.filter((v) => v !== null).length;
  const count = new Map<number, number>();
  for (const [i, r] of ranks.entries()) if (present[i] !== null) count.set(r, (count.get(r) ?? 0) + 1);
  return present.map((v, i) =>
    v === null ? null : { rank: ranks[i]! + 1, tied: count.get(ranks[i]!)!, of },
  );
}

/** Where the middle of a measure lies: the median and the quartiles of the values present, over `n` counties. */
export interface Spread {
  n: number;
  median: number;
  low: number;
  high: number;
}

/** The spread of the present values, or null with fewer than three (a median of two counties compares nothing). */
export function spread(values: readonly (number | null)[]): Spread | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length < 3) return null;
  return {
    n: present.length,
    median: quantile(present, 0.5)!,
    low: quantile(present, 0.25)!,
    high: quantile(present, 0.75)!,
  };
}
