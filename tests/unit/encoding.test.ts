/**
 * Decoding bytes of unknown encoding, in both readers: plan documents (decodeDocument) and metric files
 * (sniffEncoding, decodeChunks). A file that changes encoding part-way is refused at the byte where the
 * longer-lasting decoding fails, naming each encoding tried; UTF-16 without a BOM is recognised by its zero bytes
 * at alternating positions, or refused as such when that is not certain.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeChunks, sniffEncoding } from '../../pipelines/metrics/import.ts';
import { decodeDocument } from '../../pipelines/read/decode.ts';
import { sniffUtf16 } from '../../pipelines/read/encoding.ts';

const hex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
const be = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le').swap16());
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/** Writes bytes to a temporary file; returns its path. */
function file(bytes: Uint8Array) {
  const path = join(mkdtempSync(join(tmpdir(), 'plan-atlas-enc-')), 'f.csv');
  writeFileSync(path, bytes);
  return path;
}

/** The whole text decodeChunks gives for a file, or the message it throws. */
async function decodeFile(path: string): Promise<{ text: string } | { error: string }> {
  try {
    let text = '';
    for await (const t of decodeChunks(path, await sniffEncoding(path))) text += t;
    return { text };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

// 县,月份,快递量（件）\n五指山市,2020-03,5\n in GB18030 (python3: '…'.encode('gb18030').hex()):
// 21 bytes of header, 19 of row; 0xCF 0xD8 at byte 0 is not UTF-8 (0xD8 cannot follow the lead byte 0xCF)
const GB_HEAD = hex('cfd82cd4c2b7dd2cbfecb5ddc1bfa3a8bcfea3a90a');
const GB_ROW = hex('cee5d6b8c9bdcad02c323032302d30332c350a');
// 五台县 in UTF-8 is E4 BA 94 E5 8F B0 E5 8E BF: GB18030 reads (E4 BA)(94 E5)(8F B0)(E5 8E) as four characters, then
// BF is a lead byte followed by a comma, which cannot be its second byte: GB18030 fails 8 bytes into this row
const UTF8_ROW = utf8('五台县,2020-04,6\n');

describe('a file in GB18030 and then UTF-8', () => {
  it('decodeDocument(bytes) is refused at the byte where GB18030 fails, naming both encodings and where each failed', () => {
    const bytes = concat(GB_HEAD, GB_ROW, UTF8_ROW);
    const at = GB_HEAD.length + GB_ROW.length + 8;
    const r = decodeDocument(bytes);
    expect(r).toMatchObject({ ok: false, offset: at });
    expect(r.ok === false && r.reason).toContain('neither UTF-8 nor GB18030');
    expect(r.ok === false && r.reason).toContain('UTF-8 fails at byte 0');
    expect(r.ok === false && r.reason).toContain(`GB18030 at byte ${at}`);
  });

  it('decodeChunks(path) is refused at the byte where GB18030 fails, naming both encodings and where each failed', async () => {
    const at = GB_HEAD.length + GB_ROW.length + 8;
    const r = await decodeFile(file(concat(GB_HEAD, GB_ROW, UTF8_ROW)));
    expect(r).toHaveProperty('error');
    const { error } = r as { error: string };
    expect(error).toContain('UTF-8 fails at byte 0');
    expect(error).toContain(`GB18030 at byte ${at}`);
  });

  it('decodeChunks(path) names the offset in the whole file when the change comes after the first megabyte', async () => {
    const rows = Array.from({ length: 60_000 }, () => GB_ROW);
    const before = GB_HEAD.length + GB_ROW.length * rows.length;
    expect(before).toBeGreaterThan(1 << 20);
    const r = await decodeFile(file(concat(GB_HEAD, ...rows, UTF8_ROW)));
    expect((r as { error: string }).error).toContain(`GB18030 at byte ${before + 8}`);
  });
});

describe('a GB18030 file whose first 64 KB are ASCII', () => {
  it('sniffEncoding(path) decides on the first bytes that are not ASCII, not on an ASCII head', async () => {
    // 4,000 rows of 20 ASCII bytes (80,000 bytes) before the first GB18030 row
    const ascii = utf8('469001,2020-03,5,6\r\n'.repeat(4000));
    expect(ascii.length).toBeGreaterThan(65536);
    const path = file(concat(GB_HEAD, ascii, GB_ROW).subarray(GB_HEAD.length));
    expect(await sniffEncoding(path)).toBe('gb18030');
    const r = await decodeFile(path);
    expect(r).toEqual({ text: `${'469001,2020-03,5,6\r\n'.repeat(4000)}五指山市,2020-03,5\n` });
  });
});

describe('UTF-16 without a BOM', () => {
  const plan = '某某县电子商务进农村综合示范项目实施方案\n\n项目总投资2200万元。\n';
  const csv = 'county_code,month,metric,value\n469001,2020-03,express_parcels,5\n';

  it('sniffUtf16(bytes) sees zero bytes at odd offsets as little-endian and at even ones as big-endian', () => {
    expect(sniffUtf16(le(csv))).toEqual({ encoding: 'utf-16le' });
    expect(sniffUtf16(be(csv))).toEqual({ encoding: 'utf-16be' });
    expect(sniffUtf16(utf8(csv))).toBeNull();
  });

  it('decodeDocument(bytes) decodes UTF-16LE and UTF-16BE without a BOM instead of calling them binary', () => {
    for (const [bytes, encoding] of [
      [le(plan), 'utf-16le'],
      [be(plan), 'utf-16be'],
    ] as const) {
      const r = decodeDocument(bytes);
      expect(r.ok && r.encoding).toBe(encoding);
      expect(r.ok && r.text).toBe(plan);
    }
  });

  it('sniffEncoding(path) and decodeChunks(path) read a UTF-16LE or UTF-16BE metrics file without a BOM', async () => {
    for (const [bytes, encoding] of [
      [le(csv), 'utf-16le'],
      [be(csv), 'utf-16be'],
    ] as const) {
      const path = file(bytes);
      expect(await sniffEncoding(path)).toBe(encoding);
      expect(await decodeFile(path)).toEqual({ text: csv });
    }
  });

  // a stray byte after the header shifts the zeros of the rows from odd to even offsets
  const shifted = concat(le('county_code,month\n'), new Uint8Array([0x41]), le('469001,2020-03\n'));

  it('decodeDocument(bytes) refuses UTF-16 that is not certain (zeros at odd, then even offsets) as “UTF-16 without BOM”', () => {
    expect(sniffUtf16(shifted)).toMatchObject({ uncertain: expect.stringContaining('even and odd') });
    const r = decodeDocument(shifted);
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.reason).toContain('UTF-16 without BOM');
  });

  it('sniffEncoding(path) refuses UTF-16 that is not certain as “UTF-16 without BOM”, not as binary', async () => {
    const r = await decodeFile(file(shifted));
    expect(r).toMatchObject({ error: expect.stringContaining('UTF-16 without BOM') });
    expect((r as { error: string }).error).not.toMatch(/binary/);
  });

  it('decodeDocument(bytes) still calls runs of zero bytes binary (PNG), with the offset of the first', () => {
    const png = hex('89504e470d0a1a0a0000000d49484452');
    expect(sniffUtf16(png)).toBeNull();
    const r = decodeDocument(png);
    expect(r).toMatchObject({ ok: false, offset: 8 });
    expect(r.ok === false && r.reason).toMatch(/binary/);
  });
});
