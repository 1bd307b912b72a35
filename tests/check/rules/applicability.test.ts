import { describe, expect, it } from 'vitest';
import { inapplicable } from '../../../pipelines/check/rules/applicability.ts';
import { planOf, QIONGZHONG, quotes, ruleOf } from '../plans.ts';

const FUNDS = ['一、项目资金', '项目总投资2200万元，其中中央财政资金2000万元，县级财政配套资金200万元。'];
const rule = ruleOf({ id: 'matching_2019', check: 'matching_ratio', comparator: '>=', threshold: 0.1 });

describe('applicability', () => {
  it('inapplicable(rule, x, place) is null for a 2019 national plan under a rule of 2019 national plans', () => {
    const { x } = planOf(FUNDS);
    expect(inapplicable(rule, x, QIONGZHONG)).toBeNull();
  });

  it('inapplicable(rule, x, place) finds a 2019 rule not applicable to a 2018 plan, citing its year and level', () => {
    const { text, x } = planOf(FUNDS, '某某县2018年国家级电子商务进农村综合示范项目实施方案');
    const f = inapplicable(rule, x, QIONGZHONG)!;
    expect(f).toMatchObject({
      check: 'rule:matching_ratio',
      rule_id: 'matching_2019',
      status: 'not_applicable',
    });
    expect(f.severity).toBe('info');
    expect(f.message_zh).toContain('本文件为 2018 年度国家级');
    const [year, level] = quotes(text, f);
    expect(year).toContain('2018年');
    expect(level).toContain('国家级');
  });

  it('inapplicable(rule, x, place) cannot tell for a plan that states no programme year', () => {
    const { x } = planOf(FUNDS, '某某县电子商务进农村综合示范项目实施方案');
    expect(inapplicable(rule, x, QIONGZHONG)).toMatchObject({ status: 'not_enough_data' });
  });

  it('inapplicable(rule, x, place) cannot tell where a rule of Hainan applies to a plan of an unknown county', () => {
    const hainan = ruleOf({ ...rule, provinces: ['海南省'] });
    const { x } = planOf(FUNDS);
    expect(inapplicable(hainan, x, null)).toMatchObject({ status: 'not_enough_data' });
    expect(inapplicable(hainan, x, { ...QIONGZHONG, province: '山西省' })).toMatchObject({
      status: 'not_applicable',
    });
    expect(inapplicable(hainan, x, QIONGZHONG)).toBeNull();
  });
});
