import { asWritten } from '../../normalize/doc.ts';
import { amountTables, type Cell, type TableRow } from '../tables.ts';
import type { MoneyMention, RefusedAmount } from '../types.ts';
import { type Node, newNode, place, placeTotal, type Slot, type State } from './state.ts';

/** One amount of a table row, with the slot of its column. */
export interface RowAmount {
  slot: Slot;
  m: MoneyMention;
}

/** What the amount-table pass leaves besides nodes: the refused cells, and the amounts that restate an item's. */
export interface TablePass {
  /** cells refused for their size (above the bound or not exact): never a fund figure */
  refused: RefusedAmount[];
  /** an amount of a row restating an item whose slot is already filled, with that item */
  duplicateOf: Map<MoneyMention, Node>;
}

/** The pass's working sets: the items of the prose, and those a row has already restated. */
interface Pass extends TablePass {
  prose: readonly Node[];
  matched: Set<Node>;
}

/**
 * Reads the amount tables (金额单位：万元): each row restates an item of the prose (its amounts are added to it)
 * or is a new item, under the group its serial cell's label names; a sum row is the document's totals.
 */
export function readAmountTables(state: State): TablePass {
  const pass: Pass = { refused: [], duplicateOf: new Map(), prose: [...state.nodes], matched: new Set() };
  for (const table of amountTables(state.doc)) {
    let group: Node | null = null;
    for (const row of table.rows) group = readRow(state, pass, row, group);
  }
  return { refused: pass.refused, duplicateOf: pass.duplicateOf };
}

/** Reads one row of an amount table into the tree; returns the group the next rows belong to. */
function readRow(state: State, pass: Pass, row: TableRow, group: Node | null): Node | null {
  pass.refused.push(...row.refused);
  const amounts = rowAmounts(state, row);
  if (row.isSum) {
    for (const { slot, m } of amounts) placeTotal(state, slot, m);
    return group;
  }
  // a label before the serial number (物流体系 | 1 | 冷链…) opens a group; a row without a serial ends it
  const groupCell = row.serial ? row.labels.find((c) => c.end <= row.serial!.start) : undefined;
  if (groupCell) group = byLabel(state, pass, groupCell) ?? newGroup(state, groupCell);
  else if (!row.serial) group = null;
  const match = matchRow(
    amounts,
    pass.prose.filter((n) => !pass.matched.has(n)),
  );
  if (match) {
    pass.matched.add(match);
    if (row.owner) match.owner = { nstart: row.owner.start, nend: row.owner.end };
    for (const { slot, m } of amounts) {
      if (!match.slots[slot]) place(match, slot, m);
      else pass.duplicateOf.set(m, match);
    }
    return group;
  }
  const labelCell = rowLabel(row);
  if (!labelCell) return group;
  const node = newNode(
    state,
    asWritten(state.doc, labelCell.start, labelCell.end),
    labelCell.start,
    labelCell.end,
    null,
    labelCell.start,
  );
  for (const { slot, m } of amounts) place(node, slot, m);
  if (row.owner) node.owner = { nstart: row.owner.start, nend: row.owner.end };
  node.parent = group;
  node.fixedParent = true;
  return group;
}

/** The money amounts of a row (shares left out), each added to the state's mentions. */
function rowAmounts(state: State, row: TableRow): RowAmount[] {
  return row.values
    .filter((v) => v.role !== 'share')
    .map((v) => {
      const m: MoneyMention = { yuan: v.yuan, nstart: v.cell.start, nend: v.cell.end, accountedBy: null };
      state.mentions.push(m);
      return { slot: v.role as Slot, m };
    });
}

/** The item of the prose labelled as a cell is, spaces aside, or null. */
function byLabel(state: State, pass: Pass, cell: Cell): Node | null {
  const key = asWritten(state.doc, cell.start, cell.end).replace(/\s/g, '');
  return pass.prose.find((n) => n.label.replace(/\s/g, '') === key) ?? null;
}

/** A group made of a table cell, its parent fixed (none). */
function newGroup(state: State, cell: Cell): Node {
  const g = newNode(
    state,
    asWritten(state.doc, cell.start, cell.end),
    cell.start,
    cell.end,
    null,
    cell.start,
  );
  g.fixedParent = true;
  return g;
}

/**
 * The item a table row restates: the one whose amounts agree with every amount of the row it has,
 * on at least as many sources as the row gives (up to two). Null when none or several fit.
 */
export function matchRow(row: readonly RowAmount[], candidates: readonly Node[]): Node | null {
  const need = Math.min(2, row.filter((r) => r.m.yuan !== 0).length);
  if (need === 0) return null;
  const fits = candidates.filter((n) => {
    let equal = 0;
    for (const { slot, m } of row) {
      const have = n.slots[slot]?.mention.yuan;
      if (have === undefined) continue;
      if (have !== m.yuan) return false;
      if (m.yuan !== 0) equal++;
    }
    return equal >= need;
  });
  return fits.length === 1 ? fits[0]! : null;
}

/** The cell that names a table row: the short name (子项目) when there is one, else the description's first sentence. */
export function rowLabel(row: TableRow): Cell | null {
  const after = row.serial ? row.labels.filter((c) => c.start > row.serial!.start) : row.labels;
  const short = after.filter((c) => c.text.length <= 30);
  if (short.length > 0) return short[short.length - 1]!;
  const long = after[0] ?? row.labels[row.labels.length - 1];
  if (!long) return null;
  const stop = long.text.search(/[。]/);
  const n = Math.min(stop === -1 ? long.text.length : stop, 120);
  return { text: long.text.slice(0, n), start: long.start, end: long.start + n, number: null };
}
