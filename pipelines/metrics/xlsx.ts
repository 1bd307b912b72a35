/**
 * An .xlsx workbook read straight from its parts: the zip archive's directory, then the workbook, its relationships,
 * its styles, its shared strings and each sheet's XML, scanned once, cell by cell, into rows of text. It gives what
 * workbook.ts reads through SheetJS (the same text for every cell, the same rows and columns), in a fraction of the
 * time and memory: SheetJS builds an object for every cell of the workbook before the first row can be read.
 *
 * It reads the workbooks Excel, WPS and LibreOffice save. Anything else — not a zip archive (an encrypted workbook is
 * an OLE file), zip64, a compression other than deflate, Strict OOXML, an ISO date cell (t="d"), a part it cannot
 * find — gives null, and the workbook is read by SheetJS instead, so that nothing is read differently. A damaged
 * archive (a part that does not inflate) is refused, naming the file.
 */
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import {
  dayOf,
  HIDDEN,
  hidesYear,
  type Merge,
  type Sheet,
  sheetMerges,
  shownDate,
  shownText,
  showsAnother,
  type YearlessDate,
} from './sheet.ts';

/** The parts of a zip archive by lower-cased name, each inflated when asked; null for an archive not read here. */
function unzip(buf: Buffer): ((name: string) => Buffer | null) | null {
  // the end of central directory record: the last PK\5\6 (a comment of up to 65,535 bytes may follow it)
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return null;
  const entries = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  if (entries === 0xffff || at === 0xffffffff) return null; // zip64
  const parts = new Map<string, { method: number; size: number; offset: number }>();
  for (let k = 0; k < entries; k++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return null;
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const offset = buf.readUInt32LE(at + 42);
    if (flags & 1 || (method !== 0 && method !== 8) || size === 0xffffffff || offset === 0xffffffff)
      return null;
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    parts.set(name.toLowerCase(), { method, size, offset });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return (name) => {
    const p = parts.get(name.toLowerCase());
    if (!p || p.offset + 30 > buf.length || buf.readUInt32LE(p.offset) !== 0x04034b50) return null;
    const start = p.offset + 30 + buf.readUInt16LE(p.offset + 26) + buf.readUInt16LE(p.offset + 28);
    const data = buf.subarray(start, start + p.size);
    return p.method === 0 ? data : inflateRawSync(data);
  };
}

const ENTITIES: Record<string, string> = { quot: '"', apos: "'", gt: '>', lt: '<', amp: '&' };

/** XML text as its characters: entities, character references, Excel's _xHHHH_ escapes; CDATA as it is. */
function decode(text: string): string {
  const cdata = text.indexOf('<![CDATA[');
  if (cdata !== -1) {
    const close = text.indexOf(']]>', cdata);
    return decode(text.slice(0, cdata)) + text.slice(cdata + 9, close) + decode(text.slice(close + 3));
  }
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text
    .replace(
      /&(?:(quot|apos|gt|lt|amp)|#(x[\da-f]+|\d+));/gi,
      (m, name: string | undefined, code: string) => {
        if (name) return ENTITIES[name.toLowerCase()] ?? m;
        const n = code[0] === 'x' || code[0] === 'X' ? Number.parseInt(code.slice(1), 16) : Number(code);
        return n <= 0x10ffff ? String.fromCodePoint(n) : m;
      },
    )
    .replace(/_x([\da-f]{4})_/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** A cell's text as Excel shows it, a line break as \n (Excel stores \r\n for one). */
const text = (xml: string) => decode(xml).replace(/\r\n/g, '\n');

/** A tag's attributes, by name without its namespace prefix (r:id is id). */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w.-]+:)?([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[m[2]!] = decode(m[3] ?? m[4] ?? '');
  return out;
}

/** Every start tag (or empty element) <name …> of a part, prefixed or not, as its attributes. */
const tags = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<(?:\\w+:)?${name}\\b((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'g'))].map((m) =>
    attributes(m[1]!),
  );

/**
 * The text of a string item (<si> or <is>): its <t> runs joined, the phonetic guide (<rPh>, the furigana of a
 * Japanese workbook) left out.
 */
function stringItem(xml: string): string {
  const plain = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  for (const m of plain.matchAll(/<(?:\w+:)?t\b[^>]*>((?:<!\[CDATA\[[\s\S]*?\]\]>|[^<])*)<\/(?:\w+:)?t>/g))
    out += m[1];
  return text(out);
}

/** Number formats Excel shows as dates without writing their code (ids 14-22, 45-47; 27-36 and 50-58 in CJK). */
const DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81,
]);

/** The style of a date whose format shows no year, before the format's code (sheet.ts hidesYear). */
const NO_YEAR = 'date without its year:';

/** Built-in number formats that show a number as a percent (ids 9, 10). */
const PERCENT_FORMATS: Record<number, string> = { 9: '0%', 10: '0.00%' };

/**
 * For each cell style (the s of a cell), what its number format is: a date's ('date'), one that shows a number as
 * another (a percent, a scaled number: its code, sheet.ts showsAnother), or another (null).
 */
function numberStyles(styles: string | null): ('date' | string | null)[] {
  if (!styles) return [];
  const codes = new Map(tags(styles, 'numFmt').map((f) => [Number(f.numFmtId), f.formatCode ?? '']));
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles)?.[1] ?? '';
  return tags(xfs, 'xf').map((xf) => {
    const id = Number(xf.numFmtId ?? 0);
    const code = codes.get(id) ?? PERCENT_FORMATS[id];
    // (built-in 16 is d-mmm: a day and month, no year)
    if (code === undefined) return id === 16 ? `${NO_YEAR}d-mmm` : DATE_FORMATS.has(id) ? 'date' : null;
    if (XLSX.SSF.is_date(code)) return hidesYear(code) ? `${NO_YEAR}${code}` : 'date';
    return showsAnother(code) ? code : null;
  });
}

const DAY = 24 * 60 * 60 * 1000;
const EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date cell's serial as its day (YYYY-MM-DD), as SheetJS reads it: Excel's 1900 system counts 29 February 1900,
 * which never was (serial 60 stays a number), and the 1904 system starts 1,462 days later.
 */
function day(serial: number, date1904: boolean): string {
  const v = serial + (date1904 ? 1462 : 0);
  if (v >= 60 && v < 61) return number(v);
  return dayOf(new Date((v > 60 ? v : v + 1) * DAY + EPOCH));
}

/** A day as a format without its year shows it (3月; a serial that is no day, 29 February 1900, as it is). */
const shownYearless = (day: string, code: string) => (/^\d{4}-/.test(day) ? shownDate(day, code) : day);

/** A number as Excel shows it: to 15 significant digits (0.30000000000000004 is 0.3). */
const number = (v: number) => String(Number(v.toPrecision(15)));

/** A column's index (A is 0) as its letters. */
const columnName = (index: number): string =>
  index < 26
    ? String.fromCharCode(65 + index)
    : columnName(Math.floor(index / 26) - 1) + columnName(index % 26);

/** A cell reference (C7) as its row and column from 0; null when it is not one. */
function cellRef(ref: string): { r: number; c: number } | null {
  let c = 0;
  let i = ref.charCodeAt(0) === 36 ? 1 : 0; // $C$7
  for (let k = ref.charCodeAt(i) - 64; k >= 1 && k <= 26; k = ref.charCodeAt(++i) - 64) c = c * 26 + k;
  if (c === 0 || c > 16_384) return null;
  if (ref.charCodeAt(i) === 36) i++;
  const r = Number(ref.slice(i));
  return Number.isInteger(r) && r >= 1 && i < ref.length ? { r: r - 1, c: c - 1 } : null;
}

/**
 * A cell's attributes r, s and t: at once where they are written as Excel writes them (a space, the name, a double
 * quote), through the full reading otherwise.
 */
function cellAttributes(tag: string): { r?: string; s?: string; t?: string } {
  if (tag.includes("'") || /[\t\n\r]|\s=|=\s/.test(tag)) return attributes(tag);
  const get = (name: string) => {
    const i = tag.indexOf(` ${name}="`);
    return i === -1 ? undefined : tag.slice(i + name.length + 3, tag.indexOf('"', i + name.length + 3));
  };
  return { r: get('r'), s: get('s'), t: get('t') };
}

class Unsupported extends Error {}

/** A row tag's attribute hiding it: hidden="1" (or "true"). */
const HIDDEN_ROW = /\shidden="(?:1|true)"/;

const [LT, GT, SLASH, COLON] = [0x3c, 0x3e, 0x2f, 0x3a];
/** The bytes of an XML name (as SpreadsheetML writes them: ASCII letters, digits, _ - .) */
const NAME = new Uint8Array(256);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.')
  NAME[ch.charCodeAt(0)] = 1;

/**
 * The rows of one sheet's XML: every row of its range (the range its <dimension> states, widened to every cell it
 * holds, so that a stale dimension loses nothing), each with every column of the range; null when it has no cell.
 */
function sheetRows(
  xml: Buffer,
  strings: string[],
  styles: ('date' | string | null)[],
  date1904: boolean,
): {
  rows: { row: string[]; at: number }[];
  first: number;
  merges: Merge[];
  hidden: { rows: number[]; columns: number[] };
  yearless: YearlessDate[];
} | null {
  const cells: string[][] = [];
  let top = Number.POSITIVE_INFINITY;
  let bottom = -1;
  let left = Number.POSITIVE_INFINITY;
  let right = -1;
  let found = false;
  // the bytes are scanned, not a string of them: a sheet of 100,000 rows is tens of megabytes of XML
  const start = xml.indexOf('sheetData');
  if (start === -1) return null;
  const dim = /<(?:\w+:)?dimension\b[^>]*\bref="([A-Z]+\d+):([A-Z]+\d+)"/.exec(
    xml.toString('utf8', 0, start),
  );
  if (dim) {
    const [a, b] = [cellRef(dim[1]!), cellRef(dim[2]!)];
    if (a && b && a.r <= b.r && a.c <= b.c) [top, bottom, left, right] = [a.r, b.r, a.c, b.c];
  }
  const stop = xml.lastIndexOf('sheetData');
  const ends = new Map<string, Buffer>();
  const hiddenRows: number[] = [];
  const yearless: YearlessDate[] = [];
  let r = -1;
  let c = -1;
  for (let i = xml.indexOf(LT, start); i !== -1 && i < stop; ) {
    // a tag's name, after its prefix (x:c), if any
    let j = i + 1;
    let k = j;
    while (NAME[xml[k]!]) k++;
    let prefix = 0;
    if (xml[k] === COLON) {
      prefix = k - j + 1;
      j = k + 1;
      for (k = j; NAME[xml[k]!]; ) k++;
    }
    const isRow = k - j === 3 && xml[j] === 0x72 && xml[j + 1] === 0x6f && xml[j + 2] === 0x77;
    if (!isRow && !(k - j === 1 && xml[j] === 0x63)) {
      i = xml.indexOf(LT, k);
      continue;
    }
    const close = xml.indexOf(GT, k);
    if (close === -1) throw new Unsupported('a tag without its end');
    const empty = xml[close - 1] === SLASH;
    const a = cellAttributes(xml.toString('latin1', k, empty ? close - 1 : close));
    if (isRow) {
      r = a.r !== undefined ? Number.parseInt(a.r, 10) - 1 : r + 1;
      c = -1;
      if (HIDDEN_ROW.test(xml.toString('latin1', k, close))) hiddenRows.push(r + 1);
      i = xml.indexOf(LT, close);
      continue;
    }
    let content = '';
    if (empty) i = xml.indexOf(LT, close);
    else {
      const name = xml.toString('latin1', i + 1, i + 1 + prefix);
      let end = ends.get(name);
      if (!end) {
        end = Buffer.from(`</${name}c>`);
        ends.set(name, end);
      }
      const e = xml.indexOf(end, close);
      if (e === -1) throw new Unsupported('a cell without its end');
      content = xml.toString('utf8', close + 1, e);
      i = xml.indexOf(LT, e + end.length);
    }
    const at = a.r !== undefined ? cellRef(a.r) : { r, c: c + 1 };
    if (!at) throw new Unsupported(`a cell reference ${a.r}`);
    c = at.c;
    // most cells are <v>…</v> alone
    const v =
      content.startsWith('<v>') && content.indexOf('<', 3) === content.length - 4 && content.endsWith('</v>')
        ? content.slice(3, -4)
        : /<(?:\w+:)?v\b[^>]*>((?:<!\[CDATA\[[\s\S]*?\]\]>|[^<])*)<\/(?:\w+:)?v>/.exec(content)?.[1];
    const t = a.t ?? 'n';
    let value: string;
    if (t === 'n') {
      if (v === undefined || v === '') {
        // a formula whose value was never computed (a workbook written by a program, not saved by Excel): the
        // formula, rejected as no number, not an empty cell
        const f = content.includes('<') ? /<(?:\w+:)?f\b[^>]*?(?:\/>|>([^<]*)<)/.exec(content) : null;
        if (!f) continue;
        value = `=${text(f[1] ?? '')}`;
      } else {
        const n = Number.parseFloat(v.includes('&') ? decode(v) : v);
        const style = styles[Number(a.s ?? 0)] ?? null;
        if (style?.startsWith(NO_YEAR)) {
          const d = day(n, date1904);
          value = shownYearless(d, style.slice(NO_YEAR.length));
          if (value !== d)
            yearless.push({ at: at.r + 1, column: at.c, year: d.slice(0, 4), month: Number(d.slice(5, 7)) });
        } else
          value = style === 'date' ? day(n, date1904) : style ? shownText(number(n), n, style) : number(n);
      }
    } else if (t === 's') {
      if (v === undefined || v === '') continue;
      const s = strings[Number.parseInt(v, 10)];
      if (s === undefined) throw new Unsupported('a shared string that is not in the table');
      value = s;
    } else if (t === 'str') value = v === undefined ? '' : text(v);
    else if (t === 'inlineStr') {
      const is = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(content);
      value = is ? stringItem(is[1]!) : '';
    } else if (t === 'b') value = String(v === '1' || v === 'true');
    else if (t === 'e') value = v ? decode(v) : '#ERROR';
    else throw new Unsupported(`a cell of type ${t}`);
    let row = cells[at.r];
    if (!row) cells[at.r] = row = [];
    row[at.c] = value;
    found = true;
    top = Math.min(top, at.r);
    bottom = Math.max(bottom, at.r);
    left = Math.min(left, at.c);
    right = Math.max(right, at.c);
  }
  if (!found) return null;
  // each row of the range its cells' array, every column of the range filled (a missing cell is empty)
  const rows: { row: string[]; at: number }[] = [];
  for (let i = top; i <= bottom; i++) {
    let row = cells[i] ?? [];
    for (let j = left; j <= right; j++) row[j] ??= '';
    if (left > 0) row = row.slice(left);
    row.length = right - left + 1;
    rows.push({ row, at: i + 1 });
  }
  // merged cells (after the sheet's data)
  const ranges = [
    ...xml.toString('utf8', stop).matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+\d+):([A-Z]+\d+)"/g),
  ]
    .map((m) => [cellRef(m[1]!), cellRef(m[2]!)] as const)
    .flatMap(([a, b]) => (a && b ? [{ s: a, e: b }] : []));
  // hidden columns (<col min="2" max="3" hidden="1"/>, before the sheet's data), as indexes of the rows' cells
  const hiddenColumns = tags(xml.toString('utf8', 0, start), 'col').flatMap((col) =>
    col.hidden === '1' || col.hidden === 'true'
      ? Array.from(
          { length: Math.max(0, Number(col.max ?? col.min) - Number(col.min) + 1) },
          (_, n) => Number(col.min) - 1 + n - left,
        ).filter((i) => i >= 0 && i <= right - left)
      : [],
  );
  return {
    rows,
    first: left,
    merges: sheetMerges(ranges, left),
    hidden: { rows: hiddenRows, columns: hiddenColumns },
    yearless: yearless.map((d) => ({ ...d, column: d.column - left })),
  };
}

/** A part's path from a relationship's target, beside the part whose relationships name it. */
const partPath = (from: string, target: string) =>
  target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(posix.dirname(from), target));

/** A part's relationships: by id, its type (the last word of its URI) and the path of the part it points to. */
function relationships(part: (name: string) => Buffer | null, of: string) {
  const xml =
    part(posix.join(posix.dirname(of), '_rels', `${posix.basename(of)}.rels`))?.toString('utf8') ?? '';
  return new Map(
    tags(xml, 'Relationship').map((r) => [
      r.Id ?? '',
      { type: (r.Type ?? '').split('/').pop() ?? '', path: partPath(of, r.Target ?? '') },
    ]),
  );
}

/** A part as it is, when it is UTF-8: a UTF-16 one (its byte-order mark) is left to SheetJS. */
function utf8(buf: Buffer): Buffer {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)))
    throw new Unsupported('a UTF-16 part');
  return buf;
}

/** The sheets of an .xlsx workbook, or null when this reader does not take it (workbook.ts then uses SheetJS). */
export function readXlsx(path: string): Sheet[] | null {
  try {
    const part = unzip(readFileSync(path));
    if (!part) return null;
    const xmlOf = (name: string) => {
      const buf = part(name);
      return buf ? utf8(buf).toString('utf8') : null;
    };
    const root = relationships(part, '');
    const main = [...root.values()].find((r) => r.type === 'officeDocument')?.path ?? 'xl/workbook.xml';
    const workbook = xmlOf(main);
    if (!workbook || workbook.includes('purl.oclc.org/ooxml')) return null; // missing, or Strict OOXML
    const rels = relationships(part, main);
    const target = (type: string) => [...rels.values()].find((r) => r.type === type)?.path;
    const sst = target('sharedStrings');
    const sstXml = sst ? xmlOf(sst) : null;
    const strings = sstXml
      ? [...sstXml.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g)].map((m) =>
          stringItem(m[1] ?? ''),
        )
      : [];
    const styles = target('styles');
    const formats = numberStyles(styles ? xmlOf(styles) : null);
    const pr = tags(workbook, 'workbookPr')[0];
    const date1904 = pr?.date1904 === '1' || pr?.date1904 === 'true';
    return tags(workbook, 'sheet').map((s): Sheet => {
      const name = s.name ?? '';
      const rel = rels.get(s.id ?? '');
      if (!rel) throw new Unsupported(`no part for sheet ${name}`);
      if (rel.type === 'chartsheet')
        return { name, skipped: 'a chart sheet, not a table / 图表工作表，不是表格' };
      if (rel.type !== 'worksheet') throw new Unsupported(`a sheet of type ${rel.type}`);
      if (s.state === 'hidden' || s.state === 'veryHidden') return { name, skipped: HIDDEN };
      const xml = part(rel.path);
      if (xml === null) throw new Unsupported(`no part ${rel.path}`);
      utf8(xml);
      const read = sheetRows(xml, strings, formats, date1904);
      if (!read) return { name, skipped: 'an empty sheet / 空工作表' };
      return {
        name,
        rows: read.rows,
        columnOf: (index) => columnName(read.first + index),
        merges: read.merges,
        hidden: read.hidden,
        yearless: read.yearless,
      };
    });
  } catch (e) {
    // what this reader does not take is left to SheetJS; a damaged archive is refused here, by name (SheetJS
    // 0.20.3 never returns from a damaged deflate stream)
    if (e instanceof Unsupported) return null;
    throw new Error(`not a readable Excel workbook: ${(e as Error).message} / 无法读取的 Excel 文件`);
  }
}
