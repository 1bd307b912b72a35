import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import type { Row, Table } from '../pipelines/contract/schema.ts';
import { normalize } from '../pipelines/normalize/normalize.ts';
import { type DocResult, readPlan, type Sidecar } from '../pipelines/plan/plans.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const RAW = join(ROOT, 'data/plans/raw');
export const META = join(ROOT, 'data/plans/meta');
export const DOC_IDS = [
  'donggang-2019',
  'jinkouhe-2018',
  'ruyuan-2021',
  'wutai-2019',
  'wuzhishan-2019',
] as const;

/** Reads one shipped plan through the pipeline's own reader, with its sidecar, as `npm run data` does. */
export function readShipped(docId: string): DocResult & { text: string } {
  const file = join(RAW, `${docId}.txt`);
  const bytes = readFileSync(file);
  let sidecar: Sidecar | null = null;
  try {
    sidecar = parseYaml(readFileSync(join(META, `${docId}.yaml`), 'utf8')) as Sidecar;
  } catch {
    sidecar = null;
  }
  return { ...readPlan(docId, file, bytes, sidecar), text: bytes.toString('utf8').replace(/^\uFEFF/, '') };
}

export const rowsOf = (r: DocResult, t: Table): Row[] => r.rows.get(t) ?? [];

/** A label for comparison: normalized (full-width → ASCII, Traditional → Simplified) and without whitespace. */
export const key = (s: string) => normalize(s).text.replace(/\s/g, '');

/** A published table of public/data as rows of text, by its name. */
export const publishedCsv = (name: string) =>
  Papa.parse<Record<string, string>>(
    readFileSync(join(ROOT, 'public/data', `${name}.csv`), 'utf8').replace(/^\uFEFF/, ''),
    {
      header: true,
      skipEmptyLines: true,
    },
  ).data;
