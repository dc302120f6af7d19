import type { Knex } from 'knex';
import { isUniqueViolation } from '../knex.ts';

/** A signing key as registered in the database: its id and public half (the private key never comes here). */
export interface RegisteredKey {
  keyId: string;
  algorithm: 'Ed25519';
  publicKeyPem: string;
  createdAt: string;
  registeredAt: string;
  registeredBy: string;
  retiredAt: string | null;
}

// biome-ignore lint/suspicious/noExplicitAny: raw driver rows
const fromRow = (r: Record<string, any>): RegisteredKey => ({
  keyId: r.key_id,
  algorithm: r.algorithm,
  publicKeyPem: r.public_key_pem,
  createdAt: r.created_at,
  registeredAt: r.registered_at,
  registeredBy: r.registered_by,
  retiredAt: r.retired_at ?? null,
});

/** The commission's signing keys (db/migrations/20261202_0001_commission_keys.ts). */
export function createCommissionKeyStore() {
  return {
    /** The key every process must sign with, or undefined before one is registered. */
    async current(k: Knex): Promise<RegisteredKey | undefined> {
      const r = await k('commission_keys').whereNull('retired_at').first();
      return r ? fromRow(r) : undefined;
    },
    /**
     * Registers the current key; false when another process registered one first (the unique index on the current key
     * decides the race: the caller reads which one won).
     */
    async register(k: Knex, key: Omit<RegisteredKey, 'retiredAt'>): Promise<boolean> {
      try {
        await k('commission_keys').insert({
          key_id: key.keyId,
          algorithm: key.algorithm,
          public_key_pem: key.publicKeyPem,
          created_at: key.createdAt,
          registered_at: key.registeredAt,
          registered_by: key.registeredBy,
        });
        return true;
      } catch (e) {
        if (isUniqueViolation(e)) return false;
        throw e;
      }
    },
  };
}
export type CommissionKeyStore = ReturnType<typeof createCommissionKeyStore>;
