import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { UserRow, UserStore } from '../db/stores/users.ts';
import type { Role } from '../workflows/reference.ts';
import type { Clock } from './clock.ts';
import { forbidden, tooManyRequests, unauthorized } from './errors.ts';
import { sha256 } from './passwords.ts';

declare global {
  namespace Express {
    interface Request {
      id: string;
      user?: UserRow;
    }
  }
}

/** Resolves `Authorization: Bearer <token>` to a user; 401 otherwise. */
export function authenticate(users: UserStore, clock: Clock): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header);
    if (!m?.[1]) return next(unauthorized());
    const user = await users.userForToken(sha256(m[1]), clock.now().toISOString());
    if (!user) return next(unauthorized('访问令牌无效或已过期，请重新登录'));
    req.user = user;
    next();
  };
}

export function currentUser(req: Request): UserRow {
  if (!req.user) throw unauthorized();
  return req.user;
}

/** 403 unless the caller has one of the roles. */
export function requireRole(req: Request, roles: readonly Role[], what: string): UserRow {
  const user = currentUser(req);
  if (!roles.includes(user.role)) {
    throw forbidden(`角色“${user.role}”不能${what}（需要：${roles.join('、')}）`);
  }
  return user;
}

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
