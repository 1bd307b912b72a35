/**
 * The per-file lines `npm run data` prints after importing metrics: how the records of each file were read and
 * whether records, data rows and values all reconcile.
 */
import type { FileSummary } from './import.ts';

const FILE = 40;
const FORM = 5;
const SUMS = [
  'records = title+header+unit+blank+total+data',
  'data rows = all accepted+some rejected',
  'values = accepted+rejected',
] as const;

/**
 * Whether a file reconciles: records read = title + header + unit + blank + totals + data rows, data rows = rows whose every value
 * was accepted + rows with a rejected value, and values read = values accepted + values rejected.
 */
export function reconciles(f: FileSummary): boolean {
  return (
    f.records === f.titleRows + f.headerRows + f.unitRows + f.blankRows + f.totalRows + f.rows &&
    f.rows === f.rowsAccepted + f.rowsRejected &&
    f.values === f.accepted + f.rejected
  );
}

/** The column titles above the summary lines. */
export const summaryHeader = () => ['file'.padEnd(FILE), 'form'.padEnd(FORM), ...SUMS].join(' ');

/** A total and its parts under a title such as “records = header+…”, the equals signs aligned: “      8 = 1+1+1+5”. */
const sum = (title: string, total: number, parts: number[]) =>
  `${String(total).padStart(title.indexOf(' ='))} = ${parts.join('+')}`.padEnd(title.length);

/** One file's line of the summary: its counts as sums, then “✓ reconciled”, “✗ DOES NOT RECONCILE” or why it was refused. */
export function summaryLine(f: FileSummary): string {
  const start = `${f.file.padEnd(FILE)} ${(f.form ?? '—').padEnd(FORM)}`;
  if (f.error) return `${start} ✗ refused (${f.errorReason ?? 'unreadable_file'})`;
  const sums = [
    sum(SUMS[0], f.records, [f.titleRows, f.headerRows, f.unitRows, f.blankRows, f.totalRows, f.rows]),
    sum(SUMS[1], f.rows, [f.rowsAccepted, f.rowsRejected]),
    sum(SUMS[2], f.values, [f.accepted, f.rejected]),
  ];
  const ignored = `${f.readBy === 'duckdb' ? '  (rows checked in DuckDB)' : ''}${f.ignoredColumns.length ? `  ignored columns: ${f.ignoredColumns.join(', ')}` : ''}`;
  return `${start} ${sums.join(' ')} ${reconciles(f) ? '✓ reconciled' : '✗ DOES NOT RECONCILE'}${ignored}`;
}

/** A file or sheet not read, as a line of the summary: its name and why (a .docx, a hidden sheet). */
export const skippedLine = (s: { file: string; reason: string }) =>
  `${s.file.padEnd(FILE)} ${'—'.padEnd(FORM)} skipped: ${s.reason}`;

/** The title and note rows of a file, as lines under its summary line (the first ten; how many more). */
export function noteLines(f: FileSummary): string[] {
  const lines = f.notes.slice(0, 10).map((n) => `  note: ${n.length > 120 ? `${n.slice(0, 119)}…` : n}`);
  return f.notes.length > 10 ? [...lines, `  … ${f.notes.length - 10} more notes`] : lines;
}
