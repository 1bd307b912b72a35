/** The phases on /compare/: the table lists each phase's months as published; only the bar covers the last month. */
import { describe, expect, it } from 'vitest';
import { monthAfter, monthStart, phaseBars, phaseRows } from '../../src/client/compare/phases.ts';
import type { PlanSummary } from '../../src/lib/compare.ts';

// 东港市 plan: 终期验收阶段。（2021年11月-2021年12月）; 乳源: 项目验收阶段 with no start month given
const plans = [
  { name: '东港市', phases: [{ name: '终期验收阶段', start: '2021-11', end: '2021-12' }] },
  { name: '乳源瑶族自治县', phases: [{ name: '项目验收阶段', start: null, end: '2023-03' }] },
] as unknown as PlanSummary[];

describe('phaseRows', () => {
  it('phaseRows gives 东港 终期验收 from 2021-11 to 2021-12, the months the plan states', () => {
    expect(phaseRows(plans)[0]).toEqual({
      county: '东港市',
      label: '东港市 · 终期验收阶段',
      start: '2021-11',
      end: '2021-12',
    });
  });

  it('phaseRows keeps a phase that states only its end, with no start invented', () => {
    expect(phaseRows(plans)[1]).toEqual({
      county: '乳源瑶族自治县',
      label: '乳源瑶族自治县 · 项目验收阶段',
      start: null,
      end: '2023-03',
    });
  });
});

describe('phaseBars', () => {
  it('phaseBars draws 2021-11 to 2021-12 from 1 Nov 2021 to 1 Jan 2022 (the end of December)', () => {
    expect(phaseBars(phaseRows(plans))).toEqual([
      {
        label: '东港市 · 终期验收阶段',
        start: new Date(Date.UTC(2021, 10, 1)),
        end: new Date(Date.UTC(2022, 0, 1)),
      },
      // only the end: a dot at the end of March 2023
      { label: '乳源瑶族自治县 · 项目验收阶段', start: null, end: new Date(Date.UTC(2023, 3, 1)) },
    ]);
  });

  it('monthStart("2020-02") is 1 Feb 2020 and monthAfter("2020-02") is 1 Mar 2020', () => {
    expect(monthStart('2020-02').toISOString()).toBe('2020-02-01T00:00:00.000Z');
    expect(monthAfter('2020-02').toISOString()).toBe('2020-03-01T00:00:00.000Z');
  });
});
