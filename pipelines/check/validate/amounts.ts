import { percent, yuanEn, yuanZh } from '../../contract/format.ts';
import { PLAUSIBLE_YUAN } from '../../extract/matchers/money.ts';
import type { Extraction, RefusalProblem } from '../../extract/types.ts';
import type { Finding } from '../finding.ts';

type Amount = Extraction['amounts'][number];

/** Why an amount is in no fund fact, by its note: what the text uses it for, or that no item could be attached. */
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
export function refused(a: Amount): Finding {
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

/** The finding for a money amount that no fund fact accounts for, with what the text uses it for. */
export function unaccounted(a: Amount): Finding {
  const note = a.note ?? 'unnamed';
  return {
    check: 'unaccounted_amount',
    severity: 'info',
    status: 'fail',
    subject: note,
    message_zh: `文中金额 ${yuanZh(a.yuan)} 未计入任何资金项（${NOTE_ZH[note]}）。`,
    message_en: `The amount ${yuanEn(a.yuan)} in the text is not part of any fund fact (${NOTE_EN[note]}).`,
    numerator: a.yuan,
    denominator: null,
    threshold: null,
    evidence: [{ start: a.start, end: a.end }],
  };
}

/** How many of the document's money amounts fund facts account for; no finding for a text without amounts. */
export function accounted(x: Extraction): Finding[] {
  if (x.amounts.length === 0) return [];
  const n = x.amounts.filter((a) => a.accountedBy !== null).length;
  const share = n / x.amounts.length;
  return [
    {
      check: 'amounts_accounted',
      severity: 'info',
      status: n === x.amounts.length ? 'pass' : 'fail',
      subject: 'amounts',
      message_zh: `文中 ${x.amounts.length} 处金额，${n} 处已计入资金数据（${percent(share)}）。`,
      message_en: `${n} of the ${x.amounts.length} money amounts in the text are accounted for by fund facts (${percent(share)}).`,
      numerator: n,
      denominator: x.amounts.length,
      threshold: null,
      evidence: [],
    },
  ];
}

/**
 * The money amounts no fact accounts for, in the order of the text (refused ones as unreadable or implausible,
 * the others as unaccounted), then the summary of how many are accounted for.
 */
export function amounts(x: Extraction): Finding[] {
  const out: Finding[] = [];
  for (const a of x.amounts) {
    if (a.accountedBy !== null) continue;
    out.push(a.note === 'unreadable' || a.note === 'implausible' ? refused(a) : unaccounted(a));
  }
  return [...out, ...accounted(x)];
}
