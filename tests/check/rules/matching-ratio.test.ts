import { describe, expect, it } from 'vitest';
import { matchingRatio } from '../../../pipelines/check/rules/matching-ratio.ts';
import { planOf, quotes, ruleOf } from '../plans.ts';

const rule = ruleOf({ id: 'matching_min', check: 'matching_ratio', comparator: '>=', threshold: 0.1 });

describe('matchingRatio', () => {
  it('matchingRatio(rule, x) meets a ≥ 10% rule with 200万元 of local funds against 2,000万元 central', () => {
    const { text, x } = planOf([
      '一、项目资金',
      '项目总投资2200万元，其中中央财政资金2000万元，县级财政配套资金200万元。',
    ]);
    const f = matchingRatio(rule, x);
    expect(f).toMatchObject({
      check: 'rule:matching_ratio',
      status: 'pass',
      numerator: 2_000_000,
      denominator: 20_000_000,
      threshold: 0.1,
    });
    expect(f.message_zh).toContain('县级配套资金 200万元 占中央财政资金 2,000万元 的比例为 10%');
    expect(quotes(text, f)).toEqual(['200万元', '2000万元']);
  });

  it('matchingRatio(rule, x) does not meet it with 100万元 against 2,000万元 (5%), for review', () => {
    const { x } = planOf([
      '一、项目资金',
      '项目总投资2100万元，其中中央财政资金2000万元，县级财政配套资金100万元。',
    ]);
    expect(matchingRatio(rule, x)).toMatchObject({
      status: 'fail',
      severity: 'review',
      numerator: 1_000_000,
    });
  });

  it('matchingRatio(rule, x) cannot check a plan without local funds, citing its central funds', () => {
    const { text, x } = planOf(['一、项目资金', '项目总投资2000万元，其中中央财政资金2000万元。']);
    const f = matchingRatio(rule, x);
    expect(f).toMatchObject({ status: 'not_enough_data' });
    expect(f.message_en).toContain('the document states no local matching funds');
    expect(quotes(text, f)).toEqual(['2000万元']);
  });

  it('matchingRatio(rule, x) cannot check a plan without central funds', () => {
    const { x } = planOf(['一、工作要求', '加强组织领导。']);
    expect(matchingRatio(rule, x)).toMatchObject({ status: 'not_enough_data', evidence: [] });
  });
});
