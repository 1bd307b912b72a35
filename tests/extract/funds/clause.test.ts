import { describe, expect, it } from 'vitest';
import { clauseOf, cleanLabel, skipReason } from '../../../pipelines/extract/funds/clause.ts';
import { normalize } from '../../../pipelines/normalize/normalize.ts';

/** A phrase as the matchers see it: normalized (full-width colons and parentheses become ASCII). */
const n = (s: string) => normalize(s).text;

describe('cleanLabel', () => {
  it('cleanLabel(phrase) removes an enumerator (一是, (1), 1., ①, 第一项) and keeps the item', () => {
    expect(cleanLabel(n('一是市级物流配送中心建设'))).toBe('市级物流配送中心建设');
    expect(cleanLabel(n('（1）电商公共服务中心建设'))).toBe('电商公共服务中心建设');
    expect(cleanLabel(n('2.农村电商人才培训'))).toBe('农村电商人才培训');
    expect(cleanLabel(n('①冷链仓储设施'))).toBe('冷链仓储设施');
    expect(cleanLabel(n('第一项品牌培育'))).toBe('品牌培育');
  });
  it('cleanLabel(phrase) cuts the label where the money part begins (…建设的总投资, …中央财政资金)', () => {
    expect(cleanLabel(n('物流配送中心建设的总投资'))).toBe('物流配送中心建设');
    expect(cleanLabel(n('电商服务站中央财政资金'))).toBe('电商服务站');
    expect(cleanLabel(n('品牌建设投入'))).toBe('品牌建设');
  });
  it("cleanLabel(phrase) is '' for a money phrase alone (项目总投资, 其中, 中央财政资金)", () => {
    expect(cleanLabel(n('项目总投资'))).toBe('');
    expect(cleanLabel(n('其中'))).toBe('');
    expect(cleanLabel(n('中央财政资金'))).toBe('');
  });
  it("cleanLabel(phrase) is '' for fewer than two Han characters or a word that names nothing (共, 建设, 费用)", () => {
    expect(cleanLabel(n('共'))).toBe('');
    expect(cleanLabel(n('建设'))).toBe('');
    expect(cleanLabel(n('费用'))).toBe('');
  });
});

describe('skipReason', () => {
  it('skipReason(part, after) is disbursement for a payment schedule (先期拨付, 剩余)', () => {
    expect(skipReason('先期拨付', '')).toBe('disbursement');
    expect(skipReason('验收后拨付剩余', '')).toBe('disbursement');
  });
  it('skipReason(part, after) is threshold for a performance figure (年销售额) or an amount followed by 以上', () => {
    expect(skipReason('对年销售额', '的网店')).toBe('threshold');
    expect(skipReason('投资', '以上的项目')).toBe('threshold');
  });
  it('skipReason(part, after) is explanation for an amount followed by 主要用于 or 是用于', () => {
    expect(skipReason('安排资金', '，主要用于培训')).toBe('explanation');
    expect(skipReason('安排资金', '是用于培训')).toBe('explanation');
  });
  it('skipReason(part, after) is null for an allocation (物流体系建设, 用于 later in the sentence)', () => {
    expect(skipReason('物流体系建设', '，建设冷链仓储')).toBeNull();
  });
});

describe('clauseOf', () => {
  it('clauseOf(lead, at, after) cuts the lead at its last comma: 一是物流配送中心建设，总投资 → 总投资, no label', () => {
    const lead = n('一是物流配送中心建设，总投资');
    const c = clauseOf(lead, 100, '。');
    expect(c.part).toBe('总投资');
    expect(c.partStart).toBe(100 + lead.indexOf('总投资'));
    expect(c.cutChar).toBe(n('，'));
    expect(c.label).toBe('');
    expect(c.source).toBeNull();
    expect(c.skip).toBeNull();
  });
  it('clauseOf(lead, at, after) labels an item named in its own clause (；电商服务站建设 → 电商服务站建设 at its offset)', () => {
    const lead = n('冷链仓储200万元；电商服务站建设');
    const c = clauseOf(lead, 10, '');
    expect(c.cutChar).toBe(n('；'));
    expect(c.label).toBe('电商服务站建设');
    expect(c.labelAt).toBe(10 + lead.indexOf('电商'));
  });
  it('clauseOf(lead, at, after) splits at a colon and reads the label before it when none follows (人才培训：投资)', () => {
    const lead = n('人才培训：投资');
    const c = clauseOf(lead, 0, '');
    expect(c.headPart).toBe('人才培训');
    expect(c.labelPart).toBe('投资');
    expect(c.label).toBe('人才培训');
    expect(c.labelAt).toBe(0);
  });
  it('clauseOf(lead, at, after) reads 其中：中央财政资金 as a central amount with no label', () => {
    const c = clauseOf(n('，其中：中央财政资金'), 0, '，');
    expect(c.part).toBe(n('其中：中央财政资金'));
    expect(c.headPart).toBe('其中');
    expect(c.label).toBe('');
    expect(c.source).toBe('central');
  });
  it('clauseOf(lead, at, after) starts the clause inside an open parenthesis (建设费用（含县级配套资金 → 含县级配套资金)', () => {
    const lead = n('建设费用（含县级配套资金');
    const c = clauseOf(lead, 0, ')');
    expect(c.part).toBe('含县级配套资金');
    expect(c.partStart).toBe(lead.indexOf('含'));
    expect(c.cutChar).toBe('');
    expect(c.source).toBe('local');
  });
  it('clauseOf(lead, at, after) reads the source of a parenthesis after the amount (500万元（中央财政资金）)', () => {
    const c = clauseOf('电商公共服务中心建设', 0, n('（中央财政资金），用于'));
    expect(c.suffix).toBe('中央财政资金');
    expect(c.source).toBe('central');
    expect(c.label).toBe('电商公共服务中心建设');
  });
  it('clauseOf(lead, at, after) cuts at a tab (a table cell) and notes it', () => {
    const c = clauseOf('冷链仓储中心\t设备购置', 0, '\t');
    expect(c.cutChar).toBe('\t');
    expect(c.label).toBe('设备购置');
  });
  it('clauseOf(lead, at, after) gives the skip reason of its clause (，先期拨付 → disbursement)', () => {
    expect(clauseOf(n('项目资金分两期拨付，先期'), 0, '').skip).toBe('disbursement');
    expect(clauseOf(n('电商培训'), 0, n('，主要用于')).skip).toBe('explanation');
  });
});
