import { describe, expect, it } from 'vitest';
import { negativeList } from '../../../pipelines/check/rules/negative-list.ts';
import { planOf, quotes, ruleOf } from '../plans.ts';

const rule = ruleOf({
  id: 'negative_2020',
  check: 'negative_list',
  program_years: [2020],
  terms: ['购买流量', '工作经费'],
});
const TITLE = '某某县2020年国家级电子商务进农村综合示范项目实施方案';
const FUNDS = [
  '一、项目资金',
  '项目总投资2050万元，其中中央财政资金2000万元，县级财政配套资金50万元。',
  '二、资金安排',
];

describe('negativeList', () => {
  it('negativeList(rule, x) finds 购买流量推广 with 500万元 of central funds, one of 3 items, for review', () => {
    const { text, x } = planOf(
      [
        ...FUNDS,
        '（一）农产品上行体系建设',
        '中央财政资金1500万元。',
        '（二）购买流量推广',
        '中央财政资金500万元。',
        '（三）农村电商培训',
        '县级财政配套资金50万元。',
      ],
      TITLE,
    );
    const f = negativeList(rule, x);
    expect(f).toMatchObject({
      status: 'fail',
      severity: 'review',
      numerator: 1,
      denominator: 3,
      comparator: null,
    });
    expect(f.message_zh).toContain('资金分项 “购买流量推广” 的名称涉及中央财政资金负面清单');
    expect(f.message_zh).toContain('名称相符不等于违规');
    // an item under a heading is cited by its statement of funds
    expect(quotes(text, f)).toEqual(['中央财政资金500万元']);
  });

  it('negativeList(rule, x) passes when 接待及工作经费 is paid from the county’s 50万元 only', () => {
    const { x } = planOf(
      [
        ...FUNDS,
        '（一）农产品上行体系建设',
        '中央财政资金2000万元。',
        '（二）接待及工作经费',
        '县级财政配套资金50万元。',
      ],
      TITLE,
    );
    const f = negativeList(rule, x);
    expect(f).toMatchObject({ status: 'pass', numerator: 0, denominator: 2 });
    expect(f.message_zh).toBe('名称涉及负面清单的分项 “接待及工作经费” 仅列地方资金，未列中央财政资金。');
  });

  it('negativeList(rule, x) passes 2 items that name no listed term, and says how many it read', () => {
    const { x } = planOf(
      [
        ...FUNDS,
        '（一）农产品上行体系建设',
        '中央财政资金1500万元。',
        '（二）农村电商培训',
        '中央财政资金500万元。',
      ],
      TITLE,
    );
    expect(negativeList(rule, x).message_en).toBe(
      'None of the 2 fund items names a term of the negative list (购买流量, 工作经费).',
    );
  });

  it('negativeList(rule, x) lists 购买流量推广 once with its count when each year’s group repeats it', () => {
    const { x } = planOf(
      [
        '一、项目资金',
        '项目总投资2000万元，其中中央财政资金2000万元。',
        '二、资金安排',
        '（一）2020年项目',
        '农产品上行体系建设中央财政资金800万元，购买流量推广中央财政资金200万元。',
        '（二）2021年项目',
        '农产品上行体系建设中央财政资金800万元，购买流量推广中央财政资金200万元。',
      ],
      TITLE,
    );
    const f = negativeList(rule, x);
    // two groups and two items in each: 6 items, 2 of them named
    expect(f).toMatchObject({ status: 'fail', numerator: 2, denominator: 6 });
    expect(f.message_zh).toContain('“购买流量推广”（2 项）');
    expect(f.message_en).toContain('“购买流量推广” (2 items)');
  });

  it('negativeList(rule, x) cannot check a plan with no fund items', () => {
    const { x } = planOf(['一、项目资金', '项目总投资2000万元，其中中央财政资金2000万元。'], TITLE);
    expect(negativeList(rule, x)).toMatchObject({ status: 'not_enough_data', threshold: null });
  });
});
