/**
 * Which column of a metrics file is which, told from its header: the county (a code or a name), the month, and either
 * a metric and a value column (long form) or one column per metric, its unit often in its name (wide form).
 */
import { type Given, givenNote } from './heading.ts';
import { metricCached } from './lookups.ts';
import { arabicDates, ascii, isPeriod, simplifiedText } from './parse.ts';
import type { Reason } from './reasons.ts';
import { joinUnits } from './units.ts';
import { metricOf, splitUnit, unitOf } from './vocabulary.ts';

/** Header cells naming a county code column. */
const COUNTY_CODE_COL =
  /^(?:county_?code|code|(?:所属)?(?:县区|区县|县市区|县)代码|地区代码|行政区划代码|区划代码|代码)$/i;
/**
 * Header cells naming a county name column: a county-level division as forms name it (县, 县区, 区县, 县市区,
 * 县（市、区）, 县（市）, 县区（市）, 行政区划, 区划, 地区), 名称 after it (县（市、区）名称), 所属 before a county's word
 * (所属县区; not 所属地区, the prefecture or province a county is of), and the reporting unit (单位名称, 填报单位).
 */
const COUNTY_NAME_COL =
  /^(?:county|county_?name|单位名称|填报单位|(?:(?:所属)?(?:县|县区|区县|县市区|县市|市县)|县\(市、?区\)|县\(市\)|县\(区\)|县\(市区\)|县区\(市\)|行政区划|区划|地区)(?:名称|名)?)$/i;
/** Whether a header cell names a county column (县区代码, 县（市、区）, 单位名称…), compared as headers are. */
export const isCountyHeader = (cell: string) => {
  const h = ascii(cell).replace(/\s/g, '');
  return COUNTY_CODE_COL.test(h) || COUNTY_NAME_COL.test(h);
};

/**
 * Header cells naming the month column: 月份, 年月, 月, 期, 期别 or 期间, after 统计, 所属, 报表, 数据 or 报告 or alone,
 * (年月) after it (月份（年月）); 时间, 统计时间, 日期, 月度. Not 填报月份 or 填报日期: when the report was filed, not
 * the month of its figures.
 */
const MONTH_COL =
  /^(?:month|period|时间|统计时间|日期|月度|(?:统计|所属|报表|数据|报告)?(?:年月|月份|月|期|期别|期间)(?:\(年月\))?)$/i;
/** A header cell naming a month, in a file with one column per month: 2021年1月, 1月, 2021-01. */
// (2023-01-01: a month typed as 2023年1月 in Excel is a date cell, its first day)
const MONTH_HEADER =
  /^(?:(?:19|20)\d{2}年)?\d{1,2}月份?$|^(?:19|20)\d{2}[-/.]\d{1,2}$|^(?:19|20)\d{2}-\d{2}-01$/;
/** Header cells naming a year column, beside months that name none (1月, or a column per month). */
const YEAR_COL = /^(?:year|年份|年度|年|统计年度)$/i;
/** Header cells naming the metric column of a long file. */
const METRIC_COL = /^(?:metric|指标|指标名称?|指标项|统计指标|主要指标|项目|项目名称|指標|指標名稱)$/i;
/** Header cells naming the value column of a long file. */
// (本月, 当月, 本期: the month's value beside its 累计, in a report whose month is named above the header)
// (完成值, 本月完成, 实际完成数: what a long file's value column says it holds)
const VALUE_COL =
  /^(?:value|数值|值|数量|数据|指标值|统计值|本月数?|当月数?|本期数?|(?:本月|当月|本期|实际)?完成(?:值|数|额|量)?)$/i;
/** Header cells naming the unit column of a long file. */
const UNIT_COL = /^(?:unit|单位|计量单位)$/i;
/** Header cells naming a note column. */
const NOTE_COL = /^(?:note|备注|说明)$/i;
/** Header cells naming the column that marks synthetic rows. */
const SYNTHETIC_COL = /^(?:synthetic|示例数据)$/i;
/** Header cells naming a source column (kept in the note). */
const SOURCE_COL = /^(?:source|来源|数据来源)$/i;

/**
 * Whether a header cell names a column a table of reports has besides its county's: a month (月份, 2023年1月), a
 * metric (网络零售额（万元）), or a long table's metric, value or unit column (指标, 数值, 单位).
 */
export const isColumnHeader = (cell: string) => {
  const h = ascii(cell).replace(/\s/g, '');
  return (
    [MONTH_COL, MONTH_HEADER, METRIC_COL, VALUE_COL, UNIT_COL].some((re) => re.test(h)) ||
    metricOf(splitUnit(h).name) !== null
  );
};

/**
 * A column header naming a figure beside the month's own that is not imported: a running sum (1-3月累计,
 * 网络零售额累计, 1-3月培训人次), a growth rate (同比增长（%）, 环比, 增速), last year's or last month's figure (上年同期), a share
 * (占比, 占全市比重), a rank (排名, 位次), a quarter's figure, a rate of completion.
 */
export const NOT_MONTHLY =
  /\d{1,2}[-–—－~～至]\d{1,2}月|累计|同比|环比|增长|增幅|增速|增减|占比|比重|排名|排序|名次|位次|上年|去年|上月|同期|季度|本季|完成率|进度/;

/** A metric column of a wide file: its index, the metric's name and the unit its header gives (or ''). */
export interface MetricColumn {
  index: number;
  name: string;
  unit: string;
  /** the unit was given by a note row (单位：万元), not by the header: a later note may change it */
  noted?: boolean;
  /** the mapping sidecar that names the column, with the header as written there (快件量: express_parcels) */
  sidecar?: Sidecar;
}

/** A mapping sidecar's name (r.yaml) and a column's header as the sidecar names it. */
export interface Sidecar {
  name: string;
  header: string;
}

/** Why a header cannot be read: what it holds, and the reason the file is refused (no_header unless told). */
export interface PlanError {
  error: string;
  reason?: Reason;
}

/** The columns of a file by index (null when absent), as planColumns finds them. */
export interface Plan {
  form: 'long' | 'wide' | 'months' | 'counties';
  /** the county column (null when the rows above the header name the county: plan.given) */
  county: number | null;
  /** the month column (null in a file with one column per month, or when the rows above name it: plan.given) */
  month: number | null;
  /** the month columns of a file with one column per month (2021年1月, 1月…), each with its month as written */
  /** the month columns, each with its month as read (with its year), or not settled by the file (file.ts monthYears) */
  months: { index: number; month: string; unsettled?: true }[];
  /** the county columns of a file with one column per county (指标 | 东港市 | 凤城市), each with its county */
  counties?: { index: number; county: string }[];
  /** the metric, value and unit columns of a long file (null in a wide one) */
  metric: number | null;
  value: number | null;
  unit: number | null;
  /** the unit a unit row gives the value column, for rows without one */
  valueUnit: string;
  /** the units notes give (单位：万元、万件), for values with none of their own whose metric one of them can measure */
  noteUnits?: readonly string[];
  /** the year the title names (某县2023年…月报), for month cells that name none (1月) */
  year?: string;
  /** a 年份 column: each row's year, for its month cells that name none (read over the title's) */
  yearColumn?: number | null;
  /**
   * the month column's header says month (月份, 统计月份, 月): a cell of a number alone (3) is that month, in the
   * title's year; under 期别 or 期 it may number a week or a quarter
   */
  bareMonths?: boolean;
  /** a county name column beside the code column (行政区划代码 | 县区): a name of another county rejects the row */
  countyName?: number;
  /** the county the rows above name, for a 代码 column's cells that are no county code (01, 02: indicators) */
  codeOrAbove?: Given;
  /** the county or month the rows above the header name, for a table without its column, and a note saying so */
  given?: { county?: Given; month?: Given; note: string };
  note: number | null;
  synthetic: number | null;
  source: number | null;
  /** the metric columns of a wide file (none in a long one) */
  metrics: MetricColumn[];
  /** the header cells of columns that are not read */
  unknown: string[];
  /** of those, the stations built (村级服务站) that another sheet's names show to be, with that sheet (stationsBuiltIn) */
  builtElsewhere?: Map<string, string>;
}

/**
 * Which column is which: long form (metric and value columns) or wide form (one column per metric); an error naming
 * the header when it has no county or no month column. Headers are matched without their spaces.
 */
export function planColumns(
  header: string[],
  /** the file's mapping sidecar (header → county, month, or a metric with its unit), and its name for messages */
  mapping: { columns: Mapping; name: string } | null = null,
  /**
   * the county and month the rows above the header settle (heading.ts), what they name of a county, and the header
   * cells that are counties (a column per county)
   */
  above: {
    county?: Given;
    month?: Given;
    countyNamed?: string;
    /** a cell above naming a period that is not one month (2024年1-3月, 第一季度), for the message of a refusal */
    period?: Given;
    countyColumns?: { index: number; county: string }[];
    /** the names of stations other sheets of the workbook give, each with its sheet (stationCells) */
    elsewhere?: ReadonlyMap<string, string>;
  } = {},
): Plan | PlanError {
  const mapped = (role: string) => {
    const i = header.findIndex((h, at) => mappedRole(mapping, h, at)?.trim() === role);
    return i === -1 ? null : i;
  };
  const find = (re: RegExp) => {
    const i = header.findIndex((h) => re.test(h.replace(/\s/g, '')));
    return i === -1 ? null : i;
  };
  // a second county, month or metric column (县区 | 月份 | 网络零售额 | | 县区 | 月份 | 快递业务量): two tables side by
  // side, whose second would be read under the first's county, month or metric: refused
  for (const [re, what] of [
    [COUNTY_CODE_COL, 'county code'],
    [COUNTY_NAME_COL, 'county'],
    [MONTH_COL, 'month'],
    [METRIC_COL, 'metric'],
  ] as const) {
    const at = header.flatMap((h, i) => (re.test(h.replace(/\s/g, '')) ? [i] : []));
    if (at.length > 1)
      return {
        error: `the header names a ${what} column twice (${at.map((i) => `“${header[i]}”, column ${i + 1}`).join('; ')}): two tables side by side, whose second cannot be read under the first's columns; put each table in its own sheet or one under the other`,
        reason: 'side_by_side',
      };
  }
  // a code column is used when there is one; a name column beside it is checked against it (rows.ts)
  const metric = mapped('metric') ?? find(METRIC_COL);
  const code = mapped('county') ?? find(COUNTY_CODE_COL);
  // 代码 beside a metric column, under rows naming the county, may number the indicators (01, 02…) as
  // statistics-office forms do: a cell that is no county code then takes the county named above (rows.ts)
  const indicatorCodes =
    code !== null && metric !== null && above.county && header[code]!.replace(/\s/g, '') === '代码'
      ? { codeOrAbove: above.county }
      : {};
  // (单位 heads the reporting units, the counties, in a table without a metric column, whose units are not a column)
  const countyName =
    mapped('county') === null
      ? (find(COUNTY_NAME_COL) ?? (metric === null && !above.county ? find(/^单位$/) : null))
      : null;
  const county = code ?? countyName;
  const month = mapped('month') ?? find(MONTH_COL);
  const unit = find(UNIT_COL);
  const note = find(NOTE_COL);
  const synthetic = find(SYNTHETIC_COL);
  const source = find(SOURCE_COL);
  const yearColumn = find(YEAR_COL);
  const read = (more: (number | null)[]) =>
    new Set([code, countyName, unit, note, synthetic, source, yearColumn, ...more].filter((i) => i !== null));
  const unknownOf = (used: Set<number>) => header.filter((h, i) => !used.has(i) && h !== '');
  // one column per month (县区, 指标, 1月, 2月 … 12月): each cell a value of its row's metric in its column's month
  // (一月, 十二月份: in Chinese numerals too)
  const asMonths = header.map((h) => arabicDates(h.replace(/\s/g, '')));
  const months = asMonths.flatMap((month, index) => (MONTH_HEADER.test(month) ? [{ index, month }] : []));
  // and columns of several months beside them (1-2月 | 3月, 3月 | 1-3月): their values are rejected as
  // period_not_month, not the file refused
  const periods = asMonths.flatMap((month, index) =>
    months.length > 0 && /月|季|半年/.test(month) && isPeriod(month) ? [{ index, month }] : [],
  );
  // what the rows above the header give where the header has no column for it, and a note saying so
  const givenCounty = county === null ? above.county : undefined;
  const given = (withMonth: boolean) => {
    const g = { county: givenCounty, month: withMonth && month === null ? above.month : undefined };
    const note = [g.county && givenNote('县区', g.county), g.month && givenNote('月份', g.month)]
      .filter(Boolean)
      .join('；');
    return note
      ? { given: { ...(g.county && { county: g.county }), ...(g.month && { month: g.month }), note } }
      : {};
  };
  const hasCounty = county !== null || givenCounty !== undefined;
  if (hasCounty && month === null && metric !== null && months.length + periods.length >= 2) {
    months.push(...periods);
    months.sort((a, b) => a.index - b.index);
    const used = read([metric, ...months.map((m) => m.index)]);
    const shared = {
      county,
      month: null,
      months,
      metric,
      value: null,
      unit,
      valueUnit: '',
      yearColumn,
      note,
      synthetic,
      source,
    };
    return { form: 'months', ...shared, ...given(false), metrics: [], unknown: unknownOf(used) };
  }
  // one column per county (指标 | 计量单位 | 东港市 | 凤城市), the month in a column or named above the header
  const countyColumns = county === null && !givenCounty && metric !== null ? (above.countyColumns ?? []) : [];
  if (countyColumns.length > 0 && (month !== null || above.month)) {
    const used = read([metric, month, ...countyColumns.map((c) => c.index)]);
    return {
      form: 'counties',
      county: null,
      month,
      months: [],
      counties: countyColumns,
      metric,
      value: null,
      unit,
      valueUnit: '',
      yearColumn,
      ...given(true),
      note,
      synthetic,
      source,
      metrics: [],
      unknown: unknownOf(used),
    };
  }
  if (!hasCounty || (month === null && !above.month)) {
    const named = above.countyNamed;
    const found = header.map((h, i) => (h ? `“${h}”` : headlessName(i))).join(', ');
    // what is found and what is missing, and a sidecar mapping a column not yet read to what is missing
    // (a title naming several months, 2024年1-3月, or a quarter names no one month: said, so that none is added)
    const period =
      above.period && month === null
        ? ` (line ${above.period.line} names ${above.period.raw}: not one month; only single months' figures are imported)`
        : '';
    const has =
      county !== null
        ? `a county column (${header[county]}), but no month column${period}`
        : givenCounty
          ? `${givenCounty.from ? `the sidecar ${givenCounty.from} names the county (${givenCounty.raw})` : `the rows above name the county (${givenCounty.raw}, line ${givenCounty.line})`}, but no month${period}`
          : month !== null
            ? `a month column (${header[month]}), but no county column`
            : above.month
              ? `the rows above name the month (${above.month.raw}, line ${above.month.line}), but no county`
              : 'no county column and no month column';
    const role = hasCounty ? 'month' : 'county';
    // (a column the sidecar could map: not a metric, nor a long table's metric, value or unit column, 指标 | 本月)
    // (else one without a header, named by its place: 第 1 列)
    const empty = header.findIndex((h, i) => h === '' && i !== county && i !== month);
    const free =
      header.find(
        (h, i) =>
          h !== '' &&
          i !== county &&
          i !== month &&
          metricOf(splitUnit(h).name) === null &&
          ![METRIC_COL, VALUE_COL, UNIT_COL].some((re) => re.test(h.replace(/\s/g, ''))),
      ) ?? (empty === -1 ? undefined : `第 ${empty + 1} 列`);
    const example =
      hasCounty || month !== null || above.month
        ? `{“${free ?? '…'}”: ${role}}`
        : `{“${free ?? '…'}”: county, …: month}`;
    return {
      error: `found ${found}: ${has}; need a county column (county_code, 县, 区县…) and a month column (month, 月份…)${mapping ? `, or add ${mapping.name} saying which column is which (columns: ${example}, with …: <metric code> <unit> for a metric the vocabulary does not name)` : ''}${!hasCounty && named !== undefined ? `; the rows above the header name no one county${named ? ` (they name ${named})` : ''}${mapping ? `; if it is one county's report, name the county in ${mapping.name}: county: <its name or code>` : ''}` : ''}`,
    };
  }
  const value = mapped('value') ?? find(VALUE_COL);
  const used = read([month, metric, value]);
  const common = {
    county,
    month,
    months: [],
    valueUnit: '',
    yearColumn,
    ...(month !== null && header[month]!.includes('月') && { bareMonths: true }),
    ...given(true),
    ...indicatorCodes,
    ...(code !== null && countyName !== null && !indicatorCodes.codeOrAbove && { countyName }),
    note,
    synthetic,
    source,
  };
  if (metric !== null && value !== null)
    return { form: 'long', ...common, metric, value, unit, metrics: [], unknown: unknownOf(used) };
  // a metric column (指标) and no column the vocabulary reads as its values or as a metric's: its rows' values
  // are in a column it cannot name (完成情况, or one with no header), which is not guessed
  const named = read([month, metric]);
  if (metric !== null && wideColumns(header, named, mapping).metrics.length === 0) {
    const others = header.flatMap((h, i) =>
      named.has(i) ? [] : [h === '' ? `column ${i + 1} (no header)` : `“${h}”`],
    );
    return {
      error: `the column “${header[metric]}” names metrics, but no column holds their values as the vocabulary names one (value, 数值, 本月, 完成值…)${others.length ? `: found ${others.join(', ')}` : ''}${mapping ? `; add ${mapping.name} saying which column is the value column (columns: {“…”: value})` : ''}`,
      reason: 'no_value_column',
    };
  }
  // a unit column (计量单位) gives the unit of a table's one metric column, row by row; beside several, which
  // metric each unit is for cannot be told, and the file is refused
  // (a value column, 本月 or 数值, is no metric's without a metric column: not read, so reported)
  const wide = wideColumns(header, named, mapping, above.elsewhere);
  const unitColumn = unit !== null && unit !== county ? unit : null;
  if (unitColumn !== null && wide.metrics.length > 1)
    return {
      error: `the column “${header[unitColumn]}” gives units beside ${wide.metrics.length} metric columns (${wide.metrics.map((m) => `“${header[m.index]}”`).join(', ')}): which metric each unit is for cannot be told; write each metric's unit in its header (网络零售额（万元）)`,
      reason: 'unit_column',
    };
  return {
    form: 'wide',
    ...common,
    metric: null,
    value: null,
    unit: wide.metrics.length === 1 ? unitColumn : null,
    ...wide,
  };
}

/**
 * The columns with an empty header that no role reads: numbers under one (a second metric whose header cell was
 * left blank) are reported as a column not recognised, never dropped without a word (file.ts closeTable).
 */
export function headlessColumns(plan: Plan, header: readonly string[]): number[] {
  const roles = [
    plan.county,
    plan.month,
    plan.metric,
    plan.value,
    plan.unit,
    plan.note,
    plan.synthetic,
    plan.source,
    plan.yearColumn,
    plan.countyName,
    ...plan.metrics.map((m) => m.index),
    ...plan.months.map((m) => m.index),
    ...(plan.counties ?? []).map((c) => c.index),
  ];
  return header.flatMap((h, i) => (h.trim() === '' && !roles.includes(i) ? [i] : []));
}

/** How a column with an empty header is named where it is reported: 第 4 列（无表头）. */
export const headlessName = (i: number) => `第 ${i + 1} 列（无表头）`;

/**
 * A mapping sidecar's columns: header → county, month, or a metric code with its unit (online_retail_sales_yuan 万元);
 * a column may also be named by its place, 第 1 列 (placeKey), as for one whose header cell is empty.
 */
export type Mapping = Record<string, string>;

/** A sidecar's key naming a column by its place (第 1 列, 第1列, 第 4 列（无表头）) as 第 1 列, or null. */
export const placeKey = (key: string) => {
  const m = /^第\s*(\d+)\s*列(?:\s*[(（]无表头[)）])?$/.exec(key.trim());
  return m ? `第 ${Number(m[1])} 列` : null;
};

/**
 * What a sidecar says of column `i` under `header`: by its header cell, or by its place (第 3 列) where its header
 * cell is empty (a column with a header is read by it: a workbook's sidecar serves every sheet).
 */
export const mappedRole = (mapping: { columns: Mapping } | null | undefined, header: string, i: number) =>
  header === '' ? mapping?.columns[`第 ${i + 1} 列`] : mapping?.columns[header];

/** The columns of a wide file that are not `used`: those naming a metric (with their unit), and the others. */
function wideColumns(
  header: string[],
  used: Set<number>,
  mapping: { columns: Mapping; name: string } | null,
  elsewhere?: ReadonlyMap<string, string>,
): { metrics: MetricColumn[]; unknown: string[]; builtElsewhere?: Map<string, string> } {
  const metrics: MetricColumn[] = [];
  const unknown: string[] = [];
  header.forEach((h, i) => {
    if (used.has(i) || (h === '' && !mappedRole(mapping, h, i))) return;
    // a column the sidecar maps to a metric: its code, and the unit it gives after a space, joined with the unit
    // the header gives (快件量（件）: express_parcels is in 件; with 万件 in the sidecar, in neither: bad_unit)
    const [code, unitGiven] = (mappedRole(mapping, h, i) ?? '').trim().split(/\s+/);
    if (code && metricOf(code)) {
      const own = splitUnit(h).unit;
      metrics.push({
        index: i,
        name: code,
        unit: joinUnits(unitOf(own) !== null ? own : '', unitGiven ?? ''),
        sidecar: { name: mapping!.name, header: h || `第 ${i + 1} 列` },
      });
      return;
    }
    const { name, unit } = splitUnit(h);
    // (网络零售额（同比）: a metric's growth rate, its bracket no unit; not imported)
    if (metricOf(name) && !NOT_MONTHLY.test(unit)) metrics.push({ index: i, name, unit });
    else unknown.push(h);
  });
  // stations named without 运营 beside a column of the active ones (村级服务站 | 运营村级服务站), or of those not in
  // operation (未运营村级服务站): those built, a figure of its own, not imported; alone, 村级服务站 is read as the
  // active ones (as reports mostly mean it); beside such a name on another sheet of the workbook, the same
  const names = stationsBuiltIn([...metrics.map((m) => m.name), ...header], elsewhere);
  const built = metrics.filter((m) => names.has(m.name));
  for (const m of built) unknown.push(header[m.index]!);
  const builtElsewhere = new Map(
    built.flatMap((m) => (names.get(m.name) ? [[header[m.index]!, names.get(m.name)!] as const] : [])),
  );
  return {
    metrics: metrics.filter((m) => !built.includes(m)),
    unknown,
    ...(builtElsewhere.size && { builtElsewhere }),
  };
}

/**
 * Of a table's names (stationsBuilt), those naming the stations built, each with the other sheet of its workbook
 * whose names show it (a name → sheet map of those: stationCells), or null where the table's own names do.
 */
export function stationsBuiltIn(
  own: Iterable<string>,
  elsewhere?: ReadonlyMap<string, string>,
): Map<string, string | null> {
  const names = [...own];
  const built = new Map<string, string | null>([...stationsBuilt(names)].map((n) => [n, null]));
  const mine = new Set(names);
  for (const sheet of new Set(elsewhere?.values())) {
    const theirs = [...elsewhere!].flatMap(([n, s]) => (s === sheet ? [n] : []));
    for (const n of stationsBuilt([...names, ...theirs]))
      if (mine.has(n) && !built.has(n)) built.set(n, sheet);
  }
  return built;
}

/**
 * The names of stations a sheet's cells give as a header or a long file's metric cell does, without their unit
 * (村级服务站, 运营村级服务站 of 运营村级服务站（个）, 未运营村级服务站, 停运站点; not a note, 注：村级服务站不含未运营站点,
 * 未运营站点不计入), for the other sheets of its workbook (stationsBuiltIn).
 */
export function stationCells(rows: readonly { row: readonly string[] }[]): Set<string> {
  const names = new Set<string>();
  for (const { row } of rows)
    for (const cell of row) {
      if (!cell.includes('站') || cell.length > 30) continue;
      const name = simplifiedText(splitUnit(cell.replace(/\s/g, '')).name);
      if (/^(?:注|说明|备注|※)|含|计入|包括|不计|[，,。；;]/.test(name)) continue;
      if (/站(?:点)?(?:数量?)?$/.test(name) && (metricCached(name) !== null || IDLE.test(name)))
        names.add(name);
    }
  return names;
}

/**
 * Of the names of a table's metrics (its headers, or the metric cells of a file naming its metric on each row), those
 * naming the stations built: stations without 运营 (村级服务站) beside a name of the active ones of their metric
 * (运营村级服务站), or of those not in operation of their level (未运营村级服务站) or of none (停运站点).
 */
export function stationsBuilt(names: Iterable<string>): Set<string> {
  // (each name as written, tested in Simplified characters: 運營村級服務站 as 运营村级服务站)
  const all = [...new Set(names)].map((written) => ({ written, n: simplifiedText(written) }));
  const active = new Set(all.filter(({ n }) => ACTIVE.test(n)).map(({ n }) => metricCached(n)));
  const idle = all.filter(({ n }) => IDLE.test(n) && STATIONS.test(n)).map(({ n }) => level(n));
  const built = all.filter(
    ({ n }) =>
      !ACTIVE.test(n) &&
      STATIONS.test(n) &&
      metricCached(n) !== null &&
      (active.has(metricCached(n)) || idle.includes(level(n)) || idle.includes('')),
  );
  return new Set(built.map(({ written }) => written));
}

/**
 * A name of stations in operation (运营村级服务站, 在运营的乡镇站点), one of those not (未运营, 停运), and one of
 * stations at all, with their level (乡镇 or 村).
 */
const IDLE = /(?:未|停止?|非|不)(?:运营|运行|营业)|停运|闲置/;
const ACTIVE = new RegExp(`^(?!.*(?:${IDLE.source}))(?:.*(?:运营|运行|在营)|.*active)`, 'i');
const STATIONS = /站/;
const level = (h: string) => (/乡镇|镇级|乡级/.test(h) ? 'township' : /村/.test(h) ? 'village' : '');

/** Whether an ignored column is the stations built beside the active ones' (村级服务站 beside 运营村级服务站). */
export const builtStations = (header: string) =>
  STATIONS.test(header) && !ACTIVE.test(header) && metricOf(splitUnit(header).name) !== null;
