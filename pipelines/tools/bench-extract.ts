/**
 * npm run bench:extract [-- --copies N]
 *
 * A benchmark, not a test: reads the shipped plans N times each (default 200, i.e. 1,000 documents for the five)
 * through decode → extract → validate, and prints documents/second, MB/second and peak memory; then the same five
 * plans as PDFs (printed by Chromium, pipelines/tools/print-pdf.ts) and as Word files (plan-docx.ts), read
 * through conversion → extract → validate --pdf-copies times each (default 5): documents/s, MB/s and PDF pages/s.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readPlan } from '../plan/plans.ts';
import { convert } from '../read/convert.ts';
import { planDocx } from './plan-docx.ts';
import { printedPlans } from './print-pdf.ts';

const { values } = parseArgs({
  options: {
    copies: { type: 'string', default: '200' },
    'pdf-copies': { type: 'string', default: '5' },
    plans: { type: 'string' },
  },
});
const dir = resolve(values.plans ?? join(import.meta.dirname, '../../data/plans/raw'));
const copies = Number(values.copies);
const files = readdirSync(dir)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((n) => ({ id: n.slice(0, -4), file: join(dir, n), bytes: readFileSync(join(dir, n)) }));

const warm = performance.now();
for (const f of files) readPlan(f.id, f.file, f.bytes, null);
const warmMs = performance.now() - warm;

let docs = 0;
let bytes = 0;
let facts = 0;
const t0 = performance.now();
for (let i = 0; i < copies; i++) {
  for (const f of files) {
    const r = readPlan(`${f.id}-${i}`, f.file, f.bytes, null);
    docs++;
    bytes += f.bytes.length;
    facts += r.facts;
  }
}
const seconds = (performance.now() - t0) / 1000;
const peak = process.resourceUsage().maxRSS / 1024;
console.log(
  `corpus            ${files.length} documents × ${copies} = ${docs} documents, ${(bytes / 1e6).toFixed(1)} MB`,
);
console.log(
  `first pass        ${warmMs.toFixed(0)} ms for ${files.length} documents (cold: dictionaries loaded)`,
);
console.log(
  `throughput        ${(docs / seconds).toFixed(0)} documents/s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s`,
);
console.log(`elapsed           ${seconds.toFixed(2)} s, ${facts} facts`);
console.log(`peak memory       ${peak.toFixed(0)} MB (max RSS)`);

// the five plans as PDFs and as Word files: conversion, then the same reading
const printed = await printedPlans(files.map((f) => f.file));
const formats = [
  { name: 'PDF', ext: 'pdf', of: (f: (typeof files)[number]) => readFileSync(printed.get(f.file)!) },
  { name: 'DOCX', ext: 'docx', of: async (f: (typeof files)[number]) => planDocx(f.bytes.toString('utf8')) },
];
const pdfCopies = Number(values['pdf-copies']);
for (const format of formats) {
  const docsOf = await Promise.all(
    files.map(async (f) => ({ ...f, bytes: new Uint8Array(await format.of(f)) })),
  );
  let n = 0;
  let size = 0;
  let pages = 0;
  const start = performance.now();
  for (let i = 0; i < pdfCopies; i++) {
    for (const f of docsOf) {
      const converted = await convert(`${f.id}.${format.ext}`, f.bytes);
      readPlan(`${f.id}-${i}`, `${f.id}.${format.ext}`, f.bytes, null, undefined, converted);
      n++;
      size += f.bytes.length;
      pages += converted?.pageStarts?.length ?? 0;
    }
  }
  const s = (performance.now() - start) / 1000;
  const perPage = format.ext === 'pdf' ? `, ${(pages / s).toFixed(1)} pages/s (${pages} pages)` : '';
  console.log(
    `${format.name.padEnd(18)}${(n / s).toFixed(1)} documents/s, ${(size / 1e6 / s).toFixed(2)} MB/s${perPage}, ${n} documents in ${s.toFixed(2)} s`,
  );
}
console.log(
  `peak memory       ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (max RSS, all formats)`,
);
