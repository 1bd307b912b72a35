import { asWritten, type Doc, type Line } from '../../normalize/doc.ts';
import { placeAtStart, WORD_GOES_ON } from '../../reference/resolve.ts';
import { parseNumber } from '../numbers.ts';
import type { Cited, DocType } from '../types.ts';
import { DATE, isoDate } from './dates.ts';

/** A value cited by a normalized range (mapped to the original by the caller). */
export interface Found<T> {
  value: T;
  nstart: number;
  nend: number;
}

export const cite = <T>(doc: Doc, f: Found<T> | null): Cited<T> | null => {
  if (!f) return null;
  const { start, end } = doc.span(f.nstart, f.nend);
  return { value: f.value, start, end };
};

/** The header of a document: the lines before its body starts (at most 40, up to the first long paragraph). */
function header(doc: Doc): Line[] {
  const out: Line[] = [];
  for (const line of doc.lines.slice(0, 40)) {
    if (line.text.length > 90 || /^[一二三四五六七八九十]、/.test(line.text)) break;
    out.push(line);
  }
  return out;
}

/**
 * 文号: “乳府办〔2021〕47号” on a line of its own in the header, in any bracket (〔〕 [] () 【】 ﹝﹞) and with the
 * letter O for a zero. Returned in the canonical form 乳府办〔2021〕47号; the span keeps what was printed. A number
 * garbled by conversion, its closing bracket lost and the digits run together (某政发〔201912), is read when it
 * settles: at the start of a header line, a year of 19xx or 20xx, then a number of one to four digits.
 */
export function docNumber(doc: Doc): Found<string> | null {
  const re =
    /^([\p{Script=Han}]{1,12}?)\s*[〔[【﹝{(<「]\s*((?:19|20|l9|2O)[\dOo]{2})\s*[〕\]】﹞})>」]\s*第?\s*([\dOo]{1,4})\s*号/u;
  // (its line break may have been joined to the next line: the digits end where the next word begins)
  const garbled =
    /^([\p{Script=Han}]{1,12}?)\s*[〔[【﹝(]\s*((?:19|20)\d{2})(\d{1,4})(?![\d〕\]】﹞)）])\s*号?/u;
  for (const line of header(doc)) {
    const m = re.exec(line.text) ?? garbled.exec(line.text);
    if (!m) continue;
    const digits = (s: string) => s.replace(/[Oo]/g, '0').replace(/l/g, '1');
    const value = `${m[1]}〔${digits(m[2]!)}〕${Number(digits(m[3]!))}号`;
    return { value, nstart: line.start + m.index, nend: line.start + m.index + m[0].length };
  }
  return null;
}

/** A web page's 来源/发布时间 line, as pipelines/read/html.ts keeps it under the title. */
// the source runs to the next label (the line's spaces are gone in the normalized text)
const SOURCE_LABEL =
  /(?:信息来源|来源|发布机构)[:：]\s*([^\s\u3000:：]+?)(?=[\s\u3000]|发布|时间|日期|作者|点击|浏览|阅读|字号|【|$)/;
const PUBLISHED_LABEL = /(?:发布时间|发布日期|时间|日期)[:：]\s*/g;

/**
 * Who published a web page and when, from its 来源/发布时间 line near the top: a publication date, kept apart
 * from the date of issue (issuedOn), which only the document itself states.
 */
export function publication(doc: Doc): { on: Found<string> | null; by: Found<string> | null } {
  let on: Found<string> | null = null;
  let by: Found<string> | null = null;
  for (const line of doc.lines.slice(0, 6)) {
    const source = SOURCE_LABEL.exec(line.text);
    if (source && !by && !/资金/.test(line.text.slice(0, source.index)))
      by = {
        value: source[1]!,
        nstart: line.start + source.index,
        nend: line.start + source.index + source[0].length,
      };
    PUBLISHED_LABEL.lastIndex = 0;
    for (const label of line.text.matchAll(PUBLISHED_LABEL)) {
      if (on) break;
      const after = line.text.slice(label.index + label[0].length);
      DATE.lastIndex = 0;
      const m = DATE.exec(after);
      const value = m?.index === 0 ? isoDate(m) : null;
      if (value)
        on = {
          value,
          nstart: line.start + label.index,
          nend: line.start + label.index + label[0].length + m![0].length,
        };
    }
  }
  return { on, by };
}

/** The issuing body: the header line “…文件”, or the subject of “…关于印发…的通知”. */
export function issuer(doc: Doc): Found<string> | null {
  const lines = header(doc);
  for (const line of lines) {
    const m = /^(.{4,40}?)文件$/.exec(line.text);
    if (m)
      return {
        value: asWritten(doc, line.start, line.start + m[1]!.length),
        nstart: line.start,
        nend: line.start + m[1]!.length,
      };
  }
  for (const line of lines) {
    const m = /^(.{4,40}?)关于(?:印发|下发|转发)/.exec(line.text);
    if (m)
      return {
        value: asWritten(doc, line.start, line.start + m[1]!.length),
        nstart: line.start,
        nend: line.start + m[1]!.length,
      };
  }
  return null;
}

/** The date of issue: the first date standing alone on a line near the top (or “…印发” near the end). */
export function issuedOn(doc: Doc): Found<string> | null {
  const candidates = [...doc.lines.slice(0, 40), ...doc.lines.slice(-15)];
  for (const line of candidates) {
    const t = line.text.replace(/\s/g, '');
    DATE.lastIndex = 0;
    const m = DATE.exec(t);
    if (m?.index !== 0) continue;
    const rest = t.slice(m[0].length);
    if (rest !== '' && !/^(?:印发|发布|签发)?$/.test(rest)) continue;
    const value = isoDate(m);
    if (value)
      return {
        value,
        nstart: line.start,
        nend: line.start + line.text.length - (line.text.length - line.text.trimEnd().length) - rest.length,
      };
  }
  return null;
}

// a title ends with its kind, perhaps with a note in brackets after it (实施方案（调整）, 计划（2021—2023年）)
const TITLE_TYPES =
  /(?:实施方案|工作方案|建设方案|调整方案|方案|管理办法|办法|细则|报告|总结|通知|意见|计划|公告|公示)(?:[（(][^（()）]{1,14}[)）])?$/;
/** This programme, named: a document that never names it is a look-alike (县域商业, 农村淘宝, a three-year plan). */
const PROGRAMME =
  /电子商务进农村|电商进农村|进农村综合示范|电子商务综合示范|农村电子商务综合示范|电商扶贫|电子商务脱贫/;

/** The document's title: the plan's own title line, else the title inside “关于印发《…》的通知”. */
export function title(doc: Doc): Found<string> | null {
  let notice: Found<string> | null = null;
  for (const line of doc.lines.slice(0, 40)) {
    const t = line.text;
    if (t.length > 80 || t.includes('。') || !TITLE_TYPES.test(t)) continue;
    const inner = /关于(?:印发|下发|转发)《?(.+?)》?的?通知$/.exec(t);
    if (inner) {
      const s = line.start + inner.index + inner[0].indexOf(inner[1]!);
      notice ??= { value: asWritten(doc, s, s + inner[1]!.length), nstart: s, nend: s + inner[1]!.length };
      continue;
    }
    if (/^特此/.test(t)) continue;
    // a notice that publishes another document names it above; a 关于…的公示/公告 is the document itself
    if ((/关于/.test(t) && !/的(?:公示|公告)$/.test(t)) || /通知$/.test(t)) continue;
    return { value: asWritten(doc, line.start, line.end), nstart: line.start, nend: line.end };
  }
  return notice;
}

/**
 * The kind of document, from its title, else from how its body refers to itself; `other` for a document that
 * never names this programme, whatever its kind (a 县域商业 fund rule, a 农村淘宝 news item).
 */
export function docType(doc: Doc, titleText: Found<string> | null): Found<DocType> {
  const kind = kindOf(doc, titleText);
  return PROGRAMME.test(doc.text) ? kind : { value: 'other', nstart: kind.nstart, nend: kind.nend };
}

/** The kind a document says it is, from its title, else from how its body refers to itself. */
function kindOf(doc: Doc, titleText: Found<string> | null): Found<DocType> {
  if (titleText) {
    const t = doc.text.slice(titleText.nstart, titleText.nend);
    const at = { nstart: titleText.nstart, nend: titleText.nend };
    if (/调整|变更|修订/.test(t) && /方案|计划/.test(t)) return { value: 'revision', ...at };
    if (/资金.{0,6}管理|管理办法|管理细则|实施细则|资金使用办法/.test(t))
      return { value: 'fund_rules', ...at };
    if (/招标|采购|中标|成交|比选|询价|磋商/.test(t) && /公告|公示|结果|文件/.test(t))
      return { value: 'tender', ...at };
    if (/验收/.test(t) && /报告|意见|结果|公示/.test(t)) return { value: 'acceptance', ...at };
    if (/自评|绩效|进展|总结|报告|评估/.test(t)) return { value: 'report', ...at };
    if (/方案/.test(t)) return { value: 'plan', ...at };
  }
  const cues: [RegExp, DocType][] = [
    [/制定本(?:实施|工作)?方案|本(?:实施)?方案|特制定.{0,4}方案/, 'plan'],
    [/本办法|本细则/, 'fund_rules'],
    [/本报告|自评报告|绩效自评/, 'report'],
    [/记者|本报讯|通讯员|新华社|日电|据.{1,8}报道/, 'news'],
  ];
  for (const [re, type] of cues) {
    const m = re.exec(doc.text);
    if (m) return { value: type, nstart: m.index, nend: m.index + m[0].length };
  }
  return { value: 'other', nstart: 0, nend: 0 };
}

// what follows a place's name where a document names who issued it: 人民政府(办公室), 商务局, 发展和改革委员会…
const BODY = /^(?:人民政府|人民政府办公室|委员会|办公室|党委|[^\s，。、]{0,8}?(?:局|委|办))/;

/** Why a document has no county: it names several places, or only itself (我县, 本县). */
export type PlaceNote =
  | { kind: 'several'; names: Found<string>[] }
  | { kind: 'own'; at: Found<string> }
  | null;

/** The known names that occur in `s` (at `at` in the text) as names, not inside an ordinary word; longest first. */
function namesIn(s: string, at: number, known: readonly string[], after?: RegExp): Found<string>[] {
  const found: Found<string>[] = [];
  for (const name of [...known].sort((a, b) => b.length - a.length))
    for (let k = s.indexOf(name); k !== -1; k = s.indexOf(name, k + 1)) {
      const rest = s.slice(k + name.length);
      if (WORD_GOES_ON.test(rest) || (after && !after.test(rest))) continue;
      // inside a longer name already found (金口河区 in 乐山市金口河区 is fine; 东港 in 东港市 is not a second name)
      if (found.some((f) => f.nstart <= at + k && at + k + name.length <= f.nend)) continue;
      found.push({ value: name, nstart: at + k, nend: at + k + name.length });
    }
  return found.sort((a, b) => a.nstart - b.nstart);
}

/** One place from a step's names: the one named (however often), or a note naming each when there are several. */
function settle(names: Found<string>[]): { found: Found<string> | null; note: PlaceNote } | null {
  const distinct = [...new Map(names.map((n) => [n.value, n])).values()];
  if (distinct.length === 1) return { found: distinct[0]!, note: null };
  if (distinct.length > 1) return { found: null, note: { kind: 'several', names: distinct } };
  return null;
}

/**
 * The county the document is about, as written, read only where a document names its place: the place name
 * that opens the title (the last of a chain such as 丹东市东港市), the issuing body above the title or in the
 * signature (峨边彝族自治县人民政府办公室), 我县（金口河区）, a county's plan named in 《…》, the opening sentence.
 * A name inside an ordinary word (合作市场) is no place. A document that names several places at the first step
 * that names any, or only itself (我县), gets no county and a note saying why; nothing is guessed from names
 * found elsewhere in the text.
 */
export function countyName(
  doc: Doc,
  titleText: Found<string> | null,
  known: readonly string[],
): { found: Found<string> | null; note: PlaceNote } {
  const fromStart = (at: number, s: string): Found<string> | null => {
    const p = placeAtStart(s);
    return p && { value: p.name, nstart: at + p.start, nend: at + p.end };
  };
  if (titleText) {
    const found = fromStart(titleText.nstart, doc.text.slice(titleText.nstart, titleText.nend));
    if (found) return { found, note: null };
  }
  const steps: (() => Found<string>[])[] = [
    // the issuing body: a short line above the title, or in the signature at the end
    () =>
      [...doc.lines.slice(0, 6), ...doc.lines.slice(-12)]
        .filter((l) => l.text.length <= 60 && !l.text.includes('。'))
        .flatMap((l) => namesIn(l.text, l.start, known, BODY)),
    // 我县（金口河区）, 本县（…）
    () =>
      [...doc.text.matchAll(/[我本][县市区旗][（(]([^（()）]{2,15})[）)]/g)].flatMap((m) =>
        // only a known name in the brackets (not 本县（市、区）or 我县（以下简称“项目县”）)
        namesIn(m[1]!, m.index + m[0].indexOf(m[1]!), known).filter((n) => n.value === m[1]),
      ),
    // a county's plan named in 《…》 with its year: 《金口河区2018年…》
    () =>
      [...doc.text.matchAll(/《([^《》]{2,12}?(?:自治县|县|市|区|旗))(?:\d{4}|二〇)/g)].map((m) => ({
        value: m[1]!,
        nstart: m.index + 1,
        nend: m.index + 1 + m[1]!.length,
      })),
    // the opening sentence: the first line of the body that reads as prose
    () => {
      // not the addressees (各乡（镇）人民政府，县直各部门：)
      const opening = doc.lines
        .slice(0, 25)
        .find((l) => l.text.length > 15 && /[。，]/.test(l.text) && !/[:：]$/.test(l.text));
      return opening ? namesIn(opening.text.split('。')[0]!, opening.start, known) : [];
    },
  ];
  for (const step of steps) {
    const settled = settle(step());
    if (settled) return settled;
  }
  // 我县, 本县; not 本市 inside 社会资本市场化
  const own = /我[县市区旗]|(?<!资)本[县市区旗]/.exec(doc.text);
  return {
    found: null,
    note: own
      ? { kind: 'own', at: { value: own[0], nstart: own.index, nend: own.index + own[0].length } }
      : null,
  };
}

/** The programme year: “2019年电子商务进农村综合示范” in the title, else the first such mention in the body. */
export function programYear(doc: Doc, titleText: Found<string> | null): Found<number> | null {
  const re =
    /((?:19|20)\d\d|二〇[一二三四五六七八九〇]{2})年度?(?:国家级|省级|全国)?[^,，。;；]{0,8}?(?:电子商务进农村|电商进农村|电子商务脱贫|电商扶贫|综合示范|示范县)/g;
  const scan = (from: number, to: number) => {
    for (const m of doc.text.slice(from, to).matchAll(re)) {
      const y = parseNumber(m[1]!);
      if (y !== null) return { value: y, nstart: from + m.index, nend: from + m.index + m[0].length };
    }
    return null;
  };
  return (titleText ? scan(titleText.nstart, titleText.nend) : null) ?? scan(0, doc.text.length);
}

/** National or provincial programme: from the title, else the first “国家级/全国/省级 … 电子商务 … 示范” in the body. */
export function programLevel(
  doc: Doc,
  titleText: Found<string> | null,
): Found<'national' | 'provincial'> | null {
  const re = /(国家级|全国|国家|省级)[^,，。;；]{0,12}?(?:电子商务|电商)[^,，。;；]{0,14}?示范/g;
  const scan = (from: number, to: number): Found<'national' | 'provincial'> | null => {
    for (const m of doc.text.slice(from, to).matchAll(re)) {
      const value = m[1] === '省级' ? 'provincial' : 'national';
      return { value, nstart: from + m.index, nend: from + m.index + m[0].length };
    }
    return null;
  };
  return (titleText ? scan(titleText.nstart, titleText.nend) : null) ?? scan(0, doc.text.length);
}
