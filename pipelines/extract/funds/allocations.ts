import { asWritten, type Doc } from '../../normalize/doc.ts';
import type { Span } from '../../normalize/normalize.ts';
import { categorize } from '../categories.ts';
import type { Allocation, Amounts, Category, MoneyMention } from '../types.ts';
import { type Node, SLOTS } from './state.ts';

const SOURCES = ['central', 'provincial', 'local', 'other'] as const;

/**
 * The allocations of the tree's nodes, in order, each with its amounts, statement span and category; every amount
 * placed in a node (and every table amount restating it, in `duplicateOf`) is accounted to its allocation.
 */
export function toAllocations(
  doc: Doc,
  nodes: readonly Node[],
  ids: ReadonlyMap<Node, string>,
  duplicateOf: ReadonlyMap<MoneyMention, Node>,
): Allocation[] {
  const parents = new Set(nodes.map((n) => n.parent).filter((p): p is Node => p !== null));
  const allocations = nodes.map((n): Allocation => {
    const id = ids.get(n)!;
    for (const p of Object.values(n.slots)) p.mention.accountedBy = `allocation:${id}`;
    for (const [m, of] of duplicateOf) if (of === n) m.accountedBy = `allocation:${id}`;
    const { amounts, amountBasis } = amountsOf(n);
    const span = statementSpan(doc, n);
    return {
      itemId: id,
      parentItemId: n.parent ? (ids.get(n.parent) ?? null) : null,
      label: n.label,
      labelSpan: doc.span(n.labelStart, n.labelEnd),
      category: categorize(n.label, parents.has(n)),
      amounts,
      amountBasis,
      start: span.start,
      end: span.end,
      responsible: n.owner
        ? { value: asWritten(doc, n.owner.nstart, n.owner.nend), ...doc.span(n.owner.nstart, n.owner.nend) }
        : null,
    };
  });
  inheritCategories(allocations);
  return allocations;
}

/** A node's amounts per slot; without an amount of its own, the sum of its sources' (when it has any). */
export function amountsOf(n: Node): { amounts: Amounts; amountBasis: Allocation['amountBasis'] } {
  const amounts = Object.fromEntries(SLOTS.map((s) => [s, n.slots[s]?.mention.yuan ?? null])) as Amounts;
  if (amounts.amount !== null) return { amounts, amountBasis: 'stated' };
  const parts = SOURCES.map((s) => amounts[s]);
  if (!parts.some((v) => v !== null)) return { amounts, amountBasis: 'none' };
  amounts.amount = parts.reduce<number>((a, v) => a + (v ?? 0), 0);
  return { amounts, amountBasis: 'sum_of_sources' };
}

/**
 * The span of a node's statement (original offsets): from the start of the sentence of its first amount (or from
 * its label, when the label is in that sentence before the amount) to the last amount of that sentence; the label
 * alone for a node without amounts. Every amount also has its own row in `amounts` (accounted to the item).
 */
export function statementSpan(doc: Doc, n: Node): Span {
  const text = doc.text;
  const placed = Object.values(n.slots)
    .map((p) => p.mention)
    .sort((a, b) => a.nstart - b.nstart);
  const first = placed[0];
  if (!first) return doc.span(n.labelStart, n.labelEnd);
  const sentence =
    Math.max(text.lastIndexOf('。', first.nstart - 1), text.lastIndexOf('\n', first.nstart - 1)) + 1;
  const from = n.labelStart < first.nstart && n.labelStart >= sentence ? n.labelStart : sentence;
  const stop = text.slice(first.nend).search(/[。\n]/);
  const sentenceEnd = stop === -1 ? text.length : first.nend + stop;
  const to = Math.max(...placed.filter((p) => p.nend <= sentenceEnd).map((p) => p.nend));
  return doc.span(from, to);
}

/** Gives an item whose label names no category (安排中央财政资金…) its nearest group's category, in place. */
export function inheritCategories(allocations: Allocation[]): void {
  const byId = new Map(allocations.map((a) => [a.itemId, a]));
  const inherited = (a: Allocation): Category | null => {
    if (a.category !== 'other' || !a.parentItemId) return a.category;
    const c = inherited(byId.get(a.parentItemId)!);
    return c === null || c === 'other' ? a.category : c;
  };
  for (const a of allocations) a.category = inherited(a);
}
