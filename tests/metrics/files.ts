/** Temporary files for the tests of the metrics importer's modules, and staging files read back. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';

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
