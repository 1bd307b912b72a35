/**
 * Every closed vocabulary of the published data, one record per code with its Chinese and English names: the one
 * place a code's wording lives, for the pipeline's messages, the schema's closed lists and the site's labels alike.
 * Pure data; the site and the pipeline both import it.
 */

/** A code's names in both languages. */
export interface Term {
  zh: string;
  en: string;
}

/** The codes of a vocabulary, in the order of its record. */
const codes = <K extends string>(record: Record<K, unknown>) => Object.keys(record) as K[];

/** Kinds of document (documents.doc_type). */
export const DOC_TYPE = {
  plan: { zh: '实施方案', en: 'implementation plan' },
  revision: { zh: '调整方案', en: 'revised plan' },
  fund_rules: { zh: '资金管理办法', en: 'fund management rules' },
  report: { zh: '报告', en: 'report' },
  acceptance: { zh: '验收报告', en: 'acceptance report' },
  tender: { zh: '招标采购公告', en: 'tender notice' },
  news: { zh: '新闻', en: 'news' },
  other: { zh: '其他', en: 'other' },
} as const satisfies Record<string, Term>;
export type DocType = keyof typeof DOC_TYPE;
export const DOC_TYPES = codes(DOC_TYPE);

/**
 * Sources of funds. `zh`/`en` name the source (中央财政); `funds` names its money (中央财政资金), as the document
 * fields funds_<source>_yuan are labelled.
 */
export const FUND_SOURCE = {
  central: { zh: '中央财政', en: 'Central', funds: { zh: '中央财政资金', en: 'Central funds' } },
  provincial: { zh: '省级财政', en: 'Provincial', funds: { zh: '省级财政资金', en: 'Provincial funds' } },
  local: { zh: '市县财政', en: 'Local', funds: { zh: '市县财政资金', en: 'Local funds' } },
  other: { zh: '其他来源', en: 'Other', funds: { zh: '其他资金', en: 'Other funds' } },
} as const satisfies Record<string, Term & { funds: Term }>;
export type FundSource = keyof typeof FUND_SOURCE;
export const FUND_SOURCES = codes(FUND_SOURCE);

/** Canonical fund categories (allocations.category), in the order they are shown. */
export const CATEGORY = {
  upstream: { zh: '农产品上行', en: 'farm products to market' },
  logistics: { zh: '物流配送', en: 'logistics' },
  public_service: { zh: '公共服务体系', en: 'public services' },
  training: { zh: '电商培训', en: 'training' },
  enterprise_upgrade: { zh: '流通企业转型升级', en: 'upgrading trade enterprises' },
  operations: { zh: '运营与管理', en: 'operations' },
  other: { zh: '其他', en: 'other' },
} as const satisfies Record<string, Term>;
export type Category = keyof typeof CATEGORY;
export const CATEGORIES = codes(CATEGORY);

/** How a target or a rule bounds its value: its symbol as printed before the number. */
export const COMPARATOR = {
  '>=': { zh: '≥', en: '≥' },
  '<=': { zh: '≤', en: '≤' },
  '=': { zh: '', en: '' },
} as const satisfies Record<string, Term>;
export type Comparator = keyof typeof COMPARATOR;
export const COMPARATORS = codes(COMPARATOR);

/** The target metrics a plan states (targets.metric), with which way is better when counties are ranked. */
export const TARGET_METRIC = {
  county_service_center_count: { zh: '县级电商公共服务中心', en: 'County service centre', better: 'higher' },
  logistics_center_count: { zh: '县级物流配送中心', en: 'County logistics centre', better: 'higher' },
  township_station_count: { zh: '乡镇服务站', en: 'Township stations', better: 'higher' },
  township_station_count_new: { zh: '新建乡镇服务站', en: 'New township stations', better: 'higher' },
  township_station_count_upgraded: {
    zh: '改造提升乡镇服务站',
    en: 'Upgraded township stations',
    better: 'higher',
  },
  village_station_count: { zh: '村级服务站', en: 'Village stations', better: 'higher' },
  village_station_count_new: { zh: '新建村级服务站', en: 'New village stations', better: 'higher' },
  village_station_count_upgraded: {
    zh: '改造提升村级服务站',
    en: 'Upgraded village stations',
    better: 'higher',
  },
  township_coverage_pct: { zh: '乡镇覆盖率', en: 'Township coverage', better: 'higher' },
  village_coverage_pct: { zh: '行政村覆盖率', en: 'Village coverage', better: 'higher' },
  training_person_times: { zh: '电商培训', en: 'Training (person-times)', better: 'higher' },
  delivery_hours_to_township: { zh: '快递到乡镇时限', en: 'Delivery time to townships', better: 'lower' },
  delivery_hours_to_village: { zh: '快递到村时限', en: 'Delivery time to villages', better: 'lower' },
  delivery_interval_days_to_township: {
    zh: '到乡镇配送频次（天一次）',
    en: 'Days between deliveries to townships',
    better: 'lower',
  },
  delivery_interval_days_to_village: {
    zh: '到村配送频次（天一次）',
    en: 'Days between deliveries to villages',
    better: 'lower',
  },
  online_retail_growth_pct: { zh: '网络零售额增长', en: 'Growth of online retail sales', better: 'higher' },
  agri_online_retail_growth_pct: {
    zh: '农产品网络零售额增长',
    en: 'Growth of online sales of farm products',
    better: 'higher',
  },
  new_online_shops: { zh: '新增网店/网商', en: 'New online shops', better: 'higher' },
  incubated_entrepreneurs: { zh: '创业孵化', en: 'Entrepreneurs incubated', better: 'higher' },
  training_satisfaction_pct: { zh: '培训满意度', en: 'Training satisfaction', better: 'higher' },
  /** a bounded figure the vocabulary lacks (培训转化率不低于1%), kept with its label as written: never compared */
  other: { zh: '其他目标', en: 'Other target', better: 'higher' },
} as const satisfies Record<string, Term & { better: 'higher' | 'lower' }>;
export type TargetMetric = keyof typeof TARGET_METRIC;
export const TARGET_METRICS = codes(TARGET_METRIC);

/** Monthly metrics (metrics_monthly.metric): names, the unit values are published in, flow or stock. */
export const MONTHLY_METRIC = {
  online_retail_sales_yuan: { zh: '网络零售额', en: 'online retail sales', unit: 'yuan', kind: 'flow' },
  agri_online_retail_sales_yuan: {
    zh: '农产品网络零售额',
    en: 'online retail sales of farm products',
    unit: 'yuan',
    kind: 'flow',
  },
  express_parcels: { zh: '快递业务量', en: 'parcels', unit: 'parcels', kind: 'flow' },
  active_township_stations: {
    zh: '运营中的乡镇服务站',
    en: 'township stations in operation',
    unit: 'stations',
    kind: 'stock',
  },
  active_village_stations: {
    zh: '运营中的村级服务站',
    en: 'village stations in operation',
    unit: 'stations',
    kind: 'stock',
  },
  training_person_times: {
    zh: '电商培训人次',
    en: 'training (person-times)',
    unit: 'person_times',
    kind: 'flow',
  },
  funds_disbursed_central_yuan: {
    zh: '中央财政资金拨付',
    en: 'central funds disbursed',
    unit: 'yuan',
    kind: 'flow',
  },
  funds_disbursed_local_yuan: {
    zh: '市县财政资金拨付',
    en: 'local funds disbursed',
    unit: 'yuan',
    kind: 'flow',
  },
  new_online_shops: { zh: '新增网店', en: 'new online shops', unit: 'shops', kind: 'flow' },
} as const satisfies Record<
  string,
  Term & { unit: 'yuan' | 'parcels' | 'stations' | 'person_times' | 'shops'; kind: 'flow' | 'stock' }
>;
export type MonthlyMetric = keyof typeof MONTHLY_METRIC;
export const MONTHLY_METRICS = codes(MONTHLY_METRIC);

/** What progress is measured on (progress.measure): a target metric, or the funds a plan states, as disbursed. */
export const PROGRESS_MEASURE = {
  ...TARGET_METRIC,
  funds_central_yuan: { zh: '中央财政资金拨付', en: 'Central funds disbursed', better: 'higher' },
  funds_local_yuan: { zh: '市县财政资金拨付', en: 'Local funds disbursed', better: 'higher' },
} as const satisfies Record<string, Term & { better: 'higher' | 'lower' }>;
export type ProgressMeasure = keyof typeof PROGRESS_MEASURE;
export const PROGRESS_MEASURES = codes(PROGRESS_MEASURE);

/** Why an amount of the text is not a fund fact (amounts.note). */
export const AMOUNT_NOTE = {
  disbursement: { zh: '拨付安排', en: 'a payment schedule' },
  achieved: { zh: '已支出或已完成的数额', en: 'an amount spent or achieved so far' },
  threshold: { zh: '门槛或业绩数额', en: 'a threshold or performance figure' },
  explanation: { zh: '对已列金额的说明', en: 'explains an amount already listed' },
  unnamed: { zh: '未能确定所属项目', en: 'no item could be attached' },
  unreadable: { zh: '数字无法可靠读取（见发现）', en: 'the number cannot be read reliably (see findings)' },
  implausible: { zh: '金额超出合理范围（见发现）', en: 'beyond a plausible amount (see findings)' },
} as const satisfies Record<string, Term>;
export type AmountNote = keyof typeof AMOUNT_NOTE;
export const AMOUNT_NOTES = codes(AMOUNT_NOTE);

/**
 * The units a target states (targets.unit), as each language writes them after the number: 48小时 / 48 hours. A
 * count (个, 家) is the number alone in English, where the metric's name says what is counted.
 */
export const TARGET_UNIT = {
  个: { zh: '个', en: '' },
  家: { zh: '家', en: '' },
  '%': { zh: '%', en: '%' },
  人次: { zh: '人次', en: 'person-times' },
  人: { zh: '人', en: 'people' },
  小时: { zh: '小时', en: 'hours' },
  天: { zh: '天', en: 'days' },
  名: { zh: '名', en: 'people' },
  次: { zh: '次', en: 'times' },
  平方米: { zh: '平方米', en: 'm²' },
  // counted things an other target's label names (5场 对接会, 1辆 冷链车): the number alone in English
  场: { zh: '场', en: '' },
  辆: { zh: '辆', en: '' },
  项: { zh: '项', en: '' },
  种: { zh: '种', en: '' },
  款: { zh: '款', en: '' },
  期: { zh: '期', en: '' },
} as const satisfies Record<string, Term>;

/**
 * The checks behind findings (findings.check), by name, and what each is of: the plan (its sums, rules, coverage,
 * dates) or our reading of it (amounts accounted for, numbers and county read): a reading check measures this
 * project's extraction, never the county's plan, and pages say so.
 */
export const CHECK = {
  items_sum: { zh: '分项合计', en: 'Items add up', of: 'plan' },
  conflicting_values: { zh: '前后数值一致', en: 'One value per metric', of: 'plan' },
  unaccounted_amount: { zh: '未计入的金额', en: 'Amount not accounted for', of: 'reading' },
  amounts_accounted: { zh: '金额读取完整度', en: 'Amounts accounted for', of: 'reading' },
  number_unreadable: { zh: '数字无法读取', en: 'Number cannot be read', of: 'reading' },
  amount_implausible: { zh: '金额超出合理范围', en: 'Amount beyond plausibility', of: 'reading' },
  no_facts: { zh: '未识别到数据', en: 'No facts recognised', of: 'reading' },
  county_unresolved: { zh: '县名识别', en: 'County name resolved', of: 'reading' },
  page_without_text: { zh: 'PDF 文字层', en: 'PDF text layer', of: 'reading' },
  disclosure_duty: { zh: '信息公开责任', en: 'Disclosure duty stated', of: 'plan' },
  reporting_duty: { zh: '报送责任', en: 'Reporting duty stated', of: 'plan' },
  due_before_issue: { zh: '期限早于印发', en: 'Due before issue', of: 'plan' },
  stated_share: { zh: '所述资金占比', en: 'Stated share of funds', of: 'plan' },
  read_error: { zh: '文件读取', en: 'File read', of: 'reading' },
  'rule:share_of_central': { zh: '中央资金使用比例', en: 'Share of central funds', of: 'plan' },
  'rule:matching_ratio': { zh: '配套资金比例', en: 'Matching funds', of: 'plan' },
  'rule:negative_list': { zh: '中央资金负面清单', en: 'Negative list for central funds', of: 'plan' },
  village_coverage: { zh: '村级覆盖率', en: 'Village coverage', of: 'plan' },
  phases_in_period: { zh: '阶段在实施期内', en: 'Phases within the period', of: 'plan' },
  issued_before_first_phase_end: { zh: '印发时间', en: 'Date of issue', of: 'plan' },
} as const satisfies Record<string, Term & { of: 'plan' | 'reading' }>;
export type Check = keyof typeof CHECK;
export const CHECKS = codes(CHECK);

/** How much a finding asks of a reader (findings.severity). */
export const SEVERITY = {
  info: { zh: '信息', en: 'info' },
  review: { zh: '需核查', en: 'review' },
  fail: { zh: '失败', en: 'failed' },
} as const satisfies Record<string, Term>;
export type Severity = keyof typeof SEVERITY;
export const SEVERITIES = codes(SEVERITY);

/** The outcome of a check (findings.status): in words and a symbol, never colour alone. */
export const STATUS = {
  pass: { zh: '符合', en: 'met', symbol: '✓' },
  fail: { zh: '不符', en: 'not met', symbol: '✗' },
  not_applicable: { zh: '不适用', en: 'not applicable', symbol: '–' },
  not_enough_data: { zh: '数据不足', en: 'not enough data', symbol: '?' },
} as const satisfies Record<string, Term & { symbol: string }>;
export type Status = keyof typeof STATUS;
export const STATUSES = codes(STATUS);

/** Where a plan's progress stands (progress.status). */
export const PROGRESS_STATUS = {
  met: { zh: '已完成', en: 'met' },
  on_track: { zh: '符合预期', en: 'on track' },
  behind: { zh: '落后于预期', en: 'behind' },
  no_data: { zh: '无数据', en: 'no data' },
  not_started: { zh: '未开始', en: 'not started' },
  no_period: { zh: '方案未写明起始时间', en: 'no start date in the plan' },
} as const satisfies Record<string, Term>;
export type ProgressStatus = keyof typeof PROGRESS_STATUS;
export const PROGRESS_STATUSES = codes(PROGRESS_STATUS);

/** The programme a document belongs to (documents.program_level). */
export const PROGRAM_LEVEL = {
  national: { zh: '国家级', en: 'national' },
  provincial: { zh: '省级', en: 'provincial' },
} as const satisfies Record<string, Term>;
export type ProgramLevel = keyof typeof PROGRAM_LEVEL;
export const PROGRAM_LEVELS = codes(PROGRAM_LEVEL);

/** The level of the division a document is about (documents.division_level). */
const DIVISION_LEVEL = {
  county: { zh: '县级', en: 'county-level' },
  prefecture: { zh: '地级', en: 'prefecture-level' },
} as const satisfies Record<string, Term>;
export const DIVISION_LEVELS = codes(DIVISION_LEVEL);

/** The kinds of commitment (commitments.kind). */
export const COMMITMENT_KIND = {
  task: { zh: '工作任务', en: 'Task' },
  procurement: { zh: '招标采购', en: 'Procurement' },
  disclosure: { zh: '信息公开', en: 'Disclosure' },
  reporting: { zh: '报送', en: 'Reporting' },
  funding_condition: { zh: '资金拨付条件', en: 'Condition on funds' },
  acceptance: { zh: '验收评估', en: 'Acceptance and evaluation' },
  supervision: { zh: '监督', en: 'Supervision' },
} as const satisfies Record<string, Term>;
export type CommitmentKindCode = keyof typeof COMMITMENT_KIND;
export const COMMITMENT_KINDS = codes(COMMITMENT_KIND);

/** How often a commitment recurs (commitments.recurrence). */
export const RECURRENCE = {
  monthly: { zh: '每月', en: 'monthly' },
  quarterly: { zh: '每季度', en: 'quarterly' },
  half_yearly: { zh: '每半年', en: 'every six months' },
  yearly: { zh: '每年', en: 'yearly' },
  periodic: { zh: '定期', en: 'periodically' },
} as const satisfies Record<string, Term>;
export const RECURRENCES = codes(RECURRENCE);

/** The kinds of public channel (contacts.channel). */
export const CONTACT_CHANNEL = {
  phone: { zh: '电话', en: 'Phone' },
  window: { zh: '窗口', en: 'Window' },
  site_column: { zh: '网站专栏', en: 'Site column' },
  email: { zh: '电子邮箱', en: 'E-mail' },
} as const satisfies Record<string, Term>;
export const CONTACT_CHANNELS = codes(CONTACT_CHANNEL);

/** How a document's place was resolved (documents.county_resolved_by). */
const RESOLVED_BY = {
  name: { zh: '全称', en: 'full name' },
  short_name: { zh: '简称', en: 'short name' },
  former_name: { zh: '曾用名', en: 'former name' },
} as const satisfies Record<string, Term>;
export const RESOLVED_BYS = codes(RESOLVED_BY);

/** The document fields (documents columns read from the text), by label: the columns document_fields cites. */
export const DOCUMENT_FIELD = {
  doc_type: { zh: '文件类型', en: 'Document type' },
  title: { zh: '标题', en: 'Title' },
  county_name: { zh: '县（市、区）', en: 'County' },
  doc_number: { zh: '文号', en: 'Document number' },
  issuer: { zh: '发文机关', en: 'Issued by' },
  issued_on: { zh: '印发日期', en: 'Date of issue' },
  published_on: { zh: '发布时间', en: 'Published on' },
  published_by: { zh: '来源', en: 'Published by' },
  program_year: { zh: '示范年度', en: 'Programme year' },
  program_level: { zh: '示范级别', en: 'Programme level' },
  period_start: { zh: '实施起', en: 'Period from' },
  period_end: { zh: '实施止', en: 'Period to' },
  funds_total_yuan: { zh: '总投资', en: 'Total funds' },
  funds_central_yuan: FUND_SOURCE.central.funds,
  funds_provincial_yuan: FUND_SOURCE.provincial.funds,
  funds_local_yuan: FUND_SOURCE.local.funds,
  funds_other_yuan: FUND_SOURCE.other.funds,
} as const satisfies Record<string, Term>;
export type DocumentField = keyof typeof DOCUMENT_FIELD;
export const DOCUMENT_FIELDS = codes(DOCUMENT_FIELD);

/** The fund columns of documents, in the order they are shown. */
export const FUND_FIELDS = [
  'funds_total_yuan',
  'funds_central_yuan',
  'funds_provincial_yuan',
  'funds_local_yuan',
  'funds_other_yuan',
] as const satisfies readonly DocumentField[];

/** A code's name in a language; throws on a code the vocabulary lacks, so that no code is shown raw. */
export function termOf<K extends string>(
  vocabulary: Readonly<Record<K, Term>>,
  code: string,
  lang: 'zh' | 'en',
  where = 'the vocabulary',
): string {
  const term = (vocabulary as Record<string, Term | undefined>)[code];
  if (!term) throw new Error(`pipelines/contract/vocab.ts: “${code}” is not in ${where}`);
  return term[lang];
}
