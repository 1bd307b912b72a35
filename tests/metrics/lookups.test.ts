/** County names and codes to county codes, and the memoised month, metric and unit readers. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CountyLookup,
  countyLookup,
  factorOf,
  metricCached,
  monthOf,
} from '../../pipelines/metrics/lookups.ts';
import { loadReference } from '../../pipelines/reference/index.ts';

let county: CountyLookup;
beforeAll(() => {
  county = countyLookup(loadReference());
});

describe('countyLookup(ref)', () => {
  it('countyLookup(ref) reads 469001, ４６９００１ (full-width), “469 001” and 五指山市 as 469001', () => {
    for (const raw of ['469001', '４６９００１', '469 001', '五指山市'])
      expect(county(raw), raw).toEqual({ code: '469001' });
  });

  it('countyLookup(ref) reads the 12-digit statistical code 469001000000 and 469001.0 (a code saved as a number) as 469001; not 469001001000 (a township)', () => {
    expect(county('469001000000')).toEqual({ code: '469001' });
    expect(county('469001.0')).toEqual({ code: '469001' });
    expect(county('469001001000')).toEqual({ reason: 'unknown_county' });
  });

  it('countyLookup(ref) reads the short name 乳源 as 乳源瑶族自治县, 440232', () => {
    expect(county('乳源')).toEqual({ code: '440232' });
  });

  it('countyLookup(ref) says missing_county for an empty cell, unknown_county for 999999 and for a name it does not know', () => {
    expect(county('')).toEqual({ reason: 'missing_county' });
    expect(county('  ')).toEqual({ reason: 'missing_county' });
    expect(county('999999')).toEqual({ reason: 'unknown_county' });
    expect(county('无此县')).toEqual({ reason: 'unknown_county' });
  });

  it('countyLookup(ref) says not_a_county for the prefecture 保山市 by name and by code 530500, ambiguous_county for 东港', () => {
    expect(county('保山市')).toEqual({ reason: 'not_a_county' });
    expect(county('530500')).toEqual({ reason: 'not_a_county' });
    expect(county('东港')).toEqual({ reason: 'ambiguous_county' });
  });
});

describe('monthOf, metricCached, factorOf', () => {
  it('monthOf(cell) reads 2020年3月 as 2020-03 and gives null for 2020-13, the same on a second call', () => {
    expect([monthOf('2020年3月'), monthOf('2020年3月')]).toEqual(['2020-03', '2020-03']);
    expect([monthOf('2020-13'), monthOf('2020-13')]).toEqual([null, null]);
  });

  it('metricCached(name) reads 网络零售额 as online_retail_sales_yuan and happiness as no metric', () => {
    expect(metricCached('网络零售额')).toBe('online_retail_sales_yuan');
    expect(metricCached('happiness')).toBeNull();
  });

  it('factorOf(metric, unit, name) is 10,000 for 万元; without a unit, null for money in words but 1 for its code', () => {
    expect(factorOf('online_retail_sales_yuan', '万元', '网络零售额')).toBe(10_000);
    expect(factorOf('online_retail_sales_yuan', '', '网络零售额')).toBeNull();
    expect(factorOf('online_retail_sales_yuan', '', 'online_retail_sales_yuan')).toBe(1);
    expect(factorOf('express_parcels', '万件', '快递业务量')).toBe(10_000);
  });
});

describe('countyLookup(ref) within the places a title names', () => {
  it('东港 under 丹东市 is 东港市 (210681), the one 东港 of 丹东市; alone it is ambiguous', () => {
    expect(county('东港', '丹东市')).toEqual({ code: '210681' });
    expect(county('东港')).toEqual({ reason: 'ambiguous_county' });
  });

  it('a full name of a county elsewhere is none of the title’s places: 东港区 (日照), 凤山县 (广西), 五台县 (山西) under 丹东市', () => {
    for (const name of ['东港区', '凤山县', '五台县'])
      expect(county(name, '丹东市')).toEqual({ reason: 'outside_title_place' });
    // the counties of 丹东市 are, in full or short, and one under a title naming its province
    expect(county('凤城市', '丹东市')).toEqual({ code: '210682' });
    expect(county('宽甸满族自治县', '辽宁省')).toEqual({ code: '210624' });
    expect(county('五台县')).toEqual({ code: '140922' });
  });
});

describe('countyLookup(ref): a cell holding a county’s code and its name (a sixth probe)', () => {
  // as a county's system exports it: 210681 东港市, 东港市（210681）; 210681 is 东港市, 210682 凤城市 (丹东市)
  it('the code and the name of one county, either first, with a space, a dash or brackets, are that county', () => {
    for (const raw of [
      '210681 东港市',
      '210681东港市',
      '210681-东港市',
      '210681　东港市',
      '东港市（210681）',
      '东港市(210681)',
      '东港市 210681',
      '东港市【210681】',
      '210681000000 东港市',
    ])
      expect(county(raw), raw).toEqual({ code: '210681' });
  });

  it('a name the reference does not settle alone beside its code is the code’s county (东港: 东港市 or 日照’s 东港区)', () => {
    expect(county('210681 东港')).toEqual({ code: '210681' });
    expect(county('东港(210681)')).toEqual({ code: '210681' });
  });

  it('a code beside another county’s name is county_mismatch, a code of no county unknown_county, a prefecture’s not_a_county', () => {
    expect(county('210682 东港市')).toEqual({ reason: 'county_mismatch' });
    expect(county('凤城市（210681）')).toEqual({ reason: 'county_mismatch' });
    expect(county('999999 东港市')).toEqual({ reason: 'unknown_county' });
    expect(county('210600 丹东市')).toEqual({ reason: 'not_a_county' });
  });

  it('a code beside a name that is no county (孤山镇, a township of 东港市; 合计; 丹东市; ？) is unknown_county, not the code’s county (a review)', () => {
    for (const raw of ['210681 孤山镇', '210681-东港市孤山镇', '210681合计', '210681 丹东市', '210681 ？'])
      expect(county(raw), raw).toEqual({ reason: 'unknown_county' });
  });

  it('under a title naming 丹东市 the same', () => {
    expect(county('210681 东港市', '丹东市')).toEqual({ code: '210681' });
    expect(county('210682 东港市', '丹东市')).toEqual({ reason: 'county_mismatch' });
  });
});
