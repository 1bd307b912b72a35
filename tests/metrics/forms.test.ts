/**
 * Monthly reports as officials send them (issue 17): headers as they are written (县区代码, 统计月份, 报告期, 单位名称,
 * 填报单位), title and note rows above the header (某县2021年电子商务统计月报, 填报单位：…, 单位：万元), and totals rows
 * (合计, 小计). Each is read, reported, and counted so that the file still reconciles. Fixtures are written here in
 * the shape of a county's statistical monthly report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CountyLookup, countyLookup } from '../../pipelines/metrics/lookups.ts';
import { reconciles } from '../../pipelines/metrics/summary.ts';
import { loadReference } from '../../pipelines/reference/index.ts';
import { importFiles, readStaging, stageContent, tempDir, workbookOf } from './files.ts';

let county: CountyLookup;
beforeAll(() => {
  county = countyLookup(loadReference());
});

const stage = (content: string | Uint8Array) => stageContent(county, content, 'in/report.csv');

describe('headers as they are written', () => {
  it.each([
    ['县区代码,统计月份,快递业务量（件）', '469001'],
    ['区县代码,报告期,快递业务量（件）', '469001'],
    ['地区代码,年月,快递业务量（件）', '469001'],
    ['县（市、区）,期别,快递业务量（件）', '五指山市'],
    ['单位名称,月份,快递业务量（件）', '五指山市'],
    ['填报单位,时间,快递业务量（件）', '五指山市'],
    // (a sixth probe: a county's name column as statistics forms head it, a level of division with 所属 before it or
    // 名称 after it; a month column, 年月, 月份 or 期 after 统计, 所属, 报表, 数据 or 报告)
    ...[
      '县（市、区）名称',
      '区县名称',
      '所属县区',
      '县区（市）',
      '县市区名称',
      '行政区划名称',
      '区划名称',
      '县（市）',
    ].map((county) => [`${county},月份,快递业务量（件）`, '五指山市']),
    ...['统计年月', '所属月份', '报表期', '数据期', '月份（年月）', '统计月', '报告期别', '所属期间'].map(
      (month) => [`县区,${month},快递业务量（件）`, '五指山市'],
    ),
  ])('%s is read: county, month and the metric column', async (header, place) => {
    const { summary, accepted } = await stage(`${header}\n${place},2021-03,1200\n`);
    expect(summary.error).toBeNull();
    expect(accepted.map((r) => [r.county_code, r.month, r.metric, r.value])).toEqual([
      ['469001', '2021-03', 'express_parcels', '1200'],
    ]);
  });
});

describe('more headers as they are written (a sixth probe)', () => {
  // (a footnote's mark after a header or a county, *, ①, points at a note that may change what its figures are, 注：*为
  // 1-3月累计数, ①快递业务量单位：万件: the column or the row is not read, and said so, not read as if unmarked)
  it('网络零售额（万元）* and a county 五指山市* are not read as if unmarked: unknown_column, unknown_county', async () => {
    const { accepted, rejected } = await stage(
      '县区,月份,网络零售额（万元）*,快递业务量（件）\n五指山市*,2021-03,1,2\n五指山市,2021-04,1,2\n注：*为1-3月累计数\n',
    );
    expect(accepted.map((r) => [r.month, r.metric, r.value])).toEqual([['2021-04', 'express_parcels', '2']]);
    expect(rejected.map((r) => [r.raw_value, r.reason])).toEqual([
      ['五指山市*', 'unknown_county'],
      ['网络零售额(万元)*', 'unknown_column'],
    ]);
  });

  // (所属地区 beside 县区 is the prefecture or province the county is of: a column not read, not a second county column)
  it('所属地区 | 县区 | 月份 is read, 所属地区 a column not recognised (a review)', async () => {
    const { summary, accepted } = await stage(
      '所属地区,县区,月份,快递业务量（件）\n海南省,五指山市,2021-03,1200\n',
    );
    expect(summary.error).toBeNull();
    expect(accepted.map((r) => [r.county_code, r.month, r.value])).toEqual([['469001', '2021-03', '1200']]);
    expect(summary.ignoredColumns).toEqual(['所属地区']);
  });

  it('所属县区代码 is a code column (a review)', async () => {
    const { summary, accepted } = await stage('所属县区代码,月份,快递业务量（件）\n469001,2021-03,1200\n');
    expect(summary.error).toBeNull();
    expect(accepted.map((r) => [r.county_code, r.value])).toEqual([['469001', '1200']]);
  });

  // (the month a report was filed in, 填报月份, is no month of its figures: the file is refused, not read as March's)
  it('县区 | 填报月份 is no month column: the file is refused', async () => {
    const { summary, accepted } = await stage('县区,填报月份,快递业务量（件）\n五指山市,2021-04,1200\n');
    expect(summary.error).toMatch(/no month column/);
    expect(accepted).toEqual([]);
  });
});

describe('title and note rows above the header', () => {
  it('are skipped, counted and reported; a 单位：万元 line sets the unit of columns that give none', async () => {
    const { summary, accepted } = await stage(
      [
        '五指山市2021年电子商务统计月报,,',
        '填报单位：五指山市商务局,,',
        '单位：万元,,',
        '县区代码,统计月份,网络零售额',
        '469001,2021-03,125',
        '填报日期：2021年4月5日,,',
        '',
      ].join('\n'),
    );
    expect(summary.error).toBeNull();
    // 125 万元 is 1,250,000 yuan: the unit came from the note above the header
    expect(accepted.map((r) => [r.metric, r.value, r.unit])).toEqual([
      ['online_retail_sales_yuan', '1250000', 'yuan'],
    ]);
    expect(summary).toMatchObject({ titleRows: 4, headerRows: 1, rows: 1 });
    expect(summary.notes).toEqual([
      '五指山市2021年电子商务统计月报',
      '填报单位：五指山市商务局',
      '单位：万元',
      '填报日期：2021年4月5日',
    ]);
    expect(reconciles(summary)).toBe(true);
  });
});

describe('totals rows', () => {
  it('全州 is a county (全州县), not a total', async () => {
    const { summary, accepted } = await stage('县,月份,快递业务量（件）\n全州,2021-03,700\n');
    expect(summary.totalRows).toBe(0);
    expect(accepted.map((r) => [r.county_code, r.value])).toEqual([['450324', '700']]);
  });

  it('合计 and 小计 rows are skipped and counted, not read as a county', async () => {
    const { summary, accepted, rejected } = await stage(
      [
        '县区代码,统计月份,快递业务量（件）',
        '469001,2021-03,1200',
        '469001,2021-04,1300',
        '合计,,2500',
        '小计,2021-04,1300',
        '',
      ].join('\n'),
    );
    expect(accepted.map((r) => r.value)).toEqual(['1200', '1300']);
    expect(rejected).toEqual([]);
    expect(summary).toMatchObject({ totalRows: 2, rows: 2 });
    expect(reconciles(summary)).toBe(true);
  });
});

describe('a mapping sidecar for headers nothing recognises', () => {
  it('a header with no county or month column is refused, and the message offers the sidecar by name', async () => {
    const { summary } = await stage('统计对象,期间,网上销售额\n469001,2021-03,125\n');
    expect(summary.error).toMatch(/add in\/report\.yaml/);
  });

  it('data/metrics/<file>.yaml maps a column to county, month or a metric with its unit', async () => {
    const dir = tempDir();
    const { importMetrics } = await import('../../pipelines/metrics/publish.ts');
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'report.csv'), '统计对象,期间,网上销售额\n469001,2021-03,125\n');
    writeFileSync(
      join(dir, 'in', 'report.yaml'),
      'columns:\n  统计对象: county\n  期间: month\n  网上销售额: online_retail_sales_yuan 万元\n',
    );
    const problems: string[] = [];
    const { files } = await importMetrics(join(dir, 'in'), join(dir, 'out'), loadReference(), (p) =>
      problems.push(p),
    );
    expect(files.map((f) => f.error)).toEqual([null]);
    // the sidecar is read, not skipped as a file of another kind
    expect(problems.join('\n')).not.toMatch(/report\.yaml/);
    const rows = readStaging(join(dir, 'out', 'metrics_monthly.csv'));
    expect(rows.map((r) => [r.county_code, r.month, r.metric, r.value])).toEqual([
      ['469001', '2021-03', 'online_retail_sales_yuan', '1250000'],
    ]);
  });
});

describe('a sidecar naming a column by its place, 第 1 列, where its header cell is empty (a sixth probe)', () => {
  // a county column whose header cell was left empty (or lost to a merged cell) cannot be named by its header
  const lines = [',月份,网络零售额（万元）,', '五指山市,2021-03,100,12'];
  let ref: ReturnType<typeof loadReference>;
  beforeAll(() => {
    ref = loadReference();
  });

  it('without a sidecar the file is refused, and the message offers 第 1 列 by its place', async () => {
    const r = await importFiles({ 'r.csv': `${lines.join('\n')}\n` }, ref);
    expect(r.files).toEqual([['r.csv', 'no_header']]);
    expect(r.rejected[0]!.raw_value).toContain('{“第 1 列”: county}');
  });

  for (const [name, content] of [
    ['r.csv', `${lines.join('\n')}\n`],
    ['r.xlsx', workbookOf(lines)],
  ] as const)
    it(`第 1 列: county and 第 4 列: express_parcels 件 read the columns without a header (${name})`, async () => {
      const r = await importFiles(
        { [name]: content, 'r.yaml': 'columns:\n  第 1 列: county\n  第4列（无表头）: express_parcels 件\n' },
        ref,
      );
      expect(r.files).toEqual([]);
      expect(r.monthly.map((m) => [m.county_code, m.month, m.metric, m.value])).toEqual([
        ['469001', '2021-03', 'express_parcels', '12'],
        ['469001', '2021-03', 'online_retail_sales_yuan', '1000000'],
      ]);
      for (const f of r.summaries) expect(reconciles(f)).toBe(true);
    });
});

describe('a sidecar’s place keys only name columns without a header (a second review)', () => {
  let ref: ReturnType<typeof loadReference>;
  beforeAll(() => {
    ref = loadReference();
  });

  it('第 3 列: express_parcels does not make a column headed 培训人次 parcels: it is read by its header', async () => {
    const r = await importFiles(
      {
        'r.csv': '县区,月份,培训人次,\n五指山市,2021-03,100,\n',
        'r.yaml': 'columns:\n  第 3 列: express_parcels\n',
      },
      ref,
    );
    expect(r.accepted).toEqual([['2021-03', 'training_person_times', '100']]);
  });

  it('a sidecar naming one column twice (第1列 and 第 1 列（无表头）) is refused by name, not one of them kept', async () => {
    const r = await importFiles(
      {
        'r.csv': ',月份,网络零售额（万元）\n五指山市,2021-03,100\n',
        'r.yaml': 'columns:\n  第1列: county\n  第 1 列（无表头）: month\n',
      },
      ref,
    );
    expect(r.accepted).toEqual([]);
    expect(r.files.map((f) => f[1])).toEqual(['unreadable_file']);
    expect(r.rejected[0]!.raw_value).toMatch(/r\.yaml.*第 1 列.*twice/);
  });
});

describe('a sidecar naming the county of a report that names only 我县 (a sixth probe)', () => {
  // a county's own report often names itself only as 我县 (本县): which county it is, the file does not say
  const report = ['我县2024年3月电子商务发展情况', '指标,计量单位,本月', '网络零售额,万元,100', ''].join(
    '\n',
  );
  let ref: ReturnType<typeof loadReference>;
  beforeAll(() => {
    ref = loadReference();
  });

  it('without a sidecar the file is refused, and the message offers county: in the sidecar by name', async () => {
    const r = await importFiles({ 'r.csv': report }, ref);
    expect(r.files).toEqual([['r.csv', 'no_header']]);
    expect(r.rejected[0]!.raw_value).toMatch(/r\.yaml.*county: /);
    // (what the file does say, the month above the header; and no column of the table's own, 指标, offered as the county)
    expect(r.rejected[0]!.raw_value).toContain(
      'the rows above name the month (2024年3月, line 1), but no county',
    );
    expect(r.rejected[0]!.raw_value).not.toMatch(/“(?:指标|计量单位|本月)”: county/);
  });

  it('county: 东港市 in r.yaml gives the county, and each value says where it came from', async () => {
    const r = await importFiles({ 'r.csv': report, 'r.yaml': 'county: 东港市\n' }, ref);
    expect(r.files).toEqual([]);
    expect(r.monthly.map((m) => [m.county_code, m.month, m.metric, m.value])).toEqual([
      ['210681', '2024-03', 'online_retail_sales_yuan', '1000000'],
    ]);
    // (the sidecar named as the source names the file, from where the import runs)
    expect(r.monthly[0]!.note).toMatch(/^县区取自 \S*\/in\/r\.yaml：东港市；月份取自第 1 行：2024年3月$/);
    for (const f of r.summaries) expect(reconciles(f)).toBe(true);
  });

  it('a code (county: 210681) is the county too, for every sheet of a workbook beside it', async () => {
    const r = await importFiles(
      { 'r.xlsx': workbookOf(report.split('\n').filter(Boolean)), 'r.yaml': 'county: 210681\n' },
      ref,
    );
    expect(r.monthly.map((m) => [m.county_code, m.month, m.value])).toEqual([
      ['210681', '2024-03', '1000000'],
    ]);
  });

  it('a sidecar county beside a file naming another (凤城市…) or a county column is refused, not chosen between', async () => {
    const other = report.replace('我县', '凤城市');
    const withColumn = '县区,月份,网络零售额（万元）\n东港市,2024-03,100\n';
    for (const content of [other, withColumn]) {
      const r = await importFiles({ 'r.csv': content, 'r.yaml': 'county: 东港市\n' }, ref);
      expect(r.accepted).toEqual([]);
      expect(r.files).toEqual([['r.csv', 'sidecar_county']]);
    }
    // (the same county named in both says nothing)
    const same = await importFiles(
      { 'r.csv': report.replace('我县', '东港市'), 'r.yaml': 'county: 东港市\n' },
      ref,
    );
    expect(same.accepted).toEqual([['2024-03', 'online_retail_sales_yuan', '1000000']]);
  });

  it('a sidecar county under rows naming places that settle no one county (two, a prefecture, a part) is refused (a review)', async () => {
    for (const title of [
      '东港市、凤城市2024年3月电子商务统计',
      '丹东市2024年3月电子商务统计',
      '凤城市城区2024年3月电子商务统计',
    ]) {
      const r = await importFiles(
        { 'r.csv': report.replace('我县2024年3月电子商务发展情况', title), 'r.yaml': 'county: 凤城市\n' },
        ref,
      );
      expect(r.accepted, title).toEqual([]);
      expect(r.files, title).toEqual([['r.csv', 'sidecar_county']]);
    }
  });

  it('a sidecar county beside a column without a header that holds cells (凤城市 | 100) is refused: it may be the county column', async () => {
    const form = ['我县2024年3月电子商务统计', ',网络零售额（万元）', '凤城市,100', ''].join('\n');
    const r = await importFiles({ 'r.csv': form, 'r.yaml': 'county: 东港市\n' }, ref);
    expect(r.accepted).toEqual([]);
    expect(r.files).toEqual([['r.csv', 'sidecar_county']]);
    expect(r.rejected[0]!.raw_value).toContain('第 1 列（无表头）');
  });

  it('a statistics-office form numbering its indicators in a 代码 column takes the sidecar county (a review)', async () => {
    const form = [
      '我县2024年3月电子商务统计',
      '指标名称,代码,计量单位,本月',
      '网络零售额,01,万元,100',
      '',
    ].join('\n');
    const r = await importFiles({ 'r.csv': form, 'r.yaml': 'county: 东港市\n' }, ref);
    expect(r.files).toEqual([]);
    expect(r.accepted).toEqual([['2024-03', 'online_retail_sales_yuan', '1000000']]);
  });

  it('beside the sidecar county, a 代码 cell that is another county’s code (210682) is county_mismatch (a second review)', async () => {
    const form = [
      '我县2024年3月电子商务统计月报',
      '指标,代码,计量单位,本月',
      '网络零售额,01,万元,100',
      '快递业务量,210682,万件,5',
      '',
    ].join('\n');
    const r = await importFiles({ 'r.csv': form, 'r.yaml': 'county: 东港市\n' }, ref);
    expect(r.monthly.map((m) => [m.county_code, m.metric, m.value])).toEqual([
      ['210681', 'online_retail_sales_yuan', '1000000'],
    ]);
    expect(r.values).toEqual([['210682 东港市', 'county_mismatch']]);
  });

  it('a refusal of a file whose sidecar names its county says so, not “line 0” (a review)', async () => {
    const r = await importFiles(
      {
        'r.csv': ['我县电子商务统计', '指标,计量单位,本月', '网络零售额,万元,100', ''].join('\n'),
        'r.yaml': 'county: 东港市\n',
      },
      ref,
    );
    expect(r.files).toEqual([['r.csv', 'no_header']]);
    expect(r.rejected[0]!.raw_value).toMatch(
      /the sidecar \S*r\.yaml names the county \(东港市\), but no month/,
    );
    expect(r.rejected[0]!.raw_value).not.toContain('line 0');
  });

  it('a sidecar county the reference does not settle (东港: 东港市 or 日照’s 东港区) rejects the values, not guessed', async () => {
    const r = await importFiles({ 'r.csv': report, 'r.yaml': 'county: 东港\n' }, ref);
    expect(r.accepted).toEqual([]);
    expect(r.values).toEqual([['东港', 'ambiguous_county']]);
  });
});

describe('a 月份 column of numbers under a title naming the year (a sixth probe)', () => {
  // 月份 | 1, 2, 3 under 五指山市2021年…: the header says they are months, as a 年份 column beside them would
  it('1, 2, 3 under 月份 are 2021-01, 2021-02, 2021-03; 13 is no month', async () => {
    const { accepted, rejected } = await stage(
      [
        '五指山市2021年电子商务统计月报',
        '月份,快递业务量（件）',
        '1,100',
        '2,110',
        '03,120',
        '13,130',
        '',
      ].join('\n'),
    );
    expect(accepted.map((r) => [r.county_code, r.month, r.value])).toEqual([
      ['469001', '2021-01', '100'],
      ['469001', '2021-02', '110'],
      ['469001', '2021-03', '120'],
    ]);
    expect(rejected.map((r) => [r.line, r.raw_value, r.reason])).toEqual([['6', '13', 'bad_month']]);
  });

  // (under 期别 or 期 a number may be a week's or a quarter's, as in a 周报 or 季报: not read as a month)
  for (const head of ['期别', '期', '时间'])
    it(`3 under ${head} stays no month`, async () => {
      const { accepted, rejected } = await stage(
        ['五指山市2021年电子商务统计', `${head},快递业务量（件）`, '3,100', ''].join('\n'),
      );
      expect(accepted).toEqual([]);
      expect(rejected.map((r) => r.reason)).toEqual(['bad_month']);
    });
});

describe('one column per month', () => {
  it('县区, 指标, 1月…3月 under a title naming 2021: each cell its row’s metric in its column’s month', async () => {
    const { summary, accepted, rejected } = await stage(
      [
        '五指山市2021年电子商务统计月报',
        '县区,指标,1月,2月,3月',
        '五指山市,快递业务量（件）,100,110,',
        '五指山市,网络零售额（万元）,12,abc,13',
        '',
      ].join('\n'),
    );
    expect(summary).toMatchObject({ form: 'months', error: null, titleRows: 1, rows: 2 });
    expect(accepted.map((r) => [r.month, r.metric, r.value])).toEqual([
      ['2021-01', 'express_parcels', '100'],
      ['2021-02', 'express_parcels', '110'],
      ['2021-01', 'online_retail_sales_yuan', '120000'],
      ['2021-03', 'online_retail_sales_yuan', '130000'],
    ]);
    expect(rejected.map((r) => [r.line, r.column, r.reason])).toEqual([['4', '2月', 'not_a_number']]);
    expect(reconciles(summary)).toBe(true);
  });

  it('month columns with no year anywhere are not given one: their values are rejected as bad_month', async () => {
    const { accepted, rejected } = await stage('县区,指标,1月,2月\n五指山市,快递业务量（件）,100,110\n');
    expect(accepted).toEqual([]);
    expect(rejected.map((r) => r.reason)).toEqual(['bad_month', 'bad_month']);
  });
});

describe('a two-row header', () => {
  it('指标 over 本月 / 累计: the 本月 column is the metric, the 累计 column is reported and not read', async () => {
    const { summary, accepted, rejected } = await stage(
      [
        '县区代码,统计月份,网络零售额（万元）,,快递业务量（件）,',
        ',,本月,累计,本月,累计',
        '469001,2021-01,12,12,100,100',
        '469001,2021-02,13,25,110,210',
        '',
      ].join('\n'),
    );
    expect(summary).toMatchObject({ error: null, headerRows: 2, rows: 2 });
    expect(accepted.map((r) => [r.month, r.metric, r.value])).toEqual([
      ['2021-01', 'online_retail_sales_yuan', '120000'],
      ['2021-01', 'express_parcels', '100'],
      ['2021-02', 'online_retail_sales_yuan', '130000'],
      ['2021-02', 'express_parcels', '110'],
    ]);
    expect(rejected.filter((r) => r.scope === 'column').map((r) => r.column)).toEqual([
      '网络零售额累计',
      '快递业务量累计',
    ]);
    expect(reconciles(summary)).toBe(true);
  });
});

/** February's 累计 says 220; its months add up to 210. */
const OFF_BY_TEN = [
  '县区代码,统计月份,快递业务量（件）,',
  ',,本月,累计',
  '469001,2021-02,110,220',
  '469001,2021-01,100,100',
  '',
].join('\n');

describe('本月 and 累计', () => {
  it('a 累计 that is the running sum passes; one that is not is named with its line and the sum', async () => {
    const good = await stage(
      [
        '县区代码,统计月份,快递业务量（件）,',
        ',,本月,累计',
        '469001,2021-01,100,100',
        '469001,2021-02,110,210',
        '',
      ].join('\n'),
    );
    expect(good.summary.checks).toEqual([]);
    // February's 累计 says 220; its months add up to 210
    const bad = await stage(OFF_BY_TEN);
    expect(bad.summary.checks).toEqual([
      'line 3: 快递业务量累计 220, but 快递业务量(件) adds up to 210 by 2021-02 / 第 3 行累计数与各月之和不符',
    ]);
  });

  it('a 累计 that is not the running sum is published in metrics_checks, with its line, county, month and both sums', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'cum.csv'), OFF_BY_TEN);
    const { importMetrics } = await import('../../pipelines/metrics/publish.ts');
    await importMetrics(join(dir, 'in'), join(dir, 'out'), loadReference(), () => {});
    const rows = readStaging(join(dir, 'out', 'metrics_checks.csv'));
    expect(
      rows.map((r) => [r.line, r.column, r.county_code, r.month, r.stated, r.computed, r.check]),
    ).toEqual([['3', '快递业务量累计', '469001', '2021-02', '220', '210', 'cumulative_sum']]);
    expect(rows[0]!.file).toMatch(/cum\.csv$/);
    expect(rows[0]!.message_zh).toContain('第 3 行');
    expect(rows[0]!.synthetic).toBe('false');
  });

  it('a check found on a row marked synthetic is marked synthetic, as the row’s values are', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    writeFileSync(
      join(dir, 'in', 'cum.csv'),
      [
        '县区代码,统计月份,快递业务量（件）,,synthetic',
        ',,本月,累计,',
        '469001,2021-01,100,100,true',
        '469001,2021-02,110,220,true',
        '469001,2021-03,120,999,false',
        '',
      ].join('\n'),
    );
    const { importMetrics } = await import('../../pipelines/metrics/publish.ts');
    await importMetrics(join(dir, 'in'), join(dir, 'out'), loadReference(), () => {});
    const rows = readStaging(join(dir, 'out', 'metrics_checks.csv'));
    // February: 220 against 210 (synthetic row); March: 999 against 330 (a row not marked)
    expect(rows.map((r) => [r.line, r.stated, r.computed, r.synthetic])).toEqual([
      ['4', '220', '210', 'true'],
      ['5', '999', '330', 'false'],
    ]);
  });
});
