/**
 * The names a reader knows a county by, and finding counties from what a reader types: the official name
 * (乳源瑶族自治县), the short name (乳源), the short name with the name's own last character (乳源县, 东港市,
 * 金口河区), an autonomous county without 自治县 (乳源瑶族), its pinyin (ruyuan, ruyuanyaozuzizhixian, initials
 * ryyzzzx) and its code. A text containing a name finds it (乳源三宝), and so does the start of a name or of its
 * pinyin (乳, ruy). Pinyin is computed where the index is built, so this module needs no dictionary.
 */

/** A county as the site's indexes carry it. */
export interface CountyNames {
  code: string;
  name: string;
  short: string;
  /** pinyin forms without tones, separated by spaces: full name, short name, initials */
  pinyin: string;
}

/** The Chinese forms of a county's name, longest first. */
export function nameForms(name: string, short: string): string[] {
  const forms = new Set([name, short]);
  const suffix = name.at(-1)!;
  if (short && short !== name && /[县市区旗]/.test(suffix)) forms.add(`${short}${suffix}`);
  const ethnic = /^(.+?族)自治[县旗]$/.exec(name)?.[1];
  if (ethnic) forms.add(ethnic);
  return [...forms].filter(Boolean).sort((a, b) => b.length - a.length);
}

/** What a reader typed, as it is matched: lower case, no spaces, tones and punctuation. */
export const normalize = (q: string) =>
  q
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');

const HAN = /\p{Script=Han}/u;

/** How well a county's names match a normalized query: 3 exact, 2 the query contains a name, 1 a name starts with it. */
function score(c: CountyNames, s: string): number {
  // a code anywhere in the text settles it (the picker's options read "乳源瑶族自治县 440232")
  const code = /\d{6}/.exec(s)?.[0];
  if (code) return c.code === code ? 3 : 0;
  const forms = HAN.test(s) ? nameForms(c.name, c.short) : c.pinyin.split(' ').filter(Boolean);
  if (forms.includes(s)) return 3;
  // a name inside the text (乳源三宝, ruyuancounty); a pinyin name only whole, at the start (not "an" in "tai'an")
  if (forms.some((f) => f.length >= 2 && (HAN.test(s) ? s.includes(f) : s.startsWith(f)))) return 2;
  if (forms.some((f) => f.startsWith(s)) && (HAN.test(s) || s.length >= 2)) return 1;
  return 0;
}

/** The counties a text matches with their scores, best first (then by code). */
function scored<C extends CountyNames>(counties: readonly C[], q: string) {
  const s = normalize(q);
  if (!s) return [];
  return counties
    .map((c) => ({ c, k: score(c, s) }))
    .filter((x) => x.k > 0)
    .sort((a, b) => b.k - a.k || a.c.code.localeCompare(b.c.code));
}

/** The counties a reader's text names, best match first (then by code); none for an empty text. */
export const matchCounties = <C extends CountyNames>(counties: readonly C[], q: string): C[] =>
  scored(counties, q).map((x) => x.c);

/** The one county a text names (乳源县, ruyuan, 440232), or null when it names none or several equally well. */
export function oneCounty<C extends CountyNames>(counties: readonly C[], q: string): C | null {
  const [first, second] = scored(counties, q);
  return first && (!second || second.k < first.k) ? first.c : null;
}

/**
 * Counties to suggest when nothing matches: those sharing a character of the query's Chinese (乳园 → 乳源) or the
 * first letter of its pinyin, most characters in common first, at most `n`.
 */
export function suggestCounties<C extends CountyNames>(counties: readonly C[], q: string, n = 5): C[] {
  const s = normalize(q);
  if (!s) return [];
  // the characters every county name shares (县, 自治) suggest nothing
  const chars = [...s].filter((ch) => HAN.test(ch) && !'县市区旗族自治'.includes(ch));
  const common = (c: C) =>
    chars.length
      ? chars.filter((ch) => c.name.includes(ch)).length
      : c.pinyin.split(' ').some((p) => p[0] === s[0])
        ? 1
        : 0;
  return counties
    .map((c) => ({ c, k: common(c) }))
    .filter((x) => x.k > 0)
    .sort((a, b) => b.k - a.k || a.c.code.localeCompare(b.c.code))
    .slice(0, n)
    .map((x) => x.c);
}
