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
 * `key` (PostgreSQL): rows share an INSERT only with rows of the same key — the row their foreign key references (the
 * case an access-log row names). That key takes a KEY SHARE lock on the referenced row, which waits behind a FOR UPDATE
 * lock held on it elsewhere: in one INSERT with other cases' rows, one case row held locked made every reader of every
 * case in it wait and fail with 503 after the lock timeout (sec50 H3). Apart, a blocked row fails only its own read, and
 * the other keys' inserts run meanwhile. SQLite has no row locks and one writer: one group per table, as many rows per
 * turn as possible.
 */
export function groupedInsert(k: Knex, table: string, row: Record<string, unknown>, key = ''): Promise<void> {
  if ((k as Knex.Transaction).isTransaction)
    return k(table)
      .insert(row)
      .then(() => undefined);
  const byTable = groups.get(k) ?? new Map<string, Group>();
  groups.set(k, byTable);
  const name = k.client.config.client === 'pg' ? `${table}\u0000${key}` : table;
  let g = byTable.get(name);
  if (!g) {
    g = { running: false, queue: [] };
    byTable.set(name, g);
  }
  const group = g;
  const done = new Promise<void>((resolve, reject) => group.queue.push({ row, resolve, reject }));
  if (!group.running) void drain(k, table, group, () => byTable.delete(name));
  return done;
}

/** Writes the group's rows until none wait; `idle` then forgets the group (a key per case would otherwise pile up). */
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
