/**
 * What a document says was done, apart from what a plan promises: the same phrases (建成村级服务站62个, 开展电商培训
 * 3200人次) are a target in a plan and an achievement in a report. A figure is an achievement when the document is a
 * report (progress, completion, self-evaluation, acceptance) and not stated as planned (计划, 目标, 到2025年…), or when
 * its own clause says it is done (已建成, 累计完成, 现有); it is dated by the report's 截至 (as of) month, else by the
 * document's date of issue. A report restating its plan's target is neither.
 */
import type { Doc } from '../../normalize/doc.ts';
import type { Achievement, DocType, Target } from '../types.ts';

/** Words in a target's clause, just before it, that say the figure is done, not promised. */
const DONE = /(?:已经?|累计|目前|现已|现有)[^，,。；]{0,10}$/;
/** Words that make a figure a plan's, even in a report: 计划建设60个, 目标…, 拟…, 将…, 到2025年… */
const PLANNED = /计划|目标|拟|将|力争|预计|到\s*(?:19|20)\d{2}\s*年|不少于|不低于/;
/** The report's as-of month: 截至2022年12月底, 截止2022年12月31日. */
const AS_OF = /截[至止](?:目前，?)?((?:19|20)\d{2})年(\d{1,2})月/;
const REPORTS: readonly DocType[] = ['report', 'acceptance'];

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
  const asOfMatch = AS_OF.exec(doc.original);
  const asOf = asOfMatch
    ? `${asOfMatch[1]}-${asOfMatch[2]!.padStart(2, '0')}`
    : (issuedOn?.slice(0, 7) ?? null);
  const report = REPORTS.includes(docType);
  const targets: Target[] = [];
  const achievements: Achievement[] = [];
  for (const t of found) {
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
  return { targets, achievements };
}
