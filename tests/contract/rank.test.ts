/** Ranking counties on a measure (pipelines/contract/rank.ts). */
import { describe, expect, it } from 'vitest';
import { places, spread } from '../../pipelines/contract/rank.ts';

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

describe('spread(values)', () => {
  it('spread(values) gives the median and the quartiles of the present values (1, 2, 3, 4, 5 → 3, 2 to 4)', () => {
    expect(spread([5, 1, null, 3, 2, 4])).toEqual({ n: 5, median: 3, low: 2, high: 4 });
  });

  it('spread(values) interpolates between two middle values, as d3.quantile does (1, 2, 3, 4 → 2.5)', () => {
    expect(spread([1, 2, 3, 4])).toEqual({ n: 4, median: 2.5, low: 1.75, high: 3.25 });
  });

  it('spread(values) gives nothing for fewer than three counties (a median of two is not a benchmark)', () => {
    expect(spread([1, 2])).toBeNull();
    expect(spread([Number.NaN, null, 4])).toBeNull();
  });
});
