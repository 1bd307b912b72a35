/**
 * The SQL console's engine: its own DuckDB-WASM worker, which it checks, runs, stops and replaces.
 *
 * A statement runs only after the engine has read it (src/client/sql-check.ts): DuckDB's tokenizer, the table
 * functions of its catalog and the plan EXPLAIN gives must show one statement that only reads the registered views.
 * It is then prepared (DuckDB refuses to prepare several statements) and run. Before each run the catalog is compared
 * with the one the engine started with, so that nothing an earlier statement did can change what the next one reads;
 * a difference, a run past the time limit, a cancel or an engine that stopped answering replace the worker with a
 * new one. The text guard (sql-guard.ts) only words a message early; it is not what keeps the console read-only.
 */
import type { Table } from 'apache-arrow';
import { type Engine, startEngine, TABLES } from './duck.ts';
import { tableText } from './sql-cells.ts';
import { type Allowed, checkPlan, checkTokens, MAX_LENGTH, type Said, tokensOf } from './sql-check.ts';

/** A run that did not end with a result: refused (with the reason), cancelled, or past the time limit. */
export class Stopped extends Error {
  readonly kind: 'refused' | 'cancelled' | 'timeout' | 'too_long';
  readonly said: Said;
  constructor(kind: Stopped['kind'], said: Said) {
    super(said.en);
    this.kind = kind;
    this.said = said;
  }
}

/** The default time limit of one run. */
export const TIME_LIMIT_MS = 20_000;

/** The catalog an untouched engine has: its views (and their SQL), and no tables, macros, sequences or databases. */
const CATALOG = `SELECT
  (SELECT string_agg(view_name || ' = ' || sql, ' | ' ORDER BY view_name) FROM duckdb_views() WHERE NOT internal) AS views,
  (SELECT count(*) FROM duckdb_tables()) AS tables,
  (SELECT count(*) FROM duckdb_functions() WHERE NOT internal) AS functions,
  (SELECT count(*) FROM duckdb_sequences()) AS sequences,
  (SELECT count(*) FROM duckdb_types() WHERE NOT internal) AS types,
  (SELECT string_agg(database_name, ',' ORDER BY database_name) FROM duckdb_databases()) AS databases,
  current_setting('lock_configuration') AS locked`;

interface Ready {
  engine: Engine;
  allowed: Allowed;
  catalog: string;
}

/** The console's engine, started on the first run and replaced whenever it cannot be trusted to be as it started. */
export class SqlConsole {
  private ready: Promise<Ready> | null = null;

  /** Starts the engine if none is running; resolves once it can run statements. */
  start(): Promise<Ready> {
    this.ready ??= (async () => {
      const engine = await startEngine(TABLES);
      const functions = await engine.query(
        "SELECT DISTINCT function_name FROM duckdb_functions() WHERE function_type = 'table'",
      );
      const allowed: Allowed = {
        tables: new Set(engine.tables),
        catalogTableFunctions: new Set(functions.map((r) => String(r.function_name).toLowerCase())),
      };
      const catalog = await this.catalogOf(engine);
      return { engine, allowed, catalog };
    })();
    this.ready.catch(() => {
      this.ready = null;
    });
    return this.ready;
  }

  private async catalogOf(engine: Engine): Promise<string> {
    return JSON.stringify(await engine.query(CATALOG));
  }

  /** Stops the worker at once (a runaway statement included); the next run starts a new one. */
  async stop(): Promise<void> {
    const ready = this.ready;
    this.ready = null;
    if (ready) await (await ready.catch(() => null))?.engine.terminate();
  }

  /**
   * Runs one statement: checked by the engine, then prepared and run, within the time limit and until `cancel`
   * resolves. Resolves with the result as text; rejects with Stopped when it was refused or stopped, or with the
   * engine's own error.
   */
  async run(
    sql: string,
    { timeLimitMs = TIME_LIMIT_MS, cancel }: { timeLimitMs?: number; cancel?: Promise<void> } = {},
  ): Promise<{ names: string[]; rows: (string | null)[][] }> {
    if (sql.length > MAX_LENGTH)
      throw new Stopped('too_long', {
        zh: `查询过长（${sql.length.toLocaleString('en-US')} 个字符），最多 ${MAX_LENGTH.toLocaleString('en-US')} 个字符。`,
        en: `The query is too long (${sql.length.toLocaleString('en-US')} characters); at most ${MAX_LENGTH.toLocaleString('en-US')} characters.`,
      });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stopped = new Promise<never>((_, fail) => {
      timer = setTimeout(
        () =>
          fail(
            new Stopped('timeout', {
              zh: `查询超过 ${Math.round(timeLimitMs / 1000)} 秒，已停止。`,
              en: `The query ran for more than ${Math.round(timeLimitMs / 1000)} seconds and was stopped.`,
            }),
          ),
        timeLimitMs,
      );
      cancel?.then(() =>
        fail(new Stopped('cancelled', { zh: '查询已取消。', en: 'The query was cancelled.' })),
      );
    });
    try {
      return await Promise.race([this.checkAndRun(sql), stopped]);
    } catch (e) {
      if (e instanceof Stopped && e.kind !== 'refused') await this.stop();
      else if (!(e instanceof Stopped) && !(await this.answers())) await this.stop();
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  private async checkAndRun(sql: string) {
    let { engine, allowed, catalog } = await this.start();
    // nothing an earlier statement did may change what this one reads: an engine whose catalog differs is replaced
    if ((await this.catalogOf(engine)) !== catalog) {
      await this.stop();
      ({ engine, allowed, catalog } = await this.start());
    }
    const tokens = tokensOf(sql, await engine.db.tokenize(sql));
    if (!tokens)
      throw new Stopped('refused', {
        zh: '无法读取该语句（例如字符串或注释未结束）。',
        en: 'The statement cannot be read (an unterminated string or comment, say).',
      });
    const plan = checkTokens(sql, tokens, allowed);
    if (!plan.ok) throw new Stopped('refused', plan.why);
    if (plan.explain !== null) {
      const explained = await this.explain(engine, plan.explain);
      const reads = checkPlan(explained);
      if (!reads.ok) throw new Stopped('refused', reads.why);
    }
    const stmt = await engine.conn.prepare(sql);
    let result: Table;
    try {
      result = await stmt.query();
    } finally {
      await stmt.close();
    }
    return tableText(result);
  }

  private async explain(engine: Engine, sql: string): Promise<string> {
    const stmt = await engine.conn.prepare(`EXPLAIN ${sql}`);
    try {
      const rows = (await stmt.query()).toArray().map((r) => r.toJSON() as Record<string, unknown>);
      return rows.map((r) => String(r.explain_value ?? '')).join('\n');
    } finally {
      await stmt.close();
    }
  }

  /** Whether the engine still answers (after an error: a statement may have left it unusable). */
  private async answers(): Promise<boolean> {
    const ready = this.ready;
    if (!ready) return true;
    try {
      const { engine } = await ready;
      const ping = engine.query('SELECT 1 AS ok').then(() => true);
      const late = new Promise<boolean>((done) => setTimeout(() => done(false), 3000));
      return await Promise.race([ping, late]);
    } catch {
      return false;
    }
  }
}
