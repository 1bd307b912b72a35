/**
 * Build-time access to the published tables (public/data/*.parquet, written by `npm run data`), texts of the
 * documents included (document_texts): the site reads the pipeline's output, never its input. Every row is checked
 * against pipelines/contract/schema.ts before a page sees it, and typed by it.
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import {
  ACHIEVEMENTS,
  ALLOCATIONS,
  AMOUNTS,
  COMMITMENTS,
  CONTACTS,
  type CORRECTIONS,
  COUNTIES,
  checkRows,
  DOCUMENT_FIELDS,
  DOCUMENT_TEXTS,
  DOCUMENTS,
  FINDINGS,
  METRICS_MONTHLY,
  PHASES,
  PRODUCTS,
  PROGRESS,
  REVIEW,
  type Row,
  type RowOf,
  RULES,
  TARGETS,
  type Table,
} from '../../pipelines/contract/schema.ts';

// Astro builds from the project root; bundled page code has no stable import.meta.url to resolve from.
const ROOT = process.cwd();
// public/data is a link to one published set (pipelines/publish/release.ts): followed once, so that a build running while
// a new set is published reads every table from the same set
const DATA_DIR = (() => {
  try {
    return realpathSync(join(ROOT, 'public/data'));
  } catch {
    throw new Error('public/data is missing: run `npm run data` before building the site');
  }
})();

/** A span of the document text: UTF-16 offsets (BOM removed) and the text they cover. */
export interface Span {
  span_start: number;
  span_end: number;
  quote: string;
  /** the page of a PDF the span starts on; empty for other documents */
  page?: number | null;
}

// row types are the schema's (pipelines/contract/schema.ts), never restated here
/** A row of documents. */
export type DocumentRow = RowOf<typeof DOCUMENTS>;
/** A row of document_fields: where a value of documents was read. */
export type DocumentFieldRow = RowOf<typeof DOCUMENT_FIELDS>;
/** A row of allocations: a fund group or item. */
export type AllocationRow = RowOf<typeof ALLOCATIONS>;
/** A row of targets. */
export type TargetRow = RowOf<typeof TARGETS>;
/** A row of phases. */
export type PhaseRow = RowOf<typeof PHASES>;
/** A row of products. */
export type ProductRow = RowOf<typeof PRODUCTS>;
/** A row of amounts: a money amount in the text. */
export type AmountRow = RowOf<typeof AMOUNTS>;
/** A row of findings; the span is empty when the finding is about the whole document. */
export type FindingRow = RowOf<typeof FINDINGS>;
/** A row of counties: a county-level division with its township and village counts (2023 codes). */
export type CountyRow = RowOf<typeof COUNTIES>;
/** A row of rules: one of the programme's rules, with its quote and citation. */
export type RuleRow = RowOf<typeof RULES>;
/** A row of progress: a plan target against its monthly actual. */
export type ProgressRow = RowOf<typeof PROGRESS>;
/** A row of metrics_monthly. */
export type MetricRow = RowOf<typeof METRICS_MONTHLY>;
/** A row of corrections. */
export type CorrectionRow = RowOf<typeof CORRECTIONS>;

/** Parquet values as the schema's types: BIGINT → number (exactly), DATE → YYYY-MM-DD. */
function toRow(table: Table, raw: Record<string, unknown>, i: number): Row {
  const row: Row = {};
  for (const [name, v] of Object.entries(raw)) {
    const type = table.fields.find((f) => f.name === name)?.type;
    if (typeof v === 'bigint') {
      if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER))
        throw new Error(
          `${table.name}.parquet: row ${i}, ${name} = ${v} is too large for a JavaScript number`,
        );
      row[name] = Number(v);
    } else if (v instanceof Date && type === 'date') row[name] = v.toISOString().slice(0, 10);
    else if (v === undefined || v === null) row[name] = null;
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') row[name] = v;
    else throw new Error(`${table.name}.parquet: row ${i}, ${name} has an unexpected value ${String(v)}`);
  }
  return row;
}

// Parsed tables keyed on the SHA-256 of the file's bytes: a rerun of `npm run data` is seen by `astro dev`.
const parsed = new Map<string, Promise<Row[]>>();

/** A published table's rows, checked against its schema (so that they are the rows RowOf<T> describes). */
async function load<T extends Table>(table: T): Promise<RowOf<T>[]> {
  return (await loadRows(table)) as RowOf<T>[];
}

async function loadRows(table: Table): Promise<Row[]> {
  const file = join(DATA_DIR, `${table.name}.parquet`);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new Error(`${file} is missing: run \`npm run data\` before building the site`);
  }
  const key = `${table.name}:${createHash('sha256').update(bytes).digest('hex')}`;
  let rows = parsed.get(key);
  if (!rows) {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    rows = parquetReadObjects({ file: buffer, compressors }).then((objects) =>
      // checkRows validates every row (types, closed lists, required fields, unique key) and sorts by key
      checkRows(
        table,
        objects.map((o, i) => toRow(table, o, i)),
      ),
    );
    parsed.set(key, rows);
  }
  return rows;
}

/** documents, one row per document read, sorted by doc_id. */
export const documents = () => load(DOCUMENTS);
/** document_fields, sorted by doc_id, field. */
export const documentFields = () => load(DOCUMENT_FIELDS);
/** allocations, sorted by doc_id, item_id. */
export const allocations = () => load(ALLOCATIONS);
/** targets, sorted by doc_id, target_id. */
export const targets = () => load(TARGETS);
/** phases, sorted by doc_id, phase_id. */
export const phases = () => load(PHASES);
/** products, sorted by doc_id, product_id. */
export const products = () => load(PRODUCTS);
/** amounts, sorted by doc_id, amount_id. */
export const amounts = () => load(AMOUNTS);
/** findings, sorted by doc_id, finding_id. */
export const findings = () => load(FINDINGS);
/** achievements, sorted by doc_id, achievement_id. */
export const achievements = () => load(ACHIEVEMENTS);
/** commitments, sorted by doc_id, commitment_id. */
export const commitments = () => load(COMMITMENTS);
/** contacts, sorted by doc_id, contact_id. */
export const contacts = () => load(CONTACTS);
/** review: facts below the review threshold, sorted by doc_id, fact. */
export const review = () => load(REVIEW);
/** counties, sorted by county_code. */
export const counties = () => load(COUNTIES);
/** rules, sorted by rule_id. */
export const rules = () => load(RULES);
/** progress, sorted by doc_id, measure. */
export const progress = () => load(PROGRESS);

/** The text of a document as the pipeline read it (document_texts): the text every published span points into. */
export async function documentText(docId: string): Promise<string> {
  const row = (await load(DOCUMENT_TEXTS)).find((d) => d.doc_id === docId);
  if (!row) throw new Error(`${docId}: not in document_texts.parquet`);
  return row.text;
}

/** A short content hash of the published data (SHA-256 of datapackage.json, which lists every file's hash). */
export async function dataVersion(): Promise<string> {
  const bytes = await readFile(join(DATA_DIR, 'datapackage.json'));
  return createHash('sha256').update(bytes).digest('hex').slice(0, 12);
}

/**
 * How many monthly metric rows are published and how many of them are synthetic sample data (示例数据), read
 * from the one column needed, so that a national-scale table does not have to be loaded whole.
 */
export async function metricsSummary(): Promise<{ rows: number; synthetic: number }> {
  const file = join(DATA_DIR, 'metrics_monthly.parquet');
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new Error(`${file} is missing: run \`npm run data\` before building the site`);
  }
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const rows = (await parquetReadObjects({ file: buffer, columns: ['synthetic'], compressors })) as {
    synthetic: boolean;
  }[];
  return { rows: rows.length, synthetic: rows.filter((r) => r.synthetic).length };
}

/**
 * One county's monthly metrics, read with a row-group filter on county_code (metrics_monthly is sorted by county,
 * so a national-scale table is not loaded whole).
 */
export async function metricsFor(countyCode: string): Promise<MetricRow[]> {
  const file = join(DATA_DIR, 'metrics_monthly.parquet');
  const bytes = await readFile(file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const rows = (await parquetReadObjects({
    file: buffer,
    compressors,
    filter: { county_code: { $eq: countyCode } },
  })) as Record<string, unknown>[];
  // checked like every other table's rows, so that they are the rows MetricRow describes
  return checkRows(
    METRICS_MONTHLY,
    rows.map((r, i) => toRow(METRICS_MONTHLY, r, i)),
  ) as MetricRow[];
}

/** The division codes that documents are about (one county page each), in code order. */
export async function countyCodes(): Promise<string[]> {
  const codes = (await documents())
    .filter((d) => d.status === 'ok' && d.county_code)
    .map((d) => d.county_code!);
  return [...new Set(codes)].sort();
}

/** One resource of datapackage.json, as the data page needs it. */
export interface PackageResource {
  name: string;
  path: string;
  format: string;
  bytes: number;
  rows: number;
  title: string;
  description: string;
  schema: {
    primaryKey: string[];
    fields: { name: string; type: string; description: string; unit?: string }[];
  };
}

/** datapackage.json as published: resources (one per file) and sources. */
export async function dataPackage(): Promise<{
  resources: PackageResource[];
  sources: { title: string; path?: string }[];
}> {
  return JSON.parse(await readFile(join(DATA_DIR, 'datapackage.json'), 'utf8'));
}
