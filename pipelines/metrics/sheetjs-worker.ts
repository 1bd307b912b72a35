/**
 * Reads a workbook with SheetJS in a worker thread (workbook.ts readInWorker), so that a workbook SheetJS never
 * returns from (a damaged .xls) can be stopped: its sheets are posted back, each sheet's first column as its letter.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readWithSheetJS } from './workbook.ts';

try {
  const sheets = readWithSheetJS((workerData as { path: string }).path).map((s) =>
    'rows' in s
      ? {
          name: s.name,
          rows: s.rows,
          first: s.columnOf(0),
          merges: s.merges,
          hidden: s.hidden,
          yearless: s.yearless,
        }
      : s,
  );
  parentPort!.postMessage({ sheets });
} catch (e) {
  parentPort!.postMessage({ error: (e as Error).message });
}
