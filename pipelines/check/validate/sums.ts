import { yuanEn, yuanZh } from '../../contract/format.ts';
import type { Allocation, Extraction } from '../../extract/types.ts';
import type { Finding, Span } from '../finding.ts';
import { fundTree } from '../fund-tree.ts';
import { SLOT_EN, SLOT_ZH, SLOTS, type Slot, statedTotals } from './slots.ts';

type Tree = ReturnType<typeof fundTree>;

/** What an items_sum finding compares: a stated amount, where it is, and the items that should add up to it. */
export interface SumOf {
  subject: string;
  labelZh: string;
  labelEn: string;
  slot: Slot;
  stated: number;
  /** the stated amount's fact (an allocation or a field), kept whole as the main evidence */
  statedSpan: Span;
  items: Allocation[];
}

/** The items' amounts for the slot against the stated amount: equal, different, or not all items stating it. */
export function itemsSum(tree: Tree, s: SumOf): Finding {
  const { subject, labelZh, labelEn, slot, stated } = s;
  const values = s.items.map((k) => tree.value(k, slot));
  const evidence = [s.statedSpan, ...s.items.map((k) => ({ start: k.start, end: k.end }))];
  if (values.some((v) => v === null))
    return {
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
    };
  const sum = values.reduce<number>((acc, v) => acc + v!, 0);
  const ok = sum === stated;
  return {
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
  };
}

/** Each group's items against the group's stated amounts, source by source. */
export function groupSums(x: Extraction, tree: Tree = fundTree(x)): Finding[] {
  const out: Finding[] = [];
  const byId = new Map(x.allocations.map((a) => [a.itemId, a]));
  for (const [id, items] of tree.children) {
    const group = byId.get(id)!;
    const label = `“${group.label}”`;
    for (const slot of SLOTS) {
      const stated = group.amounts[slot];
      // a total added up from the group's sources is not a figure the document states
      if (stated === null || (slot === 'amount' && group.amountBasis !== 'stated')) continue;
      out.push(
        itemsSum(tree, {
          subject: id,
          labelZh: label,
          labelEn: label,
          slot,
          stated,
          statedSpan: group,
          items,
        }),
      );
    }
  }
  return out;
}

/** The top-level items against the document's stated totals, source by source. */
export function totalSums(x: Extraction, tree: Tree = fundTree(x)): Finding[] {
  const items = x.allocations.filter((a) => a.parentItemId === null);
  if (items.length === 0) return [];
  const totals = statedTotals(x);
  const out: Finding[] = [];
  for (const slot of SLOTS) {
    const t = totals[slot];
    if (t)
      out.push(
        itemsSum(tree, {
          subject: `funds_${slot}`,
          labelZh: '全部分项',
          labelEn: 'All items',
          slot,
          stated: t.value,
          statedSpan: t,
          items,
        }),
      );
  }
  // a document that states one source and no total: its items are compared with that source
  const sources = SLOTS.filter((s) => s !== 'amount' && totals[s]);
  if (!totals.amount && sources.length === 1) {
    const only = sources[0]!;
    const t = totals[only]!;
    out.push(
      itemsSum(tree, {
        subject: `funds_${only}`,
        labelZh: `全部分项（文件仅列${SLOT_ZH[only]}资金）`,
        labelEn: `All items (the document states only ${SLOT_EN[only]} funds)`,
        slot: 'amount',
        stated: t.value,
        statedSpan: t,
        items,
      }),
    );
  }
  return out;
}

/** Items against their group and the top-level items against the stated totals, per fund source. */
export function sums(x: Extraction): Finding[] {
  const tree = fundTree(x);
  return [...groupSums(x, tree), ...totalSums(x, tree)];
}
