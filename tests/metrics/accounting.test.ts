/** The per-file summary: nothing counted before a file is read, and a refusal's message. */
import { describe, expect, it } from 'vitest';
import { NO_COUNTS, newSummary, refuse } from '../../pipelines/metrics/accounting.ts';

describe('newSummary(file)', () => {
  it('newSummary("in/a.csv") names the file and counts nothing, without encoding, form or error', () => {
    expect(newSummary('in/a.csv')).toEqual({
      file: 'in/a.csv',
      encoding: null,
      form: null,
      records: 0,
      titleRows: 0,
      headerRows: 0,
      unitRows: 0,
      blankRows: 0,
      totalRows: 0,
      rows: 0,
      rowsAccepted: 0,
      rowsRejected: 0,
      rowsWithoutValues: 0,
      values: 0,
      accepted: 0,
      rejected: 0,
      ignoredColumns: [],
      notes: [],
      error: null,
    });
  });

  it('newSummary(file) gives a new list of ignored columns each time', () => {
    const a = newSummary('a');
    a.ignoredColumns.push('x');
    expect(newSummary('b').ignoredColumns).toEqual([]);
    expect(Object.values(NO_COUNTS).every((n) => n === 0)).toBe(true);
  });
});

describe('refuse(summary, reason, detail)', () => {
  it('refuse(s, "no_header", "the file has no rows") sets the error to the reason’s English wording, then the detail', () => {
    const s = newSummary('in/a.csv');
    expect(refuse(s, 'no_header', 'the file has no rows')).toBe(s);
    expect(s.error).toBe('no county and month columns in the header: the file has no rows');
    expect(s.errorReason).toBe('no_header');
  });
});
