/**
 * How a finding is shown: its outcome in words and a symbol (never colour alone), the check's name, and its
 * computation written out in the page's language (1,090万元 ÷ 2,000万元 = 54.5%（≥ 50%）).
 */
import { bound, group, money, percent } from '../../pipelines/contract/format.ts';
import { CHECK, STATUS, type Term } from '../../pipelines/contract/vocab.ts';
import { type Lang, t } from '../i18n/index.ts';

/** The name of a check; throws on a check the vocabulary lacks, so a new check is not shown raw. */
export function checkLabel(check: string): Term {
  if (!Object.hasOwn(CHECK, check))
    throw new Error(`no name for check “${check}” (pipelines/contract/vocab.ts)`);
  return CHECK[check as keyof typeof CHECK];
}

/** The outcome of a check in words and a symbol. */
export function statusLabel(status: string): Term & { symbol: string } {
  if (!Object.hasOwn(STATUS, status))
    throw new Error(`no name for status “${status}” (pipelines/contract/vocab.ts)`);
  return STATUS[status as keyof typeof STATUS];
}

interface Computed {
  check: string;
  numerator: number | null;
  denominator: number | null;
  threshold: number | null;
  /** how the value is bounded by the threshold, as published with the finding */
  comparator: string | null;
}

/** The computation behind a finding, in a language; empty when the finding has none. */
export function computation(f: Computed, lang: Lang = 'zh'): string {
  const { numerator: n, denominator: d, threshold, comparator } = f;
  const yuan = (v: number) => money(lang, v);
  // the bound as published with the finding (≥ 50%, ≤ 15%); none without a threshold and its comparator
  const limit = threshold === null || comparator === null ? '' : bound(comparator, threshold);
  const bracketed = limit ? `${t(lang, 'paren_open')}${limit}${t(lang, 'paren_close')}` : '';
  switch (f.check) {
    case 'rule:share_of_central':
    case 'rule:matching_ratio':
      return n !== null && d ? `${yuan(n)} ÷ ${yuan(d)} = ${percent(n / d)}${bracketed}` : '';
    case 'village_coverage':
      return n !== null && d
        ? `${t(lang, 'computation_coverage', { stations: group(String(n)), villages: group(String(d)), share: percent(n / d) })}${bracketed}`
        : '';
    case 'items_sum':
      return n !== null && d !== null
        ? t(lang, 'computation_items_sum', { sum: yuan(n), stated: yuan(d) })
        : '';
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
