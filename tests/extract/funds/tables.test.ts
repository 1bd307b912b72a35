import { describe, expect, it } from 'vitest';
import type { State } from '../../../pipelines/extract/funds/state.ts';
import {
  matchRow,
  type RowAmount,
  readAmountTables,
  rowLabel,
} from '../../../pipelines/extract/funds/tables.ts';
import { amountTables } from '../../../pipelines/extract/tables.ts';
import { HEAD, nodeOf, nodesOf, readProse, stateOf, written } from './read.ts';

/** An item stated in the prose (600 = 400 + 200 万元), then a table restating it and adding a row and a sum row. */
const PLAN =
  `${HEAD}三、资金安排\n（一）物流体系建设\n` +
  '一是冷链仓储中心建设，总投资600万元，其中中央财政资金400万元，县级财政资金200万元。\n' +
  '金额单位：万元\n' +
  '序号\t项目名称\t合计\t中央财政\t县级财政\n' +
  '1\t冷链仓储中心建设\t600\t400\t200\n' +
  '2\t电商培训\t100\t100\t0\n' +
  '合计\t\t700\t500\t200\n';

/** An item with an amount only (under an item heading: at section level 总投资 would be the document total). */
const ITEM_ONLY = `${HEAD}三、建设内容\n（一）物流体系建设\n一是冷链仓储中心建设，总投资600万元。\n`;

/** A table whose first column names the group of the rows that follow (物流体系, 人才培训). */
const GROUPED =
  `${HEAD}金额单位：万元\n` +
  '类别\t序号\t建设内容\t金额\n' +
  '物流体系\t1\t冷链车辆购置\t50\n' +
  '\t2\t乡村物流站点\t30\n' +
  '人才培训\t3\t电商培训\t20\n';

/** The amounts of the rows of the state's first amount table, as the pass reads them. */
function rowsOf(state: State): RowAmount[][] {
  return amountTables(state.doc)[0]!.rows.map((row) =>
    row.values.map((v) => ({
      slot: v.role as RowAmount['slot'],
      m: { yuan: v.yuan, nstart: v.cell.start, nend: v.cell.end, accountedBy: null },
    })),
  );
}

describe('readAmountTables', () => {
  it('readAmountTables(state) adds the row restating 冷链仓储中心建设 to that item: its cells are duplicates of its amounts', () => {
    const state = readProse(stateOf(PLAN));
    const { duplicateOf } = readAmountTables(state);
    const item = nodeOf(state.nodes, '冷链仓储中心建设');
    expect(state.nodes.filter((n) => n.label === '冷链仓储中心建设')).toHaveLength(1);
    expect([...duplicateOf].map(([m, of]) => [written(state, m.nstart, m.nend), of])).toEqual([
      ['600', item],
      ['400', item],
      ['200', item],
    ]);
  });
  it('readAmountTables(state) makes a new item of a row no prose item states (电商培训 100 = 100 + 0 万元)', () => {
    const state = readProse(stateOf(PLAN));
    readAmountTables(state);
    expect(nodesOf(state.nodes.filter((n) => n.label === '电商培训'))).toEqual([
      ['电商培训', { amount: 1_000_000, central: 1_000_000, local: 0 }],
    ]);
    expect(nodeOf(state.nodes, '电商培训')).toMatchObject({ parent: null, fixedParent: true, scope: null });
  });
  it('readAmountTables(state) reads the 合计 row (700, 500, 200 万元) as the document totals', () => {
    const state = readProse(stateOf(PLAN));
    readAmountTables(state);
    expect(state.totals.slots.amount?.yuan).toBe(7_000_000);
    expect(state.totals.slots.central?.yuan).toBe(5_000_000);
    expect(state.totals.slots.local?.yuan).toBe(2_000_000);
  });
  it('readAmountTables(state) adds every table amount to the mentions (after the prose amounts)', () => {
    const state = readProse(stateOf(PLAN));
    readAmountTables(state);
    expect(state.mentions.map((m) => written(state, m.nstart, m.nend))).toEqual([
      '600万元',
      '400万元',
      '200万元',
      ...['600', '400', '200', '100', '100', '0', '700', '500', '200'],
    ]);
  });
  it('readAmountTables(state) puts the rows under the group their first cell names, until the next group', () => {
    const state = readProse(stateOf(GROUPED));
    readAmountTables(state);
    const logistics = nodeOf(state.nodes, '物流体系');
    const training = nodeOf(state.nodes, '人才培训');
    expect(nodeOf(state.nodes, '冷链车辆购置').parent).toBe(logistics);
    expect(nodeOf(state.nodes, '乡村物流站点').parent).toBe(logistics);
    expect(nodeOf(state.nodes, '电商培训').parent).toBe(training);
    expect(nodesOf([logistics, training])).toEqual([
      ['物流体系', {}],
      ['人才培训', {}],
    ]);
  });
  it('readAmountTables(state) returns the cells refused for their size (2000000 万元 is ¥20 billion), placed nowhere', () => {
    const state = readProse(stateOf(`${HEAD}金额单位：万元\n序号\t项目名称\t合计\n1\t电商产业园\t2000000\n`));
    const { refused } = readAmountTables(state);
    expect(refused.map((r) => [r.note, r.yuan, r.refusal.written])).toEqual([
      ['implausible', 20_000_000_000, '2000000'],
    ]);
    expect(nodesOf(state.nodes)).toEqual([['电商产业园', {}]]);
    expect(state.totals.slots).toEqual({});
  });
});

describe('matchRow', () => {
  it('matchRow(row, candidates) finds the one item whose amounts agree with the row (600, 400, 200 万元)', () => {
    const state = readProse(stateOf(PLAN));
    const [first, second] = rowsOf(state);
    expect(matchRow(first!, state.nodes)).toBe(nodeOf(state.nodes, '冷链仓储中心建设'));
    expect(matchRow(second!, state.nodes)).toBeNull();
  });
  it('matchRow(row, candidates) is null when two items fit the row', () => {
    const state = readProse(
      stateOf(
        `${HEAD}一是电商培训，中央财政资金100万元，县级配套资金50万元；二是品牌培育，中央财政资金100万元，县级配套资金50万元。\n` +
          '金额单位：万元\n序号\t项目名称\t中央财政\t县级财政\n1\t电商培训\t100\t50\n',
      ),
    );
    expect(state.nodes.map((n) => n.label)).toEqual(['电商培训', '品牌培育']);
    expect(matchRow(rowsOf(state)[0]!, state.nodes)).toBeNull();
  });
  it('matchRow(row, candidates) is null when the row agrees on fewer sources than it gives (600 only, of 600 and 300)', () => {
    const state = readProse(
      stateOf(`${ITEM_ONLY}金额单位：万元\n序号\t项目名称\t合计\t中央财政\n1\t冷链仓储中心\t600\t300\n`),
    );
    expect(nodesOf(state.nodes)).toEqual([['冷链仓储中心建设', { amount: 6_000_000 }]]);
    expect(matchRow(rowsOf(state)[0]!, state.nodes)).toBeNull();
  });
  it('matchRow(row, candidates) needs one agreeing amount for a row that gives one (600)', () => {
    const state = readProse(
      stateOf(`${ITEM_ONLY}金额单位：万元\n序号\t项目名称\t合计\n1\t冷链仓储中心\t600\n`),
    );
    expect(nodesOf(state.nodes)).toEqual([['冷链仓储中心建设', { amount: 6_000_000 }]]);
    expect(matchRow(rowsOf(state)[0]!, state.nodes)?.label).toBe('冷链仓储中心建设');
  });
});

describe('rowLabel', () => {
  it('rowLabel(row) is the short name after the serial number (1 | 冷链仓储中心建设)', () => {
    const row = amountTables(stateOf(PLAN).doc)[0]!.rows[0]!;
    expect(rowLabel(row)?.text).toBe('冷链仓储中心建设');
  });
  it('rowLabel(row) is the last short cell when there are several (物流体系 | 1 | 冷链车辆购置 → 冷链车辆购置)', () => {
    const row = amountTables(stateOf(GROUPED).doc)[0]!.rows[0]!;
    expect(rowLabel(row)?.text).toBe('冷链车辆购置');
  });
  it('rowLabel(row) is the first sentence of a long description', () => {
    const description =
      '建设县级电子商务公共服务中心一个，配备办公设备和直播设施，面向全县提供运营服务。并开展培训';
    const state = stateOf(`${HEAD}金额单位：万元\n序号\t建设内容\t金额\n1\t${description}\t200\n`);
    const label = rowLabel(amountTables(state.doc)[0]!.rows[0]!);
    expect(label?.text).toBe(
      '建设县级电子商务公共服务中心一个，配备办公设备和直播设施，面向全县提供运营服务',
    );
    expect(written(state, label!.start, label!.end)).toBe(label!.text);
  });
});

describe('a funds table’s column of responsible units (推荐责任部门)', () => {
  // the owner column comes after the money columns, and its header may be spaced (推荐 责任 部门)
  const OWNED =
    `${HEAD}三、资金安排\n（一）物流体系建设\n` +
    '一是冷链仓储中心建设，总投资600万元，其中中央财政资金400万元，县级财政资金200万元。\n' +
    '金额单位：万元\n' +
    '序号\t项目名称\t实施期限\t合计\t中央财政\t县级财政\t推荐 责任 部门\n' +
    '1\t冷链仓储中心建设\t2021年1月-2021年12月\t600\t400\t200\t县商务局、中标企业\n' +
    '2\t电商培训\t2021年3月-2021年10月\t100\t100\t0\t县人社局\n' +
    '合计\t\t\t700\t500\t200\t\n';

  it('extract(text) gives each item its responsible units as written, cited to the cell, matched prose items too', async () => {
    const { extract } = await import('../../../pipelines/extract/extract.ts');
    const x = extract(OWNED);
    const owners = x.allocations.map((a) => [
      a.label,
      a.responsible ? OWNED.slice(a.responsible.start, a.responsible.end) : null,
      a.responsible?.value ?? null,
    ]);
    expect(owners).toEqual([
      ['物流体系建设', null, null],
      ['冷链仓储中心建设', '县商务局、中标企业', '县商务局、中标企业'],
      ['电商培训', '县人社局', '县人社局'],
    ]);
  });

  it('extract(text) gives no responsible units where the table has no such column', async () => {
    const { extract } = await import('../../../pipelines/extract/extract.ts');
    expect(extract(PLAN).allocations.map((a) => a.responsible ?? null)).toEqual([null, null, null]);
  });
});

describe('the responsible units come from their own column', () => {
  it('extract(text) takes the cell of the 责任单位 column, not a remark after it, and none when the column comes before the money', async () => {
    const { extract } = await import('../../../pipelines/extract/extract.ts');
    const after = extract(
      `${HEAD}金额单位：万元\n序号\t项目名称\t合计\t中央财政\t县级财政\t责任单位\t备注\n1\t电商培训\t100\t80\t20\t县人社局\t已招标\n`,
    );
    expect(after.allocations.map((a) => a.responsible?.value ?? null)).toEqual(['县人社局']);
    const before = extract(
      `${HEAD}金额单位：万元\n序号\t项目名称\t责任单位\t合计\t中央财政\t实施期限\n1\t电商培训\t县人社局\t100\t80\t2021年12月\n`,
    );
    expect(before.allocations.map((a) => a.responsible?.value ?? null)).toEqual([null]);
  });
});
