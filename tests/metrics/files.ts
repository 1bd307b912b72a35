/** Temporary files for the tests of the metrics importer's modules, and staging files read back. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { stageFile } from '../../pipelines/metrics/file.ts';
import type { CountyLookup } from '../../pipelines/metrics/lookups.ts';
import { ACCEPTED_COLUMNS, REJECTED_COLUMNS, StagingFile } from '../../pipelines/metrics/staging.ts';

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
