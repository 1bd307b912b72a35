import { describe, expect, it } from 'vitest';
import { checkRule, RULE_KINDS } from '../../../pipelines/check/rules/index.ts';
import { matchingRatio } from '../../../pipelines/check/rules/matching-ratio.ts';
import { RULE_CHECKS, type Rule } from '../../../pipelines/reference/rules.ts';
import { planOf, QIONGZHONG, ruleOf } from '../plans.ts';

const FUNDS = ['一、项目资金', '项目总投资2200万元，其中中央财政资金2000万元，县级财政配套资金200万元。'];
const rule = ruleOf({ id: 'matching_min', check: 'matching_ratio', comparator: '>=', threshold: 0.1 });

describe('rule kinds', () => {
  it('RULE_KINDS has a check for each kind the rules loader accepts, and no other', () => {
    expect(Object.keys(RULE_KINDS).sort()).toEqual([...RULE_CHECKS].sort());
  });

  it('checkRule(rule, x, place) runs the kind’s check where the rule applies (200 of 2,000万元)', () => {
    const { x } = planOf(FUNDS);
    expect(checkRule(rule, x, QIONGZHONG)).toEqual(matchingRatio(rule, x, QIONGZHONG));
    expect(checkRule(rule, x, QIONGZHONG)).toMatchObject({ status: 'pass', numerator: 2_000_000 });
  });

  it('checkRule(rule, x, place) gives not_applicable for a 2018 plan without running the kind’s check', () => {
    const { x } = planOf(FUNDS, '某某县2018年国家级电子商务进农村综合示范项目实施方案');
    expect(checkRule(rule, x, QIONGZHONG)).toMatchObject({ status: 'not_applicable', numerator: null });
  });

  it('checkRule(rule, x, place) throws naming the rule for an unknown kind, and for a name of Object.prototype', () => {
    const { x } = planOf(FUNDS);
    for (const check of ['median_share', 'constructor']) {
      const odd = { ...rule, id: 'odd_rule', check } as unknown as Rule;
      expect(() => checkRule(odd, x, QIONGZHONG)).toThrow(/odd_rule.*unknown check/);
    }
  });
});
