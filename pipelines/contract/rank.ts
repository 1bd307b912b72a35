/**
 * Ranking counties on a measure: rank 1 is the best, whichever way is better for that measure (the shortest
 * delivery promise, the largest central funds), and counties with equal values share a rank (1, 2, 2, 4), as
 * d3-array's rank gives them. A county without a value has no rank.
 */
import { ascending, descending, rank } from 'd3';

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
