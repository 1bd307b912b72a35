/**
 * What a document says was done, apart from what a plan promises: the same phrases (建成村级服务站62个, 开展电商培训
 * 3200人次) are a target in a plan and an achievement in a report. A figure is an achievement when the document is a
 * report (progress, completion, self-evaluation, acceptance) and not stated as planned (计划, 目标, 到2025年…), or when
 * its own clause says it is done (已建成, 累计完成, 现有); it is dated by the report's 截至 (as of) month, else by the
 * document's date of issue. A report restating its plan's target is neither.
 */
import { TARGET_UNIT } from '../../contract/vocab.ts';
import { type Doc, prepare } from '../../normalize/doc.ts';
import { NUMBER, parseNumber } from '../numbers.ts';
import type { Achievement, Commitment, CommitmentDone, DocType, Target } from '../types.ts';
import { targets as targetsIn } from './targets.ts';

/** Words in a target's clause, just before it, that say the figure is done, not promised. */
const DONE = /(?:已经?|累计|目前|现已|现有)[^，,。；]{0,10}$/;
/** Words that make a figure a plan's, even in a report: 计划建设60个, 目标…, 拟…, 将…, 到2025年… */
const PLANNED = /计划|目标|拟|将|力争|预计|到\s*(?:19|20)\d{2}\s*年|不少于|不低于/;
/** The report's as-of month: 截至2022年12月底, 截止2022年12月31日. */
const AS_OF = /截[至止](?:目前，?)?((?:19|20)\d{2})年(\d{1,2})月/;
const REPORTS: readonly DocType[] = ['report', 'acceptance'];

/** The columns of a report's table of targets (绩效目标完成情况表): the indicator, its target and what was achieved. */
const NAME_COLUMN = /指标|名称|内容|项目/;
const TARGET_COLUMN = /目标|指标值|计划/;
const DONE_COLUMN = /完成值|实际完成|完成情况|实际值|完成数|实际/;
const CELL_VALUE = new RegExp(`^\\s*(${NUMBER})\\s*([^\\d\\s]*)\\s*$`);

/** A line's tab-separated cells with their offsets in the normalized text. */
function cells(line: { text: string; start: number }): { text: string; start: number; end: number }[] {
  let at = line.start;
  return line.text.split('\t').map((text) => {
    const c = { text: text.trim(), start: at, end: at + text.length };
    at += text.length + 1;
    return c;
  });
}

/**
 * What a report's table of targets says was achieved: each row's indicator and its value in the achieved column,
 * read as the vocabulary's metric where the indicator names one (村级电商服务站 65个), else as other with the
 * indicator as its label. The target column restates the plan and is never read; the rows' spans are returned so
 * that no figure of them is read again. A value whose unit the vocabulary lacks is not read.
 */
export function tableAchievements(
  doc: Doc,
  asOf: string | null,
): { achievements: Achievement[]; rows: [number, number][] } {
  const achievements: Achievement[] = [];
  const rows: [number, number][] = [];
  let columns: { name: number; done: number } | null = null;
  for (const line of doc.lines) {
    if (!line.text.includes('\t')) {
      if (line.text.trim()) columns = null;
      continue;
    }
    const row = cells(line);
    // 实际完成值, not 计划完成值 (a target column) nor 完成率
    const done = row.findIndex(
      (c) => DONE_COLUMN.test(c.text) && !/率/.test(c.text) && !TARGET_COLUMN.test(c.text),
    );
    if (done > 0 && row.some((c, i) => i !== done && TARGET_COLUMN.test(c.text))) {
      const name = row.findIndex(
        (c) => NAME_COLUMN.test(c.text) && !TARGET_COLUMN.test(c.text.replace(/指标(?:名称)?$/, '')),
      );
      columns = name >= 0 && name < done ? { name, done } : null;
      continue;
    }
    if (!columns) continue;
    const span = doc.span(line.start, line.end);
    rows.push([span.start, span.end]);
    const label = row[columns.name]?.text.replace(/\s+/g, '');
    const cell = row[columns.done];
    const m = cell ? CELL_VALUE.exec(cell.text) : null;
    if (!label || !cell || !m) continue;
    const value = parseNumber(m[1]!);
    const unit = m[2]!;
    if (value === null || !(unit in TARGET_UNIT)) continue;
    const closed = targetsIn(prepare(`${label}${m[1]}${unit}`)).find(
      (t) => t.metric !== 'other' && t.unit === unit,
    );
    const cited = doc.span(row[columns.name]!.start, cell.end);
    achievements.push({
      metric: closed?.metric ?? 'other',
      ...(closed ? {} : { label }),
      value,
      unit,
      comparator: '=',
      asOf,
      start: cited.start,
      end: cited.end,
    });
  }
  return { achievements, rows };
}

/** The month a document reports as of: its 截至 month, else its month of issue. */
export function asOfMonth(doc: Doc, issuedOn: string | null): string | null {
  const m = AS_OF.exec(doc.original);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}` : (issuedOn?.slice(0, 7) ?? null);
}

/**
 * Splits the targets read from a document into the targets it sets and the achievements it reports: every figure
 * of a report is an achievement; in any other document, one whose clause says it is done.
 */
export function achievementsOf(
  doc: Doc,
  found: Target[],
  docType: DocType,
  issuedOn: string | null,
): { targets: Target[]; achievements: Achievement[] } {
  const asOf = asOfMonth(doc, issuedOn);
  const report = REPORTS.includes(docType);
  const table = report ? tableAchievements(doc, asOf) : { achievements: [], rows: [] };
  const targets: Target[] = [];
  const achievements: Achievement[] = [...table.achievements];
  for (const t of found) {
    // a figure of a report's table of targets is read by its column, or not at all (the target column)
    if (table.rows.some(([a, b]) => a <= t.start && t.end <= b)) continue;
    // the clause before the figure, in the original text, back to the last break
    const before = doc.original.slice(Math.max(0, t.start - 20), t.start);
    const clause = before.slice(
      Math.max(...['，', ',', '。', '；', ';', '\n'].map((c) => before.lastIndexOf(c))) + 1,
    );
    const quote = doc.original.slice(t.start, t.end);
    const planned = PLANNED.test(clause) || PLANNED.test(quote);
    const done = DONE.test(clause) || /^已/.test(quote);
    // a report restating its plan's target (计划建设60个) gives neither: the plan holds the target
    if (report) {
      if (!planned || done) achievements.push({ ...t, asOf });
    } else if (done && !planned) achievements.push({ ...t, asOf });
    else targets.push(t);
  }
  return { targets, achievements: achievements.sort((a, b) => a.start - b.start) };
}

/** A report's sentence saying that it is done: 已完成, 已通过, 已开设, 已公开, 已签订, 均已, 已于…, 已按月报送. */
// not 已完成的项目 (a duty about what is done: 对已完成的项目及时组织验收)
const STATED_DONE =
  /(?:已(?:经)?(?:完成|通过|建成|开设|设立|公开|公示|签订|确定|上报|报送|按月|按季|组织|委托|于)|均已|全部完成)(?![^，,。；]{0,6}的)/;

/**
 * In a report, the commitments read from sentences that say they are done are what was done, not duties: they
 * are statements of a commitment done (matched later to the plan's commitment of that kind), and the others stay
 * commitments (下一步…将…). Any other document keeps its commitments as they are.
 */
export function commitmentsOrDone(
  doc: Doc,
  found: Commitment[],
  docType: DocType,
  issuedOn: string | null,
): { commitments: Commitment[]; commitmentsDone: CommitmentDone[] } {
  if (!REPORTS.includes(docType)) return { commitments: found, commitmentsDone: [] };
  const asOf = asOfMonth(doc, issuedOn);
  const done = (c: Commitment) => STATED_DONE.test(doc.original.slice(c.start, c.end));
  return {
    commitments: found.filter((c) => !done(c)),
    commitmentsDone: found.filter(done).map((c) => ({ kind: c.kind, asOf, start: c.start, end: c.end })),
  };
}
