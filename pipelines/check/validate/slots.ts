import { FUND_SOURCE, FUND_SOURCES } from '../../contract/vocab.ts';
import type { Extraction, FundSource } from '../../extract/types.ts';

/** An amount of a fund item or of the document: its total, or one source of funds. */
export type Slot = 'amount' | FundSource;

/** The slots in the order their findings are listed. */
export const SLOTS: readonly Slot[] = ['amount', 'central', 'provincial', 'local', 'other'];

/** A slot's name in a Chinese message, a source as the vocabulary names it (市县财政, not a third wording). */
export const SLOT_ZH: Record<Slot, string> = {
  amount: '总额',
  ...(Object.fromEntries(FUND_SOURCES.map((s) => [s, FUND_SOURCE[s].zh])) as Record<FundSource, string>),
};

/** A slot's name in an English message, as the vocabulary names the source. */
export const SLOT_EN: Record<Slot, string> = {
  amount: 'total',
  ...(Object.fromEntries(FUND_SOURCES.map((s) => [s, FUND_SOURCE[s].en.toLowerCase()])) as Record<
    FundSource,
    string
  >),
};

/** The document's stated totals (cited fields) per slot. */
export function statedTotals(x: Extraction): Record<Slot, Extraction['fields']['funds_total_yuan']> {
  const f = x.fields;
  return {
    amount: f.funds_total_yuan,
    central: f.funds_central_yuan,
    provincial: f.funds_provincial_yuan,
    local: f.funds_local_yuan,
    other: f.funds_other_yuan,
  };
}
