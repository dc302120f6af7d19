import type { UserRow } from '../../db/stores/users.ts';
import type { Role } from '../../workflows/reference.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { hashPassword } from '../passwords.ts';
import { AREA_ROLES, type Actor, assertRole } from '../policy.ts';
import type { Transact } from '../unit-of-work.ts';
import { isUniqueViolation } from '../../db/knex.ts';

export interface UserInput {
  username: string;
  password: string;
  role: Role;
  displayName: string;
}

/** POST /api/users (admin). The password is hashed before the transaction opens (scrypt takes tens of ms). */
export async function createUser(deps: Deps, actor: Actor, input: UserInput, transact: Transact): Promise<UserRow> {
  assertRole(actor, AREA_ROLES.users, '创建用户');
  const passwordHash = await hashPassword(input.password);
  try {
    return await transact((uow) =>
      deps.stores.users.create(
        { username: input.username, displayName: input.displayName, role: input.role, passwordHash },
        uow.now,
        uow.trx,
      ),
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(409, 'duplicate', '用户名已存在', `用户名“${input.username}”已被使用`);
    throw err;
  }
}

/** GET /api/users (admin). */
export async function listUsers(deps: Deps, actor: Actor): Promise<UserRow[]> {
  assertRole(actor, AREA_ROLES.users, '查看用户列表');
  return deps.stores.users.list();
}

/** GET /api/staff — active staff (any signed-in user; to pick arbitrators and mediators). */
export async function staff(deps: Deps, role?: Role) {
  const all = await deps.stores.users.list();
  return all.filter((u) => u.active && (!role || u.role === role)).map((u) => ({ id: u.id, displayName: u.displayName, role: u.role }));
}
