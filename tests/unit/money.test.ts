import { describe, expect, it } from 'vitest';
import { fundSource, moneyMentions } from '../../pipelines/extract/matchers/money.ts';
import { prepare } from '../../pipelines/normalize/doc.ts';

const amounts = (text: string) => moneyMentions(prepare(text)).map((m) => m.yuan);

describe('moneyMentions', () => {
  it('moneyMentions(doc) converts 万元, 亿元 and 元 to yuan', () => {
    expect(amounts('总投资2200万元，其中1.5亿元，另8000元')).toEqual([22_000_000, 150_000_000, 8000]);
  });
  it('moneyMentions(doc) reads 万 followed by 资金 as money (先期拨付 1500 万资金)', () => {
    expect(amounts('先期拨付 1500 万资金')).toEqual([15_000_000]);
  });
  it('moneyMentions(doc) reads Chinese numerals and thousands separators', () => {
    expect(amounts('五百万元和1,200万元')).toEqual([5_000_000, 12_000_000]);
  });
  it('moneyMentions(doc) does not read document numbers, counts, areas or years as money', () => {
    expect(amounts('财建〔2019〕50号，培训3000人次，1600平方米，2019年，单位：万元，1万人次')).toEqual([]);
  });
  it('moneyMentions(doc) gives the span of the amount in the normalized text', () => {
    const doc = prepare('总投资 350\n\n万元');
    const [m] = moneyMentions(doc);
    expect(doc.text.slice(m!.nstart, m!.nend)).toBe('350万元');
    const span = doc.span(m!.nstart, m!.nend);
    expect(doc.original.slice(span.start, span.end)).toBe('350\n\n万元');
  });
});

describe('fundSource', () => {
  it('fundSource(phrase) names the source: central, provincial, local, other', () => {
    expect(fundSource('中央财政补助资金')).toBe('central');
    expect(fundSource('省级财政专项资金')).toBe('provincial');
    expect(fundSource('县级财政配套资金')).toBe('local');
    expect(fundSource('市级财政资金')).toBe('local');
    expect(fundSource('企业自筹资金')).toBe('other');
    expect(fundSource('承办单位自筹')).toBe('other');
  });
  it('fundSource(phrase) returns null for a phrase that names no source', () => {
    expect(fundSource('总投资')).toBeNull();
    expect(fundSource('物流快递配送体系')).toBeNull();
  });
});
