/** stageMetrics over a folder: one staging pair per .csv file, a refused file's pair holding only its refusal. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as decode from '../../pipelines/metrics/decode.ts';
import * as importer from '../../pipelines/metrics/import.ts';
import * as reasons from '../../pipelines/metrics/reasons.ts';
import * as staging from '../../pipelines/metrics/staging.ts';
import { loadReference } from '../../pipelines/reference/index.ts';
import { readStaging, tempDir } from './files.ts';

describe('stageMetrics(dir, tmp, ref, problem)', () => {
  it('stageMetrics stages each .csv in name order after an empty pair, skips other files (saying so) and hidden ones (silently)', async () => {
    const dir = tempDir();
    const tmp = join(dir, 'tmp');
    mkdirSync(join(dir, 'in'));
    mkdirSync(tmp);
    writeFileSync(
      join(dir, 'in', 'b.csv'),
      'county_code,month,metric,value\n469001,2020-03,express_parcels,5\n',
    );
    writeFileSync(join(dir, 'in', 'a.CSV'), 'name,score\nx,1\n');
    writeFileSync(join(dir, 'in', 'notes.docx'), 'x');
    writeFileSync(join(dir, 'in', '.hidden.csv'), 'x');
    const problems: string[] = [];
    const s = await importer.stageMetrics(join(dir, 'in'), tmp, loadReference(), (l) => problems.push(l));
    expect(problems).toEqual([
      `skipped ${join(dir, 'in', 'notes.docx')}: not a .csv, .tsv, .txt, .xlsx or .xls file / 非 .csv、.tsv、.txt、.xlsx 或 .xls 文件，已跳过`,
    ]);
    expect(s.accepted).toEqual(
      ['accepted-none.csv', 'accepted-0.csv', 'accepted-1.csv'].map((n) => join(tmp, n)),
    );
    expect(s.rejected).toEqual(
      ['rejected-none.csv', 'rejected-0.csv', 'rejected-1.csv'].map((n) => join(tmp, n)),
    );
    const file = (name: string) => relative(process.cwd(), join(dir, 'in', name));
    expect(s.summaries.map((f) => [f.file, f.errorReason ?? null])).toEqual([
      [file('a.CSV'), 'no_header'],
      [file('b.csv'), null],
    ]);
    expect(readStaging(s.accepted[0]!)).toEqual([]);
    expect(readStaging(s.accepted[2]!).map((r) => [r.file, r.line, r.value])).toEqual([
      [file('b.csv'), '2', '5'],
    ]);
  });

  it('stageMetrics leaves a refused file nothing but its refusal, on line 0, and counts nothing for it', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    // the header and the unit row are read and counted before the unit row refuses the file
    writeFileSync(
      join(dir, 'in', 'u.csv'),
      '县区,月份,快递业务量,培训人次\n,,万件,万人\n五指山市,2020-03,12,3\n',
    );
    const s = await importer.stageMetrics(join(dir, 'in'), dir, loadReference(), () => {});
    const [f] = s.summaries;
    expect(f).toMatchObject({ records: 0, headerRows: 0, rows: 0, values: 0, ignoredColumns: [] });
    expect(readStaging(s.accepted[1]!)).toEqual([]);
    expect(readStaging(s.rejected[1]!)).toEqual([
      {
        file: f!.file,
        line: '0',
        column: '',
        scope: 'file',
        field: 'file',
        raw_value: f!.error,
        reason: 'unknown_unit',
        reason_zh: '第 2 行像是单位行，但“万人”（列：培训人次）不是可识别的单位',
        reason_en:
          'row 2 looks like a row of units, but “万人” (column 培训人次) is not a unit the importer knows',
        cell: '',
      },
    ]);
  });
});

describe('import.ts re-exports', () => {
  it('import.ts gives the same REASONS, wording, columns and decoders as the modules that define them', () => {
    expect(importer.REASONS).toBe(reasons.REASONS);
    expect(importer.cellCountWording).toBe(reasons.cellCountWording);
    expect(importer.ACCEPTED_COLUMNS).toBe(staging.ACCEPTED_COLUMNS);
    expect(importer.REJECTED_COLUMNS).toBe(staging.REJECTED_COLUMNS);
    expect(importer.sniffEncoding).toBe(decode.sniffEncoding);
    expect(importer.decodeChunks).toBe(decode.decodeChunks);
  });
});
