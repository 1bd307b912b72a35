import { describe, expect, it } from 'vitest';
import { newNode, place } from '../../../pipelines/extract/funds/state.ts';
import { readAmountTables } from '../../../pipelines/extract/funds/tables.ts';
import {
  attachParents,
  buildTree,
  dropEmpty,
  itemIds,
  itemOf,
  mergeDuplicates,
} from '../../../pipelines/extract/funds/tree.ts';
import { HEAD, mentionOf, nodeOf, nodesOf, readProse, stateOf } from './read.ts';

/** Two items under headings of their own, under a heading with no amount (（一）物流体系建设). */
const NESTED =
  `${HEAD}三、建设内容\n（一）物流体系建设\n` +
  '1.冷链仓储中心\n总投资600万元。\n' +
  '2.乡镇物流站点\n总投资300万元。\n';

describe('attachParents and itemOf', () => {
  it('attachParents(state) makes （一）物流体系建设, which has items but no amount, the group of 冷链仓储中心 and 乡镇物流站点', () => {
    const state = readProse(stateOf(NESTED));
    attachParents(state);
    const group = nodeOf(state.nodes, '物流体系建设');
    expect(nodesOf([group])).toEqual([['物流体系建设', {}]]);
    expect(group.parent).toBeNull();
    expect(nodeOf(state.nodes, '冷链仓储中心').parent).toBe(group);
    expect(nodeOf(state.nodes, '乡镇物流站点').parent).toBe(group);
  });
  it("attachParents(state) puts an item stated under a heading with an amount (（二）人才培训 合计120万元) under that heading's item", () => {
    const state = readProse(
      stateOf(`${HEAD}三、建设内容\n（二）人才培训\n培训费80万元，讲师费40万元，合计120万元。\n`),
    );
    attachParents(state);
    const section = nodeOf(state.nodes, '人才培训');
    expect(nodeOf(state.nodes, '培训费').parent).toBe(section);
    expect(nodeOf(state.nodes, '讲师费').parent).toBe(section);
    expect(section.parent).toBeNull();
  });
  it('attachParents(state) keeps the parent a table row fixed (冷链仓储中心 over 设备购置)', () => {
    const state = readProse(
      stateOf(`${HEAD}三、建设内容\n（一）物流体系建设\n冷链仓储中心\t设备购置100万元\t150万元\n`),
    );
    const row = nodeOf(state.nodes, '冷链仓储中心');
    attachParents(state);
    expect(nodeOf(state.nodes, '设备购置').parent).toBe(row);
    expect(row.parent?.label).toBe('物流体系建设');
  });
  it('itemOf(state, h) passes over a section title (（一）建设内容) and a top-level heading: no group is made of them', () => {
    const state = readProse(
      stateOf(`${HEAD}三、资金安排\n（一）建设内容\n1.冷链仓储中心\n总投资600万元。\n`),
    );
    const h = state.headings.find((x) => x.label === '建设内容')!;
    expect(itemOf(state, h)).toBeNull();
    expect(state.nodes.map((n) => n.label)).toEqual(['冷链仓储中心']);
  });
  it('itemOf(state, h) is null under the heading of the document totals (一、项目资金)', () => {
    const state = readProse(stateOf(`${HEAD}一、项目资金\n项目总投资2200万元。\n`));
    const h = state.headings.find((x) => x.label === '项目资金')!;
    expect(state.rootHeadings.has(h)).toBe(true);
    expect(itemOf(state, h)).toBeNull();
    expect(state.nodes).toEqual([]);
  });
});

describe('dropEmpty', () => {
  it('dropEmpty(nodes) drops a node with neither an amount nor a child, keeping the order of the others', () => {
    const state = stateOf(`${HEAD}物流体系，冷链仓储300万元，人才培训。\n`);
    const text = state.doc.text;
    const node = (label: string) =>
      newNode(state, label, text.indexOf(label), text.indexOf(label) + label.length, null, 0);
    const group = node('物流体系');
    const item = node('冷链仓储');
    const empty = node('人才培训');
    place(item, 'amount', mentionOf(state, '300万元'));
    item.parent = group;
    expect(dropEmpty([group, item, empty])).toEqual([group, item]);
  });
});

describe('mergeDuplicates', () => {
  it('mergeDuplicates(nodes) keeps the first of two statements of 电商培训100万元 and accounts the second as a duplicate', () => {
    const state = readProse(stateOf(`${HEAD}电商培训100万元。\n物流体系200万元。\n电商培训100万元。\n`));
    const [first, , second] = state.nodes;
    expect(mergeDuplicates(state.nodes).map((n) => n.label)).toEqual(['电商培训', '物流体系']);
    expect(second!.slots.amount?.mention.accountedBy).toBe('duplicate');
    expect(first!.slots.amount?.mention.accountedBy).toBeNull();
  });
  it('mergeDuplicates(nodes) keeps two items of the same label with different amounts (电商培训100万元, 电商培训80万元)', () => {
    const state = readProse(stateOf(`${HEAD}电商培训100万元。\n电商培训80万元。\n`));
    expect(mergeDuplicates(state.nodes)).toHaveLength(2);
  });
  it("mergeDuplicates(nodes) moves the duplicate's children to the item kept", () => {
    const state = readProse(
      stateOf(`${HEAD}冷链仓储中心\t设备购置100万元\t150万元\n冷链仓储中心\t场地改造50万元\t150万元\n`),
    );
    const [kept, moved] = [nodeOf(state.nodes, '冷链仓储中心'), nodeOf(state.nodes, '冷链仓储中心', 1)];
    expect(mergeDuplicates(state.nodes)).not.toContain(moved);
    expect(nodeOf(state.nodes, '场地改造').parent).toBe(kept);
  });
});

describe('buildTree and itemIds', () => {
  it('buildTree(state) orders the tree by statement: the group before its items, a table row after the prose', () => {
    const state = readProse(stateOf(`${NESTED}金额单位：万元\n序号\t项目名称\t金额\n1\t电商培训\t100\n`));
    readAmountTables(state);
    expect(nodesOf(buildTree(state))).toEqual([
      ['物流体系建设', {}],
      ['冷链仓储中心', { amount: 6_000_000 }],
      ['乡镇物流站点', { amount: 3_000_000 }],
      ['电商培训', { amount: 1_000_000 }],
    ]);
  });
  it('itemIds(nodes) numbers the items a001, a002… in order', () => {
    const state = readProse(stateOf(`${HEAD}电商培训100万元。\n物流体系200万元。\n`));
    expect([...itemIds(state.nodes)].map(([n, id]) => [n.label, id])).toEqual([
      ['电商培训', 'a001'],
      ['物流体系', 'a002'],
    ]);
  });
});
