/**
 * A PDF with a text layer as text, page by page, the way its reader sees it: pdf.js (through unpdf: MIT, no
 * dependencies, the serverless build of Mozilla's pdf.js without a canvas) gives each page's runs of text with
 * their positions and the page's drawing operations; this file puts them back in reading order.
 *
 * - Lines: runs on one baseline, left to right; a gap of about a character is a space, a wide gap a tab.
 * - Paragraphs: a PDF breaks a paragraph into lines at the page's right edge; a line that reaches the right edge
 *   and is followed by one that starts at the left margin (not indented) continues the paragraph, across pages too.
 * - Tables: the ruling lines drawn on the page (thin filled rectangles or stroked lines) make the cells; each text
 *   run goes to the cell it sits in, a cell's lines are joined, and each row of cells becomes a line with its cells
 *   apart (tabs), a merged cell leaving the columns it covers empty — as a Word table reads in pipelines/read/docx.ts.
 * - Running headers and footers (a line repeated at the top or bottom of most pages, page numbers masked) and page
 *   numbers (— 3 —, 第3页, 3/12) are removed; rotated runs (a diagonal watermark) are left out.
 * - Radical characters (⼈ for 人, as many fonts map their glyphs) become the ideographs they stand for (in their
 *   Simplified form, 户 not 戶, unless the document is written in Traditional characters), and the
 *   horizontal bar ― (U+2015) the dash — its glyph is drawn for.
 *
 * The result keeps where each page starts in the text, so every span can be cited to its page. A PDF with no text
 * at all is a scan: refused by name (no OCR is done). A row of a table split across two pages (no rule under it on
 * the first, none above it on the second) is joined again, cell by cell.
 */
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { simplify } from '../normalize/chars.ts';
import { unifiedIdeograph } from '../normalize/radicals.ts';

/** A PDF's text and where each page starts in it. */
export interface PdfText {
  text: string;
  /** the offset in `text` where page i + 1 starts (one entry per page; a page with no text starts where the next does) */
  pageStarts: number[];
  /** pages with no text at all (1-based) */
  emptyPages: number[];
  /** lines removed as running headers, footers and page numbers */
  removed: number;
}

/** A run of text on a page: its string and box in page units (y up, baseline at y). */
interface Run {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A ruling line: a thin box in page units. */
interface Rule {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A block of a page in reading order: a line of text, or a row of a table. */
interface Block {
  /** the top of the block (page units, y up) */
  top: number;
  text: string;
  /** where the line starts and ends (text lines only) */
  x0: number;
  x1: number;
  /** the font size of the line */
  size: number;
  row: boolean;
  /** a table row whose cells run off the bottom of the page (no rule under them), or on from the page before */
  open?: { bottom: boolean; top: boolean };
}

const SCANNED =
  'a scanned PDF: it has no text layer, and no text recognition (OCR) is done / 扫描版 PDF，没有文字层，未做文字识别';

/** Reads a PDF's text with its page starts; throws when the bytes are not a PDF or it has no text at all. */
export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (e) {
    throw new Error(`not a readable PDF: ${(e as Error).message} / 无法读取的 PDF 文件`);
  }
  const { OPS } = await getResolvedPDFJS();
  let read: { runs: Run[]; rules: Rule[]; width: number; height: number }[];
  try {
    // all pages at once: pdf.js waits on decompression between pages, and the waits overlap
    read = await Promise.all(
      Array.from({ length: doc.numPages }, async (_, i) => {
        const page = await doc.getPage(i + 1);
        const [content, ops] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
        const runs: Run[] = [];
        for (const item of content.items) {
          if (!('str' in item) || !item.str.trim()) continue;
          const [a, b, c, d, x, y] = item.transform as number[];
          // a rotated run (a watermark across the page, a vertical label) is not part of the text's lines
          if (Math.abs(b!) > 1e-3 || Math.abs(c!) > 1e-3 || a! <= 0 || d! <= 0) continue;
          runs.push({
            str: item.str.replace(/\u2015/g, '—'),
            x: x!,
            y: y!,
            w: item.width,
            h: item.height || d!,
          });
        }
        const [x0, y0, x1, y1] = page.view as number[];
        page.cleanup();
        return { runs, rules: ruling(ops, OPS), width: x1! - x0!, height: y1! - y0! };
      }),
    );
  } finally {
    // the loading task owns the document and its (in-process) worker
    await doc.loadingTask.destroy();
  }
  const simplified = !isTraditional(read.flatMap((p) => p.runs.map((r) => r.str)).join(''));
  const pages = read.map(({ runs, rules, width, height }) => {
    // a Simplified font draws ⼾ as 户, though Unicode's equivalent is 戶
    for (const r of runs)
      r.str = r.str.replace(/[\u2e80-\u2fdf]/g, (ch) =>
        simplified ? simplify(unifiedIdeograph(ch)) : unifiedIdeograph(ch),
      );
    return { blocks: blocks(runs, rules), width, height };
  });
  const removed = dropRunning(pages);
  // a page with only its running header and page number has no text of its own
  const emptyPages = pages.flatMap((p, i) => (p.blocks.length ? [] : [i + 1]));
  if (emptyPages.length === pages.length) throw new Error(SCANNED);
  return { ...join(pages), emptyPages, removed };
}

/** Whether a text is written in Traditional characters: more than one Han character in twenty is not Simplified. */
function isTraditional(text: string): boolean {
  let han = 0;
  let traditional = 0;
  for (const ch of text) {
    if (!/\p{Script=Han}/u.test(ch) || /[\u2e80-\u2fdf]/.test(ch)) continue;
    han++;
    if (simplify(ch) !== ch) traditional++;
  }
  return traditional > han / 20;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** A box as a ruling line when it is thin (at most 2.5 units across) and at least 4 long. */
const isRule = (r: Rule) =>
  Math.min(r.x1 - r.x0, r.y1 - r.y0) <= 2.5 && Math.max(r.x1 - r.x0, r.y1 - r.y0) >= 4;

/** The box of some points, each taken through a transform first. */
function boxOf(points: number[], ctm: Matrix): Rule {
  const r = { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity };
  for (let i = 0; i < points.length; i += 2) {
    const x = points[i]! * ctm[0] + points[i + 1]! * ctm[2] + ctm[4];
    const y = points[i]! * ctm[1] + points[i + 1]! * ctm[3] + ctm[5];
    r.x0 = Math.min(r.x0, x);
    r.x1 = Math.max(r.x1, x);
    r.y0 = Math.min(r.y0, y);
    r.y1 = Math.max(r.y1, y);
  }
  return r;
}

/**
 * The rules inside one path that is not itself a rule (a whole grid drawn as one path): each subpath that is
 * thin (a rule filled as a thin rectangle), and, when the path is stroked, each straight segment along an axis
 * (a rule drawn as a line). pdf.js 5 writes a path as codes (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3,
 * closePath 4), each followed by its points.
 */
function rulesInPath(data: ArrayLike<number>, stroked: boolean, ctm: Matrix): Rule[] {
  const out: Rule[] = [];
  let sub: number[] = [];
  const segments: Rule[] = [];
  const flush = () => {
    if (sub.length >= 4) {
      const box = boxOf(sub, ctm);
      if (isRule(box)) out.push(box);
      else if (stroked) out.push(...segments.filter(isRule));
    }
    sub = [];
    segments.length = 0;
  };
  const lineTo = (x: number, y: number) => {
    const [px, py] = [sub.at(-2)!, sub.at(-1)!];
    segments.push(boxOf([px, py, x, y], ctm));
    sub.push(x, y);
  };
  for (let i = 0; i < data.length; ) {
    const code = data[i++];
    if (code === 0 || (code === 1 && !sub.length)) {
      flush();
      sub = [data[i]!, data[i + 1]!];
      i += 2;
    } else if (code === 1) {
      lineTo(data[i]!, data[i + 1]!);
      i += 2;
    } else if (code === 2 || code === 3) {
      // a curve is no rule: its points widen its subpath's box
      const n = code === 2 ? 6 : 4;
      for (let k = 0; k < n; k++) sub.push(data[i + k]!);
      i += n;
    } else if (code === 4) {
      if (sub.length) lineTo(sub[0]!, sub[1]!);
    } else break;
  }
  flush();
  return out;
}

/**
 * The ruling lines a page draws: every path whose box, in page units, is thin (at most 2.5 units across) and at
 * least 4 long, and the rules inside a path that draws several (rulesInPath). The current transform is followed
 * through save, restore and transform, and into form XObjects by their matrix, as pdf.js reports them.
 */
function ruling(ops: { fnArray: number[]; argsArray: unknown[] }, OPS: Record<string, number>): Rule[] {
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const strokes = new Set(
    ['stroke', 'closeStroke', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'].map(
      (k) => OPS[k],
    ),
  );
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args[0] as Matrix | null;
      if (matrix && matrix.length === 6) ctm = multiply(ctm, matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      // pdf.js 5: [drawing operator, [path], [minX, minY, maxX, maxY]]
      const box = args[2] as ArrayLike<number> | null;
      if (!box || box.length < 4) continue;
      const whole = boxOf([box[0]!, box[1]!, box[2]!, box[3]!], ctm);
      if (isRule(whole)) {
        rules.push(whole);
        continue;
      }
      const data = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | undefined;
      if (data && typeof data.length === 'number')
        rules.push(...rulesInPath(data, strokes.has(args[0] as number), ctm));
    }
  }
  return rules;
}

/** The cell a point is in: the nearest ruling line on each side that spans the point, or null outside a table. */
function cellOf(
  x: number,
  y: number,
  rules: Rule[],
): { left: number; right: number; top: number; bottom: number } | null {
  let left = -Infinity;
  let right = Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  for (const r of rules) {
    const vertical = r.y1 - r.y0 > r.x1 - r.x0;
    if (vertical && r.y0 - 1 <= y && y <= r.y1 + 1) {
      const at = (r.x0 + r.x1) / 2;
      if (at <= x && at > left) left = at;
      if (at >= x && at < right) right = at;
    } else if (!vertical && r.x0 - 1 <= x && x <= r.x1 + 1) {
      const at = (r.y0 + r.y1) / 2;
      if (at >= y && at < top) top = at;
      if (at <= y && at > bottom) bottom = at;
    }
  }
  // a cell of a row split across two pages has no rule below it (or above it, on the second page)
  if (!Number.isFinite(left + right) || (!Number.isFinite(top) && !Number.isFinite(bottom))) return null;
  return { left, right, top, bottom };
}

const round = (n: number) => Math.round(n * 2) / 2;
const isAsciiWord = (ch: string | undefined) => ch !== undefined && /[A-Za-z]/.test(ch);

/** Runs on one baseline as one line: a gap of about a third of a character is a space, of 2.5 characters a tab. */
function lineText(runs: Run[], tabs: boolean): string {
  let out = '';
  let end = -Infinity;
  for (const r of [...runs].sort((a, b) => a.x - b.x)) {
    const gap = r.x - end;
    if (out && gap > 2.5 * r.h && tabs) out += '\t';
    else if (out && gap > 0.3 * r.h && !out.endsWith(' ')) out += ' ';
    out += r.str;
    end = Math.max(end, r.x + r.w);
  }
  return out.replace(/\s+$/, '');
}

/** Runs grouped into lines by baseline, top to bottom. */
function lines(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const out: Run[][] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && Math.abs(last[0]!.y - r.y) < 0.4 * Math.max(r.h, last[0]!.h)) last.push(r);
    else out.push([r]);
  }
  return out;
}

/** Two pieces of a wrapped line joined: words in Latin letters with a space, anything else (Chinese, digits) as one. */
const glue = (a: string, b: string) => (isAsciiWord(a.at(-1)) && isAsciiWord(b[0]) ? `${a} ${b}` : a + b);
/**
 * Two parts of a cell split across pages joined: as glue, except that digits on both sides stay apart (a number is
 * never run into another; a number split by the page break is then read as unreadable, not as another number).
 */
const glueCell = (a: string, b: string) => (/\d$/.test(a) && /^\d/.test(b) ? `${a} ${b}` : glue(a, b));

/** How wide a character is drawn, in ems, as near as its kind tells: CJK and full-width forms 1, others a half. */
const ems = (ch: string) => (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.5);

/**
 * Runs cut where a table's vertical rule crosses them: pdf.js joins the text of neighbouring cells into one run
 * when they are close (村级服务站建设 300), so a run is cut at the space (or else the character) nearest the rule,
 * each character's place estimated from its kind and scaled to the run's width.
 */
export function cutAtRules(runs: Run[], rules: Rule[]): Run[] {
  // left to right, whatever order the page drew them in: a run is cut at the leftmost rule crossing it, so that
  // the piece to its left crosses none and only the piece to its right is looked at again
  const verticals = rules
    .filter((r) => r.y1 - r.y0 > r.x1 - r.x0)
    .sort((a, b) => a.x0 + a.x1 - (b.x0 + b.x1));
  if (!verticals.length) return runs;
  const out: Run[] = [];
  const queue = [...runs];
  while (queue.length) {
    const r = queue.shift()!;
    const mid = r.y + r.h * 0.35;
    const rule = verticals.find((v) => {
      const at = (v.x0 + v.x1) / 2;
      return v.y0 - 1 <= mid && mid <= v.y1 + 1 && at > r.x + 1 && at < r.x + r.w - 1;
    });
    const chars = [...r.str];
    if (!rule || chars.length < 2) {
      out.push(r);
      continue;
    }
    const at = (rule.x0 + rule.x1) / 2;
    const scale = r.w / chars.reduce((sum, ch) => sum + ems(ch), 0);
    // x of the boundary before each character
    const edges = chars.map((_, i) => r.x + chars.slice(0, i).reduce((sum, ch) => sum + ems(ch), 0) * scale);
    const spaces = chars.flatMap((ch, i) => (ch === ' ' ? [i] : []));
    const nearest = (is: number[]) =>
      is.reduce((a, b) => (Math.abs(edges[b]! - at) < Math.abs(edges[a]! - at) ? b : a));
    const cut = spaces.length ? nearest(spaces) : nearest(chars.map((_, i) => i).slice(1));
    const left = chars.slice(0, cut).join('').trimEnd();
    const right = chars.slice(cut).join('').trimStart();
    const x = Math.max(at + 0.5, edges[cut]!);
    if (left) out.push({ ...r, str: left, w: edges[cut]! - r.x });
    if (right) queue.unshift({ ...r, str: right, x, w: r.x + r.w - x });
  }
  return out;
}

/** A page's blocks in reading order: its lines of text and the rows of its tables. */
function blocks(all: Run[], rules: Rule[]): Block[] {
  const cells = new Map<string, { left: number; right: number; top: number; bottom: number; runs: Run[] }>();
  const free: Run[] = [];
  for (const r of cutAtRules(all, rules)) {
    const cell = rules.length ? cellOf(r.x + Math.min(r.w, r.h) / 2, r.y + r.h * 0.35, rules) : null;
    if (!cell) {
      free.push(r);
      continue;
    }
    const key = [cell.left, cell.right, cell.top, cell.bottom].map(round).join(',');
    const c = cells.get(key) ?? { ...cell, runs: [] };
    c.runs.push(r);
    cells.set(key, c);
  }
  const out: Block[] = lines(free).map((l) => ({
    top: Math.max(...l.map((r) => r.y + r.h)),
    text: lineText(l, true),
    x0: Math.min(...l.map((r) => r.x)),
    x1: Math.max(...l.map((r) => r.x + r.w)),
    size: Math.max(...l.map((r) => r.h)),
    row: false,
  }));
  out.push(...tableRows([...cells.values()], rules));
  return out.sort((a, b) => b.top - a.top);
}

/**
 * The rows of a page's tables: cells grouped into tables (cells whose boxes touch, row over row), each row the cells
 * that start at its top, placed in the table's columns (a column a cell does not start in is empty).
 */
function tableRows(
  cells: { left: number; right: number; top: number; bottom: number; runs: Run[] }[],
  rules: Rule[],
): Block[] {
  const rows = new Map<number, typeof cells>();
  for (const c of cells) {
    const top = round(c.top);
    rows.set(top, [...(rows.get(top) ?? []), c]);
  }
  const tops = [...rows.keys()].sort((a, b) => b - a);
  // a table is a run of rows each starting where one above it ends
  const tables: number[][] = [];
  for (const top of tops) {
    const last = tables.at(-1);
    if (last?.some((t) => rows.get(t)!.some((c) => Math.abs(c.bottom - top) < 2))) last.push(top);
    else tables.push([top]);
  }
  const out: Block[] = [];
  for (const table of tables) {
    // the table's columns: where its vertical rules stand (a cell with no text still makes a column)
    const all = table.flatMap((t) => rows.get(t)!);
    const high = Math.max(
      ...all.map((c) => (c.top === Infinity ? Math.max(...c.runs.map((r) => r.y + r.h)) : c.top)),
    );
    const low = Math.min(
      ...all.map((c) => (c.bottom === -Infinity ? Math.min(...c.runs.map((r) => r.y)) : c.bottom)),
    );
    const lefts = columns(rules.filter((r) => r.y1 - r.y0 > r.x1 - r.x0 && r.y1 > low && r.y0 < high));
    const column = (x: number) => {
      let best = 0;
      for (const [i, l] of lefts.entries()) if (Math.abs(l - x) < Math.abs(lefts[best]! - x)) best = i;
      return best;
    };
    for (const top of table) {
      const slots: string[] = [];
      for (const c of rows.get(top)!.sort((a, b) => a.left - b.left)) {
        // a cell's lines: one that reached the cell's right edge wrapped and goes on; one that did not ended
        // (300 above 200 is two numbers, kept apart by a space, never 300200)
        const cellLines = lines(c.runs);
        const text = cellLines.reduce((a, l, i) => {
          const t = lineText(l, false);
          if (i === 0) return t;
          const prev = cellLines[i - 1]!;
          const reached =
            c.right - Math.max(...prev.map((r) => r.x + r.w)) < 1.5 * Math.max(...prev.map((r) => r.h));
          return reached ? glue(a, t) : `${a} ${t}`;
        }, '');
        slots[column(c.left)] = text.replace(/\t/g, ' ');
      }
      const text = Array.from(slots, (s) => s ?? '').join('\t');
      const cellsOf = rows.get(top)!;
      const open = {
        top: cellsOf.some((c) => c.top === Infinity),
        bottom: cellsOf.some((c) => c.bottom === -Infinity),
      };
      const at = open.top ? Math.max(...cellsOf.flatMap((c) => c.runs.map((r) => r.y + r.h))) : top;
      out.push({ top: at, text, x0: 0, x1: 0, size: 0, row: true, open });
    }
  }
  return out;
}

/** The x of each vertical rule, left to right, those within 1.5 units of each other as one. */
function columns(verticals: Rule[]): number[] {
  const xs = verticals.map((r) => (r.x0 + r.x1) / 2).sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of xs) if (out.length === 0 || x - out.at(-1)! > 1.5) out.push(x);
  return out;
}

/** A page number as printed: — 3 —, - 3 -, 第 3 页, 第3页 共12页, 3/12, 3. */
const PAGE_NUMBER =
  /^[\s—–\-－―·•]*(?:第\s*[0-9一二三四五六七八九十百]+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d{1,4}(?:\s*[/／]\s*\d{1,4})?|[Pp](?:age|\.)?\s*\d{1,4}(?:\s*of\s*\d+)?)[\s—–\-－―·•]*$/;

/**
 * Removes running headers and footers (lines in the top or bottom eighth of a page whose text, digits masked, recurs
 * there on at least half of the pages, and on two or more) and page numbers there; returns how many lines went.
 */
function dropRunning(pages: { blocks: Block[]; height: number }[]): number {
  const band = (b: Block, h: number) =>
    b.top > h * 0.875 ? 'top' : b.top < h * 0.125 + b.size ? 'bottom' : null;
  const key = (b: Block, h: number) =>
    `${band(b, h)}:${b.text.replace(/\s+/g, '').replace(/[0-9０-９]+/g, '#')}`;
  const seen = new Map<string, number>();
  for (const p of pages) {
    for (const k of new Set(p.blocks.filter((b) => band(b, p.height)).map((b) => key(b, p.height))))
      seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const running = (k: string) => (seen.get(k) ?? 0) >= Math.max(2, pages.length / 2);
  let removed = 0;
  for (const p of pages) {
    const before = p.blocks.length;
    p.blocks = p.blocks.filter(
      (b) => b.row || !band(b, p.height) || !(PAGE_NUMBER.test(b.text) || running(key(b, p.height))),
    );
    removed += before - p.blocks.length;
  }
  return removed;
}

/**
 * Each page's left margin and right edge: where its lines start and the furthest they reach, when at least three
 * lines reach it (a page of prose); a page of short lines or tables takes the edge most pages of prose have, and a
 * document with no page of prose a right margin as wide as its left.
 */
function margins(pages: { blocks: Block[]; width: number }[]): { left: number; right: number }[] {
  const own = pages.map(({ blocks }) => {
    const body = blocks.filter((b) => !b.row);
    const left = Math.min(...body.map((b) => b.x0));
    const widest = Math.max(...body.map((b) => b.x1));
    const prose = body.filter((b) => widest - b.x1 < 1.2 * b.size).length >= 3;
    return { left, right: prose ? widest : null };
  });
  const rights = own.flatMap((e) => (e.right === null ? [] : [e.right])).sort((a, b) => a - b);
  const usual = rights.length ? rights[Math.floor(rights.length / 2)]! : null;
  // with no page of prose, the right margin is taken to mirror the left (as official documents set them)
  return own.map((e, i) => ({ left: e.left, right: e.right ?? usual ?? pages[i]!.width - e.left }));
}

/** The size most of a document's text is set in (weighted by length). */
function usualSize(blocks: Block[]): number {
  const weight = new Map<number, number>();
  for (const b of blocks)
    if (!b.row) weight.set(round(b.size), (weight.get(round(b.size)) ?? 0) + b.text.length);
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/**
 * The pages' blocks as one text, a line per block, wrapped lines of a paragraph joined (on a page and across
 * pages), with the offset where each page starts.
 */
function join(pages: { blocks: Block[]; width: number }[]): { text: string; pageStarts: number[] } {
  const out: string[] = [];
  let length = 0;
  const pageStarts: number[] = [];
  // whether the last line written reached the right edge of its page, so the next may continue it
  let open = false;
  // whether the last line written is a table row that runs off the bottom of its page
  let openRow = false;
  const edges = margins(pages);
  const bodySize = usualSize(pages.flatMap((p) => p.blocks));
  // the last line written, when it is a line of text
  let previous: Block | null = null;
  for (const [p, { blocks }] of pages.entries()) {
    const { left, right } = edges[p]!;
    pageStarts.push(length + (out.length ? 1 : 0));
    // a page with no text (an image) ends what the page before left open
    if (!blocks.length) {
      open = false;
      openRow = false;
      previous = null;
    }
    let first = true;
    for (const b of blocks) {
      const centred = (l: Block) => Math.abs((l.x0 + l.x1) / 2 - (left + right) / 2) < l.size;
      // a title wraps centred: a line in a larger size than the body's, centred, wide, then one centred in its size
      const titleGoesOn =
        previous !== null &&
        !b.row &&
        previous.size >= 1.2 * bodySize &&
        Math.abs(previous.size - b.size) < 0.5 &&
        centred(previous) &&
        centred(b) &&
        previous.x1 - previous.x0 > 0.6 * (right - left);
      const continues = titleGoesOn || (open && !b.row && b.x0 - left < 0.5 * b.size);
      if (first && b.open?.top && openRow && out.length) {
        // the rest of a row split across pages: each cell's text joins the cell above it
        const above = out.at(-1)!.split('\t');
        const below = b.text.split('\t');
        const cells = Array.from({ length: Math.max(above.length, below.length) }, (_, i) =>
          glueCell(above[i] ?? '', below[i] ?? ''),
        );
        const joined = cells.join('\t');
        length += joined.length - out.at(-1)!.length;
        out[out.length - 1] = joined;
        pageStarts[pageStarts.length - 1] = length - joined.length;
      } else if (continues && out.length) {
        const joined = glue(out.at(-1)!, b.text);
        length += joined.length - out.at(-1)!.length;
        out[out.length - 1] = joined;
        if (first) pageStarts[pageStarts.length - 1] = length - b.text.length;
      } else {
        length += (out.length ? 1 : 0) + b.text.length;
        out.push(b.text);
      }
      open = !b.row && right - b.x1 < 1.2 * b.size;
      previous = b.row ? null : b;
      openRow = b.open?.bottom ?? false;
      first = false;
    }
  }
  return { text: out.length ? `${out.join('\n')}\n` : '', pageStarts };
}
