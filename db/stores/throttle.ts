import type { Knex } from 'knex';

/** PostgreSQL advisory-lock namespace of the throttle keys (db/knex.ts ADVISORY_LOCKS use another one). */
const THROTTLE_LOCK_NAMESPACE = 0x7a74; // "zt"

/** The bucket of the addresses accounts signed in from (kept for days, not a sliding window of attempts). */
export const KNOWN_ADDRESS_BUCKET = 'login.known-address';

export type TakeResult =
  | { taken: true; id: number; count: number }
  | { taken: false; count: number; oldest: string | null; busy?: boolean };

/**
 * The bucket of a limit's reservations: attempts in flight (a login whose password is being hashed), not yet known to
 * have failed (`take` with `pendingSince`). A failure moves its row to the limit's bucket (`confirm`), a success deletes
 * it (`remove`). `bucket` is at most 32 characters: one more stays within it for every limit in use.
 */
export const pendingBucket = (bucket: string) => `${bucket}~`;

/** Attempts since `since` and the oldest of them (to say when the window frees up). */
async function recent(k: Knex, bucket: string, keyHash: string, since: string): Promise<{ count: number; oldest: string | null }> {
  const row = (await k('throttle_events')
    .where({ bucket, key_hash: keyHash })
    .where('at', '>', since)
    .select(k.raw('count(*) as n'), k.raw('min(at) as oldest'))
    .first()) as { n: string | number; oldest: string | null } | undefined;
  return { count: Number(row?.n ?? 0), oldest: row?.oldest ?? null };
}

/**
 * Sliding-window counters in the database (migration …_0031_throttle_events), so that every process on the same
 * database counts the same attempts. One row per counted attempt; keys arrive already hashed.
 */
export function createThrottleStore() {
  return {
    recent,
    /**
     * Records one attempt unless the key already has `max` in the window — the count and the insert in one
     * transaction, serialized per key: on PostgreSQL by a transaction-scoped advisory lock on the key (every process
     * on the database waits for it), on SQLite by the write lock `BEGIN IMMEDIATE` takes on the process's one
     * connection. So N parallel attempts record at most `max`, whichever process they reach.
     */
    async take(
      k: Knex,
      bucket: string,
      keyHash: string,
      at: string,
      since: string,
      max: number,
      /**
       * Reserve instead of count (sec52 H1): the attempt is recorded in `pendingBucket` until its outcome is known.
       * Reservations made after `pendingSince` are in flight: they hold a place under `max` (parallel guesses cannot all
       * pass) but are no failures — refused for them alone, the answer is `busy`. Older ones (a process that ended while
       * hashing) count as failures.
       */
      pendingSince?: string,
    ): Promise<TakeResult> {
      return k.transaction(async (trx) => {
        if (trx.client.config.client === 'pg')
          await trx.raw('select pg_advisory_xact_lock(?, hashtext(?))', [THROTTLE_LOCK_NAMESPACE, `${bucket}:${keyHash}`]);
        if (pendingSince === undefined) {
          const r = await recent(trx, bucket, keyHash, since);
          if (r.count >= max) return { taken: false as const, count: r.count, oldest: r.oldest };
          const [row] = await trx('throttle_events').insert({ bucket, key_hash: keyHash, at }).returning('id');
          const id = Number(typeof row === 'object' ? (row as { id: number | string }).id : row);
          return { taken: true as const, id, count: r.count + 1 };
        }
        const pending = pendingBucket(bucket);
        const failed = '(bucket = ? or at <= ?)';
        const row = (await trx('throttle_events')
          .where({ key_hash: keyHash })
          .whereIn('bucket', [bucket, pending])
          .where('at', '>', since)
          .select(
            trx.raw('count(*) as n'),
            trx.raw(`sum(case when ${failed} then 1 else 0 end) as failed`, [bucket, pendingSince]),
            trx.raw(`min(case when ${failed} then at end) as oldest`, [bucket, pendingSince]),
          )
          .first()) as { n: string | number; failed: string | number | null; oldest: string | null } | undefined;
        const count = Number(row?.n ?? 0);
        const failures = Number(row?.failed ?? 0);
        if (failures >= max) return { taken: false as const, count, oldest: row?.oldest ?? null };
        if (count >= max) return { taken: false as const, count, oldest: null, busy: true };
        const [ins] = await trx('throttle_events').insert({ bucket: pending, key_hash: keyHash, at }).returning('id');
        const id = Number(typeof ins === 'object' ? (ins as { id: number | string }).id : ins);
        return { taken: true as const, id, count: count + 1 };
      });
    },
    /** A reservation whose attempt failed: counted from now on, as a failure of its limit (`take` with `pendingSince`). */
    async confirm(k: Knex, id: number, bucket: string): Promise<void> {
      await k('throttle_events').where({ id }).update({ bucket });
    },
    /** Takes back one recorded attempt (work that turned out not to count: a login that succeeded). */
    async remove(k: Knex, id: number): Promise<void> {
      await k('throttle_events').where({ id }).delete();
    },
    async clear(k: Knex, bucket: string, keyHash: string): Promise<void> {
      await k('throttle_events').where({ bucket, key_hash: keyHash }).delete();
    },
    /** Deletes attempts older than `before` (no window reaches that far back) — not the known addresses (below). */
    async prune(k: Knex, before: string): Promise<number> {
      return k('throttle_events').where('at', '<', before).whereNot('bucket', KNOWN_ADDRESS_BUCKET).delete();
    },
    /**
     * Known addresses (s45 M2): one row per account and address that signed in, `key_hash` a keyed hash of both
     * (app/users/known-addresses.ts — never the address itself), `at` the last success. Replaced on each success.
     */
    async markKnown(k: Knex, keyHash: string, at: string): Promise<void> {
      await k.transaction(async (trx) => {
        await trx('throttle_events').where({ bucket: KNOWN_ADDRESS_BUCKET, key_hash: keyHash }).delete();
        await trx('throttle_events').insert({ bucket: KNOWN_ADDRESS_BUCKET, key_hash: keyHash, at });
      });
    },
    /** Whether the account signed in from the address after `since`. */
    async isKnown(k: Knex, keyHash: string, since: string): Promise<boolean> {
      const row = await k('throttle_events').where({ bucket: KNOWN_ADDRESS_BUCKET, key_hash: keyHash }).where('at', '>', since).first('id');
      return row !== undefined;
    },
    /** Deletes known addresses last used before `before`. */
    async pruneKnown(k: Knex, before: string): Promise<number> {
      return k('throttle_events').where({ bucket: KNOWN_ADDRESS_BUCKET }).where('at', '<', before).delete();
    },
  };
}
export type ThrottleStore = ReturnType<typeof createThrottleStore>;
