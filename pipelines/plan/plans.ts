/**
 * A folder of plans, one document at a time: each entry listed (read/plan-files.ts), its sidecar read, the document
 * read into rows (plan.ts); one bad document never stops the others.
 */

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ALLOCATIONS, DOCUMENTS, PHASES, REVIEW, TARGETS } from '../contract/schema.ts';
import { convert } from '../read/convert.ts';
import { listDocuments } from '../read/plan-files.ts';
import { loadReference, type Reference } from '../reference/index.ts';
import { failedDocument } from './failed.ts';
import { readPlan } from './plan.ts';
import type { DocResult, Effects } from './result.ts';
import { readSidecar, type Sidecar } from './sidecar.ts';

export { readPlan } from './plan.ts';
export type { DocResult, Effects } from './result.ts';
export type { Correction, Sidecar } from './sidecar.ts';

/**
 * Reads a folder of documents (.txt, .pdf, .docx, .html) with their optional sidecars, one document at a time. Entries that are not
 * documents are named through `effects.problem` and returned as skipped; refused entries (a FIFO, a folder, a link
 * leaving the folder, two files with one id) become failed documents like unreadable files.
 */
export async function readPlans(
  dir: string,
  metaDir: string | null,
  effects: Effects,
  ref: Reference = loadReference(),
): Promise<{ results: DocResult[]; skipped: { name: string; reason: string }[] }> {
  const listing = await listDocuments(dir);
  for (const s of listing.skipped) effects.problem(`skipped ${s.path}: ${s.reason}`);
  const results: DocResult[] = [];
  const all = [...listing.documents.map((d) => ({ ...d, reason: null })), ...listing.refused].sort((a, b) =>
    a.name < b.name ? -1 : 1,
  );
  for (const [i, entry] of all.entries()) {
    const { docId, name, path } = entry;
    // the file as named in the plans folder: the output depends neither on the machine nor on where the run began
    const file = name;
    const n = `[${i + 1}/${all.length}]`;
    let result: DocResult;
    if (entry.reason !== null) {
      result = failedDocument({ doc_id: docId, source_file: file, sha256: null }, entry.reason);
    } else {
      let sidecar: Sidecar | null = null;
      let bytes = new Uint8Array();
      try {
        bytes = await readFile(path);
        if (metaDir) {
          const metaFile = join(metaDir, `${docId}.yaml`);
          const yamlText = await readSidecar(metaFile, metaDir);
          if (yamlText !== null) {
            try {
              sidecar = (parseYaml(yamlText) as Sidecar | null) ?? {};
            } catch (e) {
              throw new Error(`${metaFile}: ${(e as Error).message}`);
            }
          }
        }
        // a Word document or a PDF is converted to text first (asynchronously); text and web pages are decoded by readPlan
        const converted = await convert(name, bytes);
        result = readPlan(docId, file, bytes, sidecar, ref, converted);
      } catch (e) {
        result = failedDocument(
          { doc_id: docId, source_file: file, sha256: createHash('sha256').update(bytes).digest('hex') },
          (e as Error).message,
        );
      }
    }
    if (result.ok) {
      const d = result.rows.get(DOCUMENTS)![0]!;
      // the place as published, with its code and how the name was resolved (or ? when no place is settled)
      const place = d.county_code ? `${d.county_name} (${d.county_code}, ${d.county_resolved_by})` : '?';
      effects.progress(
        `${n} ${docId}  ${d.doc_type}  ${place}  ${result.facts} facts (${result.rows.get(REVIEW)!.length} to review): ${result.rows.get(ALLOCATIONS)!.length} allocations, ${result.rows.get(TARGETS)!.length} targets, ${result.rows.get(PHASES)!.length} phases, ${result.accounted}/${result.amounts} amounts accounted, ${result.findings} findings`,
      );
    } else {
      effects.problem(`${n} ${path}: ${result.error}`);
    }
    results.push(result);
  }
  return { results, skipped: listing.skipped };
}
