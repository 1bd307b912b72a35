/**
 * Hand-made plan texts for the audit tests: a county, a programme year and level, funds, items, targets and
 * phases, written the way plans write them. Each test states what the text says, so the expected finding can be
 * worked out by hand from the text.
 */

import { FINDINGS, type Row } from '../pipelines/contract/schema.ts';
import { readPlan } from '../pipelines/plan/plans.ts';

export interface PlanSpec {
  county: string;
  year?: number;
  level?: '国家级' | '省级';
  issued?: string;
  /** 万元 */
  central?: number;
  local?: number;
  /** label, central 万元, local 万元 */
  items?: [string, number, number?][];
  lines?: string[];
  period?: string;
  phases?: [string, string][];
}

export function planText(p: PlanSpec): string {
  const out = [`${p.county}${p.year ?? 2019}年${p.level ?? '国家级'}电子商务进农村综合示范项目实施方案`, ''];
  out.push(`${p.county}人民政府办公室`, p.issued ?? '2019年10月8日', '');
  if (p.period) out.push('一、项目实施期限', '', p.period, '');
  if (p.central !== undefined) {
    const total = p.central + (p.local ?? 0);
    out.push(
      '二、项目资金',
      '',
      `项目总投资${total}万元，其中中央财政资金${p.central}万元${p.local ? `，县级财政配套资金${p.local}万元` : ''}。`,
      '',
    );
  }
  if (p.items?.length) {
    out.push('三、资金安排', '');
    const n = '一二三四五六七八九十';
    p.items.forEach(([label, c, l], i) => {
      const parts = [c ? `安排中央财政资金${c}万元` : '', l ? `安排县级财政配套资金${l}万元` : ''].filter(
        Boolean,
      );
      out.push(`（${n[i]}）${label}。${parts.join('，')}。`);
    });
    out.push('');
  }
  if (p.lines?.length) out.push('四、建设目标', '', ...p.lines, '');
  if (p.phases?.length) {
    out.push('五、实施步骤', '');
    p.phases.forEach(([name, when], i) => {
      out.push(`（${'一二三四五'[i]}）${name}（${when}）。`);
    });
  }
  return `${out.join('\n')}\n`;
}

/** The findings of a hand-made plan. */
export function findingsOf(p: PlanSpec): Row[] {
  const r = readPlan('handmade', 'handmade.txt', new TextEncoder().encode(planText(p)), null);
  if (!r.ok) throw new Error(r.error ?? 'not read');
  return r.rows.get(FINDINGS)!;
}

/** The one finding of a check (and rule), failing loudly when there is not exactly one. */
export function finding(rows: Row[], check: string, ruleId?: string): Row {
  const hits = rows.filter((f) => f.check === check && (ruleId === undefined || f.rule_id === ruleId));
  if (hits.length !== 1)
    throw new Error(
      `expected one ${check} ${ruleId ?? ''} finding, got ${hits.length}: ${JSON.stringify(rows.map((f) => [f.check, f.rule_id]))}`,
    );
  return hits[0]!;
}
