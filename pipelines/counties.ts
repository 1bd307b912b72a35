/**
 * A small built-in table of county-level divisions (GB/T 2260), enough to resolve the documents shipped with the
 * project. The reference-data stage replaces it with the full division table.
 */
export interface County {
  code: string;
  name: string;
  short: string;
  prefecture: string;
  province: string;
  /** earlier names of the same division, with the year they changed */
  aliases?: readonly string[];
}

export const COUNTIES: readonly County[] = [
  { code: '469001', name: '五指山市', short: '五指山', prefecture: '海南省直辖', province: '海南省' },
  { code: '140922', name: '五台县', short: '五台', prefecture: '忻州市', province: '山西省' },
  { code: '440232', name: '乳源瑶族自治县', short: '乳源', prefecture: '韶关市', province: '广东省' },
  { code: '511113', name: '金口河区', short: '金口河', prefecture: '乐山市', province: '四川省' },
  { code: '210681', name: '东港市', short: '东港', prefecture: '丹东市', province: '辽宁省' },
];

/** The 31 provincial-level divisions, for a province named in a document whose county is not in the table. */
export const PROVINCES = [
  '北京市',
  '天津市',
  '河北省',
  '山西省',
  '内蒙古自治区',
  '辽宁省',
  '吉林省',
  '黑龙江省',
  '上海市',
  '江苏省',
  '浙江省',
  '安徽省',
  '福建省',
  '江西省',
  '山东省',
  '河南省',
  '湖北省',
  '湖南省',
  '广东省',
  '广西壮族自治区',
  '海南省',
  '重庆市',
  '四川省',
  '贵州省',
  '云南省',
  '西藏自治区',
  '陕西省',
  '甘肃省',
  '青海省',
  '宁夏回族自治区',
  '新疆维吾尔自治区',
] as const;

/** The county a name refers to (full name, short name or former name), or null when unknown or ambiguous. */
export function resolveCounty(name: string): County | null {
  const hits = COUNTIES.filter((c) => c.name === name || c.aliases?.includes(name));
  if (hits.length === 1) return hits[0]!;
  const short = COUNTIES.filter((c) => c.short === name);
  return short.length === 1 ? short[0]! : null;
}
