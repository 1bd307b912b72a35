/** A target's value as the pages print it, in each language (pipelines/contract/labels.ts). */
import { describe, expect, it } from 'vitest';
import { targetIn } from '../../pipelines/contract/labels.ts';

describe('targetIn', () => {
  it('targetIn prints the comparator, the grouped value and the unit: ≥ 4,000人次 / ≥ 4,000 person-times', () => {
    const t = { value: 4000, unit: '人次', comparator: '>=' };
    expect([targetIn('zh', t), targetIn('en', t)]).toEqual(['≥ 4,000人次', '≥ 4,000 person-times']);
  });
  it('targetIn prints one of a unit in the singular in English (1 day, 2 days) and in Chinese as it is', () => {
    expect(targetIn('en', { value: 1, unit: '天', comparator: '=' })).toBe('1 day');
    expect(targetIn('en', { value: 2, unit: '天', comparator: '=' })).toBe('2 days');
    expect(targetIn('zh', { value: 1, unit: '天', comparator: '=' })).toBe('1天');
  });
  it('targetIn prints an area in square metres and a count the label names as the number alone in English', () => {
    expect(targetIn('en', { value: 100, unit: '平方米', comparator: '>=' })).toBe('≥ 100 m²');
    expect(targetIn('en', { value: 5, unit: '场', comparator: '>=' })).toBe('≥ 5');
  });
});
