import { createHash } from 'node:crypto';

/** How a document's bytes were decoded. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'gb18030';

/** A document's text as published, decoded, with its checksum; or the reason it could not be read. */
export type ReadResult =
  | { ok: true; text: string; encoding: Encoding; sha256: string; bytes: number }
  | { ok: false; reason: string; offset?: number; sha256: string; bytes: number };

/**
 * Decodes a document's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030.
 * The BOM is removed, so that span offsets count from the first character of the text.
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
    if (nul !== -1) return fail('binary file (NUL byte) / 二进制文件，不是文本', nul);
    const utf8 = strictDecode('utf-8', bytes);
    if (utf8.ok) {
      encoding = 'utf-8';
      text = utf8.text;
    } else {
      const gb = strictDecode('gb18030', bytes);
      if (!gb.ok) return fail('neither UTF-8 nor GB18030 / 无法解码（既非 UTF-8 也非 GB18030）', utf8.offset);
      encoding = 'gb18030';
      text = gb.text;
    }
  }
  if (text.includes('\u0000'))
    return fail('binary file (NUL character) / 二进制文件，不是文本', text.indexOf('\u0000'));
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 1 && c <= 8) || (c >= 14 && c <= 31) || c === 127) controls++;
  }
  if (controls > Math.max(8, text.length * 0.01))
    return fail(`binary file (${controls} control characters) / 二进制文件`);
  if (text.trim() === '') return fail('no text (only whitespace) / 只有空白，没有文字');
  return { ok: true, text, encoding, sha256, bytes: size };
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

/** Finds the byte offset of the first undecodable sequence by bisection (for the error message). */
function firstBadOffset(label: string, bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // A streaming decode does not fail on a sequence cut at the end, only on a bad one.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder(label, { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  // the prefix may end inside the bad sequence: step back to the last position a complete decode accepts
  for (let k = lo; k >= Math.max(0, lo - 4); k--) {
    try {
      new TextDecoder(label, { fatal: true }).decode(bytes.subarray(0, k));
      return k;
    } catch {
      // not a complete prefix yet
    }
  }
  return lo;
}
