/**
 * What the title and note rows above a table's header say about its data: the unit (单位：万元), the year
 * (某县2023年…月报), and the county and month when the table has no column for them (东港市电子商务统计月报,
 * 填报单位：东港市商务局 | 2023年3月). Only what the text settles is taken: one county, one month, one year; a
 * filing date names no month or year of the data, and 我县 or two counties name no county.
 */
import { placeAtStart } from '../reference/resolve.ts';
import { type CountyLookup, monthOf } from './lookups.ts';
import { arabicDates, ascii, headerCell } from './parse.ts';
import { unitOf } from './vocabulary.ts';

/** A county or month a row above the header gives: as written, and the line it is on. */
export interface Given {
  raw: string;
  line: number;
  /** given by no row: the mapping sidecar naming it (county: 东港市 in r.yaml) */
  from?: string;
}

/** The note a value carries when its county or month is one the rows above gave: 县区取自第 1 行：东港市. */
export const givenNote = (field: '县区' | '月份', g: Given) =>
  `${field}取自${g.from ? ` ${g.from}` : g.line === 0 ? '工作表名' : `第 ${g.line} 行`}：${g.raw}`;

/** What the rows above the header have said so far. */
export interface Heading {
  /** the units the notes give (单位：万元, 单位：万元、万件, 金额单位：万元 | 数量单位：万件), in order, each once, for
   * metric columns that give none */
  units: string[];
  /** the years the rows name as the data's */
  years: Set<string>;
  /** the places named where a report names its own (a title's opening name, 填报单位：…), with their counties */
  places: { raw: string; line: number; code: string | null }[];
  /** the months named as the data's (2023年3月, 统计期：2023年3月) */
  months: { raw: string; month: string; line: number }[];
  /** 我县, 本县: a report naming only itself */
  own: string | null;
  /**
   * the first cell naming a period that is not one month (季度, 上半年, 截至…, 1—6月累计), with its line: no month is
   * taken from the rows above, and a refusal for want of one says so
   */
  notAMonth: Given | null;
  /** the rows say their figures are running sums (逐月累计), and name no month's own (本月, 当月) */
  cumulative: boolean;
  /** the rows say the table is of townships (各乡镇, 乡镇（街道）) */
  townships: boolean;
  /** how many rows (and sheet names) it has read */
  read: number;
  /** a month that a sheet's name gives without its year (1月), for the year the rows name */
  sheetMonth: string | null;
}

export const newHeading = (): Heading => ({
  units: [],
  years: new Set(),
  places: [],
  months: [],
  own: null,
  notAMonth: null,
  cumulative: false,
  townships: false,
  read: 0,
  sheetMonth: null,
});

/** A range of months: 1月至6月, 1月份-3月份, 2023年1-3月, 1月起. */
const RANGE = /\d{1,2}月份?(?:[-–—－~～至到]|起)|年\d{1,2}[-–—－~～至到]\d{1,2}月/;
/**
 * Words of a period that is not one month: a quarter, a half-year, a year, a running total to a date; part of a
 * month (上旬, 下半月, 1-15日) or two months (3月、4月, 3月及4月).
 */
const NOT_A_MONTH =
  /季度|季报|第[一二三四1-4]季|半年|年报|全年|截至|截止|以来|至今|[上中下]旬|[上下]半月|\d{1,2}日?\s*[-–—－~～至到]\s*\d{1,2}日|\d{1,2}\s*月份?\s*[、，,及和与]\s*\d{1,2}\s*月/;
/** A table of townships: 各乡镇, 乡镇（街道）, 分乡镇, 各镇, 各街道. */
const TOWNSHIPS = /各乡镇|乡镇[(（]街道|分乡镇|各镇|各街道|各乡[(（]镇/;
/** A township, a community or a village: a place below a county, whose figures are not the county's. */
const BELOW_COUNTY = '镇|乡|街道|社区|苏木|村|办事处';
/**
 * A name that opens a text with such a place, followed by the body that files or the year (孤山镇人民政府, a sheet
 * named 孤山镇, 新兴社区2023年…); not a word that ends so (农村, 电子商务进农村综合示范).
 */
const TOWNSHIP_AT_START = new RegExp(
  `^[\\u4e00-\\u9fa5]{2,8}?(?:${BELOW_COUNTY})(?=$|\\d|[(（]|人民政府|政府|党委|统计|电子商务|电商|商务)`,
);
/**
 * What may follow a county's name where a report names its own county: a year, the kind of report, the body that
 * files it (东港市2023年…, 东港市电子商务…, 东港市商务局); anything else (孤山镇, 城区, 等3县) makes it some other
 * place's report.
 */
const COUNTY_FOLLOWED =
  /^(?:$|[^\u4e00-\u9fa5]|二〇|年|电子商务|电商|统计|农村|商务|人民政府|政府|党委|委员会|发展|邮政|快递|供销|网络|主要|关于|数据|经济|工业和信息化|工信|交通|农业|财政|月|季|上半年|全年)/;
/** Header cells of a column of townships, communities or villages: its rows are not a county's figures. */
export const TOWNSHIP_COLUMN =
  /^(?:乡镇街道|乡镇|乡|镇|街道|社区|村|行政村|村名|站点|服务站)(?:\((?:镇|街道|社区|乡)\))?(?:名称|名)?$/;

/**
 * The start of a note row under the data: who filled it in, when, who checked it, a footnote (注：…, 注1：…, 注①：…,
 * ※…), and a numbered footnote (1.本表…, 2、数据来源…, （3）…, ①…; not 1.5) unless the first column is the metric's, where
 * 1.网络零售额 names a metric (and a row without its value is still a row). Read by JavaScript and by DuckDB
 * (fast.ts), so it keeps to what both engines read alike (no lookahead).
 */
const NOTE_START =
  '(?:填报|填表|制表|审核|负责人|单位负责人|统计负责人|联系电话|电话|联系人|说明|注[\\d①-⑳]*[:：]|※|备注|数据来源)';
const NUMBERED_START = String.raw`(?:\d{1,2}[.、．][^\d.]|[(（]\d{1,2}[)）]|[①-⑳])`;
/** The pattern (without its ^) of a note's first cell under a table whose metric column is `metric`. */
export const footerNoteSource = (metric: number | null) =>
  metric === 0 ? NOTE_START : `(?:${NOTE_START}|${NUMBERED_START})`;
const FOOTER_NOTE = [
  new RegExp(`^${footerNoteSource(0)}`),
  new RegExp(`^${footerNoteSource(null)}`),
] as const;
/** Whether a first cell under the data starts a note, in a table whose metric column is `metric`. */
export const isFooterNote = (cell: string, metric: number | null) =>
  FOOTER_NOTE[metric === 0 ? 0 : 1].test(cell);

/** A unit as a note writes it: 万元, 万件, 人次. */
const UNIT_WORD = '[\\u4e00-\\u9fa5A-Za-z%·]{1,4}';
/** Units of several characters that a note may name in passing (快递单位为万件): never the default of a count. */
const SCALED = /万元|亿元|千元|万人次|万件|亿件|万单|万票/g;
/** Between two units of a list: 、 / , ; 和 及, or a space before a unit (单位：万元 万件). */
const BETWEEN = `\\s*[、/,;；和及]\\s*|\\s+(?=${SCALED.source}|元|件|个|家|人次)`;
const BETWEEN_UNITS = new RegExp(BETWEEN);
/**
 * The units a note gives the table: 单位：万元, 计量单位：万元, 货币单位：万元, …月报单位：万元, （单位：万元）, several
 * (单位：万元、万件, 单位：万元/万件, 单位：万元 万件) or one per label (金额单位：万元 数量单位：万件), each ending the cell
 * or followed by a space, a bracket or a comma.
 */
// not 填报单位：电商办 (the office that filed it; and 电商办 is no unit: the word must be one of the vocabulary's)
const NOTE_UNITS = new RegExp(
  `(?<!填报|报送|填表|制表|上报)单位\\s*[:：]\\s*(${UNIT_WORD}(?:(?:${BETWEEN})${UNIT_WORD})*)\\s*[)）]?(?=[\\s(（,;；。]|$)`,
  'g',
);

/**
 * The units of the vocabulary a row's notes give, in order (单位：万元、万件 → 万元, 万件; a cell that is a unit alone,
 * beside others: 填报单位：丹东市商务局 | 万元); marked with a ?, a unit of several characters it names otherwise
 * (快递单位为万件, （件数：万件）: ?万件), which is no value's unit but keeps a count without one from being read in 件;
 * and marked with a !, a unit it gives that the vocabulary does not know (单位：万人, or 万人 alone), which no value
 * without its own is read in (vocabulary.ts noteUnitFor).
 */
export function noteUnits(row: readonly string[]): string[] {
  return row.flatMap((c) => {
    const text = ascii(c.trim());
    // (a cell that is a unit alone, 万元 or （万元）, at the end of a note row: the table's, as 单位：万元 is)
    const alone = unitAlone(text);
    if (alone && row.length > 1) return [alone];
    if (row.length > 1 && UNKNOWN_UNIT.test(text)) return [`!${text.replace(/^[(（]|[)）]$/g, '')}`];
    const pieces = [...text.matchAll(NOTE_UNITS)].flatMap((m) => m[1]!.split(BETWEEN_UNITS));
    const given = pieces.filter((u) => unitOf(u) !== null);
    const unknown = pieces.filter((u) => unitOf(u) === null && UNKNOWN_UNIT.test(u));
    const named = [...text.matchAll(SCALED)].map((m) => m[0]).filter((u) => !given.includes(u));
    return [...given, ...named.map((u) => `?${u}`), ...unknown.map((u) => `!${u}`)];
  });
}

/**
 * A unit of a quantity the vocabulary does not know (万人, 吨, 万美元, 亩, 千件, 百件, 千人次), in brackets or not:
 * no office (县人社局), and no % (a growth rate's, never a count's: those columns are not imported). A unit the
 * vocabulary knows (件, 万件) is never taken for one (noteUnits asks unitOf first).
 */
const UNKNOWN_UNIT =
  /^[(（]?[万亿千百十]?(?:人次?|件|个|家|户|单|票|吨|公斤|千克|斤|名|场|期|美元|亩|平方米|米|辆|台|套|头|只|箱)[)）]?$/;

/** A cell's label and what follows it: 填报单位：东港市商务局 → 填报单位, 东港市商务局. */
const LABELLED = /^([^:：]{1,12})[:：]\s*(.*)$/s;
/** Labels of a date, not of the data's period: 填报日期, 制表时间, 填报：2024年1月5日 (统计时间 is the period's). */
const DATE_LABEL = /日期|(?<!统计)时间|有效期|批准|发布|印发|^(?:填报|填表|制表|报送|审核|打印)(?!单位)/;
/** Labels under which a report names its own place: 填报单位：东港市商务局. */
const PLACE_LABEL = /^(?:填报单位|报送单位|填报机关|单位名称|县区|区县|县\(市、?区\)|地区)$/;
/** A cell that names a period: 2023年, 2023年度, 2023年3月, 2023年1-3月, 2023-03. */
const PERIOD =
  /^(?:19|20)\d{2}\s*年(?:度|\s*\d{1,2}\s*(?:[-–—－~～至]\s*\d{1,2}\s*)?月份?)?$|^(?:19|20)\d{2}[-/.]\d{1,2}$/;

/** Whether a cell is labelled (填报单位：…, 单位：万元), names a period (2023年3月) or is a unit alone (万元, （万元）). */
const labelledOrPeriod = (c: string) =>
  /[:：]/.test(c) || PERIOD.test(ascii(c).replace(/\s/g, '')) || unitAlone(c) !== null;

/** A cell that is a unit of the vocabulary alone, in brackets or not (万元, （万元）), or null. */
const unitAlone = (c: string) => {
  const u = /^[(（]?([^()（）]{1,4})[)）]?$/.exec(ascii(c.trim()))?.[1]?.trim();
  return u && unitOf(u) !== null ? u : null;
};

/**
 * Whether a row above the header is a title or note row: one cell that is not a number (a title merged across the
 * sheet), or cells that are all labelled or periods but for one (东港市…统计月报 | 表号：商电统01表; 填报单位：… |
 * 2023年3月 | 单位：万元).
 */
export function isHeadingRow(row: string[]): boolean {
  const cells = row.map((c) => c.trim()).filter(Boolean);
  if (cells.length === 1) return !/^[\d.,\-+]+$/.test(cells[0]!);
  const plain = cells.filter((c) => !labelledOrPeriod(c));
  return cells.length >= 2 && plain.length <= 1 && plain.every((c) => !/^[\d.,\-+]+$/.test(c));
}

/** Reads a title or note row above the header into what the heading has said. */
export function readHeadingRow(h: Heading, row: string[], line: number, county: CountyLookup): void {
  h.read++;
  // unit notes, cell by cell (填报单位：… | 单位：万件 | 2023年3月)
  addUnits(h, row);
  for (const raw of row) {
    // (二〇二三年三月 read as 2023年3月)
    const cell = arabicDates(headerCell(raw));
    if (!cell) continue;
    for (const y of dataYears(cell)) h.years.add(y);
    const [, label = '', value = cell] = LABELLED.exec(cell) ?? [];
    const key = label.replace(/\s/g, '');
    if (!key || PLACE_LABEL.test(key)) h.places.push(...placesIn(value, line, county));
    if (!DATE_LABEL.test(key)) h.months.push(...monthsIn(value, line));
    h.own ??= /我[县市区旗]|本[县市区旗](?![（(]市)/.exec(cell)?.[0] ?? null;
    // (累计 without 本月: running sums, not the month's figures; 本月及累计 names both)
    const cumulative = /累计/.test(cell) && !/本月|当月|本期/.test(cell);
    if (cumulative) h.cumulative = true;
    if (
      !DATE_LABEL.test(key) &&
      (cumulative || NOT_A_MONTH.test(cell) || RANGE.test(cell.replace(/\s/g, '')))
    )
      h.notAMonth ??= { raw: cell, line };
    if (TOWNSHIPS.test(cell)) h.townships = true;
  }
}

/** Adds the units a note row gives to those the heading has; whether it gave any. */
export function addUnits(h: Heading, row: readonly string[]): boolean {
  const units = noteUnits(row);
  for (const u of units) if (!h.units.includes(u)) h.units.push(u);
  return units.length > 0;
}

/**
 * Reads a sheet's name as a heading (line 0): a workbook with a sheet per county (东港市) or per month (1月, 2023年3月)
 * names them there. A name that names neither (Sheet1, 汇总) says nothing.
 */
export function readSheetName(h: Heading, name: string, county: CountyLookup): void {
  const cell = arabicDates(ascii(name).trim());
  const places = placesIn(cell, 0, county);
  // (a sheet named 202404, as a month's sheet is often named)
  const yyyymm = /^((?:19|20)\d{2})(0[1-9]|1[0-2])$/.exec(cell);
  const months = yyyymm ? monthsIn(`${yyyymm[1]}年${Number(yyyymm[2])}月`, 0) : monthsIn(cell, 0);
  const month = /^\d{1,2}月份?$/.test(cell) ? cell : null;
  if (!places.length && !months.length && !month) return;
  h.read++;
  h.places.push(...places);
  h.months.push(...months);
  h.sheetMonth = month;
}

/**
 * The years a title or note cell names for its data: 某县2023年电子商务统计月报 and 统计期：2023年 name 2023; a
 * filing date (填报日期：2024年1月5日, 制表日期：…, a cell labelled 填报…, 日期 or 时间, or such a part in brackets)
 * names none.
 */
export function dataYears(cell: string): string[] {
  const label = LABELLED.exec(cell)?.[1] ?? '';
  if (DATE_LABEL.test(label) || /^(?:填报|填表|制表|报送|审核|打印)/.test(label)) return [];
  // (a full date, 2023年4月5日, is when the report was filed or signed, not its data's year)
  return [
    ...withoutFilingParts(cell).matchAll(/((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日)/g),
  ].map((m) => m[1]!);
}

/** A cell without its bracketed filing parts: 东港市2023年月报（填报日期：2024年1月5日） → 东港市2023年月报. */
const withoutFilingParts = (cell: string) =>
  cell.replace(/[（(][^）)]*(?:填报|填表|制表|报送|日期)[^）)]*[）)]/g, '');

/**
 * The places a cell names where a report names its own: the name that opens it (东港市电子商务…, 丹东市东港市…,
 * 东港市商务局), in each part of a list (东港市、凤城市…), each with its county (null for a prefecture or a name
 * the reference does not know).
 */
function placesIn(text: string, line: number, county: CountyLookup) {
  return text.split(/[、，,；;及]/).flatMap((piece) => {
    // (a title may open with its period: 2024年3月岫岩满族自治县…)
    const part = piece.trim().replace(LEADING_PERIOD, '');
    const p = placeAtStart(part);
    if (!p) {
      // a township named alone (孤山镇人民政府, a sheet named 孤山镇)
      const township = TOWNSHIP_AT_START.exec(part)?.[0];
      return township ? [{ raw: township, line, code: null }] : [];
    }
    // a place below the county, or anything else after its name (东港市孤山镇, 东港市城区, 东港市等3县): no county's
    const rest = part.slice(p.end);
    if (!COUNTY_FOLLOWED.test(rest)) return [{ raw: `${p.name}${rest.slice(0, 4)}`, line, code: null }];
    const c = county(p.name);
    return [{ raw: p.name, line, code: 'code' in c ? c.code : null }];
  });
}

/** A period opening a title: 2024年, 2024年度, 2024年3月份, 2024年1-3月 (二〇二四年三月 read as 2024年3月 before). */
const LEADING_PERIOD = /^(?:19|20)\d{2}\s*年度?\s*(?:\d{1,2}\s*(?:[-–—－~～至到]\s*\d{1,2}\s*)?月份?)?\s*/;

/** Days written in digits (2024.3.1, 2024-03-31, and 3/31 after a range's dash) as 2024年3月1日, 3月31日. */
const inWords = (text: string) =>
  text
    .replace(
      /((?:19|20)\d{2})([./-])(\d{1,2})\2(\d{1,2})(?!\d)/g,
      (_, y: string, _s: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`,
    )
    .replace(
      /([-–—－~～至到])(\d{1,2})[./](\d{1,2})(?![\d./])/g,
      (_, r: string, m: string, d: string) => `${r}${Number(m)}月${Number(d)}日`,
    );

/** The months a cell names as one month (2023年3月, 2023-03), not a range (2023年1-3月) or a day (2023年3月5日). */
function monthsIn(text: string, line: number) {
  const plain = ascii(withoutFilingParts(text)).replace(/\s/g, '');
  // a month from its first day to its last (2023年3月1日—3月31日, and in digits: 2024.3.1-2024.3.31,
  // 2024-03-01至2024-03-31, 2024/3/1—3/31) names it
  const whole = /((?:19|20)\d{2})年(\d{1,2})月1日[-–—－~～至到]+(?:\1年)?\2月(\d{2})日/.exec(inWords(plain));
  if (whole) {
    const month = monthOf(`${whole[1]}年${whole[2]}月`);
    const last = month && new Date(Date.UTC(Number(whole[1]), Number(whole[2]), 0)).getUTCDate();
    return month && Number(whole[3]) === last ? [{ raw: `${whole[1]}年${whole[2]}月`, month, line }] : [];
  }
  // a range of months (2023年1月至2023年6月, 1月份-3月份) names none of them
  if (RANGE.test(plain)) return [];
  if (PERIOD.test(plain)) {
    const month = monthOf(plain);
    return month ? [{ raw: plain, month, line }] : [];
  }
  return [...plain.matchAll(/((?:19|20)\d{2})年(\d{1,2})月份?(?![-–—－~～至到]|\d{1,2}日)/g)].flatMap((m) => {
    const month = monthOf(m[0]);
    return month ? [{ raw: m[0], month, line }] : [];
  });
}

/**
 * The county and month the heading settles: one county (however often named) and one month; what it names when it
 * settles no county, for the refusal's message.
 */
export function settle(h: Heading): {
  county?: Given;
  month?: Given;
  countyNamed: string;
  period?: Given;
} {
  const codes = new Set(h.places.map((p) => p.code));
  const place = codes.size === 1 && !codes.has(null) ? h.places[0] : undefined;
  // a sheet's month without its year (1月) takes the one year the rows name, else it names none
  const year = h.years.size === 1 ? [...h.years][0] : undefined;
  const dated = [...h.months];
  if (h.sheetMonth) {
    const month = year ? monthOf(`${year}年${h.sheetMonth}`) : null;
    dated.push({ raw: h.sheetMonth, month: month ?? h.sheetMonth, line: 0 });
  }
  const months = new Set(dated.map((m) => m.month));
  const month =
    months.size === 1 && !h.notAMonth && /^\d{4}-\d{2}$/.test(dated[0]!.month) ? dated[0] : undefined;
  const named = [...new Set(h.places.map((p) => p.raw))];
  return {
    ...(place && { county: { raw: place.raw, line: place.line } }),
    ...(month && { month: { raw: month.raw, line: month.line } }),
    countyNamed: named.length ? named.join('、') : (h.own ?? ''),
    ...(h.notAMonth && { period: h.notAMonth }),
  };
}
