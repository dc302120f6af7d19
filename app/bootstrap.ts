import crypto from 'node:crypto';
import { assertPostgresSupported, type Database, withAdvisoryLock } from '../db/knex.ts';
import { runPendingMaintenance } from '../db/maintenance.ts';
import { migrateToLatest } from '../db/migrations/index.ts';
import { createCommissionKeyStore } from '../db/stores/commission-keys.ts';
import { createUserStore } from '../db/stores/users.ts';
import type { Clock } from './clock.ts';
import { initCommissionKey, type KeyInitOutcome } from './court-package/keys.ts';
import { hashPassword } from './passwords.ts';
import { passwordWeakness } from './users/password-policy.ts';

/**
 * On an empty database, creates the first `admin` from ADMIN_PASSWORD, or with a random password
 * that is returned so the caller can print it once (that one must be changed at the first login). ADMIN_PASSWORD must pass the password policy (≥ 12 characters,
 * not a common password): a weak one stops the start with an error saying why.
 */
export async function ensureFirstAdmin(
  db: Database,
  clock: Clock,
  adminPassword: string | undefined,
): Promise<{ created: boolean; generatedPassword?: string }> {
  const users = createUserStore(db.knex);
  if ((await users.count()) > 0) return { created: false };
  if (adminPassword !== undefined) {
    const weak = passwordWeakness(adminPassword, ['admin']);
    if (weak) throw new Error(`ADMIN_PASSWORD is not acceptable: ${weak}`);
  }
  const password = adminPassword ?? crypto.randomBytes(15).toString('base64url');
  await users.create(
    // ADMIN_PASSWORD is the installer's own choice: not forced to change. A generated one has been on a console (and
    // whatever keeps its output): the first login must replace it, as with a password an administrator set.
    {
      username: 'admin',
      displayName: '系统管理员',
      role: 'admin',
      passwordHash: await hashPassword(password),
      mustChangePassword: adminPassword === undefined,
    },
    clock.now().toISOString(),
  );
  return { created: true, generatedPassword: adminPassword ? undefined : password };
}

/**
 * The commission's signing key at start-up (app/court-package/keys.ts): on a fresh install — no key registered, no key
 * file — it is made here, once; a key file already there is registered if none is; a machine without the registered
 * key is reported (it refuses to sign), never given a new one.
 */
export function ensureCommissionKey(db: Database, clock: Clock, file: string, by: string): Promise<KeyInitOutcome> {
  return initCommissionKey(db.knex, { commissionKeys: createCommissionKeyStore() }, file, {
    create: true,
    now: clock.now().toISOString(),
    by,
  });
}

/**
 * Start-up: migrations, the repairs they asked for, then the first admin and the signing key, under one advisory lock on PostgreSQL — N processes started together on
 * an empty database migrate once and create one admin; the others wait, then find both done.
 */
export async function prepareDatabase(
  db: Database,
  clock: Clock,
  adminPassword: string | undefined,
  opts: { commissionKeyPath?: string } = {},
): Promise<{ created: boolean; generatedPassword?: string; signingKey?: KeyInitOutcome }> {
  if (db.dialect === 'postgres') await assertPostgresSupported(db);
  const r = await withAdvisoryLock(db, 'startup', async () => {
    await migrateToLatest(db.knex);
    await runPendingMaintenance(db.knex);
    const admin = await ensureFirstAdmin(db, clock, adminPassword);
    if (!opts.commissionKeyPath) return admin;
    return { ...admin, signingKey: await ensureCommissionKey(db, clock, opts.commissionKeyPath, 'npm start') };
  });
  if (!r.acquired) throw new Error('start-up lock not acquired');
  return r.value;
}
