/**
 * How monthly metrics are named and measured in the reports counties send: the names each metric goes by and the
 * units it comes in. The metrics themselves (codes, names, published unit) are the contract's
 * (pipelines/contract/vocab.ts); a new metric needs an entry there, its report names here and a line in
 * data/README.md.
 */
import { MONTHLY_METRIC, MONTHLY_METRICS, type MonthlyMetric } from '../contract/vocab.ts';

/** A monthly metric's code. */
export type Metric = MonthlyMetric;

/** A metric as the contract names it (names, unit, kind), with the names counties use for it in their reports. */
export interface MetricInfo {
  zh: string;
  en: string;
  /** the unit values are published in */
  unit: (typeof MONTHLY_METRIC)[MonthlyMetric]['unit'];
  /** monthly flow (summed over months) or a stock at the end of the month */
  kind: 'flow' | 'stock';
  /** names used in reports (headers of wide files, metric cells of long files), compared without spaces */
  names: string[];
}

/** The names each metric goes by in reports, besides the contract's own Chinese and English names. */
const REPORT_NAMES: Readonly<Record<MonthlyMetric, string[]>> = {
  // not 农村网络零售额: the rural part of the county's, a statistic of its own
  // (网上零售额: the statistics bureau's word for it; not 电子商务交易额, business-to-business trade included)
  online_retail_sales_yuan: ['县域网络零售额', '电商零售额', '网上零售额', '网络零售总额'],
  agri_online_retail_sales_yuan: [
    '农产品网销额',
    '农产品线上销售额',
    '农产品网上零售额',
    'agri online retail sales',
  ],
  express_parcels: ['快递量', '快递件数', '包裹量', '快递包裹', 'express parcels'],
  active_township_stations: ['运营乡镇服务站', '乡镇服务站', '乡镇站点', 'active township stations'],
  active_village_stations: ['运营村级服务站', '村级服务站', '村级站点', 'active village stations'],
  // not 培训人数: persons trained, each counted once, fewer than the person-times (a statistic of its own)
  training_person_times: ['培训人次', 'training person times', 'training'],
  funds_disbursed_central_yuan: ['中央资金拨付', '中央资金支出', '中央财政资金支出'],
  funds_disbursed_local_yuan: ['地方财政资金拨付', '地方资金拨付', '配套资金拨付', '地方配套资金支出'],
  new_online_shops: ['新开网店', '新增网店数'],
};

/** Every monthly metric with its names, unit and kind. */
export const METRIC_INFO: Readonly<Record<Metric, MetricInfo>> = Object.fromEntries(
  MONTHLY_METRICS.map((m) => [
    m,
    { ...MONTHLY_METRIC[m], names: [MONTHLY_METRIC[m].zh, ...REPORT_NAMES[m], MONTHLY_METRIC[m].en] },
  ]),
) as Record<Metric, MetricInfo>;

/** Input units per published unit, as factors: 1 万元 = 10,000 yuan. */
const UNITS: Record<MetricInfo['unit'], Record<string, number>> = {
  yuan: { 元: 1, yuan: 1, 万元: 1e4, 亿元: 1e8, 千元: 1e3, rmb: 1, cny: 1 },
  parcels: { 件: 1, 个: 1, 单: 1, 票: 1, 万件: 1e4, 万单: 1e4, 万票: 1e4, 亿件: 1e8, parcels: 1 },
  stations: { 个: 1, 家: 1, 座: 1, 处: 1, stations: 1 },
  person_times: { 人次: 1, 人·次: 1, 人: 1, 万人次: 1e4, person_times: 1, persons: 1 },
  shops: { 家: 1, 个: 1, 户: 1, 间: 1, shops: 1 },
};

// 其中：农产品网络零售额 (of which) is 农产品网络零售额
// (a name as statistics offices number and mark it: 一、, （一）, 3., #, ※, and 其中： for "of which")
const compact = (s: string) =>
  s
    .replace(
      /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)*[、.．)）]|[#＃※*]+)\s*/,
      '',
    )
    .replace(/^\s*其中\s*[:：]?/, '')
    // (a station named for what it serves: 村级电商服务站, 乡镇电子商务服务站点 are 村级服务站, 乡镇服务站)
    .replace(/(?:电商|电子商务)(服务站)(?:点)?$/, '$1')
    .replace(/[\s_]+/g, ' ')
    .trim()
    .toLowerCase();
const BY_NAME = new Map<string, Metric>();
for (const m of MONTHLY_METRICS) {
  BY_NAME.set(compact(m), m);
  for (const n of METRIC_INFO[m].names) BY_NAME.set(compact(n).replace(/ /g, ''), m);
}

/**
 * The unit notes give (单位：万元、万件) a value named `name`: the one of them its metric can be measured in (万元 for
 * 网络零售额, none for 培训人次); '' when none fits. When two fit (单位：件 and 单位：万件 for 快递业务量), or one a note
 * names without giving it (?万件: 快递单位为万件), both, as 件、万件 or 万件（注释提及，未能确定）: a unit no value can
 * be converted from, so that its values are rejected as bad_unit, not read in a guess; and so is a unit a note gives
 * that the vocabulary does not know (!万人: 万人), where no unit given fits.
 */
export function noteUnitFor(name: string, units: readonly string[]): string {
  const metric = units.length ? metricOf(name) : null;
  if (metric === null) return '';
  const fits = (u: string) => unitFactor(metric, u.replace(/^\?/, ''), false) !== null;
  const given = [...new Set(units.filter((u) => !u.startsWith('?') && fits(u)))];
  // (a unit a note names but does not give, ?万件, makes the note's unit for 快递业务量 uncertain: no unit, said so)
  const named = [...new Set(units.filter((u) => u.startsWith('?') && fits(u)).map((u) => u.slice(1)))].filter(
    (u) => !given.includes(u),
  );
  if (named.length) return `${[...given, ...named].join('、')}（注释提及，未能确定）`;
  // (a unit the vocabulary does not know, 单位：万人, for a metric no unit given fits: that unit, which converts
  // to none, so that 3 is rejected as bad_unit, not read as 3 person-times)
  const unknown = given.length
    ? []
    : [...new Set(units.filter((u) => u.startsWith('!')).map((u) => u.slice(1)))];
  return (unknown.length ? unknown : given).join('、');
}

/** The metric a name refers to: its code (online_retail_sales_yuan) or a name used in reports. */
export function metricOf(name: string): Metric | null {
  const c = compact(name);
  return BY_NAME.get(c) ?? BY_NAME.get(c.replace(/ /g, '')) ?? null;
}

/**
 * The factor from an input unit to the metric's published unit, or null when it cannot be converted.
 * An empty unit is the published one, except for money named in words (网络零售额), where 元 and 万元 are both
 * common and a guess would be off by 10,000; a metric named by its code (…_yuan) says its unit.
 */
export function unitFactor(metric: Metric, unit: string, namedByCode: boolean): number | null {
  const u = unit.replace(/\s/g, '').toLowerCase();
  const info = METRIC_INFO[metric];
  if (u === '') return info.unit === 'yuan' && !namedByCode ? null : 1;
  return UNITS[info.unit][u] ?? null;
}

const KNOWN_UNITS = new Set(Object.values(UNITS).flatMap((u) => Object.keys(u)));

/**
 * The unit a cell of a unit row names (万元, （万件）, 人次), compared as unitFactor does, or null when it names
 * none the vocabulary knows.
 */
export function unitOf(cell: string): string | null {
  const u = cell.replace(/\s/g, '').replace(/^[（(](.*)[)）]$/, '$1');
  return KNOWN_UNITS.has(u.toLowerCase()) ? u : null;
}

/**
 * A value in the metric's published unit, or null when a count is not whole: money to the fen, counts (parcels,
 * stations, person-times, shops) whole after conversion (1.25 万件 = 12,500 parcels; 1.5 件 is null).
 */
export function convert(metric: Metric, value: number, factor: number): number | null {
  const v = value * factor;
  if (METRIC_INFO[metric].unit === 'yuan') return Math.round(v * 100) / 100;
  const whole = Math.round(v);
  // 1.15 × 10,000 is 11,499.999999999998 in floating point: whole to within rounding error
  return Math.abs(v - whole) <= 1e-9 * Math.max(1, Math.abs(v)) ? whole : null;
}

/** Whether a name is a metric's code (online_retail_sales_yuan) rather than a word used in reports. */
export const isCode = (name: string) =>
  (MONTHLY_METRICS as readonly string[]).includes(name.trim().toLowerCase());

/** What a unit is written with: a measure (元, 件, 个, 人次, 家…), a scale (万, 亿, 千), %, or Latin letters (yuan). */
const UNITISH = /[元件个人次单票家户座处间%％万亿千百A-Za-z]/;
/** A word in brackets naming the whole of a metric, not a part: 合计, 总量, 总额, 全部. */
const WHOLE = /^(?:合计|总计|总量|总额|全部|全县)$/;

/**
 * A header or cell naming a metric with its unit: 网络零售额（万元）, 快递业务量(万件), 培训人次[人次], 快递业务量/万件;
 * a word in brackets that is no unit (快递业务量（出港）) stays part of the name.
 */
export function splitUnit(header: string): { name: string; unit: string } {
  const h = header.trim();
  const m = /^(.+?)\s*[（(［[【〔]\s*([^()（）［\][\]【】〔〕]*?)\s*[)）］\]】〕]\s*$/.exec(h);
  if (m) {
    // (the unit may carry its label: 网络零售额（单位：万元）)
    const unit = m[2]!.replace(/^(?:计量|金额|货币|数量)?单位\s*[:：]\s*/, '');
    // a word that is no unit, nor like one (出港, 实物型: a part of the metric, a statistic of its own) is part of
    // the name; one naming the whole (合计, 总量) is the metric without a unit
    if (WHOLE.test(unit)) return { name: m[1]!, unit: '' };
    if (unit !== '' && !UNITISH.test(unit)) return { name: h, unit: '' };
    return { name: m[1]!, unit };
  }
  // a unit after a slash or a space (快递业务量/万件, 网络零售额 万元): only a unit of the vocabulary
  const after = /^(.+?)\s*(?:[/／]|\s)\s*([^\s/／]+)$/.exec(h);
  // (not a name with a space inside: express parcels, 培训 人次)
  if (after && unitOf(after[2]!) !== null && metricOf(h) === null && metricOf(after[1]!) !== null)
    return { name: after[1]!, unit: after[2]! };
  return { name: h, unit: '' };
}
