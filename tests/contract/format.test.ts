/** Numbers, money, months and dates as readers expect them (pipelines/contract/format.ts). */
import { describe, expect, it } from 'vitest';
import {
  bound,
  dateLabel,
  group,
  money,
  monthLabel,
  percent,
  yuanEn,
  yuanZh,
} from '../../pipelines/contract/format.ts';

describe('money', () => {
  it('yuanZh(yuan) writes 万元 with grouping, 亿元 from a hundred million, 元 below ten thousand', () => {
    expect(yuanZh(22_000_000)).toBe('2,200万元');
    expect(yuanZh(120_000_000)).toBe('1.2亿元');
    expect(yuanZh(12_345)).toBe('1.23万元');
    expect(yuanZh(8000)).toBe('8,000元');
    expect(yuanZh(null)).toBe('—');
  });

  it('yuanEn(yuan) writes ¥ million from a million, ¥ with grouping below', () => {
    expect(yuanEn(22_000_000)).toBe('¥22 million');
    expect(yuanEn(1_250_000)).toBe('¥1.25 million');
    expect(yuanEn(850_000)).toBe('¥850,000');
  });

  it('money(lang, yuan) picks the language’s form', () => {
    expect(money('zh', 5_000_000)).toBe('500万元');
    expect(money('en', 5_000_000)).toBe('¥5 million');
  });
});

describe('numbers and shares', () => {
  it('group(text) groups thousands and keeps the decimals as written', () => {
    expect(group('1500')).toBe('1,500');
    expect(group('1234567.50')).toBe('1,234,567.50');
  });

  it('percent(share, digits) writes a share with at most its digits: 0.355 → 35.5%', () => {
    expect(percent(0.355)).toBe('35.5%');
    expect(percent(0.5, 0)).toBe('50%');
    expect(percent(0.6271186440677966)).toBe('62.7%');
  });

  it('bound(comparator, share) writes the bound with its comparator: ≤ 15%, ≥ 50%', () => {
    expect(bound('<=', 0.15)).toBe('≤ 15%');
    expect(bound('>=', 0.5)).toBe('≥ 50%');
    expect(bound(null, 0.5)).toBe('50%');
  });
});

describe('months and dates', () => {
  it('monthLabel(lang, ym) writes 2019年10月 and Oct 2019', () => {
    expect(monthLabel('zh', '2019-10')).toBe('2019年10月');
    expect(monthLabel('en', '2019-10')).toBe('Oct 2019');
    // the short names a reader of English expects, not the British Sept
    expect(monthLabel('en', '2020-09')).toBe('Sep 2020');
  });

  it('dateLabel(lang, ymd) writes 2019年11月20日 and 20 Nov 2019', () => {
    expect(dateLabel('zh', '2019-11-20')).toBe('2019年11月20日');
    expect(dateLabel('en', '2019-11-20')).toBe('20 Nov 2019');
  });
});
