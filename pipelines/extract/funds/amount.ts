import type { Line } from '../../normalize/doc.ts';
import { type Heading, headingAt } from '../../normalize/outline.ts';
import { fundSource } from '../matchers/money.ts';
import type { MoneyMention } from '../types.ts';
import { type Clause, clauseOf } from './clause.ts';
import { sectionSource } from './headings.ts';
import type { Slot, State } from './state.ts';

/** One amount of the prose with what the cases need to know to place it. */
export interface Amount {
  readonly m: MoneyMention;
  /** the line the amount is on */
  readonly line: Line;
  /** the text between the previous amount of the sentence (or the sentence start) and this one */
  readonly lead: string;
  readonly clause: Clause;
  /** the innermost heading the amount stands under */
  readonly scope: Heading | null;
  /** the slot of an item's amount: the clause's source, else the sentence's (中央财政资金：…), else the section's */
  readonly slot: Slot;
}

/** Moves the reading position to an amount (a new sentence, a new line) and reads its clause, scope and slot. */
export function readAmount(state: State, m: MoneyMention): Amount {
  const text = state.doc.text;
  if (m.nstart > state.sentenceEnd) enterSentence(state, m);
  const line = state.doc.lineAt(m.nstart);
  if (line.index !== state.rowLine) {
    state.rowLine = line.index;
    state.rowItems = [];
  }
  const lead = text.slice(state.prevEnd, m.nstart);
  state.prevEnd = m.nend;
  const clause = clauseOf(lead, m.nstart - lead.length, text.slice(m.nend, m.nend + 12));
  const scope = headingAt(state.headings, m.nstart);
  const slot = clause.source ?? state.leadSource ?? sectionSource(scope) ?? 'amount';
  return { m, line, lead, clause, scope, slot };
}

/** Starts the sentence of an amount: no statement to break down yet, and the source its opening names before a colon. */
function enterSentence(state: State, m: MoneyMention): void {
  const text = state.doc.text;
  state.sentenceStart = Math.max(text.lastIndexOf('。', m.nstart), text.lastIndexOf('\n', m.nstart)) + 1;
  const e = text.slice(m.nstart).search(/[。\n]/);
  state.sentenceEnd = e === -1 ? text.length : m.nstart + e;
  state.current = null;
  state.prevEnd = state.sentenceStart;
  const colon = text.indexOf(':', state.sentenceStart);
  state.leadSource =
    colon !== -1 && colon < m.nstart ? fundSource(text.slice(state.sentenceStart, colon)) : null;
}
