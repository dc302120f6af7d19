import type { UserRow } from '../../db/stores/users.ts';
import type { Clock } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { tooManyRequests, unauthorized } from '../errors.ts';
import { DUMMY_HASH, newToken, sha256, verifyPassword } from '../passwords.ts';

/**
 * Counts failed logins per key (username + client address) in a sliding window; once the limit is
 * reached further attempts get 429 until the oldest failure leaves the window. In memory: a restart
 * forgets, which is acceptable for a single-process deployment.
 */
export class LoginLimiter {
  private failures = new Map<string, number[]>();
  constructor(
    private clock: Clock,
    private max: number,
    private windowMs: number,
  ) {}

  check(key: string): void {
    const now = this.clock.now().getTime();
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    this.failures.set(key, recent);
    if (recent.length >= this.max) {
      const retry = Math.ceil((this.windowMs - (now - (recent[0] as number))) / 1000);
      throw tooManyRequests(`登录失败次数过多，请 ${Math.ceil(retry / 60)} 分钟后再试`, retry);
    }
  }
  fail(key: string): void {
    const list = this.failures.get(key) ?? [];
    list.push(this.clock.now().getTime());
    this.failures.set(key, list);
  }
  succeed(key: string): void {
    this.failures.delete(key);
  }
}

/** POST /api/auth/login — a bearer token for a valid username and password. */
export async function login(
  deps: Deps,
  limiter: LoginLimiter,
  input: { username: string; password: string },
  address: string,
): Promise<{ token: string; expiresAt: string; user: UserRow }> {
  const key = `${input.username}\u0000${address}`;
  limiter.check(key);
  const user = await deps.stores.users.findByUsername(input.username);
  // Verify against a dummy hash for unknown users so timing does not reveal which usernames exist.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) {
    limiter.fail(key);
    throw unauthorized('用户名或密码错误');
  }
  limiter.succeed(key);
  const token = newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.config.tokenTtlHours * 3_600_000).toISOString();
  await deps.stores.users.createToken(user.id, sha256(token), now.toISOString(), expiresAt);
  const { passwordHash: _, ...publicUser } = user;
  return { token, expiresAt, user: publicUser };
}

/** The user holding a bearer token, or a 401. */
export async function authenticate(deps: Deps, token: string | undefined): Promise<UserRow> {
  if (!token) throw unauthorized();
  const user = await deps.stores.users.userForToken(sha256(token), deps.clock.now().toISOString());
  if (!user) throw unauthorized('访问令牌无效或已过期，请重新登录');
  return user;
}

/** POST /api/auth/logout — ends the token. */
export async function logout(deps: Deps, token: string): Promise<void> {
  await deps.stores.users.revokeToken(sha256(token), deps.clock.now().toISOString());
}
