import { describe, expect, it } from 'vitest';
import {
  newHeadingItem,
  newNode,
  newState,
  place,
  placeTotal,
  SLOTS,
} from '../../../pipelines/extract/funds/state.ts';
import { prepare } from '../../../pipelines/normalize/doc.ts';
import { outline } from '../../../pipelines/normalize/outline.ts';
import { HEAD, mentionOf, stateOf, written } from './read.ts';

describe('newState', () => {
  it('newState(doc, headings) holds the money amounts of the text in order (2200万元, 1500万元), and no node or total yet', () => {
    const doc = prepare(`${HEAD}项目总投资2200万元，其中中央财政资金1500万元。\n`);
    const state = newState(doc, outline(doc));
    expect(state.mentions.map((m) => [m.yuan, m.accountedBy])).toEqual([
      [22_000_000, null],
      [15_000_000, null],
    ]);
    expect(state.nodes).toEqual([]);
    expect(state.totals).toEqual({ slots: {}, conflicts: [] });
    expect(state.current).toBeNull();
  });
  it('SLOTS lists the amount first, then the sources central, provincial, local, other', () => {
    expect(SLOTS).toEqual(['amount', 'central', 'provincial', 'local', 'other']);
  });
});

describe('newNode and newHeadingItem', () => {
  it('newNode(state, …) adds a node without amounts or parent to the state', () => {
    const state = stateOf(`${HEAD}电商培训100万元。\n`);
    const at = state.doc.text.indexOf('电商培训');
    const node = newNode(state, '电商培训', at, at + 4, null, at);
    expect(state.nodes).toEqual([node]);
    expect(node).toMatchObject({
      label: '电商培训',
      slots: {},
      parent: null,
      fixedParent: false,
      heading: null,
    });
    expect([node.stmtStart, node.stmtEnd]).toEqual([at, at]);
  });
  it('newHeadingItem(state, h, at) labels the item as the heading is written (（一）物流體系建設 → 物流體系建設) and records it', () => {
    const state = stateOf(`${HEAD}三、建设内容\n（一）物流體系建設\n总投资600万元。\n`);
    const h = state.headings.find((x) => x.level === 2)!;
    const item = newHeadingItem(state, h, h.labelStart);
    expect(item.label).toBe('物流體系建設');
    expect(item.heading).toBe(h);
    expect(item.scope?.label).toBe('建设内容');
    expect(state.headingItems.get(h)).toBe(item);
  });
});

describe('place and placeTotal', () => {
  it('place(node, slot, m) puts 400万元 in the central slot and widens the statement to its end', () => {
    const state = stateOf(`${HEAD}冷链仓储中心建设，中央财政资金400万元。\n`);
    const m = mentionOf(state, '400万元');
    const at = state.doc.text.indexOf('冷链');
    const node = newNode(state, '冷链仓储中心建设', at, at + 8, null, at);
    place(node, 'central', m);
    expect(node.slots.central?.mention).toBe(m);
    expect([node.stmtStart, node.stmtEnd]).toEqual([at, m.nend]);
  });
  it('placeTotal(state, slot, m) sets a total once and accounts for it as funds:total or funds:<source>', () => {
    const state = stateOf(`${HEAD}项目总投资2200万元，其中中央财政资金1500万元。\n`);
    const [total, central] = state.mentions;
    placeTotal(state, 'amount', total!);
    placeTotal(state, 'central', central!);
    expect(state.totals.slots.amount).toEqual({ yuan: 22_000_000, nstart: total!.nstart, nend: total!.nend });
    expect(state.totals.slots.central?.yuan).toBe(15_000_000);
    expect([total!.accountedBy, central!.accountedBy]).toEqual(['funds:total', 'funds:central']);
  });
  it('placeTotal(state, slot, m) keeps the first of two different totals (2200万元) and records the other (2000万元) as a conflict', () => {
    const state = stateOf(`${HEAD}项目总投资2200万元。\n项目总投资2000万元。\n项目总投资2200万元。\n`);
    for (const m of state.mentions) placeTotal(state, 'amount', m);
    expect(state.totals.slots.amount?.yuan).toBe(22_000_000);
    expect(state.totals.conflicts.map((c) => [c.slot, c.yuan, written(state, c.nstart, c.nend)])).toEqual([
      ['amount', 20_000_000, '2000万元'],
    ]);
  });
});
