import type { Knex } from 'knex';
import { isPg } from './sql-json.ts';

/**
 * Reads whose statement is the same text on every call — only the parameters change: built with the query builder once
 * per dialect, then run as that text. A request does not assemble and compile the same joins and subqueries again
 * (issue 15: a case read's ten subqueries, the session lookup every request makes). Constant SQL derived from the code,
 * not data: nothing here can go stale.
 *
 * `build` gets one stand-in value per parameter and must use each exactly once as a bound value; when one does not
 * come out as exactly one binding (or shows in the text), the query is built with the real values every time instead,
 * as it is for a call with a null or undefined value. `name` names the statement: one name, one `build`.
 */
export async function fixedRows<A extends unknown[]>(
  k: Knex,
  name: string,
  build: (k: Knex, ...args: A) => Knex.QueryBuilder,
  args: A,
  // biome-ignore lint/suspicious/noExplicitAny: raw driver rows
): Promise<Record<string, any>[]> {
  const key = `${isPg(k) ? 'pg' : 'sqlite'}:${name}`;
  let text = statements.get(key);
  if (text === undefined) {
    const standIns = args.map((_, i) => STAND_IN - i) as A;
    const { sql, bindings } = build(k, ...standIns).toSQL();
    const slots = standIns.map((s) => (bindings as unknown[]).indexOf(s));
    const once = standIns.every(
      (s, i) => (bindings as unknown[]).lastIndexOf(s) === slots[i] && slots[i] !== -1 && !sql.includes(String(s)),
    );
    text = once ? { sql, bindings, slots } : null;
    statements.set(key, text);
  }
  // A null or undefined value may compile to other text (`where(col, null)` is `IS NULL`): built with it, every time.
  if (text === null || args.some((a) => a === null || a === undefined)) {
    const r: unknown = await build(k, ...args);
    return (Array.isArray(r) ? r : r === undefined ? [] : [r]) as Record<string, unknown>[];
  }
  const bindings = [...text.bindings];
  text.slots.forEach((slot, i) => {
    bindings[slot] = args[i];
  });
  const result = await k.raw(text.sql, bindings as Knex.RawBinding[]);
  return Array.isArray(result) ? result : result.rows;
}

const STAND_IN = -7_654_321;
const statements = new Map<string, { sql: string; bindings: readonly unknown[]; slots: number[] } | null>();

/** The `.options()` key db/knex.ts reads (`planOnce`); never sent to the driver. */
export const PLAN_ONCE = 'zcPlanOnce';

/**
 * PostgreSQL: a statement of a write whose plan cannot depend on its values — an INSERT … VALUES, an upsert, a lookup
 * by an index whatever the value — kept prepared on its connection inside a transaction too (db/knex.ts
 * `prepareRepeated`), so PostgreSQL neither parses nor plans it on every write. Statements inside a transaction are
 * otherwise sent unnamed: a generic plan chosen for one whose best plan depends on its values (the duplicate check's
 * candidates) once took 47 ms a run (issue 15). On SQLite, the statement as it is.
 */
export function planOnce<Q extends Knex.QueryBuilder | Knex.Raw>(q: Q): Q {
  const client = (q as unknown as { client?: { config?: { client?: unknown } } }).client;
  return (client?.config?.client === 'pg' ? q.options({ [PLAN_ONCE]: true }) : q) as Q;
}
