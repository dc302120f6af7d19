import type { Knex } from 'knex';

/**
 * Sliding-window counters in the database (migration …_0031_throttle_events), so that every process on the same
 * database counts the same attempts. One row per counted attempt; keys arrive already hashed.
 */
export function createThrottleStore() {
  return {
    /** Attempts since `since` and the oldest of them (to say when the window frees up). */
    async recent(k: Knex, bucket: string, keyHash: string, since: string): Promise<{ count: number; oldest: string | null }> {
      const row = (await k('throttle_events')
        .where({ bucket, key_hash: keyHash })
        .where('at', '>', since)
        .select(k.raw('count(*) as n'), k.raw('min(at) as oldest'))
        .first()) as { n: string | number; oldest: string | null } | undefined;
      return { count: Number(row?.n ?? 0), oldest: row?.oldest ?? null };
    },
    async record(k: Knex, bucket: string, keyHash: string, at: string): Promise<void> {
      await k('throttle_events').insert({ bucket, key_hash: keyHash, at });
    },
    async clear(k: Knex, bucket: string, keyHash: string): Promise<void> {
      await k('throttle_events').where({ bucket, key_hash: keyHash }).delete();
    },
    /** Deletes attempts older than `before` (no window reaches that far back). */
    async prune(k: Knex, before: string): Promise<number> {
      return k('throttle_events').where('at', '<', before).delete();
    },
  };
}
export type ThrottleStore = ReturnType<typeof createThrottleStore>;
