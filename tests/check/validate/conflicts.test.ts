import { describe, expect, it } from 'vitest';
import { conflicts, fundConflicts, targetConflicts } from '../../../pipelines/check/validate/conflicts.ts';
import { planOf, quotes } from '../plans.ts';

describe('conflicts', () => {
  it('targetConflicts(x) finds 新建村级电商服务站 stated as 40 and as 50, and keeps both', () => {
    const { text, x } = planOf([
      '一、建设目标',
      '新建村级电商服务站40个。',
      '二、绩效目标',
      '新建村级电商服务站50个。',
    ]);
    const [f, ...rest] = targetConflicts(x);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      check: 'conflicting_values',
      status: 'fail',
      severity: 'review',
      subject: 'village_station_count_new',
      numerator: 50,
      denominator: 40,
    });
    expect(f!.message_zh).toBe('同一指标“新建村级服务站”在文件中有不同数值：40、50。两处均保留。');
    expect(quotes(text, f!)).toEqual(['新建村级电商服务站40个', '新建村级电商服务站50个']);
  });

  it('targetConflicts(x) finds nothing in a target stated twice with the same value', () => {
    const { x } = planOf([
      '一、建设目标',
      '新建村级电商服务站40个。',
      '二、绩效目标',
      '新建村级电商服务站40个。',
    ]);
    expect(targetConflicts(x)).toEqual([]);
  });

  it('fundConflicts(x) finds a total of 2,200万元 stated again as 2,000万元, against the first', () => {
    const { text, x } = planOf([
      '一、项目资金',
      '项目总投资2200万元，其中中央财政资金2000万元。',
      '二、资金保障',
      '项目总投资2000万元。',
    ]);
    const [f] = fundConflicts(x);
    expect(f).toMatchObject({ subject: 'funds_amount', numerator: 20_000_000, denominator: 22_000_000 });
    expect(f!.message_zh).toBe('资金总额前后不一：2,200万元 与 2,000万元。');
    expect(quotes(text, f!)).toEqual(['2200万元', '2000万元']);
  });

  it('conflicts(x) lists the targets’ conflicts before the funds’', () => {
    const { x } = planOf([
      '一、项目资金',
      '项目总投资2200万元，其中中央财政资金2000万元。',
      '二、资金保障',
      '项目总投资2000万元。',
      '三、建设目标',
      '新建村级电商服务站40个。',
      '四、绩效目标',
      '新建村级电商服务站50个。',
    ]);
    expect(conflicts(x).map((f) => f.subject)).toEqual(['village_station_count_new', 'funds_amount']);
  });
});
