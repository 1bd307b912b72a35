import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Divisions } from './divisions.ts';

/** A division a document can be about: a county-level division, or a prefecture-level city (保山市). */
export interface Division {
  code: string;
  name: string;
  short: string;
  level: 'county' | 'prefecture';
  /** the prefecture of a county (empty for a prefecture) */
  prefecture: string;
  province: string;
}

/** A former name (横县 → 横州市), from data/reference/aliases.yaml. */
export interface Alias {
  name: string;
  code: string;
  current_name: string;
  changed: number;
  change: string;
  source: string;
  verified: boolean;
}

export type Resolution =
  | { status: 'resolved'; division: Division; via: 'name' | 'short_name' | 'former_name'; alias?: Alias }
  | { status: 'ambiguous'; candidates: Division[] }
  | { status: 'unknown' };

/** 广西壮族自治区 → 广西, 辽宁省 → 辽宁, 北京市 → 北京. */
const provinceShort = (name: string) => name.replace(/(?:壮族|回族|维吾尔)?(?:自治区|省|市)$/, '');

/** Reads and checks the alias table: every entry must name a current division by its code and current name. */
export function readAliases(file: string, divisions: Divisions): Alias[] {
  const list = parseYaml(readFileSync(file, 'utf8')) as Alias[] | null;
  if (!Array.isArray(list)) throw new Error(`${file}: expected a list of aliases`);
  const byCode = new Map(divisions.counties.map((c) => [c.code, c]));
  list.forEach((a, i) => {
    const where = `${file}, entry ${i + 1} (${a?.name ?? '?'})`;
    for (const key of ['name', 'code', 'current_name', 'changed', 'change', 'source'] as const)
      if (a[key] === undefined || a[key] === null || a[key] === '')
        throw new Error(`${where}: ${key} is required`);
    const current = byCode.get(String(a.code));
    if (!current) throw new Error(`${where}: code ${a.code} is not in the division table`);
    if (current.name !== a.current_name)
      throw new Error(
        `${where}: code ${a.code} is ${current.name} in the division table, not ${a.current_name}`,
      );
    a.code = String(a.code);
    a.verified = a.verified === true;
  });
  return list;
}

/**
 * A resolver from the names documents use to divisions. Order: full name (county or prefecture), then former
 * name, then short name (乳源, 东港). When several divisions share a name (东港 is 东港市 in Liaoning and 东港区 in
 * Shandong), the document's text decides if it names exactly one candidate's prefecture or province; otherwise
 * the name is ambiguous. Nothing is guessed.
 */
export function makeResolver(divisions: Divisions, aliases: readonly Alias[] = []) {
  const all: Division[] = [
    ...divisions.counties.map((c) => ({
      code: c.code,
      name: c.name,
      short: c.short,
      level: 'county' as const,
      prefecture: c.prefecture,
      province: c.province,
    })),
    ...divisions.prefectures.map((p) => ({
      code: p.code,
      name: p.name,
      short: p.short,
      level: 'prefecture' as const,
      prefecture: '',
      province: p.province,
    })),
  ];
  const index = (key: (d: Division) => string) => {
    const m = new Map<string, Division[]>();
    for (const d of all) m.set(key(d), [...(m.get(key(d)) ?? []), d]);
    return m;
  };
  const byName = index((d) => d.name);
  const byShort = index((d) => d.short);
  const byCode = new Map(all.map((d) => [d.code, d]));
  const byAlias = new Map(aliases.map((a) => [a.name, a]));

  const decide = (candidates: Division[], context: string): Division | null => {
    if (candidates.length === 1) return candidates[0]!;
    const named = candidates.filter((d) =>
      [d.prefecture, shortOf(d.prefecture), d.province, provinceShort(d.province)].some(
        (n) => n.length >= 2 && context.includes(n),
      ),
    );
    return named.length === 1 ? named[0]! : null;
  };
  const shortOf = (name: string) => all.find((d) => d.name === name)?.short ?? name;

  /** The division a name refers to. `context` is text that may name the province or prefecture. */
  return function resolve(name: string, context = ''): Resolution {
    const key = name.replace(/\s/g, '');
    if (key.length < 2) return { status: 'unknown' };
    const full = byName.get(key);
    if (full) {
      const d = decide(full, context);
      return d ? { status: 'resolved', division: d, via: 'name' } : { status: 'ambiguous', candidates: full };
    }
    const alias = byAlias.get(key);
    if (alias) return { status: 'resolved', division: byCode.get(alias.code)!, via: 'former_name', alias };
    // the short name, alone (乳源) or with the kind of its division (峨边县 for 峨边彝族自治县, 东港市)
    const suffix = /^(.{2,})([县市区旗])$/.exec(key);
    const short =
      byShort.get(key) ??
      (suffix ? byShort.get(suffix[1]!)?.filter((d) => d.name.endsWith(suffix[2]!)) : undefined);
    if (short?.length) {
      const d = decide(short, context);
      return d
        ? { status: 'resolved', division: d, via: 'short_name' }
        : { status: 'ambiguous', candidates: short };
    }
    return { status: 'unknown' };
  };
}

export type Resolver = ReturnType<typeof makeResolver>;

const ADMIN = /^(.{2,10}?(?:自治县|自治旗|自治州|特区|林区|县|市|区|旗|省|自治区))/;

/**
 * A place name's last character followed by one of these makes an ordinary word with it, not a place: 市场 (合作市场,
 * 东方市场), 区级 (新建区级物流中心), 县域, 区位, 区间, 区划, 县直属; 县委, 县城乡, 区村级 stay names.
 */
export const WORD_GOES_ON = /^(?:场|级|域|位|间|划|直属)/;

/**
 * The place name that opens a text, as a title or an issuing body names its place: the last of a chain such as
 * 丹东市东港市 or 辽宁省东港市 (a province alone is none), with where it starts and ends; null when the text opens
 * with no place name (我县, 2023年…).
 */
export function placeAtStart(s: string): { name: string; start: number; end: number } | null {
  let pos = 0;
  let last: { name: string; start: number; end: number } | null = null;
  for (let k = 0; k < 3; k++) {
    const m = ADMIN.exec(s.slice(pos));
    if (!m || /[0-9年]/.test(m[1]!) || WORD_GOES_ON.test(s.slice(pos + m[1]!.length))) break;
    const name = m[1]!;
    if (!/(?:省|自治区)$/.test(name)) last = { name, start: pos, end: pos + name.length };
    pos += name.length;
  }
  return last;
}
