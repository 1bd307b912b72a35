/**
 * How a finding is shown: its outcome in words and a symbol (never colour alone), the check's name, and its
 * computation written out (1,090万元 ÷ 2,000万元 = 54.5%, 规则 ≥ 50%).
 */
import { group, money, percent } from '../../pipelines/contract/format.ts';

export const STATUS_LABELS: Readonly<Record<string, { zh: string; en: string; symbol: string }>> = {
  pass: { zh: '符合', en: 'met', symbol: '✓' },
  fail: { zh: '不符', en: 'not met', symbol: '✗' },
  not_applicable: { zh: '不适用', en: 'not applicable', symbol: '–' },
  not_enough_data: { zh: '数据不足', en: 'not enough data', symbol: '?' },
};

export const CHECK_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  items_sum: { zh: '分项合计', en: 'Items add up' },
  conflicting_values: { zh: '前后数值一致', en: 'One value per metric' },
  unaccounted_amount: { zh: '未计入的金额', en: 'Amount not accounted for' },
  amounts_accounted: { zh: '金额读取完整度', en: 'Amounts accounted for' },
  no_facts: { zh: '未识别到数据', en: 'No facts recognised' },
  county_unresolved: { zh: '县名识别', en: 'County name resolved' },
  read_error: { zh: '文件读取', en: 'File read' },
  'rule:share_of_central': { zh: '中央资金使用比例', en: 'Share of central funds' },
  'rule:matching_ratio': { zh: '配套资金比例', en: 'Matching funds' },
  'rule:negative_list': { zh: '中央资金负面清单', en: 'Negative list for central funds' },
  village_coverage: { zh: '村级覆盖率', en: 'Village coverage' },
  phases_in_period: { zh: '阶段在实施期内', en: 'Phases within the period' },
  issued_before_first_phase_end: { zh: '印发时间', en: 'Date of issue' },
};

/** The label of a check; throws on a check the site has no label for, so a new check is not shown raw. */
export function checkLabel(check: string): { zh: string; en: string } {
  const label = CHECK_LABELS[check];
  if (!label) throw new Error(`no label for check “${check}” (src/lib/findings.ts)`);
  return label;
}

export function statusLabel(status: string): { zh: string; en: string; symbol: string } {
  const label = STATUS_LABELS[status];
  if (!label) throw new Error(`no label for status “${status}” (src/lib/findings.ts)`);
  return label;
}

interface Computed {
  check: string;
  numerator: number | null;
  denominator: number | null;
  threshold: number | null;
}

/** The computation behind a finding (money per language); empty when the finding has none. */
export function computation(f: Computed, comparator: string | null = null, lang: 'zh' | 'en' = 'zh'): string {
  const { numerator: n, denominator: d, threshold: t } = f;
  const yuanZh = (v: number) => money(lang, v);
  const zh = lang === 'zh';
  const bound =
    t === null
      ? ''
      : zh
        ? `（${comparator === '<=' ? '≤' : '≥'} ${percent(t, 0)}）`
        : ` (${comparator === '<=' ? '≤' : '≥'} ${percent(t, 0)})`;
  switch (f.check) {
    case 'rule:share_of_central':
    case 'rule:matching_ratio':
      return n !== null && d ? `${yuanZh(n)} ÷ ${yuanZh(d)} = ${percent(n / d)}${bound}` : '';
    case 'village_coverage':
      return n !== null && d
        ? `${group(String(n))} 个站 ÷ ${group(String(d))} 个村委会 = ${percent(n / d)}${bound}`
        : '';
    case 'items_sum':
      return n !== null && d !== null ? `分项合计 ${yuanZh(n)}；所列 ${yuanZh(d)}` : '';
    case 'phases_in_period':
    case 'rule:negative_list':
      return n !== null && d !== null ? `${n} / ${d}` : '';
    case 'amounts_accounted':
      return n !== null && d ? `${n} / ${d} = ${percent(n / d)}` : '';
    default:
      return '';
  }
}

/** The evidence spans of a finding (findings.evidence is JSON [[start, end], …]). */
export const evidenceOf = (f: { evidence: string }): [number, number][] =>
  JSON.parse(f.evidence) as [number, number][];
