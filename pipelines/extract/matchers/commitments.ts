/**
 * The commitments a plan makes beyond its figures, each a sentence (or a schedule row) of the text: what must be
 * done, by whom, by when, how often, and with what money held back. And the public channels it names (a phone
 * number, a complaint window, a site column). Read from the normalized text; spans map back to the original.
 *
 * A sentence is a commitment when it says one of these (the first that applies is its kind):
 * - funding_condition: money paid in tranches, the rest on a condition (先期拨付…合格后再拨付剩余500万);
 * - reporting: something to report or submit (报送, 上报, 报市商务局), with its rhythm (每月25日前, 以季为单位);
 * - disclosure: something to publish (公开…方案、资金安排, 专栏, 公示, 披露), not 公开招标 or 此件公开;
 * - procurement: choosing who carries it out (招投标, 政府采购, 遴选承办企业, 确定服务商);
 * - acceptance: acceptance and evaluation (验收, 绩效评价, 中期评估);
 * - supervision: oversight (督查, 监理, 举报, 审计);
 * - task: a duty with an owner (由X负责, X牵头, a duties paragraph under a heading naming units: 乳源 §八) or a
 *   schedule row with a deadline (乳源 附件1: 项目招投标 … 2022年4月前).
 * A sentence in none of these is not a commitment: the ledger never invents a duty.
 */
import type { Doc, Line } from '../../normalize/doc.ts';
import { asWritten } from '../../normalize/doc.ts';
import type { Commitment, CommitmentKind, Contact } from '../types.ts';

/** A unit of government or a party to the plan, as plans name them (县工信局, 市商务局, 承办企业). */
const UNIT =
  /(?:(?:[\u4e00-\u9fa5]{2,7}?(?:县|市|区|州|旗))|县|市|区|州|省|乡镇|各乡镇|各)(?:人民政府|政府办公室|政府办|[\u4e00-\u9fa5]{1,8}?(?:局|办公室|办|委员会|委|厅|社|领导小组|公司|集团))|(?:项目)?(?:承办(?:企业|主体|单位)|中标企业|服务商|实施企业)/g;

const FUNDING =
  /(?:先期|首期|分期|分批|剩余|余下|后期|尾款).{0,24}?拨付|拨付.{0,12}?(?:剩余|余下)|合格后.{0,20}?拨付|按.{0,10}?(?:进度|合同).{0,12}?拨付|为.{0,12}?拨付提供依据/;
const REPORTING = /报送|上报|报告|报备|汇报|报(?:市|县|区|省)[\u4e00-\u9fa5]{0,8}?(?:局|厅|办|小组)/;
const DISCLOSURE = /公开|公示|披露|公布|专栏/;
/** 公开 that is not a duty to publish: an open tender, or the document's own note (此件公开, 主动公开). */
const NOT_DISCLOSURE =
  /公开(?:招标|招投标|遴选|竞争|选聘|择优|比选|征集|透明)|主动公开|此件公开|公开发布\)|免费公开/g;
const DISCLOSED = /方案|项目|资金|进度|信息|成效|情况|制度|标准|结果|专栏|名单/;
const PROCUREMENT =
  /招投标|招标|政府采购|比选|遴选|竞争性|确定.{0,8}?(?:服务商|承办|企业主体|实施企业)|中标|聘请|签订.{0,8}?合同|落实承建企业/;
const ACCEPTANCE = /验收|绩效评价|绩效评估|中期评估|第三方评估|考核评估/;
const SUPERVISION = /督查|督导|督促|监督|监理|监管|举报|投诉|审计|纪检|巡查|检查/;
/** oversight of a market, not of the plan: 行业企业自律、社会监督, 产品品质…监督 */
const NOT_SUPERVISION = /行业企业自律|社会监督|产品品质|生产过程|网络商品交易|市场监管|监督和管理/;
const STRONG_SUPERVISION = /监理|督查|巡查/;
const OWNER = /由(.{2,30}?)(?:负责|牵头|组织|实施)|(?:责任单位|牵头单位|牵头部门)[:：]/;
/** a subject that must do something: 市商务局要会同…, 领导小组办公室要做好…, 电子商务公共服务中心要负责… */
const SUBJECT_DUTY =
  /^[^，,。；]{2,24}?(?:要|须|应当|必须)(?:负责|做好|加强|会同|按|及时|定期|确保|指定|完成|落实)|^负责/;

/** A due date, month or rhythm as written. */
const DUE_DATE = /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日(?:前|之前|以前)/;
const DUE_MONTH = /((?:19|20)\d{2})年(\d{1,2})月(?:底|末|份)?(?:前|之前|以前|底前|完成)/;
const MONTHLY_DAY = /每月(\d{1,2})日(?:前|之前|以前)/;
const RHYTHM: [RegExp, NonNullable<Commitment['recurrence']>][] = [
  [/每月|按月|月报/, 'monthly'],
  [/每季|按季|季度|以季为单位|季报/, 'quarterly'],
  [/每半年|半年度/, 'half_yearly'],
  [/每年|年度报告|年报/, 'yearly'],
  [/定期/, 'periodic'],
];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The kinds of commitment a sentence states, in the order above; a sentence may state two (验收结果报省商务厅备案 is
 * acceptance and reporting). A task only when it states none of the others.
 */
function kindsOf(s: string, owned: boolean, due: boolean): CommitmentKind[] {
  const kinds: CommitmentKind[] = [];
  if (FUNDING.test(s)) kinds.push('funding_condition');
  // a supervisor's 《项目进度报告书》 is oversight, not a duty to report
  if (REPORTING.test(s) && !(STRONG_SUPERVISION.test(s) && /报告书/.test(s))) kinds.push('reporting');
  const plain = s.replace(NOT_DISCLOSURE, '');
  if (DISCLOSURE.test(plain) && DISCLOSED.test(plain)) kinds.push('disclosure');
  if (PROCUREMENT.test(s)) kinds.push('procurement');
  if (ACCEPTANCE.test(s)) kinds.push('acceptance');
  if (SUPERVISION.test(s) && !NOT_SUPERVISION.test(s)) kinds.push('supervision');
  if (!kinds.length && (owned || due)) kinds.push('task');
  return kinds;
}

/** The units a piece of text names, in order, each once. */
function unitsIn(s: string): string[] {
  return [...new Set([...s.matchAll(UNIT)].map((m) => m[0]))];
}

/** Who is responsible and who cooperates, where the sentence says so (由…负责, …牵头, 会同/配合 …). */
function parties(s: string, section: string[]): { responsible: string[]; cooperating: string[] } {
  const owner = OWNER.exec(s);
  const cooperate = /(?:会同|配合|协助|联合)(.{2,30}?)(?:[,，。；]|$)/.exec(s);
  const cooperating = cooperate ? unitsIn(cooperate[1]!) : [];
  let responsible: string[] = [];
  if (owner?.[1]) responsible = unitsIn(owner[1]);
  else if (owner) responsible = unitsIn(s.slice(owner.index + owner[0].length));
  else {
    // a unit at the start of the sentence that leads or takes charge: 县工信局牵头, 承办主体每月…报
    const lead = /^(.{2,24}?)(?:牵头|负责|统筹|组织|会同)/.exec(s);
    if (lead) responsible = unitsIn(lead[1]!);
    if (!responsible.length) {
      const subject = /^(.{2,24}?)(?:每月|每季|按时|定期|要|应|须|必须|将)/.exec(s);
      if (subject) responsible = unitsIn(subject[1]!);
      // a body the unit pattern does not know (领导小组办公室, 项目运营管理中心), named as the subject
      if (!responsible.length && subject && /(?:小组|办公室|中心|单位|企业|主体|部门)$/.test(subject[1]!))
        responsible = [subject[1]!.replace(/^[(（]?[一二三四五六七八九十\d]+[)）、.]/, '')];
    }
  }
  if (!responsible.length) responsible = section;
  return { responsible, cooperating: cooperating.filter((u) => !responsible.includes(u)) };
}

/** Where a report goes: 报市商务局, 报送省商务厅, 与商务部…系统对接. */
function recipientOf(s: string): string | null {
  // the last body a report goes to (报区政府审定后报省商务厅: 省商务厅)
  const REPORT_TO =
    /(?:报送?至?|报告|上报|报备|报|向)((?:商务部|省|市|县|区|[\u4e00-\u9fa5]{2,4}市)[\u4e00-\u9fa5、和]{0,14}?(?:局|厅|部门|部|办|小组))/g;
  const to = [...s.matchAll(REPORT_TO)].map((m) => m[1]!).filter((u) => !/报|后/.test(u));
  if (to.length) return to.at(-1)!;
  const system = /“([^”]{2,24}?信息系统)”|商务部([\u4e00-\u9fa5]{2,20}?信息系统)/.exec(s);
  return system ? (system[1] ?? system[2])! : null;
}

/** The clause of a sentence that states the report (定期考核评价…，及时报送…: the second): its rhythm is the report's. */
function reportClause(s: string): string {
  const clauses = s.split(/[，,]/);
  return clauses.find((c) => REPORTING.test(c)) ?? s;
}

/** When it is due, as written and as a month, date or rhythm. */
function dueOf(
  s: string,
): Pick<Commitment, 'dueMonth' | 'dueDate' | 'recurrence' | 'recurrenceDay' | 'dueText'> {
  const none = { dueMonth: null, dueDate: null, recurrence: null, recurrenceDay: null, dueText: null };
  const day = MONTHLY_DAY.exec(s);
  if (day) return { ...none, recurrence: 'monthly', recurrenceDay: Number(day[1]), dueText: day[0] };
  const date = DUE_DATE.exec(s);
  if (date)
    return {
      ...none,
      dueDate: `${date[1]}-${pad(Number(date[2]))}-${pad(Number(date[3]))}`,
      dueText: date[0],
    };
  const month = DUE_MONTH.exec(s);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12)
    return { ...none, dueMonth: `${month[1]}-${pad(Number(month[2]))}`, dueText: month[0] };
  for (const [re, recurrence] of RHYTHM) {
    const m = re.exec(s);
    if (m) return { ...none, recurrence, dueText: m[0] };
  }
  return none;
}

/** The amount a tranche condition holds back (再拨付剩余500万), or the first amount of the sentence, in yuan. */
function fundsOf(s: string, kind: CommitmentKind): number | null {
  // 1,500万元, 0.15亿元: separators removed, 亿 read as 亿
  const plain = s.replace(/(?<=\d)[,，](?=\d{3})/g, '');
  const amounts = [...plain.matchAll(/(\d+(?:\.\d+)?)(万|亿)元?/g)];
  if (!amounts.length) return null;
  const held =
    kind === 'funding_condition'
      ? amounts.find((m) => /剩余|余下|再拨付|尾款/.test(plain.slice(Math.max(0, m.index - 8), m.index)))
      : null;
  const m = held ?? amounts[0]!;
  return Math.round(Number(m[1]) * (m[2] === '亿' ? 1e8 : 1e4));
}

/** A number and unit the commitment states, as written (公示5个工作日, 不少于1次). */
function quantityOf(s: string): { quantity: number | null; unit: string | null } {
  // dates and a monthly deadline are when, not how many
  const plain = s.replace(/(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?|每月\d{1,2}日/g, '');
  const m = /(\d+(?:\.\d+)?)(个工作日|个|次|家|场|天|人次|期)(?!\d)/.exec(plain);
  return m ? { quantity: Number(m[1]), unit: m[2]! } : { quantity: null, unit: null };
}

/** A heading that names only units (（六）县工信局, （四）县发改局、县自然资源局): the owners of the paragraph below. */
function sectionUnits(line: Line): string[] | null {
  const t = line.text.replace(/^[(（]?[一二三四五六七八九十\d]+[)）、.]\s*/, '').trim();
  if (!t || t.length > 40 || /[，。；,]/.test(t)) return null;
  const units = unitsIn(t);
  const rest = units.reduce((r, u) => r.replace(u, ''), t).replace(/[、和及与\s]/g, '');
  return units.length && rest === '' ? units : null;
}

/** The sentences of a line, with their normalized offsets: split after 。；; and ! ? */
function sentences(line: Line): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const re = /[^。；;!?！？]+[。；;!?！？]?/g;
  for (const m of line.text.matchAll(re)) {
    const lead = m[0].length - m[0].trimStart().length;
    const text = m[0].trim();
    if (text)
      out.push({ text, start: line.start + m.index + lead, end: line.start + m.index + lead + text.length });
  }
  return out;
}

const HEADING = /^[(（]?[一二三四五六七八九十\d]+[)）、.]/;

/** A row of a schedule table (its cells apart by tabs) with a deadline in a cell of its own: a task. */
function scheduleRow(doc: Doc, line: Line, section: string[]): Commitment | null {
  const cells = line.text.split('\t');
  const due = cells.map((c) => c.trim()).find((c) => DUE_MONTH.test(c) || DUE_DATE.test(c));
  if (!due) return null;
  const name = cells.map((c) => c.trim()).find((c) => c && !/^\d+$/.test(c) && c !== due) ?? '';
  const kind = kindsOf(name, true, true)[0] ?? 'task';
  return build(doc, {
    kind,
    what: name,
    s: line.text,
    start: line.start,
    end: line.end,
    section,
    due: dueOf(due),
  });
}

/** A commitment from its sentence. */
function build(
  doc: Doc,
  c: {
    kind: CommitmentKind;
    what: string;
    s: string;
    start: number;
    end: number;
    section: string[];
    due?: ReturnType<typeof dueOf>;
  },
): Commitment {
  const { responsible, cooperating } = parties(c.s, c.section);
  const span = doc.span(c.start, c.end);
  return {
    kind: c.kind,
    what: c.what.length > 80 ? `${c.what.slice(0, 80)}…` : c.what,
    ...quantityOf(c.s),
    ...(c.due ?? dueOf(c.kind === 'reporting' ? reportClause(c.s) : c.s)),
    responsible,
    cooperating,
    recipient: c.kind === 'reporting' ? recipientOf(c.s) : null,
    fundsYuan: c.kind === 'funding_condition' ? fundsOf(c.s, c.kind) : null,
    start: span.start,
    end: span.end,
  };
}

/** Every commitment of a document, in text order; a sentence stated again word for word (五指山 repeats its funds paragraph) counts once. */
export function commitments(doc: Doc): Commitment[] {
  const seen = new Set<string>();
  return allCommitments(doc).filter((c) => {
    const key = `${c.kind}:${doc.original.slice(c.start, c.end).replace(/\s+/g, '')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every commitment stated, repeats included. */
function allCommitments(doc: Doc): Commitment[] {
  const out: Commitment[] = [];
  let section: string[] = [];
  for (const line of doc.lines) {
    const units = sectionUnits(line);
    if (units) {
      section = units;
      continue;
    }
    if (HEADING.test(line.text) && line.text.length < 40) {
      section = [];
      continue;
    }
    if (line.text.includes('\t')) {
      const row = scheduleRow(doc, line, section);
      if (row) out.push(row);
      continue;
    }
    // a duties list of the form 市审计局：负责…: the unit before the colon owns the line's sentences
    const head = /^([^:：，。；]{2,24})[:：]/.exec(line.text);
    const lineOwner =
      head && !/单位|部门|时间|地点|内容|名称|目标|原则/.test(head[1]!) ? unitsIn(head[1]!) : [];
    for (const s of sentences(line)) {
      // a heading run into its paragraph ((七)做好信息公开。在…) names a topic, not a duty
      if (s.text.length < 8 || (HEADING.test(s.text) && s.text.length <= 20)) continue;
      const owned =
        OWNER.test(s.text) || SUBJECT_DUTY.test(s.text) || section.length > 0 || lineOwner.length > 0;
      const due = DUE_MONTH.test(s.text) || DUE_DATE.test(s.text);
      for (const kind of kindsOf(s.text, owned, due && owned))
        out.push(
          build(doc, {
            kind,
            what: asWritten(doc, s.start, s.end),
            s: s.text,
            start: s.start,
            end: s.end,
            section: lineOwner.length ? lineOwner : section,
          }),
        );
    }
  }
  return out;
}

/** The public channels a document names: phone numbers, complaint and comment windows, columns of a site. */
export function contacts(doc: Doc): Contact[] {
  const out: Contact[] = [];
  const push = (
    channel: Contact['channel'],
    value: string,
    purpose: string | null,
    from: number,
    to: number,
  ) => {
    const span = doc.span(from, to);
    out.push({ channel, value, purpose, start: span.start, end: span.end });
  };
  for (const line of doc.lines) {
    for (const m of line.text.matchAll(
      /(?:联系)?(?:电话|热线|手机|联系方式)[:：]?\s*(?<!\d)(1[3-9]\d{9}|(?:0\d{2,3}[-—－]?)?\d{7,8})(?!\d)/g,
    ))
      push(
        'phone',
        m[1]!,
        /反映|咨询|投诉|举报/.exec(line.text.slice(Math.max(0, m.index - 30), m.index))?.[0] ?? null,
        line.start + m.index,
        line.start + m.index + m[0].length,
      );
    for (const m of line.text.matchAll(/(征求意见|纪检|审计|举报|投诉|意见)[\u4e00-\u9fa5、或和]{0,8}?窗口/g))
      push('window', m[0], m[1]!, line.start + m.index, line.start + m.index + m[0].length);
    // a site column, named as the text names it: “全国电子商务进农村综合示范”专栏, 综合示范专栏
    const COLUMN =
      /(?:网站|政府网)[^，。；,]{0,6}?(?:设置|设立|开设|开辟)(“[^”]{2,30}”|[\u4e00-\u9fa5]{2,12}?)(?:专栏|栏目)/g;
    for (const m of line.text.matchAll(COLUMN)) {
      const name = m[0].slice(m[0].indexOf(m[1]!, m[0].length - m[1]!.length - 2));
      const at = line.start + m.index + m[0].length - name.length;
      push('site_column', name, null, at, at + name.length);
    }
    // an address starts where a run of its characters starts (not inside one: a long run would be read again from
    // each of its characters)
    for (const m of line.text.matchAll(
      /(?<![A-Za-z0-9._-])[A-Za-z0-9._-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g,
    ))
      push('email', m[0], null, line.start + m.index, line.start + m.index + m[0].length);
  }
  return out;
}
