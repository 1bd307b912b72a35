import { describe, expect, it } from 'vitest';
import { shareOfCentral } from '../../../pipelines/check/rules/share-of-central.ts';
import { planOf, quotes, ruleOf } from '../plans.ts';

const upstream = ruleOf({
  id: 'upstream_min',
  check: 'share_of_central',
  comparator: '>=',
  threshold: 0.5,
  categories: ['upstream', 'logistics'],
});
const centre = ruleOf({
  id: 'centre_max',
  check: 'share_of_central',
  comparator: '<=',
  threshold: 0.15,
  label_pattern: '公共服务中心|服务中心',
  label_exclude: '物流|仓储|配送|冷链',
});
const FUNDS = ['一、项目资金', '项目总投资2000万元，其中中央财政资金2000万元。', '二、资金安排'];

describe('shareOfCentral', () => {
  it('shareOfCentral(rule, x) counts upstream and logistics items: 800 + 300 of 2,000万元 = 55% ≥ 50%', () => {
    const { text, x } = planOf([
      ...FUNDS,
      '（一）农产品品牌培育',
      '中央财政资金800万元。',
      '（二）县乡村三级物流配送体系',
      '中央财政资金300万元。',
      '（三）农村电商培训',
      '中央财政资金900万元。',
    ]);
    const f = shareOfCentral(upstream, x);
    expect(f).toMatchObject({
      status: 'pass',
      numerator: 11_000_000,
      denominator: 20_000_000,
      threshold: 0.5,
    });
    expect(f.message_zh).toContain('合计 1,100万元，占中央财政资金 2,000万元 的比例为 55%');
    // the central funds first, then each item counted
    expect(quotes(text, f)[0]).toBe('2000万元');
    expect(quotes(text, f)).toHaveLength(3);
  });

  it('shareOfCentral(rule, x) counts the items of a group, not the group: 500 + 700 of 2,000万元 under a group of 1,300万元', () => {
    const { x } = planOf([
      ...FUNDS,
      '（一）农产品上行体系建设',
      '中央财政资金1300万元。农产品品牌培育中央财政资金500万元，农产品质量追溯体系中央财政资金700万元。',
      '（二）农村电商培训',
      '中央财政资金700万元。',
    ]);
    // the group alone would be 1,300万元, the group and its items 2,500万元
    expect(shareOfCentral(upstream, x)).toMatchObject({ status: 'pass', numerator: 12_000_000 });
  });

  it('shareOfCentral(rule, x) finds 300 of 2,000万元 (15%) to the service centre at most 15%', () => {
    const { x } = planOf([
      ...FUNDS,
      '（一）农产品上行体系建设',
      '中央财政资金1700万元。',
      '（二）县级电子商务公共服务中心建设',
      '中央财政资金300万元。',
    ]);
    const f = shareOfCentral(centre, x);
    expect(f).toMatchObject({ status: 'pass', numerator: 3_000_000, comparator: '<=' });
    expect(f.message_en).toContain(
      'the central funds of items whose label names 公共服务中心 or 服务中心 total',
    );
  });

  it('shareOfCentral(rule, x) does not count a logistics centre as the service centre, and says no item names one', () => {
    const { text, x } = planOf([
      ...FUNDS,
      '（一）县级物流配送中心建设',
      '中央财政资金600万元。',
      '（二）农产品上行体系建设',
      '中央财政资金1400万元。',
    ]);
    const f = shareOfCentral(centre, x);
    expect(f).toMatchObject({ status: 'not_enough_data', threshold: 0.15 });
    expect(f.message_zh).toContain('没有名称含“公共服务中心/服务中心”的资金分项');
    expect(quotes(text, f)).toEqual(['2000万元']);
  });

  it('shareOfCentral(rule, x) cannot check items of a plan with local funds that state no central funds of their own', () => {
    const { x } = planOf([
      '一、项目资金',
      '项目总投资2200万元，其中中央财政资金2000万元，县级财政配套资金200万元。',
      '二、资金安排',
      '（一）农产品上行体系建设',
      '总投资1200万元。',
      '（二）农村电商培训',
      '总投资1000万元。',
    ]);
    const f = shareOfCentral(upstream, x);
    expect(f).toMatchObject({ status: 'not_enough_data' });
    expect(f.message_en).toContain('not all items in the categories');
  });

  it('shareOfCentral(rule, x) cannot check a plan without central funds, nor one without fund items', () => {
    expect(shareOfCentral(upstream, planOf(['一、工作要求', '加强组织领导。']).x).message_en).toContain(
      'the document states no central funds',
    );
    expect(shareOfCentral(upstream, planOf(FUNDS).x).message_en).toContain(
      'no fund items were read from the document',
    );
  });
});
