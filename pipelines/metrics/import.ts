/**
 * Stage 1 of the metrics import: every CSV of a folder, parsed with papaparse row by row (never held whole as
 * objects), each value checked and converted, and written to two staging files: values accepted so far and
 * values rejected with the reason. Duplicates are found in stage 2 (publish.ts), in DuckDB. One file is staged by
 * file.ts; the other modules of this folder each hold one step (decode, columns, units, rows, staging).
 */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Reference } from '../reference/index.ts';
import { type FileSummary, NO_COUNTS } from './accounting.ts';
import { stageFile } from './file.ts';
import { type CountyLookup, countyLookup } from './lookups.ts';
import { REASONS } from './reasons.ts';
import { ACCEPTED_COLUMNS, REJECTED_COLUMNS, StagingFile, writeEmpty } from './staging.ts';

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
}

/** Parses every .csv of `dir` into the staging files in `tmp`. One bad file does not stop the others. */
export async function stageMetrics(
  dir: string,
  tmp: string,
  ref: Reference,
  problem: (line: string) => void,
): Promise<Staging> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  } catch (e) {
    throw new Error(`cannot read the metrics folder ${dir}: ${(e as Error).message}`);
  }
  for (const other of names.filter((n) => !n.toLowerCase().endsWith('.csv')))
    problem(`skipped ${join(dir, other)}: not a .csv file / 非 .csv 文件，已跳过`);
  const county = countyLookup(ref);
  // a pair with headers only, so that a folder without a usable file still gives (empty) tables
  const empty = [join(tmp, 'accepted-none.csv'), join(tmp, 'rejected-none.csv')] as const;
  writeEmpty(empty[0], ACCEPTED_COLUMNS);
  writeEmpty(empty[1], REJECTED_COLUMNS);
  const staging: Staging = { accepted: [empty[0]], rejected: [empty[1]], summaries: [] };
  for (const [i, name] of names.filter((n) => n.toLowerCase().endsWith('.csv')).entries()) {
    const path = join(dir, name);
    const file = relative(process.cwd(), path) || name;
    const paths = [join(tmp, `accepted-${i}.csv`), join(tmp, `rejected-${i}.csv`)] as const;
    staging.summaries.push(await stageOne(path, file, county, paths));
    staging.accepted.push(paths[0]);
    staging.rejected.push(paths[1]);
  }
  return staging;
}

/** Stages one file into its pair of staging files; a refused file's pair is rewritten to hold only its refusal. */
async function stageOne(
  path: string,
  file: string,
  county: CountyLookup,
  paths: readonly [string, string],
): Promise<FileSummary> {
  let accepted = new StagingFile(paths[0], ACCEPTED_COLUMNS);
  let rejected = new StagingFile(paths[1], REJECTED_COLUMNS);
  let summary: FileSummary;
  try {
    summary = await stageFile(path, file, county, accepted, rejected);
  } finally {
    accepted.close();
    rejected.close();
  }
  if (summary.error) {
    // a file that fails part-way contributes nothing but the reason it failed
    accepted = new StagingFile(paths[0], ACCEPTED_COLUMNS);
    rejected = new StagingFile(paths[1], REJECTED_COLUMNS);
    const [zh, en] = summary.errorWording ?? REASONS[summary.errorReason!];
    rejected.push([file, 0, '', 'file', 'file', summary.error, summary.errorReason!, zh, en]);
    accepted.close();
    rejected.close();
    Object.assign(summary, NO_COUNTS, { ignoredColumns: [], notes: [] });
  }
  return summary;
}
