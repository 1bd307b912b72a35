/**
 * Reading a small plan text the way extractFunds does, for the tests of its stages: prepared (normalized) by
 * `prepare`, outlined by `outline`, each amount read by `readAmount` and placed by `placeAmount` in text order.
 */
import { type Amount, readAmount } from '../../../pipelines/extract/funds/amount.ts';
import { placeAmount } from '../../../pipelines/extract/funds/cases.ts';
import { type Node, newState, type State } from '../../../pipelines/extract/funds/state.ts';
import type { MoneyMention } from '../../../pipelines/extract/types.ts';
import { prepare } from '../../../pipelines/normalize/doc.ts';
import { outline } from '../../../pipelines/normalize/outline.ts';

/** The title line the fixtures start with (no heading marker, no amount). */
export const HEAD = '某某县电子商务进农村综合示范项目实施方案\n\n';

/** A state for a plan text as extractFunds makes it: no amount read yet. */
export function stateOf(text: string): State {
  const doc = prepare(text);
  return newState(doc, outline(doc));
}

/** The original text of a normalized range of the state's document. */
export function written(state: State, from: number, to: number): string {
  const { start, end } = state.doc.span(from, to);
  return state.doc.original.slice(start, end);
}

/** The money mention written as `quote` in the original text (the nth such, from 0). */
export function mentionOf(state: State, quote: string, nth = 0): MoneyMention {
  const found = state.mentions.filter((m) => written(state, m.nstart, m.nend) === quote);
  const m = found[nth];
  if (!m) throw new Error(`no amount written ${quote} (#${nth})`);
  return m;
}

/** Reads and places every amount before the one written `quote`, then reads that one without placing it. */
export function readUpTo(state: State, quote: string, nth = 0): Amount {
  const target = mentionOf(state, quote, nth);
  for (const m of state.mentions) {
    const amount = readAmount(state, m);
    if (m === target) return amount;
    placeAmount(state, amount);
  }
  throw new Error('unreachable');
}

/** Reads and places every amount of the prose, as extractFunds does before the amount tables. */
export function readProse(state: State): State {
  for (const m of state.mentions) placeAmount(state, readAmount(state, m));
  return state;
}

/** The state's nodes as [label, slot → yuan] pairs, in the order they were made. */
export function nodesOf(nodes: readonly Node[]): [string, Record<string, number>][] {
  return nodes.map((n) => [
    n.label,
    Object.fromEntries(Object.entries(n.slots).map(([slot, p]) => [slot, p.mention.yuan])),
  ]);
}

/** The node labelled `label` (the nth such, from 0). */
export function nodeOf(nodes: readonly Node[], label: string, nth = 0): Node {
  const n = nodes.filter((x) => x.label === label)[nth];
  if (!n) throw new Error(`no node labelled ${label}`);
  return n;
}
