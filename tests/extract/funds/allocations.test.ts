import { describe, expect, it } from 'vitest';
import {
  amountsOf,
  inheritCategories,
  statementSpan,
  toAllocations,
} from '../../../pipelines/extract/funds/allocations.ts';
import type { State } from '../../../pipelines/extract/funds/state.ts';
import { readAmountTables } from '../../../pipelines/extract/funds/tables.ts';
import { buildTree, itemIds } from '../../../pipelines/extract/funds/tree.ts';
import type { Allocation } from '../../../pipelines/extract/types.ts';
import { HEAD, nodeOf, readProse, stateOf } from './read.ts';

const ITEM =
  `${HEAD}三、建设内容\n（一）物流体系建设\n` +
  '一是冷链仓储中心建设，总投资600万元，其中中央财政资金400万元，县级配套资金200万元。\n';

/** The allocations of a text, read as extractFunds reads it. */
function allocationsOf(text: string): { state: State; allocations: Allocation[] } {
  const state = readProse(stateOf(text));
  const { duplicateOf } = readAmountTables(state);
  const nodes = buildTree(state);
  return { state, allocations: toAllocations(state.doc, nodes, itemIds(nodes), duplicateOf) };
}

describe('amountsOf', () => {
  it('amountsOf(node) gives a stated amount and its sources (600 = 400 + 200 万元) as stated', () => {
    const state = readProse(stateOf(ITEM));
    expect(amountsOf(nodeOf(state.nodes, '冷链仓储中心建设'))).toEqual({
      amounts: { amount: 6_000_000, central: 4_000_000, provincial: null, local: 2_000_000, other: null },
      amountBasis: 'stated',
    });
  });
  it('amountsOf(node) sums the sources of an item without an amount (中央财政资金300万元，县级配套资金200万元 → 500万元)', () => {
    const state = readProse(
      stateOf(
        `${HEAD}三、建设内容\n（一）物流体系建设\n一是冷链仓储中心建设，中央财政资金300万元，县级配套资金200万元。\n`,
      ),
    );
    expect(amountsOf(nodeOf(state.nodes, '冷链仓储中心建设'))).toEqual({
      amounts: { amount: 5_000_000, central: 3_000_000, provincial: null, local: 2_000_000, other: null },
      amountBasis: 'sum_of_sources',
    });
  });
  it('amountsOf(node) gives a group without amounts none', () => {
    const state = readProse(
      stateOf(`${HEAD}三、建设内容\n（一）物流体系建设\n1.冷链仓储中心\n总投资600万元。\n`),
    );
    buildTree(state);
    expect(amountsOf(nodeOf(state.nodes, '物流体系建设')).amountBasis).toBe('none');
  });
});

describe('statementSpan', () => {
  it('statementSpan(doc, node) runs from the label in the sentence to its last amount (冷链仓储中心建设…200万元)', () => {
    const state = readProse(stateOf(ITEM));
    const span = statementSpan(state.doc, nodeOf(state.nodes, '冷链仓储中心建设'));
    expect(ITEM.slice(span.start, span.end)).toBe(
      '冷链仓储中心建设，总投资600万元，其中中央财政资金400万元，县级配套资金200万元',
    );
  });
  it("statementSpan(doc, node) starts at the sentence for a heading's item, and leaves out an amount of a later sentence", () => {
    const text = `${HEAD}三、建设内容\n1.农产品上行物流体系建设。总投资1430万元。中央财政资金1000万元。\n`;
    const state = readProse(stateOf(text));
    const span = statementSpan(state.doc, nodeOf(state.nodes, '农产品上行物流体系建设'));
    expect(text.slice(span.start, span.end)).toBe('总投资1430万元');
  });
  it('statementSpan(doc, node) is the label of a node without amounts', () => {
    const text = `${HEAD}三、建设内容\n（一）物流体系建设\n1.冷链仓储中心\n总投资600万元。\n`;
    const state = readProse(stateOf(text));
    buildTree(state);
    const span = statementSpan(state.doc, nodeOf(state.nodes, '物流体系建设'));
    expect(text.slice(span.start, span.end)).toBe('物流体系建设');
  });
});

describe('toAllocations', () => {
  it('toAllocations(doc, nodes, ids, duplicateOf) gives each node an allocation with its id, parent, label span and category', () => {
    const text = `${HEAD}三、建设内容\n（一）物流体系建设\n1.冷链仓储中心\n总投资600万元。\n`;
    const { allocations } = allocationsOf(text);
    expect(
      allocations.map((a) => [
        a.itemId,
        a.parentItemId,
        a.label,
        a.category,
        a.amounts.amount,
        a.amountBasis,
      ]),
    ).toEqual([
      ['a001', null, '物流体系建设', 'logistics', null, 'none'],
      ['a002', 'a001', '冷链仓储中心', 'logistics', 6_000_000, 'stated'],
    ]);
    const [, item] = allocations;
    expect(text.slice(item!.labelSpan.start, item!.labelSpan.end)).toBe('冷链仓储中心');
  });
  it("toAllocations(…) accounts each placed amount, and each table cell restating it, to the item's allocation", () => {
    const { state, allocations } = allocationsOf(
      `${ITEM}金额单位：万元\n序号\t项目名称\t合计\t中央财政\t县级财政\n1\t冷链仓储中心建设\t600\t400\t200\n`,
    );
    // a001 is the group （一）物流体系建设, a002 the item
    expect(allocations.map((a) => [a.itemId, a.label])).toEqual([
      ['a001', '物流体系建设'],
      ['a002', '冷链仓储中心建设'],
    ]);
    expect(state.mentions.map((m) => m.accountedBy)).toEqual(Array(6).fill('allocation:a002'));
  });
  it('toAllocations(…) gives a group whose label names no category (重点项目) no category', () => {
    const { allocations } = allocationsOf(
      `${HEAD}三、建设内容\n（一）重点项目\n1.冷链仓储中心\n总投资600万元。\n`,
    );
    expect(allocations.map((a) => [a.label, a.category])).toEqual([
      ['重点项目', null],
      ['冷链仓储中心', 'logistics'],
    ]);
  });
});

describe('inheritCategories', () => {
  it("inheritCategories(allocations) gives an item that names no category (设备购置) its group's (冷链仓储中心: logistics)", () => {
    const { allocations } = allocationsOf(`${HEAD}冷链仓储中心\t设备购置100万元\t场地改造50万元\t150万元\n`);
    expect(allocations.map((a) => [a.label, a.category])).toEqual([
      ['冷链仓储中心', 'logistics'],
      ['设备购置', 'logistics'],
      ['场地改造', 'logistics'],
    ]);
  });
  it('inheritCategories(allocations) keeps other for an item whose groups name no category either', () => {
    const a = (itemId: string, parentItemId: string | null, category: Allocation['category']) =>
      ({ itemId, parentItemId, category }) as Allocation;
    const allocations = [a('a001', null, null), a('a002', 'a001', 'other'), a('a003', 'a001', 'training')];
    inheritCategories(allocations);
    expect(allocations.map((x) => x.category)).toEqual([null, 'other', 'training']);
  });
});
