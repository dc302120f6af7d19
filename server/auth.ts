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

/** The bearer token of a request, when it has a well-formed one (the scheme name is case-insensitive: RFC 9110 §11.1). */
export function bearerToken(req: Request): string | undefined {
  const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/i.exec(req.get('authorization') ?? '');
  return m?.[1];
}

/**
 * Resolves `Authorization: Bearer <token>` to a user; 401 otherwise. A user whose password an admin reset may only
 * change it (403 elsewhere).
 */
export function authenticateRequest(deps: Deps): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      // RFC 9110 §11.6.1: a 401 names the scheme it wants. Set first; a request that authenticates removes it.
      res.setHeader('WWW-Authenticate', 'Bearer realm="zhongcai"');
      const user = await authenticate(deps, bearerToken(req));
      res.removeHeader('WWW-Authenticate');
      req.user = user;
      assertPasswordCurrent(user, `${req.baseUrl}${req.path}`);
      next();
    } catch (err) {
      next(err);
    }
  };
}
