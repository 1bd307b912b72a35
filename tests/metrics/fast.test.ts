/**
 * The data rows of a CSV checked in DuckDB (pipelines/metrics/fast.ts) must give exactly what reading the file
 * record by record in JavaScript gives (file.ts, whose every rule the other tests of this folder pin to values
 * read from the fixtures): the same published rows, the same rejections with their lines, the same counts. Each
 * file below has the faults of one kind; files whose records are not their lines are read in JavaScript.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileSummary } from '../../pipelines/metrics/import.ts';
import { importMetrics } from '../../pipelines/metrics/publish.ts';
import { loadReference, type Reference } from '../../pipelines/reference/index.ts';
import { gb18030 } from './files.ts';

/** Each file's text; a file named *.gbk.csv is written in GB18030 by the test. */
const FILES: Record<string, string> = {
  // a long file with a fault of every kind a value can have, a duplicate, a blank line and a total
  'long.csv': [
    'county_code,county,month,metric,value,unit,synthetic,note',
    '469001,五指山市,2021-01,online_retail_sales_yuan,120.5,万元,false,',
    '469001,五指山市,2021年2月,online_retail_sales_yuan,"1,234.5",万元,false,"a note, with a comma"',
    '469001,五指山市,2021-03,express_parcels,１２３,件,是,',
    '999999,,2021-03,express_parcels,5,件,false,',
    '440232,,2021.1,express_parcels,5,件,false,',
    '440232,,2021-13,express_parcels,5,件,false,',
    '440232,,2021-02,no_such_metric,5,件,false,',
    '440232,,2021-02,express_parcels,,件,false,',
    '440232,,2021-02,express_parcels,abc,件,false,',
    '440232,,2021-02,express_parcels,-3,件,false,',
    '440232,,2021-02,express_parcels,3,公斤,false,',
    '440232,,2021-02,express_parcels,1.5,件,false,',
    '440232,,2021-02,网络零售额,7,,false,',
    '440232,,2021-04,express_parcels,1.25,万件,false,',
    '',
    '469001,五指山市,2021-01,online_retail_sales_yuan,121,万元,false,',
    '469001,五指山市,2021-04,express_parcels,10,件,false,',
    '469001,五指山市,2021-04,express_parcels,10,件,false,',
    '合计,,,express_parcels,999,件,false,',
    '469001,2021-05,express_parcels,12',
    '469001,,2021-05,express_parcels,1,234,件,false,',
    '469001, 2021-06,express_parcels,5,件,false,,"x"',
    '469001,,2021-07,express_parcels,-0,件,false,',
    // numbers DuckDB would cast but the reader does not take, and some it takes: signs, a leading point
    '469001,,2021-08,express_parcels,5.,件,false,',
    '469001,,2021-09,express_parcels,1e3,件,false,',
    '469001,,2022-01,express_parcels,0x10,件,false,',
    '469001,,2021-10,express_parcels,.5,万件,false,',
    '469001,,2021-11,express_parcels,+7,件,false,',
    // more digits than a double holds: no number (JavaScript's Infinity), never an infinite amount
    `469001,,2021-11,online_retail_sales_yuan,${'9'.repeat(400)},万元,false,`,
    // cells to trim of an ideographic and a no-break space, and a quoted quote
    '469001\u3000,,2021-12,express_parcels,\u00A08\u00A0,件,false,"say ""hi"""',
    '469001,,2022-02,express_parcels, 9 ,件,false,',
    '469001,,2022-03,express_parcels,\u300010,件\u3000,false,',
    '',
  ].join('\n'),
  // a quote inside a cell that is not quoted: papaparse's reading, in JavaScript
  'stray-quote.csv': [
    'county_code,month,metric,value,note',
    '469001,2021-01,express_parcels,3,ab"c',
    '',
  ].join('\n'),
  // one metric column given twice
  'repeated.csv': ['县区代码,月份,快递业务量（件）,快递业务量（件）', '469001,2021-01,5,6', ''].join('\n'),
  // a unit note under the data in a column that is not the county's (序号 first): refused in both
  'unit-note.csv': ['序号,县区,月份,快递业务量', '1,东港市,2023-03,12', '单位：万件,,,', ''].join('\n'),
  // two line breaks at the end
  'two-breaks.csv': ['county_code,month,metric,value', '469001,2021-01,express_parcels,3', '', ''].join('\n'),
  // a wide file with a unit row, a name column beside the code, a note under the data and CRLF line breaks
  'wide.csv': [
    '县区代码,县区,月份,网络零售额,快递业务量',
    ',,,万元,万件',
    '469001,五指山市,2021-01,12.5,1.2',
    '  469001 ,五指山市,2021-02,,3',
    '440232,乳源,2021-02,0.5,',
    '469001,五指山市,2021-03,,',
    // (a name of another county beside the code: its values rejected; with a bad month, for the month)
    '469001,乳源,2021-04,1,2',
    '469001,乳源,2021-13,1,',
    '合 计,,,13,4.2',
    '填报日期：2021年3月5日',
    '',
  ].join('\r\n'),
  // a title and notes above the header, 县区代码 and 统计月份, in GB18030, the last line cut off
  'report.gbk.csv': [
    '五指山市2021年电子商务统计月报',
    '填报单位：五指山市商务局',
    '单位：万元',
    '县区代码,统计月份,网络零售额（万元）,快递业务量（件）',
    '469001,2021-01,120.5,3000',
    '469001,2021/3,98,2800',
    '469001,202104,130,17',
  ].join('\r\n'),
  // a quoted cell with a line break: its records are not its lines, so it is read in JavaScript
  'quoted.csv': [
    'county_code,month,metric,value,note',
    '469001,2021-01,express_parcels,3,"two',
    'lines"',
    '',
  ].join('\n'),
};

let ref: Reference;
/** where the byte that is not UTF-8 is in bad-byte.csv */
let badByteAt = 0;
let dir: string;
const runs: Record<
  'duckdb' | 'javascript',
  { files: FileSummary[]; parquet: string; monthly: string; rejected: string }
> = {} as never;

beforeAll(async () => {
  ref = loadReference();
  dir = mkdtempSync(join(tmpdir(), 'plan-atlas-fast-'));
  mkdirSync(join(dir, 'in'));
  for (const [name, text] of Object.entries(FILES))
    writeFileSync(join(dir, 'in', name), name.endsWith('.gbk.csv') ? gb18030(text) : text);
  // a byte that is not UTF-8 1.4 MB down, below the records read in JavaScript above the data: DuckDB refuses
  // the file, and the record reader refuses it with the byte's offset
  const rows = Array.from(
    { length: 40_000 },
    (_, i) => `469001,${2000 + Math.floor(i / 12)}-01,express_parcels,${i}`,
  );
  const good = Buffer.from(
    `county_code,month,metric,value\n${rows.join('\n')}\n469001,2021-02,express_parcels,`,
  );
  badByteAt = good.length;
  writeFileSync(join(dir, 'in', 'bad-byte.csv'), Buffer.concat([good, Buffer.from([0xff, 0x0a])]));
  for (const [mode, fast] of [
    ['duckdb', true],
    ['javascript', false],
  ] as const) {
    const out = join(dir, mode);
    const { files } = await importMetrics(join(dir, 'in'), out, ref, () => {}, { fast });
    runs[mode] = {
      files,
      parquet: readFileSync(join(out, 'metrics_monthly.parquet')).toString('base64'),
      monthly: readFileSync(join(out, 'metrics_monthly.csv'), 'utf8'),
      rejected: readFileSync(join(out, 'metrics_rejected.csv'), 'utf8'),
    };
  }
}, 60_000);

describe('the data rows checked in DuckDB', () => {
  it('are checked in DuckDB for a file whose records are its lines, in JavaScript for one with a line break in a cell', () => {
    const by = Object.fromEntries(
      runs.duckdb.files.map((f) => [f.file.split('/').at(-1), f.readBy ?? 'javascript']),
    );
    expect(by).toEqual({
      'bad-byte.csv': 'javascript',
      'long.csv': 'duckdb',
      'quoted.csv': 'javascript',
      'repeated.csv': 'duckdb',
      'stray-quote.csv': 'javascript',
      'report.gbk.csv': 'duckdb',
      'two-breaks.csv': 'duckdb',
      // (a row naming 单位 under the data may be a unit note refusing the file)
      'unit-note.csv': 'javascript',
      'wide.csv': 'duckdb',
    });
  });

  it('refuse a file with a byte that is not UTF-8 below the first megabyte, naming its offset', () => {
    const bad = runs.duckdb.files.find((f) => f.file.endsWith('bad-byte.csv'))!;
    expect(badByteAt).toBeGreaterThan(1 << 20);
    expect(bad.error).toContain(`UTF-8 fails at byte ${badByteAt}`);
    expect(bad.accepted).toBe(0);
  });

  it('publish the same rows as reading record by record', () => {
    expect(runs.duckdb.monthly).toBe(runs.javascript.monthly);
    // the same Parquet bytes too (0 for -0)
    expect(runs.duckdb.parquet).toBe(runs.javascript.parquet);
    expect(runs.duckdb.monthly.split('\n').length).toBeGreaterThan(5);
  });

  it('reject the same values for the same reasons, naming the same lines and columns', () => {
    expect(runs.duckdb.rejected).toBe(runs.javascript.rejected);
    for (const reason of [
      'unknown_county',
      'ambiguous_month',
      'bad_month',
      'unknown_metric',
      'missing_value',
    ])
      expect(runs.duckdb.rejected).toContain(reason);
    for (const reason of [
      'not_a_number',
      'negative_value',
      'bad_unit',
      'missing_unit',
      'not_whole',
      'cell_count',
    ])
      expect(runs.duckdb.rejected).toContain(reason);
    expect(runs.duckdb.rejected).toContain('unterminated_last_line');
  });

  it('count every record, row and value as reading record by record does, and each file reconciles', () => {
    const counts = (files: FileSummary[]) => files.map(({ readBy: _, ...f }) => f);
    expect(counts(runs.duckdb.files)).toEqual(counts(runs.javascript.files));
  });
});
