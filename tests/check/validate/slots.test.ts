import { describe, expect, it } from 'vitest';
import { SLOT_EN, SLOT_ZH, SLOTS, statedTotals } from '../../../pipelines/check/validate/slots.ts';
import { planOf } from '../plans.ts';

describe('slots', () => {
  it('SLOTS lists the total, then central, provincial, local and other funds', () => {
    expect(SLOTS).toEqual(['amount', 'central', 'provincial', 'local', 'other']);
  });

  it('SLOT_ZH and SLOT_EN name the sources as the vocabulary does (中央财政, 市县财政)', () => {
    expect([SLOT_ZH.amount, SLOT_ZH.central, SLOT_ZH.local]).toEqual(['总额', '中央财政', '市县财政']);
    expect([SLOT_EN.amount, SLOT_EN.central]).toEqual(['total', 'central']);
  });

  it('statedTotals(x) gives 2,200万元 total, 2,000万元 central, 200万元 local and no other source', () => {
    const { x } = planOf([
      '一、项目资金',
      '项目总投资2200万元，其中中央财政资金2000万元，县级财政配套资金200万元。',
    ]);
    const t = statedTotals(x);
    expect([t.amount?.value, t.central?.value, t.local?.value]).toEqual([22_000_000, 20_000_000, 2_000_000]);
    expect([t.provincial, t.other]).toEqual([null, null]);
  });
});
