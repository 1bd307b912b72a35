/** What the checks answer: a statement may run (and what to EXPLAIN first), or why not, in both languages. */

/** A message in both languages. */
export interface Said {
  zh: string;
  en: string;
}

/**
 * How a statement may be run once it passes: `explain` is the text to EXPLAIN first (the statement, or the query a
 * DESCRIBE describes), or null when it needs no plan (DESCRIBE of a view, SHOW TABLES).
 */
export type Plan = { ok: true; explain: string | null } | { ok: false; why: Said };

export const no = (zh: string, en: string): Plan => ({ ok: false, why: { zh, en } });
