/** Temporary files for the tests of the metrics importer's modules, and staging files read back. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { beforeAll, expect } from 'vitest';
import { stageFile } from '../../pipelines/metrics/file.ts';
import type { CountyLookup } from '../../pipelines/metrics/lookups.ts';
import { importMetrics } from '../../pipelines/metrics/publish.ts';
import { ACCEPTED_COLUMNS, REJECTED_COLUMNS, StagingFile } from '../../pipelines/metrics/staging.ts';
import { reconciles } from '../../pipelines/metrics/summary.ts';
import { loadReference, type Reference } from '../../pipelines/reference/index.ts';

/** A new empty temporary folder. */
export const tempDir = () => mkdtempSync(join(tmpdir(), 'plan-atlas-metrics-module-'));

/** Writes `content` to a file `name` in a new temporary folder; returns its path. */
export function tempFile(content: string | Uint8Array, name = 'f.csv'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

/** The rows of a staging file as objects keyed by its header, every cell as text. */
export const readStaging = (path: string) =>
  Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;

/** Stages one file with `content` as `file` (stage 1 only); its summary and its staging files read back. */
export async function stageContent(county: CountyLookup, content: string | Uint8Array, file = 'in/f.csv') {
  const dir = tempDir();
  const accepted = new StagingFile(join(dir, 'a.csv'), ACCEPTED_COLUMNS);
  const rejected = new StagingFile(join(dir, 'r.csv'), REJECTED_COLUMNS);
  let summary: Awaited<ReturnType<typeof stageFile>>;
  try {
    summary = await stageFile(tempFile(content), file, county, accepted, rejected);
  } finally {
    accepted.close();
    rejected.close();
  }
  return { summary, accepted: readStaging(join(dir, 'a.csv')), rejected: readStaging(join(dir, 'r.csv')) };
}

/** A text in GB18030, as Excel on a Chinese Windows saves a CSV: each character's two bytes found by decoding them all. */
export function gb18030(s: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const bytesOf = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !bytesOf.has(ch)) bytesOf.set(ch, [lead, trail]);
    }
  return Buffer.from(
    [...s].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (bytesOf.get(ch) ?? [0x3f]))),
  );
}

/** Imports a folder holding `files` (text as UTF-8, or bytes); what was published, rejected, checked and said. */
export async function importFiles(files: Record<string, string | Buffer>, ref: Reference) {
  const dir = tempDir();
  mkdirSync(join(dir, 'in'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'in', name), content);
  const problems: string[] = [];
  const out = join(dir, 'out');
  const { files: summaries } = await importMetrics(join(dir, 'in'), out, ref, (p) => problems.push(p));
  const rejected = readStaging(join(out, 'metrics_rejected.csv'));
  return {
    summaries,
    problems: problems.join('\n'),
    accepted: readStaging(join(out, 'metrics_monthly.csv')).map((a) => [a.month, a.metric, a.value]),
    /** the rows of metrics_monthly, every column */
    monthly: readStaging(join(out, 'metrics_monthly.csv')),
    values: rejected.filter((r) => r.scope === 'value').map((r) => [r.raw_value, r.reason]),
    files: rejected
      .filter((r) => r.scope === 'file')
      .map((r) => [(r.file ?? '').replace(/^.*\//, ''), r.reason]),
    checks: readStaging(join(out, 'metrics_checks.csv')),
    /** the rows of metrics_rejected, every column */
    rejected,
  };
}

/** A workbook of one sheet (Sheet1) holding CSV lines as text cells, each line split at its commas. */
export function workbookOf(lines: readonly string[]): Buffer {
  const b = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(b, XLSX.utils.aoa_to_sheet(lines.map((l) => l.split(','))), 'Sheet1');
  return XLSX.write(b, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** A CSV file's text: its lines, each ended by a line break. */
export const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

/** The same lines as a CSV file and as a workbook (workbookOf), each to be imported alone. */
export const asCsvAndWorkbook = (lines: string[]): Record<string, string | Buffer>[] => [
  { 'r.csv': csv(...lines) },
  { 'r.xlsx': workbookOf(lines) },
];

/**
 * importFiles with the reference loaded once for the test file, each file's or sheet's counts checked to reconcile
 * (records, rows and values: summary.ts reconciles).
 */
export function reconciledImport() {
  let ref: Reference;
  beforeAll(() => {
    ref = loadReference();
  });
  return async (files: Record<string, string | Buffer>) => {
    const r = await importFiles(files, ref);
    for (const f of r.summaries) expect(reconciles(f)).toBe(true);
    return r;
  };
}
