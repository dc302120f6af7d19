import type { Knex } from 'knex';
import { INSERT_CHUNK, insertChunked } from './batch.ts';

interface Waiting {
  row: Record<string, unknown>;
  resolve: () => void;
  reject: (err: unknown) => void;
}
interface Group {
  running: boolean;
  queue: Waiting[];
}
const groups = new WeakMap<Knex, Map<string, Group>>();

/**
 * Inserts a row that the caller must have written before it answers (an access-log entry), together with the rows
 * other requests are waiting to write to the same table: the first row goes at once; rows that arrive while that
 * insert runs wait for it and then go in one multi-row INSERT. Each caller's promise settles when its own row is
 * committed, or rejects with the error of the insert that carried it. Under load, many reads share one write (and
 * one turn of SQLite's single writer) instead of queuing one write each. Inside a transaction the row is simply
 * inserted in it.
 *
 * One group per table: a table written this way must take no row lock on another table (no foreign key that a row
 * held locked elsewhere could hold up — the access log's case key was dropped on PostgreSQL for that, sec50 H3), or one
 * locked row would hold up every caller whose row shares the INSERT.
 */
export function groupedInsert(k: Knex, table: string, row: Record<string, unknown>): Promise<void> {
  if ((k as Knex.Transaction).isTransaction)
    return k(table)
      .insert(row)
      .then(() => undefined);
  const byTable = groups.get(k) ?? new Map<string, Group>();
  groups.set(k, byTable);
  let g = byTable.get(table);
  if (!g) {
    g = { running: false, queue: [] };
    byTable.set(table, g);
  }
  const group = g;
  const done = new Promise<void>((resolve, reject) => group.queue.push({ row, resolve, reject }));
  if (!group.running) void drain(k, table, group, () => byTable.delete(table));
  return done;
}

/** Writes the group's rows until none wait; `idle` then forgets the group. */
async function drain(k: Knex, table: string, g: Group, idle: () => void): Promise<void> {
  g.running = true;
  try {
    while (g.queue.length) {
      const batch = g.queue.splice(0, INSERT_CHUNK);
      try {
        await insertChunked(
          k,
          table,
          batch.map((w) => w.row),
        );
        for (const w of batch) w.resolve();
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
  } finally {
    g.running = false;
    if (!g.queue.length) idle();
  }
}
