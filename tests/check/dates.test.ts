import { describe, expect, it } from 'vitest';
import { dates, issuedBeforeFirstPhaseEnd, phasesInPeriod } from '../../pipelines/check/dates.ts';
import type { PlanSpec } from '../plan-builder.ts';
import { quotes, specOf } from './plans.ts';

const county = '琼中黎族苗族自治县';
const phases: PlanSpec['phases'] = [
  ['启动阶段', '2019年10月—2019年12月'],
  ['实施阶段', '2020年1月—2020年12月'],
];

describe('dates', () => {
  it('phasesInPeriod(x) passes 2 phases from 2019-10 to 2020-12 inside a period of 2019-10 to 2021-03', () => {
    const { x } = specOf({ county, period: '2019年10月—2021年3月', phases });
    const f = phasesInPeriod(x);
    expect(f).toMatchObject({ status: 'pass', numerator: 0, denominator: 2 });
    expect(f.message_en).toBe('All 2 phases fall within the implementation period 2019-10 to 2021-03.');
  });

  it('phasesInPeriod(x) finds a phase running to 2021-06, past a period ending 2021-03, for review', () => {
    const late: PlanSpec['phases'] = [phases[0]!, ['实施阶段', '2020年1月—2021年6月']];
    const { text, x } = specOf({ county, period: '2019年10月—2021年3月', phases: late });
    const f = phasesInPeriod(x);
    expect(f).toMatchObject({ status: 'fail', severity: 'review', numerator: 1, denominator: 2 });
    expect(f.message_zh).toContain('阶段 “实施阶段”（2020-01 至 2021-06） 超出该期限');
    // the period's start, then the phase outside it
    expect(quotes(text, f)).toHaveLength(2);
    expect(quotes(text, f)[1]).toContain('2021年6月');
  });

  it('phasesInPeriod(x) cannot check phases against a period the plan gives only through its phases', () => {
    const { x } = specOf({ county, phases });
    expect(phasesInPeriod(x)).toMatchObject({ status: 'not_enough_data' });
    expect(phasesInPeriod(specOf({ county }).x).message_en).toBe(
      'No implementation phases were read from the document.',
    );
  });

  it('issuedBeforeFirstPhaseEnd(x) passes a plan issued 2019-10-08 whose first phase ends 2019-12', () => {
    const { text, x } = specOf({ county, phases });
    const f = issuedBeforeFirstPhaseEnd(x);
    expect(f).toMatchObject({ check: 'issued_before_first_phase_end', status: 'pass', subject: 'issued_on' });
    expect(quotes(text, f)[0]).toBe('2019年10月8日');
  });

  it('issuedBeforeFirstPhaseEnd(x) finds a plan issued 2020-03-02, after its first phase ended 2019-12, for review', () => {
    const { x } = specOf({ county, issued: '2020年3月2日', phases });
    const f = issuedBeforeFirstPhaseEnd(x);
    expect(f).toMatchObject({ status: 'fail', severity: 'review' });
    expect(f.message_zh).toBe('文件于 2020-03-02 印发，晚于第一个阶段“启动阶段”的结束时间（2019-12）。');
  });

  it('issuedBeforeFirstPhaseEnd(x) cannot check a plan without phases', () => {
    expect(issuedBeforeFirstPhaseEnd(specOf({ county }).x)).toMatchObject({ status: 'not_enough_data' });
  });

  it('dates(x) gives the phases check, then the issue date check', () => {
    const { x } = specOf({ county, phases });
    expect(dates(x).map((f) => f.check)).toEqual(['phases_in_period', 'issued_before_first_phase_end']);
  });
});
