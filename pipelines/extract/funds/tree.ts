import type { Heading } from '../../normalize/outline.ts';
import { isSectionTitle } from './headings.ts';
import { type Node, newHeadingItem, SLOTS, type State } from './state.ts';

/** The fund tree: every node given its parent, nodes without amounts or children dropped, duplicates merged, in text order. */
export function buildTree(state: State): Node[] {
  attachParents(state);
  const kept = dropEmpty(state.nodes);
  kept.sort((a, b) => a.stmtStart - b.stmtStart || a.labelStart - b.labelStart);
  return mergeDuplicates(kept);
}

/** Gives every node whose parent is not fixed the item of the nearest heading above its own (or above its scope). */
export function attachParents(state: State): void {
  // the groups itemOf makes get their parent as they are made
  for (const node of [...state.nodes]) {
    if (node.fixedParent) continue;
    const start = node.heading ? node.heading.parent : node.scope;
    const parent = itemOf(state, start);
    node.parent = parent === node ? null : parent;
  }
}

/**
 * The item of a heading or of its nearest ancestor that is an item; null at the document totals' heading.
 * A section title (资金安排) or a top-level heading is passed over; any other heading becomes a group.
 */
export function itemOf(state: State, h: Heading | null): Node | null {
  for (let x = h; x; x = x.parent) {
    if (state.rootHeadings.has(x)) return null;
    const item = state.headingItems.get(x);
    if (item) return item;
    if (isSectionTitle(x) || x.level <= 1) continue;
    // a heading with items below it but no amount of its own: a group without amounts
    const group = newHeadingItem(state, x, x.labelStart);
    group.parent = itemOf(state, x.parent);
    return group;
  }
  return null;
}

/** The nodes with an amount or a child, in their order: a node with neither says nothing. */
export function dropEmpty(nodes: readonly Node[]): Node[] {
  const hasChild = new Set(nodes.map((n) => n.parent).filter((p): p is Node => p !== null));
  return nodes.filter((n) => Object.keys(n.slots).length > 0 || hasChild.has(n));
}

/** The same item stated twice (text and summary table): kept once, the second statement's amounts accounted to it. */
export function mergeDuplicates(nodes: Node[]): Node[] {
  const out: Node[] = [];
  const seen = new Map<string, Node>();
  for (const n of nodes) {
    const key = `${n.label.replace(/\s/g, '')}|${n.parent ? n.parent.label : ''}|${SLOTS.map((s) => n.slots[s]?.mention.yuan ?? '').join(',')}`;
    const first = seen.get(key);
    if (first && Object.keys(n.slots).length > 0) {
      for (const p of Object.values(n.slots)) p.mention.accountedBy = 'duplicate';
      for (const other of nodes) if (other.parent === n) other.parent = first;
      continue;
    }
    seen.set(key, n);
    out.push(n);
  }
  return out;
}

/** The item ids of the tree's nodes in order: a001, a002… */
export function itemIds(nodes: readonly Node[]): Map<Node, string> {
  return new Map(nodes.map((n, i) => [n, `a${String(i + 1).padStart(3, '0')}`]));
}
