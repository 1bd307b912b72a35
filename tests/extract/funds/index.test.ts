import { describe, expect, it } from 'vitest';
import { extractFunds } from '../../../pipelines/extract/funds/index.ts';
import { extractFunds as reexported } from '../../../pipelines/extract/funds.ts';
import { prepare } from '../../../pipelines/normalize/doc.ts';
import { outline } from '../../../pipelines/normalize/outline.ts';
import { HEAD } from './read.ts';

/** A small plan: totals with their sources, a group with two items, a payment schedule, and a table. */
const PLAN =
  `${HEAD}一、项目资金\n` +
  '项目总投资1000万元，其中：中央财政资金800万元，县级财政配套资金200万元。\n' +
  '资金分两期拨付，先期拨付500万元。\n' +
  '二、建设内容\n（一）物流体系建设\n' +
  '一是冷链仓储中心建设，总投资600万元，其中中央财政资金400万元，县级配套资金200万元；二是乡镇物流站点建设，中央财政资金300万元。\n' +
  '三、资金明细表\n' +
  '金额单位：万元\n' +
  '序号\t项目名称\t合计\t中央财政\n' +
  '1\t电商培训\t100\t100\n';

function run(text: string) {
  const doc = prepare(text);
  return extractFunds(doc, outline(doc));
}

describe('extractFunds', () => {
  it('extractFunds(doc, headings) reads the document totals (1000 = 800 + 200 万元)', () => {
    const { totals } = run(PLAN);
    expect([totals.slots.amount?.yuan, totals.slots.central?.yuan, totals.slots.local?.yuan]).toEqual([
      10_000_000, 8_000_000, 2_000_000,
    ]);
    expect(totals.conflicts).toEqual([]);
  });
  it('extractFunds(doc, headings) reads the items of the text and of the table into a tree, in text order', () => {
    const { allocations } = run(PLAN);
    expect(
      allocations.map((a) => [
        a.itemId,
        a.parentItemId,
        a.label,
        a.amounts.amount,
        a.amounts.central,
        a.amounts.local,
      ]),
    ).toEqual([
      ['a001', null, '物流体系建设', null, null, null],
      ['a002', 'a001', '冷链仓储中心建设', 6_000_000, 4_000_000, 2_000_000],
      ['a003', 'a001', '乡镇物流站点建设', 3_000_000, 3_000_000, null],
      ['a004', null, '电商培训', 1_000_000, 1_000_000, null],
    ]);
  });
  it('extractFunds(doc, headings) accounts for every amount in text order, or notes why not (先期拨付500万元: disbursement)', () => {
    const { mentions } = run(PLAN);
    expect(mentions.map((m) => [m.yuan, m.accountedBy, m.note ?? null])).toEqual([
      [10_000_000, 'funds:total', null],
      [8_000_000, 'funds:central', null],
      [2_000_000, 'funds:local', null],
      [5_000_000, null, 'disbursement'],
      [6_000_000, 'allocation:a002', null],
      [4_000_000, 'allocation:a002', null],
      [2_000_000, 'allocation:a002', null],
      [3_000_000, 'allocation:a003', null],
      [1_000_000, 'allocation:a004', null],
      [1_000_000, 'allocation:a004', null],
    ]);
  });
  it('extractFunds(doc, headings) returns no refused cell for a table of plausible amounts', () => {
    expect(run(PLAN).refused).toEqual([]);
  });
  it('pipelines/extract/funds.ts re-exports the same extractFunds', () => {
    expect(reexported).toBe(extractFunds);
  });
});
