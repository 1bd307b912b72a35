/**
 * What a document says was done, apart from what a plan promises: the same phrases (建成村级服务站62个, 开展电商培训
 * 3200人次) are a target in a plan and an achievement in a report. A figure is an achievement when the document is a
 * report (progress, completion, self-evaluation, acceptance), or when its own clause says it is done (已建成, 累计完成,
 * 截至…已…); and it is dated by the report's 截至 (as of) month, else by the document's date of issue.
 */
import type { Doc } from '../../normalize/doc.ts';
import type { Achievement, DocType, Target } from '../types.ts';

/** Words in a target's clause, just before it, that say the figure is done, not promised. */
const DONE =
  /(?:已经?|累计|共计?|目前|现已|截至[^，,。；]{0,12}?)(?:建成|建设|完成|开展|培训|实现|达到|改造|新建|打造|培育|覆盖)?[^，,。；]{0,6}$/;
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
    if (report || DONE.test(clause + doc.original.slice(t.start, Math.min(t.end, t.start + 4))))
      achievements.push({ ...t, asOf });
    else targets.push(t);
  }
  return { targets, achievements };
}
