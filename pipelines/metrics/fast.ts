/**
 * The data rows of a metrics CSV, checked and converted in DuckDB: the rows under the header are read as lines
 * (one record per line), split into cells, classified (blank, note, total, data) and each value checked in the
 * order stageRow checks it (rows.ts), with the rules' own JavaScript applied once per distinct spelling: a county
 * cell (lookups.ts countyLookup), a month, a metric's name and the factor of its unit. Numbers are read in SQL as
 * parseValue reads them, and converted as convert does. The values go straight into DuckDB tables beside the
 * staging files of the files read in JavaScript, so that stage 2 (publish.ts) sees one set of staged values.
 *
 * A file whose records are not its lines (a quoted cell with a line break, a quote inside a cell, a lone carriage
 * return) is not read here: stageRows returns null and the file is read record by record in JavaScript (file.ts).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { sqlString } from '../publish/tables.ts';
import { headlessColumns, isCountyHeader, type Plan, stationsBuilt } from './columns.ts';
import { footerNoteSource } from './heading.ts';
import { type CountyLookup, factorOf, metricCached, monthOf, monthWithYear } from './lookups.ts';
import { monthFault } from './parse.ts';
import { cellCountWording, REASONS } from './reasons.ts';
import { metricCell, NO_DATA, namesAnother, scaledCount, TOTAL, totalEdge } from './rows.ts';
import { METRIC_INFO, type Metric, unitOf } from './vocabulary.ts';

/** A statement on the import's DuckDB connection, and a query whose rows are read back. */
export interface Duck {
  run: (sql: string) => Promise<void>;
  all: (sql: string) => Promise<Record<string, unknown>[]>;
}

const sql = (s: string | null) => (s === null ? 'NULL' : sqlString(s));

/** The characters JavaScript's trim() removes, as an RE2 class. */
const SPACE = String.raw`[\t\n\x0B\f\r \x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]`;
/** NO_DATA in RE2, whose \s is ASCII's: a space between two dashes may be any (—\u3000—), as in JavaScript. */
const noData = NO_DATA.source.slice(1, -1).replaceAll('\\s', SPACE);
/** Full-width characters and their ASCII forms, as parse.ts ascii() maps them (the ideographic space to a space). */
const FULL_WIDTH = `${Array.from({ length: 94 }, (_, i) => String.fromCharCode(0xff01 + i)).join('')}\u3000`;
const HALF_WIDTH = `${Array.from({ length: 94 }, (_, i) => String.fromCharCode(0x21 + i)).join('')} `;
/** An ASCII character's full-width form (县 stays 县). */
const toFullWidth = (c: string) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c);
/** One CSV cell as papaparse reads it when records are lines: quoted ("a,b", "x""y") or without a quote. */
const CELL = '(?:"(?:[^"]|"")*"|[^,"]*)';
/** A value's source and note cells joined as rows.ts joins them (' · '), null when both are empty. */
const joinNotes = (source: string, note: string) =>
  `CASE WHEN ${source} = '' THEN nullif(${note}, '') WHEN ${note} = '' THEN ${source}
    ELSE ${source} || ' · ' || ${note} END`;

/**
 * The tables the fast path fills, created once per import, and their views with the staging files' columns
 * (staging.ts). A million values are held here, so a value's row is kept narrow: its file by number, its reason as
 * an enum, and what a rejection says (its field, its wording) looked up by the view.
 */
export async function createFastTables(duck: Duck): Promise<void> {
  await duck.run('CREATE TABLE fast_files (file_id INTEGER, file VARCHAR)');
  await duck.run(
    `CREATE TYPE fast_reason AS ENUM (${Object.keys(REASONS)
      .map((r) => sql(r))
      .join(', ')})`,
  );
  await valuesTable(
    duck,
    'fast_reasons',
    ['reason VARCHAR', 'zh VARCHAR', 'en VARCHAR'],
    Object.entries(REASONS).map(([r, [zh, en]]) => [r, zh, en]),
  );
  // a rejection for the wrong number of cells says how many: its wording per file and count of cells
  await duck.run('CREATE TABLE fast_wording (file_id INTEGER, cells INTEGER, zh VARCHAR, en VARCHAR)');
  // one row per value checked here, accepted (no reason) or not; read by stage 2 as the two staging tables
  await duck.run(`CREATE TABLE fast_values (file_id INTEGER, line BIGINT, "column" VARCHAR, county_code VARCHAR,
    month VARCHAR, metric VARCHAR, value DOUBLE, unit VARCHAR, synthetic BOOLEAN, note VARCHAR, raw_value VARCHAR,
    reason fast_reason, rejected_value VARCHAR, cells INTEGER)`);
  // (vid: the value's own number, its row in fast_values; publish.ts numbers the other staged values below 0)
  await duck.run(`CREATE VIEW fast_staged AS SELECT f.file, v.line, v."column", v.county_code, v.month, v.metric,
    v.value, v.unit, v.synthetic, v.note, v.raw_value, NULL::VARCHAR AS cell, v.rowid AS vid
    FROM fast_values v JOIN fast_files f USING (file_id) WHERE v.reason IS NULL`);
  await duck.run(`CREATE VIEW fast_rejected AS SELECT f.file, v.line, v."column", 'value' AS scope,
      CASE WHEN v.reason IN ('unterminated_last_line', 'cell_count') THEN 'line'
        WHEN v.reason IN ('missing_county', 'not_a_county', 'outside_title_place', 'unknown_county', 'ambiguous_county',
          'county_mismatch')
          THEN 'county'
        WHEN v.reason IN ('bad_month', 'ambiguous_month', 'period_not_month') THEN 'month'
        WHEN v.reason IN ('unknown_metric', 'stations_built') THEN 'metric'
        WHEN v.reason IN ('missing_unit', 'bad_unit') THEN 'unit'
        ELSE 'value' END AS field,
      v.rejected_value AS raw_value, CAST(v.reason AS VARCHAR) AS reason, coalesce(w.zh, r.zh) AS reason_zh,
      coalesce(w.en, r.en) AS reason_en, NULL::VARCHAR AS cell
    FROM fast_values v JOIN fast_files f USING (file_id)
      LEFT JOIN fast_reasons r ON r.reason = CAST(v.reason AS VARCHAR)
      LEFT JOIN fast_wording w ON v.reason = 'cell_count' AND w.file_id = v.file_id AND w.cells = v.cells
    WHERE v.reason IS NOT NULL`);
  // trim() as JavaScript trims; the regular expression only where a cell starts or ends with such a character
  await duck.run(`CREATE MACRO jtrim(s) AS CASE WHEN regexp_matches(s, '^${SPACE}|${SPACE}$')
    THEN regexp_replace(s, '^${SPACE}+|${SPACE}+$', '', 'g') ELSE coalesce(s, '') END`);
  await duck.run(`CREATE MACRO signed(t) AS CASE WHEN left(t, 1) IN ('+', '-')
      THEN regexp_replace(t, '^([+-])${SPACE}+', '\\1') ELSE t END`);
  await duck.run(
    // (a no-break, thin or narrow space groups digits as a space does; a zero-width space is dropped)
    `CREATE MACRO number_text(s) AS signed(jtrim(translate(s, '０１２３４５６７８９．，＋－　\u00a0\u2009\u202f\u200b\u200c\u200d\u2060',
      '0123456789.,+-    ')))`,
  );
  await duck.run(`CREATE MACRO parsed(t) AS CASE WHEN regexp_full_match(t,
    '[+-]?(?:\\d{1,3}(?:[, ]\\d{3})+|\\d+)(?:\\.\\d+)?|[+-]?\\.\\d+')
    THEN TRY_CAST(replace(replace(t, ',', ''), ' ', '') AS DOUBLE) END`);
  // a trimmed cell as a number, as parseValue reads it: digits with at most one point inside (most cells) cast
  // at once, anything else through the full reading (full-width digits, signs, thousands separators)
  // (more digits than a double holds are no number, as parseValue's Infinity is none)
  await duck.run(`CREATE MACRO finite(n) AS CASE WHEN isfinite(n) THEN n END`);
  await duck.run(`CREATE MACRO number(s) AS finite(CASE
    WHEN regexp_full_match(s, '\\d+(?:\\.\\d+)?') THEN CAST(s AS DOUBLE)
    ELSE parsed(number_text(s)) END)`);
}

/** What a file's data rows gave: the counts its summary takes, and the text of its note rows. */
export interface FastCounts {
  records: number;
  blankRows: number;
  titleRows: number;
  totalRows: number;
  rows: number;
  values: number;
  rowsWithoutValues: number;
  accepted: number;
  rejected: number;
  notes: string[];
  /** the columns with an empty header that hold a value in a data row (columns.ts headlessColumns) */
  headless: number[];
}

/** The file's bytes counted: line feeds, carriage returns, and whether the last byte is a line break. */
function lineBreaks(path: string): { lf: number; cr: number; terminated: boolean } {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  let lf = 0;
  let cr = 0;
  let last = -1;
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) {
      for (let i = buf.indexOf(10); i !== -1 && i < n; i = buf.indexOf(10, i + 1)) lf++;
      for (let i = buf.indexOf(13); i !== -1 && i < n; i = buf.indexOf(13, i + 1)) cr++;
      last = buf[n - 1]!;
    }
  } finally {
    closeSync(fd);
  }
  return { lf, cr, terminated: last === 10 || last === 13 };
}

/** A small table of JavaScript's answers, as a VALUES list of typed columns ("name TYPE"), empty when there is none. */
export async function valuesTable(
  duck: Duck,
  name: string,
  columns: string[],
  rows: (string | number | boolean | null)[][],
) {
  const cell = (v: string | number | boolean | null) =>
    typeof v === 'number' || typeof v === 'boolean' ? String(v) : sql(v);
  const names = columns.map((c) => c.split(' ')[0]!);
  const body = rows.length
    ? rows.map((r) => `(${r.map(cell).join(', ')})`).join(',\n')
    : `(${columns.map(() => 'NULL').join(', ')})`;
  const typed = columns
    .map((c) => {
      const [n, t] = c.split(' ');
      return `CAST(${n} AS ${t}) AS ${n}`;
    })
    .join(', ');
  await duck.run(`CREATE OR REPLACE TEMP TABLE ${name} AS SELECT ${typed} FROM (VALUES ${body}) t(${names.join(', ')})
    ${rows.length ? '' : 'WHERE false'}`);
}

const distinct = async (duck: Duck, expr: string, from: string) =>
  (await duck.all(`SELECT DISTINCT ${expr} AS v FROM ${from}`)).map((r) => String(r.v ?? ''));

/**
 * Whether a file of this plan has its data rows read here: one column per metric or a long file, its county and
 * month in columns. A county or month named only above the header, a 年份 column, a 代码 column that may number
 * indicators mark files of a few rows, read in JavaScript, as is one column per month or per county.
 */
export const fastPlan = (p: Plan) =>
  (p.form === 'long' || (p.form === 'wide' && p.unit === null)) &&
  !p.given &&
  !p.codeOrAbove &&
  p.yearColumn == null;

/** What stageRows reads: a UTF-8 file, its name in the tables, its first data row, its plan and header. */
interface RowsInput {
  path: string;
  file: string;
  dataLine: number;
  plan: Plan;
  header: string[];
  county: CountyLookup;
}

/**
 * Reads the data rows of a UTF-8 file from `dataLine` (its first data row) to its end into fast_values (read by
 * stage 2 as fast_staged and fast_rejected); null when its records are not its lines, or when DuckDB cannot take
 * them after all (none of its rows is then kept): the caller then reads the file in JavaScript. The file's lines
 * and cells are not kept for the next file or stage 2.
 */
export async function stageRows(duck: Duck, f: RowsInput): Promise<FastCounts | null> {
  const [row] = await duck.all('SELECT coalesce(max(file_id), 0) + 1 AS id FROM fast_files');
  const id = Number(row!.id);
  await duck.run(`INSERT INTO fast_files VALUES (${id}, ${sql(f.file)})`);
  try {
    const counts = await readRows(duck, { ...f, id });
    if (counts === null) await dropRows(duck, f.file);
    return counts;
  } catch {
    await dropRows(duck, f.file);
    return null;
  } finally {
    await duck.run('DROP TABLE IF EXISTS lines');
    await duck.run('DROP TABLE IF EXISTS cells');
  }
}

/** Removes what stageRows kept of a file (a file refused after its rows were read contributes nothing). */
export async function dropRows(duck: Duck, file: string): Promise<void> {
  const id = `(SELECT file_id FROM fast_files WHERE file = ${sql(file)})`;
  for (const table of ['fast_values', 'fast_wording', 'fast_files'])
    await duck.run(`DELETE FROM ${table} WHERE file_id IN ${id}`);
}

async function readRows(duck: Duck, f: RowsInput & { id: number }): Promise<FastCounts | null> {
  const { plan: p, header } = f;
  if (!fastPlan(p)) return null;
  const breaks = lineBreaks(f.path);
  // \r\n throughout, or \n alone: a lone \r is a line break papaparse and DuckDB may not agree on
  if (breaks.cr !== 0 && breaks.cr !== breaks.lf) return null;
  try {
    await duck.run('SET preserve_insertion_order = true');
    await duck.run(`CREATE OR REPLACE TEMP TABLE lines AS SELECT text FROM read_csv(${sql(f.path)},
      columns = {'text': 'VARCHAR'}, header = false, delim = '\\0', quote = '', escape = '', auto_detect = false,
      strict_mode = false, buffer_size = ${4 << 20})`);
  } catch {
    return null;
  } finally {
    await duck.run('SET preserve_insertion_order = false');
  }
  const [{ n }] = (await duck.all('SELECT count(*) AS n FROM lines')) as [{ n: bigint }];
  const lines = Number(n);
  if (lines !== breaks.lf + (breaks.terminated ? 0 : 1)) return null;

  // every line from the first data row, split into its cells as papaparse splits them, the cells trimmed (at
  // once when the line holds no space-like character at all), and what it is: blank, a note under the data, a
  // totals row, or data (file.ts classify, in its order); and whether its quotes are not those of whole cells
  const split = `CASE WHEN text IS NULL THEN ['']
      WHEN NOT contains(text, '"') THEN string_split(text, ',')
      ELSE list_transform(regexp_extract_all(',' || text, ',(${CELL})', 1),
        x -> CASE WHEN starts_with(x, '"') THEN replace(x[2:-2], '""', '"') ELSE x END) END`;
  const at = (i: number | null) => (i === null ? "''" : `coalesce(t[${i + 1}], '')`);
  const nonEmpty = `list_filter(t, x -> x <> '')`;
  const isNote = `(len(${nonEmpty}) = 1 AND NOT regexp_full_match(${nonEmpty}[1], '[\\d.,\\-+]+')
      OR len(${nonEmpty}) >= 2 AND list_bool_and(list_transform(${nonEmpty}, x -> regexp_matches(x, '[:：]'))))`;
  // (CASE, not AND: DuckDB evaluates both sides of an AND on every row, the costly test too)
  const total = (x: string) =>
    `CASE WHEN regexp_matches(${x}, '${totalEdge(SPACE)}')
      THEN regexp_full_match(regexp_replace(${x}, '${SPACE}', '', 'g'), '${TOTAL.source.slice(1, -1)}') ELSE false END`;
  // most lines are clean: no space-like character, and quotes (if any) only around cells without a comma; their
  // cells are the line split at its commas, without its quotes, already trimmed. Cheap tests on the line first
  // (most rows are data); the cells only where those pass.
  const SPACES = SPACE.slice(1, -1);
  const clean = `(?:"[^",${SPACES}]*"|[^,"${SPACES}]*)`;
  await duck.run(`CREATE OR REPLACE TEMP TABLE cells AS SELECT line, CASE WHEN len(t) <> ${header.length} THEN text END AS text, t,
      CASE WHEN text IS NULL THEN 'blank'
        WHEN NOT regexp_matches(text, '[^,"${SPACES}]') AND len(${nonEmpty}) = 0 THEN 'blank'
        WHEN CASE WHEN regexp_matches(text, '^"?${SPACE}*${footerNoteSource(p.metric)}')
          THEN ${isNote} ELSE false END THEN 'note'
        WHEN ${total(at(p.county))} OR ${total(at(0))} THEN 'total'
        ELSE 'data' END AS kind,
      CASE WHEN clean OR NOT contains(text, '"') THEN false
        ELSE NOT regexp_full_match(text, '${CELL}(?:,${CELL})*') END AS bad,
      coalesce(contains(text, '单位'), false) AS unitish
    FROM (SELECT line, text, clean, CASE WHEN clean THEN c ELSE list_transform(c, x -> jtrim(x)) END AS t
      FROM (SELECT line, text, clean, CASE
          WHEN clean THEN string_split(CASE WHEN contains(text, '"') THEN replace(text, '"', '') ELSE text END, ',')
          ELSE ${split} END AS c
        FROM (SELECT rowid + 1 AS line, text, coalesce(regexp_full_match(text, '${clean}(?:,${clean})*'), false) AS clean
          FROM lines WHERE rowid + 1 >= ${f.dataLine}
          -- an empty last line after the last line break is not a record, as the record reader counts (records.ts)
          ${breaks.terminated ? `AND NOT (rowid + 1 = ${lines} AND text IS NULL)` : ''})))`);
  await duck.run('DROP TABLE lines');
  // a data row gives values when it has the wrong number of cells (a rejection) or a value cell not empty; every
  // row of a long file gives its value, none of a file without a metric column
  const valueCells = p.form === 'long' ? [p.value!] : p.metrics.map((m) => m.index);
  const hasValue =
    valueCells.length === 0
      ? 'false'
      : p.form === 'long'
        ? 'true'
        : `(len(t) <> ${header.length} OR ${valueCells.map((i) => `${at(i)} <> ''`).join(' OR ')})`;
  // a row repeating the header's county cell, in full-width brackets or not (cheap test first: its first character)
  const headless = headlessColumns(p, header);
  const head = header[p.county!] ?? '';
  const firsts = [head.charAt(0), toFullWidth(head.charAt(0))].map(sql).join(', ');
  const again = `CASE WHEN left(${at(p.county)}, 1) IN (${firsts})
    THEN jtrim(translate(${at(p.county)}, ${sql(FULL_WIDTH)}, ${sql(HALF_WIDTH)})) = ${sql(head)} ELSE false END`;
  const [k] = (await duck.all(`SELECT count(*) AS records,
      count(*) FILTER (WHERE kind = 'blank') AS blank, count(*) FILTER (WHERE kind = 'note') AS notes,
      count(*) FILTER (WHERE kind = 'total') AS totals, count(*) FILTER (WHERE kind = 'data') AS rows,
      count(*) FILTER (WHERE bad) AS bad, count(*) FILTER (WHERE kind = 'data' AND NOT ${hasValue}) AS without,
      count(*) FILTER (WHERE kind = 'data' AND ${again}) AS again,
      count(*) FILTER (WHERE unitish) AS unitish${headless
        .map(
          (i) => `,
      count(*) FILTER (WHERE kind = 'data' AND ${at(i)} <> '') AS headless_${i}`,
        )
        .join('')}
    FROM cells`)) as [Record<string, bigint>];
  // (a second table stacked under the first, its header repeated: read in JavaScript, table by table; and a row
  // naming a 单位, which may be a note giving a unit under the data, 单位：万件, that refuses the file: file.ts
  // unitBelow)
  if (Number(k.bad) > 0 || Number(k.again) > 0 || Number(k.unitish) > 0) return null;
  const notes = await duck.all(
    `SELECT array_to_string(${nonEmpty}, ' ') AS t FROM cells WHERE kind = 'note' ORDER BY line`,
  );

  // the values of each data row: the value column of a long file, each metric column of a wide one
  const columns =
    p.form === 'long'
      ? `SELECT ${p.value! + 1} AS i, ${sql(header[p.value!]!)} AS col, NULL AS name, NULL AS unit`
      : p.metrics.length
        ? p.metrics
            .map(
              (m) =>
                `SELECT ${m.index + 1} AS i, ${sql(header[m.index]!)} AS col, ${sql(m.name)} AS name, ${sql(m.unit)} AS unit`,
            )
            .join(' UNION ALL ')
        : 'SELECT NULL::INT AS i, NULL AS col, NULL AS name, NULL AS unit WHERE false';
  const misfit = `len(k.t) <> ${header.length}`;
  // a row rejected whole, as papaparse's unparse writes it (rows.ts): a cell quoted when it holds a comma, a quote,
  // a line break or a BOM, or starts or ends with a space
  const unparsed = `array_to_string(list_transform(${split.replaceAll('text', 'k.text')}, x -> CASE WHEN regexp_matches(x, '[",\\r\\n\\x{FEFF}]|^ | $')
    THEN '"' || replace(x, '"', '""') || '"' ELSE x END), ',')`;
  const data = `cells k WHERE k.kind = 'data'`;
  // the rules, in JavaScript, once per distinct spelling: a county cell, a month, a metric's name with its unit
  // (with a name column beside the code column, each code with the names beside it: those of another county
  // reject their rows, rows.ts namesAnother)
  const pairs = await duck.all(
    `SELECT DISTINCT ${at(p.county)} AS k, ${p.countyName === undefined ? "''" : at(p.countyName)} AS n FROM ${data}`,
  );
  const codeOf = new Map<string, ReturnType<CountyLookup>>();
  for (const { k } of pairs) if (!codeOf.has(String(k))) codeOf.set(String(k), f.county(String(k)));
  const counties = [...codeOf].map(([raw, r]) => [
    raw,
    'code' in r ? r.code : null,
    'reason' in r ? r.reason : null,
  ]);
  const mismatched = pairs.flatMap(({ k, n }) => {
    const r = codeOf.get(String(k))!;
    return 'code' in r && namesAnother(f.county, r.code, String(n)) ? [[String(k), String(n)]] : [];
  });
  // (a county column headed otherwise in the data, 县（市、区） under 县区: a stacked table, read in JavaScript)
  if (counties.some(([raw]) => typeof raw === 'string' && isCountyHeader(raw))) return null;
  await valuesTable(duck, 'county_map', ['county_key VARCHAR', 'code VARCHAR', 'reason VARCHAR'], counties);
  if (mismatched.length)
    await valuesTable(duck, 'name_mismatch', ['county_key VARCHAR', 'name_key VARCHAR'], mismatched);
  const nameRaw = p.countyName === undefined ? "''" : at(p.countyName);
  const monthCells = await distinct(duck, at(p.month), data);
  // (month cells that take the title's year: whether they may depends on the cells of their column and of their
  // county above and below them, read in JavaScript in their order: rows.ts yearFor)
  if (p.year && monthCells.some((raw) => !monthOf(raw))) return null;
  const months = monthCells.map((raw) => {
    const m = monthWithYear(raw, p.year, false, p.bareMonths);
    return [raw, m, m ? null : monthFault(raw)];
  });
  await valuesTable(duck, 'month_map', ['month_key VARCHAR', 'month VARCHAR', 'reason VARCHAR'], months);
  const named =
    p.form === 'long'
      ? await duck.all(`SELECT DISTINCT ${at(p.metric)} AS name, ${at(p.unit)} AS unit_cell FROM ${data}`)
      : p.metrics.map((m) => ({ name: m.name, unit_cell: m.unit }));
  // a metric column given twice (two headers 快递业务量（件）) is one spelling: one row of the map
  const spellings = [...new Map(named.map((u) => [`${u.name ?? ''}|${u.unit_cell ?? ''}`, u])).values()];
  const labelled = spellings.map((u) => {
    const written = String(u.name ?? '');
    // (a long file's metric cell as rows.ts metricCell reads it, with a unit in brackets after the name)
    const { name, unit, blank } =
      p.form === 'long'
        ? metricCell(written, String(u.unit_cell ?? ''), p)
        : { name: written, unit: String(u.unit_cell ?? ''), blank: undefined };
    return { u, written, name, unit, blank };
  });
  // (a long file's rows of 村级服务站 beside rows of 运营村级服务站: the stations built, columns.ts stationsBuilt)
  const built = p.form === 'long' ? stationsBuilt(labelled.map((l) => l.name)) : new Set<string>();
  const metricRows = labelled.map(({ u, written, name, unit, blank }) => {
    const metric = metricCached(name) as Metric | null;
    return [
      written,
      String(u.unit_cell ?? ''),
      name,
      metric,
      unit,
      metric && !blank ? factorOf(metric, unit, name) : null,
      metric ? METRIC_INFO[metric].unit : null,
      metric ? (METRIC_INFO[metric].unit === 'yuan' ? 1 : 0) : null,
      built.has(name),
    ];
  });
  await valuesTable(
    duck,
    'metric_map',
    [
      'metric_name VARCHAR',
      'metric_unit_cell VARCHAR',
      'metric_label VARCHAR',
      'metric VARCHAR',
      'unit VARCHAR',
      'factor DOUBLE',
      'metric_unit VARCHAR',
      'money INTEGER',
      'built BOOLEAN',
    ],
    metricRows,
  );
  const lengths = (await distinct(duck, 'len(k.t)', `${data} AND ${misfit}`)).map((len) => {
    const [zh, en] = cellCountWording(Number(len), header.length);
    return [Number(len), zh, en];
  });
  await valuesTable(duck, 'misfit_wording', ['cells INTEGER', 'zh VARCHAR', 'en VARCHAR'], lengths);
  await duck.run(`INSERT INTO fast_wording SELECT ${f.id}, cells, zh, en FROM misfit_wording`);

  // each value: its first fault in stageRow's order (rows.ts), or its value converted as convert() converts it
  // the counts some spelling of which states no unit (快递业务量), whose fractions make their numbers unit_not_stated
  // (rows.ts)
  const unstated = [
    ...new Set(
      metricRows.flatMap(([written, , name, metric, unit]) =>
        metric && unit === '' && scaledCount(String(name ?? written)) ? [String(metric)] : [],
      ),
    ),
  ];
  await duck.run(`INSERT INTO fast_values
    WITH vals AS (
      SELECT k.line, CASE WHEN ${misfit} THEN ${unparsed} END AS text, len(k.t) AS cells, m.col,
        ${p.form === 'long' ? at(p.metric) : 'm.name'} AS name,
        coalesce(k.t[m.i], '') AS raw,
        ${p.form === 'long' ? at(p.unit) : 'm.unit'} AS unit_cell,
        ${at(p.county)} AS county_raw, ${nameRaw} AS name_raw, ${at(p.month)} AS month_raw,
        ${p.synthetic === null ? 'false' : `lower(${at(p.synthetic)}) IN ('true', '1', '是', 'yes')`} AS synthetic,
        ${joinNotes(at(p.source), at(p.note))} AS note,
        ${misfit} AS misfit, ${breaks.terminated ? 'false' : `k.line = ${lines}`} AS unterminated
      FROM cells k, (${columns}) m
      WHERE k.kind = 'data' AND (${misfit} OR coalesce(k.t[m.i], '') <> '' OR ${p.form === 'long'})
    ), v AS (
      SELECT vals.*, cm.code, cm.reason AS county_reason, ${mismatched.length ? 'nm.county_key IS NOT NULL' : 'false'} AS mismatch,
        mm.month, mm.reason AS month_reason,
        mt.metric, mt.metric_label, mt.unit AS unit_written, mt.factor, mt.metric_unit, mt.money, mt.built, number(raw) AS number
      FROM vals
      LEFT JOIN county_map cm ON cm.county_key = vals.county_raw
      ${mismatched.length ? 'LEFT JOIN name_mismatch nm ON nm.county_key = vals.county_raw AND nm.name_key = vals.name_raw' : ''}
      LEFT JOIN month_map mm ON mm.month_key = vals.month_raw
      LEFT JOIN metric_map mt ON mt.metric_name IS NOT DISTINCT FROM vals.name AND mt.metric_unit_cell IS NOT DISTINCT FROM vals.unit_cell
    ), c AS (
      SELECT v.*, CASE WHEN money = 1 THEN round(number * factor * 100) / 100
        WHEN abs(number * factor - round(number * factor)) <= 1e-9 * greatest(1, abs(number * factor))
          THEN round(number * factor) END + 0.0 AS converted
      FROM v
    ), checked AS (
      SELECT c.*, CASE
          WHEN unterminated THEN 'unterminated_last_line'
          WHEN misfit THEN 'cell_count'
          WHEN county_reason IS NOT NULL THEN county_reason
          WHEN month_reason IS NOT NULL THEN month_reason
          WHEN mismatch THEN 'county_mismatch'
          WHEN metric IS NULL THEN 'unknown_metric'
          WHEN built THEN 'stations_built'
          WHEN raw = '' THEN 'missing_value'
          WHEN number IS NULL THEN CASE WHEN regexp_full_match(raw, '${noData}') THEN 'no_data'
            ELSE 'not_a_number' END
          WHEN number < 0 THEN 'negative_value'
          -- (the digits counted only in a cell long enough to hold 16)
          WHEN CASE WHEN length(raw) > 15
              THEN length(regexp_replace(regexp_replace(raw, '[^0-9０-９]', '', 'g'), '^[0０]+|[0０]+$', '', 'g')) > 15
              ELSE false END THEN 'too_many_digits'
          WHEN factor IS NULL THEN CASE WHEN unit_written = '' THEN 'missing_unit' ELSE 'bad_unit' END
          WHEN converted IS NULL THEN 'not_whole'
        END AS reason
      FROM c
    )
    SELECT ${f.id}, line, col, code, month, metric, converted, metric_unit, synthetic, note, raw, reason,
      CASE WHEN reason = 'cell_count' THEN text WHEN reason IN ('unknown_metric', 'stations_built') THEN metric_label
        WHEN reason IN ('missing_county', 'not_a_county', 'outside_title_place', 'unknown_county', 'ambiguous_county') THEN county_raw
        -- (a county cell that is a code with another county's name, 210682 东港市, as written; else the code and the
        -- name column's cell)
        WHEN reason = 'county_mismatch' THEN CASE WHEN county_reason IS NULL THEN county_raw || ' ' || name_raw
          ELSE county_raw END
        WHEN reason IN ('bad_month', 'ambiguous_month', 'period_not_month') THEN month_raw
        WHEN reason IN ('missing_unit', 'bad_unit') THEN unit_written WHEN reason IS NOT NULL THEN raw END,
      CASE WHEN reason = 'cell_count' THEN cells END
    FROM checked`);
  await duck.run('DROP TABLE cells');
  const [w] =
    (await duck.all(`SELECT count(*) AS n, count(*) FILTER (WHERE reason IS NULL) AS accepted, count(*) FILTER (WHERE reason IS NOT NULL) AS rejected,
      count(*) FILTER (WHERE reason = 'not_a_number' AND regexp_matches(rejected_value, '\\d\\s*[^\\d\\s.,，]+$')) AS united,
      count(*) FILTER (WHERE value IS NULL AND reason NOT IN ('cell_count', 'unterminated_last_line')
        AND metric IN (${unstated.map(sql).join(', ') || 'NULL'}) AND number(raw_value) IS NOT NULL) AS fractions
    FROM fast_values WHERE file_id = ${f.id}`)) as [Record<string, bigint>];
  // (a count with a fraction, whose other values are in a unit the file does not state, wherever it stands (in a
  // row rejected for its county too), and a value with its unit in the cell, 120万元, not a text that is none, 12%:
  // read in JavaScript, rows.ts stageValues and checkValue unitInCell)
  if (Number(w.fractions) > 0) return null;
  if (Number(w.united) > 0) {
    const texts = await distinct(
      duck,
      `regexp_extract(rejected_value, '\\d${SPACE}*([^\\d${SPACE.slice(1, -1)}.,，]+)$', 1)`,
      `fast_values WHERE file_id = ${f.id} AND reason = 'not_a_number'`,
    );
    if (texts.some((t) => t !== '' && unitOf(String(t)) !== null)) return null;
  }
  return {
    records: Number(k.records),
    blankRows: Number(k.blank),
    titleRows: Number(k.notes),
    totalRows: Number(k.totals),
    rows: Number(k.rows),
    values: Number(w.n),
    rowsWithoutValues: Number(k.without),
    accepted: Number(w.accepted),
    rejected: Number(w.rejected),
    notes: notes.map((r) => String(r.t)),
    headless: headless.filter((i) => Number(k[`headless_${i}`]) > 0),
  };
}
