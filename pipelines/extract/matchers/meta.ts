import { asWritten, type Doc, type Line } from '../../normalize/doc.ts';
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
 * letter O for a zero. Returned in the canonical form 乳府办〔2021〕47号; the span keeps what was printed.
 */
export function docNumber(doc: Doc): Found<string> | null {
  const re =
    /^([\p{Script=Han}]{1,12}?)\s*[〔[【﹝{(<「]\s*((?:19|20|l9|2O)[\dOo]{2})\s*[〕\]】﹞})>」]\s*第?\s*([\dOo]{1,4})\s*号/u;
  for (const line of header(doc)) {
    const m = re.exec(line.text);
    if (!m) continue;
    const digits = (s: string) => s.replace(/[Oo]/g, '0').replace(/l/g, '1');
    const value = `${m[1]}〔${digits(m[2]!)}〕${Number(digits(m[3]!))}号`;
    return { value, nstart: line.start + m.index, nend: line.start + m.index + m[0].length };
  }
  return null;
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

const TITLE_TYPES =
  /(?:实施方案|工作方案|建设方案|调整方案|方案|管理办法|办法|细则|报告|总结|通知|意见|计划)$/;

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
    if (/关于|通知$/.test(t)) continue;
    return { value: asWritten(doc, line.start, line.end), nstart: line.start, nend: line.end };
  }
  return notice;
}

/** The kind of document, from its title, else from how its body refers to itself. */
export function docType(doc: Doc, titleText: Found<string> | null): Found<DocType> {
  if (titleText) {
    const t = doc.text.slice(titleText.nstart, titleText.nend);
    const at = { nstart: titleText.nstart, nend: titleText.nend };
    if (/调整|变更|修订/.test(t) && /方案|计划/.test(t)) return { value: 'revision', ...at };
    if (/资金.{0,6}管理|管理办法|管理细则|实施细则|资金使用办法/.test(t))
      return { value: 'fund_rules', ...at };
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

const ADMIN = /^(.{2,10}?(?:自治县|自治旗|自治州|特区|林区|县|市|区|旗|省|自治区))/;

/**
 * The county the document is about, as written: the place name that opens the title (the last of a chain such
 * as 丹东市东港市), else a county named in 《…》 in the body, else the most frequent known county name.
 */
export function countyName(
  doc: Doc,
  titleText: Found<string> | null,
  known: readonly string[],
): Found<string> | null {
  const fromStart = (at: number, s: string): Found<string> | null => {
    let pos = 0;
    let last: Found<string> | null = null;
    for (let k = 0; k < 3; k++) {
      const m = ADMIN.exec(s.slice(pos));
      if (!m || /[0-9年]/.test(m[1]!)) break;
      const name = m[1]!;
      if (!/(?:省|自治区)$/.test(name))
        last = { value: name, nstart: at + pos, nend: at + pos + name.length };
      pos += name.length;
    }
    return last;
  };
  if (titleText) {
    const t = doc.text.slice(titleText.nstart, titleText.nend);
    const found = fromStart(titleText.nstart, t);
    if (found) return found;
  }
  for (const m of doc.text.matchAll(/《([^《》]{2,12}?(?:自治县|县|市|区|旗))(?:\d{4}|二〇)/g)) {
    const s = m.index + 1;
    return { value: m[1]!, nstart: s, nend: s + m[1]!.length };
  }
  let best: Found<string> | null = null;
  let bestCount = 0;
  for (const name of known) {
    const first = doc.text.indexOf(name);
    if (first === -1) continue;
    const count = doc.text.split(name).length - 1;
    if (count > bestCount) {
      best = { value: name, nstart: first, nend: first + name.length };
      bestCount = count;
    }
  }
  return best;
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
