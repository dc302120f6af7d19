import type { Knex } from 'knex';
import { writeLater } from '../write-later.ts';

export interface StoredResponse {
  requestHash: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** First results of POST writes, per user and key (api.md "Idempotency-Key"). */
export function createIdempotencyStore() {
  return {
    async find(k: Knex, userId: number, key: string): Promise<StoredResponse | undefined> {
      const row = await k('idempotency_keys').where({ user_id: userId, key }).first();
      if (!row) return undefined;
      return {
        requestHash: row.request_hash,
        status: Number(row.status),
        body: JSON.parse(row.response),
        headers: row.headers ? JSON.parse(row.headers) : {},
      };
    },
    async save(trx: Knex, userId: number, key: string, r: StoredResponse, now: string): Promise<void> {
      // Queued with the rest of the write (db/write-later.ts): a key stored meanwhile by a retry fails the COMMIT with
      // the unique violation the caller answers by replaying (server/http/write.ts).
      await writeLater(
        trx,
        trx('idempotency_keys').insert({
          user_id: userId,
          key,
          request_hash: r.requestHash,
          status: r.status,
          response: JSON.stringify(r.body),
          headers: JSON.stringify(r.headers),
          created_at: now,
        }),
        // The stored answer is the view: identity numbers, phones, addresses.
        { personal: true },
      );
    },
  };
}
export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;
