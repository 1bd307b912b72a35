/** A statement's tokens as DuckDB's tokenizer reads them, with their text and UTF-16 offsets. */

/** A token of a statement, as DuckDB's tokenizer reads it, with its text and UTF-16 offsets. */
export interface Token {
  type: 'identifier' | 'number' | 'string' | 'operator' | 'keyword';
  text: string;
  start: number;
  end: number;
}

const TYPES = ['identifier', 'number', 'string', 'operator', 'keyword'] as const;

/** Text the tokenizer skips between tokens: whitespace and comments (an open block comment runs to the end). */
const BETWEEN = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?(?:\*\/|$))*$/;

/** The text of one token that starts at `at`, never past `limit` (where the next token starts). */
function tokenText(sql: string, at: number, limit: number, type: Token['type']): string {
  const rest = sql.slice(at, limit);
  const patterns: Record<Token['type'], RegExp> = {
    identifier: /^(?:"(?:[^"]|"")*"|[^\s"'(),;.[\]{}:+\-*/%<>=!|&^~?]+)/,
    keyword: /^[^\s"'(),;.[\]{}:+\-*/%<>=!|&^~?]+/,
    number: /^[0-9.][0-9A-Za-z_.]*(?:[eE][+-]?\d+)?/,
    // 'x', E'x\'', X'41', B'01', $$x$$, $tag$x$tag$
    string: /^(?:[EeXxBb]?'(?:[^'\\]|\\[\s\S]|'')*'|\$([A-Za-z_][A-Za-z0-9_]*)?\$[\s\S]*?\$\1\$)/,
    operator: /^(?:[(),;.[\]{}]|[^\sA-Za-z0-9_"'$(),;.[\]{}]+)/,
  };
  return patterns[type].exec(rest)?.[0] ?? rest.trimEnd();
}

/**
 * The tokens of a statement from DuckDB's tokenizer output (`db.tokenize`: UTF-8 byte offsets and type codes),
 * with UTF-16 offsets. Null when the tokens do not account for the whole text (DuckDB's tokenizer stops early on
 * what it cannot read, such as an unterminated string or a U&"…" identifier): such a statement is not read at all.
 */
export function tokensOf(sql: string, raw: { offsets: number[]; types: number[] }): Token[] | null {
  // byte offset → UTF-16 offset
  const bytes = new TextEncoder().encode(sql);
  const charAt = new Int32Array(bytes.length + 1);
  let u = 0;
  let b = 0;
  for (const ch of sql) {
    const n = new TextEncoder().encode(ch).length;
    for (let k = 0; k < n; k++) charAt[b + k] = u;
    b += n;
    u += ch.length;
  }
  charAt[bytes.length] = sql.length;
  const tokens: Token[] = [];
  for (let i = 0; i < raw.offsets.length; i++) {
    const type = TYPES[raw.types[i]!];
    const start = charAt[raw.offsets[i]!];
    if (type === undefined || start === undefined) return null;
    const limit = i + 1 < raw.offsets.length ? charAt[raw.offsets[i + 1]!]! : sql.length;
    const text = tokenText(sql, start, limit, type);
    tokens.push({ type, text, start, end: start + text.length });
  }
  let at = 0;
  for (const t of tokens) {
    if (!BETWEEN.test(sql.slice(at, t.start))) return null;
    at = t.end;
  }
  return BETWEEN.test(sql.slice(at)) ? tokens : null;
}

/** A name as DuckDB compares it: quotes removed ("" → "), case folded. */
export const nameOf = (t: Token) =>
  (t.text.startsWith('"') ? t.text.slice(1, -1).replaceAll('""', '"') : t.text).toLowerCase();

export const isName = (t: Token | undefined): t is Token => t?.type === 'identifier' || t?.type === 'keyword';
export const isOp = (t: Token | undefined, op: string) => t?.type === 'operator' && t.text === op;
export const isKw = (t: Token | undefined, ...words: string[]) =>
  t?.type === 'keyword' && words.includes(t.text.toUpperCase());
