import type { Doc } from '../doc.ts';
import { NUMBER, parseNumber } from '../numbers.ts';
import type { FundSource, MoneyMention } from '../types.ts';

const SCALE: Record<string, number> = { 亿元: 1e8, 亿: 1e8, 万元: 1e4, 万: 1e4, 千元: 1e3, 元: 1 };

/**
 * Money amounts: a number followed by 亿元, 万元, 千元 or 元, or by 万 when 资金 follows (“1500 万资金”).
 * A number that is part of a longer number or of a document number (〔2019〕50号) is not an amount, because it
 * has no money unit.
 */
const MONEY = new RegExp(
  String.raw`(?<![\d.,])(${NUMBER})(亿元|万元|千元|元|(?:万|亿)(?=(?:的)?(?:资金|经费)))`,
  'g',
);

/** Finds every money amount in a document's normalized text, in order, converted to yuan. */
export function moneyMentions(doc: Doc): MoneyMention[] {
  const out: MoneyMention[] = [];
  for (const m of doc.text.matchAll(MONEY)) {
    const value = parseNumber(m[1]!);
    if (value === null) continue;
    // a lone Chinese digit before 元 is a word (二元结构), not an amount
    if (m[1]!.length === 1 && /[^\d]/.test(m[1]!) && m[2] === '元') continue;
    out.push({
      yuan: Math.round(value * SCALE[m[2]!]!),
      nstart: m.index,
      nend: m.index + m[0].length,
      accountedBy: null,
    });
  }
  return out;
}

/** Fund-source words, most specific first: 自筹 before 县级, 中央 before 财政. */
const SOURCE_WORDS: [RegExp, FundSource][] = [
  [/自筹|社会资本|社会资金|企业投入|企业出资|承办单位|承办企业|银行贷款|群众投/, 'other'],
  [/中央/, 'central'],
  [/省级|省财政|省级财政|省商务|省级专项/, 'provincial'],
  [
    /(?:市|县|区|旗|地方|本级|州)(?:级)?(?:财政|配套|政府配套|自有)|配套资金|地方财政|地方资金|县政府配套|市政府配套|区政府配套/,
    'local',
  ],
];

/** The fund source a phrase names (中央财政补助资金 → central), or null. */
export function fundSource(phrase: string): FundSource | null {
  for (const [re, source] of SOURCE_WORDS) if (re.test(phrase)) return source;
  return null;
}
