import { describe, expect, it } from 'vitest';
import {
  CASES,
  documentTotals,
  namedByClause,
  namedByHeading,
  namedItem,
  notAnAllocation,
  perSourceBreakdown,
  placeAmount,
  rowTotal,
  sumRow,
} from '../../../pipelines/extract/funds/cases.ts';
import { HEAD, nodeOf, nodesOf, readProse, readUpTo, stateOf, written } from './read.ts';

const TOTALS = `${HEAD}一、项目资金\n项目总投资2200万元，其中：中央财政资金1500万元，县级财政配套资金700万元。\n`;
/** An item named by the enumerated clause before its amount, under a heading that names an item. */
const ITEM =
  `${HEAD}三、建设内容\n（一）物流体系建设\n` +
  '一是冷链仓储中心建设，总投资600万元，其中中央财政资金400万元，县级配套资金200万元。\n';

describe('CASES and placeAmount', () => {
  it('CASES tries the cases in the order of the statement kinds: set aside, totals, breakdown, sum, named item, row total, clause, heading', () => {
    expect(CASES).toEqual([
      notAnAllocation,
      documentTotals,
      perSourceBreakdown,
      sumRow,
      namedItem,
      rowTotal,
      namedByClause,
      namedByHeading,
    ]);
  });
  it('placeAmount(state, amount) notes an amount no case takes as unnamed (经费50万元 with no item, no heading)', () => {
    const state = stateOf(`${HEAD}经费50万元。\n`);
    const a = readUpTo(state, '50万元');
    placeAmount(state, a);
    expect([a.m.note, a.m.accountedBy]).toEqual(['unnamed', null]);
    expect(state.nodes).toEqual([]);
  });
});

describe('notAnAllocation', () => {
  it('notAnAllocation(state, amount) sets aside 先期拨付1500万元 as a disbursement', () => {
    const state = stateOf(`${HEAD}项目资金分两期拨付，先期拨付1500万元。\n`);
    const a = readUpTo(state, '1500万元');
    expect(notAnAllocation(state, a)).toBe(true);
    expect([a.m.note, a.m.accountedBy]).toEqual(['disbursement', null]);
  });
  it('notAnAllocation(state, amount) sets aside 年销售额50万元以上 as a threshold and 20万元，主要用于 as an explanation', () => {
    const state = stateOf(
      `${HEAD}对年销售额50万元以上的网店给予奖励。电商培训安排资金20万元，主要用于讲师费。\n`,
    );
    const threshold = readUpTo(state, '50万元');
    expect(notAnAllocation(state, threshold)).toBe(true);
    expect(threshold.m.note).toBe('threshold');
    const explanation = readUpTo(state, '20万元');
    expect(notAnAllocation(state, explanation)).toBe(true);
    expect(explanation.m.note).toBe('explanation');
  });
  it('notAnAllocation(state, amount) leaves an allocation (物流体系建设300万元) to the other cases', () => {
    const state = stateOf(`${HEAD}物流体系建设300万元。\n`);
    const a = readUpTo(state, '300万元');
    expect(notAnAllocation(state, a)).toBe(false);
    expect(a.m.note).toBeUndefined();
  });
});

describe('documentTotals', () => {
  it('documentTotals(state, amount) reads 项目总投资2200万元 under 一、项目资金 as the document total', () => {
    const state = stateOf(TOTALS);
    const a = readUpTo(state, '2200万元');
    expect(documentTotals(state, a)).toBe(true);
    expect(state.totals.slots.amount?.yuan).toBe(22_000_000);
    expect(a.m.accountedBy).toBe('funds:total');
    expect(state.current).toBe('doc');
    expect([...state.rootHeadings].map((h) => h.label)).toEqual(['项目资金']);
  });
  it('documentTotals(state, amount) reads a total that names the county as its subject (我县…示范项目总投资2200万元)', () => {
    const state = stateOf(`${HEAD}我县电子商务进农村综合示范项目总投资2200万元。\n`);
    const a = readUpTo(state, '2200万元');
    expect(a.clause.label).toBe('我县电子商务进农村综合示范');
    expect(documentTotals(state, a)).toBe(true);
    expect(state.totals.slots.amount?.yuan).toBe(22_000_000);
  });
  it('documentTotals(state, amount) reads a total of a source as that source (中央财政资金总投入1500万元 → central)', () => {
    const state = stateOf(`${HEAD}一、项目资金\n中央财政资金总投入1500万元。\n`);
    const a = readUpTo(state, '1500万元');
    expect(documentTotals(state, a)).toBe(true);
    expect(state.totals.slots).toEqual({ central: { yuan: 15_000_000, nstart: a.m.nstart, nend: a.m.nend } });
  });
  it("documentTotals(state, amount) leaves 总投资600万元 under （一）物流体系建设 to that heading's item", () => {
    const state = stateOf(`${HEAD}三、建设内容\n（一）物流体系建设\n总投资600万元。\n`);
    const a = readUpTo(state, '600万元');
    expect(documentTotals(state, a)).toBe(false);
    expect(state.totals.slots).toEqual({});
  });
  it('documentTotals(state, amount) leaves the total of a named item (物流配送中心总投资600万元) to the item', () => {
    const state = stateOf(`${HEAD}一、资金安排\n物流配送中心总投资600万元。\n`);
    const a = readUpTo(state, '600万元');
    expect(documentTotals(state, a)).toBe(false);
  });
});

describe('perSourceBreakdown', () => {
  it('perSourceBreakdown(state, amount) attaches 其中：中央财政资金1500万元 to the document total before it', () => {
    const state = stateOf(TOTALS);
    const a = readUpTo(state, '1500万元');
    expect(perSourceBreakdown(state, a)).toBe(true);
    expect(state.totals.slots.central?.yuan).toBe(15_000_000);
    expect(a.m.accountedBy).toBe('funds:central');
    const b = readUpTo(state, '700万元');
    expect(perSourceBreakdown(state, b)).toBe(true);
    expect(state.totals.slots.local?.yuan).toBe(7_000_000);
  });
  it('perSourceBreakdown(state, amount) attaches 其中中央财政资金400万元 to the item just stated (冷链仓储中心建设)', () => {
    const state = stateOf(ITEM);
    const a = readUpTo(state, '400万元');
    expect(perSourceBreakdown(state, a)).toBe(true);
    expect(nodesOf(state.nodes)).toEqual([['冷链仓储中心建设', { amount: 6_000_000, central: 4_000_000 }]]);
  });
  it('perSourceBreakdown(state, amount) declines a second 中央财政资金 for an item that has one: it starts the next item', () => {
    const state = stateOf(
      `${HEAD}三、建设内容\n（一）物流体系建设\n` +
        '一是冷链仓储中心建设，中央财政资金400万元；二是乡镇物流站点建设，中央财政资金300万元。\n',
    );
    const a = readUpTo(state, '300万元');
    expect(perSourceBreakdown(state, a)).toBe(false);
    placeAmount(state, a);
    expect(nodesOf(state.nodes)).toEqual([
      ['冷链仓储中心建设', { central: 4_000_000 }],
      ['乡镇物流站点建设', { central: 3_000_000 }],
    ]);
  });
  it('perSourceBreakdown(state, amount) declines a source in a new sentence (nothing stated yet in it)', () => {
    const state = stateOf(`${HEAD}电商培训100万元。中央财政资金80万元。\n`);
    expect(perSourceBreakdown(state, readUpTo(state, '80万元'))).toBe(false);
  });
});

describe('sumRow', () => {
  const SECTION = `${HEAD}三、建设内容\n（二）人才培训\n培训费80万元，讲师费40万元，合计120万元。\n`;
  it("sumRow(state, amount) takes 合计120万元 as its section's total: the item of （二）人才培训", () => {
    const state = stateOf(SECTION);
    const a = readUpTo(state, '120万元');
    expect(sumRow(state, a)).toBe(true);
    expect(nodesOf(state.nodes)).toEqual([
      ['培训费', { amount: 800_000 }],
      ['讲师费', { amount: 400_000 }],
      ['人才培训', { amount: 1_200_000 }],
    ]);
    expect(nodeOf(state.nodes, '人才培训').heading?.label).toBe('人才培训');
    expect(state.current).toBeNull();
  });
  it('sumRow(state, amount) reads a row that opens with 合计 (合计\\t120万元)', () => {
    const state = stateOf(
      `${HEAD}三、建设内容\n（二）人才培训\n培训费80万元。\n讲师费40万元。\n合计\t120万元\n`,
    );
    const a = readUpTo(state, '120万元');
    expect(a.clause.labelPart).toBe('');
    expect(sumRow(state, a)).toBe(true);
    expect(nodeOf(state.nodes, '人才培训').slots.amount?.mention.yuan).toBe(1_200_000);
  });
  it('sumRow(state, amount) restates the document total under its heading (合计2200万元 under 一、项目资金): no conflict', () => {
    const state = stateOf(
      `${HEAD}一、项目资金\n项目总投资2200万元。\n物流体系1200万元，其他1000万元，合计2200万元。\n`,
    );
    const a = readUpTo(state, '2200万元', 1);
    expect(sumRow(state, a)).toBe(true);
    expect(state.totals.slots.amount?.yuan).toBe(22_000_000);
    expect(state.totals.conflicts).toEqual([]);
    expect(a.m.accountedBy).toBe('funds:total');
  });
  it("sumRow(state, amount) takes a section's sum of one source as the document's amount of that source when none is stated", () => {
    const state = stateOf(
      `${HEAD}三、中央财政资金安排\n（一）物流体系\n冷链仓储300万元，物流站点200万元，合计500万元。\n`,
    );
    const a = readUpTo(state, '500万元');
    expect(sumRow(state, a)).toBe(true);
    expect(nodeOf(state.nodes, '物流体系').slots.central?.mention.yuan).toBe(5_000_000);
    expect(state.totals.slots.central?.yuan).toBe(5_000_000);
  });
  it('sumRow(state, amount) declines an amount without 合计, 总计, 小计 or 共计 (讲师费40万元)', () => {
    const state = stateOf(SECTION);
    expect(sumRow(state, readUpTo(state, '40万元'))).toBe(false);
  });
});

describe('namedItem', () => {
  it('namedItem(state, amount) makes the item its clause names (物流快递配送体系100万元)', () => {
    const state = stateOf(`${HEAD}物流快递配送体系100万元。\n`);
    const a = readUpTo(state, '100万元');
    expect(namedItem(state, a)).toBe(true);
    expect(nodesOf(state.nodes)).toEqual([['物流快递配送体系', { amount: 1_000_000 }]]);
    const [node] = state.nodes;
    expect(written(state, node!.labelStart, node!.labelEnd)).toBe('物流快递配送体系');
    expect(state.current).toBe(node);
  });
  it('namedItem(state, amount) labels the item as written (物流體系建設100萬元 → 物流體系建設)', () => {
    const state = stateOf(`${HEAD}物流體系建設100萬元。\n`);
    const a = readUpTo(state, '100萬元');
    expect(namedItem(state, a)).toBe(true);
    expect(state.nodes.map((n) => n.label)).toEqual(['物流體系建設']);
  });
  it('namedItem(state, amount) puts 500万元（中央财政资金） in both the amount and the central slot', () => {
    const state = stateOf(`${HEAD}电商公共服务中心建设500万元（中央财政资金）。\n`);
    expect(namedItem(state, readUpTo(state, '500万元'))).toBe(true);
    expect(nodesOf(state.nodes)).toEqual([
      ['电商公共服务中心建设', { central: 5_000_000, amount: 5_000_000 }],
    ]);
  });
  it('namedItem(state, amount) remembers an item in a table cell as an item of its row', () => {
    const state = stateOf(`${HEAD}冷链仓储中心\t设备购置100万元\t场地改造50万元\t150万元\n`);
    expect(namedItem(state, readUpTo(state, '100万元'))).toBe(true);
    expect(state.rowItems.map((n) => n.label)).toEqual(['设备购置']);
  });
  it('namedItem(state, amount) declines an amount whose clause names nothing (，总投资600万元)', () => {
    const state = stateOf(ITEM);
    expect(namedItem(state, readUpTo(state, '600万元'))).toBe(false);
  });
});

describe('rowTotal', () => {
  const ROW = `${HEAD}冷链仓储中心\t设备购置100万元\t场地改造50万元\t150万元\n`;
  it('rowTotal(state, amount) takes 150万元 alone in the last cell as the total of the row, 冷链仓储中心, over its items', () => {
    const state = stateOf(ROW);
    const a = readUpTo(state, '150万元');
    expect(rowTotal(state, a)).toBe(true);
    expect(nodesOf(state.nodes)).toEqual([
      ['设备购置', { amount: 1_000_000 }],
      ['场地改造', { amount: 500_000 }],
      ['冷链仓储中心', { amount: 1_500_000 }],
    ]);
    const row = nodeOf(state.nodes, '冷链仓储中心');
    for (const label of ['设备购置', '场地改造'])
      expect(nodeOf(state.nodes, label)).toMatchObject({ parent: row, fixedParent: true });
    expect(state.rowItems).toEqual([]);
  });
  it('rowTotal(state, amount) declines a cell amount with no item before it on the row (人才培训\\t80万元)', () => {
    const state = stateOf(`${HEAD}人才培训\t80万元\n`);
    expect(rowTotal(state, readUpTo(state, '80万元'))).toBe(false);
  });
});

describe('namedByClause', () => {
  it('namedByClause(state, amount) names 总投资600万元 by the clause before it (一是冷链仓储中心建设)', () => {
    const state = stateOf(ITEM);
    const a = readUpTo(state, '600万元');
    expect(namedByClause(state, a)).toBe(true);
    expect(nodesOf(state.nodes)).toEqual([['冷链仓储中心建设', { amount: 6_000_000 }]]);
    const [node] = state.nodes;
    expect(written(state, node!.labelStart, node!.labelEnd)).toBe('冷链仓储中心建设');
    expect(node!.scope?.label).toBe('物流体系建设');
  });
  it('namedByClause(state, amount) declines a clause without an enumerator (冷链仓储中心建设，总投资600万元)', () => {
    const state = stateOf(`${HEAD}三、建设内容\n（一）物流体系建设\n冷链仓储中心建设，总投资600万元。\n`);
    expect(namedByClause(state, readUpTo(state, '600万元'))).toBe(false);
  });
  it('namedByClause(state, amount) declines a clause with an amount of its own (一是冷链物流中心建设300万元，投资500万元)', () => {
    const state = stateOf(`${HEAD}一是冷链物流中心建设300万元，投资500万元。\n`);
    const a = readUpTo(state, '500万元');
    expect(namedByClause(state, a)).toBe(false);
    placeAmount(state, a);
    expect(a.m.note).toBe('unnamed');
  });
});

describe('namedByHeading', () => {
  const HEADED = `${HEAD}三、建设内容\n1.农产品上行物流体系建设。总投资1430万元。\n`;
  it('namedByHeading(state, amount) names 总投资1430万元 by the heading it stands under (1.农产品上行物流体系建设)', () => {
    const state = stateOf(HEADED);
    const a = readUpTo(state, '1430万元');
    expect(namedByHeading(state, a)).toBe(true);
    expect(nodesOf(state.nodes)).toEqual([['农产品上行物流体系建设', { amount: 14_300_000 }]]);
    expect(state.headingItems.get(a.scope!)).toBe(state.nodes[0]);
  });
  it("namedByHeading(state, amount) adds 中央财政资金1000万元 of a later sentence to the heading's item", () => {
    const state = readProse(stateOf(`${HEADED}中央财政资金1000万元。\n`));
    expect(nodesOf(state.nodes)).toEqual([
      ['农产品上行物流体系建设', { amount: 14_300_000, central: 10_000_000 }],
    ]);
  });
  it("namedByHeading(state, amount) accounts the heading's amount stated again (共1430万元) as a duplicate", () => {
    const state = stateOf(`${HEADED}共1430万元。\n`);
    const a = readUpTo(state, '1430万元', 1);
    expect(namedByHeading(state, a)).toBe(true);
    expect(a.m.accountedBy).toBe('duplicate');
    expect(state.nodes).toHaveLength(1);
  });
  it('namedByHeading(state, amount) declines a different amount for a slot the item has (共1000万元)', () => {
    const state = stateOf(`${HEADED}共1000万元。\n`);
    expect(namedByHeading(state, readUpTo(state, '1000万元'))).toBe(false);
  });
  it('namedByHeading(state, amount) declines an amount under the heading of the document totals', () => {
    const state = stateOf(`${HEAD}一、项目资金\n项目总投资2200万元。共2200万元。\n`);
    expect(namedByHeading(state, readUpTo(state, '2200万元', 1))).toBe(false);
  });
});
