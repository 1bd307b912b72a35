/** The records of a file: the line each starts on, whether a line break ends the last one, and stopping. */
import { describe, expect, it } from 'vitest';
import { readRecords } from '../../pipelines/metrics/records.ts';
import { tempFile } from './files.ts';

/** Every record readRecords gives for a UTF-8 file, as [cells, line, terminated], and what it resolves to. */
async function records(text: string | Uint8Array, stopAfter = Infinity) {
  const got: [string[], number, boolean][] = [];
  const error = await readRecords(tempFile(text), 'utf-8', (row, at, terminated) => {
    got.push([row, at, terminated]);
    return got.length < stopAfter;
  });
  return { got, error };
}

describe('readRecords(path, encoding, take)', () => {
  it('readRecords gives each record with the line it starts on, counting blank lines and line breaks in quoted cells', async () => {
    const { got, error } = await records('a,b\n\n1,"two\nlines"\n2,x\n');
    expect(error).toBeNull();
    expect(got).toEqual([
      [['a', 'b'], 1, true],
      [[''], 2, true],
      [['1', 'two\nlines'], 3, true],
      [['2', 'x'], 5, true],
    ]);
  });

  it('readRecords does not give the empty record papaparse reads after a final line break (LF or CRLF)', async () => {
    expect((await records('a,b\n1,2\n')).got).toHaveLength(2);
    expect((await records('a,b\r\n1,2\r\n')).got).toEqual([
      [['a', 'b'], 1, true],
      [['1', '2'], 2, true],
    ]);
  });

  it('readRecords marks the last record unterminated when the file does not end with a line break', async () => {
    expect((await records('a,b\n1,17')).got.at(-1)).toEqual([['1', '17'], 2, false]);
  });

  it('readRecords marks the last record unterminated when a quoted cell is still open at the end of the file', async () => {
    expect((await records('a,b\n1,"open\n')).got.at(-1)?.[2]).toBe(false);
  });

  it('readRecords stops when take returns false, and the last record is not given after', async () => {
    const { got, error } = await records('a\nb\nc\nd', 2);
    expect(got.map(([row]) => row[0])).toEqual(['a', 'b']);
    expect(error).toBeNull();
  });

  it('readRecords resolves to the message of a decoding error', async () => {
    const { error } = await records(new Uint8Array([0x61, 0x0a, 0xff, 0x0a]));
    expect(error).toBe('neither UTF-8 nor GB18030 (UTF-8 fails at byte 2, GB18030 at byte 2) / 编码错误');
  });
});
