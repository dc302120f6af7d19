import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Deps } from '../app/deps.ts';
import { assertPasswordCurrent, authenticate } from '../app/users/sessions.ts';
import type { UserRow } from '../db/stores/users.ts';

declare global {
  namespace Express {
    interface Request {
      id: string;
      user?: UserRow;
    }
  }
}

/** The bearer token of a request, when it has a well-formed one. */
export function bearerToken(req: Request): string | undefined {
  const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(req.get('authorization') ?? '');
  return m?.[1];
}

/**
 * Resolves `Authorization: Bearer <token>` to a user; 401 otherwise. A user whose password an admin reset may only
 * change it (403 elsewhere).
 */
export function authenticateRequest(deps: Deps): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    try {
      const user = await authenticate(deps, bearerToken(req));
      req.user = user;
      assertPasswordCurrent(user, `${req.baseUrl}${req.path}`);
      next();
    } catch (err) {
      next(err);
    }
  };
}
