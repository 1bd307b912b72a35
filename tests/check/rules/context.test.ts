import { describe, expect, it } from 'vitest';
import { ruleContext } from '../../../pipelines/check/rules/context.ts';
import { ruleOf } from '../plans.ts';

const atLeastHalf = ruleOf({
  id: 'upstream_min',
  check: 'share_of_central',
  comparator: '>=',
  threshold: 0.5,
});

describe('rule context', () => {
  it('ruleContext(rule).base names the check after the rule’s kind, the rule as subject, and its comparator', () => {
    expect(ruleContext(atLeastHalf).base).toMatchObject({
      check: 'rule:share_of_central',
      subject: 'upstream_min',
      rule_id: 'upstream_min',
      comparator: '>=',
    });
    expect(ruleContext(ruleOf({ check: 'negative_list', terms: ['购买流量'] })).base.comparator).toBeNull();
  });

  it('ruleContext(rule).bounded(…) passes 1,200 of 2,000万元 (60%) against at least 50%', () => {
    const f = ruleContext(atLeastHalf).bounded(
      0.6,
      12_000_000,
      20_000_000,
      '某类分项的比例',
      'The share',
      [],
    );
    expect(f).toMatchObject({
      status: 'pass',
      severity: 'info',
      numerator: 12_000_000,
      denominator: 20_000_000,
      threshold: 0.5,
    });
    expect(f.message_zh).toBe('某类分项的比例为 60%；规则要求原则上不低于 50%，符合。');
    expect(f.message_en).toBe(
      'The share is 60%; the rule asks for at least 50% in principle, which this meets.',
    );
  });

  it('ruleContext(rule).bounded(…) fails 800 of 2,000万元 (40%) against at least 50%, for review', () => {
    const f = ruleContext(atLeastHalf).bounded(0.4, 8_000_000, 20_000_000, '某类分项的比例', 'The share', []);
    expect(f).toMatchObject({ status: 'fail', severity: 'review' });
    expect(f.message_zh).toContain('未达到');
  });

  it('ruleContext(rule).notEnough(zh, en) quotes the rule, says what is missing and keeps the threshold', () => {
    const f = ruleContext(atLeastHalf).notEnough(
      '文件未列中央财政资金',
      'the document states no central funds',
    );
    expect(f).toMatchObject({ status: 'not_enough_data', severity: 'info', threshold: 0.5, evidence: [] });
    expect(f.message_zh).toBe('无法核对“测试规则”：文件未列中央财政资金。');
    expect(f.message_en).toBe('Cannot check “a test rule”: the document states no central funds.');
  });

  it('ruleContext(rule).caveat notes a rule whose source is not verified, and nothing otherwise', () => {
    const unverified = ruleOf({ ...atLeastHalf, source_status: 'unverified' });
    expect(ruleContext(unverified).caveat.zh).toBe('（规则出处未经核实，见规则说明）');
    expect(ruleContext(unverified).bounded(0.6, 6, 10, '比例', 'The share', []).message_en).toContain(
      'the rule’s source is not verified',
    );
    expect(ruleContext(atLeastHalf).caveat).toEqual({ zh: '', en: '' });
  });
});
