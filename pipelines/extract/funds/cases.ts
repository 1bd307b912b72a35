import { asWritten } from '../../normalize/doc.ts';
import type { Amount } from './amount.ts';
import { cleanLabel, ENUMERATOR } from './clause.ts';
import { isSectionTitle, sectionSource } from './headings.ts';
import { newHeadingItem, newNode, place, placeTotal, type State } from './state.ts';

/** One way of placing an amount of the prose; true when it placed (or set aside) the amount. */
export type Case = (state: State, amount: Amount) => boolean;

const DOC_TOTAL =
  /总投资|投资总额|资金总额|总投入|投入总额|总预算|预算总额|资金来源|总规模|计划投资|共投入|共投资/;
const GENERIC_SUBJECT =
  /^(?:项目|本项目|示范项目|我县|我市|我区|全县|全市|全区)|项目的?$|示范(?:县|市|区)?(?:项目|工作|创建)?的?$|工作的?$/;
const SUM_LABEL = /^(?:合计|总计|小计|共计|总额)$/;
const AN_AMOUNT = /\d(?:亿元|万元|元)/;

/** 0. An amount that is no allocation (a payment schedule, a threshold, an explanation) is noted why and set aside. */
export function notAnAllocation(_state: State, { m, clause }: Amount): boolean {
  if (!clause.skip) return false;
  m.note = clause.skip;
  return true;
}

/** 1. A total stated for the whole plan (项目总投资 2200 万元) is a document total, per source when it names one. */
export function documentTotals(state: State, { m, clause, scope }: Amount): boolean {
  if (!DOC_TOTAL.test(clause.part)) return false;
  // a total without a label counts only at section level; with one, only when it names the project itself
  const sectionLevel = !scope || scope.level <= 1 || isSectionTitle(scope) || state.rootHeadings.has(scope);
  if (!(clause.label === '' ? sectionLevel : GENERIC_SUBJECT.test(clause.label))) return false;
  placeTotal(state, clause.source ?? 'amount', m);
  state.current = 'doc';
  if (scope) state.rootHeadings.add(scope);
  return true;
}

/** 2. An unlabelled amount of a fund source (其中：中央财政资金 540 万元) breaks down the statement just made. */
export function perSourceBreakdown(state: State, { m, clause }: Amount): boolean {
  const { current } = state;
  const { source } = clause;
  if (clause.label || !source || !current) return false;
  if (current === 'doc') {
    placeTotal(state, source, m);
    return true;
  }
  // a source the statement already has starts something else
  if (current.slots[source]) return false;
  place(current, source, m);
  if (clause.suffix !== null && !current.slots.amount) place(current, 'amount', m);
  return true;
}

/** 3. A sum row (合计 120 万元) is the total of the section it closes, or of the document under a totals heading. */
export function sumRow(state: State, { m, line, clause, scope: h }: Amount): boolean {
  const rowLead = state.doc.text.slice(line.start, m.nstart).replace(/[\s:]/g, '');
  const isSum =
    SUM_LABEL.test(clause.labelPart.trim()) ||
    SUM_LABEL.test(clause.headPart.trim()) ||
    SUM_LABEL.test(rowLead);
  if (!isSum) return false;
  const slot = clause.source ?? sectionSource(h) ?? 'amount';
  if (h && !state.headingItems.has(h) && !state.rootHeadings.has(h)) newHeadingItem(state, h, m.nstart);
  const target = h ? state.headingItems.get(h) : undefined;
  if (target && !target.slots[slot]) place(target, slot, m);
  else if (h && state.rootHeadings.has(h)) placeTotal(state, slot, m);
  // a section's sum of one source is also the document's amount of that source when none is stated
  if (slot !== 'amount' && !state.totals.slots[slot] && target) placeTotal(state, slot, m);
  state.current = null;
  return true;
}

/** 4. An amount whose clause names an item (物流快递配送体系 100 万元) makes that item. */
export function namedItem(state: State, { m, line, clause, scope, slot }: Amount): boolean {
  const { label, labelAt } = clause;
  if (!label) return false;
  const labelEnd = labelAt + label.length;
  const node = newNode(state, asWritten(state.doc, labelAt, labelEnd), labelAt, labelEnd, scope, labelAt);
  place(node, slot, m);
  // 1500 万元(中央财政资金): the amount is both the item's amount and its source's
  if (slot !== 'amount' && clause.suffix !== null) place(node, 'amount', m);
  if (line.text.includes('\t')) state.rowItems.push(node);
  state.current = node;
  return true;
}

/** 5. An amount alone in a table cell after items on the same row is the total of the row, which they belong to. */
export function rowTotal(state: State, { m, line, lead, clause, scope }: Amount): boolean {
  if (clause.cutChar !== '\t' || state.rowItems.length === 0 || lead.replace(/\s/g, '') !== '') return false;
  const first = line.text.split('\t')[0] ?? '';
  const ls = line.start + (first.length - first.trimStart().length);
  const le = line.start + first.length;
  const node = newNode(state, asWritten(state.doc, ls, le), ls, le, scope, ls);
  place(node, sectionSource(scope) ?? 'amount', m);
  for (const child of state.rowItems) {
    child.parent = node;
    child.fixedParent = true;
  }
  state.rowItems = [];
  state.current = null;
  return true;
}

/** 6a. An unnamed amount is named by the enumerated clause before it (一是市级物流配送中心建设，总投资 600 万元). */
export function namedByClause(state: State, { m, clause: { partStart }, scope, slot }: Amount): boolean {
  const before = state.doc.text.slice(state.sentenceStart, partStart);
  const prior = /(?:^|[,，;；:])([^,，;；:]*)[,，;；]?$/.exec(before)?.[1] ?? '';
  const named = ENUMERATOR.test(prior) ? cleanLabel(prior) : '';
  // a clause with an amount of its own names that amount, not this one
  if (!named || AN_AMOUNT.test(prior)) return false;
  const at = partStart - before.length + before.lastIndexOf(prior) + prior.indexOf(named);
  const node = newNode(state, asWritten(state.doc, at, at + named.length), at, at + named.length, scope, at);
  place(node, slot, m);
  state.current = node;
  return true;
}

/** 6b. An unnamed amount is named by the heading it stands under (1. 农产品上行物流体系建设。总投资 1430 万元). */
export function namedByHeading(state: State, { m, clause, scope, slot }: Amount): boolean {
  if (!scope || state.rootHeadings.has(scope)) return false;
  const existing = state.headingItems.get(scope);
  if (!existing) {
    const node = newHeadingItem(state, scope, m.nstart);
    place(node, slot, m);
    if (slot !== 'amount' && clause.suffix !== null) place(node, 'amount', m);
    state.current = node;
    return true;
  }
  const have = existing.slots[slot];
  if (have && have.mention.yuan !== m.yuan) return false;
  // the heading's amount stated again (总投资 1430 万元 … 共计 1430 万元) is accounted as a duplicate
  if (have) m.accountedBy = 'duplicate';
  else place(existing, slot, m);
  state.current = existing;
  return true;
}

/** The cases in the order they are tried: the first that places an amount wins. */
export const CASES: readonly Case[] = [
  notAnAllocation,
  documentTotals,
  perSourceBreakdown,
  sumRow,
  namedItem,
  rowTotal,
  namedByClause,
  namedByHeading,
];

/** Places one amount of the prose by the first case that takes it; an amount no case takes is noted unnamed. */
export function placeAmount(state: State, amount: Amount): void {
  for (const c of CASES) if (c(state, amount)) return;
  // an amount nobody names stays unaccounted
  amount.m.note = 'unnamed';
}
