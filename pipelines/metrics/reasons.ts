/**
 * Why a value, a column or a file of a metrics import was rejected: each reason code with its wording in Chinese and
 * English, as metrics_rejected gives them.
 */

/** Every rejection reason, with its wording in Chinese and English. */
export const REASONS = {
  unreadable_file: ['文件无法读取', 'the file cannot be read'],
  no_header: ['找不到县和月份列', 'no county and month columns in the header'],
  unknown_column: ['无法识别的列，已忽略', 'column not recognised, ignored'],
  no_value_column: ['有指标列，但找不到数值列', 'a metric column, but no column of its values'],
  not_imported: [
    '不是当月数值的列（累计、同比、上年同期、占比、排名等），不导入',
    'column not imported: not the month’s own figure (a running sum, a growth rate, last year’s figure, a share or a rank)',
  ],
  missing_county: ['县为空', 'county is empty'],
  unknown_county: ['县名或代码无法识别', 'unknown county name or code'],
  ambiguous_county: ['县名对应多个行政区划，未作猜测', 'the name fits several counties; none is chosen'],
  not_a_county: ['不是县级行政区划（如地级市）', 'not a county-level division (e.g. a prefecture)'],
  outside_title_place: [
    '该县不在标题或填报单位所指的地区内（如 丹东市下没有东港区），可能是笔误，未采用',
    'the county is not in the place the title or 填报单位 names (丹东市 has no 东港区): perhaps a slip; not used',
  ],
  county_mismatch: [
    '县区代码与县名是两个不同的县，无法确定是哪一个，未采用',
    'the county code and the county name beside it are two different counties: which is meant cannot be told; not used',
  ],
  bad_month: [
    '月份无法识别（月份须写明年份，如 2023年3月、2023-03；只写“3月”的，须由标题或年份列给出年份，否则不作猜测）',
    'month not recognised (a month needs its year, as 2023年3月 or 2023-03; 3月 alone is read only where the title or a 年份 column gives the year, never guessed)',
  ],
  ambiguous_month: [
    '月份“年.1”含义不明：可能是 1 月，也可能是 Excel 把 10 月（2020.10）显示成了 2020.1；请写成 2020-01 或 2020-10',
    'the month YYYY.1 is ambiguous: January, or October that Excel shows as 2020.1 for 2020.10; write 2020-01 or 2020-10',
  ],
  period_not_month: [
    '是几个月合计的数（如 1-2月、一季度、上半年），不是单月数，月报表只收单月数',
    'a figure for several months (1-2月, a quarter, a half-year), not one month; only single months are published',
  ],
  unknown_metric: ['指标无法识别', 'metric not recognised'],
  stations_built: [
    '同一文件另有运营（或未运营）站点的行：此行应为建成站点数，不是运营站点数，不导入',
    'the file has rows of the stations active (or of those not): this one is of the stations built, not those active; not imported',
  ],
  missing_value: ['数值为空', 'value is empty'],
  not_a_number: ['数值不是数字', 'value is not a number'],
  no_data: [
    '未填数值（“—”“/”“无”表示无数据），未作为 0 采用',
    'no figure given (—, / or 无 mark no data); not read as 0',
  ],
  negative_value: ['数值为负，该指标不可能为负', 'negative value for a metric that cannot be negative'],
  not_whole: [
    '该指标是计数（件、个、人次、家），换算单位后必须为整数',
    'a count (parcels, stations, person-times, shops) must be a whole number after converting its unit',
  ],
  bad_unit: ['单位无法换算', 'unit cannot be converted'],
  too_many_digits: [
    '数字超过 15 位有效数字，无法精确保存（会变成另一个数），未采用',
    'more than 15 significant digits: the number cannot be kept exactly (it would become another number); not used',
  ],
  hidden_cell: [
    '数值所在的行或列在工作簿中被隐藏，不属于所报报表的可见内容，未采用',
    'the value’s row or column is hidden in the workbook: no part of the report as it is shown; not used',
  ],
  merged_value: [
    '数值单元格跨几行或几列合并，是它们合在一起的数（如一个季度的数合并在三个月上），不是其中任何一个月或县的数，未采用',
    'the value’s cell is merged over several rows or columns: a figure of them together (a quarter’s over its three months), no one month’s or county’s; not used',
  ],
  missing_unit: [
    '未注明单位（金额：元或万元；件数、人次：件或万件、人次或万人次）',
    'no unit given (money: 元 or 万元; a count: 件 or 万件, 人次 or 万人次)',
  ],
  duplicate_conflict: [
    '同一县、月份、指标有不同数值，均未采用',
    'same county, month and metric with different values; neither is used',
  ],
  duplicate_identical: [
    '与前面的同一县、月份、指标重复（数值相同），只保留一个',
    'repeats an earlier value of the same county, month and metric, with the same figure; one is kept',
  ],
  township_rows: [
    '表中各行为乡镇（街道）的数据，不是县级数据，未导入',
    'the rows are townships’ (乡镇, 街道), not a county’s; not imported',
  ],
  sidecar_county: [
    '映射文件写明了县（county:），文件自身也写明了县（标题中另一个县，或县区列），不作取舍，未导入；请删去其一',
    'the mapping sidecar names a county (county:), and the file names its own (another county in its title, or a county column): neither is chosen; not imported: remove one',
  ],
  cumulative_only: [
    '标题说明各月数值为累计数，未注明当月数，未导入（累计数不是当月数）',
    'the title says the months’ figures are running sums (累计), with no month’s own figure; not imported',
  ],
  unknown_unit: [
    '表头下的一行像是单位行，但其中有无法识别的单位',
    'the row under the header looks like a row of units, but holds a unit the importer does not know',
  ],
  side_by_side: [
    '表头中县、月份或指标列出现两次：是并排的两张表，后一张无法按前一张的列读取，未导入；请把每张表放在单独的工作表，或上下排列',
    'the header names a county, month or metric column twice: two tables side by side, the second of which cannot be read under the first’s columns; not imported: put each table in its own sheet, or one under the other',
  ],
  unit_column: [
    '表中的单位列旁有多个指标列，无法确定各单位属于哪个指标，未导入；请把单位写进各指标的表头（如 网络零售额（万元））',
    'a unit column beside several metric columns: which metric each unit is for cannot be told; not imported: write each metric’s unit in its header (网络零售额（万元）)',
  ],
  unit_not_stated: [
    '计数指标的表头、单位行和注释都没有写单位，数值中却有小数：应是以更大的单位（如万件）计，该指标未写单位的数值均未导入；请在表头写明单位',
    'a count whose unit no header, unit row or note states holds a fraction: it is in some larger unit (万件); none of its values without a unit is imported: state the unit in the header',
  ],
  unit_below_data: [
    '数据下方的注释给出了单位，但无法确定它适用于上面哪些数值，未导入；请把单位写在表头（如 快递业务量（万件））或表头上方',
    'a note under the data gives a unit, but which values above it is for cannot be told; not imported: write the unit in the header (快递业务量（万件）) or above it',
  ],
  cell_count: [
    '该行的格数与表头不同，无法确定各格属于哪一列',
    'the row has not as many cells as the header: which cell belongs to which column cannot be told',
  ],
  unterminated_last_line: [
    '文件最后一行没有换行符，可能在传输或导出时被截断；请核对该行，若完整请在行末加上换行',
    'the last line has no line break and may have been cut off; check the line and, if it is whole, add a line break at its end',
  ],
} as const satisfies Record<string, readonly [string, string]>;

/** A rejection reason code (unknown_county, cell_count…). */
export type Reason = keyof typeof REASONS;

/** The wording of a hidden_cell rejection, naming the hidden row or column (第 3 行, C 列). */
export const hiddenWording = (place: string): [string, string] => [
  `${REASONS.hidden_cell[0]}（${place}被隐藏）`,
  `${REASONS.hidden_cell[1]} (hidden: ${place})`,
];

/** The wording of a bad_month rejection of a month shown without the year it stores (12月, stored in 2023). */
export const storedYearWording = (shown: string, stored: string, read: string): [string, string] => [
  `月份单元格只显示“${shown}”，Excel 存的年份是 ${stored} 年，标题给出的是 ${read} 年：属于哪一年无法确定，未采用`,
  `the month cell shows ${shown} without its year; Excel stores ${stored}, the title names ${read}: which year it is of is not settled; not used`,
];

/**
 * The wording of a bad_month rejection of a month naming no year beside a cell of its county's months naming the
 * title's year in no month read (2024.1: January or October), which may stand where they cross a year.
 */
export const unreadMonthWording = (cell: string): [string, string] => [
  `月份未写年份，而同一县区（同一指标）另有月份“${cell}”写了年份、却读不出是几月：它可能正是跨入另一年之处（如 11月、12月 之后是 1月），标题的年份不能确定此月属于哪一年；请写明年份（如 2023年11月）`,
  `a month without its year, where one county’s (one metric’s) months include ${cell}, which names a year but no month that can be read: it may be where they cross into another year (11月, 12月, then 1月), so the title’s year does not settle which year this one is of; write the year (2023年11月)`,
];

/**
 * The wording of a bad_month rejection of a month naming no year on the far side of a crossing into another year
 * (rows.ts unsettledMonths).
 */
export const CROSSING_WORDING: [string, string] = [
  '月份未写年份，而同一县区（同一指标）的各月跨入了另一年（如 11月、12月 之后是 1月），标题的年份不能确定此月属于哪一年；请写明年份（如 2023年11月）',
  'a month without its year, where one county’s (one metric’s) months cross into another year (11月, 12月, then 1月): the title’s year does not settle which year it is of; write the year (2023年11月)',
];

/**
 * The wording of a column's or a row's stations built (村级服务站) that another sheet of the workbook shows to be,
 * giving the active ones (运营村级服务站) or those not in operation (未运营村级服务站).
 */
export const builtElsewhereWording = (sheet: string, what: 'column' | 'row'): [string, string] => [
  `同一工作簿的工作表“${sheet}”另有运营（或未运营）站点的数字：此${what === 'column' ? '列' : '行'}应为建成站点数，不是运营站点数，不导入`,
  `the workbook’s sheet ${sheet} gives a figure of the stations active (or of those not): this ${what} is of the stations built, not those active; not imported`,
];

/** The wording of the not_imported column of the stations built beside those active (村级服务站 | 运营村级服务站). */
export const BUILT_STATIONS: [string, string] = [
  '同表另有运营（或未运营）站点列：此列应为建成站点数，不是运营站点数，不导入',
  'the table has a column of the stations active (or of those not): this one is of the stations built, not those active; not imported',
];

/**
 * The wording of a unit_not_stated rejection, naming the cell with a fraction and the header to write for the metric
 * in its larger unit (快递业务量（万件）), or, for a column a mapping sidecar names, the sidecar's line to write
 * (快件量: express_parcels 万件).
 */
export const unitNotStatedWording = (
  { line, column, raw, total }: { line: number; column: string; raw: string; total?: true },
  metric: string,
  unit: string,
  sidecar?: { name: string; header: string },
): [string, string] => {
  const cell = `line ${line}, column ${column}: ${raw}`;
  // (shown by a 累计 column stating its unit, not by a fraction)
  const [zh, en] = total ? UNIT_OF_TOTALS : REASONS.unit_not_stated;
  // (for a column the sidecar names, the unit is to be stated there: not in the header)
  return sidecar
    ? [
        `${zh.replace('请在表头写明单位', '请在映射文件中写明单位')}（第 ${line} 行“${column}”列：${raw}；如以${unit}计，在 ${sidecar.name} 中写作 ${sidecar.header}: ${metric} ${unit}）`,
        `${en.replace('state the unit in the header', 'state the unit in the mapping sidecar')} (${cell}; if in ${unit}, write ${sidecar.header}: ${metric} ${unit} in ${sidecar.name})`,
      ]
    : [
        `${zh}（第 ${line} 行“${column}”列：${raw}；如以${unit}计，写作 ${metric}（${unit}））`,
        `${en} (${cell}; if in ${unit}, write ${metric}（${unit}）)`,
      ];
};

const UNIT_OF_TOTALS: [string, string] = [
  '计数指标的本月列没有写单位，其累计列却写明了单位：本月数值应也以该单位计，但报表没有写明，该指标未写单位的数值均未导入；请在表头写明单位',
  'a count whose month column states no unit beside a 累计 column that states one: its months are surely in that unit too, which the report does not say; none of its values without a unit is imported: state the unit in the header',
];

/** The wording of a merged_value rejection, naming the merged range (C2:C4). */
export const mergedWording = (range: string): [string, string] => [
  `${REASONS.merged_value[0]}（合并单元格 ${range}）`,
  `${REASONS.merged_value[1]} (merged cells ${range})`,
];

/** “1 cell”, “3 cells”. */
export const cellsEn = (n: number) => `${n} cell${n === 1 ? '' : 's'}`;

/** The wording of a cell_count rejection, naming how many cells the row and the header have, and what to do. */
export function cellCountWording(cells: number, headerCells: number): [string, string] {
  // cells missing or extra only at the end are no exception, though Excel sometimes drops trailing empty cells:
  // `469001,2020-03,12` under four columns may lack its last (empty) cell or one inside, and `…,1,234,`
  // (1,234 without quotes, the last cell empty) has one cell too many, an empty one
  const [zh, en] =
    cells < headerCells
      ? ['若缺的是行末的空格，请补上逗号', 'if the missing cells are empty ones at its end, add their commas']
      : [
          '未加引号的 1,234 是两格；若多出的是行末的空格，请删去多余的逗号',
          '1,234 without quotes is two cells; if the extra cells are empty ones at its end, remove their commas',
        ];
  return [
    `该行有 ${cells} 格，表头有 ${headerCells} 格，无法确定各值属于哪一列（缺少或多出的格可能在行中任何位置，行末的空格也一样），该行数值均未采用；${zh}，使每行与表头格数相同`,
    `the row has ${cellsEn(cells)} and the header ${headerCells}: which value belongs to which column cannot be told (the missing or extra cells may be anywhere in the row, empty ones at its end too), so none of its values is used; ${en}, so that every row has as many cells as the header`,
  ];
}
