import { describe, expect, it } from 'vitest';
import { villageCoverage } from '../../pipelines/check/coverage.ts';
import { QIONGZHONG, quotes, specOf } from './plans.ts';

const county = '琼中黎族苗族自治县';
const coverageOf = (lines: string[], place = QIONGZHONG) => {
  const { text, x } = specOf({ county, lines });
  return { text, f: villageCoverage(x, text, place) };
};

describe('village coverage', () => {
  it('villageCoverage(x, text, place) finds 40 stations of 100 village committees (40%) below a stated 50%', () => {
    const { text, f } = coverageOf(['新建村级电商服务站40个，行政村覆盖率达到50%以上。']);
    expect(f).toMatchObject({
      check: 'village_coverage',
      status: 'fail',
      severity: 'review',
      numerator: 40,
      denominator: 100,
      threshold: 0.5,
      comparator: '>=',
    });
    expect(f.message_zh).toContain('村级服务站 40 个 ÷ 2023年区划代码中的村委会 100 个 = 40%，低于所述');
    expect(quotes(text, f).join('|')).toContain('50%');
  });

  it('villageCoverage(x, text, place) adds new and upgraded stations: 30 + 25 = 55 of 100 meets 50%', () => {
    const { f } = coverageOf([
      '新建村级电商服务站30个，改造提升村级电商服务站25个，行政村覆盖率达到50%以上。',
    ]);
    expect(f).toMatchObject({ status: 'pass', numerator: 55, denominator: 100 });
  });

  it('villageCoverage(x, text, place) lets the plan’s own count bear the claim out: 40 of 全县80个行政村 is 50%', () => {
    const { text, f } = coverageOf(['新建村级电商服务站40个，全县80个行政村覆盖率达到50%以上。']);
    expect(f).toMatchObject({ status: 'pass', numerator: 40, denominator: 100 });
    expect(f.message_zh).toContain('按文件所列 80 个行政村计为 50%');
    expect(quotes(text, f).at(-1)).toBe('全县80个行政村');
  });

  it('villageCoverage(x, text, place) gives the computed coverage, unjudged, when the plan states none', () => {
    const { f } = coverageOf(['新建村级电商服务站40个。']);
    expect(f).toMatchObject({ status: 'not_applicable', numerator: 40, denominator: 100, comparator: null });
    expect(f.message_en).toContain(
      'The document states no village coverage. Computed coverage: 40 village stations',
    );
  });

  it('villageCoverage(x, text, place) cannot compute coverage without a number of village stations', () => {
    const { f } = coverageOf(['行政村覆盖率达到50%以上。']);
    expect(f).toMatchObject({ status: 'not_enough_data', numerator: null, threshold: 0.5 });
  });

  it('villageCoverage(x, text, place) does not check a prefecture-level city, nor a county not resolved', () => {
    const lines = ['新建村级电商服务站40个，行政村覆盖率达到50%以上。'];
    const city = coverageOf(lines, {
      name: '保山市',
      level: 'prefecture',
      province: '云南省',
      village_committees: null,
    });
    expect(city.f).toMatchObject({ status: 'not_enough_data', numerator: 40 });
    expect(city.f.message_zh).toBe('文件所属为地级市（保山市），未按县核对村级覆盖率。');
    const { text, x } = specOf({ county, lines });
    expect(villageCoverage(x, text, null).message_en).toContain('county is not resolved');
  });
});
