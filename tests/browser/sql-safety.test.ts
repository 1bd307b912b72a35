/**
 * The SQL console under attack, in headless Chromium: the engine keeps it read-only, not the text guard. A second
 * loopback origin stands for "another host": it answers every request and counts them, and the tests let every
 * request through, so that a request the console made would reach it. Each attack comes in a /sql/?q= link, as a
 * shared link would; after the attacks an honest query must still see the published rows.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Papa from 'papaparse';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARGS, CHROMIUM, DATA, DIST, serve } from './harness.ts';

const csvRows = (name: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(DATA, `${name}.csv`), 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;

let server: Server;
let origin: string;
/** the other host: every request it receives is recorded */
let other: Server;
let otherOrigin: string;
const otherHits: string[] = [];
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  ({ server, origin } = await serve(DIST));
  other = createServer((req, res) => {
    otherHits.push(req.url ?? '');
    res
      .writeHead(200, { 'content-type': 'text/csv', 'access-control-allow-origin': '*' })
      .end('doc_id,funds_central_yuan\nforged,1000000000000\n');
  });
  await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  await new Promise((done) => (other ? other.close(done) : done(undefined)));
});

const open = async (path: string): Promise<Page> => {
  const page = await context.newPage();
  expect((await page.goto(`${origin}${path}`))?.status()).toBe(200);
  return page;
};
const sql = (q: string) => `/sql/?q=${encodeURIComponent(q)}`;
const state = (page: Page) => page.locator('#sql-console').getAttribute('data-state');
/** Runs a query by typing it and pressing Run; waits until that run (not an earlier one) has ended. */
async function run(page: Page, q: string): Promise<string> {
  const before = Number(await page.locator('#sql-console').getAttribute('data-run'));
  await page.locator('#sql').fill(q);
  await page.locator('#sql-form button[type="submit"]').click();
  await page
    .locator(`#sql-console[data-run="${before + 1}"]:is([data-state="ready"], [data-state="error"])`)
    .waitFor();
  return (await state(page))!;
}
const cells = (page: Page) =>
  page
    .locator('#sql-result tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
/** Statements that write, configure or load: the console runs none of them. */
const writes = [
  'CREATE TABLE t AS SELECT 1',
  'CREATE OR REPLACE VIEW documents AS SELECT 1 AS doc_id',
  'CREATE MACRO documents() AS TABLE SELECT 1',
  'SET threads = 1',
  'RESET threads',
  'PRAGMA threads = 1',
  'SET lock_configuration = false',
  'DROP VIEW documents',
  'INSERT INTO documents SELECT * FROM documents',
  "COPY documents TO 'x.csv'",
  "EXPORT DATABASE 'x'",
  "ATTACH ':memory:' AS m",
  'INSTALL httpfs',
  'LOAD httpfs',
  'CHECKPOINT',
  'SELECT * FROM checkpoint()',
  'SELECT * FROM force_checkpoint()',
  'SELECT 1; SELECT 2',
  'SELECT 1 AS a; -- and then\n DROP VIEW documents',
  'SELECT \'x\' AS "a;b"; DROP VIEW documents',
  'PREPARE p AS SELECT 1',
  'BEGIN TRANSACTION',
  'VACUUM',
];
const honest = 'SELECT doc_id, funds_central_yuan FROM documents ORDER BY doc_id';
// the console shows a missing value as NULL where the CSV leaves the cell empty
const published = () => csvRows('documents').map((d) => [d.doc_id, d.funds_central_yuan || 'NULL']);

describe('the SQL console reads nothing but the site’s own tables', () => {
  const attacks = (o: string) => [
    // a quoted identifier hid the function from the text guard, and a concatenation hid the address
    `SELECT * FROM "read_csv_auto"('http:/' || '/${o.slice('http://'.length)}/x.csv')`,
    `SELECT * FROM read_csv_auto('${o}/x.csv')`,
    `SELECT * FROM "main"."read_csv"('${o}/x.csv', columns = {'a': 'VARCHAR'})`,
    `SELECT * FROM '${o}/x.csv'`,
    `SELECT * FROM "${o}/x.csv"`,
    `SELECT * FROM documents, '${o}/x.parquet'`,
    `SELECT * FROM documents d JOIN "${o}/x.csv" x USING (doc_id)`,
    `SELECT * FROM (SELECT 1) t, LATERAL read_parquet('${o}/x.parquet')`,
    `SELECT (SELECT count(*) FROM read_csv_auto('${o}/x.csv'))`,
    `WITH x AS (SELECT * FROM "READ_CSV_AUTO"('${o}/x.csv')) SELECT * FROM x`,
    `SELECT * FROM glob('${o}/*')`,
    `SELECT * FROM parquet_metadata('${o}/x.parquet')`,
    `SELECT * FROM sniff_csv('${o}/x.csv')`,
    `SUMMARIZE '${o}/x.csv'`,
    `DESCRIBE '${o}/x.csv'`,
    `PIVOT '${o}/x.csv' ON doc_id`,
    // found by a second reading: FROM-first after UNION DISTINCT, a parenthesised join, a CTE named like a file,
    // an information_schema name that is a file, an address spelled with escapes
    `SELECT * FROM documents WHERE false UNION DISTINCT FROM '${o}/x.parquet'`,
    `FROM ('${o}/x.parquet' CROSS JOIN documents) LIMIT 1`,
    `SELECT * FROM documents d JOIN ("${o}/x.csv" CROSS JOIN documents e) ON true`,
    `WITH "${o}/x.parquet" AS (FROM "${o}/x.parquet") FROM "${o}/x.parquet"`,
    `SELECT * FROM information_schema."${o}/x.parquet"`,
    `SELECT * FROM documents WHERE false UNION ALL FROM E'${o.replaceAll('/', '\\x2f')}\\x2fx.parquet'`,
  ];

  it('refuses every table function and file name that would read another address, and sends it nothing', async () => {
    for (const q of attacks(otherOrigin)) {
      const page = await open(sql(q));
      await page.locator('#sql-console:is([data-state="ready"], [data-state="error"])').waitFor();
      expect(await state(page), q).toBe('error');
      expect((await page.locator('#sql-status').textContent())?.length, q).toBeGreaterThan(0);
      await page.close();
    }
    expect(otherHits).toEqual([]);
  });

  it('refuses them in the engine itself: run past the text guard, each is refused before it is bound', async () => {
    const page = await open('/sql/');
    const qs = [...attacks(otherOrigin), ...writes];
    const outcomes = await page.evaluate(async (qs) => {
      const engine = (globalThis as unknown as { planAtlasConsole: { run(q: string): Promise<unknown> } })
        .planAtlasConsole;
      const out: string[] = [];
      for (const q of qs)
        out.push(
          await engine.run(q).then(
            () => 'ran',
            (e: { kind?: string; message?: string }) => e.kind ?? `error: ${e.message}`,
          ),
        );
      return out;
    }, qs);
    expect(Object.fromEntries(qs.map((q, i) => [q, outcomes[i]]))).toEqual(
      Object.fromEntries(qs.map((q) => [q, 'refused'])),
    );
    expect(otherHits).toEqual([]);
    await page.close();
  });

  it('keeps the engine’s worker from reaching another origin even if a statement slipped through (CSP)', async () => {
    const page = await open(sql('SELECT 1 AS one'));
    await page.locator('#sql-console[data-state="ready"]').waitFor();
    const workers = page.workers();
    expect(workers.length).toBeGreaterThan(0);
    for (const w of workers) {
      // DuckDB-WASM reads over synchronous XMLHttpRequest; fetch is tried too
      const outcome = await w.evaluate(async (url) => {
        const tried: string[] = [];
        try {
          await fetch(url);
          tried.push('fetch reached it');
        } catch {
          tried.push('fetch blocked');
        }
        try {
          const x = new XMLHttpRequest();
          x.open('GET', url, false);
          x.send();
          tried.push('xhr reached it');
        } catch {
          tried.push('xhr blocked');
        }
        return tried;
      }, `${otherOrigin}/from-worker.csv`);
      expect(outcome).toEqual(['fetch blocked', 'xhr blocked']);
    }
    expect(otherHits).toEqual([]);
    await page.close();
  });

  it('has no sniff_csv to reach (DuckDB 0.9.1 predates it; the advisory concerns later versions)', async () => {
    const page = await open(
      sql("SELECT count(*) AS n FROM duckdb_functions() WHERE function_name IN ('sniff_csv', 'read_text')"),
    );
    await page.locator('#sql-console[data-state="ready"]').waitFor();
    expect(await cells(page)).toEqual([['0']]);
    await page.close();
  });
});

describe('the SQL console runs one reading statement, and nothing it runs changes what the next query reads', () => {
  it('refuses a second statement hidden behind a $$ string, and the next query reads the published rows', async () => {
    const forge =
      "SELECT $$/*$$; CREATE OR REPLACE VIEW documents AS SELECT 'forged' AS doc_id, 1e12 AS funds_central_yuan; --*/";
    const page = await open(sql(forge));
    await page.locator('#sql-console:is([data-state="ready"], [data-state="error"])').waitFor();
    expect(await state(page)).toBe('error');
    expect(await run(page, honest)).toBe('ready');
    expect(await cells(page)).toEqual(published());
    await page.close();
  });

  it('refuses statements that write, configure or load, whatever their quoting', async () => {
    const page = await open('/sql/');
    for (const q of writes) {
      expect(await run(page, q), q).toBe('error');
    }
    expect(await run(page, honest)).toBe('ready');
    expect(await cells(page)).toEqual(published());
    await page.close();
  });

  it('runs with its configuration locked by the engine', async () => {
    const page = await open(sql("SELECT current_setting('lock_configuration') AS locked"));
    await page.locator('#sql-console[data-state="ready"]').waitFor();
    expect(await cells(page)).toEqual([['true']]);
    await page.close();
  });

  it('still runs what journalists write: CTEs, window functions, DESCRIBE and SUMMARIZE of a table, range()', async () => {
    const page = await open('/sql/');
    for (const q of [
      'WITH t AS (SELECT doc_id FROM documents) SELECT count(*) FROM t',
      'SELECT doc_id, rank() OVER (ORDER BY funds_total_yuan DESC NULLS LAST) AS r FROM documents',
      'DESCRIBE documents',
      'SUMMARIZE allocations',
      'SELECT * FROM range(3) r(n)',
      'FROM findings SELECT doc_id, "check" LIMIT 3',
      "SELECT 'read_csv_auto(''x.csv'')' AS looks_like_a_call",
      "SELECT count(*) FROM documents WHERE source_file LIKE '%.txt'",
    ]) {
      expect(await run(page, q), q).toBe('ready');
    }
    await page.close();
  });
});

describe('the SQL console survives a runaway or oversized query', () => {
  it('refuses a query longer than the limit with a message, before the engine sees it', async () => {
    const long = `SELECT 1 AS x WHERE 1 IN (${Array.from({ length: 14_000 }, (_, i) => i).join(', ')})`;
    expect(long.length).toBeGreaterThan(65_536);
    const page = await open('/sql/');
    expect(await run(page, long)).toBe('error');
    expect(await page.locator('#sql-status').textContent()).toMatch(/字符|characters/);
    expect(await run(page, honest)).toBe('ready');
    expect(await cells(page)).toEqual(published());
    await page.close();
  });

  it('cancels a never-ending recursive query on request, and the next query runs', async () => {
    const page = await open('/sql/');
    await page
      .locator('#sql')
      .fill('WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t');
    await page.locator('#sql-form button[type="submit"]').click();
    await page.locator('#sql-console[data-state="running"]').waitFor();
    await page.locator('#sql-cancel').click();
    await page.locator('#sql-console[data-state="error"]').waitFor();
    expect(await page.locator('#sql-status').textContent()).toMatch(/已取消|cancelled/i);
    expect(await run(page, honest)).toBe('ready');
    expect(await cells(page)).toEqual(published());
    await page.close();
  });

  it('stops a query that runs past the time limit, saying so, and the next query runs', async () => {
    const page = await open('/sql/');
    // the limit is the page's own setting; a short one here, so the test need not wait the default
    await page.locator('#sql-console').evaluate((el) => {
      (el as HTMLElement).dataset.timeLimit = '1500';
    });
    expect(
      await run(
        page,
        'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t',
      ),
    ).toBe('error');
    expect(await page.locator('#sql-status').textContent()).toMatch(/秒|seconds/);
    expect(await run(page, honest)).toBe('ready');
    expect(await cells(page)).toEqual(published());
    await page.close();
  });
});

describe('the SQL console shows the numbers DuckDB computed', () => {
  it('prints DECIMAL, BIGINT beyond 2^53, dates and timestamps as DuckDB has them (Arrow hands 1.5 over as 15)', async () => {
    const page = await open(
      sql(
        "SELECT 1.5 AS d, 0.5 * 3 AS e, -0.05 AS f, 9007199254740993::BIGINT AS b, DATE '2021-03-04' AS dt, TIMESTAMP '2021-03-04 05:06:07' AS ts, NULL AS n",
      ),
    );
    await page.locator('#sql-console[data-state="ready"]').waitFor();
    expect(await cells(page)).toEqual([
      ['1.5', '1.5', '-0.05', '9007199254740993', '2021-03-04', '2021-03-04 05:06:07', 'NULL'],
    ]);
    await page.close();
  });

  it('prints microseconds, REAL and TIME as DuckDB does, and says so where it cannot (nanoseconds)', async () => {
    const page = await open(
      sql(
        "SELECT TIMESTAMP '2021-03-04 05:06:07.123456' AS t, 0.1::REAL AS r, TIME '05:06:07.5' AS tm, TIMESTAMP_NS '2021-03-04 05:06:07.123456789' AS ns",
      ),
    );
    await page.locator('#sql-console[data-state="ready"]').waitFor();
    const [row] = await cells(page);
    expect(row!.slice(0, 3)).toEqual(['2021-03-04 05:06:07.123456', '0.1', '05:06:07.5']);
    expect(row![3]).toContain('CAST');
    await page.close();
  });
});
