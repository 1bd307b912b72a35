/** Finding a county from what a reader types (pipelines/contract/names.ts), on names read from the division table. */
import { describe, expect, it } from 'vitest';
import { matchCounties, nameForms, oneCounty, suggestCounties } from '../../pipelines/contract/names.ts';

const RUYUAN = {
  code: '440232',
  name: '乳源瑶族自治县',
  short: '乳源',
  pinyin: 'ruyuanyaozuzizhixian ruyuan ryyzzzx',
};
const DONGGANG = { code: '210681', name: '东港市', short: '东港', pinyin: 'donggangshi donggang dgs' };
const WUTAI = { code: '140922', name: '五台县', short: '五台', pinyin: 'wutaixian wutai wtx' };
const WUZHISHAN = {
  code: '469001',
  name: '五指山市',
  short: '五指山',
  pinyin: 'wuzhishanshi wuzhishan wzss',
};
const ALL = [RUYUAN, DONGGANG, WUTAI, WUZHISHAN];
const codes = (q: string) => matchCounties(ALL, q).map((c) => c.code);

describe('nameForms', () => {
  it('gives the full name, the short name, the short name with 县, and the name without 自治县', () => {
    expect(nameForms('乳源瑶族自治县', '乳源').sort()).toEqual(
      ['乳源', '乳源县', '乳源瑶族', '乳源瑶族自治县'].sort(),
    );
    expect(nameForms('金口河区', '金口河').sort()).toEqual(['金口河', '金口河区']);
  });
});

describe('matchCounties', () => {
  it('finds a county by every form, the text around it, pinyin (any case, tones) and code', () => {
    for (const q of [
      '乳源',
      '乳源县',
      '乳源瑶族',
      '乳源瑶族自治县',
      '乳源三宝',
      'ruyuan',
      'Ruyuan County',
      'rǔyuán',
      'ryyzzzx',
      '440232',
    ])
      expect(codes(q), q).toEqual(['440232']);
  });
  it('gives every county a start matches, the exact one first', () => {
    expect(codes('五')).toEqual(['140922', '469001']);
    expect(codes('wu')).toEqual(['140922', '469001']);
    expect(codes('五台')).toEqual(['140922']);
  });
  it('finds nothing for an empty text, a wrong code or an unrelated word', () => {
    for (const q of ['', '  ', '123456', '冷链', 'x']) expect(codes(q), q).toEqual([]);
  });
});

describe('oneCounty', () => {
  it('is the county a text names best, or none when two match equally', () => {
    expect(oneCounty(ALL, '乳源县')?.code).toBe('440232');
    expect(oneCounty(ALL, '五台')?.code).toBe('140922');
    expect(oneCounty(ALL, '五')).toBeNull();
    expect(oneCounty(ALL, '不存在县')).toBeNull();
  });
});

describe('suggestCounties', () => {
  it('suggests counties sharing a character (乳园 → 乳源) or the first letter of the pinyin', () => {
    expect(suggestCounties(ALL, '乳园').map((c) => c.code)).toEqual(['440232']);
    expect(suggestCounties(ALL, 'dongguan').map((c) => c.code)).toEqual(['210681']);
    expect(suggestCounties(ALL, '冷链')).toEqual([]);
  });
});
