import type { Knex } from 'knex';

const commitQueues = new WeakMap<object, (() => Promise<void>)[]>();

/**
 * Writes to rows every transaction touches (the statistics counters of the day) hold their row locks until COMMIT, so
 * under several processes they are done last: a unit of work opens a queue on its transaction, `atCommit` queues the
 * work there (or runs it at once outside such a transaction) and the unit of work runs the queue right before COMMIT.
 */
export function openCommitQueue(trx: Knex.Transaction): void {
  commitQueues.set(trx, []);
}

export async function atCommit(trx: Knex, work: () => Promise<void>): Promise<void> {
  const queue = commitQueues.get(trx);
  if (queue) queue.push(work);
  else await work();
}

export async function flushCommitQueue(trx: Knex.Transaction): Promise<void> {
  const queue = commitQueues.get(trx) ?? [];
  commitQueues.delete(trx);
  for (const work of queue) await work();
}

/** Whether `atCommit` work on this transaction waits for its end (a unit of work opened the queue). */
export function hasCommitQueue(trx: Knex): boolean {
  return commitQueues.has(trx);
}
