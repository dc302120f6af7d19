import crypto from 'node:crypto';
import type { UserRow } from '../../db/stores/users.ts';
import type { Deps } from '../deps.ts';
import { forbidden, unauthorized, validationError } from '../errors.ts';
import { DUMMY_HASH, hashPassword, newToken, sha256, verifyPassword } from '../passwords.ts';
import type { Actor } from '../policy.ts';
import type { Attempt, Limit } from '../security/throttle.ts';
import type { Transact } from '../unit-of-work.ts';
import { addressKey, knownAddressHash } from './known-addresses.ts';
import { passwordWeakness } from './password-policy.ts';

/**
 * Last use is written at most this often per token (a write per request would double the database load): every 60 s,
 * or every half of the idle timeout when that is shorter (`touchEveryMs`).
 */
const TOUCH_EVERY_MS = 60_000;

/**
 * How often the last use is written: min(60 s, idle / 10). The recorded last use is then less than this behind the real
 * one (a use sooner after the recorded one is not written), so a token is refused only once the idle timeout AND this
 * interval have passed since the recorded use (`authenticate`): never before the idle timeout after its real last use
 * (outside tester s45 L6: counted from the record alone, a 1-minute timeout refused a token 42 s after its use), at
 * most this interval after it — with nothing kept in the process, so every process of one database answers alike.
 * With a fixed 60 s, a 1-minute timeout ended a token used every 25 s about 75 s after login (security finding L1,
 * sec44).
 */
export const touchEveryMs = (idleMs: number): number => Math.min(TOUCH_EVERY_MS, Math.floor(idleMs / 10));

/** The account key of the login limits: usernames are matched case-insensitively here, so case games do not help. */
export const accountKey = (username: string) => username.trim().toLowerCase();

/**
 * The key of the username digests in the log: derived from the key of the known login addresses (`addressKey`:
 * LOGIN_ADDRESS_KEY, else the host's `login-address.key`), which every process on the database shares when they run on
 * several hosts and every process of one host shares anyway — so one name gives one digest in the logs of every
 * process, and an operator matches the refusals (`auth.login_refused`, a digest only) with the account's own lines
 * (outside tester sec53 L1: a random key per process told nothing across processes or restarts). A reader of the log
 * without that key cannot try a password list against a digest. Derived, not the key itself: a digest is no HMAC of
 * anything stored in the database.
 */
export function usernameDigestKey(config: Parameters<typeof addressKey>[0]): Buffer {
  return crypto.createHmac('sha256', addressKey(config)).update('zhongcai login username digest').digest();
}

/**
 * The username as the log records it: as a keyed digest (HMAC-SHA256, 16 base64url characters) of the name as the
 * login limits read it (`accountKey`: `Analyst `, `analyst` one account, one digest) — and beside it, for an account,
 * the account's own name. A name that matches no account is only ever a digest: it is often a password typed into the
 * wrong field, and the log never holds passwords, in clear or in a form that can be tried without the key. Not hex: 16
 * hex digits hold an 11-digit run shaped like a mobile number often enough (about 1 in 100) that the log's masking cut
 * the digest (server/logger.ts scrub).
 */
export function loggedName(username: string, account: string | null, key: Buffer): { username?: string; usernameDigest: string } {
  const usernameDigest = crypto.createHmac('sha256', key).update(accountKey(username)).digest('base64url').slice(0, 16);
  return account === null ? { usernameDigest } : { username: account, usernameDigest };
}

/**
 * POST /api/auth/login — a bearer token for a valid username and password. In order, before any hashing: the attempt
 * is reserved against the client address's failures (LOGIN_MAX_FAILURES_PER_ADDRESS) and the account's
 * (LOGIN_MAX_FAILURES) — in the database for every process, atomically with the check, so that parallel guesses cannot
 * all pass a check made before any of them was counted: at most the limit ever reach the hash (`Throttle.reserve`).
 * Then one bounded scrypt (app/passwords.ts) — also for an unknown username, so that timing does not tell which
 * usernames exist. Only a failure counts: a success gives its places back (and clears the account's failures); a
 * refusal (429) counts nothing — 「失败次数过多」 only when the failures are at the limit, 「同时进行的登录过多」 with a
 * short Retry-After when logins in flight fill it (outside checker sec52 H1). Every outcome is
 * logged with the address and the username's digest, the same in every process (`loggedName`) — never the password;
 * once the name is found to be an account's (a wrong password, an inactive user, a login), the account's name beside
 * it: that name is an account's, which the log may name, not a password typed into the wrong field (a password that is
 * also a username is no secret). A name that is no account's, and every refusal before the lookup, only as the digest.
 */
export async function login(
  deps: Deps,
  input: { username: string; password: string },
  address: string,
): Promise<{ token: string; expiresAt: string; user: UserRow }> {
  const { throttle, limits, logger } = deps;
  // `ip`, not `address`: the log redacts every `address` key (parties' addresses). A name that is no account's is logged
  // as a digest only: people type their password into the username field (`loggedName`).
  const digestKey = usernameDigestKey(deps.config);
  let who = { ...loggedName(input.username, null, digestKey), ip: address };
  // A refusal while locked does no more work than the refusal (no lookup): the name is logged as a digest; the lockout
  // itself (below) names the account.
  const account = accountKey(input.username);
  const pair = knownAddressHash(addressKey(deps.config), account, address);
  const { attempts, byAddress, byAccount, byKnownAddress, knownCounter, accountLocked, addressRefusal } = await takeLoginAttempts(
    deps,
    address,
    account,
    pair,
  ).catch((err) => {
    if ((err as { inFlight?: boolean }).inFlight)
      logger.warn({ event: 'auth.login_refused', ...who, reason: 'in_flight' }, 'login refused: too many logins in flight');
    else logger.warn({ event: 'auth.login_refused', ...who, reason: 'locked' }, 'login refused: too many failures');
    throw err;
  });
  let user: Awaited<ReturnType<typeof deps.stores.users.findByUsername>>;
  let ok = false;
  try {
    // Usernames are lower case (app/schemas.ts): a name typed with a capital — a phone's keyboard capitalizes the first
    // letter — or with a space around it is the same account. The name as typed first, for an account stored before
    // that rule.
    user =
      (await deps.stores.users.findByUsername(input.username)) ??
      (account !== input.username ? await deps.stores.users.findByUsername(account) : undefined);
    ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  } catch (err) {
    // Not a failed login (the hash queue is full, the database is down): the attempts are given back.
    await Promise.allSettled(attempts.map((x) => x.release()));
    throw err;
  }
  // An account's name as stored (the one typed matched it): a name, not a password typed in the wrong field.
  if (user) who = { ...loggedName(input.username, user.username, digestKey), ip: address };
  if (!user || !ok || !user.active) {
    const reason = !user ? 'unknown_user' : !ok ? 'wrong_password' : 'inactive';
    logger.warn({ event: 'auth.login_failed', ...who, reason }, 'login failed');
    // Now counted as failures (they were reserved while in flight): a lockout is logged by the failure that makes it.
    const [nAddress, nAccount, nKnown] = await Promise.all([byAddress?.fail(), byAccount?.fail(), byKnownAddress?.fail()]);
    if (nAddress === limits.loginAddress.max) logger.warn({ event: 'auth.lockout', scope: 'address', ...who }, 'login lockout: address');
    if (nAccount === limits.loginAccount.max) logger.warn({ event: 'auth.lockout', scope: 'account', ...who }, 'login lockout: account');
    if (nKnown === limits.loginAccount.max)
      logger.warn({ event: 'auth.lockout', scope: 'known_address', ...who }, 'login lockout: account from a known address');
    // At a locked address only the right password of an account known there gets in: a wrong one answers the address's
    // refusal, as every other name there does — a 401 would tell who has signed in from it (reviewer s53 B M1).
    if (addressRefusal) throw addressRefusal;
    throw unauthorized('用户名或密码错误');
  }
  await Promise.all(attempts.map((x) => x.release()));
  // A success clears the account's failures — but for those that locked it, when this address got past the lock as a
  // known one: the lock stands against the guesses from elsewhere.
  if (!accountLocked) await throttle.reset(limits.loginAccount, account);
  if (knownCounter) await throttle.reset(knownAddressLimit(limits), knownCounter);
  const now = deps.clock.now();
  await deps.stores.throttle.markKnown(deps.db.knex, pair, now.toISOString());
  await deps.stores.throttle.pruneKnown(deps.db.knex, knownSince(deps, now));
  const token = newToken();
  const expiresAt = new Date(now.getTime() + deps.config.tokenTtlHours * 3_600_000).toISOString();
  await deps.stores.users.createToken(user.id, sha256(token), now.toISOString(), expiresAt);
  const ended = await deps.stores.users.revokeOldestBeyond(user.id, deps.config.maxSessionsPerUser, now.toISOString());
  logger.info({ event: 'auth.login', ...who, userId: user.id, endedSessions: ended || undefined }, 'login');
  const { passwordHash: _, ...publicUser } = user;
  return { token, expiresAt, user: publicUser };
}

/**
 * The failures of one account from one known address (s45 M2): counted, and refused at LOGIN_MAX_FAILURES, apart from
 * the account's failures from everywhere. The key is the keyed hash of both (app/users/known-addresses.ts).
 */
const knownAddressLimit = (limits: Deps['limits']): Limit => ({ ...limits.loginAccount, bucket: 'login.account-known-address' });

/**
 * An admin's reset of an account's password (`liftLockouts`), kept for the login window: the failures of the account
 * from its known addresses (`knownAddressLimit`, keyed by a hash of account and address — not to be found by the
 * account alone) are counted under a key holding the last reset's time, so that each reset starts them afresh.
 */
const passwordResetMark = (limits: Deps['limits']): Limit => ({ ...limits.loginAccount, bucket: 'login.account-password-reset' });

/** Lifts every lockout of the account (an admin's password reset): its failures from anywhere, and from each known address. */
export async function liftLockouts(deps: Deps, username: string): Promise<void> {
  const account = accountKey(username);
  await deps.throttle.reset(deps.limits.loginAccount, account);
  await deps.throttle.mark(passwordResetMark(deps.limits), account);
}

/** Since when a success makes an address known (LOGIN_KNOWN_ADDRESS_DAYS before `now`). */
const knownSince = (deps: Deps, now: Date) => new Date(now.getTime() - deps.config.loginKnownAddressDays * 86_400_000).toISOString();

/**
 * The address's attempt, then the account's; when the account refuses, the address's is given back (nothing counts).
 * The address's refusal does not refuse an account from an address known for it (sec53 M1): no address attempt then.
 * From an address the account signed in from within LOGIN_KNOWN_ADDRESS_DAYS, a refusal of the account (its failures
 * from anywhere at the limit) does not refuse: the attempt is counted against this account and address instead, and
 * refused when they are at the limit — a stranger's guesses cannot lock the real user out, its own still count
 * (outside tester s45 M2). `accountLocked`: the account was at its limit (a success then leaves its failures).
 */
async function takeLoginAttempts(
  deps: Deps,
  address: string,
  account: string,
  pair: string,
): Promise<{
  attempts: Attempt[];
  byAddress?: Attempt;
  byAccount?: Attempt;
  byKnownAddress?: Attempt;
  knownCounter?: string;
  accountLocked: boolean;
  /** The address limit's refusal a known account got past: what a wrong password of it answers (reviewer s53 B M1). */
  addressRefusal?: unknown;
}> {
  let known: boolean | undefined;
  const isKnown = async () => {
    known ??= await deps.stores.throttle.isKnown(deps.db.knex, pair, knownSince(deps, deps.clock.now()));
    return known;
  };
  // The address's limit (its failures, or its logins in flight) does not refuse an account from an address known for it
  // (LOGIN_KNOWN_ADDRESS_DAYS): otherwise 20 guesses at any names from an office's one NAT address lock every user there
  // out, each 15 minutes (outside tester sec53 M1). Such a login is then not counted against the address; it is still
  // reserved against the account and against this account's own failures from this address (below), refused at
  // LOGIN_MAX_FAILURES — a guesser there gets at most that many more tries per account that signed in from there.
  let byAddress: Attempt | undefined;
  let addressRefusal: unknown;
  try {
    byAddress = await deps.throttle.reserve(deps.limits.loginAddress, address);
  } catch (err) {
    if ((err as { status?: number }).status !== 429 || !(await isKnown())) throw err;
    addressRefusal = err;
  }
  const taken: Attempt[] = byAddress ? [byAddress] : [];
  try {
    let byAccount: Attempt | undefined;
    try {
      byAccount = await deps.throttle.reserve(deps.limits.loginAccount, account);
      taken.push(byAccount);
    } catch (err) {
      if ((err as { status?: number }).status !== 429 || !(await isKnown())) throw err;
    }
    // A known address's own failures: counted always (a success gives them back), refused at the limit.
    // Counted anew after an admin's reset of the account's password (outside tester secfix M1: the reset left the
    // account locked from its usual address): the counter's key holds the time of the last reset in the window.
    const knownCounter = (await isKnown())
      ? `${pair}\u0000${(await deps.throttle.lastMark(passwordResetMark(deps.limits), account)) ?? ''}`
      : undefined;
    const byKnownAddress = knownCounter ? await deps.throttle.reserve(knownAddressLimit(deps.limits), knownCounter) : undefined;
    if (byKnownAddress) taken.push(byKnownAddress);
    return { attempts: taken, byAddress, byAccount, byKnownAddress, knownCounter, accountLocked: !byAccount, addressRefusal };
  } catch (err) {
    await Promise.allSettled(taken.map((x) => x.release()));
    throw err;
  }
}

/**
 * The user holding a bearer token, or a 401: the token must be unexpired, unrevoked, used within the idle timeout
 * (SESSION_IDLE_MINUTES), and its user active.
 */
export async function authenticate(deps: Deps, token: string | undefined): Promise<UserRow> {
  if (!token) throw unauthorized();
  const now = deps.clock.now();
  const s = await deps.stores.users.sessionForToken(sha256(token), now.toISOString());
  if (!s?.user.active) throw unauthorized('访问令牌无效或已过期，请重新登录');
  const idleMs = deps.config.sessionIdleMinutes * 60_000;
  const touchMs = touchEveryMs(idleMs);
  const recorded = Date.parse(s.lastUsedAt ?? s.createdAt);
  // The real last use is in [recorded, recorded + touchMs): idle for sure only past both.
  if (now.getTime() - recorded > idleMs + touchMs) {
    await deps.stores.users.revokeToken(sha256(token), now.toISOString());
    throw unauthorized('长时间未操作，登录已失效，请重新登录');
  }
  // Only forward: a clock set back (tests) must not make a session look idle later.
  if (now.getTime() - recorded >= touchMs) await deps.stores.users.touchToken(s.tokenId, now.toISOString());
  return s.user;
}

/** Routes a user whose password an admin reset may still use: change it, see oneself, log out. */
export const WHILE_PASSWORD_MUST_CHANGE = new Set(['/api/auth/password', '/api/auth/me', '/api/auth/logout', '/api/auth/logout-all']);

/** 403 for anything but changing the password while an admin's reset is pending. */
export function assertPasswordCurrent(user: UserRow, path: string): void {
  if (user.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(path)) {
    const e = forbidden('您的密码是管理员设定的：请先修改密码（POST /api/auth/password）');
    Object.assign(e.extra, { rule: 'password-change-required' });
    throw e;
  }
}

/** POST /api/auth/logout — ends this token. */
export async function logout(deps: Deps, actor: Actor, token: string): Promise<void> {
  await deps.stores.users.revokeToken(sha256(token), deps.clock.now().toISOString());
  deps.logger.info({ event: 'auth.logout', userId: actor.id }, 'logout');
}

/** POST /api/auth/logout-all — ends every token of the user, this one included. */
export async function logoutAll(deps: Deps, actor: Actor): Promise<number> {
  const n = await deps.stores.users.revokeTokensOf(actor.id, deps.clock.now().toISOString());
  deps.logger.info({ event: 'auth.logout_all', userId: actor.id, ended: n }, 'logout everywhere');
  return n;
}

/**
 * POST /api/auth/password — the user changes its own password: the current one must be right, the new one must pass
 * the policy. Every other token of the user ends; this one stays. Wrong current passwords are limited per session (its
 * token, `passwordSession`), not by the account's login lockout: strangers guessing the password at the login hold that
 * lockout, and it must not keep the signed-in user from changing it (sec50 M1). A wrong one still counts as a failed
 * login of the account (a stolen token's guesses lock the login, as before).
 */
export async function changePassword(
  deps: Deps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  currentTokenHash: string,
  transact: Transact,
): Promise<void> {
  const { throttle, limits, stores } = deps;
  const user = await stores.users.findById(actor.id);
  if (!user) throw unauthorized();
  // Reserved before the hash, like a login (see `login`); given back when the current password is right.
  const attempt = await throttle.reserve(limits.passwordSession, currentTokenHash);
  let ok: boolean;
  try {
    ok = await verifyPassword(input.currentPassword, (await stores.users.passwordHash(user.id)) ?? DUMMY_HASH);
  } catch (err) {
    await attempt.release();
    throw err;
  }
  if (!ok) {
    await attempt.fail();
    // Counted against the account's logins too; an account already locked is no reason to answer otherwise.
    await throttle.take(limits.loginAccount, accountKey(user.username)).catch((err: { status?: number }) => {
      if (err.status !== 429) throw err;
    });
    deps.logger.warn({ event: 'auth.password_change_failed', userId: user.id, username: user.username }, 'wrong current password');
    throw validationError([{ path: 'currentPassword', message: '当前密码不正确' }]);
  }
  await attempt.release();
  const weak =
    input.newPassword === input.currentPassword
      ? '新密码不能与当前密码相同'
      : passwordWeakness(input.newPassword, [user.username, user.displayName]);
  if (weak) throw validationError([{ path: 'newPassword', message: weak }]);
  const hash = await hashPassword(input.newPassword);
  await transact(async (uow) => {
    await stores.users.setPassword(uow.trx, user.id, hash, false, uow.now);
    await stores.users.revokeTokensOf(user.id, uow.now, { except: currentTokenHash, trx: uow.trx });
    await stores.reference.audit(uow.trx, {
      entity: 'user',
      key: String(user.id),
      action: 'change_password',
      actorId: actor.id,
      actorRole: actor.role,
      at: uow.now,
      before: null,
      after: null,
    });
  });
  deps.logger.info({ event: 'auth.password_changed', userId: user.id }, 'password changed');
}
