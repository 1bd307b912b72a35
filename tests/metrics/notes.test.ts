/**
 * Units that note rows give, as statistics offices write them: several in one note (单位：万元、万件), one per label
 * (金额单位：万元 | 数量单位：万件), or a 单位：万件 note right under the header. Found by a probe with real-shaped
 * reports (issue 17): 12 万件 was published as 12 parcels. Expected values are read from the files as written here.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { asCsvAndWorkbook, csv, gb18030, reconciledImport, workbookOf } from './files.ts';

const run = reconciledImport();
const sorted = (rows: (string | undefined)[][]) =>
  [...rows].sort((a, b) => a.join('|').localeCompare(b.join('|')));

const TITLE = '东港市2023年电子商务进农村综合示范统计月报';
const TABLE = ['月份,网络零售额,快递业务量', '2023年1月,1200.5,12'];
// 1200.5 万元 and 12 万件
const READ = [
  ['2023-01', 'express_parcels', '120000'],
  ['2023-01', 'online_retail_sales_yuan', '12005000'],
];

describe('a note naming several units gives each to the metrics it measures', () => {
  for (const note of [
    '单位：万元、万件',
    '单位：万元/万件',
    '单位：万元，万件',
    '计量单位：万元、万件、人次',
  ]) {
    it(`${note}: 12 is 120,000 parcels, 1200.5 is 12,005,000 yuan`, async () => {
      const r = await run({ 'r.csv': gb18030(csv(TITLE, note, ...TABLE)) });
      expect(sorted(r.accepted)).toEqual(READ);
      expect(r.values).toEqual([]);
    });
  }

  for (const row of [
    '数量单位：万件,,金额单位：万元',
    '金额单位：万元,,数量单位：万件',
    '金额单位：万元 数量单位：万件',
  ]) {
    it(`one unit per label (${row}): each to its metrics`, async () => {
      const r = await run({ 'r.csv': csv(TITLE, row, ...TABLE) });
      expect(sorted(r.accepted)).toEqual(READ);
    });
  }

  it('notes on two rows (金额单位：万元, then 数量单位：万件) both count', async () => {
    const r = await run({ 'r.csv': csv(TITLE, '金额单位：万元', '数量单位：万件', ...TABLE) });
    expect(sorted(r.accepted)).toEqual(READ);
  });

  it('two units for one metric (单位：件 and 单位：万件) settle none: the count is rejected, not read as 件', async () => {
    const r = await run({
      'r.csv': csv(TITLE, '单位：件', '单位：万件', '月份,快递业务量', '2023年1月,12'),
    });
    expect(r.accepted).toEqual([]);
    // (the part at fault is the unit: the two the notes give)
    expect(r.values).toEqual([['件、万件', 'bad_unit']]);
  });

  it('a workbook with the note merged across the sheet reads the same', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      [TITLE, '', ''],
      ['单位：万元、万件', '', ''],
      ['月份', '网络零售额', '快递业务量'],
      ['2023年1月', 1200.5, 12],
    ]);
    sheet['!merges'] = [XLSX.utils.decode_range('A1:C1'), XLSX.utils.decode_range('A2:C2')];
    const b = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(b, sheet, '月报');
    const r = await run({ 'r.xlsx': XLSX.write(b, { type: 'buffer', bookType: 'xlsx' }) });
    expect(sorted(r.accepted)).toEqual(READ);
  });
});

describe('a unit note right under the header', () => {
  it('单位：万件 under 县区 | 月份 | 快递业务量 | 培训人次: 12 is 120,000 parcels, 培训人次 keeps its own', async () => {
    const r = await run({
      'r.csv': csv('县区,月份,快递业务量,培训人次', '单位：万件,,,', '东港市,2023-03,12,150'),
    });
    expect(sorted(r.accepted)).toEqual([
      ['2023-03', 'express_parcels', '120000'],
      ['2023-03', 'training_person_times', '150'],
    ]);
    expect(r.summaries[0]!.notes).toEqual(['单位：万件']);
  });

  it('单位：万元 under the header gives the money columns their unit', async () => {
    const r = await run({ 'r.csv': csv('县区,月份,网络零售额', '单位：万元,,', '东港市,2023-03,12') });
    expect(r.accepted).toEqual([['2023-03', 'online_retail_sales_yuan', '120000']]);
  });
});

describe('a unit in the header with its label', () => {
  it('网络零售额（单位：万元） and 快递业务量(单位:万件) give 万元 and 万件', async () => {
    const r = await run({
      'r.csv': csv(
        '县区,月份,网络零售额（单位：万元）,快递业务量(单位:万件),培训人次（计量单位：人次）',
        '东港市,2023-03,12,3,40',
      ),
    });
    expect(sorted(r.accepted)).toEqual([
      ['2023-03', 'express_parcels', '30000'],
      ['2023-03', 'online_retail_sales_yuan', '120000'],
      ['2023-03', 'training_person_times', '40'],
    ]);
  });
});

describe('a count with no unit stated whose values have fractions', () => {
  // 快递业务量 with no unit anywhere, 12 beside 12.5 and 3.2: no parcel count has a fraction, so the column is in
  // some larger unit (万件) the report does not state; read in 件, 12 would be 12 parcels. Each of its values is
  // rejected, naming the cell with the fraction, the other metrics read; all are read once the header states it
  const lines = [
    '县区,月份,网络零售额（万元）,快递业务量',
    '东港市,2024-03,80,12',
    '凤城市,2024-03,60,12.5',
    '宽甸满族自治县,2024-03,30,3.2',
  ];
  it.each([
    ['CSV read by DuckDB', { 'r.csv': csv(...lines) }],
    ['CSV read in JavaScript', { 'r.csv': csv(...lines, '"注：两行', '说明"') }],
    ['a workbook', { 'r.xlsx': workbookOf(lines) }],
  ])('%s: 快递业务量 rejected as unit_not_stated, naming 12.5; 网络零售额 read', async (_, files) => {
    const r = await run(files);
    expect(r.files).toEqual([]);
    expect(r.accepted.map((a) => a.join(' ')).sort()).toEqual([
      '2024-03 online_retail_sales_yuan 300000',
      '2024-03 online_retail_sales_yuan 600000',
      '2024-03 online_retail_sales_yuan 800000',
    ]);
    expect(r.values.sort()).toEqual([
      ['12', 'unit_not_stated'],
      ['12.5', 'unit_not_stated'],
      ['3.2', 'unit_not_stated'],
    ]);
    // the cell with the fraction, and the unit to write for the metric
    for (const x of r.rejected) expect(x.reason_zh).toContain('第 3 行“快递业务量”列：12.5');
    expect(r.rejected[0]!.reason_zh).toContain('快递业务量（万件）');
  });

  // the fraction stands in a row rejected for its county (999999 is none): it still shows the column's unit, so 12
  // and 13 are no parcel counts either
  const unknownFirst = [
    '县区,月份,网络零售额（万元）,快递业务量',
    '999999,2024-03,10,12.5',
    '东港市,2024-03,80,12',
    '凤城市,2024-03,60,13',
  ];
  it.each([
    ['CSV read by DuckDB', { 'r.csv': csv(...unknownFirst) }],
    ['CSV read in JavaScript', { 'r.csv': csv(...unknownFirst, '"注：两行', '说明"') }],
    ['a workbook', { 'r.xlsx': workbookOf(unknownFirst) }],
  ])(
    '%s: a fraction in a row of an unknown county still makes 12 and 13 unit_not_stated',
    async (_, files) => {
      const r = await run(files);
      expect(r.files).toEqual([]);
      expect(r.accepted.map((a) => a.join(' ')).sort()).toEqual([
        '2024-03 online_retail_sales_yuan 600000',
        '2024-03 online_retail_sales_yuan 800000',
      ]);
      expect(sorted(r.values)).toEqual([
        ['12', 'unit_not_stated'],
        ['13', 'unit_not_stated'],
        // (a rejection's raw value is the cell at fault: the county's)
        ['999999', 'unknown_county'],
        ['999999', 'unknown_county'],
      ]);
      for (const x of r.rejected.filter((x) => x.reason === 'unit_not_stated'))
        expect(x.reason_zh).toContain('第 2 行“快递业务量”列：12.5');
    },
  );

  it('a 累计 beside such a count is not checked: its months are in a unit nobody knows', async () => {
    // February's 累计 says 30 where 12.5 + 16 = 28.5: in 万件 or in 件, the report does not say
    const both = ['县区,月份,快递业务量,', ',,本月,累计', '东港市,2024-01,12.5,12.5', '东港市,2024-02,16,30'];
    for (const files of asCsvAndWorkbook(both)) {
      const r = await run(files);
      expect(r.files).toEqual([]);
      expect(r.accepted).toEqual([]);
      expect(sorted(r.values)).toEqual([
        ['12.5', 'unit_not_stated'],
        ['16', 'unit_not_stated'],
      ]);
      expect(r.checks).toEqual([]);
    }
  });

  it('a column the mapping sidecar names with no unit: the wording says to give the unit in the sidecar', async () => {
    const r = await run({
      'r.csv': csv('县区,月份,快件量', '东港市,2024-03,12', '凤城市,2024-03,12.5'),
      'r.yaml': 'columns:\n  快件量: express_parcels\n',
    });
    expect(r.accepted).toEqual([]);
    expect(r.values.sort()).toEqual([
      ['12', 'unit_not_stated'],
      ['12.5', 'unit_not_stated'],
    ]);
    for (const x of r.rejected) {
      expect(x.reason_zh).toContain('第 3 行“快件量”列：12.5');
      expect(x.reason_zh).toContain('r.yaml 中写作 快件量: express_parcels 万件');
      // (the sidecar named by its path, as other messages name it)
      expect(x.reason_en).toMatch(/write 快件量: express_parcels 万件 in \S*\/r\.yaml\)$/);
      // (not a header to write: the sidecar names the column as it is)
      expect(x.reason_zh).not.toContain('（万件））');
      expect(x.reason_zh).not.toContain('请在表头写明单位');
      expect(x.reason_zh).toContain('请在映射文件中写明单位');
      expect(x.reason_en).not.toContain('state the unit in the header');
    }
  });

  it('a sidecar naming the metric of a header that states its unit (快件量（件）: express_parcels) reads it in that unit', async () => {
    // (12.5 parcels is no count: not_whole; never unit_not_stated, whose advice, 万件, would publish 125,000)
    const r = await run({
      'r.csv': csv('县区,月份,快件量（件）', '东港市,2024-03,13', '凤城市,2024-03,12.5'),
      'r.yaml': 'columns:\n  快件量（件）: express_parcels\n',
    });
    expect(r.accepted).toEqual([['2024-03', 'express_parcels', '13']]);
    expect(r.values).toEqual([['12.5', 'not_whole']]);
    // a unit in the sidecar that is another than the header's is no unit to read either in
    const two = await run({
      'r.csv': csv('县区,月份,快件量（件）', '东港市,2024-03,13'),
      'r.yaml': 'columns:\n  快件量（件）: express_parcels 万件\n',
    });
    expect(two.accepted).toEqual([]);
    // (the part at fault: the two units)
    expect(two.values).toEqual([['件 / 万件', 'bad_unit']]);
  });

  it('a fraction in the 累计 column shows the unit of its 本月 column, which its header shares', async () => {
    // 28.5 and 41.5 are running sums of 快递业务量 in some larger unit: 16 and 13 are no parcel counts
    const r = await run({
      'r.csv': csv(
        '县区,月份,快递业务量,',
        ',,本月,累计',
        '东港市,2024-02,16,28.5',
        '东港市,2024-03,13,41.5',
      ),
    });
    expect(r.accepted).toEqual([]);
    expect(sorted(r.values)).toEqual([
      ['13', 'unit_not_stated'],
      ['16', 'unit_not_stated'],
    ]);
    for (const x of r.rejected.filter((x) => x.scope === 'value'))
      expect(x.reason_zh).toContain('第 3 行“快递业务量累计”列：28.5');
    expect(r.checks).toEqual([]);
  });

  it.each([
    [
      'CSV read by DuckDB',
      { 'r.csv': csv('县区,月份,快递业务量', '东港市,2024-03,-12.5', '凤城市,2024-03,12') },
    ],
    [
      'a workbook',
      { 'r.xlsx': workbookOf(['县区,月份,快递业务量', '东港市,2024-03,-12.5', '凤城市,2024-03,12']) },
    ],
  ])('%s: a negative fraction (-12.5) shows the unit as plainly', async (_, files) => {
    const r = await run(files);
    expect(r.accepted).toEqual([]);
    expect(sorted(r.values)).toEqual([
      ['-12.5', 'negative_value'],
      ['12', 'unit_not_stated'],
    ]);
  });

  it('a 累计 column stating its unit (快递业务量累计（万件）) beside a 本月 column stating none: its months are unit_not_stated', async () => {
    // (the running sum in 万件 says the months are too: read in 件, 12 would be 12 parcels)
    const r = await run({
      'r.csv': csv(
        '县区,月份,快递业务量,快递业务量累计（万件）',
        '东港市,2024-01,12,12',
        '东港市,2024-02,16,28',
      ),
    });
    expect(r.accepted).toEqual([]);
    expect(sorted(r.values)).toEqual([
      ['12', 'unit_not_stated'],
      ['16', 'unit_not_stated'],
    ]);
    for (const x of r.rejected.filter((x) => x.scope === 'value')) {
      expect(x.reason_zh).toContain('累计列却写明了单位');
      expect(x.reason_zh).toContain('快递业务量（万件）');
    }
  });

  it('培训人次 with a fraction and no unit: its values rejected, with 万人次 the unit to write', async () => {
    const r = await run({
      'r.csv': csv('县区,月份,快递业务量（万件）,培训人次', '东港市,2024-03,12,1.2', '凤城市,2024-03,3,40'),
    });
    expect(r.files).toEqual([]);
    expect(r.accepted.map((a) => a.join(' ')).sort()).toEqual([
      '2024-03 express_parcels 120000',
      '2024-03 express_parcels 30000',
    ]);
    expect(r.values.sort()).toEqual([
      ['1.2', 'unit_not_stated'],
      ['40', 'unit_not_stated'],
    ]);
    expect(r.rejected[0]!.reason_zh).toContain('培训人次（万人次）');
  });

  it('with its unit in the header (快递业务量（万件）) the file is read: 12.5 万件 is 125,000 parcels', async () => {
    const r = await run({
      'r.csv': csv('县区,月份,网络零售额（万元）,快递业务量（万件）', ...lines.slice(1)),
    });
    expect(r.files).toEqual([]);
    expect(
      r.accepted
        .filter((a) => a[1] === 'express_parcels')
        .map((a) => Number(a[2]))
        .sort((a, b) => a - b),
    ).toEqual([32000, 120000, 125000]);
  });

  it('with 件 stated, 12.5 parcels is a value rejected as not_whole, the others read', async () => {
    const r = await run({ 'r.csv': csv('县区,月份,网络零售额（万元）,快递业务量（件）', ...lines.slice(1)) });
    expect(r.files).toEqual([]);
    expect(r.values).toEqual([
      ['12.5', 'not_whole'],
      ['3.2', 'not_whole'],
    ]);
  });
});

describe('a long file whose unit column is empty on a count’s row', () => {
  // 快递业务量 12.5 in 万件 on one row and 13 with its unit cell empty on another: 13 is no 13 parcels for sure (the
  // unit column says nothing), rejected as missing_unit, as 网络零售额 with no unit is; the rows stating theirs are read
  const lines = [
    '县区,月份,指标,数值,单位',
    '东港市,2024-03,快递业务量,13,',
    '凤城市,2024-03,快递业务量,12.5,万件',
    '岫岩满族自治县,2024-03,快递业务量,12,件',
  ];
  it.each([
    ['DuckDB', []],
    ['JavaScript', ['"注：两行', '说明"']],
  ])('%s: 125,000 and 12 parcels read, 13 rejected as missing_unit', async (_, tail) => {
    const r = await run({ 'r.csv': csv(...lines, ...tail) });
    expect(r.files).toEqual([]);
    expect(sorted(r.accepted)).toEqual([
      ['2024-03', 'express_parcels', '12'],
      ['2024-03', 'express_parcels', '125000'],
    ]);
    expect(r.values).toEqual([['', 'missing_unit']]);
  });
});

describe('a unit column beside one metric column, or a unit in the cell beside an empty unit column', () => {
  it('快递业务量 | 单位 with 12.5 万件 and 13 with its unit cell empty: 13 is missing_unit', async () => {
    const r = await run({
      'r.csv': csv('县区,月份,快递业务量,单位', '东港市,2024-01,12.5,万件', '东港市,2024-02,13,'),
    });
    expect(r.accepted).toEqual([['2024-01', 'express_parcels', '125000']]);
    expect(r.values).toEqual([['', 'missing_unit']]);
  });

  it('a long file’s 13万件 beside an empty unit cell is 130,000 parcels, its unit its own', async () => {
    const r = await run({
      'r.csv': csv(
        '县区,月份,指标,数值,单位',
        '东港市,2024-01,快递业务量,12,件',
        '东港市,2024-02,快递业务量,13万件,',
      ),
    });
    expect(r.values).toEqual([]);
    expect(sorted(r.accepted)).toEqual([
      ['2024-01', 'express_parcels', '12'],
      ['2024-02', 'express_parcels', '130000'],
    ]);
  });
});

describe('a unit note under the data', () => {
  const table = ['县区,月份,快递业务量', '东港市,2023-03,12'];

  for (const note of ['注：快递业务量单位：万件', '单位：万件,,']) {
    it(`${note} under a column without its unit refuses the file: 12 is not read as 12 parcels`, async () => {
      const r = await run({ 'r.csv': csv(...table, note) });
      expect(r.accepted).toEqual([]);
      expect(r.files).toEqual([['r.csv', 'unit_below_data']]);
      const b = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(
        b,
        XLSX.utils.aoa_to_sheet([...table, note].map((l) => l.split(','))),
        '月报',
      );
      const book = await run({ 'r.xlsx': XLSX.write(b, { type: 'buffer', bookType: 'xlsx' }) });
      expect(book.accepted).toEqual([]);
      expect(book.files.map((f) => f[1])).toEqual(['unit_below_data']);
    });
  }

  it('in a column that is not the county’s (序号 | 县区 | …) it refuses the file too', async () => {
    const r = await run({
      'r.csv': csv('序号,县区,月份,快递业务量', '1,东港市,2023-03,12', '单位：万件,,,'),
    });
    expect(r.accepted).toEqual([]);
    expect(r.files).toEqual([['r.csv', 'unit_below_data']]);
  });

  it('repeating the unit a note above gave (单位：万件 above, 注：单位：万件 below): the file is read', async () => {
    const r = await run({ 'r.csv': csv('单位：万件', ...table, '注：单位：万件') });
    expect(r.accepted).toEqual([['2023-03', 'express_parcels', '120000']]);
  });

  it('under a long file whose metric cells give their units: the file is read', async () => {
    const r = await run({
      'r.csv': csv('县区,月份,指标,数值', '东港市,2023-03,快递业务量（万件）,12', '注：快递业务量单位：万件'),
    });
    expect(r.accepted).toEqual([['2023-03', 'express_parcels', '120000']]);
  });

  it('under columns that give their units it says nothing new: the file is read', async () => {
    const r = await run({
      'r.csv': csv('县区,月份,快递业务量（万件）', '东港市,2023-03,12', '注：单位：万件'),
    });
    expect(r.accepted).toEqual([['2023-03', 'express_parcels', '120000']]);
  });
});

describe('unit notes written otherwise (a second probe)', () => {
  it('单位：万元 万件 (a space between them) gives both', async () => {
    const r = await run({ 'r.csv': csv(TITLE, '单位：万元 万件', ...TABLE) });
    expect(sorted(r.accepted)).toEqual(READ);
  });

  // notes naming 万件 in a way not read as a unit note: the count is rejected, not read as 件
  for (const note of [
    '单位：万元（快递业务量：万件）',
    '注：金额单位为万元，快递单位为万件',
    '（金额：万元；件数：万件）',
    '单位（万元、万件）',
  ])
    it(`${note}: a count without its own unit is rejected (bad_unit), not read as 12 parcels`, async () => {
      const r = await run({ 'r.csv': csv(TITLE, note, ...TABLE) });
      expect(r.accepted.filter((a) => a[1] === 'express_parcels')).toEqual([]);
      // (the part at fault: the unit the note names, not read as one)
      expect(r.values).toContainEqual(['万件（注释提及，未能确定）', 'bad_unit']);
    });

  it('单位：万元（快递业务量：万件） still gives 万元 to the money column', async () => {
    const r = await run({ 'r.csv': csv(TITLE, '单位：万元（快递业务量：万件）', ...TABLE) });
    expect(r.accepted).toEqual([['2023-01', 'online_retail_sales_yuan', '12005000']]);
  });
});

describe('a note under the data naming the unit a note above gave', () => {
  it('单位：万件 above, 注：快递单位为万件 below: the file is read, 12 is 120,000 parcels', async () => {
    const r = await run({
      'r.csv': csv('单位：万件', '县区,月份,快递业务量', '东港市,2023-03,12', '注：快递单位为万件'),
    });
    expect(r.accepted).toEqual([['2023-03', 'express_parcels', '120000']]);
  });
});

describe('a unit in the header written otherwise (a third probe)', () => {
  it('快递业务量/万件, 培训人次[人次], 农产品网络零售额【万元】 and 网络零售额 万元 give their units', async () => {
    const r = await run({
      'r.csv': csv(
        '县区,月份,快递业务量/万件,培训人次[人次],农产品网络零售额【万元】,网络零售额 万元',
        '东港市,2024-03,12,300,40,120',
      ),
    });
    expect(r.rejected.filter((x) => x.scope === 'column')).toEqual([]);
    // 12 万件, 300 人次, 40 万元, 120 万元
    expect(r.accepted).toEqual([
      ['2024-03', 'agri_online_retail_sales_yuan', '400000'],
      ['2024-03', 'express_parcels', '120000'],
      ['2024-03', 'online_retail_sales_yuan', '1200000'],
      ['2024-03', 'training_person_times', '300'],
    ]);
  });

  it('a word after a slash that is no unit is no unit: 农产品/网络零售额 is not recognised', async () => {
    const r = await run({ 'r.csv': csv('县区,月份,农产品/网络零售额', '东港市,2024-03,12') });
    expect(r.accepted).toEqual([]);
    expect(r.rejected.map((x) => [x.column, x.reason])).toEqual([['农产品/网络零售额', 'unknown_column']]);
  });
});

describe('Excel’s sep= line', () => {
  // sep=, (or sep=;) on the first line tells Excel the delimiter: counted as a title record, no note of the report
  it.each([
    ['sep=,', ','],
    ['sep=;', ';'],
  ])('%s: read, counted, and no note', async (first, d) => {
    const r = await run({
      'r.csv': csv(
        first,
        ['县区', '月份', '网络零售额（万元）'].join(d),
        ['东港市', '2024-03', '80'].join(d),
      ),
    });
    expect(r.accepted).toEqual([['2024-03', 'online_retail_sales_yuan', '800000']]);
    expect(r.summaries[0]!.titleRows).toBe(1);
    expect(r.summaries[0]!.notes).toEqual([]);
  });
});

describe('numbered footnotes under the data (a fourth probe)', () => {
  // 1.本表于… and 2、数据来源… under the table, alone on their rows or after 注：, are notes, not rows of data
  // rejected for their number of cells; read alike by DuckDB, by JavaScript (a quoted line break sends the file
  // there) and from a workbook
  const table = ['县区,月份,网络零售额（万元）', '岫岩满族自治县,2024-03,120', '东港市,2024-03,80'];
  const notes = ['1.本表于每月25日前报送商务局,,', '2、数据来源：县统计局', '（3）“累计”为1月至本月之和,,'];
  const read = [
    ['2024-03', 'online_retail_sales_yuan', '1200000'],
    ['2024-03', 'online_retail_sales_yuan', '800000'],
  ];

  it.each([
    ['CSV read by DuckDB', { 'r.csv': csv(...table, ...notes) }, 'duckdb'],
    [
      'CSV read in JavaScript',
      { 'r.csv': csv(...table, '"注：报送', '时间每月25日前"', ...notes) },
      'javascript',
    ],
    ['CSV in GB18030', { 'r.csv': gb18030(csv(...table, '注：', ...notes)) }, 'duckdb'],
    ['a workbook', { 'r.xlsx': workbookOf([...table, ...notes]) }, 'javascript'],
  ] as const)('%s: each is a note, the rows reconcile', async (_, files, by) => {
    const r = await run(files);
    const f = r.summaries[0]!;
    expect(f.readBy ?? 'javascript').toBe(by);
    expect(sorted(r.accepted)).toEqual(sorted(read));
    expect(r.rejected.filter((x) => x.scope === 'value')).toEqual([]);
    expect(f.rows).toBe(2);
    expect(f.notes).toEqual(
      expect.arrayContaining(['1.本表于每月25日前报送商务局', '2、数据来源：县统计局']),
    );
  });

  it('where the first column is the metric’s, a numbered cell names a metric: 2.快递业务量（万件） alone is a row', async () => {
    const r = await run({
      'r.csv': csv(
        '指标,县区,月份,数值',
        '1.网络零售额（万元）,东港市,2024-03,80',
        '2.快递业务量（万件）,,,',
      ),
    });
    expect(r.summaries[0]!.readBy).toBe('duckdb');
    expect(r.accepted).toEqual([['2024-03', 'online_retail_sales_yuan', '800000']]);
    expect(r.summaries[0]!.notes).toEqual([]);
    expect(r.summaries[0]!.rows).toBe(2);
  });
});

describe('a row of units above the header (a fourth probe)', () => {
  // ,,万元,万件 over 县区 | 月份 | 网络零售额 | 快递业务量: each unit is its column's, as a unit row under the header is
  const header = '县区,月份,网络零售额,快递业务量';
  const data = ['东港市,2024-03,80,12', '凤城市,2024-03,60.5,3'];
  const read = [
    ['2024-03', 'express_parcels', '120000'],
    ['2024-03', 'express_parcels', '30000'],
    ['2024-03', 'online_retail_sales_yuan', '605000'],
    ['2024-03', 'online_retail_sales_yuan', '800000'],
  ];
  it.each([
    ['right above the header', [',,万元,万件', header, ...data], 0],
    ['with a label in its first cell', ['单位：,,万元,万件', header, ...data], 0],
    [
      'under the title, a note between it and the header',
      ['丹东市2024年电子商务统计月报,,,', ',,万元,万件', '填报单位：丹东市商务局,,,', header, ...data],
      2,
    ],
  ])('%s: 80 is 800,000 yuan, 12 is 120,000 parcels, as CSV and as a workbook', async (_, lines, titles) => {
    for (const files of asCsvAndWorkbook(lines)) {
      const r = await run(files);
      expect(r.summaries[0]!.error).toBeNull();
      expect(sorted(r.accepted)).toEqual(read);
      expect(r.summaries[0]!.unitRows).toBe(1);
      expect(r.summaries[0]!.titleRows).toBe(titles);
    }
  });

  it('beside units the header gives, the same unit is kept and another is rejected, never read in either', async () => {
    const r = await run({
      'r.csv': csv(',,万元,万件', '县区,月份,网络零售额（万元）,快递业务量（件）', '东港市,2024-03,80,12'),
    });
    expect(r.accepted).toEqual([['2024-03', 'online_retail_sales_yuan', '800000']]);
    // (its unit read as both: 件 / 万件, which converts to neither)
    expect(r.values).toEqual([['件 / 万件', 'bad_unit']]);
  });

  it('a cell that is not a unit (万人) refuses the file, naming it, as under the header', async () => {
    const r = await run({ 'r.csv': csv(',,万元,万人', header, ...data) });
    expect(r.files).toEqual([['r.csv', 'unknown_unit']]);
    expect(r.rejected[0]!.reason_zh).toContain('万人');
  });

  it.each([
    ['填报单位：丹东市商务局,,,万元', '丹东市商务局'],
    ['制表：张三,,,万元', '张三'],
  ])(
    'a note row with a unit in a later cell (%s) stays a note, its unit read: the file is not refused',
    async (note, named) => {
      const lines = [note, header, '东港市,2024-03,80,12'];
      for (const files of asCsvAndWorkbook(lines)) {
        const r = await run(files);
        expect(r.summaries[0]!.error).toBeNull();
        expect(sorted(r.accepted)).toEqual([
          ['2024-03', 'express_parcels', '12'],
          ['2024-03', 'online_retail_sales_yuan', '800000'],
        ]);
        expect(r.summaries[0]!.notes.join(' ')).toContain(named);
      }
    },
  );

  it.each([
    ['东港市2024年3月电子商务统计月报,,万元', '月份,网络零售额,快递业务量（件）', '2024-03,300,40'],
    ['丹东市2024年3月电子商务统计表,,万元', '县区,网络零售额,快递业务量（件）', '东港市,300,40'],
  ])(
    'a title with a unit alone at its end (%s) is a title, the unit the table’s',
    async (title, header, row) => {
      for (const files of asCsvAndWorkbook([title, header, row])) {
        const r = await run(files);
        expect(r.summaries[0]!.error).toBeNull();
        expect(sorted(r.accepted)).toEqual([
          ['2024-03', 'express_parcels', '40'],
          ['2024-03', 'online_retail_sales_yuan', '3000000'],
        ]);
      }
    },
  );

  it.each([['填报单位：东港市商务局,,万人'], ['单位：万人']])(
    'a note giving a unit no metric is measured in (%s): 3 under 培训人次 is rejected as bad_unit, never 3 person-times',
    async (note) => {
      const lines = ['东港市2024年电子商务统计月报', note, '月份,培训人次', '2024-03,3'];
      for (const files of asCsvAndWorkbook(lines)) {
        const r = await run(files);
        expect(r.accepted).toEqual([]);
        expect(r.values).toEqual([['万人', 'bad_unit']]);
      }
    },
  );

  it('单位：万元、万人: 网络零售额 in 万元, 培训人次 not read in a unit guessed', async () => {
    const r = await run({
      'r.csv': csv('单位：万元、万人', '县区,月份,网络零售额,培训人次', '东港市,2024-03,80,3'),
    });
    expect(r.accepted).toEqual([['2024-03', 'online_retail_sales_yuan', '800000']]);
    expect(r.values).toEqual([['万人', 'bad_unit']]);
  });

  it.each([
    ['单位：万元、%', ['县区,月份,网络零售额,同比增长,培训人次', '东港市,2024-01,120,5.2,30']],
    ['主管单位：县人社局', ['县区,月份,网络零售额（万元）,培训人次', '东港市,2024-01,120,30']],
    [
      '单位：市场局,填报日期：2024年3月5日',
      ['县区,月份,网络零售额（万元）,培训人次', '东港市,2024-01,120,30'],
    ],
    [
      '填报单位：东港市商务局,,,,%',
      ['县区,月份,网络零售额（万元）,同比增长,培训人次', '东港市,2024-01,120,5.2,30'],
    ],
  ])('%s gives no unit to a count: 30 person-times read', async (note, table) => {
    const r = await run({ 'r.csv': csv('东港市2024年电子商务进农村月报', note, ...table) });
    expect(r.files).toEqual([]);
    expect(sorted(r.accepted)).toEqual([
      ['2024-01', 'online_retail_sales_yuan', '1200000'],
      ['2024-01', 'training_person_times', '30'],
    ]);
  });

  it('注：增速单位：% under the data is a note, not a unit for the values above', async () => {
    const r = await run({
      'r.csv': csv(
        '县区,月份,网络零售额（万元）,同比增长,培训人次',
        '东港市,2024-01,120,5.2,30',
        '注：增速单位：%',
      ),
    });
    expect(r.files).toEqual([]);
    expect(r.accepted).toHaveLength(2);
  });

  it.each(['单位：千件', '单位：百件', '单位：千人次', '单位：平方米'])(
    '%s over a count with no unit of its own: bad_unit, never read as 件 or 人次',
    async (note) => {
      const r = await run({ 'r.csv': csv(note, '县区,月份,快递业务量,培训人次', '东港市,2024-01,12,30') });
      expect(r.accepted).toEqual([]);
      expect(r.values.map(([, reason]) => reason)).toEqual(['bad_unit', 'bad_unit']);
    },
  );

  it('a month above the header with a unit in a later cell (2024年3月,,万元) names the month', async () => {
    const lines = ['2024年3月,,万元', '县区,快递业务量（件）,网络零售额', '东港市,12,80'];
    for (const files of asCsvAndWorkbook(lines)) {
      const r = await run(files);
      expect(r.summaries[0]!.error).toBeNull();
      expect(sorted(r.accepted)).toEqual([
        ['2024-03', 'express_parcels', '12'],
        ['2024-03', 'online_retail_sales_yuan', '800000'],
      ]);
    }
  });

  it('labelled units (金额单位：万元 | 数量单位：万件) are still notes for the whole table', async () => {
    const r = await run({ 'r.csv': csv('金额单位：万元,,数量单位：万件,', header, ...data) });
    expect(sorted(r.accepted)).toEqual(read);
    expect(r.summaries[0]!.unitRows).toBe(0);
  });
});

describe('a footnote numbered with a circled digit under the data (a second review)', () => {
  // 注①：… and ①… are notes, as 注1：… and 1.… are: a title record, not a data row of too few cells
  for (const note of ['注①：数据来源于县统计局', '①数据来源于县统计局'])
    for (const [how, files] of [
      ['DuckDB', (lines: string[]) => ({ 'r.csv': csv(...lines) })],
      ['a workbook', (lines: string[]) => ({ 'r.xlsx': workbookOf(lines) })],
    ] as const)
      it(`${note} (${how})`, async () => {
        const r = await run(
          files(['县区代码,月份,网络零售额（万元）,快递业务量（件）', '469001,2023-03,12,5', note]),
        );
        expect(r.values).toEqual([]);
        expect(r.accepted.length).toBe(2);
        expect(r.summaries[0]!.titleRows).toBe(1);
      });
});
