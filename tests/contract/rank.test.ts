/** Ranking counties on a measure (pipelines/contract/rank.ts). */
import { describe, expect, it } from 'vitest';
import { places } from '../../pipelines/contract/rank.ts';

describe('places(values, better)', () => {
  it('places(values, "lower") ranks the shortest delivery promise first (48 hours before 72)', () => {
    expect(places([72, 48, 96], 'lower').map((p) => p?.rank)).toEqual([2, 1, 3]);
  });

  it('places(values, "higher") ranks the largest value first', () => {
    expect(places([1500, 2000, 500], 'higher').map((p) => p?.rank)).toEqual([2, 1, 3]);
  });

  it('places(values, better) gives equal values one rank and says how many share it (50% and 50%: both 2nd)', () => {
    expect(places([0.6, 0.5, 0.5, 0.4], 'higher')).toEqual([
      { rank: 1, tied: 1, of: 4 },
      { rank: 2, tied: 2, of: 4 },
      { rank: 2, tied: 2, of: 4 },
      { rank: 4, tied: 1, of: 4 },
    ]);
  });

  it('places(values, better) gives a missing value no place, and does not count it', () => {
    expect(places([null, 3, Number.NaN, 1], 'higher')).toEqual([
      null,
      { rank: 1, tied: 1, of: 2 },
      null,
      { rank: 2, tied: 1, of: 2 },
    ]);
  });
});
