/**
 * npm run bench:extract [-- --copies N]
 *
 * A benchmark, not a test: reads the shipped plans N times each (default 200, i.e. 1,000 documents for the five)
 * through decode → extract → validate, and prints documents/second, MB/second and peak memory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readPlan } from '../plan/plans.ts';

const { values } = parseArgs({
  options: { copies: { type: 'string', default: '200' }, plans: { type: 'string' } },
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
