/**
 * The ledger's checks on plans written here: a plan that names no duty to publish or to report gets a finding for
 * review (one may be set in another document), and a commitment due before the plan's date of issue gets one.
 */
import { describe, expect, it } from 'vitest';
import { FINDINGS } from '../../pipelines/contract/schema.ts';
import { readPlan } from '../../pipelines/plan/plan.ts';
import { rowsOf } from '../helpers.ts';

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
