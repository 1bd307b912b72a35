/**
 * Build-time access to the published tables (public/data/*.parquet, written by `npm run data`) and to the
 * documents they cite. Every row is checked against pipelines/contract/schema.ts before a page sees it.
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import {
  ALLOCATIONS,
  AMOUNTS,
  CORRECTIONS,
  COUNTIES,
  checkRows,
  DOCUMENT_FIELDS,
  DOCUMENTS,
  FINDINGS,
  PHASES,
  PRODUCTS,
  PROGRESS,
  type Row,
  RULES,
  TARGETS,
  type Table,
} from '../../pipelines/contract/schema.ts';
import { decodeDocument } from '../../pipelines/read/decode.ts';

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
const RAW_DIR = join(ROOT, 'data/plans/raw');

/** A span of the document text: UTF-16 offsets (BOM removed) and the text they cover. */
export interface Span {
  span_start: number;
  span_end: number;
  quote: string;
}

/** A row of documents. */
export interface DocumentRow {
  doc_id: string;
  status: 'ok' | 'error';
  error: string | null;
  doc_type: 'plan' | 'revision' | 'fund_rules' | 'report' | 'news' | 'other' | null;
  title: string | null;
  county_name: string | null;
  county_code: string | null;
  division_level: 'county' | 'prefecture' | null;
  county_resolved_by: 'name' | 'short_name' | 'former_name' | null;
  prefecture: string | null;
  province: string | null;
  doc_number: string | null;
  issuer: string | null;
  issued_on: string | null;
  program_year: number | null;
  program_level: 'national' | 'provincial' | null;
  period_start: string | null;
  period_end: string | null;
  funds_total_yuan: number | null;
  funds_central_yuan: number | null;
  funds_provincial_yuan: number | null;
  funds_local_yuan: number | null;
  funds_other_yuan: number | null;
  allocations: number | null;
  targets: number | null;
  amounts: number | null;
  amounts_accounted: number | null;
  corrections: number | null;
  source_file: string;
  sha256: string;
  encoding: string | null;
  chars: number | null;
  source_url: string | null;
  retrieved_on: string | null;
  licence: string | null;
}

/** A row of document_fields: where a value of documents was read. */
export interface DocumentFieldRow extends Span {
  doc_id: string;
  field: string;
  value: string;
  corrected: boolean;
}

/** A row of allocations: a fund group or item. */
export interface AllocationRow extends Span {
  doc_id: string;
  item_id: string;
  parent_item_id: string | null;
  label: string;
  plan_group: string | null;
  category: string | null;
  amount_yuan: number | null;
  amount_basis: 'stated' | 'sum_of_sources' | 'none';
  central_yuan: number | null;
  provincial_yuan: number | null;
  local_yuan: number | null;
  other_yuan: number | null;
  label_start: number;
  label_end: number;
}

/** A row of targets. */
export interface TargetRow extends Span {
  doc_id: string;
  target_id: string;
  metric: string;
  value: number;
  unit: string;
  comparator: '>=' | '<=' | '=';
}

/** A row of phases. */
export interface PhaseRow extends Span {
  doc_id: string;
  phase_id: string;
  name: string;
  start_month: string | null;
  end_month: string | null;
}

/** A row of products. */
export interface ProductRow extends Span {
  doc_id: string;
  product_id: string;
  name: string;
}

/** A row of amounts: a money amount in the text. */
export interface AmountRow extends Span {
  doc_id: string;
  amount_id: string;
  amount_yuan: number | null;
  accounted_by: string | null;
  note: 'disbursement' | 'threshold' | 'explanation' | 'unnamed' | 'unreadable' | 'implausible' | null;
  context: string;
}

/** A row of findings; the span is empty when the finding is about the whole document. */
export interface FindingRow {
  doc_id: string;
  finding_id: string;
  check: string;
  severity: 'info' | 'review' | 'fail';
  status: 'pass' | 'fail' | 'not_applicable' | 'not_enough_data';
  subject: string;
  message_zh: string;
  message_en: string;
  numerator: number | null;
  denominator: number | null;
  threshold: number | null;
  rule_id: string | null;
  evidence: string;
  span_start: number | null;
  span_end: number | null;
  quote: string | null;
}

/** A row of counties: a county-level division with its township and village counts (2023 codes). */
export interface CountyRow {
  county_code: string;
  name: string;
  short_name: string;
  kind: string;
  prefecture_code: string;
  prefecture: string;
  province: string;
  townships: number;
  villages: number;
  village_committees: number;
  residents_committees: number;
  other_village_units: number;
  vintage: string;
}

/** A row of rules: one of the programme's rules, with its quote and citation. */
export interface RuleRow {
  rule_id: string;
  check: 'share_of_central' | 'matching_ratio' | 'negative_list';
  program_years: string;
  program_levels: string;
  provinces: string | null;
  comparator: '>=' | '<=' | null;
  threshold: number | null;
  counts: string | null;
  rule_zh: string;
  rule_en: string;
  quote: string;
  read_in: string | null;
  quote_span_start: number | null;
  quote_span_end: number | null;
  notice_number: string | null;
  notice_title: string | null;
  source_status: 'quoted_in_plan' | 'unverified';
  source_note: string;
}

/** A row of progress: a plan target against its monthly actual. */
export interface ProgressRow extends Span {
  doc_id: string;
  county_code: string;
  measure: string;
  target_id: string | null;
  target_value: number;
  comparator: string;
  metric: string;
  basis: 'cumulative' | 'latest' | 'yoy_12_months';
  actual: number | null;
  actual_month: string | null;
  share_of_target: number | null;
  expected_share: number | null;
  status: 'met' | 'on_track' | 'behind' | 'no_data' | 'not_started' | 'no_period';
  synthetic: boolean;
  period_start: string | null;
  period_end: string | null;
}

/** A row of metrics_monthly. */
export interface MetricRow {
  county_code: string;
  month: string;
  metric: string;
  value: number;
  unit: string;
  source: string;
  synthetic: boolean;
  note: string | null;
}

/** A row of corrections. */
export interface CorrectionRow {
  doc_id: string;
  correction_id: string;
  target: string;
  action: 'set' | 'remove';
  extracted_value: string | null;
  corrected_value: string | null;
  reason: string;
  span_start: number | null;
  span_end: number | null;
  quote: string | null;
}

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

async function load(table: Table): Promise<Row[]> {
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

// Each loader returns rows validated against the schema, so the cast to the row interface is safe.
/** documents, one row per document read, sorted by doc_id. */
export const documents = async () => (await load(DOCUMENTS)) as unknown as DocumentRow[];
/** document_fields, sorted by doc_id, field. */
export const documentFields = async () => (await load(DOCUMENT_FIELDS)) as unknown as DocumentFieldRow[];
/** allocations, sorted by doc_id, item_id. */
export const allocations = async () => (await load(ALLOCATIONS)) as unknown as AllocationRow[];
/** targets, sorted by doc_id, target_id. */
export const targets = async () => (await load(TARGETS)) as unknown as TargetRow[];
/** phases, sorted by doc_id, phase_id. */
export const phases = async () => (await load(PHASES)) as unknown as PhaseRow[];
/** products, sorted by doc_id, product_id. */
export const products = async () => (await load(PRODUCTS)) as unknown as ProductRow[];
/** amounts, sorted by doc_id, amount_id. */
export const amounts = async () => (await load(AMOUNTS)) as unknown as AmountRow[];
/** findings, sorted by doc_id, finding_id. */
export const findings = async () => (await load(FINDINGS)) as unknown as FindingRow[];
/** counties, sorted by county_code. */
export const counties = async () => (await load(COUNTIES)) as unknown as CountyRow[];
/** rules, sorted by rule_id. */
export const rules = async () => (await load(RULES)) as unknown as RuleRow[];
/** progress, sorted by doc_id, measure. */
export const progress = async () => (await load(PROGRESS)) as unknown as ProgressRow[];
/** corrections, sorted by doc_id, correction_id. */
export const corrections = async () => (await load(CORRECTIONS)) as unknown as CorrectionRow[];

/**
 * The text of a document as the pipeline read it (data/plans/raw/<doc_id>.txt through decodeDocument), checked
 * against the published checksum so that no span points into a different text.
 */
export async function documentText(docId: string): Promise<string> {
  const doc = (await documents()).find((d) => d.doc_id === docId);
  if (!doc) throw new Error(`${docId}: not in documents.parquet`);
  const file = join(RAW_DIR, `${docId}.txt`);
  const result = decodeDocument(await readFile(file));
  if (!result.ok) throw new Error(`${file}: ${result.reason}`);
  if (result.sha256 !== doc.sha256)
    throw new Error(`${file} has changed since the tables were published: run \`npm run data\``);
  return result.text;
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
  return rows.map((r) => ({
    county_code: String(r.county_code),
    month: String(r.month),
    metric: String(r.metric),
    value: Number(r.value),
    unit: String(r.unit),
    source: String(r.source),
    synthetic: r.synthetic === true,
    note: r.note === null || r.note === undefined ? null : String(r.note),
  }));
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
