/**
 * The small rules about a plan's funds that more than one place applies: an item's amount for a source (stated,
 * or 0 when its other sources account for all of it, or the sum of its items), an item's central funds (its own,
 * or its whole amount in a plan funded by central funds alone), and the central funds of each canonical category.
 * The audit's rules, /compare/ and /benchmarks/ compute shares with these, so a share reads the same everywhere.
 */
import type { FundSource } from './vocab.ts';

/** A fund item as these rules need it: its id, its group and its amounts per source, in yuan. */
export interface FundItem {
  id: string;
  parent: string | null;
  category: string | null;
  amount: number | null;
  central: number | null;
  provincial: number | null;
  local: number | null;
  other: number | null;
}

/** A plan's stated totals, in yuan (null where the plan states none). */
export interface FundTotals {
  total: number | null;
  central: number | null;
  provincial: number | null;
  local: number | null;
  other: number | null;
}

type Slot = 'amount' | FundSource;
const SOURCES = ['central', 'provincial', 'local', 'other'] as const;

/** The items under each group, by the group's id. */
export function childrenOf<I extends FundItem>(items: readonly I[]): Map<string, I[]> {
  const children = new Map<string, I[]>();
  for (const a of items) if (a.parent) children.set(a.parent, [...(children.get(a.parent) ?? []), a]);
  return children;
}

/**
 * An item's amount for a source: stated; 0 when the item's stated total is fully explained by other sources;
 * else the sum of its items when all of them have one; else null.
 */
export function itemValue<I extends FundItem>(a: I, slot: Slot, children: Map<string, I[]>): number | null {
  const v = a[slot];
  if (v !== null) return v;
  if (slot !== 'amount') {
    const stated = SOURCES.map((s) => a[s]);
    const sum = stated.reduce<number>((acc, x) => acc + (x ?? 0), 0);
    if (a.amount !== null && stated.some((x) => x !== null) && sum === a.amount) return 0;
  }
  const kids = children.get(a.id);
  if (!kids) return null;
  const values = kids.map((k) => itemValue(k, slot, children));
  return values.every((x) => x !== null) ? values.reduce<number>((acc, x) => acc + x!, 0) : null;
}

/**
 * Whether a plan is funded by central funds alone: it states central funds, no other source, and a total equal to
 * them (or none). Its items' amounts are then central funds, though the items do not say so one by one.
 */
const centralOnly = (t: FundTotals): boolean =>
  t.central !== null && !t.provincial && !t.local && !t.other && (t.total === null || t.total === t.central);

/** An item's central funds (its own, or in a plan funded by central funds alone its whole amount), or null. */
export function centralValue<I extends FundItem>(
  items: readonly I[],
  totals: FundTotals,
): { value: (a: I) => number | null; children: Map<string, I[]>; centralOnly: boolean } {
  const children = childrenOf(items);
  const only = centralOnly(totals);
  return {
    children,
    centralOnly: only,
    value(a) {
      const v = itemValue(a, 'central', children);
      if (v !== null) return v;
      return only ? itemValue(a, 'amount', children) : null;
    },
  };
}

/**
 * The amount and central funds of each canonical category, summed over the plan's leaf items (items without items
 * of their own), in the order categories first appear; central is null for a category with an item whose central
 * funds are not known.
 */
export function categoryFunds<I extends FundItem>(
  items: readonly I[],
  totals: FundTotals,
): { category: string; amount: number; central: number | null }[] {
  const central = centralValue(items, totals);
  const sums = new Map<string, { amount: number; central: number | null }>();
  for (const a of items) {
    if (central.children.has(a.id)) continue;
    const s = sums.get(a.category ?? 'other') ?? { amount: 0, central: 0 };
    s.amount += a.amount ?? 0;
    const c = central.value(a);
    s.central = s.central === null || c === null ? null : s.central + c;
    sums.set(a.category ?? 'other', s);
  }
  return [...sums].map(([category, s]) => ({ category, ...s }));
}
