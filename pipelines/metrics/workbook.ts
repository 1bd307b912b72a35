/**
 * Excel workbooks as the rows of their sheets: an .xlsx through xlsx.ts, an .xls (and an .xlsx that reader leaves)
 * through SheetJS (the @e965/xlsx build of SheetJS
 * CE 0.20.3: Apache-2.0, no dependencies, reads both formats; the `xlsx` package on npm is an older, unmaintained
 * release, and exceljs reads no .xls and brings nine dependencies). Each cell is read as Excel stores it: a number as
 * the number (to the 15 digits Excel shows), a date cell as its date (YYYY-MM-DD, never a serial to guess), a formula
 * as its cached value (one never computed as the formula, =C2*2), a percent as Excel shows it (12%) and a number
 * shown scaled (0!.0000, #,##0,,) with its format, so that neither is read as a number, an error cell as the error
 * Excel shows (#DIV/0!, which is then rejected as no number). Every sheet is considered; a chart sheet or an empty
 * one is named, with the reason, and skipped.
 */
import { readFileSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import * as XLSX from '@e965/xlsx';
import {
  dayOf,
  HIDDEN,
  hidesYear,
  type Sheet,
  sheetMerges,
  shownDate,
  shownText,
  type YearlessDate,
} from './sheet.ts';
import { readXlsx } from './xlsx.ts';

export type { Sheet } from './sheet.ts';

/**
 * A cell as Excel shows it: an error cell as its error (#DIV/0!, then rejected, never an empty value), a number to
 * 15 significant digits (0.30000000000000004 is 0.3), a date as its day (YYYY-MM-DD: SheetJS gives a date cell as
 * the UTC instant of the time Excel shows, so its UTC day is that day, in any time zone); empty or missing as ''.
 */
function cellText(c: XLSX.CellObject | undefined): string {
  if (c?.t === 'e') return c.w ?? '#ERROR';
  // a formula whose value was never computed (a stub, read with sheetStubs): the formula, rejected as no number, as
  // xlsx.ts reads it; another stub is an empty cell
  if (c?.t === 'z') return c.f ? `=${c.f}` : '';
  if (!c || c.v === null || c.v === undefined) return '';
  if (c.t === 'n' && typeof c.v === 'number') {
    const text = String(Number(c.v.toPrecision(15)));
    return typeof c.z === 'string' ? shownText(text, c.v, c.z) : text;
  }
  // (a date whose format shows no year, m"月", as it shows it: 3月, its year from the title, not the one stored)
  if (c.v instanceof Date)
    return typeof c.z === 'string' && hidesYear(c.z) ? shownDate(dayOf(c.v), c.z) : dayOf(c.v);
  return String(c.v);
}

/**
 * The sheets of a workbook; throws, naming the file, when it cannot be read as one. An .xlsx workbook is read part
 * by part (xlsx.ts); SheetJS reads an .xls one, and an .xlsx that reader does not take, in a worker thread given
 * `seconds` (a minute and 20 s per MB, unless told) and 2 GB: on some damaged .xls files SheetJS never returns, or
 * grows until it runs out of memory, and one such file must not stop the others.
 */
export async function readWorkbook(path: string, seconds?: number): Promise<Sheet[]> {
  if (/\.xlsx$/i.test(path)) {
    const sheets = readXlsx(path);
    if (sheets) return sheets.map(notesOnly);
  }
  const limit = seconds ?? Math.round(60 + (20 * statSync(path).size) / 1e6);
  return (await readInWorker(path, limit)).map(notesOnly);
}

/** A sheet as the worker posts it (sheetjs-worker.ts): its first column as a letter, for columnOf. */
type Posted =
  | { name: string; skipped: string }
  | (Omit<Extract<Sheet, { rows: unknown }>, 'columnOf'> & { first: string });

/** readWithSheetJS in a worker thread, stopped after `seconds` or when it runs out of memory. */
function readInWorker(path: string, seconds: number): Promise<Sheet[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./sheetjs-worker.ts', import.meta.url), {
      workerData: { path },
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
    });
    const fail = (why: string) =>
      reject(new Error(`not a readable Excel workbook: ${why} / 无法读取的 Excel 文件`));
    const timer = setTimeout(() => {
      void worker.terminate();
      fail(`SheetJS did not finish reading it in ${seconds} s; the workbook may be damaged`);
    }, seconds * 1000);
    worker.once('message', (m: { sheets?: Posted[]; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (m.error !== undefined) reject(new Error(m.error));
      else
        resolve(
          m.sheets!.map((s) => {
            if (!('rows' in s)) return s;
            const { first, ...sheet } = s;
            const start = XLSX.utils.decode_col(first);
            return { ...sheet, columnOf: (index: number) => XLSX.utils.encode_col(start + index) };
          }),
        );
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      fail(
        (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'SheetJS ran out of memory reading it; the workbook may be damaged'
          : e.message,
      );
    });
  });
}

/** A sheet whose rows each hold one cell at most (说明, notes): no table to read. */
function notesOnly(sheet: Sheet): Sheet {
  if (!('rows' in sheet) || sheet.rows.some((r) => r.row.filter((c) => c.trim() !== '').length > 1))
    return sheet;
  return { name: sheet.name, skipped: 'no table, only notes / 没有表格，只有说明文字' };
}

/** The sheets of a workbook as SheetJS reads it. */
export function readWithSheetJS(path: string): Sheet[] {
  let book: XLSX.WorkBook;
  try {
    // dense: each sheet's cells as an array of rows (!data), read row by row below
    book = XLSX.read(readFileSync(path), {
      type: 'buffer',
      dense: true,
      cellDates: true,
      // (formulas for those whose value was never computed; number formats for percents and scaled numbers)
      cellFormula: true,
      cellNF: true,
      sheetStubs: true,
      // (rows' and columns' properties: which the sheet hides)
      cellStyles: true,
      cellHTML: false,
      // a table saved as HTML or text under .xls (as web systems export one): its cells as written, so that
      // 2023.10 stays 2023.10 and is not read as the number 2023.1
      raw: true,
    });
  } catch (e) {
    throw new Error(`not a readable Excel workbook: ${(e as Error).message} / 无法读取的 Excel 文件`);
  }
  return book.SheetNames.map((name): Sheet => {
    const sheet = book.Sheets[name];
    const kind = (book.Workbook?.Sheets ?? []).find((s) => s.name === name);
    if (
      !sheet ||
      (sheet as { '!type'?: string })['!type'] === 'chart' ||
      (kind?.Hidden === 2 && !sheet['!ref'])
    )
      return { name, skipped: 'a chart sheet, not a table / 图表工作表，不是表格' };
    if (kind?.Hidden) return { name, skipped: HIDDEN };
    const data = (sheet as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
    // (a stub is a cell without a value: a formula never computed is one, an empty styled cell is none)
    const held = (cell: XLSX.CellObject | undefined) => cell !== undefined && (cell.t !== 'z' || cell.f);
    if (!sheet['!ref'] || !data.some((cells) => cells?.some(held)))
      return { name, skipped: 'an empty sheet / 空工作表' };
    const range = XLSX.utils.decode_range(sheet['!ref']);
    // the range the sheet states, widened to every cell it holds: a stale dimension loses nothing
    data.forEach((cells, r) => {
      if (!cells?.some(held)) return;
      range.s.r = Math.min(range.s.r, r);
      range.e.r = Math.max(range.e.r, r);
      cells.forEach((cell, c) => {
        if (!held(cell)) return;
        range.s.c = Math.min(range.s.c, c);
        range.e.c = Math.max(range.e.c, c);
      });
    });
    // every row of the sheet's range, blank ones too, each with every column of the range
    const rows: { row: string[]; at: number }[] = [];
    const yearless: YearlessDate[] = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const cells = data[r];
      const row: string[] = new Array(range.e.c - range.s.c + 1);
      for (let c = range.s.c; c <= range.e.c; c++) {
        const cell = cells?.[c];
        row[c - range.s.c] = cellText(cell);
        if (cell?.v instanceof Date && typeof cell.z === 'string' && hidesYear(cell.z))
          yearless.push({
            at: r + 1,
            column: c - range.s.c,
            year: String(cell.v.getUTCFullYear()),
            month: cell.v.getUTCMonth() + 1,
          });
      }
      rows.push({ row, at: r + 1 });
    }
    return {
      name,
      rows,
      columnOf: (index) => XLSX.utils.encode_col(range.s.c + index),
      merges: sheetMerges(sheet['!merges'] ?? [], range.s.c),
      hidden: {
        rows: (sheet['!rows'] ?? []).flatMap((p, r) => (p?.hidden ? [r + 1] : [])),
        columns: (sheet['!cols'] ?? []).flatMap((p, c) =>
          p?.hidden && c >= range.s.c && c <= range.e.c ? [c - range.s.c] : [],
        ),
      },
      yearless,
    };
  });
}
