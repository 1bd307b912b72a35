/**
 * A document's fund tree as the contract's fund rules see it (pipelines/contract/funds.ts): the same rules the site
 * applies to the published allocations, applied here to the extraction, so that a share the audit computes is the
 * share /compare/ and /benchmarks/ show.
 */
import { centralValue, childrenOf, type FundItem, type FundTotals, itemValue } from '../contract/funds.ts';
import type { Allocation, Extraction, FundSource } from '../extract/types.ts';

/** An allocation as a fund item. */
const fundItem = (a: Allocation): FundItem => ({
  id: a.itemId,
  parent: a.parentItemId,
  category: a.category,
  amount: a.amounts.amount,
  central: a.amounts.central,
  provincial: a.amounts.provincial,
  local: a.amounts.local,
  other: a.amounts.other,
});

/** A document's stated totals, in yuan. */
function fundTotals(x: Extraction): FundTotals {
  const f = x.fields;
  return {
    total: f.funds_total_yuan?.value ?? null,
    central: f.funds_central_yuan?.value ?? null,
    provincial: f.funds_provincial_yuan?.value ?? null,
    local: f.funds_local_yuan?.value ?? null,
    other: f.funds_other_yuan?.value ?? null,
  };
}

/** A document's fund tree: each allocation's items, its amount per source, its central funds. */
export function fundTree(x: Extraction) {
  const items = new Map(x.allocations.map((a) => [a, fundItem(a)]));
  const byId = new Map(x.allocations.map((a) => [a.itemId, a]));
  const itemChildren = childrenOf([...items.values()]);
  const central = centralValue([...items.values()], fundTotals(x));
  return {
    /** the allocations under each group, by the group's id */
    children: new Map([...itemChildren].map(([id, kids]) => [id, kids.map((k) => byId.get(k.id)!)] as const)),
    /** an allocation's amount for a source (stated, 0 when other sources explain it, or its items' sum) */
    value: (a: Allocation, slot: 'amount' | FundSource) => itemValue(items.get(a)!, slot, itemChildren),
    /** an allocation's central funds, counting a central-only plan's amounts as central */
    central: (a: Allocation) => central.value(items.get(a)!),
    centralOnly: central.centralOnly,
  };
}
