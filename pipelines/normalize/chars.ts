import * as OpenCC from 'opencc-js';
import { isRadical, unifiedIdeograph } from './radicals.ts';

/** The character classes normalize reads, and the form a visible character is matched in. */

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const simplifiedCache = new Map<string, string>();

/** One Han character in Simplified form, when the conversion is one character to one character. */
export function simplify(ch: string): string {
  let s = simplifiedCache.get(ch);
  if (s === undefined) {
    const converted = toSimplified(ch);
    s = [...converted].length === 1 ? converted : ch;
    simplifiedCache.set(ch, s);
  }
  return s;
}

/** Whether a code point is a Han character (the unified ideographs, their extensions and compatibility forms). */
export const isHan = (cp: number): boolean =>
  (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);

/** Han, CJK punctuation and full-width forms: characters between which a space carries no meaning. */
export const isWide = (cp: number): boolean =>
  isHan(cp) || isRadical(cp) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef);

/** Whitespace, the typographic spaces included (no-break, en to hair, narrow no-break, medium mathematical). */
export const isSpace = (cp: number): boolean =>
  cp === 0x20 ||
  cp === 0x09 ||
  cp === 0x0a ||
  cp === 0x0d ||
  cp === 0x0c ||
  cp === 0x0b ||
  cp === 0xa0 ||
  (cp >= 0x2000 && cp <= 0x200a) ||
  cp === 0x202f ||
  cp === 0x205f ||
  cp === 0x3000;

/**
 * Zero-width characters that change nothing a reader sees (zero-width space and joiners, word joiner, BOM, soft
 * hyphen): removed. Bidirectional controls are not among them: they change the order characters display in.
 */
export const isInvisible = (cp: number): boolean =>
  cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff || cp === 0xad;

/**
 * The form a visible character is matched in: full-width ASCII as ASCII (except the comma ，, which stays a Chinese
 * comma), a Traditional character as its Simplified form, a radical character (as PDFs give 人 as ⼈) as its
 * ideograph, any other character as written.
 */
export function matchingForm(cp: number, ch: string): string {
  if (cp >= 0xff01 && cp <= 0xff5e && cp !== 0xff0c) return String.fromCharCode(cp - 0xfee0);
  if (isHan(cp)) return simplify(ch);
  if (isRadical(cp)) return simplify(unifiedIdeograph(ch));
  return ch;
}
