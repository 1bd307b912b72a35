/**
 * A query result as text, value by value, exactly as DuckDB computed it. Arrow hands a DECIMAL over as its unscaled
 * integer (1.5 arrives as 15), a BIGINT as a bigint, a TIMESTAMP as milliseconds: printed as they come, those would
 * be other numbers. Types this page cannot print faithfully say so instead of printing something else.
 */
import { DataType, type Table } from 'apache-arrow';

/** The digits of an unscaled decimal with the point put back: ("-15", 1) → "-1.5", ("5", 2) → "0.05". */
export function scaled(unscaled: string, scale: number): string {
  if (scale <= 0) return unscaled;
  const negative = unscaled.startsWith('-');
  const digits = (negative ? unscaled.slice(1) : unscaled).padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Microseconds of a second as DuckDB prints them: .5, .123456, nothing for none. */
const fraction = (micros: number) => (micros ? `.${pad(micros, 6).replace(/0+$/, '')}` : '');

/**
 * A TIMESTAMP as DuckDB prints it (2021-03-04 05:06:07.123456), from the milliseconds Arrow gives, whose fraction
 * still holds the microseconds (2^53 µs is past the year 2255).
 */
function timestamp(ms: number): string {
  const micros = Math.round(ms * 1000);
  const d = new Date(Math.floor(micros / 1e6) * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${fraction(((micros % 1e6) + 1e6) % 1e6)}`;
}

/** A TIME (microseconds since midnight) as DuckDB prints it: 05:06:07.5. */
function time(micros: number): string {
  const s = Math.floor(micros / 1e6);
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}${fraction(micros % 1e6)}`;
}

/** A REAL (32-bit float) with the fewest digits that give back the same float: 0.1, not 0.10000000149011612. */
function real(v: number): string {
  for (let p = 1; p <= 9; p++) {
    const shorter = Number(v.toPrecision(p));
    if (Math.fround(shorter) === v) return String(shorter);
  }
  return String(v);
}

/** Arrow's units of time: SECOND, MILLISECOND, MICROSECOND, NANOSECOND. */
const NANOSECOND = 3;
const MICROSECOND = 2;
/** Arrow's precision of a 32-bit float. */
const SINGLE = 1;

/** One value of a column of the given Arrow type, as text; null for NULL. */
function cellText(value: unknown, type: DataType): string | null {
  if (value === null || value === undefined) return null;
  if (DataType.isDecimal(type)) return scaled(String(value), type.scale);
  if (DataType.isFloat(type)) return type.precision === SINGLE ? real(Number(value)) : String(value);
  if (DataType.isInt(type)) return String(value);
  if (DataType.isBool(type)) return value ? 'true' : 'false';
  if (DataType.isUtf8(type)) return String(value);
  if (DataType.isDate(type)) {
    const d = value instanceof Date ? value : new Date(Number(value));
    return d.toISOString().slice(0, 10);
  }
  // nanoseconds do not survive as a JavaScript number: such a column is not printed as another time
  if (DataType.isTimestamp(type) && type.unit !== NANOSECOND)
    return `${timestamp(Number(value))}${type.timezone ? '+00' : ''}`;
  if (DataType.isTime(type) && type.unit === MICROSECOND) return time(Number(value));
  if (DataType.isList(type) || DataType.isFixedSizeList(type)) {
    const child = type.children[0]!.type;
    const items = [...(value as Iterable<unknown>)].map((v) => cellText(v, child) ?? 'NULL');
    return `[${items.join(', ')}]`;
  }
  if (DataType.isStruct(type)) {
    const row = value as Record<string, unknown>;
    return `{${type.children.map((f) => `'${f.name}': ${cellText(row[f.name], f.type) ?? 'NULL'}`).join(', ')}}`;
  }
  // INTERVAL, TIME, BLOB, MAP… arrive in forms this page does not print faithfully
  return `[${String(type)}: CAST(… AS VARCHAR)]`;
}

/** A result table's column names and rows, every value as text (null for NULL). */
export function tableText(result: Table): { names: string[]; rows: (string | null)[][] } {
  const fields = result.schema.fields;
  const columns = fields.map((_, i) => result.getChildAt(i)!);
  const rows: (string | null)[][] = [];
  for (let r = 0; r < result.numRows; r++)
    rows.push(columns.map((c, i) => cellText(c.get(r), fields[i]!.type)));
  return { names: fields.map((f) => f.name), rows };
}
