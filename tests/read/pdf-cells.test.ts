/**
 * A run of text pdf.js joined across a table's cells (村级服务站 300 124) is cut at each vertical rule that crosses
 * it, whatever order the page draws its rules in (pipelines/read/pdf.ts cutAtRules).
 */
import { describe, expect, it } from 'vitest';
import { cutAtRules } from '../../pipelines/read/pdf.ts';

// 村级服务站 (5 ems) · space · 300 · space · 124 at 10 units an em from x = 100: the cells' rules at 152 and 172
const run = { str: '村级服务站 300 124', x: 100, y: 500, w: 90, h: 10 };
const rule = (x: number) => ({ x0: x - 0.25, x1: x + 0.25, y0: 480, y1: 530 });

describe('cutAtRules', () => {
  it('cuts a run at every rule crossing it, rules drawn left to right', () => {
    expect(cutAtRules([run], [rule(152), rule(172)]).map((r) => r.str)).toEqual(['村级服务站', '300', '124']);
  });

  it('cuts a run at every rule crossing it, rules drawn right to left', () => {
    expect(cutAtRules([run], [rule(172), rule(152)]).map((r) => r.str)).toEqual(['村级服务站', '300', '124']);
  });
});
