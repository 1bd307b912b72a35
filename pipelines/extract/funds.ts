import { asWritten, type Doc } from '../normalize/doc.ts';
import { type Heading, headingAt } from '../normalize/outline.ts';
import { categorize } from './categories.ts';
import { fundSource, moneyMentions } from './matchers/money.ts';
import { amountTables, type Cell, type TableRow } from './tables.ts';
import type { Allocation, Amounts, Category, FundSource, MoneyMention, RefusedAmount } from './types.ts';

type Slot = 'amount' | FundSource;
const SLOTS: readonly Slot[] = ['amount', 'central', 'provincial', 'local', 'other'];

/** An amount found in the text for one slot of a node. */
interface Placed {
  mention: MoneyMention;
}

/** A node of the fund tree while it is being built (normalized offsets). */
interface Node {
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
}

/** The document-level fund statement (项目投资总额…，其中：中央财政…). */
export interface FundTotals {
  slots: Partial<Record<Slot, { yuan: number; nstart: number; nend: number }>>;
  /** later statements of the totals that differ from the first */
  conflicts: { slot: Slot; yuan: number; nstart: number; nend: number }[];
}

export interface FundsResult {
  allocations: Allocation[];
  totals: FundTotals;
  mentions: MoneyMention[];
  /** cells of amount tables refused for their size (above the bound or not exact): never a fund figure */
  refused: RefusedAmount[];
}

// —— the vocabulary of fund statements ——

/** A payment schedule, not an allocation: 先期拨付 1500 万, 再拨付剩余 500 万. */
const TRANCHE = /拨付|先期|后期|剩余|到位|下达|分期|首期|尾款|分批/;
/** A performance figure, not an allocation: 年销售额 2 万元以上的店铺. */
const PERFORMANCE =
  /销售额|零售额|交易额|营业额|收入|产值|增收|营收|年销售|利润|贷款|授信|融资|补贴标准|每人|每个|每家|每站|每单|每件|单价/;
const THRESHOLD_AFTER = /^(?:以上|以下|左右|及以上)/;
/** An explanation of an amount already given: 20 万元是用于…, 20 万元，主要用于… */
const EXPLAIN_AFTER = /^[,，]?(?:主要|是|均|全部)?用于/;
const DOC_TOTAL =
  /总投资|投资总额|资金总额|总投入|投入总额|总预算|预算总额|资金来源|总规模|计划投资|共投入|共投资/;
const GENERIC_SUBJECT =
  /^(?:项目|本项目|示范项目|我县|我市|我区|全县|全市|全区)|项目的?$|示范(?:县|市|区)?(?:项目|工作|创建)?的?$|工作的?$/;
const SUM_LABEL = /^(?:合计|总计|小计|共计|总额)$/;
const ENUMERATOR =
  /^(?:[一二三四五六七八九十]{1,3}是|[一二三四五六七八九十]{1,3}[、.]|\(?\d{1,2}\)|\d{1,2}[.、](?!\d)|[①-⑳]|第[一二三四五六七八九十]{1,3}[项个])/;
/** Where the money part of a phrase begins: the label is what stands before it. */
const MONEY_PART =
  /(?:的)?(?:资金来源|(?:项目)?(?:计划)?总投资|投资总额|资金总额|总投入|(?:总)?资金预算|总预算|预算|投入|投资|(?:中央|省级|省|市级|县级|区级|地方|本级)(?:财政)?(?:补助|专项|配套)?(?:资金|经费)|中央|(?:企业|承办单位|承办企业)?自筹|社会资本|财政|其中|拟使用|安排资金|共计|合计|\d{4}年度)/;
/** Words that are not a label on their own. */
const NOT_A_LABEL = /^(?:建设|实施|工作|内容|费用|资金|金额|投资|预算|经费|其中|具体|主要)$/;

/** The label in a phrase, with enumerators, the money part and punctuation removed; '' when nothing is left. */
function cleanLabel(phrase: string): string {
  let s = phrase.replace(/^[\s,，;；:、.()（）]+/, '');
  for (let i = 0; i < 3; i++) s = s.replace(ENUMERATOR, '').replace(/^[\s,，;；:、.]+/, '');
  const cut = s.search(MONEY_PART);
  if (cut !== -1) s = s.slice(0, cut);
  s = s.replace(/[\s,，;；:、.的]+$/, '');
  if ((s.match(/\p{Script=Han}/gu)?.length ?? 0) < 2 || NOT_A_LABEL.test(s)) return '';
  return s;
}

/** Section titles that hold fund items but are not an item themselves. */
const SECTION_TITLE =
  /资金|投资|预算|概算|安排|使用计划|建设内容|实施内容|工作内容|主要任务|项目内容|明细|支持重点|实施步骤/;

/**
 * Reads a plan's fund statements into a tree: the document totals (项目投资总额 2200 万元，其中：中央财政…),
 * groups (the plan's sections with amounts) and items (一是…总投资 600 万元，其中…), each amount per fund source.
 * Every money amount is either placed in the tree or left unaccounted (reported by the caller).
 */
export function extractFunds(doc: Doc, headings: readonly Heading[]): FundsResult {
  const text = doc.text;
  const mentions = moneyMentions(doc);
  const nodes: Node[] = [];
  const headingItems = new Map<Heading, Node>();
  const rootHeadings = new Set<Heading>();
  const totals: FundTotals = { slots: {}, conflicts: [] };

  let sentenceEnd = -1;
  let sentenceStart = 0;
  let current: Node | 'doc' | null = null;
  let prevEnd = 0;
  let rowLine = -1;
  let rowItems: Node[] = [];
  let leadSource: FundSource | null = null;

  const newNode = (label: string, ls: number, le: number, scope: Heading | null, stmt: number): Node => {
    const node: Node = {
      label,
      labelStart: ls,
      labelEnd: le,
      heading: null,
      scope,
      slots: {},
      stmtStart: stmt,
      stmtEnd: stmt,
      parent: null,
      fixedParent: false,
    };
    nodes.push(node);
    return node;
  };
  /** The item whose label is a heading's (created when an amount is first attributed to that heading). */
  const newHeadingItem = (h: Heading, stmt: number): Node => {
    const node = newNode(asWritten(doc, h.labelStart, h.labelEnd), h.labelStart, h.labelEnd, h.parent, stmt);
    node.heading = h;
    headingItems.set(h, node);
    return node;
  };
  const place = (node: Node, slot: Slot, m: MoneyMention) => {
    node.slots[slot] = { mention: m };
    node.stmtStart = Math.min(node.stmtStart, m.nstart);
    node.stmtEnd = Math.max(node.stmtEnd, m.nend);
  };
  const placeTotal = (slot: Slot, m: MoneyMention) => {
    const have = totals.slots[slot];
    if (!have) totals.slots[slot] = { yuan: m.yuan, nstart: m.nstart, nend: m.nend };
    else if (have.yuan !== m.yuan)
      totals.conflicts.push({ slot, yuan: m.yuan, nstart: m.nstart, nend: m.nend });
    m.accountedBy = `funds:${slot === 'amount' ? 'total' : slot}`;
  };
  const sectionSource = (h: Heading | null): FundSource | null => {
    for (let x = h; x; x = x.parent) {
      const s = fundSource(x.label);
      if (s) return s;
    }
    return null;
  };

  for (const m of mentions) {
    if (m.nstart > sentenceEnd) {
      sentenceStart = Math.max(text.lastIndexOf('。', m.nstart), text.lastIndexOf('\n', m.nstart)) + 1;
      const e = text.slice(m.nstart).search(/[。\n]/);
      sentenceEnd = e === -1 ? text.length : m.nstart + e;
      current = null;
      prevEnd = sentenceStart;
      const colon = text.indexOf(':', sentenceStart);
      leadSource = colon !== -1 && colon < m.nstart ? fundSource(text.slice(sentenceStart, colon)) : null;
    }
    const line = doc.lineAt(m.nstart);
    if (line.index !== rowLine) {
      rowLine = line.index;
      rowItems = [];
    }
    const lead = text.slice(prevEnd, m.nstart);
    prevEnd = m.nend;
    const after = text.slice(m.nend, m.nend + 12);

    // the clause the amount belongs to
    let part = lead;
    let partStart = m.nstart - lead.length;
    const open = Math.max(part.lastIndexOf('('), part.lastIndexOf('〔'), part.lastIndexOf('['));
    const inParen = open > part.lastIndexOf(')');
    if (inParen) {
      partStart += open + 1;
      part = part.slice(open + 1);
    }
    const cut = Math.max(...[',', '，', ';', '；', '\t'].map((c) => part.lastIndexOf(c)));
    const cutChar = cut === -1 ? '' : part[cut]!;
    if (cut !== -1) {
      partStart += cut + 1;
      part = part.slice(cut + 1);
    }
    const skip = TRANCHE.test(part)
      ? 'disbursement'
      : PERFORMANCE.test(part) || THRESHOLD_AFTER.test(after)
        ? 'threshold'
        : EXPLAIN_AFTER.test(after)
          ? 'explanation'
          : null;
    if (skip) {
      m.note = skip;
      continue;
    }

    const colon = part.lastIndexOf(':');
    const labelPart = colon === -1 ? part : part.slice(colon + 1);
    const headPart = colon === -1 ? '' : part.slice(0, colon);
    let label = cleanLabel(labelPart);
    let labelAt = partStart + (colon + 1) + labelPart.indexOf(label);
    if (!label && headPart) {
      label = cleanLabel(headPart);
      labelAt = partStart + headPart.indexOf(label);
    }
    const suffix = /^[(（〔[]([^()（）〔〕[\]\d]{2,14})[)）〕\]]/.exec(after);
    const source = fundSource(part) ?? (suffix ? fundSource(suffix[1]!) : null);
    const scope = headingAt(headings, m.nstart);

    // 1. the document's totals
    const sectionLevel =
      !scope || scope.level <= 1 || SECTION_TITLE.test(scope.label) || rootHeadings.has(scope);
    if (DOC_TOTAL.test(part) && (label === '' ? sectionLevel : GENERIC_SUBJECT.test(label))) {
      placeTotal(source ?? 'amount', m);
      current = 'doc';
      if (scope) rootHeadings.add(scope);
      continue;
    }
    // 2. a per-source breakdown of the statement just made (其中：中央财政资金 540 万元)
    if (!label && source && current) {
      if (current === 'doc') {
        placeTotal(source, m);
        continue;
      }
      if (!current.slots[source]) {
        place(current, source, m);
        if (suffix && !current.slots.amount) place(current, 'amount', m);
        continue;
      }
    }
    // 3. a sum row (合计 120 万元): the total of the table or section it closes
    const rowLead = text.slice(line.start, m.nstart).replace(/[\s:]/g, '');
    if (SUM_LABEL.test(labelPart.trim()) || SUM_LABEL.test(headPart.trim()) || SUM_LABEL.test(rowLead)) {
      const h = scope;
      const slot = source ?? sectionSource(h) ?? 'amount';
      if (h && !headingItems.has(h) && !rootHeadings.has(h)) {
        newHeadingItem(h, m.nstart);
      }
      const target = h ? headingItems.get(h) : undefined;
      if (target && !target.slots[slot]) place(target, slot, m);
      else if (h && rootHeadings.has(h)) placeTotal(slot, m);
      if (slot !== 'amount' && !totals.slots[slot] && target) placeTotal(slot, m);
      current = null;
      continue;
    }
    const slot: Slot = source ?? leadSource ?? sectionSource(scope) ?? 'amount';
    // 4. an item named in its own clause (物流快递配送体系 100 万元)
    if (label) {
      const node = newNode(label, labelAt, labelAt + label.length, scope, labelAt);
      node.label = asWritten(doc, labelAt, labelAt + label.length);
      place(node, slot, m);
      if (slot !== 'amount' && suffix) place(node, 'amount', m);
      if (line.text.includes('\t')) rowItems.push(node);
      current = node;
      continue;
    }
    // 5. an amount alone in a table cell after items in the same row: the row's total
    if (cutChar === '\t' && rowItems.length > 0 && lead.replace(/\s/g, '') === '') {
      const first = line.text.split('\t')[0] ?? '';
      const ls = line.start + (first.length - first.trimStart().length);
      const node = newNode(
        asWritten(doc, ls, line.start + first.length),
        ls,
        line.start + first.length,
        scope,
        ls,
      );
      place(node, sectionSource(scope) ?? 'amount', m);
      for (const child of rowItems) {
        child.parent = node;
        child.fixedParent = true;
      }
      rowItems = [];
      current = null;
      continue;
    }
    // 6. an unnamed amount: named by the clause before it in the sentence (一是市级物流配送中心建设，总投资 600 万元)…
    const before = text.slice(sentenceStart, partStart);
    const clauseMatch = /(?:^|[,，;；:])([^,，;；:]*)[,，;；]?$/.exec(before);
    const clause = clauseMatch?.[1] ?? '';
    const named = ENUMERATOR.test(clause) ? cleanLabel(clause) : '';
    if (named && !/\d(?:亿元|万元|元)/.test(clause)) {
      const at = partStart - before.length + before.lastIndexOf(clause) + clause.indexOf(named);
      const node = newNode(asWritten(doc, at, at + named.length), at, at + named.length, scope, at);
      place(node, slot, m);
      current = node;
      continue;
    }
    // …or by the heading it stands under (1. 农产品上行物流体系建设。总投资 1430 万元)
    if (scope && !rootHeadings.has(scope)) {
      const existing = headingItems.get(scope);
      if (existing && !existing.slots[slot]) {
        place(existing, slot, m);
        current = existing;
        continue;
      }
      if (existing && existing.slots[slot]?.mention.yuan === m.yuan) {
        m.accountedBy = 'duplicate';
        current = existing;
        continue;
      }
      if (!existing) {
        const node = newHeadingItem(scope, m.nstart);
        place(node, slot, m);
        if (slot !== 'amount' && suffix) place(node, 'amount', m);
        current = node;
        continue;
      }
    }
    // an amount nobody names stays unaccounted
    m.note = 'unnamed';
  }

  // —— amount tables (金额单位：万元): the same items again, or their sub-items ——
  const proseNodes = new Set(nodes);
  const duplicateOf = new Map<MoneyMention, Node>();
  const matched = new Set<Node>();
  const refused: RefusedAmount[] = [];
  const byLabel = (label: string): Node | null => {
    const key = label.replace(/\s/g, '');
    return [...proseNodes].find((n) => n.label.replace(/\s/g, '') === key) ?? null;
  };
  for (const table of amountTables(doc)) {
    let group: Node | null = null;
    for (const row of table.rows) {
      refused.push(...row.refused);
      const values = row.values.filter((v) => v.role !== 'share');
      const rowMentions = values.map((v) => {
        const m: MoneyMention = { yuan: v.yuan, nstart: v.cell.start, nend: v.cell.end, accountedBy: null };
        mentions.push(m);
        return { slot: v.role as Slot, m };
      });
      if (row.isSum) {
        for (const { slot, m } of rowMentions) placeTotal(slot, m);
        continue;
      }
      const groupCell = row.serial ? row.labels.find((c) => c.end <= row.serial!.start) : undefined;
      if (groupCell) group = byLabel(asWritten(doc, groupCell.start, groupCell.end)) ?? newGroup(groupCell);
      else if (!row.serial) group = null;
      const match = matchRow(
        rowMentions,
        [...proseNodes].filter((n) => !matched.has(n)),
      );
      if (match) {
        matched.add(match);
        for (const { slot, m } of rowMentions) {
          if (!match.slots[slot]) place(match, slot, m);
          else duplicateOf.set(m, match);
        }
        continue;
      }
      const labelCell = rowLabel(row);
      if (!labelCell) continue;
      const node = newNode(
        asWritten(doc, labelCell.start, labelCell.end),
        labelCell.start,
        labelCell.end,
        null,
        labelCell.start,
      );
      for (const { slot, m } of rowMentions) place(node, slot, m);
      node.parent = group;
      node.fixedParent = true;
    }
  }
  function newGroup(cell: Cell): Node {
    const g = newNode(asWritten(doc, cell.start, cell.end), cell.start, cell.end, null, cell.start);
    g.fixedParent = true;
    return g;
  }

  // —— the tree ——
  const itemOf = (h: Heading | null): Node | null => {
    for (let x = h; x; x = x.parent) {
      if (rootHeadings.has(x)) return null;
      const item = headingItems.get(x);
      if (item) return item;
      if (SECTION_TITLE.test(x.label) || x.level <= 1) continue;
      // a heading with items below it but no amount of its own: a group without amounts
      const group = newHeadingItem(x, x.labelStart);
      group.parent = itemOf(x.parent);
      return group;
    }
    return null;
  };
  for (const node of [...nodes]) {
    if (node.fixedParent) continue;
    const start = node.heading ? node.heading.parent : node.scope;
    const parent = itemOf(start);
    node.parent = parent === node ? null : parent;
  }
  // a node without amounts and without children is dropped
  const hasChild = new Set(nodes.map((n) => n.parent).filter((p): p is Node => p !== null));
  const kept = nodes.filter((n) => Object.keys(n.slots).length > 0 || hasChild.has(n));
  kept.sort((a, b) => a.stmtStart - b.stmtStart || a.labelStart - b.labelStart);
  const merged = mergeDuplicates(kept);

  const ids = new Map<Node, string>();
  merged.forEach((n, i) => {
    ids.set(n, `a${String(i + 1).padStart(3, '0')}`);
  });
  const children = new Map<Node, Node[]>();
  for (const n of merged) if (n.parent) children.set(n.parent, [...(children.get(n.parent) ?? []), n]);
  const allocations: Allocation[] = merged.map((n) => {
    const id = ids.get(n)!;
    for (const p of Object.values(n.slots)) p.mention.accountedBy = `allocation:${id}`;
    for (const [m, of] of duplicateOf) if (of === n) m.accountedBy = `allocation:${id}`;
    const amounts = Object.fromEntries(SLOTS.map((s) => [s, n.slots[s]?.mention.yuan ?? null])) as Amounts;
    let amountBasis: Allocation['amountBasis'] = amounts.amount !== null ? 'stated' : 'none';
    if (amounts.amount === null) {
      const parts = (['central', 'provincial', 'local', 'other'] as const).map((s) => amounts[s]);
      if (parts.some((v) => v !== null)) {
        amounts.amount = parts.reduce<number>((a, v) => a + (v ?? 0), 0);
        amountBasis = 'sum_of_sources';
      }
    }
    // the statement: from the start of the sentence of the first amount (not before the label) to the last
    // amount of that sentence; every amount also has its own row in `amounts` (accounted_by = this item)
    const placed = Object.values(n.slots)
      .map((p) => p.mention)
      .sort((a, b) => a.nstart - b.nstart);
    let span = doc.span(n.labelStart, n.labelEnd);
    if (placed.length > 0) {
      const first = placed[0]!;
      const sentence =
        Math.max(text.lastIndexOf('。', first.nstart - 1), text.lastIndexOf('\n', first.nstart - 1)) + 1;
      const from = n.labelStart < first.nstart && n.labelStart >= sentence ? n.labelStart : sentence;
      const stop = text.slice(first.nend).search(/[。\n]/);
      const sentenceEnd = stop === -1 ? text.length : first.nend + stop;
      const to = Math.max(...placed.filter((p) => p.nend <= sentenceEnd).map((p) => p.nend));
      span = doc.span(from, to);
    }
    const labelSpan = doc.span(n.labelStart, n.labelEnd);
    const isGroup = children.has(n);
    return {
      itemId: id,
      parentItemId: n.parent ? (ids.get(n.parent) ?? null) : null,
      label: n.label,
      labelSpan,
      category: categorize(n.label, isGroup),
      amounts,
      amountBasis,
      start: span.start,
      end: span.end,
    };
  });
  // an item whose label names no category (安排中央财政资金…) belongs to its group's
  const byId = new Map(allocations.map((a) => [a.itemId, a]));
  const inherited = (a: (typeof allocations)[number]): Category | null => {
    if (a.category !== 'other' || !a.parentItemId) return a.category;
    const parent = byId.get(a.parentItemId)!;
    const c = inherited(parent);
    return c === null || c === 'other' ? a.category : c;
  };
  for (const a of allocations) a.category = inherited(a);
  mentions.sort((a, b) => a.nstart - b.nstart);
  return { allocations, totals, mentions, refused };
}

/**
 * The item a table row restates: the one whose amounts agree with every amount of the row it has,
 * on at least as many sources as the row gives (up to two). Null when none or several fit.
 */
function matchRow(row: { slot: Slot; m: MoneyMention }[], candidates: Node[]): Node | null {
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
function rowLabel(row: TableRow): Cell | null {
  const after = row.serial ? row.labels.filter((c) => c.start > row.serial!.start) : row.labels;
  const short = after.filter((c) => c.text.length <= 30);
  if (short.length > 0) return short[short.length - 1]!;
  const long = after[0] ?? row.labels[row.labels.length - 1];
  if (!long) return null;
  const stop = long.text.search(/[。]/);
  const n = Math.min(stop === -1 ? long.text.length : stop, 120);
  return { text: long.text.slice(0, n), start: long.start, end: long.start + n, number: null };
}

/** The same item stated twice (text and summary table): kept once, the second statement's amounts accounted to it. */
function mergeDuplicates(nodes: Node[]): Node[] {
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
