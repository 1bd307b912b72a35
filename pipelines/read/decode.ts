import { createHash } from 'node:crypto';
import { countControls, encodingName, firstBadOffset, sniffUtf16, undecodable } from './encoding.ts';

/** How a document's bytes were decoded. */
export type Encoding =
  | 'utf-8'
  | 'utf-8-bom'
  | 'utf-16le-bom'
  | 'utf-16be-bom'
  | 'utf-16le'
  | 'utf-16be'
  | 'gb18030'
  /** not decoded: converted from a Word document (read/docx.ts) or a PDF (read/pdf.ts) */
  | 'docx'
  | 'pdf';

/** A document's text as published, decoded, with its checksum; or the reason it could not be read. */
export type ReadResult =
  | { ok: true; text: string; encoding: Encoding; sha256: string; bytes: number }
  | { ok: false; reason: string; offset?: number; sha256: string; bytes: number };

/**
 * Decodes a document's bytes: UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when its zero bytes
 * make it certain), or GB18030. The BOM is removed, so that span offsets count from the first character of the text.
 * Binary and empty files are refused with a reason (and the byte offset where it helps).
 */
export function decodeDocument(bytes: Uint8Array): ReadResult {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const size = bytes.length;
  const fail = (reason: string, offset?: number): ReadResult => ({
    ok: false,
    reason,
    ...(offset === undefined ? {} : { offset }),
    sha256,
    bytes: size,
  });
  if (size === 0) return fail('empty file (0 bytes) / 空文件');

  let encoding: Encoding;
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    const decoded = strictDecode('utf-8', bytes.subarray(3));
    if (decoded.ok === false) return fail(`invalid UTF-8 after BOM / 编码错误 (UTF-8)`, decoded.offset + 3);
    text = decoded.text;
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le-bom';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be-bom';
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    const nul = bytes.indexOf(0);
    const decoded = nul === -1 ? decodeText(bytes) : decodeUtf16(bytes, nul);
    if (!decoded.ok) return fail(decoded.reason, decoded.offset);
    encoding = decoded.encoding;
    text = decoded.text;
  }
  if (text.includes('\u0000'))
    return fail('binary file (NUL character) / 二进制文件，不是文本', text.indexOf('\u0000'));
  const controls = countControls(text);
  if (controls > Math.max(8, text.length * 0.01))
    return fail(`binary file (${controls} control characters) / 二进制文件`);
  if (text.trim() === '') return fail('no text (only whitespace) / 只有空白，没有文字');
  return { ok: true, text, encoding, sha256, bytes: size };
}

type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: string; offset: number };

/** Bytes without a BOM or a zero byte: UTF-8, else GB18030, else refused naming where each failed. */
function decodeText(bytes: Uint8Array): Decoded {
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8.ok) return { ok: true, text: utf8.text, encoding: 'utf-8' };
  const gb = strictDecode('gb18030', bytes);
  if (gb.ok) return { ok: true, text: gb.text, encoding: 'gb18030' };
  const { message, offset } = undecodable([
    { label: 'utf-8', offset: utf8.offset },
    { label: 'gb18030', offset: gb.offset },
  ]);
  return { ok: false, reason: `${message} / 无法解码（既非 UTF-8 也非 GB18030）`, offset };
}

/** Bytes without a BOM but with a zero byte (at `nul`): UTF-16 when that is certain, else refused. */
function decodeUtf16(bytes: Uint8Array, nul: number): Decoded {
  const sniff = sniffUtf16(bytes);
  if (sniff === null)
    return { ok: false, reason: 'binary file (NUL byte) / 二进制文件，不是文本', offset: nul };
  if ('uncertain' in sniff)
    return {
      ok: false,
      reason: `UTF-16 without BOM, not certain: ${sniff.uncertain} / 疑似无 BOM 的 UTF-16，无法确定`,
      offset: nul,
    };
  const decoded = strictDecode(sniff.encoding, bytes);
  if (!decoded.ok)
    return {
      ok: false,
      reason: `invalid ${encodingName(sniff.encoding)} (UTF-16 without BOM) / 编码错误`,
      offset: decoded.offset,
    };
  return { ok: true, text: decoded.text, encoding: sniff.encoding };
}

function strictDecode(
  label: string,
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; offset: number } {
  try {
    return { ok: true, text: new TextDecoder(label, { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, offset: firstBadOffset(label, bytes) };
  }
}
