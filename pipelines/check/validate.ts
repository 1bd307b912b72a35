import { percent, yuanEn, yuanZh } from '../contract/format.ts';
import { FUND_SOURCE, FUND_SOURCES, TARGET_METRIC, type TargetMetric } from '../contract/vocab.ts';
import { PLAUSIBLE_YUAN } from '../extract/matchers/money.ts';
import type { Allocation, Extraction, FundSource, RefusalProblem } from '../extract/types.ts';
import { fundTree } from './fund-tree.ts';

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
  /** how the value is bounded by the threshold: at least (>=) or at most (<=); null without a threshold */
  comparator?: '>=' | '<=' | null;
  /** the spans used as evidence, the first being the main one */
  evidence: { start: number; end: number }[];
  /** the rule checked (data/rules), when the finding comes from one */
  rule_id?: string | null;
}

type Slot = 'amount' | FundSource;
const SLOTS: readonly Slot[] = ['amount', 'central', 'provincial', 'local', 'other'];
// a source of funds as the vocabulary names it (市县财政, not a third wording)
const SLOT_ZH: Record<Slot, string> = {
  amount: '总额',
  ...(Object.fromEntries(FUND_SOURCES.map((s) => [s, FUND_SOURCE[s].zh])) as Record<FundSource, string>),
};
const SLOT_EN: Record<Slot, string> = {
  amount: 'total',
  ...(Object.fromEntries(FUND_SOURCES.map((s) => [s, FUND_SOURCE[s].en.toLowerCase()])) as Record<
    FundSource,
    string
  >),
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

/** What is wrong with a refused amount, as a phrase after the quoted amount; `c` lists the characters at fault. */
const PROBLEM_ZH: Record<RefusalProblem, (c: string, yuan: number | null) => string> = {
  bidi_control: (c) => `含双向文本控制字符 ${c}，显示出的数字与文件中字符的顺序可能不同`,
  format_character: (c) => `含不可见的格式字符 ${c}`,
  ambiguous_space: (c) => `数字之间有空白 ${c}，可能是千位分隔，也可能分隔两个数（如表格的序号与金额）`,
  irregular_grouping: (c) => `的分隔符 ${c} 不是每三位一组`,
  exponent: (c) => `使用科学计数法（${c}），方案不会这样书写金额`,
  leading_zero: (c) => (c ? `在 ${c} 之后以 0 开头，不是金额的写法` : '以 0 开头，不是金额的写法'),
  malformed: (c) => (c ? `的写法无法识别（${c}）` : '的写法不能确定唯一的数值'),
  compound: (c) => `分几段写成（${c}），各段合起来不能确定唯一的数值`,
  line_break: (c) =>
    `的数字之间有换行${c ? `（${c}）` : ''}，可能是分页断开的一个数，也可能是两个数（如序号与金额）`,
  row_unreadable: () => '所在的金额表行中有无法读取的数字，无法确定各数属于哪一列',
  above_bound: (_, yuan) => `折合 ${yuanZh(yuan)}，超过单个县级方案的可信上限（${yuanZh(PLAUSIBLE_YUAN)}）`,
  not_exact: () => '过大，无法精确折算为元，金额留空',
};
const PROBLEM_EN: Record<RefusalProblem, (c: string, yuan: number | null) => string> = {
  bidi_control: (c) =>
    `contains the bidirectional control ${c}, so its digits may display in another order than they are stored`,
  format_character: (c) => `contains the invisible format character ${c}`,
  ambiguous_space: (c) =>
    `has white space (${c}) between its digits, which may separate thousands or two numbers (a row number and an amount)`,
  irregular_grouping: (c) => `has a separator (${c}) that does not group its digits in threes`,
  exponent: (c) => `is written in scientific notation (${c}), which is no way to write an amount in a plan`,
  leading_zero: (c) => `starts with 0${c ? ` after ${c}` : ''}, which is no way to write an amount`,
  malformed: (c) => (c ? `is not a number as written (${c})` : 'is not written as one number'),
  compound: (c) => `is written in parts (${c}) that together do not settle one number`,
  line_break: (c) =>
    `is broken by a line break${c ? ` (${c})` : ''} between its digits: one number split by a page, or two numbers (a row number and an amount)`,
  row_unreadable: () =>
    'is in a row of an amount table with a number that cannot be read, so which column each number belongs to cannot be told',
  above_bound: (_, yuan) =>
    `comes to ${yuanEn(yuan)}, above the plausible bound for one county’s plan (${yuanEn(PLAUSIBLE_YUAN)})`,
  not_exact: () => 'is too large to be converted to yuan exactly and is kept without a value',
};
/** Names of the characters a refused number most often holds, for the English message. */
const CHAR_NAMES: Record<string, string> = {
  'U+000A': 'line feed',
  'U+000D': 'carriage return',
  'U+0020': 'space',
  'U+002C': 'comma',
  'U+002E': 'full stop',
  'U+00A0': 'no-break space',
  'U+0045': 'E',
  'U+0065': 'e',
  'U+061C': 'Arabic letter mark',
  'U+200E': 'left-to-right mark',
  'U+200F': 'right-to-left mark',
  'U+202A': 'left-to-right embedding',
  'U+202B': 'right-to-left embedding',
  'U+202D': 'left-to-right override',
  'U+202E': 'right-to-left override',
  'U+2007': 'figure space',
  'U+2009': 'thin space',
  'U+2019': 'right single quotation mark',
  'U+202F': 'narrow no-break space',
  'U+2060': 'word joiner',
  'U+2066': 'left-to-right isolate',
  'U+2067': 'right-to-left isolate',
  'U+2068': 'first strong isolate',
  'U+3000': 'ideographic space',
  'U+4E07': '万 (ten thousand)',
  'U+4EBF': '亿 (hundred million)',
  'U+5343': '千 (thousand)',
  'U+FF0C': 'full-width comma',
};

/** A quote for a message: at most 40 characters, with invisible and space-like characters shown as [U+XXXX]. */
function shown(quote: string): string {
  const cs = [...quote];
  const short = cs.length > 40 ? `${cs.slice(0, 24).join('')}…${cs.slice(-12).join('')}` : quote;
  return short.replace(/[\p{Cf}\p{Cc}\p{Z}]/gu, (c) =>
    c === ' ' ? c : `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`,
  );
}

/** The finding for an amount the money matcher refused: unreadable (number_unreadable) or implausible (amount_implausible). */
function refusedFinding(a: Extraction['amounts'][number]): Finding {
  const implausible = a.note === 'implausible';
  const fallback = implausible ? (a.yuan === null ? 'not_exact' : 'above_bound') : 'malformed';
  const problem: RefusalProblem = a.refusal?.problem ?? fallback;
  const chars = a.refusal?.chars ?? [];
  const quote = shown(a.refusal?.written ?? '');
  const zh = PROBLEM_ZH[problem](chars.join('、'), a.yuan);
  const en = PROBLEM_EN[problem](
    chars.map((c) => (CHAR_NAMES[c] ? `${c} ${CHAR_NAMES[c]}` : c)).join(', '),
    a.yuan,
  );
  return {
    check: implausible ? 'amount_implausible' : 'number_unreadable',
    severity: 'review',
    status: 'fail',
    subject: problem,
    message_zh: implausible
      ? `文中金额“${quote}”${zh}，未作为资金数据使用。`
      : `文中金额“${quote}”${zh}，无法确定数值，未作为资金数据读取。`,
    message_en: implausible
      ? `The amount “${quote}” in the text ${en}, so it is not used as a fund figure.`
      : `The amount “${quote}” in the text ${en}; its value cannot be read for sure, so it is not read as money.`,
    numerator: a.yuan,
    denominator: null,
    threshold: implausible ? PLAUSIBLE_YUAN : null,
    evidence: [{ start: a.start, end: a.end }],
  };
}

/**
 * Checks one document's facts: items against their group and against the stated totals (per fund source),
 * one target stated with two values, fund totals stated twice differently, money amounts no fact accounts for, and
 * money amounts refused as unreadable or implausible. Worded as facts about the document, never as accusations.
 */
export function validate(x: Extraction): Finding[] {
  const out: Finding[] = [];
  const byId = new Map(x.allocations.map((a) => [a.itemId, a]));
  const tree = fundTree(x);
  const children = tree.children;
  const sumCheck = (
    subject: string,
    labelZh: string,
    labelEn: string,
    slot: Slot,
    stated: number,
    statedSpan: { start: number; end: number },
    items: Allocation[],
  ) => {
    const values = items.map((k) => tree.value(k, slot));
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
      message_zh: `同一指标“${TARGET_METRIC[metric as TargetMetric]?.zh ?? metric}”在文件中有不同数值：${values.join('、')}。两处均保留。`,
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
    if (a.note === 'unreadable' || a.note === 'implausible') {
      out.push(refusedFinding(a));
      continue;
    }
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
