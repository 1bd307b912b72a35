/**
 * Stage 1 of the metrics import: every CSV of a folder, parsed with papaparse row by row (never held whole as
 * objects), each value checked and converted, and written to two staging files: values accepted so far and
 * values rejected with the reason. Duplicates are found in stage 2 (publish.ts), in DuckDB. One file is staged by
 * file.ts; the other modules of this folder each hold one step (decode, columns, units, rows, staging).
 */
import { open, readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Reference } from '../reference/index.ts';
import { type FileSummary, NO_COUNTS, newSummary, refuse } from './accounting.ts';
import { type Mapping, placeKey, stationCells, stationsBuiltIn } from './columns.ts';
import { decodeChunks, sniffEncoding } from './decode.ts';
import type { Duck } from './fast.ts';
import { sidecarOf, stageFile, stageFileFast, stageSheet } from './file.ts';
import { type CountyLookup, countyLookup } from './lookups.ts';
import { headerCell } from './parse.ts';
import { REASONS } from './reasons.ts';
import { unsettledMonths } from './rows.ts';
import {
  ACCEPTED_COLUMNS,
  type Hindsight,
  newHindsight,
  REJECTED_COLUMNS,
  StagingFile,
  writeEmpty,
} from './staging.ts';
import type { Sheet } from './workbook.ts';

export type { FileSummary } from './accounting.ts';
export { decodeChunks, sniffEncoding } from './decode.ts';
export { cellCountWording, REASONS, type Reason } from './reasons.ts';
export { ACCEPTED_COLUMNS, REJECTED_COLUMNS } from './staging.ts';

/** The staging files of a folder, one pair per input file (and an empty pair), with each file's summary. */
export interface Staging {
  /** staging files, one pair per input file */
  accepted: string[];
  rejected: string[];
  summaries: FileSummary[];
  /** the files and sheets not read, each with why (a .docx, Excel's lock file, a hidden sheet) */
  skipped: { file: string; reason: string }[];
}

/** Parses every .csv of `dir` into the staging files in `tmp`. One bad file does not stop the others. */
export async function stageMetrics(
  dir: string,
  tmp: string,
  ref: Reference,
  problem: (line: string) => void,
  /** the import's DuckDB connection: a CSV file's data rows are checked there (fast.ts) when it has one */
  duck: Duck | null = null,
  /** how long SheetJS may read one workbook (workbook.ts readWorkbook); by its size, unless told */
  workbookSeconds?: number,
): Promise<Staging> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  } catch (e) {
    throw new Error(`cannot read the metrics folder ${dir}: ${(e as Error).message}`);
  }
  const staging: Staging = { accepted: [], rejected: [], summaries: [], skipped: [] };
  const skip = (file: string, reason: string) => {
    staging.skipped.push({ file, reason });
    problem(`skipped ${file}: ${reason}`);
  };
  const isWorkbook = (n: string) => /\.xlsx?$/i.test(n);
  // Excel's lock file (~$book.xlsx, left beside a workbook while it is open) holds a user name, not a workbook
  const isLock = (n: string) => n.startsWith('~$');
  for (const lock of names.filter(isLock))
    skip(join(dir, lock), "Excel's lock file, not a workbook / Excel 的锁定文件，不是工作簿，已跳过");
  names = names.filter((n) => !isLock(n));
  // text tables: a CSV, and what Excel saves as Text (Tab delimited) or Unicode Text (.txt), or a .tsv
  const isText = (n: string) => /\.(?:csv|tsv|txt)$/i.test(n);
  const isData = (n: string) => isText(n) || isWorkbook(n);
  // a mapping sidecar (report.yaml beside report.csv) is read with its file, not skipped
  const sidecars = new Set(names.filter(isData).map((n) => sidecarOf(n)));
  for (const other of names.filter((n) => !isData(n) && !sidecars.has(n)))
    skip(
      join(dir, other),
      'not a .csv, .tsv, .txt, .xlsx or .xls file / 非 .csv、.tsv、.txt、.xlsx 或 .xls 文件，已跳过',
    );
  const county = countyLookup(ref);
  // a pair with headers only, so that a folder without a usable file still gives (empty) tables
  const empty = [join(tmp, 'accepted-none.csv'), join(tmp, 'rejected-none.csv')] as const;
  writeEmpty(empty[0], ACCEPTED_COLUMNS);
  writeEmpty(empty[1], REJECTED_COLUMNS);
  staging.accepted.push(empty[0]);
  staging.rejected.push(empty[1]);
  let n = 0;
  const pair = () => {
    const paths = [join(tmp, `accepted-${n}.csv`), join(tmp, `rejected-${n}.csv`)] as const;
    n++;
    staging.accepted.push(paths[0]);
    staging.rejected.push(paths[1]);
    return paths;
  };
  for (const name of names.filter(isData)) {
    const path = join(dir, name);
    const file = relative(process.cwd(), path) || name;
    let mapping: Awaited<ReturnType<typeof readMapping>>;
    try {
      mapping = await readMapping(dir, name);
    } catch (e) {
      staging.summaries.push(await stageOne(path, file, county, pair(), (e as Error).message));
      continue;
    }
    // a .txt of notes (说明.txt beside the reports) has no table to read: named and skipped, not refused
    if (/\.txt$/i.test(name) && !(await holdsTable(path))) {
      skip(file, 'no table, only text / 没有表格，只有文字');
      continue;
    }
    // a workbook that is text (a CSV renamed .xls, as web systems export one) is read as the text it is
    if (!isWorkbook(name) || (await isTextFile(path))) {
      staging.summaries.push(
        await stageOne(path, file, county, pair(), null, null, mapping, duck ? { duck, tmp } : null),
      );
      continue;
    }
    // a workbook: each sheet is read as a file of its own (book.xlsx!Sheet1); a sheet that is not a table is named
    let sheets: Sheet[];
    try {
      // SheetJS is loaded by a folder with a workbook only
      const { readWorkbook } = await import('./workbook.ts');
      sheets = await readWorkbook(path, workbookSeconds);
    } catch (e) {
      staging.summaries.push(await stageOne(path, file, county, pair(), (e as Error).message));
      continue;
    }
    // one workbook is one report: stations named on one sheet beside another figure of theirs on another
    // (村级服务站 | 未运营村级服务站) are the stations built there too (columns.ts stationsBuiltIn)
    // (only where the workbook has another sheet to read: a one-sheet workbook's cells are not scanned)
    const read = sheets.flatMap((s) => ('rows' in s ? [s] : []));
    const stations = read.length > 1 ? read.map((s) => [s.name, stationCells(s.rows)] as const) : [];
    for (const sheet of sheets) {
      if ('skipped' in sheet) {
        skip(`${file}!${sheet.name}`, sheet.skipped);
        continue;
      }
      const elsewhere = new Map<string, string>();
      for (const [name, cells] of stations)
        if (name !== sheet.name) for (const c of cells) if (!elsewhere.has(c)) elsewhere.set(c, name);
      staging.summaries.push(
        await stageOne(path, `${file}!${sheet.name}`, county, pair(), null, sheet, mapping, null, elsewhere),
      );
    }
  }
  return staging;
}

/** Whether a text file's first 64 KB hold a line of two cells or more (apart by a tab, a comma or a semicolon). */
async function holdsTable(path: string): Promise<boolean> {
  let text = '';
  try {
    for await (const chunk of decodeChunks(path, await sniffEncoding(path))) {
      text += chunk;
      if (text.length > 65_536) break;
    }
  } catch {
    // a file that cannot be decoded is read, and refused by name
    return true;
  }
  return text.split(/\r\n|\r|\n/).some((line) => line.split(/[\t,;]/).filter((c) => c.trim()).length >= 2);
}

/**
 * Whether a file named as a workbook holds text: neither an OLE2 compound file (.xls, an encrypted .xlsx), a zip
 * archive (.xlsx) nor markup (an HTML or XML table, which SheetJS reads), but a CSV under another name.
 */
async function isTextFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, 512, 0);
    const b = head.subarray(0, bytesRead);
    if (b.length === 0) return false;
    if (b.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return false;
    if (b.subarray(0, 2).toString('latin1') === 'PK') return false;
    // UTF-16 with its BOM, or bytes with no control character but tab and line breaks (an old BIFF stream has many)
    const utf16 =
      b[0] === 0xff && b[1] === 0xfe ? 'utf16le' : b[0] === 0xfe && b[1] === 0xff ? 'utf16be' : null;
    if (!utf16 && b.some((x) => x < 0x09 || (x > 0x0d && x < 0x20) || x === 0x0b || x === 0x0c)) return false;
    const text = utf16 === 'utf16le' ? b.subarray(2).toString('utf16le') : b.toString('latin1');
    // not markup: an HTML or XML table saved as .xls is SheetJS's to read
    return !text
      .replace(/^(?:\xef\xbb\xbf|\xfe\xff|\xff\xfe)/, '')
      .replace(/\0/g, '')
      .trimStart()
      .startsWith('<');
  } finally {
    await handle.close();
  }
}

/** Stages one file into its pair of staging files; a refused file's pair is rewritten to hold only its refusal. */
async function stageOne(
  path: string,
  file: string,
  county: CountyLookup,
  paths: readonly [string, string],
  /** why a workbook cannot be read at all */
  unreadable: string | null = null,
  /** the sheet of a workbook to stage, instead of a CSV file */
  sheet: Extract<Sheet, { rows: unknown }> | null = null,
  mapping: Awaited<ReturnType<typeof readMapping>> | null = null,
  /** DuckDB for a CSV file's data rows (stageFileFast), and a folder for its decoded copy */
  fast: { duck: Duck; tmp: string } | null = null,
  /** for a sheet, the names of stations the workbook's other sheets give, with their sheet (columns.ts stationCells) */
  elsewhere?: ReadonlyMap<string, string>,
): Promise<FileSummary> {
  /** the file staged into a new pair of staging files, knowing what a reading of it found (Hindsight) */
  const stage = async (hindsight: Hindsight, again: boolean): Promise<FileSummary> => {
    const accepted = new StagingFile(paths[0], ACCEPTED_COLUMNS);
    const rejected = new StagingFile(paths[1], REJECTED_COLUMNS);
    try {
      const quick =
        fast && unreadable === null && !sheet && !again
          ? await stageFileFast(
              path,
              file,
              county,
              accepted,
              rejected,
              mapping ?? { columns: {}, name: sidecarOf(file) },
              fast.duck,
              fast.tmp,
            )
          : null;
      return (
        quick ??
        (unreadable !== null
          ? refuse(newSummary(file), 'unreadable_file', unreadable)
          : sheet
            ? stageSheet(sheet, file, county, accepted, rejected, mapping ?? undefined, hindsight)
            : await stageFile(path, file, county, accepted, rejected, mapping ?? undefined, hindsight))
      );
    } finally {
      accepted.close();
      rejected.close();
    }
  };
  const first = newHindsight(undefined, elsewhere);
  let summary = await stage(first, false);
  // rows naming the stations built (村级服务站 in a file with rows of 运营村级服务站), a month cell naming another
  // year than the title's, a county's months crossing a year, and a count's fraction with no unit stated, known
  // once every row was read: the file read
  // again knowing them (the DuckDB path knows the names before it reads the rows, and leaves a file with such a
  // month cell or fraction to JavaScript: fast.ts)
  const known = {
    ...first,
    built: stationsBuiltIn(first.names, first.elsewhere),
    unsettled: unsettledMonths(first.months),
  };
  // (a table whose month cells name another year is read again only if one of its cells took the title's year)
  const otherYear = [...known.otherYear].some((t) => known.titleYear.has(t));
  if (
    !summary.error &&
    (known.built.size > 0 || otherYear || known.unitNotStated.size > 0 || known.unsettled.size > 0)
  )
    summary = await stage(newHindsight(known), true);
  if (summary.error) {
    // a file that fails part-way contributes nothing but the reason it failed
    const accepted = new StagingFile(paths[0], ACCEPTED_COLUMNS);
    const rejected = new StagingFile(paths[1], REJECTED_COLUMNS);
    const [zh, en] = summary.errorWording ?? REASONS[summary.errorReason!];
    rejected.push([file, 0, '', 'file', 'file', summary.error, summary.errorReason!, zh, en, null]);
    accepted.close();
    rejected.close();
    Object.assign(summary, NO_COUNTS, { ignoredColumns: [], notes: [] });
  }
  return summary;
}

/**
 * A data file's mapping sidecar (data/metrics/<file>.yaml: `columns:` header → county, month, a long file's metric
 * or value column, or a metric code and its unit), with its name; the name alone, for the message, when there is
 * none. Throws, naming it, when it is not a mapping.
 */
async function readMapping(
  dir: string,
  name: string,
): Promise<{ columns: Mapping; name: string; county?: string }> {
  const path = join(dir, sidecarOf(name));
  const shown = relative(process.cwd(), path) || sidecarOf(name);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { columns: {}, name: shown };
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (e) {
    throw new Error(`${shown}: not YAML: ${(e as Error).message}`);
  }
  // (county: the county of a report that names itself only as 我县, by name or code)
  const given = (parsed as { county?: unknown } | null)?.county;
  const county = typeof given === 'number' ? String(given) : given;
  if (county !== undefined && (typeof county !== 'string' || county.trim() === ''))
    throw new Error(`${shown}: county: names the county of the report, by its name or code (county: 东港市)`);
  const columns =
    (parsed as { columns?: unknown } | null)?.columns ?? (county !== undefined ? {} : undefined);
  if (!columns || typeof columns !== 'object' || Object.values(columns).some((v) => typeof v !== 'string'))
    throw new Error(
      `${shown}: needs columns: a header → county, month, metric, value or a metric code and unit, one per line (or county: the county of a report naming only 我县)`,
    );
  // a header as the file writes it (网络零售额（本月）) is the header as it is read, a place as 第 1 列; one named
  // twice so (第1列 and 第 1 列（无表头）) is refused, not one of the two kept
  const keys = Object.entries(columns as Mapping).map(
    ([h, role]) => [placeKey(h) ?? headerCell(h), role] as const,
  );
  const twice = keys.find(([k], i) => keys.findIndex(([j]) => j === k) !== i);
  if (twice) throw new Error(`${shown}: names the column ${twice[0]} twice / 映射文件两次写了同一列`);
  return {
    columns: Object.fromEntries(keys),
    name: shown,
    ...(county !== undefined && { county: county.trim() }),
  };
}
