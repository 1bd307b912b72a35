/**
 * Monthly metrics: the cell parsers, every accepted input form, every rejection reason, the reconciliation
 * invariant on a file with every kind of fault at once, GB18030 and BOM files, the seeded generator, and
 * progress against plan targets. Files go through the real command: npm run data -- --metrics DIR --out DIR.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Row } from '../pipelines/contract/schema.ts';
import { parseMonth, parseValue } from '../pipelines/metrics/parse.ts';
import { type MetricValue, progressRows } from '../pipelines/metrics/progress.ts';
import { sampleCsv } from '../pipelines/tools/sample.ts';
import { ROOT } from './helpers.ts';

describe('cells as reports write them', () => {
  it('months: 2020-03, 2020-3, 2020年3月, 2020/3, 2020.03, 202003, 2020-03-15, Excel serials', () => {
    for (const m of [
      '2020-03',
      '2020-3',
      '2020年3月',
      '2020年03月份',
      '2020/3',
      '2020.03',
      '202003',
      '2020-03-15',
      '２０２０年３月',
    ])
      expect(parseMonth(m), m).toBe('2020-03');
    // Excel counts days from 1899-12-30: 43891 is 2020-03-01, 44196 is 2020-12-31
    expect(parseMonth('43891')).toBe('2020-03');
    expect(parseMonth('44196')).toBe('2020-12');
    for (const bad of [
      '2020-13',
      '2020-00',
      'March 2020',
      '20',
      '',
      '2020-03-40',
      '12345',
      '2023-02-29',
      '2023年4月31日',
      '2023/6/31',
    ])
      expect(parseMonth(bad), bad).toBeNull();
  });

  it('numbers: 1,234.5, full-width digits, spaces; not text, dashes or two points', () => {
    expect(parseValue('1,234.5')).toBe(1234.5);
    expect(parseValue('１２３４')).toBe(1234);
    expect(parseValue(' 12 ')).toBe(12);
    expect(parseValue('-5')).toBe(-5);
    expect(parseValue('.5')).toBe(0.5);
    for (const bad of ['—', 'N/A', '1.2.3', '12万', '1,23', 'abc', ''])
      expect(parseValue(bad), bad).toBeNull();
  });
});

/** Runs the importer on a folder of files; returns its output tables as CSV rows and its stdout. */
function importFiles(files: Record<string, string | Uint8Array>) {
  const dir = mkdtempSync(join(tmpdir(), 'plan-atlas-metrics-'));
  const inp = join(dir, 'in');
  const out = join(dir, 'out');
  execFileSync('mkdir', ['-p', inp]);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(inp, name), content);
  let stdout = '';
  let status = 0;
  try {
    stdout = execFileSync(
      process.execPath,
      [join(ROOT, 'pipelines/cli.ts'), '--metrics', inp, '--out', out],
      {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  } catch (e) {
    const err = e as { stdout: string; status: number };
    stdout = err.stdout;
    status = err.status;
  }
  const table = (name: string) => {
    const raw = readFileSync(join(out, `${name}.csv`), 'utf8');
    return Papa.parse<Record<string, string>>(raw.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
  };
  return { metrics: table('metrics_monthly'), rejected: table('metrics_rejected'), stdout, status };
}

const value = (rows: Record<string, string>[], county: string, month: string, metric: string) =>
  rows.find((r) => r.county_code === county && r.month === month && r.metric === metric)?.value;

describe('accepted input forms', () => {
  it('long form with English headers, codes, units per row (万元 → yuan, 万件 → parcels)', () => {
    const { metrics, rejected } = importFiles({
      'long.csv':
        'county_code,month,metric,value,unit\n469001,2020-03,online_retail_sales_yuan,12.5,万元\n469001,2020-03,express_parcels,0.5,万件\n469001,2020-03,training_person_times,120,人次\n',
    });
    expect(rejected.filter((r) => r.scope === 'value')).toEqual([]);
    expect(value(metrics, '469001', '2020-03', 'online_retail_sales_yuan')).toBe('125000');
    expect(value(metrics, '469001', '2020-03', 'express_parcels')).toBe('5000');
    expect(value(metrics, '469001', '2020-03', 'training_person_times')).toBe('120');
    expect(metrics.find((r) => r.metric === 'online_retail_sales_yuan')).toMatchObject({
      synthetic: 'false',
      unit: 'yuan',
    });
    expect(metrics.map((r) => r.source)).toContain('in/long.csv:2');
  });

  it('wide form with Chinese headers and units in them, counties by name, months as 2020年3月 and Excel serials', () => {
    const { metrics, rejected } = importFiles({
      'wide.csv':
        '县（市、区）,月份,网络零售额（万元）,农产品网络零售额(元),快递业务量（万件）,电商培训人次\n五指山市,2020年3月,12.5,30000,3,40\n乳源,43922,"1,200",,0.5,\n',
    });
    expect(rejected.filter((r) => r.scope === 'value')).toEqual([]);
    expect(value(metrics, '469001', '2020-03', 'online_retail_sales_yuan')).toBe('125000');
    expect(value(metrics, '469001', '2020-03', 'agri_online_retail_sales_yuan')).toBe('30000');
    expect(value(metrics, '469001', '2020-03', 'express_parcels')).toBe('30000');
    // 43922 is 2020-04-01; an empty cell in a wide file is not a value
    expect(value(metrics, '440232', '2020-04', 'online_retail_sales_yuan')).toBe('12000000');
    expect(value(metrics, '440232', '2020-04', 'training_person_times')).toBeUndefined();
    expect(metrics).toHaveLength(6);
  });

  it('GB18030 (Excel on a Chinese Windows) and UTF-8 with BOM give the same values', () => {
    // 县,月份,网络零售额（万元）,快递业务量（万件） / 五指山市,2020年3月,12.5,3 / 乳源,2020年4月,"1,200",0.5 in GB18030, CRLF
    const gb = Buffer.from(
      'cfd82cd4c2b7dd2ccdf8c2e7c1e3cadbb6eea3a8cdf2d4aaa3a92cbfecb5ddd2b5cef1c1bfa3a8cdf2bcfea3a90d0acee5d6b8c9bdcad02c32303230c4ea33d4c22c31322e352c330d0ac8e9d4b42c32303230c4ea34d4c22c22312c323030222c302e350d0a',
      'hex',
    );
    const bom = `\uFEFF${new TextDecoder('gb18030').decode(gb)}`;
    const a = importFiles({ 'gb.csv': gb });
    const b = importFiles({ 'bom.csv': bom });
    const strip = (rows: Record<string, string>[]) => rows.map(({ source: _, ...r }) => r);
    expect(strip(a.metrics)).toEqual(strip(b.metrics));
    expect(value(a.metrics, '440232', '2020-04', 'online_retail_sales_yuan')).toBe('12000000');
    expect(a.metrics).toHaveLength(4);
  });
});

describe('every rejection reason, with file, line, column and the raw value', () => {
  const header = 'county_code,month,metric,value,unit\n';
  const lines = [
    '999999,2020-03,training_person_times,1,人次', // 2 unknown county code
    '东港,2020-03,training_person_times,1,人次', // 3 ambiguous: 东港市 and 东港区
    '保山市,2020-03,training_person_times,1,人次', // 4 a prefecture
    ',2020-03,training_person_times,1,人次', // 5 no county
    '469001,2020-13,training_person_times,1,人次', // 6 bad month
    '469001,2020-03,happiness,1,人次', // 7 unknown metric
    '469001,2020-03,training_person_times,,人次', // 8 missing value
    '469001,2020-03,express_parcels,many,件', // 9 not a number
    '469001,2020-03,new_online_shops,-2,家', // 10 negative
    '469001,2020-03,online_retail_sales_yuan,5,kg', // 11 bad unit
    '469001,2020-04,online_retail_sales_yuan,5,', // 12 accepted? no: money named by code is yuan
    '469001,2020-05,training_person_times,10,人次', // 13 accepted, then repeated identically on 14
    '469001,2020-05,training_person_times,10,人次', // 14 duplicate (identical)
    '469001,2020-06,training_person_times,10,人次', // 15 conflict with 16
    '469001,2020-06,training_person_times,12,人次', // 16 conflict with 15
  ];
  const { metrics, rejected } = importFiles({ 'messy.csv': `${header}${lines.join('\n')}\n` });
  const at = (line: number) => rejected.find((r) => r.line === String(line));

  it.each([
    [2, 'county', '999999', 'unknown_county'],
    [3, 'county', '东港', 'ambiguous_county'],
    [4, 'county', '保山市', 'not_a_county'],
    [5, 'county', '', 'missing_county'],
    [6, 'month', '2020-13', 'bad_month'],
    [7, 'metric', 'happiness', 'unknown_metric'],
    [8, 'value', '', 'missing_value'],
    [9, 'value', 'many', 'not_a_number'],
    [10, 'value', '-2', 'negative_value'],
    [11, 'unit', 'kg', 'bad_unit'],
    [14, 'value', '10', 'duplicate_identical'],
    [15, 'value', '10', 'duplicate_conflict'],
    [16, 'value', '12', 'duplicate_conflict'],
  ])('line %i: %s “%s” → %s', (line, field, raw, reason) => {
    expect(at(line)).toMatchObject({
      file: 'in/messy.csv',
      column: 'value',
      scope: 'value',
      field,
      raw_value: raw,
      reason,
    });
    expect(at(line)!.reason_zh).not.toBe('');
    expect(at(line)!.reason_en).not.toBe('');
  });

  it('a conflict keeps neither value and names both; an identical repeat keeps the first', () => {
    expect(value(metrics, '469001', '2020-06', 'training_person_times')).toBeUndefined();
    expect(at(15)!.reason_zh).toContain('10（messy.csv 第 15 行） / 12（messy.csv 第 16 行）');
    expect(metrics.find((r) => r.month === '2020-05')!.source).toBe('in/messy.csv:13');
  });

  it('a money amount is converted only when its unit is known: 元 by the …_yuan code, never guessed in words', () => {
    expect(value(metrics, '469001', '2020-04', 'online_retail_sales_yuan')).toBe('5');
    const words = importFiles({ 'w.csv': '县,月份,网络零售额\n五指山市,2020-03,5\n' });
    expect(words.metrics).toEqual([]);
    expect(words.rejected.find((r) => r.scope === 'value')).toMatchObject({
      field: 'unit',
      reason: 'missing_unit',
    });
  });

  it('a metric column given twice with the same value on a row: the first is published, the repeat rejected', () => {
    const twice = importFiles({
      't.csv': '县区代码,月份,快递业务量（件）,快递业务量（件）\n469001,2021-01,5,5\n',
    });
    expect(twice.metrics.map((r) => [r.county_code, r.month, r.metric, r.value])).toEqual([
      ['469001', '2021-01', 'express_parcels', '5'],
    ]);
    expect(twice.rejected.filter((r) => r.scope === 'value').map((r) => r.reason)).toEqual([
      'duplicate_identical',
    ]);
  });

  it('a conflict of two columns on one line names each value’s column', () => {
    const twice = importFiles({
      't.csv': '县区代码,月份,快递业务量（件）,快递业务量（件）\n469001,2021-01,90,100\n',
    });
    expect(twice.metrics).toEqual([]);
    // the header given twice is told apart by its column (第 3 列, 第 4 列)
    expect(twice.rejected.find((r) => r.reason === 'duplicate_conflict')!.reason_zh).toMatch(
      /：90（t\.csv 第 2 行 快递业务量\(件\)（第 3 列）） \/ 100（t\.csv 第 2 行 快递业务量\(件\)（第 4 列））$/,
    );
  });

  it('a conflict names the values given, each once, in the order they first appear', () => {
    const given = importFiles({
      'a.csv': [
        'county_code,month,metric,value',
        '469001,2021-01,express_parcels,12', // 2: 12 first, then 10 (not sorted)
        '469001,2021-02,express_parcels,5', // 3: 5, 7, 5, 6: three values given, 5 twice
        '469001,2021-01,express_parcels,10', // 4
        '469001,2021-02,express_parcels,7', // 5
        '',
      ].join('\n'),
      'b.csv':
        'county_code,month,metric,value\n469001,2021-02,express_parcels,5\n469001,2021-02,express_parcels,6\n',
    });
    const message = (file: string, line: number) =>
      given.rejected.find((r) => r.file === `in/${file}` && r.line === String(line))!.reason_zh;
    // each value with where it is first given, so that a reader of one rejection finds the other
    expect(message('a.csv', 4)).toMatch(/：12（a\.csv 第 2 行） \/ 10（a\.csv 第 4 行）$/);
    expect(message('a.csv', 2)).toMatch(/：12（a\.csv 第 2 行） \/ 10（a\.csv 第 4 行）$/);
    expect(given.rejected.find((r) => r.file === 'in/a.csv' && r.line === '2')!.reason_en).toMatch(
      /: 12 \(a\.csv line 2\) \/ 10 \(a\.csv line 4\)$/,
    );
    for (const [file, line] of [
      ['a.csv', 3],
      ['a.csv', 5],
      ['b.csv', 2],
      ['b.csv', 3],
    ] as const)
      expect(message(file, line)).toMatch(
        /：5（a\.csv 第 3 行） \/ 7（a\.csv 第 5 行） \/ 6（b\.csv 第 3 行）$/,
      );
    expect(given.metrics).toEqual([]);
  });

  it('a conflict of one spelling under two units (12 万件, 12 件) is rejected, not dropped', () => {
    const units = importFiles({
      'u.csv':
        'county_code,month,metric,value,unit\n469001,2021-03,express_parcels,12,万件\n469001,2021-03,express_parcels,12,件\n',
    });
    expect(units.metrics).toEqual([]);
    const conflicts = units.rejected.filter((r) => r.reason === 'duplicate_conflict');
    expect(conflicts.map((r) => r.line)).toEqual(['2', '3']);
    // (one spelling, two values: each with what it is once converted, and its line)
    expect(conflicts[0]!.reason_zh).toMatch(
      /：12（= 120000 件，u\.csv 第 2 行） \/ 12（= 12 件，u\.csv 第 3 行）$/,
    );
  });

  it('rows read = rows accepted + rows rejected (2 + 13 = 15)', () => {
    expect(metrics).toHaveLength(2);
    expect(rejected.filter((r) => r.scope === 'value')).toHaveLength(13);
  });
});

describe('files that cannot be read, and columns that are not known', () => {
  it('a binary file and a file without county and month columns are reported by name; the others are imported', () => {
    const { metrics, rejected, stdout, status } = importFiles({
      'a-binary.csv': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x00]),
      'b-no-header.csv': 'name,score\nx,1\n',
      'c-good.csv': 'county_code,month,metric,value\n469001,2020-03,training_person_times,5\n',
    });
    expect(status).toBe(1);
    expect(metrics).toHaveLength(1);
    const files = rejected.filter((r) => r.scope === 'file');
    expect(files.map((r) => [r.file, r.reason])).toEqual([
      ['in/a-binary.csv', 'unreadable_file'],
      ['in/b-no-header.csv', 'no_header'],
    ]);
    expect(files[1]!.raw_value).toContain('“name”');
    expect(stdout).toContain('in/c-good.csv');
  });

  it('an unknown column of a wide file is reported once, not as values; a note column is kept', () => {
    const { metrics, rejected } = importFiles({
      'w.csv': '县,月份,快递量（件）,满意度,备注\n五指山市,2020-03,100,好,估算\n五指山市,2020-04,120,好,\n',
    });
    expect(metrics.map((r) => [r.month, r.value, r.note])).toEqual([
      ['2020-03', '100', '估算'],
      ['2020-04', '120', ''],
    ]);
    expect(rejected).toEqual([
      expect.objectContaining({ line: '1', column: '满意度', scope: 'column', reason: 'unknown_column' }),
    ]);
  });

  it('line numbers count blank lines and newlines inside quoted cells', () => {
    const { rejected } = importFiles({
      'q.csv':
        'county_code,month,metric,value,note\n\n469001,2020-03,express_parcels,1,"two\nlines"\n469001,2020-13,express_parcels,1,\n',
    });
    expect(rejected.find((r) => r.reason === 'bad_month')?.line).toBe('5');
  });
});

describe('the synthetic sample', () => {
  it('is the seeded generator’s output: same seed, same bytes; another seed, other data', () => {
    expect(sampleCsv(20191001)).toBe(sampleCsv(20191001));
    expect(sampleCsv(1)).not.toBe(sampleCsv(20191001));
    expect(readFileSync(join(ROOT, 'data/metrics/synthetic-sample.csv'), 'utf8')).toBe(sampleCsv());
  });

  it('marks every row synthetic, and peaks in November (双十一)', () => {
    const rows = Papa.parse<Record<string, string>>(sampleCsv().slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.every((r) => r.synthetic === 'true' && r.note!.includes('示例数据'))).toBe(true);
    const sales = (m: string) =>
      rows
        .filter((r) => r.metric === 'online_retail_sales_yuan' && r.month === m)
        .reduce((a, r) => a + Number(r.value), 0);
    expect(sales('2020-11')).toBeGreaterThan(sales('2020-10'));
    expect(sales('2020-11')).toBeGreaterThan(sales('2020-12'));
  });
});

describe('progress against plan targets', () => {
  const doc: Row = {
    doc_id: 'd',
    status: 'ok',
    doc_type: 'plan',
    county_code: '469001',
    division_level: 'county',
    period_start: '2020-01',
    period_end: '2020-12',
  };
  const target = (metric: string, value: number, id = 't001'): Row => ({
    doc_id: 'd',
    target_id: id,
    metric,
    value,
    comparator: '>=',
    span_start: 0,
    span_end: 1,
    quote: 'x',
  });
  const months = (
    metric: string,
    from: number,
    to: number,
    v: (i: number) => number,
    year = 2020,
  ): MetricValue[] =>
    Array.from({ length: to - from + 1 }, (_, k) => ({
      county_code: '469001',
      month: `${year}-${String(from + k).padStart(2, '0')}`,
      metric,
      value: v(from + k),
      synthetic: true,
    }));

  it('cumulative training: 6 × 100 of 1,200 by June is half, as expected halfway through the year: on track', () => {
    const [p] = progressRows(
      [doc],
      [target('training_person_times', 1200)],
      [],
      months('training_person_times', 1, 6, () => 100),
    );
    expect(p).toMatchObject({
      actual: 600,
      actual_month: '2020-06',
      share_of_target: 0.5,
      expected_share: 0.5,
      status: 'on_track',
      synthetic: true,
    });
  });

  it('behind when below the linear expectation; met when reached; counted only from the period’s start', () => {
    const before = months('training_person_times', 10, 12, () => 500, 2019);
    const [behind] = progressRows(
      [doc],
      [target('training_person_times', 1200)],
      [],
      [...before, ...months('training_person_times', 1, 6, () => 50)],
    );
    expect(behind).toMatchObject({ actual: 300, status: 'behind' });
    const [met] = progressRows(
      [doc],
      [target('training_person_times', 1200)],
      [],
      months('training_person_times', 1, 12, () => 150),
    );
    expect(met).toMatchObject({ actual: 1800, share_of_target: 1.5, status: 'met' });
  });

  it('stations: the latest month in operation against new + upgraded; data after the period is not used', () => {
    const [p] = progressRows(
      [doc],
      [target('village_station_count_new', 15, 't001'), target('village_station_count_upgraded', 22, 't002')],
      [],
      [
        ...months('active_village_stations', 1, 12, (i) => i * 3),
        ...months('active_village_stations', 1, 3, () => 99, 2021),
      ],
    );
    expect(p).toMatchObject({
      measure: 'village_station_count',
      target_value: 37,
      actual: 36,
      actual_month: '2020-12',
      status: 'behind',
    });
  });

  it('growth: the last 12 months against the 12 before, in %, against the growth target', () => {
    const [p] = progressRows(
      [{ ...doc, period_start: '2019-01', period_end: '2020-12' }],
      [target('online_retail_growth_pct', 30)],
      [],
      [
        ...months('online_retail_sales_yuan', 1, 12, () => 100, 2019),
        ...months('online_retail_sales_yuan', 1, 12, () => 135),
      ],
    );
    expect(p).toMatchObject({ basis: 'yoy_12_months', actual: 35, status: 'met' });
  });

  it('no data, and no period (乳源 states only an end): said, not guessed', () => {
    const [none] = progressRows([doc], [target('training_person_times', 1200)], [], []);
    expect(none).toMatchObject({ status: 'no_data', actual: null });
    const [noPeriod] = progressRows(
      [{ ...doc, period_start: null }],
      [target('training_person_times', 1200)],
      [],
      months('training_person_times', 1, 6, () => 100),
    );
    expect(noPeriod).toMatchObject({ status: 'no_period', actual: null });
  });
});
