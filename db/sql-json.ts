import type { Knex } from 'knex';

/**
 * Rows of a child table folded into one column of the parent's row, so that a case and its parties, agents, claims and
 * deadlines come back in one statement (one round trip) instead of one query per table. The one place that knows the
 * two dialects' JSON functions: SQLite's json_object / json_group_array (ORDER BY inside an aggregate: SQLite ≥ 3.44),
 * PostgreSQL's json_build_object / json_agg.
 */
export const isPg = (k: Knex) => k.client.config.client === 'pg';

/** `{"col": value, …}` of the row `alias` (column names as keys). */
export function jsonObject(k: Knex, alias: string, columns: readonly string[], extra: [string, string][] = []): string {
  const pairs = [...columns.map((c) => `'${c}', ${alias}.${c}`), ...extra.map(([key, sql]) => `'${key}', ${sql}`)].join(', ');
  return isPg(k) ? `json_build_object(${pairs})` : `json_object(${pairs})`;
}

/**
 * A JSON array of `element` over the rows of `from … where`, in `orderBy` order; `[]` when there are none. The array
 * can be nested inside another jsonObject (SQLite's `json()` keeps it JSON rather than text).
 */
export function jsonRows(k: Knex, element: string, fromWhere: string, orderBy: string): string {
  if (isPg(k)) return `coalesce((select json_agg(${element} order by ${orderBy}) from ${fromWhere}), '[]'::json)`;
  return `json((select json_group_array(${element} order by ${orderBy}) from ${fromWhere}))`;
}

/** A JSON column as the driver answers it: text on SQLite, already parsed on PostgreSQL. */
export function parseJsonColumn<T>(v: unknown, empty: T): T {
  if (v === null || v === undefined) return empty;
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}
