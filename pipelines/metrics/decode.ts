/**
 * The text of a metrics file of unknown encoding: the encoding sniffed from its first bytes (sniffEncoding), then
 * the file decoded strictly piece by piece as it is read (decodeChunks), refused with the byte offset where it
 * stops decoding. The helpers shared with the plan reader are in read/encoding.ts.
 */
import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import {
  type Attempt,
  characterBoundary,
  firstBadOffset,
  sniffUtf16,
  undecodable,
} from '../read/encoding.ts';

/** How a metrics file is decoded: UTF-8 or UTF-16 with or without a BOM, or GB18030. */
export type Encoding =
  | 'utf-8'
  | 'utf-8-bom'
  | 'utf-16le-bom'
  | 'utf-16be-bom'
  | 'utf-16le'
  | 'utf-16be'
  | 'gb18030';

const LABEL: Record<Encoding, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16le-bom': 'utf-16le',
  'utf-16be-bom': 'utf-16be',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  gb18030: 'gb18030',
};
const BOM_BYTES: Partial<Record<Encoding, number>> = { 'utf-8-bom': 3, 'utf-16le-bom': 2, 'utf-16be-bom': 2 };
const SNIFF_BYTES = 65536;

/** Up to `length` bytes of an open file from `position`. */
async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const { buffer, bytesRead } = await fh.read(Buffer.alloc(length), 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/**
 * The encoding of a report: a BOM (UTF-8, UTF-16); else, with zero bytes in its first 64 KB, UTF-16 without a BOM
 * when they make it certain (refused as uncertain UTF-16 or as binary otherwise); else UTF-8 if the 64 KB from its
 * first byte that is not ASCII are valid UTF-8, else GB18030 (what Excel on a Chinese Windows saves). A file that
 * turns out not to be valid in that encoding further on is refused by decodeChunks with the byte offset.
 */
export async function sniffEncoding(path: string): Promise<Encoding> {
  const fh = await open(path, 'r');
  try {
    const head = await readAt(fh, 0, SNIFF_BYTES);
    if (head.length === 0) throw new Error('the file is empty');
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
    if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le-bom';
    if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be-bom';
    if (head.includes(0)) return utf16OrRefuse(head);
    return (await utf8FromFirstNonAscii(fh, head)) ? 'utf-8' : 'gb18030';
  } finally {
    await fh.close();
  }
}

/** UTF-16 without a BOM, for a head with zero bytes, when that is certain; else throws naming why. */
function utf16OrRefuse(head: Buffer): Encoding {
  const sniff = sniffUtf16(head);
  if (sniff === null) throw new Error(`binary file (NUL byte at ${head.indexOf(0)}) / 二进制文件，不是文本`);
  if ('uncertain' in sniff)
    throw new Error(`UTF-16 without BOM, not certain: ${sniff.uncertain} / 疑似无 BOM 的 UTF-16，无法确定`);
  return sniff.encoding;
}

/** Whether the 64 KB from the first byte that is not ASCII are valid UTF-8 (before it, UTF-8 and GB18030 agree). */
async function utf8FromFirstNonAscii(fh: FileHandle, head: Buffer): Promise<boolean> {
  let at = 0;
  let block = head;
  while (block.length > 0 && isAscii(block)) {
    at += block.length;
    block = await readAt(fh, at, 1 << 20);
  }
  if (block.length === 0) return true;
  const from = at + block.findIndex((b) => b >= 0x80);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(await readAt(fh, from, SNIFF_BYTES), { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Bytes that do not decode, at an offset of the file. */
class BadBytes extends Error {
  readonly label: string;
  readonly offset: number;
  constructor(label: string, offset: number) {
    super(`not valid ${label} at byte ${offset}`);
    this.label = label;
    this.offset = offset;
  }
}

/**
 * A file's text in pieces cut between characters, from byte `skip` (after a BOM), each decoded strictly on its own
 * with the file offset of its bytes; throws BadBytes with the offset of the first bytes that do not decode.
 */
async function* pieces(
  path: string,
  label: string,
  skip: number,
): AsyncGenerator<{ text: string; bytes: Uint8Array; offset: number }> {
  let carry: Uint8Array = new Uint8Array(0);
  let offset = skip;
  const piece = (bytes: Uint8Array) => {
    try {
      return { text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes), bytes, offset };
    } catch {
      throw new BadBytes(label, offset + firstBadOffset(label, bytes));
    }
  };
  for await (const chunk of createReadStream(path, { start: skip, highWaterMark: 1 << 20 })) {
    const bytes = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const end = characterBoundary(bytes, label);
    if (end > 0) yield piece(bytes.subarray(0, end));
    carry = bytes.subarray(end);
    offset += end;
  }
  if (carry.length) yield piece(carry);
}

/**
 * The text of a file, piece by piece, BOM removed; throws naming the byte offset of the first bytes that do not
 * decode (and, for a file without a BOM, where UTF-8 and GB18030 each fail), or of a NUL character.
 */
export async function* decodeChunks(path: string, encoding: Encoding): AsyncGenerator<string> {
  const label = LABEL[encoding];
  try {
    for await (const { text, bytes, offset } of pieces(path, label, BOM_BYTES[encoding] ?? 0)) {
      const nul = text.indexOf('\u0000');
      if (nul !== -1) {
        const at = offset + (label.startsWith('utf-16') ? 2 * nul : bytes.indexOf(0));
        throw new Error(`a NUL character at byte ${at}: not a text file / 不是文本文件`);
      }
      if (text) yield text;
    }
  } catch (e) {
    if (!(e instanceof BadBytes)) throw e;
    throw new Error(`${(await explainBadBytes(path, encoding, e)).message} / 编码错误`);
  }
}

/** The message for a file that stops decoding: a file without a BOM is tried in both UTF-8 and GB18030. */
async function explainBadBytes(path: string, encoding: Encoding, bad: BadBytes) {
  if (encoding !== 'utf-8' && encoding !== 'gb18030')
    return undecodable([{ label: bad.label, offset: bad.offset }]);
  const other = encoding === 'utf-8' ? 'gb18030' : 'utf-8';
  const attempts: Attempt[] = [
    { label: encoding, offset: bad.offset },
    { label: other, offset: await failsAt(path, other) },
  ];
  return undecodable(encoding === 'utf-8' ? attempts : attempts.reverse());
}

/** The byte offset where a whole file stops decoding in `label`, or null when all of it decodes. */
async function failsAt(path: string, label: string): Promise<number | null> {
  try {
    for await (const _ of pieces(path, label, 0));
    return null;
  } catch (e) {
    if (e instanceof BadBytes) return e.offset;
    throw e;
  }
}
