/**
 * The shares a plan states of its money (金口河: 农产品上行体系专项资金使用占比75%; 乳源 附件2: a 资金占比 column
 * beside the amounts), as written, with the share the amounts give where the text gives them: a row's amount over
 * its column's sum. The audit sets the two side by side (check/ledger.ts).
 */
import type { Doc } from '../../normalize/doc.ts';
import type { StatedShare } from '../types.ts';

/** 农产品上行体系专项资金使用占比75%, 电商服务体系改造建设专项资金占比15% */
const INLINE = /([\u4e00-\u9fa5（）()]{2,30}?)(?:专项资金|资金)?(?:使用)?占比(?:为|约)?(\d+(?:\.\d+)?)%/g;
const PERCENT_CELL = /^(\d+(?:\.\d+)?)%$/;
const AMOUNT_CELL = /^(\d+(?:\.\d+)?)$/;

/** Shares stated in a sentence. */
function inline(doc: Doc): StatedShare[] {
  const out: StatedShare[] = [];
  for (const line of doc.lines) {
    if (line.text.includes('\t')) continue;
    for (const m of line.text.matchAll(INLINE)) {
      const label = m[1]!.replace(/^(?:其中|其|，|、)/, '');
      const span = doc.span(line.start + m.index, line.start + m.index + m[0].length);
      out.push({ label, pct: Number(m[2]), computedPct: null, ...span });
    }
  }
  return out;
}

/**
 * Shares of a table with a share column (资金占比, 占比): each row with a percentage in it, labelled by its first
 * text cell, with the row's amount (the nearest column of bare numbers to its left) over that column's sum.
 */
function tabled(doc: Doc): StatedShare[] {
  const out: StatedShare[] = [];
  const lines = doc.lines;
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i]!.text.split('\t');
    const col = header.findIndex((h) => /占比|比例|比重/.test(h));
    if (!lines[i]!.text.includes('\t') || col < 0) continue;
    const rows: { line: (typeof lines)[number]; cells: string[] }[] = [];
    // the table runs on through its rows and their continuation lines (a merged cell's lines lose their tabs)
    for (let j = i + 1; j < lines.length; j++) {
      const t = lines[j]!.text;
      if (!t.trim() || (!t.includes('\t') && t.length > 40)) break;
      rows.push({ line: lines[j]!, cells: t.split('\t').map((c) => c.trim()) });
    }
    // a totals row (合计 … 100%) is the sum, not a share
    const stated = rows.filter(
      (r) =>
        PERCENT_CELL.test(r.cells[col] ?? '') && !r.cells.some((c) => /^(?:合计|总计|小计|共计)$/.test(c)),
    );
    // the amount column: the nearest column left of the share where every stated row has a bare number
    let amountCol = -1;
    for (let k = col - 1; k >= 0 && amountCol < 0; k--)
      if (stated.length && stated.every((r) => AMOUNT_CELL.test(r.cells[k] ?? ''))) amountCol = k;
    const sum = amountCol < 0 ? 0 : stated.reduce((a, r) => a + Number(r.cells[amountCol]), 0);
    for (const r of stated) {
      const label = r.cells.find((c, k) => k !== col && k !== amountCol && c && !/^\d+$/.test(c)) ?? '';
      const span = doc.span(r.line.start, r.line.end);
      const computed = amountCol >= 0 && sum > 0 ? (Number(r.cells[amountCol]) / sum) * 100 : null;
      out.push({
        label,
        pct: Number(PERCENT_CELL.exec(r.cells[col]!)![1]),
        computedPct: computed === null ? null : Math.round(computed * 100) / 100,
        ...span,
      });
    }
    i += rows.length;
  }
  return out;
}

/** Every share of its money a document states, in text order. */
export function statedShares(doc: Doc): StatedShare[] {
  return [...inline(doc), ...tabled(doc)].sort((a, b) => a.start - b.start);
}
