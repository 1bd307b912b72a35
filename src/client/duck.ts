/**
 * One DuckDB-WASM instance per page, in a worker, with its wasm and worker served by the site itself. The
 * published tables are views over the site's Parquet files, read over HTTP with range requests, so a query reads
 * only the row groups and columns it needs. Values from users or URLs reach SQL only as bound parameters.
 *
 * duckdb-wasm 1.28.0 is used because it still has the Parquet reader built in; later versions fetch it as an
 * extension from extensions.duckdb.org, a third-party host.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';

/** The published tables a page may register: a closed list, so table names never come from input. */
export const TABLES = [
  'documents',
  'document_fields',
  'allocations',
  'targets',
  'phases',
  'products',
  'amounts',
  'findings',
  'corrections',
  'counties',
  'rules',
  'metrics_monthly',
  'metrics_rejected',
  'progress',
] as const;
export type TableName = (typeof TABLES)[number];

export interface Duck {
  /** runs a statement with bound parameters ($1… or ?); rows as plain objects */
  query(sql: string, params?: (string | number | boolean | null)[]): Promise<Record<string, unknown>[]>;
  /** the column names of the last result */
  columns(
    sql: string,
    params?: (string | number | boolean | null)[],
  ): Promise<{ names: string[]; rows: Record<string, unknown>[] }>;
}

let opening: Promise<Duck> | null = null;

/** Opens (once per page) DuckDB with the given tables registered as views over /data/<table>.parquet. */
export function openDuck(tables: readonly TableName[] = TABLES, base = '/data/'): Promise<Duck> {
  opening ??= (async () => {
    if (typeof WebAssembly !== 'object') throw new Error('WebAssembly is not available in this browser');
    const worker = new Worker(workerUrl);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(wasmUrl);
    const conn = await db.connect();
    for (const t of tables) {
      if (!(TABLES as readonly string[]).includes(t)) throw new Error(`unknown table ${t}`);
      await db.registerFileURL(
        `${t}.parquet`,
        new URL(`${base}${t}.parquet`, location.href).href,
        duckdb.DuckDBDataProtocol.HTTP,
        false,
      );
      await conn.query(`CREATE VIEW ${t} AS SELECT * FROM parquet_scan('${t}.parquet')`);
    }
    const toRows = (result: { toArray(): { toJSON(): Record<string, unknown> }[] }) =>
      result.toArray().map((r) => {
        const o = r.toJSON();
        for (const k of Object.keys(o)) if (typeof o[k] === 'bigint') o[k] = Number(o[k]);
        return o;
      });
    const run = async (sql: string, params: (string | number | boolean | null)[] = []) => {
      if (params.length === 0) return conn.query(sql);
      const stmt = await conn.prepare(sql);
      try {
        return await stmt.query(...params);
      } finally {
        await stmt.close();
      }
    };
    const api: Duck = {
      async query(sql, params) {
        return toRows(await run(sql, params));
      },
      async columns(sql, params) {
        const result = await run(sql, params);
        return { names: result.schema.fields.map((f: { name: string }) => f.name), rows: toRows(result) };
      },
    };
    // for the benchmark script (npm run bench:duck), which times queries on the page's own instance
    performance.mark('duckdb-ready');
    (globalThis as unknown as { planAtlasDuck: Duck }).planAtlasDuck = api;
    return api;
  })();
  return opening;
}
