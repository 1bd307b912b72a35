/**
 * The ledger's checks on plans written here: a plan that names no duty to publish or to report gets a finding for
 * review (one may be set in another document), a commitment due before the plan's date of issue gets one, and a
 * share a plan states is set against the share its own amounts give (乳源 附件2, 金口河, and one written here).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMITMENTS, CONTACTS, FINDINGS, STATED_SHARES } from '../../pipelines/contract/schema.ts';
import { readPlan } from '../../pipelines/plan/plan.ts';
import { ROOT, rowsOf } from '../helpers.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const findings = (text: string) => rowsOf(readPlan('x', 'x.txt', utf8(text), null), FINDINGS);
const HEAD = '五台县电子商务进农村综合示范项目实施方案\n';

describe('ledger checks', () => {
  it('a plan naming neither a duty to publish nor one to report fails both, for review', () => {
    const f = findings(`${HEAD}项目总投资500万元。\n`);
    for (const check of ['disclosure_duty', 'reporting_duty'])
      expect(f.find((x) => x.check === check)).toMatchObject({ status: 'fail', severity: 'review' });
  });

  it('a plan that says what it publishes and reports, and to whom, passes both', () => {
    const f = findings(
      `${HEAD}在县政府网站设置专栏，公开实施方案、资金安排等信息。\n承办企业每月10日前将工作情况报县商务局。\n`,
    );
    expect(f.find((x) => x.check === 'disclosure_duty')).toMatchObject({ status: 'pass', numerator: 1 });
    expect(f.find((x) => x.check === 'reporting_duty')).toMatchObject({ status: 'pass', numerator: 1 });
  });

  it('a schedule row due before the plan was issued is named', () => {
    const f = findings(
      `${HEAD}序号\t工作名称\t时间安排\n1\t项目招投标\t2021 年 4 月前\n五台县人民政府\n2021年6月20日\n`,
    );
    const late = f.filter((x) => x.check === 'due_before_issue');
    expect(late).toHaveLength(1);
    expect(late[0]!.message_zh).toContain('项目招投标');
    expect(late[0]!.quote).toContain('项目招投标');
  });
});

describe('stated shares', () => {
  const read = (id: string) =>
    readPlan(id, `${id}.txt`, readFileSync(join(ROOT, 'data/plans/raw', `${id}.txt`)), null);

  it('乳源 附件2: each 资金占比 with the share its 中央资金 gives (350, 355, 200, 95 of 1,000万元)', () => {
    const rows = rowsOf(read('ruyuan-2021'), STATED_SHARES).map((s) => [
      s.label,
      s.share_pct,
      s.computed_pct,
    ]);
    expect(rows).toEqual([
      ['完善农村电子商务公共服务体系', 35, 35],
      ['健全县镇村三级物流配送体系', 35.5, 35.5],
      ['推动农村商贸流通企业转型升级', 20, 20],
      ['培育农村电商创业带头人', 9.5, 9.5],
    ]);
  });

  it('金口河: the three shares of its sentence (75%, 15%, 10%), with no share computed: the text gives no amounts beside them', () => {
    const rows = rowsOf(read('jinkouhe-2018'), STATED_SHARES).map((s) => [s.share_pct, s.computed_pct]);
    expect(rows).toEqual([
      [75, null],
      [15, null],
      [10, null],
    ]);
  });

  it('a stated share its amounts do not bear out is a finding for review', () => {
    const f = findings(
      `${HEAD}单位：万元\n序号\t项目\t中央资金\t资金占比\n1\t物流体系\t300\t60%\n2\t培训\t300\t40%\n`,
    ).filter((x) => x.check === 'stated_share');
    expect(f.map((x) => [x.subject, x.status])).toEqual([
      ['物流体系', 'fail'],
      ['培训', 'fail'],
    ]);
    expect(f[0]!.message_zh).toContain('按其金额算得 50%');
  });
});

describe('what the review of the ledger found', () => {
  it('a mobile number is read whole, and a held-back amount with a separator or in 亿元 is read as written', () => {
    const r = readPlan(
      'x',
      'x.txt',
      utf8(
        `${HEAD}执行中遇到的问题请反映，联系电话：13812345678。\n中央财政先期拨付500万元，验收合格后再拨付剩余1,500万元。\n省级资金先期拨付一半，绩效评价合格后再拨付剩余0.15亿元。\n`,
      ),
      null,
    );
    expect(rowsOf(r, CONTACTS).map((c) => c.value)).toEqual(['13812345678']);
    expect(
      rowsOf(r, COMMITMENTS)
        .filter((c) => c.kind === 'funding_condition')
        .map((c) => c.funds_yuan),
    ).toEqual([15_000_000, 15_000_000]);
  });

  it('a 合计 row of a share column is the sum, not a share', () => {
    const rows = rowsOf(
      readPlan(
        'x',
        'x.txt',
        utf8(
          `${HEAD}单位：万元\n序号\t项目\t中央资金\t资金占比\n1\t物流体系\t300\t60%\n2\t培训\t200\t40%\n3\t合计\t500\t100%\n`,
        ),
        null,
      ),
      STATED_SHARES,
    );
    expect(rows.map((s) => [s.label, s.share_pct, s.computed_pct])).toEqual([
      ['物流体系', 60, 60],
      ['培训', 40, 40],
    ]);
  });
});
