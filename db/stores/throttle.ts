import type { Knex } from 'knex';

/** PostgreSQL advisory-lock namespace of the throttle keys (db/knex.ts ADVISORY_LOCKS use another one). */
const THROTTLE_LOCK_NAMESPACE = 0x7a74; // "zt"

/** The bucket of the addresses accounts signed in from (kept for days, not a sliding window of attempts). */
export const KNOWN_ADDRESS_BUCKET = 'login.known-address';

export type TakeResult = { taken: true; id: number; count: number } | { taken: false; count: number; oldest: string | null };

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
    async take(k: Knex, bucket: string, keyHash: string, at: string, since: string, max: number): Promise<TakeResult> {
      return k.transaction(async (trx) => {
        if (trx.client.config.client === 'pg')
          await trx.raw('select pg_advisory_xact_lock(?, hashtext(?))', [THROTTLE_LOCK_NAMESPACE, `${bucket}:${keyHash}`]);
        const r = await recent(trx, bucket, keyHash, since);
        if (r.count >= max) return { taken: false as const, count: r.count, oldest: r.oldest };
        const [row] = await trx('throttle_events').insert({ bucket, key_hash: keyHash, at }).returning('id');
        const id = Number(typeof row === 'object' ? (row as { id: number | string }).id : row);
        return { taken: true as const, id, count: r.count + 1 };
      });
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
