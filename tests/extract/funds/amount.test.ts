import { describe, expect, it } from 'vitest';
import { readAmount } from '../../../pipelines/extract/funds/amount.ts';
import { placeAmount } from '../../../pipelines/extract/funds/cases.ts';
import { HEAD, mentionOf, readUpTo, stateOf } from './read.ts';

describe('readAmount', () => {
  it('readAmount(state, m) reads the lead since the previous amount of the sentence (300万元，人才培训200万元 → ，人才培训)', () => {
    const state = stateOf(`${HEAD}物流体系建设300万元，人才培训200万元。\n`);
    const a = readUpTo(state, '200万元');
    expect(a.lead).toBe('，人才培训');
    expect(a.clause.label).toBe('人才培训');
    expect(a.slot).toBe('amount');
  });
  it('readAmount(state, m) reads the first amount of a sentence from the sentence start (after 。)', () => {
    const state = stateOf(`${HEAD}项目建设期一年。电商培训100万元。\n`);
    const a = readUpTo(state, '100万元');
    expect(a.lead).toBe('电商培训');
    expect(state.doc.text.slice(state.sentenceStart, state.sentenceEnd)).toBe('电商培训100万元');
  });
  it('readAmount(state, m) gives an amount the source its sentence names before a colon (中央财政资金：…，人才培训200万元 → central)', () => {
    const state = stateOf(`${HEAD}中央财政资金：物流体系建设300万元，人才培训200万元。\n`);
    const a = readUpTo(state, '200万元');
    expect(a.clause.source).toBeNull();
    expect(state.leadSource).toBe('central');
    expect(a.slot).toBe('central');
  });
  it('readAmount(state, m) gives an amount the source of the section it stands in (二、中央财政资金使用 → central)', () => {
    const state = stateOf(`${HEAD}二、中央财政资金使用\n电商培训100万元。\n`);
    const a = readUpTo(state, '100万元');
    expect(a.scope?.label).toBe('中央财政资金使用');
    expect(a.slot).toBe('central');
  });
  it("readAmount(state, m) prefers the clause's own source to the section's (县级配套资金 under 中央财政资金使用 → local)", () => {
    const state = stateOf(`${HEAD}二、中央财政资金使用\n电商培训县级配套资金100万元。\n`);
    expect(readUpTo(state, '100万元').slot).toBe('local');
  });
  it('readAmount(state, m) finds the innermost heading the amount stands under', () => {
    const state = stateOf(`${HEAD}三、建设内容\n（一）物流体系建设\n1.冷链仓储中心\n总投资600万元。\n`);
    const a = readUpTo(state, '600万元');
    expect([a.scope?.level, a.scope?.label]).toEqual([3, '冷链仓储中心']);
  });
  it('readAmount(state, m) starts a new sentence with no statement to break down', () => {
    const state = stateOf(`${HEAD}电商培训100万元。中央财政资金80万元。\n`);
    placeAmount(state, readAmount(state, mentionOf(state, '100万元')));
    expect(state.current).not.toBeNull();
    readAmount(state, mentionOf(state, '80万元'));
    expect(state.current).toBeNull();
  });
  it('readAmount(state, m) forgets the items of a table row on the next line', () => {
    const state = stateOf(`${HEAD}冷链仓储中心\t设备购置100万元\n物流配送站\t车辆购置50万元\n`);
    placeAmount(state, readAmount(state, mentionOf(state, '100万元')));
    expect(state.rowItems.map((n) => n.label)).toEqual(['设备购置']);
    const a = readAmount(state, mentionOf(state, '50万元'));
    expect(state.rowItems).toEqual([]);
    expect(a.line.text).toBe('物流配送站\t车辆购置50万元');
  });
});
