/**
 * Statements whose input grows with a dump (rows to insert, ids to match) take that input as ONE
 * bind parameter, never one per value: PostgreSQL's protocol allows at most 65,535 parameters in a
 * statement, and a dump under the size limit can derive far more values than that.
 */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * Rows as a relation for `from` (or `insert ... select`): one jsonb parameter read by
 * jsonb_to_recordset. `shape` names the relation and its typed columns, e.g. `v(id int, name text)`;
 * each row is an object with those keys (missing keys read as NULL).
 */
export function jsonRows(rows: readonly object[], shape: string): SQL {
  return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${sql.raw(shape)}`;
}

/** integers as one int[] parameter (for `unnest(...)`, `= any(...)`) */
export function intArray(ids: readonly number[]): SQL {
  return sql`${`{${ids.map((id) => Math.trunc(id)).join(',')}}`}::int[]`;
}

/** strings as one text[] parameter (every element quoted), for `unnest(...)`, `= any(...)` */
export function textArray(values: readonly string[]): SQL {
  return sql`${`{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`}::text[]`;
}

/** `column = any(values)`, the values sent as one int[] parameter (numbers) or text[] parameter (strings) */
export function anyOf(column: AnyColumn | SQL, values: readonly number[] | readonly string[]): SQL {
  const strings = values.length > 0 && typeof values[0] === 'string';
  return sql`${column} = any(${strings ? textArray(values as readonly string[]) : intArray(values as readonly number[])})`;
}
