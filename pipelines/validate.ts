import { percent, yuanEn, yuanZh } from '../src/lib/format.ts';
import { METRIC_LABELS } from '../src/lib/labels.ts';
import type { Allocation, Extraction, FundSource } from './types.ts';

export type Severity = 'info' | 'review' | 'fail';
export type Status = 'pass' | 'fail' | 'not_applicable' | 'not_enough_data';

/** A fact about a document found by checking its facts against each other. */
export interface Finding {
  check: string;
  severity: Severity;
  status: Status;
  /** what the finding is about: an item id, a metric, a fund source */
  subject: string;
  message_zh: string;
  message_en: string;
  numerator: number | null;
  denominator: number | null;
  threshold: number | null;
  /** the spans used as evidence, the first being the main one */
  evidence: { start: number; end: number }[];
  /** the rule checked (data/rules), when the finding comes from one */
  rule_id?: string | null;
}

/** The items under each group, by the group's id. */
export function childrenOf(allocations: readonly Allocation[]): Map<string, Allocation[]> {
  const children = new Map<string, Allocation[]>();
  for (const a of allocations) {
    if (a.parentItemId) children.set(a.parentItemId, [...(children.get(a.parentItemId) ?? []), a]);
  }
  return children;
}

type Slot = 'amount' | FundSource;
const SLOTS: readonly Slot[] = ['amount', 'central', 'provincial', 'local', 'other'];
const SLOT_ZH: Record<Slot, string> = {
  amount: '总额',
  central: '中央财政',
  provincial: '省级财政',
  local: '地方财政',
  other: '其他来源',
};
const SLOT_EN: Record<Slot, string> = {
  amount: 'total',
  central: 'central',
  provincial: 'provincial',
  local: 'local',
  other: 'other',
};
const NOTE_ZH: Record<string, string> = {
  disbursement: '拨付安排，非分项资金',
  threshold: '目标门槛或业绩数额，非资金安排',
  explanation: '对已列金额的说明',
  unnamed: '未能确定所属项目',
};
const NOTE_EN: Record<string, string> = {
  disbursement: 'a payment schedule, not an allocation',
  threshold: 'a threshold or performance figure, not an allocation',
  explanation: 'an explanation of an amount already listed',
  unnamed: 'no item could be attached',
};

/**
 * An item's amount for a source: stated; 0 when the item's stated total is fully explained by other sources;
 * else the sum of its items when all of them have one; else null.
 */
export function itemValue(a: Allocation, slot: Slot, children: Map<string, Allocation[]>): number | null {
  const v = a.amounts[slot];
  if (v !== null) return v;
  if (slot !== 'amount') {
    const stated = (['central', 'provincial', 'local', 'other'] as const).map((s) => a.amounts[s]);
    const sum = stated.reduce<number>((acc, x) => acc + (x ?? 0), 0);
    if (a.amounts.amount !== null && stated.some((x) => x !== null) && sum === a.amounts.amount) return 0;
  }
  const kids = children.get(a.itemId);
  if (!kids) return null;
  const values = kids.map((k) => itemValue(k, slot, children));
  return values.every((x) => x !== null) ? values.reduce<number>((acc, x) => acc + x!, 0) : null;
}

/**
 * Checks one document's facts: items against their group and against the stated totals (per fund source),
 * one target stated with two values, fund totals stated twice differently, and money amounts no fact accounts for.
 * Worded as facts about the document, never as accusations.
 */
export function validate(x: Extraction): Finding[] {
  const out: Finding[] = [];
  const byId = new Map(x.allocations.map((a) => [a.itemId, a]));
  const children = childrenOf(x.allocations);
  const sumCheck = (
    subject: string,
    labelZh: string,
    labelEn: string,
    slot: Slot,
    stated: number,
    statedSpan: { start: number; end: number },
    items: Allocation[],
  ) => {
    const values = items.map((k) => itemValue(k, slot, children));
    const evidence = [statedSpan, ...items.map((k) => ({ start: k.start, end: k.end }))];
    if (values.some((v) => v === null)) {
      out.push({
        check: 'items_sum',
        severity: 'info',
        status: 'not_enough_data',
        subject,
        message_zh: `${labelZh}（${SLOT_ZH[slot]}）：部分分项未列该项资金，无法核对合计。`,
        message_en: `${labelEn} (${SLOT_EN[slot]}): some items do not state this source, so the sum cannot be checked.`,
        numerator: null,
        denominator: stated,
        threshold: null,
        evidence,
      });
      return;
    }
    const sum = values.reduce<number>((acc, v) => acc + v!, 0);
    const ok = sum === stated;
    out.push({
      check: 'items_sum',
      severity: ok ? 'info' : 'review',
      status: ok ? 'pass' : 'fail',
      subject,
      message_zh: ok
        ? `${labelZh}（${SLOT_ZH[slot]}）：分项合计 ${yuanZh(sum)}，与所列 ${yuanZh(stated)} 一致。`
        : `${labelZh}（${SLOT_ZH[slot]}）：分项合计 ${yuanZh(sum)}，所列为 ${yuanZh(stated)}，相差 ${yuanZh(stated - sum)}。`,
      message_en: ok
        ? `${labelEn} (${SLOT_EN[slot]}): the items add up to ${yuanEn(sum)}, as stated.`
        : `${labelEn} (${SLOT_EN[slot]}): the items add up to ${yuanEn(sum)}; the document states ${yuanEn(stated)} (difference ${yuanEn(stated - sum)}).`,
      numerator: sum,
      denominator: stated,
      threshold: null,
      evidence,
    });
  };

  // items against their group
  for (const [id, kids] of children) {
    const group = byId.get(id)!;
    for (const slot of SLOTS) {
      const stated = group.amounts[slot];
      if (stated === null || (slot === 'amount' && group.amountBasis !== 'stated')) continue;
      sumCheck(id, `“${group.label}”`, `“${group.label}”`, slot, stated, group, kids);
    }
  }
  // top-level items against the document's totals
  const roots = x.allocations.filter((a) => a.parentItemId === null);
  const f = x.fields;
  const totals: Record<Slot, typeof f.funds_total_yuan> = {
    amount: f.funds_total_yuan,
    central: f.funds_central_yuan,
    provincial: f.funds_provincial_yuan,
    local: f.funds_local_yuan,
    other: f.funds_other_yuan,
  };
  if (roots.length > 0) {
    for (const slot of SLOTS) {
      const t = totals[slot];
      if (t) sumCheck(`funds_${slot}`, '全部分项', 'All items', slot, t.value, t, roots);
    }
    // a document that states one source and no total: its items are compared with that source
    const stated = SLOTS.filter((s) => s !== 'amount' && totals[s]);
    if (!totals.amount && stated.length === 1) {
      const only = stated[0]!;
      const t = totals[only]!;
      sumCheck(
        `funds_${only}`,
        `全部分项（文件仅列${SLOT_ZH[only]}资金）`,
        `All items (the document states only ${SLOT_EN[only]} funds)`,
        'amount',
        t.value,
        t,
        roots,
      );
    }
  }
  // one target, two values
  const byMetric = new Map<string, typeof x.targets>();
  for (const t of x.targets) byMetric.set(t.metric, [...(byMetric.get(t.metric) ?? []), t]);
  for (const [metric, list] of byMetric) {
    const values = [...new Set(list.map((t) => t.value))].sort((a, b) => a - b);
    if (values.length < 2) continue;
    out.push({
      check: 'conflicting_values',
      severity: 'review',
      status: 'fail',
      subject: metric,
      message_zh: `同一指标“${METRIC_LABELS[metric] ?? metric}”在文件中有不同数值：${values.join('、')}。两处均保留。`,
      message_en: `The document states ${metric} with different values: ${values.join(', ')}. Both are kept.`,
      numerator: values[values.length - 1]!,
      denominator: values[0]!,
      threshold: null,
      evidence: list.map((t) => ({ start: t.start, end: t.end })),
    });
  }
  for (const c of x.fundConflicts) {
    const first = totals[c.slot];
    out.push({
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
    });
  }
  // money amounts that no fact accounts for
  const accounted = x.amounts.filter((a) => a.accountedBy !== null).length;
  for (const a of x.amounts) {
    if (a.accountedBy !== null) continue;
    out.push({
      check: 'unaccounted_amount',
      severity: 'info',
      status: 'fail',
      subject: a.note ?? 'unnamed',
      message_zh: `文中金额 ${yuanZh(a.yuan)} 未计入任何资金项（${NOTE_ZH[a.note ?? 'unnamed']}）。`,
      message_en: `The amount ${yuanEn(a.yuan)} in the text is not part of any fund fact (${NOTE_EN[a.note ?? 'unnamed']}).`,
      numerator: a.yuan,
      denominator: null,
      threshold: null,
      evidence: [{ start: a.start, end: a.end }],
    });
  }
  if (x.amounts.length > 0) {
    const share = accounted / x.amounts.length;
    out.push({
      check: 'amounts_accounted',
      severity: 'info',
      status: accounted === x.amounts.length ? 'pass' : 'fail',
      subject: 'amounts',
      message_zh: `文中 ${x.amounts.length} 处金额，${accounted} 处已计入资金数据（${percent(share)}）。`,
      message_en: `${accounted} of the ${x.amounts.length} money amounts in the text are accounted for by fund facts (${percent(share)}).`,
      numerator: accounted,
      denominator: x.amounts.length,
      threshold: null,
      evidence: [],
    });
  }
  const facts = x.allocations.length + x.targets.length + x.phases.length + x.products.length;
  if (facts === 0) {
    out.push({
      check: 'no_facts',
      severity: 'review',
      status: 'fail',
      subject: 'document',
      message_zh: '未在文件中识别到任何资金、指标、阶段或产品。',
      message_en: 'No funds, targets, phases or products were recognised in this document.',
      numerator: 0,
      denominator: null,
      threshold: null,
      evidence: [],
    });
  }
  return out;
}
