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
 */
export function groupedInsert(k: Knex, table: string, row: Record<string, unknown>): Promise<void> {
  if ((k as Knex.Transaction).isTransaction)
    return k(table)
      .insert(row)
      .then(() => undefined);
  let byTable = groups.get(k);
  if (!byTable) {
    byTable = new Map();
    groups.set(k, byTable);
  }
  let g = byTable.get(table);
  if (!g) {
    g = { running: false, queue: [] };
    byTable.set(table, g);
  }
  const group = g;
  const done = new Promise<void>((resolve, reject) => group.queue.push({ row, resolve, reject }));
  if (!group.running) void drain(k, table, group);
  return done;
}

async function drain(k: Knex, table: string, g: Group): Promise<void> {
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
  }
}
