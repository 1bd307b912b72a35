import { describe, expect, it } from 'vitest';
import { accounted, amounts, refused, unaccounted } from '../../../pipelines/check/validate/amounts.ts';
import { PLAUSIBLE_YUAN } from '../../../pipelines/extract/matchers/money.ts';
import { planOf } from '../plans.ts';

const FUNDS = '项目总投资2000万元，其中中央财政资金2000万元。';

describe('amounts', () => {
  it('amounts(x) notes 先期拨付1500万元 as a payment schedule and 年销售额50万元 as a threshold, then 2 of 4 accounted', () => {
    const { x } = planOf([
      '一、项目资金',
      FUNDS,
      '资金分两期拨付，先期拨付1500万元。',
      '培训后新增年销售额50万元以上店铺10家。',
    ]);
    const found = amounts(x);
    expect(found.map((f) => [f.check, f.subject, f.numerator])).toEqual([
      ['unaccounted_amount', 'disbursement', 15_000_000],
      ['unaccounted_amount', 'threshold', 500_000],
      ['amounts_accounted', 'amounts', 2],
    ]);
    expect(found[0]!.message_zh).toBe('文中金额 1,500万元 未计入任何资金项（拨付安排，非分项资金）。');
    expect(found[2]).toMatchObject({ status: 'fail', denominator: 4 });
    expect(found[2]!.message_zh).toBe('文中 4 处金额，2 处已计入资金数据（50%）。');
  });

  it('unaccounted(amount) names an amount without a note as one no item could be attached to', () => {
    const f = unaccounted({ yuan: 500_000, note: null, start: 3, end: 7 } as Parameters<
      typeof unaccounted
    >[0]);
    expect(f).toMatchObject({ subject: 'unnamed', severity: 'info', evidence: [{ start: 3, end: 7 }] });
    expect(f.message_en).toBe(
      'The amount ¥500,000 in the text is not part of any fund fact (no item could be attached).',
    );
  });

  it('refused(amount) finds “2 000万元” unreadable: a space between digits may separate two numbers', () => {
    const { x } = planOf(['一、项目资金', '项目总投资2 000万元，其中中央财政资金1500万元。']);
    const f = refused(x.amounts.find((a) => a.note === 'unreadable')!);
    expect(f).toMatchObject({
      check: 'number_unreadable',
      status: 'fail',
      severity: 'review',
      subject: 'ambiguous_space',
      numerator: null,
      threshold: null,
    });
    expect(f.message_zh).toContain('文中金额“2 000万元”数字之间有空白 U+0020');
    expect(f.message_en).toContain('U+0020 space');
  });

  it('refused(amount) finds 200亿元 implausible, above the bound for one county’s plan, and keeps its value', () => {
    const { x } = planOf(['一、项目资金', '项目总投资200亿元，其中中央财政资金1500万元。']);
    const f = refused(x.amounts.find((a) => a.note === 'implausible')!);
    expect(f).toMatchObject({
      check: 'amount_implausible',
      subject: 'above_bound',
      numerator: 20_000_000_000,
    });
    expect(f.threshold).toBe(PLAUSIBLE_YUAN);
    expect(f.message_zh).toContain('文中金额“200亿元”折合 200亿元，超过单个县级方案的可信上限');
  });

  it('refused(amount) shows an invisible right-to-left override in the quote as [U+202E]', () => {
    const { x } = planOf(['一、项目资金', '项目总投资1\u202E500万元，其中中央财政资金1500万元。']);
    const f = refused(x.amounts.find((a) => a.note === 'unreadable')!);
    expect(f.subject).toBe('bidi_control');
    expect(f.message_zh).toContain('“1[U+202E]500万元”');
    expect(f.message_en).toContain('U+202E right-to-left override');
  });

  it('accounted(x) passes when fund facts account for all 2 amounts, and gives nothing for a text without amounts', () => {
    const { x } = planOf(['一、项目资金', FUNDS]);
    expect(accounted(x)).toMatchObject([{ status: 'pass', numerator: 2, denominator: 2 }]);
    expect(accounted(planOf(['一、工作要求', '加强组织领导。']).x)).toEqual([]);
  });
});
