import type { Knex } from 'knex';
import type { Role } from '../../workflows/reference.ts';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
}

interface DbUser {
  id: number;
  username: string;
  display_name: string;
  role: string;
  active: boolean | number;
  password_hash: string;
}

const toUser = (r: DbUser): UserRow => ({
  id: Number(r.id),
  username: r.username,
  displayName: r.display_name,
  role: r.role as Role,
  active: Boolean(r.active),
});

/** Users and their bearer tokens (stored as sha256 hashes with an expiry). */
export function createUserStore(knex: Knex) {
  return {
    async count(): Promise<number> {
      const row = await knex('users').count<{ n: string | number }[]>({ n: '*' }).first();
      return Number(row?.n ?? 0);
    },
    async findByUsername(username: string): Promise<(UserRow & { passwordHash: string }) | undefined> {
      const r = await knex<DbUser>('users').where({ username }).first();
      return r ? { ...toUser(r), passwordHash: r.password_hash } : undefined;
    },
    async findById(id: number, trx: Knex = knex): Promise<UserRow | undefined> {
      const r = await trx<DbUser>('users').where({ id }).first();
      return r ? toUser(r) : undefined;
    },
    async list(): Promise<UserRow[]> {
      return (await knex<DbUser>('users').orderBy('id')).map(toUser);
    },
    async listByIds(ids: number[], trx: Knex = knex): Promise<UserRow[]> {
      if (ids.length === 0) return [];
      return (await trx<DbUser>('users').whereIn('id', ids)).map(toUser);
    },
    async create(
      u: { username: string; displayName: string; role: Role; passwordHash: string },
      now: string,
      trx: Knex = knex,
    ): Promise<UserRow> {
      const [row] = await trx('users')
        .insert({
          username: u.username,
          display_name: u.displayName,
          role: u.role,
          password_hash: u.passwordHash,
          active: true,
          created_at: now,
        })
        .returning('*');
      return toUser(row as DbUser);
    },
    async createToken(userId: number, tokenHash: string, now: string, expiresAt: string): Promise<void> {
      await knex('tokens').insert({ user_id: userId, token_hash: tokenHash, created_at: now, expires_at: expiresAt });
    },
    /** The active user holding an unexpired, unrevoked token, or undefined. */
    async userForToken(tokenHash: string, now: string): Promise<UserRow | undefined> {
      const r = await knex('tokens')
        .join('users', 'users.id', 'tokens.user_id')
        .where('tokens.token_hash', tokenHash)
        .whereNull('tokens.revoked_at')
        .where('tokens.expires_at', '>', now)
        .select<DbUser[]>('users.*')
        .first();
      return r?.active ? toUser(r) : undefined;
    },
    async revokeToken(tokenHash: string, now: string): Promise<void> {
      await knex('tokens').where({ token_hash: tokenHash }).whereNull('revoked_at').update({ revoked_at: now });
    },
  };
}
export type UserStore = ReturnType<typeof createUserStore>;
