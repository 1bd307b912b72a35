import { yuanEn, yuanZh } from '../../contract/format.ts';
import { TARGET_METRIC, type TargetMetric } from '../../contract/vocab.ts';
import type { Extraction } from '../../extract/types.ts';
import type { Finding } from '../finding.ts';
import { SLOT_EN, SLOT_ZH, statedTotals } from './slots.ts';

/**
 * Each target metric the document states with more than one value; both values are kept, neither is chosen.
 * Targets outside the vocabulary (other) each count something of their own, so two are never a conflict.
 */
export function targetConflicts(x: Extraction): Finding[] {
  const byMetric = new Map<string, typeof x.targets>();
  for (const t of x.targets)
    if (t.metric !== 'other') byMetric.set(t.metric, [...(byMetric.get(t.metric) ?? []), t]);
  const out: Finding[] = [];
  for (const [metric, list] of byMetric) {
    const values = [...new Set(list.map((t) => t.value))].sort((a, b) => a - b);
    if (values.length < 2) continue;
    out.push({
      check: 'conflicting_values',
      severity: 'review',
      status: 'fail',
      subject: metric,
      message_zh: `同一指标“${TARGET_METRIC[metric as TargetMetric]?.zh ?? metric}”在文件中有不同数值：${values.join('、')}。两处均保留。`,
      message_en: `The document states ${metric} with different values: ${values.join(', ')}. Both are kept.`,
      numerator: values[values.length - 1]!,
      denominator: values[0]!,
      threshold: null,
      evidence: list.map((t) => ({ start: t.start, end: t.end })),
    });
  }
  return out;
}

/** Each fund total the document states twice with different amounts, against the one it states first. */
export function fundConflicts(x: Extraction): Finding[] {
  const totals = statedTotals(x);
  return x.fundConflicts.map((c): Finding => {
    const first = totals[c.slot];
    return {
      check: 'conflicting_values',
      severity: 'review',
      status: 'fail',
      subject: `funds_${c.slot}`,
      message_zh: `资金${SLOT_ZH[c.slot]}前后不一：${yuanZh(first?.value)} 与 ${yuanZh(c.yuan)}。`,
      message_en: `The document states its ${SLOT_EN[c.slot]} funds as ${yuanEn(first?.value)} and as ${yuanEn(c.yuan)}.`,
      numerator: c.yuan,
      denominator: first?.value ?? null,
      threshold: null,
      evidence: [...(first ? [first] : []), c],
    };
  });
}

/** One target stated with two values, and fund totals stated twice differently. */
export function conflicts(x: Extraction): Finding[] {
  return [...targetConflicts(x), ...fundConflicts(x)];
}
