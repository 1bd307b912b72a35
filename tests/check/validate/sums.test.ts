import { describe, expect, it } from 'vitest';
import { fundTree } from '../../../pipelines/check/fund-tree.ts';
import { groupSums, itemsSum, sums, totalSums } from '../../../pipelines/check/validate/sums.ts';
import { planOf, quotes } from '../plans.ts';

const GROUP = [
  '一、项目资金',
  '项目总投资2000万元，其中中央财政资金2000万元。',
  '二、资金安排',
  '（一）农产品上行体系建设',
  '总投资1300万元。农产品品牌培育500万元，农产品质量追溯体系700万元。',
  '（二）农村电商培训',
  '总投资700万元。',
];

describe('sums', () => {
  it('sums(x) finds items of 500万元 and 700万元 under a group of 1,300万元 short by 100万元', () => {
    const { text, x } = planOf(GROUP);
    const group = x.allocations.find((a) => a.label === '农产品上行体系建设')!;
    const f = sums(x).find((s) => s.subject === group.itemId)!;
    expect(f).toMatchObject({
      check: 'items_sum',
      status: 'fail',
      severity: 'review',
      numerator: 12_000_000,
      denominator: 13_000_000,
    });
    expect(f.message_zh).toBe(
      '“农产品上行体系建设”（总额）：分项合计 1,200万元，所列为 1,300万元，相差 100万元。',
    );
    // the group's statement first, then its two items
    expect(quotes(text, f)).toHaveLength(3);
    expect(quotes(text, f)[0]).toContain('1300万元');
  });

  it('totalSums(x) finds the top-level items, 1,300 + 700万元, equal to the stated 2,000万元', () => {
    const { x } = planOf(GROUP);
    const total = totalSums(x).find((f) => f.subject === 'funds_amount')!;
    expect(total).toMatchObject({ status: 'pass', numerator: 20_000_000, denominator: 20_000_000 });
    expect(total.message_en).toBe('All items (total): the items add up to ¥20 million, as stated.');
  });

  it('totalSums(x) cannot sum central funds when the items state amounts but not their sources', () => {
    const { x } = planOf(GROUP);
    const central = totalSums(x).find((f) => f.subject === 'funds_central')!;
    expect(central).toMatchObject({ status: 'not_enough_data', numerator: null, denominator: 20_000_000 });
  });

  it('totalSums(x) compares the items with the one source a plan states without a total (中央专项资金500万元)', () => {
    const { x } = planOf([
      '一、项目资金',
      '项目资金来源于中央财政资金500万元。',
      '二、资金安排',
      '（一）物流快递配送体系',
      '总投资300万元。',
      '（二）农村电商培训',
      '总投资200万元。',
    ]);
    const f = totalSums(x).find((s) => s.message_zh.includes('文件仅列'))!;
    expect(f).toMatchObject({ subject: 'funds_central', status: 'pass', numerator: 5_000_000 });
    expect(f.message_zh).toContain('全部分项（文件仅列中央财政资金）（总额）');
  });

  it('groupSums(x) skips a group whose total is only its sources added up', () => {
    const { x } = planOf([
      '一、项目资金',
      '项目总投资2000万元，其中中央财政资金2000万元。',
      '二、资金安排',
      '（一）农产品上行体系建设',
      '中央财政资金1200万元。农产品品牌培育中央财政资金500万元，农产品质量追溯体系中央财政资金700万元。',
    ]);
    // the group states central funds only: one check, of central funds (500 + 700 = 1,200万元)
    expect(groupSums(x).map((f) => [f.message_en.split(':')[0], f.status])).toEqual([
      ['“农产品上行体系建设” (central)', 'pass'],
    ]);
  });

  it('itemsSum(tree, sum) is not_enough_data when an item does not state the source summed', () => {
    const { x } = planOf(GROUP);
    const items = x.allocations.filter((a) => a.parentItemId === null);
    const f = itemsSum(fundTree(x), {
      subject: 'funds_local',
      labelZh: '全部分项',
      labelEn: 'All items',
      slot: 'local',
      stated: 1_000_000,
      statedSpan: { start: 0, end: 1 },
      items,
    });
    expect(f).toMatchObject({ status: 'not_enough_data', denominator: 1_000_000 });
    expect(f.message_zh).toBe('全部分项（市县财政）：部分分项未列该项资金，无法核对合计。');
  });
});
