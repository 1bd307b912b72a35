/**
 * The audit checks: each rule of data/rules on hand-made plans that meet it and that do not, village coverage
 * against the division table, and dates; then the five shipped plans against a hand reading of their texts.
 * Every expected value below is worked out from the text it quotes, not from the program's output.
 */
import { describe, expect, it } from 'vitest';
import { FINDINGS, type Row } from '../pipelines/contract/schema.ts';
import { readShipped } from './helpers.ts';
import { finding, findingsOf, type PlanSpec } from './plan-builder.ts';

// 琼中黎族苗族自治县 (469030), Hainan: 2023 codes list 100 村委会 (see the counties table)
const hainan: PlanSpec = {
  county: '琼中黎族苗族自治县',
  central: 2000,
  local: 200,
  items: [
    ['农产品上行体系建设', 1200],
    ['县级电子商务公共服务中心建设', 300],
    ['农村电商培训', 500],
  ],
};

describe('rule central_upstream_share_min_2019 (≥ 50% of central funds to 农产品上行, logistics included)', () => {
  const check = (p: PlanSpec) =>
    finding(findingsOf(p), 'rule:share_of_central', 'central_upstream_share_min_2019');

  it('passes at 1,200 of 2,000万元 (60%)', () => {
    expect(check(hainan)).toMatchObject({
      status: 'pass',
      numerator: 12_000_000,
      denominator: 20_000_000,
      threshold: 0.5,
    });
  });

  it('counts logistics items with upstream ones (800 + 300 of 2,000万元 = 55%)', () => {
    const p = {
      ...hainan,
      items: [
        ['农产品品牌培育', 800],
        ['县乡村三级物流配送体系', 300],
        ['农村电商培训', 900],
      ] as PlanSpec['items'],
    };
    expect(check(p)).toMatchObject({ status: 'pass', numerator: 11_000_000 });
  });

  it('fails, for review, at 800 of 2,000万元 (40%)', () => {
    const p = {
      ...hainan,
      items: [
        ['农产品上行体系建设', 800],
        ['农村电商培训', 1200],
      ] as PlanSpec['items'],
    };
    expect(check(p)).toMatchObject({ status: 'fail', severity: 'review', numerator: 8_000_000 });
    expect(check(p).message_zh).toContain('40%');
  });

  it('is not_enough_data when the plan states no central funds, and not_applicable to a 2018 plan', () => {
    expect(check({ county: '琼中黎族苗族自治县', items: [['农产品上行体系建设', 800]] })).toMatchObject({
      status: 'not_enough_data',
    });
    expect(check({ ...hainan, year: 2018 })).toMatchObject({ status: 'not_applicable', severity: 'info' });
  });
});

describe('rule central_service_centre_share_max_2019 (≤ 15% of central funds to the service centre)', () => {
  const check = (p: PlanSpec) =>
    finding(findingsOf(p), 'rule:share_of_central', 'central_service_centre_share_max_2019');

  it('passes at 300 of 2,000万元 (15%, the bound itself)', () => {
    expect(check(hainan)).toMatchObject({ status: 'pass', numerator: 3_000_000, threshold: 0.15 });
  });

  it('fails at 400 of 2,000万元 (20%)', () => {
    const p = {
      ...hainan,
      items: [
        ['农产品上行体系建设', 1200],
        ['县级电子商务公共服务中心建设', 400],
        ['农村电商培训', 400],
      ] as PlanSpec['items'],
    };
    expect(check(p)).toMatchObject({ status: 'fail', severity: 'review', numerator: 4_000_000 });
  });

  it('does not count a logistics centre as the service centre, and says so when no item names one', () => {
    const p = {
      ...hainan,
      items: [
        ['县级物流配送中心建设', 600],
        ['农产品上行体系建设', 1400],
      ] as PlanSpec['items'],
    };
    expect(check(p)).toMatchObject({ status: 'not_enough_data' });
    expect(check(p).message_en).toContain('no fund item’s label names');
  });
});

describe('rule local_matching_min_hainan_2019 (county funds ≥ 10% of central, Hainan)', () => {
  const check = (p: PlanSpec) =>
    finding(findingsOf(p), 'rule:matching_ratio', 'local_matching_min_hainan_2019');

  it('passes at 200 of 2,000万元 and fails at 100', () => {
    expect(check(hainan)).toMatchObject({ status: 'pass', numerator: 2_000_000, denominator: 20_000_000 });
    expect(check({ ...hainan, local: 100 })).toMatchObject({ status: 'fail', severity: 'review' });
  });

  it('does not apply outside Hainan, and cannot tell for an unknown county', () => {
    expect(check({ ...hainan, county: '五台县' })).toMatchObject({ status: 'not_applicable' });
    expect(check({ ...hainan, county: '某某县' })).toMatchObject({ status: 'not_enough_data' });
  });

  it('is not_enough_data when the plan states no local funds', () => {
    expect(check({ ...hainan, local: undefined })).toMatchObject({ status: 'not_enough_data' });
  });
});

describe('rule central_negative_list_2020 (terms central funds may not pay for; review only, source unverified)', () => {
  const base: PlanSpec = { ...hainan, county: '五台县', year: 2020 };
  const check = (p: PlanSpec) => finding(findingsOf(p), 'rule:negative_list', 'central_negative_list_2020');

  it('an item naming a listed term with central funds is for review, worded as no accusation', () => {
    const f = check({
      ...base,
      items: [
        ['农产品上行体系建设', 1500],
        ['购买流量推广', 500],
      ],
    });
    expect(f).toMatchObject({ status: 'fail', severity: 'review', numerator: 1 });
    expect(f.message_zh).toContain('“购买流量推广”');
    expect(f.message_zh).toContain('名称相符不等于违规');
    expect(f.message_zh).toContain('规则出处未经核实');
  });

  it('passes when no item names a term, or when such an item is paid from local funds only', () => {
    expect(check(base)).toMatchObject({ status: 'pass', numerator: 0 });
    const f = check({ ...base, local: 50, items: [...hainan.items!, ['接待及工作经费', 0, 50]] });
    expect(f).toMatchObject({ status: 'pass' });
    expect(f.message_zh).toContain('仅列地方资金');
  });

  it('does not apply to a 2019 plan', () => {
    expect(check({ ...base, year: 2019 })).toMatchObject({ status: 'not_applicable' });
  });
});

describe('village coverage (stated vs village stations ÷ 村委会 in the 2023 codes)', () => {
  const check = (p: PlanSpec) => finding(findingsOf(p), 'village_coverage');

  it('40 stations in a county of 100 village committees is 40%: below a stated 50% (review)', () => {
    const f = check({ ...hainan, lines: ['新建村级电商服务站40个，行政村覆盖率达到50%以上。'] });
    expect(f).toMatchObject({
      status: 'fail',
      severity: 'review',
      numerator: 40,
      denominator: 100,
      threshold: 0.5,
    });
    expect(f.message_zh).toContain('区划数据为2023年');
  });

  it('new and upgraded stations add up (30 + 25 = 55 of 100 ≥ 50%)', () => {
    const f = check({
      ...hainan,
      lines: ['新建村级电商服务站30个，改造提升村级电商服务站25个，行政村覆盖率达到50%以上。'],
    });
    expect(f).toMatchObject({ status: 'pass', numerator: 55, denominator: 100 });
  });

  it('the plan’s own count of villages is shown and can bear the claim out (40 of 全县80个行政村 = 50%)', () => {
    const f = check({ ...hainan, lines: ['新建村级电商服务站40个，全县80个行政村覆盖率达到50%以上。'] });
    expect(f).toMatchObject({ status: 'pass', numerator: 40, denominator: 100 });
    expect(f.message_zh).toContain('按文件所列 80 个行政村计为 50%');
  });

  it('no stated coverage: the computed one is given, not judged; no stations: not_enough_data', () => {
    expect(check({ ...hainan, lines: ['新建村级电商服务站40个。'] })).toMatchObject({
      status: 'not_applicable',
      numerator: 40,
    });
    expect(check({ ...hainan, lines: ['行政村覆盖率达到50%以上。'] })).toMatchObject({
      status: 'not_enough_data',
    });
  });

  it('a prefecture-level plan is not checked per county', () => {
    const f = check({
      ...hainan,
      county: '保山市',
      lines: ['新建村级电商服务站40个，行政村覆盖率达到50%以上。'],
    });
    expect(f).toMatchObject({ status: 'not_enough_data' });
    expect(f.message_zh).toContain('地级市');
  });
});

describe('dates', () => {
  const phases: PlanSpec['phases'] = [
    ['启动阶段', '2019年10月—2019年12月'],
    ['实施阶段', '2020年1月—2020年12月'],
  ];

  it('phases inside the stated period pass; a phase running past it is for review', () => {
    expect(
      finding(findingsOf({ ...hainan, period: '2019年10月—2021年3月', phases }), 'phases_in_period'),
    ).toMatchObject({
      status: 'pass',
      numerator: 0,
      denominator: 2,
    });
    const late: PlanSpec['phases'] = [phases[0]!, ['实施阶段', '2020年1月—2021年6月']];
    const f = finding(
      findingsOf({ ...hainan, period: '2019年10月—2021年3月', phases: late }),
      'phases_in_period',
    );
    expect(f).toMatchObject({ status: 'fail', severity: 'review', numerator: 1 });
    expect(f.message_zh).toContain('“实施阶段”');
  });

  it('without a period of its own, the check says it cannot be made', () => {
    expect(finding(findingsOf({ ...hainan, phases }), 'phases_in_period')).toMatchObject({
      status: 'not_enough_data',
    });
  });

  it('issued before the first phase ends passes; issued after is for review', () => {
    expect(finding(findingsOf({ ...hainan, phases }), 'issued_before_first_phase_end')).toMatchObject({
      status: 'pass',
    });
    expect(
      finding(findingsOf({ ...hainan, issued: '2020年3月2日', phases }), 'issued_before_first_phase_end'),
    ).toMatchObject({ status: 'fail', severity: 'review' });
  });
});

describe('the five plans, against a hand reading of their texts', () => {
  const of = (doc: string): Row[] => readShipped(doc).rows.get(FINDINGS)!;

  it('五指山 2019 (Hainan, national): shares, matching and dates met; village coverage below the claim on 2023 counts', () => {
    const f = of('wuzhishan-2019');
    // 中央财政补助资金 2000 万元, 县级财政配套资金 200 万元: 10%
    expect(finding(f, 'rule:matching_ratio', 'local_matching_min_hainan_2019')).toMatchObject({
      status: 'pass',
      numerator: 2_000_000,
      denominator: 20_000_000,
    });
    // upstream and logistics items' central funds (附件 table): 物流配送中心 540, 诚信评价/标准 150, 三品一标 80,
    // 溯源 70, 品牌 100, 品牌宣传推广 100, 旅游融合 50 = 1,090万元 of 2,000 (the township stations, 130, and the
    // data system, 80, are public services in this site's categories)
    expect(finding(f, 'rule:share_of_central', 'central_upstream_share_min_2019')).toMatchObject({
      status: 'pass',
      numerator: 10_900_000,
      denominator: 20_000_000,
    });
    // 改造五指山市电子商务公共服务中心: 中央 250 万元 of 2,000 = 12.5%
    expect(finding(f, 'rule:share_of_central', 'central_service_centre_share_max_2019')).toMatchObject({
      status: 'pass',
      numerator: 2_500_000,
    });
    // 改造 22 + 新建 15 = 37 village stations; 村级站点…不低于…70%; 59 village committees in the 2023 codes
    expect(finding(f, 'village_coverage')).toMatchObject({
      status: 'fail',
      severity: 'review',
      numerator: 37,
      denominator: 59,
      threshold: 0.7,
    });
    // 项目实施期限 2019 年 10 月-2021 年 3 月; phases 2019-10…2019-12, 2020-01…2020-12, 2021-01…2021-03
    expect(finding(f, 'phases_in_period')).toMatchObject({ status: 'pass', numerator: 0, denominator: 3 });
    // 2019 年 11 月 20 日印发; the first phase ends 2019 年 12 月
    expect(finding(f, 'issued_before_first_phase_end')).toMatchObject({ status: 'pass' });
    expect(finding(f, 'rule:negative_list')).toMatchObject({ status: 'not_applicable' });
  });

  it('东港 2019 (Liaoning, national): no amounts in the text; coverage consistent; issued after its first phase ended', () => {
    const f = of('donggang-2019');
    expect(finding(f, 'rule:share_of_central', 'central_upstream_share_min_2019')).toMatchObject({
      status: 'not_enough_data',
    });
    expect(finding(f, 'rule:matching_ratio')).toMatchObject({ status: 'not_applicable' });
    // 124 个村级电商服务站, 覆盖率达 60%以上; 195 village committees in 2023: 63.6%
    expect(finding(f, 'village_coverage')).toMatchObject({
      status: 'pass',
      numerator: 124,
      denominator: 195,
    });
    // 2020年8月17日印发; 启动阶段（2019年10月—2020年6月）
    expect(finding(f, 'issued_before_first_phase_end')).toMatchObject({ status: 'fail', severity: 'review' });
  });

  it('五台 2019 (Shanxi, national, central funds only): 64% upstream, 6% service centre; no village station count', () => {
    const f = of('wutai-2019');
    // 物流快递配送体系 100 + 农产品质量控制体系 60 + 县域公共品牌推广 70 + 农产品上行营销 90 = 320 of 500万元
    expect(finding(f, 'rule:share_of_central', 'central_upstream_share_min_2019')).toMatchObject({
      status: 'pass',
      numerator: 3_200_000,
      denominator: 5_000_000,
    });
    // 公共服务中心办公租赁 30 of 500万元
    expect(finding(f, 'rule:share_of_central', 'central_service_centre_share_max_2019')).toMatchObject({
      status: 'pass',
      numerator: 300_000,
    });
    expect(finding(f, 'village_coverage')).toMatchObject({ status: 'not_enough_data' });
  });

  it('乳源 2021 (Guangdong, national): 2019 rules do not apply; 工作经费 items are county-funded; coverage met', () => {
    const f = of('ruyuan-2021');
    expect(finding(f, 'rule:share_of_central', 'central_upstream_share_min_2019')).toMatchObject({
      status: 'not_applicable',
    });
    // 接待及工作经费 appears under the county matching funds (附件 3) only
    expect(finding(f, 'rule:negative_list')).toMatchObject({ status: 'pass' });
    // 升级建设行政村…服务点 52 个(全县 102 个行政村覆盖率达 50%以上); 103 village committees in 2023
    const c = finding(f, 'village_coverage');
    expect(c).toMatchObject({ status: 'pass', numerator: 52, denominator: 103, threshold: 0.5 });
    expect(c.message_zh).toContain('按文件所列 102 个行政村');
  });

  it('金口河 2018 (Sichuan, provincial): no national rule applies; 22 upgraded points of 25 villages', () => {
    const f = of('jinkouhe-2018');
    for (const r of f.filter((x) => String(x.check).startsWith('rule:')))
      expect(r.status, String(r.rule_id)).toBe('not_applicable');
    expect(finding(f, 'village_coverage')).toMatchObject({ status: 'pass', numerator: 22, denominator: 25 });
    expect(finding(f, 'issued_before_first_phase_end')).toMatchObject({ status: 'not_enough_data' });
  });

  it('every applicable check yields a finding for each plan: nothing passes silently', () => {
    for (const doc of ['wuzhishan-2019', 'donggang-2019', 'wutai-2019', 'ruyuan-2021', 'jinkouhe-2018']) {
      const checks = of(doc).map((x) => `${x.check}:${x.rule_id ?? ''}`);
      for (const c of [
        'rule:share_of_central:central_upstream_share_min_2019',
        'rule:share_of_central:central_service_centre_share_max_2019',
        'rule:matching_ratio:local_matching_min_hainan_2019',
        'rule:negative_list:central_negative_list_2020',
        'village_coverage:',
        'phases_in_period:',
        'issued_before_first_phase_end:',
      ])
        expect(checks, `${doc} ${c}`).toContain(c);
    }
  });
});
