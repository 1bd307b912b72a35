/**
 * CSV cells a spreadsheet would run as a formula (CSV injection, as OWASP describes it): text that starts with
 * = + - @, a tab or a carriage return. Such a cell is written with a ' in front (papaparse's escapeFormulae, and the
 * same rule in SQL for files DuckDB writes); the Parquet files keep the text as it is. A plain number (-5, +1.5e3)
 * is not a formula and is left alone. Pure: used by the pipeline's writers and the site's downloads alike.
 */

/** A text cell that would be taken for a formula. */
export const FORMULA = /^(?![+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$)[=+\-@\t\r]/;

/**
 * The same test as DuckDB SQL over a VARCHAR expression (DuckDB's regular expressions have no lookahead): the first
 * character compared first, so that the pattern runs only on the few cells that begin with a sign (a CSV of a
 * million rows is written 0.2 s sooner).
 */
export const formulaSql = (x: string) =>
  `CASE WHEN left(${x}, 1) IN ('=', '+', '-', '@', chr(9), chr(13))
    THEN NOT regexp_matches(${x}, '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$') ELSE false END`;

/** A text cell as it is written to CSV: with a ' in front when it would be taken for a formula. */
export const csvText = (s: string) => (FORMULA.test(s) ? `'${s}` : s);
