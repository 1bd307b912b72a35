/**
 * Encoding helpers shared by the readers of plan documents (read.ts) and of metric files (metrics/import.ts): UTF-16
 * without a BOM told by its zero bytes, the offset of the first byte a decoding refuses, where a stream of bytes can
 * be cut between characters, and the message naming each encoding tried and where it failed.
 */

export type Utf16 = 'utf-16le' | 'utf-16be';

/** What the zero bytes of a sample say: UTF-16 of that byte order, UTF-16 but not certainly (why), or not UTF-16. */
export type Utf16Sniff = { encoding: Utf16 } | { uncertain: string } | null;

const NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GB18030',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

/** The usual name of an encoding label (utf-8 → UTF-8). */
export const encodingName = (label: string) => NAMES[label] ?? label;

/** How many control characters text would not contain: C0 but NUL and tab to carriage return, and DEL. */
export function countControls(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 1 && c <= 8) || (c >= 14 && c <= 31) || c === 127) n++;
  }
  return n;
}

/**
 * Whether bytes without a BOM are UTF-16: ASCII-heavy UTF-16 has a zero byte in most code units, at odd offsets
 * (little-endian) or even ones (big-endian). Certain when at least a tenth of the code units have their zero on one
 * side, at most a quarter as many on the other (characters such as 一, U+4E00), no unit is NUL, the sample decodes
 * strictly and has no control characters; uncertain (with the reason) when it only looks like UTF-16; null otherwise.
 */
export function sniffUtf16(bytes: Uint8Array): Utf16Sniff {
  let little = 0;
  let big = 0;
  let nul = 0;
  const units = bytes.length >> 1;
  for (let k = 0; k < units; k++) {
    const a = bytes[2 * k]!;
    const b = bytes[2 * k + 1]!;
    if (a === 0 && b === 0) nul++;
    else if (b === 0) little++;
    else if (a === 0) big++;
  }
  const major = Math.max(little, big);
  if (units === 0 || major < units * 0.1 || nul > major * 0.1) return null;
  const side = little >= big ? 'odd' : 'even';
  if (Math.min(little, big) > major / 4)
    return {
      uncertain: `zero bytes at both even and odd offsets (${little} code units read as little-endian, ${big} as big-endian)`,
    };
  const encoding: Utf16 = little >= big ? 'utf-16le' : 'utf-16be';
  if (nul > 0) return { uncertain: `zero bytes at ${side} offsets, but ${nul} NUL characters` };
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true });
  } catch {
    return { uncertain: `zero bytes at ${side} offsets, but not valid ${encodingName(encoding)}` };
  }
  const controls = countControls(text);
  if (controls > text.length * 0.01)
    return { uncertain: `zero bytes at ${side} offsets, but ${controls} control characters` };
  return { encoding };
}

/** Whether `bytes` decode strictly as a whole in `label`. */
function decodes(label: string, bytes: Uint8Array, stream: boolean): boolean {
  try {
    new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes, { stream });
    return true;
  } catch {
    return false;
  }
}

/** The byte offset of the first sequence of `bytes` that `label` does not decode (bytes.length when all do). */
export function firstBadOffset(label: string, bytes: Uint8Array): number {
  if (decodes(label, bytes, false)) return bytes.length;
  // a streaming decode does not fail on a sequence cut at the end, only on a bad one: bisect on that
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (decodes(label, bytes.subarray(0, mid), true)) lo = mid;
    else hi = mid;
  }
  // the prefix may end inside the bad sequence: step back to the last position a complete decode accepts
  for (let k = lo; k >= Math.max(0, lo - 4); k--) if (decodes(label, bytes.subarray(0, k), false)) return k;
  return lo;
}

/**
 * How many leading bytes of `bytes` end between two characters, so that they decode on their own: up to the last
 * byte below 0x30 for UTF-8 and GB18030 (such a byte is never inside a character of either), an even count that does
 * not end on a high surrogate for UTF-16; 0 when there is no such place.
 */
export function characterBoundary(bytes: Uint8Array, label: string): number {
  if (label === 'utf-16le' || label === 'utf-16be') {
    let end = bytes.length & ~1;
    const high = (at: number) => (label === 'utf-16le' ? bytes[at + 1]! : bytes[at]!);
    if (end >= 2 && high(end - 2) >= 0xd8 && high(end - 2) <= 0xdb) end -= 2;
    return end;
  }
  for (let i = bytes.length - 1; i >= 0; i--) if (bytes[i]! < 0x30) return i + 1;
  return 0;
}

/** Where a decoding failed: the byte offset, or null when it decoded the whole file. */
export interface Attempt {
  label: string;
  offset: number | null;
}

/**
 * The message for bytes no encoding tried decodes, naming each with the byte where it failed, and the offset to
 * report: where the longer-lasting decoding fails (“neither UTF-8 nor GB18030 (UTF-8 fails at byte 0, GB18030 at
 * byte 48)”).
 */
export function undecodable(attempts: Attempt[]): { message: string; offset: number } {
  const failed = attempts.filter((a): a is { label: string; offset: number } => a.offset !== null);
  const offset = Math.max(...failed.map((a) => a.offset));
  const names = failed.map((a) => encodingName(a.label));
  const where = failed.map((a, i) => `${names[i]}${i === 0 ? ' fails' : ''} at byte ${a.offset}`).join(', ');
  const message =
    names.length === 1
      ? `not valid ${names[0]} (fails at byte ${offset})`
      : `neither ${names.slice(0, -1).join(', ')} nor ${names.at(-1)} (${where})`;
  const whole = attempts.filter((a) => a.offset === null).map((a) => encodingName(a.label));
  if (whole.length === 0) return { message, offset };
  return {
    message: `${message}; as ${whole.join(' or ')} it decodes, garbled: the file mixes encodings`,
    offset,
  };
}
