/**
 * Chinese labels for the published codes (document fields, target metrics, fund sources, levels), and the
 * one-line wording of a fact. Money goes through format.ts.
 */
import { group, yuanZh } from './format.ts';

/** Labels of the document fields shown on the site. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  title: '标题',
  doc_type: '文件类型',
  county_name: '县（市、区）',
  doc_number: '文号',
  issuer: '发文机关',
  issued_on: '印发日期',
  program_year: '示范年度',
  program_level: '示范级别',
  period_start: '实施起',
  period_end: '实施止',
  funds_total_yuan: '总投资',
  funds_central_yuan: '中央财政资金',
  funds_provincial_yuan: '省级财政资金',
  funds_local_yuan: '市县财政资金',
  funds_other_yuan: '其他资金',
};

/** The fund columns of documents, in the order they are shown. */
export const FUND_FIELDS = [
  'funds_total_yuan',
  'funds_central_yuan',
  'funds_provincial_yuan',
  'funds_local_yuan',
  'funds_other_yuan',
] as const;

/** Labels of the target metrics (the closed vocabulary in data/README.md). */
export const METRIC_LABELS: Readonly<Record<string, string>> = {
  county_service_center_count: '县级电商公共服务中心',
  logistics_center_count: '县级物流配送中心',
  township_station_count: '乡镇服务站',
  township_station_count_new: '新建乡镇服务站',
  township_station_count_upgraded: '改造提升乡镇服务站',
  village_station_count: '村级服务站',
  village_station_count_new: '新建村级服务站',
  village_station_count_upgraded: '改造提升村级服务站',
  township_coverage_pct: '乡镇覆盖率',
  village_coverage_pct: '行政村覆盖率',
  training_person_times: '电商培训',
  delivery_hours_to_township: '快递到乡镇时限',
  delivery_hours_to_village: '快递到村时限',
  online_retail_growth_pct: '网络零售额增长',
  agri_online_retail_growth_pct: '农产品网络零售额增长',
  new_online_shops: '新增网店/网商',
  incubated_entrepreneurs: '创业孵化',
  training_satisfaction_pct: '培训满意度',
};

/** Labels of the canonical fund categories (allocations.category), in Chinese and English. */
export const CATEGORY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  upstream: { zh: '农产品上行', en: 'farm products to market' },
  logistics: { zh: '物流配送', en: 'logistics' },
  public_service: { zh: '公共服务体系', en: 'public services' },
  training: { zh: '电商培训', en: 'training' },
  enterprise_upgrade: { zh: '流通企业转型升级', en: 'upgrading trade enterprises' },
  operations: { zh: '运营与管理', en: 'operations' },
  other: { zh: '其他', en: 'other' },
};

const LEVELS: Readonly<Record<string, string>> = { national: '国家级', provincial: '省级' };
const DOC_TYPES: Readonly<Record<string, string>> = {
  plan: '实施方案',
  revision: '调整方案',
  fund_rules: '资金管理办法',
  report: '报告',
  news: '新闻',
  other: '其他',
};
const COMPARATORS: Readonly<Record<string, string>> = { '>=': '≥ ', '<=': '≤ ', '=': '' };

/** A field's label; throws on a field the site has no label for, so a new field is not shown raw. */
export function fieldLabel(field: string): string {
  const label = FIELD_LABELS[field];
  if (label === undefined)
    throw new Error(`no label for document field “${field}” (pipelines/contract/labels.ts)`);
  return label;
}

/** A metric's label; throws on a metric outside the vocabulary (a new metric needs a label here). */
export function metricLabel(metric: string): string {
  const label = METRIC_LABELS[metric];
  if (label === undefined)
    throw new Error(`no label for target metric “${metric}” (pipelines/contract/labels.ts)`);
  return label;
}

/** The programme level in Chinese: 国家级 / 省级. */
export const levelLabel = (level: string | null): string => (level ? (LEVELS[level] ?? level) : '—');

/** A document field's value as read: 2,200万元 for money, 国家级 for a level, the text otherwise. */
export function fieldValue(field: string, value: string): string {
  if (field.endsWith('_yuan')) return yuanZh(Number(value));
  if (field === 'program_level') return levelLabel(value);
  if (field === 'program_year') return `${value}年`;
  if (field === 'doc_type') return DOC_TYPES[value] ?? value;
  return value;
}

/** A target's value with its comparator and unit: ≥ 4,000人次, ≤ 48小时, 1个. */
export function targetValue(t: { value: number; unit: string; comparator: string }): string {
  return `${COMPARATORS[t.comparator] ?? ''}${group(String(t.value))}${t.unit}`;
}
