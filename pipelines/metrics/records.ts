/**
 * The CSV records of a metrics file, parsed by papaparse as the file is decoded (never held whole), each with the
 * line it starts on and whether a line break follows it (the last line of a file may have been cut off).
 */
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { decodeChunks, type Encoding } from './decode.ts';

/** Takes one record, its first line and whether a line break ends it; false stops reading the file. */
export type TakeRecord = (row: string[], at: number, terminated: boolean) => boolean;

/** Passes text on, noting its last character (whether the file ends with a line break). */
async function* watchEnd(chunks: AsyncIterable<string>, tail: { last: string }): AsyncGenerator<string> {
  for await (const text of chunks) {
    tail.last = text.at(-1) ?? tail.last;
    yield text;
  }
}

const countNewlines = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * A cell as Excel keeps text in a CSV that a system wrote (="210681", ="2024-03": a formula giving the text, so that
 * Excel keeps the code's digits as written) is that text; any other cell as it is.
 */
const textFormula = (cell: string) => {
  const m = /^="((?:[^"]|"")*)"$/.exec(cell);
  return m ? m[1]!.replace(/""/g, '"') : cell;
};

/**
 * Gives each record of a file to `take`, in order, until it returns false; resolves to the message of an error that
 * stopped the reading (a file that does not decode), or null. Each record is handed on when the next one arrives, so
 * that the last one is known: it is handed on after the parse, `terminated` telling whether a line break follows it.
 */
export async function readRecords(
  path: string,
  encoding: Encoding,
  take: TakeRecord,
  /** set to the delimiter papaparse found (a comma, a tab, a semicolon…) */
  meta: { delimiter: string } = { delimiter: '' },
): Promise<string | null> {
  // a record starts on the line after all the newlines of the records before it (including those inside
  // quoted cells)
  let line = 1;
  let pending: { row: string[]; at: number } | null = null;
  let stopped = false;
  const tail = { last: '', openQuote: false };
  const next = (row: string[]): boolean => {
    const before = pending;
    pending = { row, at: line };
    line += 1 + row.reduce((n, c) => n + countNewlines(c), 0);
    for (let i = 0; i < row.length; i++) if (row[i]!.startsWith('="')) row[i] = textFormula(row[i]!);
    return before === null || take(before.row, before.at, true);
  };
  // destroyed when `take` stops the reading, so that the rest of the file is not decoded
  const source = Readable.from(watchEnd(decodeChunks(path, encoding), tail));
  try {
    await new Promise<void>((done, fail) => {
      Papa.parse<string[]>(source as unknown as File, {
        chunk: (results, parser) => {
          meta.delimiter ||= results.meta.delimiter;
          // a quoted cell still open at the end of the file
          if (results.errors.some((e) => e.code === 'MissingQuotes')) tail.openQuote = true;
          for (const row of results.data) {
            if (!next(row)) {
              stopped = true;
              parser.abort();
              source.destroy();
              return;
            }
          }
        },
        complete: () => done(),
        error: (e: Error) => fail(e),
      });
    });
  } catch (e) {
    return (e as Error).message;
  }
  const last = pending as { row: string[]; at: number } | null;
  if (!stopped && last) {
    const terminated = !tail.openQuote && /[\r\n]$/.test(tail.last);
    // after a final line break papaparse gives one more record of one empty cell: it is not in the file
    if (!(terminated && last.row.length === 1 && last.row[0] === '')) take(last.row, last.at, terminated);
  }
  return null;
}
