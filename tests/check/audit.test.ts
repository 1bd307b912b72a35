import { describe, expect, it } from 'vitest';
import { audit } from '../../pipelines/check/audit.ts';
import { QIONGZHONG, ruleOf, specOf } from './plans.ts';

describe('audit', () => {
  it('audit(x, text, place, rules) gives one finding per rule in the rules’ order, then coverage, then dates', () => {
    const { text, x } = specOf({ county: '琼中黎族苗族自治县', central: 2000, local: 200 });
    const rules = [
      ruleOf({ id: 'b_matching', check: 'matching_ratio', comparator: '>=', threshold: 0.1 }),
      ruleOf({ id: 'a_negative', check: 'negative_list', terms: ['购买流量'] }),
    ];
    expect(audit(x, text, QIONGZHONG, rules).map((f) => `${f.check} ${f.rule_id ?? ''}`.trim())).toEqual([
      'rule:matching_ratio b_matching',
      'rule:negative_list a_negative',
      'village_coverage',
      'phases_in_period',
      'issued_before_first_phase_end',
    ]);
  });

  it('audit(x, text, place, []) still checks coverage and dates of a plan checked against no rule', () => {
    const { text, x } = specOf({ county: '琼中黎族苗族自治县' });
    expect(audit(x, text, QIONGZHONG, [])).toHaveLength(3);
  });
});
