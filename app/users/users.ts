import { isUniqueViolation } from '../../db/knex.ts';
import type { UserRow } from '../../db/stores/users.ts';
import { holdsPersonalNumber, nameControlProblem } from '../../workflows/identifiers.ts';
import type { Role } from '../../workflows/reference.ts';
import type { Deps } from '../deps.ts';
import { AppError, unknownPathParam, unprocessable, validationError } from '../errors.ts';
import { hashPassword } from '../passwords.ts';
import { type Actor, AREA_ROLES, assertRole } from '../policy.ts';
import { NAME_HOLDS_NUMBER } from '../schemas.ts';
import type { Transact, UnitOfWork } from '../unit-of-work.ts';
import { passwordWeakness } from './password-policy.ts';
import { liftLockouts } from './sessions.ts';

export interface UserInput {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  /** Default true: the password is one the admin set and hands over; the user changes it before anything else. */
  mustChangePassword?: boolean;
}

const audit = (deps: Deps, uow: UnitOfWork, actor: Actor, id: number, action: string, before: unknown, after: unknown) =>
  deps.stores.reference.audit(uow.trx, {
    entity: 'user',
    key: String(id),
    action,
    actorId: actor.id,
    actorRole: actor.role,
    at: uow.now,
    before,
    after,
  });

/**
 * Staff names hold no identity number or phone (outside tester s45 L4: `王13812345678` was shown unmasked to every role
 * in /api/staff and as the actor of history): the contract's name rule (app/schemas.ts PersonName), read as the log
 * reads — next to letters too. 400 naming the field.
 */
function assertNoPersonalNumber(fields: { username?: string; displayName?: string }): void {
  const issues = Object.entries(fields)
    .filter(([, v]) => v !== undefined && holdsPersonalNumber(v))
    .map(([path]) => ({ path, message: path === 'username' ? '用户名中不应含有身份证号码或电话号码' : NAME_HOLDS_NUMBER }));
  // A line break or another control character in a staff name (outside tester s46 L4), also when not sent through the
  // contract's schema (app/schemas.ts Name refuses it there).
  const control = fields.displayName === undefined ? null : nameControlProblem(fields.displayName);
  if (control && !issues.some((i) => i.path === 'displayName')) issues.push({ path: 'displayName', message: control });
  if (issues.length) throw validationError(issues);
}

const publicFields = (u: UserRow) => ({ active: u.active, role: u.role, displayName: u.displayName });

/**
 * POST /api/users (admin). The password is checked and hashed before the transaction opens (scrypt takes tens of ms).
 * It is the admin's, handed over to the user: unless the admin says otherwise (`mustChangePassword: false`, audited),
 * the user must change it at the first login, as after a reset — a password someone else knows is nobody's own.
 */
export async function createUser(deps: Deps, actor: Actor, input: UserInput, transact: Transact): Promise<UserRow> {
  assertRole(actor, AREA_ROLES.users, '创建用户');
  assertNoPersonalNumber({ username: input.username, displayName: input.displayName });
  const weak = passwordWeakness(input.password, [input.username, input.displayName]);
  if (weak) throw validationError([{ path: 'password', message: weak }]);
  const passwordHash = await hashPassword(input.password);
  try {
    return await transact(async (uow) => {
      const u = await deps.stores.users.create(
        {
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          passwordHash,
          mustChangePassword: input.mustChangePassword !== false,
        },
        uow.now,
        uow.trx,
      );
      await audit(deps, uow, actor, u.id, 'create', null, {
        username: u.username,
        ...publicFields(u),
        mustChangePassword: u.mustChangePassword,
      });
      return u;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError(409, 'duplicate', '用户名已存在', `用户名“${input.username}”已被使用`, { field: 'username' });
    throw err;
  }
}

/** GET /api/users (admin), one page in the list envelope. */
export async function listUsers(deps: Deps, actor: Actor, q: { page: number; pageSize: number }) {
  assertRole(actor, AREA_ROLES.users, '查看用户列表');
  const r = await deps.stores.users.page(deps.db.reader, q.page, q.pageSize);
  return { items: r.items, total: r.total, page: q.page, pageSize: q.pageSize };
}

/** GET /api/users/:id (admin): one user — where the Location of a created user points. */
export async function getUser(deps: Deps, actor: Actor, id: number): Promise<UserRow> {
  assertRole(actor, AREA_ROLES.users, '查看用户');
  const u = await deps.stores.users.findById(id, deps.db.reader);
  if (!u) throw unknownPathParam('id', '用户');
  return u;
}

export interface UserPatch {
  active?: boolean;
  role?: Role;
  displayName?: string;
}

/**
 * PATCH /api/users/:id (admin): disable or re-enable, change the role or the display name. The last active admin
 * can be neither disabled nor demoted (nobody could manage users any more). Disabling ends the user's tokens.
 */
export async function updateUser(deps: Deps, uow: UnitOfWork, actor: Actor, id: number, patch: UserPatch): Promise<UserRow> {
  assertRole(actor, AREA_ROLES.users, '修改用户');
  assertNoPersonalNumber({ displayName: patch.displayName });
  const before = await deps.stores.users.findById(id, uow.trx);
  if (!before) throw unknownPathParam('id', '用户');
  // Nothing to change (every field sent as it is): no write, no audit row (outside checker sec52 L1).
  const changes =
    (patch.active !== undefined && patch.active !== before.active) ||
    (patch.role !== undefined && patch.role !== before.role) ||
    (patch.displayName !== undefined && patch.displayName !== before.displayName);
  if (!changes) return before;
  const losesAdmin =
    before.role === 'admin' && before.active && (patch.active === false || (patch.role !== undefined && patch.role !== 'admin'));
  if (losesAdmin) {
    const admins = await deps.stores.users.activeAdminIds(uow.trx);
    if (admins.filter((x) => x !== id).length === 0) {
      throw unprocessable('这是最后一位在职的系统管理员：不能停用或改为其他角色（请先指定另一位管理员）', { rule: 'last-admin' });
    }
  }
  await deps.stores.users.update(uow.trx, id, patch);
  const after: UserRow = {
    ...before,
    ...(patch.active !== undefined ? { active: patch.active } : {}),
    ...(patch.role !== undefined ? { role: patch.role } : {}),
    ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
  };
  let ended = 0;
  if (before.active && !after.active) ended = await deps.stores.users.revokeTokensOf(id, uow.now, { trx: uow.trx });
  await audit(deps, uow, actor, id, 'update', publicFields(before), publicFields(after));
  deps.logger.info(
    { event: 'user.updated', userId: id, by: actor.id, changed: Object.keys(patch), endedSessions: ended || undefined },
    'user updated',
  );
  return after;
}

/**
 * POST /api/users/:id/password-reset (admin): sets the temporary password the admin hands over; the user must change
 * it at the next login (every other route answers 403 until then). Every token of the user ends and the account's
 * login lockout is lifted.
 */
export async function resetPassword(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { newPassword: string },
  transact: Transact,
): Promise<UserRow> {
  assertRole(actor, AREA_ROLES.users, '重置密码');
  const user = await deps.stores.users.findById(id);
  if (!user) throw unknownPathParam('id', '用户');
  const weak = passwordWeakness(input.newPassword, [user.username, user.displayName]);
  if (weak) throw validationError([{ path: 'newPassword', message: weak }]);
  const hash = await hashPassword(input.newPassword);
  const updated = await transact(async (uow) => {
    await deps.stores.users.setPassword(uow.trx, id, hash, true, uow.now);
    await deps.stores.users.revokeTokensOf(id, uow.now, { trx: uow.trx });
    await audit(deps, uow, actor, id, 'reset_password', null, null);
    return { ...user, mustChangePassword: true };
  });
  await liftLockouts(deps, user.username);
  deps.logger.info({ event: 'auth.password_reset', userId: id, by: actor.id }, 'password reset by admin');
  return updated;
}

/** GET /api/staff — active staff (any signed-in user; to pick arbitrators and mediators). */
export async function staff(deps: Deps, q: { role?: Role; page: number; pageSize: number }) {
  const all = (await deps.stores.users.list()).filter((u) => u.active && (!q.role || u.role === q.role));
  const items = all
    .slice((q.page - 1) * q.pageSize, q.page * q.pageSize)
    .map((u) => ({ id: u.id, displayName: u.displayName, role: u.role }));
  return { items, total: all.length, page: q.page, pageSize: q.pageSize };
}
