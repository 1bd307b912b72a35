import { describe, expect, it } from 'vitest';
import { base, holds, spanOf } from '../../pipelines/check/finding.ts';

describe('finding', () => {
  it('spanOf(fact) keeps only where a cited fact is (start 12, end 18), not its value', () => {
    expect(spanOf({ value: 2_000_000, start: 12, end: 18 } as { start: number; end: number })).toEqual({
      start: 12,
      end: 18,
    });
  });

  it('holds(value, cmp, bound) meets a bound of 15% with 300 of 2,000万元, at most and at least', () => {
    expect(holds(300 / 2000, '<=', 0.15)).toBe(true);
    expect(holds(300 / 2000, '>=', 0.15)).toBe(true);
  });

  it('holds(value, cmp, bound) allows for floating-point error: 0.1 + 0.2 is at most 30%', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point
    expect(0.1 + 0.2 <= 0.3).toBe(false);
    expect(holds(0.1 + 0.2, '<=', 0.3)).toBe(true);
  });

  it('holds(value, cmp, bound) does not meet at least 50% with 40%, nor at most 15% with 20%', () => {
    expect(holds(0.4, '>=', 0.5)).toBe(false);
    expect(holds(0.2, '<=', 0.15)).toBe(false);
  });

  it('base(check, subject) is a finding’s frame without figures, evidence or rule', () => {
    expect(base('phases_in_period', 'phases')).toEqual({
      check: 'phases_in_period',
      subject: 'phases',
      rule_id: null,
      numerator: null,
      denominator: null,
      threshold: null,
      evidence: [],
    });
    expect(base('rule:negative_list', 'r1', 'r1').rule_id).toBe('r1');
  });
});
