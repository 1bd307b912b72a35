/** The staging files: papaparse's writer, every text cell quoted, and rejections counted. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newSummary } from '../../pipelines/metrics/accounting.ts';
import {
  ACCEPTED_COLUMNS,
  REJECTED_COLUMNS,
  reject,
  type Sink,
  StagingFile,
  writeEmpty,
} from '../../pipelines/metrics/staging.ts';
import { readStaging, tempDir } from './files.ts';

describe('StagingFile', () => {
  it('StagingFile writes its header unquoted, then quotes every text cell (doubling its quotes), numbers and booleans as they are, null as nothing', () => {
    const path = join(tempDir(), 's.csv');
    const f = new StagingFile(path, ['a', 'b', 'c', 'd', 'e']);
    f.push(['say "hi", twice\nok', 2, true, null, '']);
    f.push(['x', 0.5, false, 'y', ' 7 ']);
    f.close();
    expect(readFileSync(path, 'utf8')).toBe(
      'a,b,c,d,e\n"say ""hi"", twice\nok",2,true,,""\n"x",0.5,false,"y"," 7 "\n',
    );
  });

  it('writeEmpty(path, columns) writes the header line alone', () => {
    const path = join(tempDir(), 'e.csv');
    writeEmpty(path, ACCEPTED_COLUMNS);
    expect(readFileSync(path, 'utf8')).toBe(
      'file,line,column,county_code,month,metric,value,unit,synthetic,note,raw_value,cell\n',
    );
  });

  it('StagingFile writes more rows than one batch (20,000) in order, each on its line', () => {
    const path = join(tempDir(), 'b.csv');
    const f = new StagingFile(path, ['n']);
    for (let i = 1; i <= 20_001; i++) f.push([i]);
    f.close();
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines).toHaveLength(20_003);
    expect([lines[1], lines[20_000], lines[20_001], lines[20_002]]).toEqual(['1', '20000', '20001', '']);
  });
});

describe('reject(sink, line, column, scope, field, raw, reason, wording)', () => {
  it('reject(sink, …) stages the file, line, column and the reason’s wording, and counts value rejections only', () => {
    const dir = tempDir();
    const sink: Sink = {
      file: 'in/a.csv',
      summary: newSummary('in/a.csv'),
      accepted: new StagingFile(join(dir, 'a.csv'), ACCEPTED_COLUMNS),
      rejected: new StagingFile(join(dir, 'r.csv'), REJECTED_COLUMNS),
    };
    reject(sink, 3, 'value', 'value', 'value', 'many', 'not_a_number');
    reject(sink, 1, '满意度', 'column', 'header', '满意度', 'unknown_column');
    reject(sink, 4, 'value', 'value', 'line', '1,2', 'cell_count', ['中文', 'English']);
    sink.accepted.close();
    sink.rejected.close();
    expect(sink.summary.rejected).toBe(2);
    expect(readStaging(join(dir, 'r.csv'))).toEqual([
      {
        file: 'in/a.csv',
        line: '3',
        column: 'value',
        scope: 'value',
        field: 'value',
        raw_value: 'many',
        reason: 'not_a_number',
        reason_zh: '数值不是数字',
        reason_en: 'value is not a number',
        // a CSV's value has no cell: its line says where it is
        cell: '',
      },
      expect.objectContaining({ line: '1', column: '满意度', scope: 'column', reason: 'unknown_column' }),
      expect.objectContaining({
        raw_value: '1,2',
        reason: 'cell_count',
        reason_zh: '中文',
        reason_en: 'English',
      }),
    ]);
  });
});
