import { describe, expect, it } from 'vitest';
import { parseGrouped, parseNumber } from '../../pipelines/extract/numbers.ts';

describe('parseNumber', () => {
  it('parseNumber(arabic) reads integers, decimals and thousands separators', () => {
    expect(parseNumber('2200')).toBe(2200);
    expect(parseNumber('35.5')).toBe(35.5);
    expect(parseNumber('1,500')).toBe(1500);
    expect(parseNumber('12,345,678')).toBe(12345678);
  });
  it('parseNumber(chinese) reads 一 两 十五 一百五十 三千 一万二千', () => {
    expect(parseNumber('一')).toBe(1);
    expect(parseNumber('两')).toBe(2);
    expect(parseNumber('十')).toBe(10);
    expect(parseNumber('十五')).toBe(15);
    expect(parseNumber('二十')).toBe(20);
    expect(parseNumber('一百五十')).toBe(150);
    expect(parseNumber('一百零五')).toBe(105);
    expect(parseNumber('三千')).toBe(3000);
    expect(parseNumber('一万二千')).toBe(12000);
  });
  it('parseNumber(digits without units) reads them digit by digit (二〇二一 → 2021)', () => {
    expect(parseNumber('二〇二一')).toBe(2021);
    expect(parseNumber('二零一九')).toBe(2019);
  });
  it('parseNumber(anything else) returns null', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('1,50')).toBeNull();
    expect(parseNumber('万')).toBeNull();
  });
});

describe('parseNumber: Chinese numerals with 亿 and 点', () => {
  it('parseNumber(chinese) reads 亿 sections (一亿五千万, 三亿, 十亿零五百万)', () => {
    expect(parseNumber('一亿五千万')).toBe(150_000_000);
    expect(parseNumber('三亿')).toBe(300_000_000);
    expect(parseNumber('十亿零五百万')).toBe(1_005_000_000);
    expect(parseNumber('一亿零五')).toBe(100_000_005);
  });
  it('parseNumber(chinese) reads decimals with 点 (一点五亿, 三点五, 十二点五万)', () => {
    expect(parseNumber('一点五亿')).toBe(150_000_000);
    expect(parseNumber('三点五')).toBe(3.5);
    expect(parseNumber('十二点五万')).toBe(125_000);
    expect(parseNumber('零点五')).toBe(0.5);
  });
  it('parseNumber(chinese) returns null where the numeral does not settle one number', () => {
    // 一万五 and 一百五 are 15000 and 150 in speech, 10005 and 105 by the letter
    expect(parseNumber('一万五')).toBeNull();
    expect(parseNumber('一百五')).toBeNull();
    // units that do not descend, two 点, a 点 without digits after it
    expect(parseNumber('五百千')).toBeNull();
    expect(parseNumber('一五百万')).toBeNull();
    expect(parseNumber('一点五点五')).toBeNull();
    expect(parseNumber('一点')).toBeNull();
    expect(parseNumber('一亿二点五万')).toBeNull();
    expect(parseNumber('亿')).toBeNull();
  });
});

describe('parseGrouped', () => {
  it('parseGrouped(text, separator) reads 1–3 digits then groups of three (2 000, 1，234，567, 1 500.5)', () => {
    expect(parseGrouped('2 000', ' ')).toBe(2000);
    expect(parseGrouped('1，234，567', '，')).toBe(1234567);
    expect(parseGrouped('1 500.5', ' ')).toBe(1500.5);
  });
  it('parseGrouped(text, separator) returns null for groups that are not threes (20 00, 2 0000, 2000)', () => {
    expect(parseGrouped('20 00', ' ')).toBeNull();
    expect(parseGrouped('2 0000', ' ')).toBeNull();
    expect(parseGrouped('2000', ' ')).toBeNull();
    expect(parseGrouped('1234 567', ' ')).toBeNull();
    expect(parseGrouped('2 000.', ' ')).toBeNull();
  });
  it('parseGrouped(text, separator, false) refuses a decimal part (2，000.5)', () => {
    expect(parseGrouped('2，000.5', '，', false)).toBeNull();
    expect(parseGrouped('2，000', '，', false)).toBe(2000);
  });
});
