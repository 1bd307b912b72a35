/** Sniffing a metrics file's encoding and decoding it piece by piece (the plan reader's decoding is tested in tests/unit/encoding.test.ts). */
import { describe, expect, it } from 'vitest';
import { decodeChunks, type Encoding, sniffEncoding } from '../../pipelines/metrics/decode.ts';
import { tempFile } from './files.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))),
  );

/** The whole text decodeChunks gives, or the message it throws. */
async function decoded(path: string, encoding: Encoding): Promise<string> {
  let text = '';
  try {
    for await (const t of decodeChunks(path, encoding)) text += t;
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
  return text;
}

describe('sniffEncoding(path)', () => {
  it('sniffEncoding(path) tells a BOM: EF BB BF is UTF-8, FF FE UTF-16LE, FE FF UTF-16BE', async () => {
    expect(await sniffEncoding(tempFile(bytes([0xef, 0xbb, 0xbf], '县,月份\n')))).toBe('utf-8-bom');
    expect(await sniffEncoding(tempFile(bytes([0xff, 0xfe], [0x41, 0x00])))).toBe('utf-16le-bom');
    expect(await sniffEncoding(tempFile(bytes([0xfe, 0xff], [0x00, 0x41])))).toBe('utf-16be-bom');
  });

  it('sniffEncoding(path) is utf-8 for valid UTF-8 and for ASCII, gb18030 for 县 as GB18030 (CF D8)', async () => {
    expect(await sniffEncoding(tempFile('县,月份\n'))).toBe('utf-8');
    expect(await sniffEncoding(tempFile('county_code,month\n'))).toBe('utf-8');
    expect(await sniffEncoding(tempFile(bytes([0xcf, 0xd8], ',month\n')))).toBe('gb18030');
  });

  it('sniffEncoding(path) refuses an empty file, and a file with a zero byte that is not UTF-16 as binary', async () => {
    await expect(sniffEncoding(tempFile(''))).rejects.toThrow('the file is empty');
    await expect(sniffEncoding(tempFile(bytes([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])))).rejects.toThrow(
      'binary file (NUL byte at 4)',
    );
  });
});

describe('decodeChunks(path, encoding)', () => {
  it('decodeChunks(path, "utf-8-bom") gives the text without its BOM', async () => {
    expect(await decoded(tempFile(bytes([0xef, 0xbb, 0xbf], '县,月份\n')), 'utf-8-bom')).toBe('县,月份\n');
  });

  it('decodeChunks(path, "utf-16le-bom") decodes the code units after the BOM', async () => {
    const path = tempFile(bytes([0xff, 0xfe], [...Buffer.from('a,b\n', 'utf16le')]));
    expect(await decoded(path, 'utf-16le-bom')).toBe('a,b\n');
  });

  it('decodeChunks(path, "gb18030") decodes CF D8 as 县', async () => {
    expect(await decoded(tempFile(bytes([0xcf, 0xd8], ',x\n')), 'gb18030')).toBe('县,x\n');
  });

  it('decodeChunks(path, "utf-8") refuses FF at byte 4, naming where UTF-8 and GB18030 each fail', async () => {
    const message = await decoded(tempFile(bytes('a,b\n', [0xff], 'x\n')), 'utf-8');
    expect(message).toBe(
      'error: neither UTF-8 nor GB18030 (UTF-8 fails at byte 4, GB18030 at byte 4) / 编码错误',
    );
  });

  it('decodeChunks(path, "utf-16le-bom") counts the offset of bad bytes in the whole file, after the BOM', async () => {
    // a lone low surrogate (00 DC) as the second code unit, at byte 2 + 2
    const path = tempFile(bytes([0xff, 0xfe], [0x41, 0x00, 0x00, 0xdc, 0x42, 0x00]));
    expect(await decoded(path, 'utf-16le-bom')).toBe(
      'error: not valid UTF-16LE (fails at byte 4) / 编码错误',
    );
  });

  it('decodeChunks(path, encoding) refuses a NUL character, naming its byte', async () => {
    expect(await decoded(tempFile(bytes('a,b\n', [0x00], '\n')), 'utf-8')).toBe(
      'error: a NUL character at byte 4: not a text file / 不是文本文件',
    );
  });
});
