import type { Doc } from '../../normalize/doc.ts';
import type { Heading } from '../../normalize/outline.ts';
import type { Allocation, MoneyMention, RefusedAmount } from '../types.ts';
import { toAllocations } from './allocations.ts';
import { readAmount } from './amount.ts';
import { placeAmount } from './cases.ts';
import { type FundTotals, newState } from './state.ts';
import { readAmountTables } from './tables.ts';
import { buildTree, itemIds } from './tree.ts';

export type { FundTotals } from './state.ts';

/** The fund tree of a document as allocations, its totals, and every amount with what accounted for it. */
export interface FundsResult {
  allocations: Allocation[];
  totals: FundTotals;
  mentions: MoneyMention[];
  /** cells of amount tables refused for their size (above the bound or not exact): never a fund figure */
  refused: RefusedAmount[];
}

/**
 * Reads a plan's fund statements into a tree: the document totals (项目投资总额 2200 万元，其中：中央财政…),
 * groups (the plan's sections with amounts) and items (一是…总投资 600 万元，其中…), each amount per fund source.
 * Every money amount is either placed in the tree or left unaccounted (reported by the caller).
 */
export function extractFunds(doc: Doc, headings: readonly Heading[]): FundsResult {
  const state = newState(doc, headings);
  for (const m of state.mentions) placeAmount(state, readAmount(state, m));
  const { refused, duplicateOf } = readAmountTables(state);
  const nodes = buildTree(state);
  const allocations = toAllocations(doc, nodes, itemIds(nodes), duplicateOf);
  state.mentions.sort((a, b) => a.nstart - b.nstart);
  return { allocations, totals: state.totals, mentions: state.mentions, refused };
}
