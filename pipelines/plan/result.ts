/** What reading one document gives, and the effects a run passes in. */
import type { Row, Table } from '../contract/schema.ts';

/** The result of reading one document: its table rows, or the reason it failed. */
export interface DocResult {
  docId: string;
  ok: boolean;
  error: string | null;
  rows: Map<Table, Row[]>;
  facts: number;
  amounts: number;
  accounted: number;
  findings: number;
}

/** Progress and problems, passed in so that the core stays free of terminal output. */
export interface Effects {
  progress(line: string): void;
  problem(line: string): void;
}
