import { describe, expect, it } from 'vitest';
import { validate } from '../../pipelines/check/validate.ts';
import { planOf } from './plans.ts';

describe('validate', () => {
  it('validate(x) runs the sums, the conflicts, the amounts and the no-facts check, in that order', () => {
    const { x } = planOf([
      '一、项目资金',
      '项目总投资2200万元，其中中央财政资金2000万元。',
      '资金分两期拨付，先期拨付1500万元。',
      '二、资金保障',
      '项目总投资2000万元。',
    ]);
    // no items to sum; the total stated twice; one amount set aside; no items, targets, phases or products
    expect(validate(x).map((f) => f.check)).toEqual([
      'conflicting_values',
      'unaccounted_amount',
      'amounts_accounted',
      'no_facts',
    ]);
  });

  it('validate(x) finds 1,300 + 700 of the stated 2,000万元 in full and nothing else to say but the sums', () => {
    const { x } = planOf([
      '一、项目资金',
      '项目总投资2000万元。',
      '二、资金安排',
      '（一）农产品上行体系建设',
      '总投资1300万元。',
      '（二）农村电商培训',
      '总投资700万元。',
    ]);
    expect(validate(x).map((f) => [f.check, f.status])).toEqual([
      ['items_sum', 'pass'],
      ['amounts_accounted', 'pass'],
    ]);
  });
});
