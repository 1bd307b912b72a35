import { asWritten, type Doc } from '../../normalize/doc.ts';
import type { Heading } from '../../normalize/outline.ts';
import { moneyMentions } from '../matchers/money.ts';
import type { FundSource, MoneyMention } from '../types.ts';

/** A place for an amount in a node or in the totals: the amount itself, or the share of one fund source. */
export type Slot = 'amount' | FundSource;

/** The slots in the order of an allocation's amounts. */
export const SLOTS: readonly Slot[] = ['amount', 'central', 'provincial', 'local', 'other'];

/** An amount found in the text for one slot of a node. */
export interface Placed {
  mention: MoneyMention;
}

/** A node of the fund tree while it is being built (normalized offsets). */
export interface Node {
  label: string;
  labelStart: number;
  labelEnd: number;
  /** the heading this node is the item of, if its label is that heading's */
  heading: Heading | null;
  /** the heading whose scope the statement lies in */
  scope: Heading | null;
  slots: Partial<Record<Slot, Placed>>;
  stmtStart: number;
  stmtEnd: number;
  parent: Node | null;
  /** set for table rows whose parent is known from the row itself */
  fixedParent: boolean;
  /** the cell of a table row naming who is responsible (推荐责任部门), normalized offsets */
  owner?: { nstart: number; nend: number };
}

/** The document-level fund statement (项目投资总额…，其中：中央财政…). */
export interface FundTotals {
  slots: Partial<Record<Slot, { yuan: number; nstart: number; nend: number }>>;
  /** later statements of the totals that differ from the first */
  conflicts: { slot: Slot; yuan: number; nstart: number; nend: number }[];
}

/** Everything the stages of extractFunds share: the document, the tree so far, and the reading position in the prose. */
export interface State {
  readonly doc: Doc;
  readonly headings: readonly Heading[];
  /** every amount read as money, in text order; the table pass appends the amounts of table cells */
  readonly mentions: MoneyMention[];
  /** every node made so far, in the order it was made */
  readonly nodes: Node[];
  /** the item made of each heading whose label names an amount */
  readonly headingItems: Map<Heading, Node>;
  /** the headings under which the document totals are stated: no item is made of them */
  readonly rootHeadings: Set<Heading>;
  readonly totals: FundTotals;
  /** normalized range of the sentence (up to 。 or a line break) of the amount being read */
  sentenceStart: number;
  sentenceEnd: number;
  /** the statement the next per-source amount breaks down: a node, the document totals, or none */
  current: Node | 'doc' | null;
  /** where the previous amount of the sentence ended (the sentence start before its first) */
  prevEnd: number;
  /** the line of the amount being read, and the items already named on it when it is a table row */
  rowLine: number;
  rowItems: Node[];
  /** the fund source a sentence names before its colon (中央财政资金：…), which its amounts then belong to */
  leadSource: FundSource | null;
}

/** A state before any amount is read: the document's money mentions, no nodes, no totals. */
export function newState(doc: Doc, headings: readonly Heading[]): State {
  return {
    doc,
    headings,
    mentions: moneyMentions(doc),
    nodes: [],
    headingItems: new Map(),
    rootHeadings: new Set(),
    totals: { slots: {}, conflicts: [] },
    sentenceStart: 0,
    sentenceEnd: -1,
    current: null,
    prevEnd: 0,
    rowLine: -1,
    rowItems: [],
    leadSource: null,
  };
}

/** Makes a node labelled by a normalized range, without amounts, and adds it to the state's nodes. */
export function newNode(
  state: State,
  label: string,
  labelStart: number,
  labelEnd: number,
  scope: Heading | null,
  stmt: number,
): Node {
  const node: Node = {
    label,
    labelStart,
    labelEnd,
    heading: null,
    scope,
    slots: {},
    stmtStart: stmt,
    stmtEnd: stmt,
    parent: null,
    fixedParent: false,
  };
  state.nodes.push(node);
  return node;
}

/** Makes the item whose label is a heading's (when an amount is first attributed to that heading). */
export function newHeadingItem(state: State, h: Heading, stmt: number): Node {
  const node = newNode(
    state,
    asWritten(state.doc, h.labelStart, h.labelEnd),
    h.labelStart,
    h.labelEnd,
    h.parent,
    stmt,
  );
  node.heading = h;
  state.headingItems.set(h, node);
  return node;
}

/** Puts an amount in a slot of a node, widening the node's statement to cover it. */
export function place(node: Node, slot: Slot, m: MoneyMention): void {
  node.slots[slot] = { mention: m };
  node.stmtStart = Math.min(node.stmtStart, m.nstart);
  node.stmtEnd = Math.max(node.stmtEnd, m.nend);
}

/** Puts an amount in a slot of the document totals; a later, different amount for a filled slot is a conflict. */
export function placeTotal(state: State, slot: Slot, m: MoneyMention): void {
  const { totals } = state;
  const have = totals.slots[slot];
  if (!have) totals.slots[slot] = { yuan: m.yuan, nstart: m.nstart, nend: m.nend };
  else if (have.yuan !== m.yuan)
    totals.conflicts.push({ slot, yuan: m.yuan, nstart: m.nstart, nend: m.nend });
  m.accountedBy = `funds:${slot === 'amount' ? 'total' : slot}`;
}
