import type { Knex } from 'knex';
import type { Role } from '../../workflows/reference.ts';
import { fixedRows } from '../fixed-query.ts';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  /** An admin reset the password: only changing it is allowed until then. */
  mustChangePassword: boolean;
}

interface DbUser {
  id: number;
  username: string;
  display_name: string;
  role: string;
  active: boolean | number;
  password_hash: string;
  must_change_password: boolean | number | null;
}

const toUser = (r: DbUser): UserRow => ({
  id: Number(r.id),
  username: r.username,
  displayName: r.display_name,
  role: r.role as Role,
  active: Boolean(r.active),
  mustChangePassword: Boolean(r.must_change_password),
});

/** A bearer token's session: its user and when it was made and last used. */
export interface Session {
  user: UserRow;
  tokenId: number;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The session of a token: an unexpired, unrevoked token joined with its user. */
const sessionQuery = (k: Knex, tokenHash: string, now: string) =>
  k('tokens')
    .join('users', 'users.id', 'tokens.user_id')
    .where('tokens.token_hash', tokenHash)
    .whereNull('tokens.revoked_at')
    .where('tokens.expires_at', '>', now)
    .select('users.*', 'tokens.id as token_id', 'tokens.created_at as token_created_at', 'tokens.last_used_at')
    .limit(1);

/** Users and their bearer tokens (stored as sha256 hashes with an expiry). */
/** `reader`: where reads outside a write go (the session lookup of every request). */
export function createUserStore(knex: Knex, reader: Knex = knex) {
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
    async passwordHash(id: number, trx: Knex = knex): Promise<string | undefined> {
      const r = await trx<DbUser>('users').where({ id }).first('password_hash');
      return r?.password_hash;
    },
    async list(): Promise<UserRow[]> {
      return (await knex<DbUser>('users').orderBy('id')).map(toUser);
    },
    async page(k: Knex, page: number, pageSize: number): Promise<{ items: UserRow[]; total: number }> {
      const countRow = await k('users').count<{ n: string | number }[]>({ n: '*' }).first();
      const rows = await k<DbUser>('users')
        .orderBy('id')
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      return { items: rows.map(toUser), total: Number(countRow?.n ?? 0) };
    },
    async listByIds(ids: number[], trx: Knex = knex): Promise<UserRow[]> {
      if (ids.length === 0) return [];
      return (await trx<DbUser>('users').whereIn('id', ids)).map(toUser);
    },
    async create(
      /** `mustChangePassword`: the password is someone else's (an admin's) — its holder changes it first. */
      u: { username: string; displayName: string; role: Role; passwordHash: string; mustChangePassword: boolean },
      now: string,
      trx: Knex = knex,
    ): Promise<UserRow> {
      const [row] = await trx('users')
        .insert({
          username: u.username,
          display_name: u.displayName,
          role: u.role,
          password_hash: u.passwordHash,
          must_change_password: u.mustChangePassword,
          active: true,
          created_at: now,
          password_changed_at: now,
        })
        .returning('*');
      return toUser(row as DbUser);
    },
    async update(trx: Knex, id: number, patch: { active?: boolean; role?: Role; displayName?: string }): Promise<void> {
      const row: Record<string, unknown> = {};
      if (patch.active !== undefined) row.active = patch.active;
      if (patch.role !== undefined) row.role = patch.role;
      if (patch.displayName !== undefined) row.display_name = patch.displayName;
      if (Object.keys(row).length) await trx('users').where({ id }).update(row);
    },
    async setPassword(trx: Knex, id: number, passwordHash: string, mustChange: boolean, now: string): Promise<void> {
      await trx('users').where({ id }).update({ password_hash: passwordHash, must_change_password: mustChange, password_changed_at: now });
    },
    /**
     * Ids of the active admins, locked until the transaction ends on PostgreSQL (two admins demoting each other at
     * once then wait for each other); SQLite's single writer serializes the transactions already.
     */
    async activeAdminIds(trx: Knex): Promise<number[]> {
      const q = trx('users').where({ role: 'admin', active: true }).select('id');
      // FOR NO KEY UPDATE, like the case locks (db/stores/cases.ts `lock`): an admin's id never changes, and the rows
      // that only reference the user — an access-log entry, a token — take KEY SHARE without waiting for it (sec50 H3).
      if (trx.client.config.client === 'pg') q.forNoKeyUpdate();
      return (await q).map((r: { id: number }) => Number(r.id));
    },
    async createToken(userId: number, tokenHash: string, now: string, expiresAt: string): Promise<void> {
      await knex('tokens').insert({ user_id: userId, token_hash: tokenHash, created_at: now, expires_at: expiresAt, last_used_at: now });
    },
    /** The session of an unexpired, unrevoked token (of an active or inactive user), or undefined. */
    async sessionForToken(tokenHash: string, now: string): Promise<Session | undefined> {
      // Every request asks this: the statement's text is built once (db/fixed-query.ts).
      const [r] = (await fixedRows(reader, 'session-for-token', sessionQuery, [tokenHash, now])) as (DbUser & {
        token_id: number;
        token_created_at: string;
        last_used_at: string | null;
      })[];
      return r
        ? { user: toUser(r), tokenId: Number(r.token_id), createdAt: r.token_created_at, lastUsedAt: r.last_used_at ?? null }
        : undefined;
    },
    async touchToken(tokenId: number, now: string): Promise<void> {
      await knex('tokens').where({ id: tokenId }).update({ last_used_at: now });
    },
    async revokeToken(tokenHash: string, now: string): Promise<void> {
      await knex('tokens').where({ token_hash: tokenHash }).whereNull('revoked_at').update({ revoked_at: now });
    },
    /** Revokes every live token of the user, but the one whose hash is `except`; answers how many. */
    async revokeTokensOf(userId: number, now: string, opts: { except?: string; trx?: Knex } = {}): Promise<number> {
      const q = (opts.trx ?? knex)('tokens').where({ user_id: userId }).whereNull('revoked_at').where('expires_at', '>', now);
      if (opts.except) q.whereNot('token_hash', opts.except);
      return q.update({ revoked_at: now });
    },
    /** Live tokens of the user beyond the newest `keep`, revoked (session limit); answers how many. */
    async revokeOldestBeyond(userId: number, keep: number, now: string): Promise<number> {
      const live = await knex('tokens')
        .where({ user_id: userId })
        .whereNull('revoked_at')
        .where('expires_at', '>', now)
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .select('id');
      const old = live.slice(keep).map((r: { id: number }) => Number(r.id));
      if (!old.length) return 0;
      return knex('tokens').whereIn('id', old).update({ revoked_at: now });
    },
  };
}
export type UserStore = ReturnType<typeof createUserStore>;
