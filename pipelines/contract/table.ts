/**
 * What a published table is: its fields (type, unit, closed list, required), its key, and the type of its rows,
 * derived from the fields. Pure types; the tables themselves are in tables/.
 */

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'yearmonth';

export interface Field {
  name: string;
  type: FieldType;
  description: string;
  unit?: string;
  /** a closed list of values */
  enum?: readonly string[];
  required?: boolean;
}

export interface Table {
  name: string;
  title: string;
  description: string;
  primaryKey: readonly string[];
  fields: readonly Field[];
}

/** The value of a field in a row: its closed list when it has one, else its type's; null unless required. */
type ValueOf<F extends Field> = F extends { enum: readonly (infer E)[] }
  ? E
  : F['type'] extends 'integer' | 'number'
    ? number
    : F['type'] extends 'boolean'
      ? boolean
      : string;
type CellOf<F extends Field> = F extends { required: true } ? ValueOf<F> : ValueOf<F> | null;

/** The type of a row of a table, derived from its fields: `RowOf<typeof DOCUMENTS>`. */
export type RowOf<T extends Table> = { [F in T['fields'][number] as F['name']]: CellOf<F> };
