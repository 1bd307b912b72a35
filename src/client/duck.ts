/**
 * DuckDB-WASM in a worker, with its wasm and worker served by the site itself. The published tables are views over
 * the site's Parquet files, read over HTTP with range requests, so a query reads only the row groups and columns it
 * needs. Values from users or URLs reach SQL only as bound parameters.
 *
 * duckdb-wasm 1.28.0 (DuckDB 0.9.1) is used because it still has the Parquet reader built in; later versions fetch it
 * as an extension from extensions.duckdb.org, a third-party host, and no npm package carries the extension files.
 *
 * The engine is locked once its views exist (`SET lock_configuration = true`: no SET or RESET after that), and its
 * worker is started from a blob: URL, so that it runs under the page's Content-Security-Policy (connect-src 'self'):
 * even a statement that read a URL could not reach another host. A worker started from its script's own URL would
 * take its policy from that script's response headers, which a static host does not set.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { PUBLISHED_TABLES, type TableName } from '../../pipelines/contract/schema.ts';

/** The published tables a page may register: the contract's closed list, so table names never come from input. */
export const TABLES: readonly TableName[] = PUBLISHED_TABLES.map((t) => t.name);
export type { TableName };

export type Param = string | number | boolean | null;

export interface Duck {
  /** runs a statement with bound parameters ($1… or ?); rows as plain objects */
  query(sql: string, params?: Param[]): Promise<Record<string, unknown>[]>;
  /** the column names and rows of a statement's result */
  columns(sql: string, params?: Param[]): Promise<{ names: string[]; rows: Record<string, unknown>[] }>;
}

/** An engine of one's own: the raw connection for the SQL console, and a way to stop its worker at once. */
export interface Engine extends Duck {
  db: duckdb.AsyncDuckDB;
  conn: duckdb.AsyncDuckDBConnection;
  /** the registered views */
  tables: readonly TableName[];
  /** stops the worker, whatever it is doing; the engine cannot be used after */
  terminate(): Promise<void>;
}

/** Starts a new engine with the given tables registered as views over /data/<table>.parquet, then locks it. */
export async function startEngine(tables: readonly TableName[] = TABLES, base = '/data/'): Promise<Engine> {
  if (typeof WebAssembly !== 'object') throw new Error('WebAssembly is not available in this browser');
  const script = new URL(workerUrl, location.href).href;
  const blob = URL.createObjectURL(
    new Blob([`importScripts(${JSON.stringify(script)});`], { type: 'text/javascript' }),
  );
  const worker = new Worker(blob);
  URL.revokeObjectURL(blob);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(new URL(wasmUrl, location.href).href);
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
  await conn.query('SET lock_configuration = true');
  const toRows = (result: { toArray(): { toJSON(): Record<string, unknown> }[] }) =>
    result.toArray().map((r) => {
      const o = r.toJSON();
      for (const k of Object.keys(o)) if (typeof o[k] === 'bigint') o[k] = Number(o[k]);
      return o;
    });
  const run = async (sql: string, params: Param[] = []) => {
    if (params.length === 0) return conn.query(sql);
    const stmt = await conn.prepare(sql);
    try {
      return await stmt.query(...params);
    } finally {
      await stmt.close();
    }
  };
  return {
    db,
    conn,
    tables,
    async query(sql, params) {
      return toRows(await run(sql, params));
    },
    async columns(sql, params) {
      const result = await run(sql, params);
      return { names: result.schema.fields.map((f: { name: string }) => f.name), rows: toRows(result) };
    },
    async terminate() {
      await db.terminate();
    },
  };
}

let opening: Promise<Duck> | null = null;

/** Opens (once per page) DuckDB with the given tables registered as views over /data/<table>.parquet. */
export function openDuck(tables: readonly TableName[] = TABLES, base = '/data/'): Promise<Duck> {
  opening ??= startEngine(tables, base).then((engine) => {
    // for the benchmark script (npm run bench:duck), which times queries on the page's own instance
    performance.mark('duckdb-ready');
    (globalThis as unknown as { planAtlasDuck: Duck }).planAtlasDuck = {
      query: engine.query,
      columns: engine.columns,
    };
    return engine;
  });
  return opening;
}
