/**
 * The site's words, in one place per language. Chinese first; English must have every key Chinese has (the type
 * says so, and the check below fails the build if a key is missing at run time). Codes published in the data
 * (metrics, categories, fields, statuses, notes) are named by the contract's vocabulary
 * (pipelines/contract/vocab.ts), never here, so that a code has one wording everywhere.
 */
import {
  AMOUNT_NOTE,
  CATEGORY,
  DOCUMENT_FIELD,
  FUND_SOURCE,
  PROGRESS_MEASURE,
  PROGRESS_STATUS,
  termOf,
} from '../../pipelines/contract/vocab.ts';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

const zh = {
  site: '电商进农村示范县台账',
  site_other: 'Plan Atlas',
  skip: '跳到正文',
  nav_label: '网站',
  nav_overview: '概览',
  nav_counties: '各县',
  nav_audit: '核查结果',
  nav_compare: '比较',
  nav_benchmarks: '对标',
  nav_sql: 'SQL',
  nav_data: '数据下载',
  nav_methodology: '方法说明',
  nav_search: '搜索',
  other_language: 'English',
  other_language_lang: 'en',
  footer_licence:
    '数据以 CC BY 4.0 发布，引用时请注明原文件与 Plan Atlas。所收文件均为政府主动公开的文件，版权归原发布机关。',
  footer_version: '数据版本',
  not_stated: '未注明',
  source: '来源',
  data_table: '图表数据',
  chart_synthetic: '示例数据：程序生成，不是真实统计，不可引用。',
  embed_chart: '嵌入本图',
  chart_absent: '所选的县没有这张图所需的数据，下面显示完整内容。',
  chart_absent_county: '这个县没有这张图所需的数据（同比增长需要至少24个月），下面显示全部月度图表。',
  cite: '引用：Plan Atlas 电商进农村示范县台账，',
  synthetic_banner:
    '本页的月度指标和进度是<strong>示例数据</strong>：这些县没有公开的逐月统计，数值由程序生成（synthetic = true），只用于演示，不是真实统计，不可引用。',
  county: '县（市、区）',
  code: '区划代码',
  province: '省份',
  prefecture: '地级市',
  townships: '乡级单位',
  village_committees: '村委会（行政村）',
  residents_committees: '居委会/社区',
  division_note: '区划数据：国家统计局 2023 年统计用区划代码。',
  documents: '文件',
  document: '文件',
  funds: '资金',
  funds_by_category: '资金按类别',
  funds_by_category_alt: '各类别资金的横向条形图，按资金来源分段',
  funds_by_source: '资金来源',
  plan_grouping: '方案原有分组',
  category: '类别',
  amount: '金额',
  central: FUND_SOURCE.central.zh,
  provincial: FUND_SOURCE.provincial.zh,
  local: FUND_SOURCE.local.zh,
  other_source: FUND_SOURCE.other.zh,
  unattributed: '未分来源',
  stations: '服务站点',
  stations_intro: '方案提出建设的县、乡、村三级服务站点，以及所述和按区划数据计算的覆盖率。',
  coverage_stated: '所述村级覆盖率',
  coverage_computed: '计算村级覆盖率',
  new: '新建',
  upgraded: '改造提升',
  total: '合计',
  targets: '目标',
  metric: '指标',
  value: '数值',
  phases: '实施阶段',
  phases_alt: '各实施阶段起止月份的时间线',
  phase: '阶段',
  start: '开始',
  end: '结束',
  products: '特色产品',
  findings: '核查结果',
  findings_intro: '自动核查的结果，含计算过程；全部结果与规则出处见核查结果页。',
  progress: '月度进度',
  progress_alt: '各目标完成比例与按实施期线性预期的比例',
  progress_target: '目标',
  progress_actual: '实际',
  progress_share: '完成比例',
  progress_expected: '线性预期',
  progress_status: '状态',
  monthly_sales: '网络零售额（月度）',
  monthly_sales_alt: '网络零售额逐月折线图',
  month: '月份',
  see_sentence: '查看原文',
  no_metrics: '暂无该县的月度指标。',
  counties_title: '各县',
  overview_title: '电商进农村示范县台账',
  overview_lead:
    '电子商务进农村综合示范是财政部、商务部等部门自 2014 年起开展的项目：中央财政支持示范县建设县乡村三级电商公共服务和物流配送体系、推动农产品上行、开展电商培训。每个示范县都要印发实施方案。本站把这些方案读成可比较、可下载的开放数据，每个数字都链接到它在原文中的出处。',
  overview_table: '各县方案一览',
  overview_tiles: '按省份',
  overview_tiles_note: '每个方块是一个省级行政区，标出有方案的县数；不绘制地图边界。',
  for_public: '想知道本县承诺了什么、钱花在哪里：打开本县页面。',
  for_journalists: '比较各县、下载数据、引用原句：见数据下载与核查结果。',
  for_officials: '对照同类县和项目规则：见核查结果。',
  data_title: '数据下载',
  data_lead:
    '全部表格提供 CSV（UTF-8，可用 Excel 打开）和 Parquet 两种格式。每个数字都有出处：span_start、span_end 和 quote 三列指向原文。',
  data_dictionary: '数据字典',
  data_field: '字段',
  data_type: '类型',
  data_description: '说明',
  data_rows: '行数',
  data_key: '主键',
  data_citation: '引用格式',
  data_licence: '许可',
  data_licence_text:
    '数据以知识共享署名 4.0（CC BY 4.0）发布。文件原文为政府主动公开文件，版权归原发布机关。区划代码来自国家统计局。',
  methodology_title: '方法说明',
  search_title: '搜索',
  search_lead: '在各县和文件全文中搜索（例如：冷链、培训、东港）。',
  search_needs_js: '搜索需要 JavaScript。不使用 JavaScript 时，可从各县页面和文件页面浏览全部内容。',
  report_error: '发现错误？请在项目仓库提交 issue，注明页面地址和原文出处。',
  doc_back: '← 返回本县页面',
  doc_back_overview: '← 返回概览',
  doc_unresolved: '未识别',
  doc_issuer: '发文机关',
  doc_number: '文号',
  doc_issued: '印发日期',
  doc_licence: '公开',
  doc_url: '来源',
  doc_not_recorded: '未记录',
  doc_checksum: '原文校验',
  doc_chars: '字符',
  doc_text: '全文',
  doc_legend_before: '高亮为已读出数据的原文：',
  doc_legend_fields: '文件信息',
  doc_legend_targets: '目标',
  doc_legend_funds: '资金',
  doc_legend_phases: '阶段与产品',
  doc_legend_after: '。原文按转换结果保留，未作修改。',
  doc_facts: '本文件的数据',
  doc_group_fields: '文件信息',
  doc_group_targets: '目标',
  doc_group_funds: '资金安排',
  doc_group_phases: '实施阶段',
  doc_group_products: '特色产品',
  doc_group_review: '需要核查',
  doc_group_unaccounted: '未计入资金数据的金额',
  doc_text_note: '原文为中文，按发布的文本显示。',
} as const;

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  site: 'Plan Atlas',
  site_other: '电商进农村示范县台账',
  skip: 'Skip to content',
  nav_label: 'Site',
  nav_overview: 'Overview',
  nav_counties: 'Counties',
  nav_audit: 'Audit',
  nav_compare: 'Compare',
  nav_benchmarks: 'Benchmarks',
  nav_sql: 'SQL',
  nav_data: 'Data',
  nav_methodology: 'Methodology',
  nav_search: 'Search',
  other_language: '中文',
  other_language_lang: 'zh-CN',
  footer_licence:
    'Data: CC BY 4.0; cite the document and Plan Atlas. The documents are public government documents (主动公开); their copyright stays with the issuing bodies.',
  footer_version: 'Data version',
  not_stated: 'not stated',
  source: 'Source',
  data_table: 'Chart data',
  chart_synthetic: 'Sample data: generated, not real; do not cite.',
  embed_chart: 'Embed this chart',
  chart_absent: 'The counties chosen lack the data this chart needs; the whole view is shown below.',
  chart_absent_county:
    'This county lacks the data this chart needs (year-on-year growth needs at least 24 months); all its monthly charts are shown below.',
  cite: 'Cite: Plan Atlas (电商进农村示范县台账), ',
  synthetic_banner:
    'The monthly metrics and progress on this page are <strong>sample data</strong>: no monthly series of these counties is public, so the values are generated (synthetic = true) to show how the page works. They are not real; do not cite them.',
  county: 'County',
  code: 'Division code',
  province: 'Province',
  prefecture: 'Prefecture',
  townships: 'Township-level units',
  village_committees: 'Village committees (administrative villages)',
  residents_committees: 'Residents’ committees',
  division_note: 'Division data: 国家统计局 statistical division codes, 2023.',
  documents: 'Documents',
  document: 'Document',
  funds: 'Funds',
  funds_by_category: 'Funds by category',
  funds_by_category_alt: 'Horizontal bar chart of funds per category, split by source of funds',
  funds_by_source: 'Sources of funds',
  plan_grouping: 'The plan’s own grouping',
  category: 'Category',
  amount: 'Amount',
  central: FUND_SOURCE.central.en,
  provincial: FUND_SOURCE.provincial.en,
  local: FUND_SOURCE.local.en,
  other_source: FUND_SOURCE.other.en,
  unattributed: 'Source not stated',
  stations: 'Service stations',
  stations_intro:
    'The county, township and village stations the plan sets out to build, and village coverage as stated and as computed from the division data.',
  coverage_stated: 'Village coverage, stated',
  coverage_computed: 'Village coverage, computed',
  new: 'New',
  upgraded: 'Upgraded',
  total: 'Total',
  targets: 'Targets',
  metric: 'Metric',
  value: 'Value',
  phases: 'Phases',
  phases_alt: 'Timeline of the implementation phases, start to end month',
  phase: 'Phase',
  start: 'Start',
  end: 'End',
  products: 'Featured products',
  findings: 'Audit findings',
  findings_intro:
    'Automatic checks with their computations; all findings and the rules’ sources are on the audit page.',
  progress: 'Monthly progress',
  progress_alt: 'Share of each target reached, against the linear expectation over the plan’s period',
  progress_target: 'Target',
  progress_actual: 'Actual',
  progress_share: 'Share reached',
  progress_expected: 'Linear expectation',
  progress_status: 'Status',
  monthly_sales: 'Online retail sales, monthly',
  monthly_sales_alt: 'Line chart of monthly online retail sales',
  month: 'Month',
  see_sentence: 'see the sentence',
  no_metrics: 'No monthly metrics for this county yet.',
  counties_title: 'Counties',
  overview_title: 'Plan Atlas',
  overview_lead:
    'Since 2014 China’s 电子商务进农村综合示范 programme has funded county-level e-commerce in rural areas: service centres and village stations, logistics, getting farm products to market, and training. Every county publishes an implementation plan. Plan Atlas reads these plans into open data you can compare and download; every figure links to the sentence it came from.',
  overview_table: 'The plans at a glance',
  overview_tiles: 'By province',
  overview_tiles_note:
    'Each square is a province with the number of counties whose plan is here; no map boundaries are drawn.',
  for_public: 'What did my county promise, and where does the money go? Open its county page.',
  for_journalists: 'Compare counties, download the data, cite the sentence: see Data and Audit.',
  for_officials: 'Benchmark against peers and the programme’s rules: see Audit.',
  data_title: 'Data',
  data_lead:
    'Every table as CSV (UTF-8, opens in Excel) and Parquet. Every figure has its source: span_start, span_end and quote point into the document text.',
  data_dictionary: 'Data dictionary',
  data_field: 'Field',
  data_type: 'Type',
  data_description: 'Description',
  data_rows: 'Rows',
  data_key: 'Key',
  data_citation: 'How to cite',
  data_licence: 'Licence',
  data_licence_text:
    'The data is published under Creative Commons Attribution 4.0 (CC BY 4.0). The documents are public government documents; their copyright stays with the issuing bodies. Division codes come from 国家统计局.',
  methodology_title: 'Methodology',
  search_title: 'Search',
  search_lead: 'Search the counties and the full text of the documents (in Chinese, e.g. 冷链, 培训, 东港).',
  search_needs_js:
    'Search needs JavaScript. Without it, every county and document page can be browsed from the overview.',
  report_error:
    'Found an error? Open an issue in the project repository with the page address and the source sentence.',
  doc_back: '← Back to the county page',
  doc_back_overview: '← Back to the overview',
  doc_unresolved: 'not resolved',
  doc_issuer: 'Issued by',
  doc_number: 'Document number',
  doc_issued: 'Date of issue',
  doc_licence: 'Disclosure',
  doc_url: 'Source',
  doc_not_recorded: 'not recorded',
  doc_checksum: 'Checksum of the text',
  doc_chars: 'characters',
  doc_text: 'Full text',
  doc_legend_before: 'Highlighted: the sentences figures were read from: ',
  doc_legend_fields: 'document details',
  doc_legend_targets: 'targets',
  doc_legend_funds: 'funds',
  doc_legend_phases: 'phases and products',
  doc_legend_after: '. The text is kept exactly as converted.',
  doc_facts: 'Read from this document',
  doc_group_fields: 'Document details',
  doc_group_targets: 'Targets',
  doc_group_funds: 'Funds',
  doc_group_phases: 'Phases',
  doc_group_products: 'Featured products',
  doc_group_review: 'Worth a look',
  doc_group_unaccounted: 'Amounts not accounted for',
  doc_text_note: 'The document is in Chinese and is shown as published.',
};

export const STRINGS: Record<Lang, Record<Key, string>> = { zh, en };

// a key present in Chinese and missing (or empty) in English fails the build here
for (const key of Object.keys(zh) as Key[])
  if (!en[key]) throw new Error(`src/i18n/index.ts: no English for “${key}”`);

/** A UI string; {name} placeholders are filled from vars. */
export function t(lang: Lang, key: Key, vars: Record<string, string | number> = {}): string {
  const s = STRINGS[lang][key];
  if (s === undefined) throw new Error(`src/i18n/index.ts: no “${key}” in ${lang}`);
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** A site path in a language: /counties/469001/ or /en/counties/469001/. */
export const href = (lang: Lang, path: string) => (lang === 'zh' ? path : `/en${path}`);

/** The label of a target metric or progress measure; throws on one the vocabulary lacks. */
export const metricName = (lang: Lang, metric: string): string =>
  termOf(PROGRESS_MEASURE, metric, lang, 'the target metrics and progress measures');

/** The label of a document field; throws on one the vocabulary lacks. */
export const fieldName = (lang: Lang, field: string): string =>
  termOf(DOCUMENT_FIELD, field, lang, 'the document fields');

/** The label of a canonical fund category. */
export const categoryName = (lang: Lang, category: string): string =>
  termOf(CATEGORY, category, lang, 'the fund categories');

/** The wording of a progress status (met, on track…). */
export const progressStatusName = (lang: Lang, status: string): string =>
  termOf(PROGRESS_STATUS, status, lang, 'the progress statuses');

/** Why an amount is not a fund fact, in words. */
export const amountNoteName = (lang: Lang, note: string): string =>
  termOf(AMOUNT_NOTE, note, lang, 'the amount notes');
