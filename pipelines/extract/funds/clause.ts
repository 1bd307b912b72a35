import { fundSource } from '../matchers/money.ts';
import type { AmountNote, FundSource } from '../types.ts';

/** Money spent or paid so far (a report's achievement), not the plan's allocation: 已使用 800 万元, 累计完成投资. */
const ACHIEVED =
  /已(?:经)?(?:拨付|使用|支付|支出|完成|投入)|累计(?:完成|投入|投资|支出|拨付)|实际(?:支出|完成)/;
/** A payment schedule, not an allocation: 先期拨付 1500 万, 再拨付剩余 500 万. */
const TRANCHE = /拨付|先期|后期|剩余|到位|下达|分期|首期|尾款|分批/;
/** A performance figure, not an allocation: 年销售额 2 万元以上的店铺. */
const PERFORMANCE =
  /销售额|零售额|交易额|营业额|收入|产值|增收|营收|年销售|利润|贷款|授信|融资|补贴标准|每人|每个|每家|每站|每单|每件|单价/;
const THRESHOLD_AFTER = /^(?:以上|以下|左右|及以上)/;
/** An explanation of an amount already given: 20 万元是用于…, 20 万元，主要用于… */
const EXPLAIN_AFTER = /^[,，]?(?:主要|是|均|全部)?用于/;
/** An enumerator opening a clause: 一是, 一、, (1), 1., ①, 第一项. */
export const ENUMERATOR =
  /^(?:[一二三四五六七八九十]{1,3}是|[一二三四五六七八九十]{1,3}[、.]|\(?\d{1,2}\)|\d{1,2}[.、](?!\d)|[①-⑳]|第[一二三四五六七八九十]{1,3}[项个])/;
/** Where the money part of a phrase begins: the label is what stands before it. */
const MONEY_PART =
  /(?:的)?(?:资金来源|(?:项目)?(?:计划)?总投资|投资总额|资金总额|总投入|(?:总)?资金预算|总预算|预算|投入|投资|(?:中央|省级|省|市级|县级|区级|地方|本级)(?:财政)?(?:补助|专项|配套)?(?:资金|经费)|中央|(?:企业|承办单位|承办企业)?自筹|社会资本|财政|其中|拟使用|安排资金|共计|合计|\d{4}年度)/;
/**
 * Words that are not a label on their own: generic words, and the government level of a fund source (县(市、区),
 * 县政府, 政府 in 县(市、区)财政配套资金, 政府配套资金), which names where money comes from, not an item.
 */
const NOT_A_LABEL =
  /^(?:建设|实施|工作|内容|费用|资金|金额|投资|预算|经费|其中|具体|主要|(?:[县市区旗州][(（][市县区旗、]{1,6}[)）]|[县市区旗州]|县市区)?(?:级)?(?:人民)?(?:政府)?(?:配套(?:资金|经费)?)?)$/;
/** A fund source in parentheses right after an amount: 1500 万元(中央财政资金). */
const SOURCE_SUFFIX = /^[(（〔[]([^()（）〔〕[\]\d]{2,14})[)）〕\]]/;

/** The clause an amount belongs to, read from the text before it (its lead) and the few characters after it. */
export interface Clause {
  /** the lead from its last comma, semicolon or tab (or from an unclosed parenthesis) to the amount */
  readonly part: string;
  /** normalized offset where `part` starts */
  readonly partStart: number;
  /** the character `part` was cut at (',', '，', ';', '；' or '\t'); '' when the clause is the whole lead */
  readonly cutChar: string;
  /** the part after the clause's last colon (all of it without a colon), and the part before that colon */
  readonly labelPart: string;
  readonly headPart: string;
  /** the item the clause names (see cleanLabel), from after its colon, else from before it; '' when none */
  readonly label: string;
  /** normalized offset of the label (meaningful only when there is one) */
  readonly labelAt: number;
  /** the words of a parenthesized fund source right after the amount (中央财政资金), or null */
  readonly suffix: string | null;
  /** the fund source the clause or the parenthesis after the amount names */
  readonly source: FundSource | null;
  /** why the amount is no allocation at all: a payment schedule, a threshold or an explanation; null otherwise */
  readonly skip: Extract<AmountNote, 'achieved' | 'disbursement' | 'threshold' | 'explanation'> | null;
}

/** The label in a phrase, with enumerators, the money part and punctuation removed; '' when nothing is left. */
export function cleanLabel(phrase: string): string {
  let s = phrase.replace(/^[\s,，;；:、.()（）]+/, '');
  for (let i = 0; i < 3; i++) s = s.replace(ENUMERATOR, '').replace(/^[\s,，;；:、.]+/, '');
  const cut = s.search(MONEY_PART);
  if (cut !== -1) s = s.slice(0, cut);
  s = s.replace(/[\s,，;；:、.的]+$/, '');
  if ((s.match(/\p{Script=Han}/gu)?.length ?? 0) < 2 || NOT_A_LABEL.test(s)) return '';
  return s;
}

/** Why an amount with this clause and these characters after it is not an allocation, or null when it may be one. */
export function skipReason(part: string, after: string): Clause['skip'] {
  if (ACHIEVED.test(part)) return 'achieved';
  if (TRANCHE.test(part)) return 'disbursement';
  if (PERFORMANCE.test(part) || THRESHOLD_AFTER.test(after)) return 'threshold';
  if (EXPLAIN_AFTER.test(after)) return 'explanation';
  return null;
}

/**
 * The clause of an amount from its lead (the normalized text since the previous amount of the sentence, starting
 * at `leadStart`) and `after`, the characters that follow the amount.
 */
export function clauseOf(lead: string, leadStart: number, after: string): Clause {
  let part = lead;
  let partStart = leadStart;
  // inside an open parenthesis (含中央财政资金 500 万元) the clause starts at the parenthesis
  const open = Math.max(part.lastIndexOf('('), part.lastIndexOf('〔'), part.lastIndexOf('['));
  if (open > part.lastIndexOf(')')) {
    partStart += open + 1;
    part = part.slice(open + 1);
  }
  const cut = Math.max(...[',', '，', ';', '；', '\t'].map((c) => part.lastIndexOf(c)));
  const cutChar = cut === -1 ? '' : part[cut]!;
  if (cut !== -1) {
    partStart += cut + 1;
    part = part.slice(cut + 1);
  }
  const colon = part.lastIndexOf(':');
  const labelPart = colon === -1 ? part : part.slice(colon + 1);
  const headPart = colon === -1 ? '' : part.slice(0, colon);
  let label = cleanLabel(labelPart);
  let labelAt = partStart + (colon + 1) + labelPart.indexOf(label);
  if (!label && headPart) {
    label = cleanLabel(headPart);
    labelAt = partStart + headPart.indexOf(label);
  }
  const suffix = SOURCE_SUFFIX.exec(after)?.[1] ?? null;
  const source = fundSource(part) ?? (suffix !== null ? fundSource(suffix) : null);
  return {
    part,
    partStart,
    cutChar,
    labelPart,
    headPart,
    label,
    labelAt,
    suffix,
    source,
    skip: skipReason(part, after),
  };
}
