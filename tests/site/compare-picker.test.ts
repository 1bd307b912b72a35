/** The compare page's picker: which one county a reader's text names. */
import { describe, expect, it } from 'vitest';
import { oneCounty } from '../../pipelines/contract/names.ts';
import type { PickerEntry } from '../../src/lib/compare.ts';

const COUNTIES: PickerEntry[] = [
  { code: '469001', name: '五指山市', short: '五指山', province: '海南省', pinyin: 'wuzhishanshi wzss' },
  { code: '140922', name: '五台县', short: '五台', province: '山西省', pinyin: 'wutaixian wtx' },
  {
    code: '440232',
    name: '乳源瑶族自治县',
    short: '乳源',
    province: '广东省',
    pinyin: 'ruyuanyaozuzizhixian ryyzzzx',
  },
];
const find = (q: string) => oneCounty(COUNTIES, q)?.code ?? null;

describe('oneCounty (the picker)', () => {
  it('oneCounty("440232") finds the county by its code, and a code anywhere in the text', () => {
    expect(find('440232')).toBe('440232');
    expect(find('乳源瑶族自治县 440232')).toBe('440232');
  });

  it('oneCounty("999999") finds nothing for a code without a plan', () => {
    expect(find('999999')).toBeNull();
  });

  it('oneCounty("乳源") finds the county by its short name, and by its full name', () => {
    expect(find('乳源')).toBe('440232');
    expect(find('五指山市')).toBe('469001');
    expect(find('乳源县')).toBe('440232');
  });

  it('oneCounty("wzss") finds the county by pinyin initials, and "WuTai" by the start of its pinyin', () => {
    expect(find('wzss')).toBe('469001');
    expect(find('WuTai')).toBe('140922');
  });

  it('oneCounty("五") finds nothing when several counties match', () => {
    expect(find('五')).toBeNull();
    expect(find('wu')).toBeNull();
  });

  it('oneCounty("  ") finds nothing for empty text', () => {
    expect(find('  ')).toBeNull();
  });
});
