import { describe, expect, it } from 'vitest';
import { facts } from '../../../pipelines/check/validate/facts.ts';
import { planOf } from '../plans.ts';

describe('facts', () => {
  it('facts(x) finds nothing read from a plan that only says 加强组织领导, for review', () => {
    const { x } = planOf(['一、工作要求', '加强组织领导。']);
    expect(facts(x)).toMatchObject([
      { check: 'no_facts', status: 'fail', severity: 'review', subject: 'document', numerator: 0 },
    ]);
  });

  it('facts(x) finds nothing amiss in a plan with one target (新建村级电商服务站40个)', () => {
    const { x } = planOf(['一、建设目标', '新建村级电商服务站40个。']);
    expect(facts(x)).toEqual([]);
  });
});
