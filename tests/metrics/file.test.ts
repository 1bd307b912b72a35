import { beforeAll, describe, expect, it } from 'vitest';
import { type CountyLookup, countyLookup } from '../../pipelines/metrics/lookups.ts';
import { loadReference } from '../../pipelines/reference/index.ts';
import { stageContent } from './files.ts';

let county: CountyLookup;
beforeAll(() => {
  county = countyLookup(loadReference());
});

/** Stages one file with the given content; returns its summary and its staging files read back. */
const stage = (content: string | Uint8Array) => stageContent(county, content, 'in/f.csv');

describe('stageFile(path, file, county, accepted, rejected)', () => {
  it('stageFile counts a header, a unit row, a blank line and two data rows (one short), and stages the full row’s values in 万元 and 万件', async () => {
    const { summary, accepted, rejected } = await stage(
      '县区,月份,网络零售额,快递业务量\n,,万元,万件\n\n五指山市,2020-03,12.5,3\n五指山市,2020-04,1\n',
    );
    expect(summary).toMatchObject({
      file: 'in/f.csv',
      encoding: 'utf-8',
      form: 'wide',
      records: 5,
      headerRows: 1,
      unitRows: 1,
      blankRows: 1,
      rows: 2,
      values: 4,
      accepted: 2,
      rejected: 2,
      rowsAccepted: 1,
      rowsRejected: 1,
      error: null,
    });
    expect(accepted.map((r) => [r.line, r.column, r.value, r.unit])).toEqual([
      ['4', '网络零售额', '125000', 'yuan'],
      ['4', '快递业务量', '30000', 'parcels'],
    ]);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      ['5', 'cell_count'],
      ['5', 'cell_count'],
    ]);
  });

  it('stageFile names columns by their header with full-width punctuation made ASCII, and stages an unknown column once, on the header’s line', async () => {
    const { summary, accepted, rejected } = await stage(
      '\n县,月份,快递量（件）,满意度\n五指山市,2020-03,100,好\n',
    );
    expect(accepted.map((r) => [r.line, r.column, r.value])).toEqual([['3', '快递量(件)', '100']]);
    expect(rejected.map((r) => [r.line, r.column, r.scope, r.field, r.raw_value, r.reason])).toEqual([
      ['2', '满意度', 'column', 'header', '满意度', 'unknown_column'],
    ]);
    expect(summary).toMatchObject({ ignoredColumns: ['满意度'], rejected: 0, blankRows: 1, headerRows: 1 });
  });

  it('stageFile reads a GB18030 file (县,月份,快递量 / 五指山市,2020-03,5 with CRLF) and says so', async () => {
    const gb = Buffer.from('cfd82cd4c2b7dd2cbfecb5ddc1bf0d0acee5d6b8c9bdcad02c323032302d30332c350d0a', 'hex');
    const { summary, accepted } = await stage(gb);
    expect(summary.encoding).toBe('gb18030');
    expect(accepted.map((r) => [r.county_code, r.month, r.metric, r.value])).toEqual([
      ['469001', '2020-03', 'express_parcels', '5'],
    ]);
  });

  it('stageFile rejects the values of a last line without a line break as unterminated_last_line', async () => {
    const { accepted, rejected } = await stage(
      'county_code,month,metric,value\n469001,2020-03,express_parcels,17',
    );
    expect(accepted).toEqual([]);
    expect(rejected.map((r) => [r.line, r.raw_value, r.reason])).toEqual([
      ['2', '17', 'unterminated_last_line'],
    ]);
  });
});

describe('stageFile(…) refusing a file', () => {
  it('stageFile refuses an empty file as unreadable_file, its encoding unknown', async () => {
    const { summary } = await stage('');
    expect(summary).toMatchObject({
      encoding: null,
      error: 'the file cannot be read: the file is empty',
      errorReason: 'unreadable_file',
    });
  });

  it('stageFile refuses a file of blank lines as no_header: “the file has no rows”', async () => {
    const { summary } = await stage('\n  \n');
    expect(summary.error).toBe('no county and month columns in the header: the file has no rows');
    expect(summary.errorReason).toBe('no_header');
  });

  it('stageFile refuses a header without county and month columns as no_header, naming its cells, and reads no further', async () => {
    const { summary, rejected } = await stage('name,score\nx,1\n');
    expect(summary.errorReason).toBe('no_header');
    expect(summary.error).toContain('found “name”, “score”');
    expect(summary.records).toBe(1);
    expect(rejected).toEqual([]);
  });

  it('stageFile refuses a unit row with 万人 under 培训人次 as unknown_unit, with the wording naming the cell', async () => {
    const { summary, accepted } = await stage(
      '县区,月份,快递业务量,培训人次\n,,万件,万人\n五指山市,2020-03,12,3\n',
    );
    expect(summary).toMatchObject({
      errorReason: 'unknown_unit',
      error:
        'the row under the header looks like a row of units, but holds a unit the importer does not know: line 2: “万人” (column 培训人次)',
      errorWording: [
        '第 2 行像是单位行，但“万人”（列：培训人次）不是可识别的单位',
        'row 2 looks like a row of units, but “万人” (column 培训人次) is not a unit the importer knows',
      ],
    });
    expect(accepted).toEqual([]);
  });
});
