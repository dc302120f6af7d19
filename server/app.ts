import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import express, { type Express, type RequestHandler, Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Clock } from '../app/clock.ts';
import type { Config } from '../app/config.ts';
import { createDeps, type Deps } from '../app/deps.ts';
import { createReadiness } from '../app/service/status.ts';
import { instanceName } from '../app/time/sweep.ts';
import type { Database } from '../db/knex.ts';
import { authenticateRequest } from './auth.ts';
import { createAuthRouter, createLoginRouter } from './http/auth.ts';
import { bodySizeError } from './http/body-size.ts';
import { createCalculatorsRouter } from './http/calculators.ts';
import { createCasesRouter } from './http/cases.ts';
import { createClaimStatsRouter } from './http/claim-stats.ts';
import { createClaimsRouter } from './http/claims.ts';
import { answerClientErrors } from './http/client-errors.ts';
import { createCourtPackagesRouter, createPublicKeysRouter } from './http/court-packages.ts';
import { createDocumentsRouter } from './http/documents.ts';
import { errorHandler, hasBody, JSON_TYPES, notFoundRoute, notJsonBody, optionsRoute, wrongMethod } from './http/errors.ts';
import { createEventsRouter } from './http/events.ts';
import { buildOpenApi } from './http/openapi.ts';
import { createReferenceRouter } from './http/reference.ts';
import { createServiceRouter, createServiceStatusRouter } from './http/service.ts';
import { createStatsRouter } from './http/stats.ts';
import { createTimeRouter } from './http/time.ts';
import { createUiApiRouter, createWebRouter } from './http/ui.ts';
import { createUsersRouter } from './http/users.ts';
import { createLifecycle, drainConnections, type Lifecycle } from './lifecycle.ts';
import { requestLogger } from './logger.ts';

/** The paths of the API answered without a login (server/http/auth.ts login; court-packages.ts public keys). */
const PUBLIC_API_PATHS = new Set(['/api/auth/login', '/api/keys']);

export interface AppOptions {
  db: Database;
  clock: Clock;
  logger: Logger;
  config: Config;
  /** Shutdown state shared with server/main.ts (a fresh one when absent). */
  lifecycle?: Lifecycle;
}

/**
 * Browser hardening (helmet): a Content-Security-Policy that allows only the server's own scripts, styles, fonts and
 * connections (no inline script, no inline <style>), no framing by anyone (frame-ancestors 'none', X-Frame-Options
 * DENY), no referrer, no MIME sniffing. HSTS is left to the TLS terminator in front of the server (README "Security"):
 * the server itself speaks plain HTTP and cannot know the host names HSTS should cover.
 */
const styleSources = (res: unknown): string => {
  const nonce = (res as { locals?: { styleNonce?: string } }).locals?.styleNonce;
  return nonce ? `'self' 'nonce-${nonce}'` : "'self'";
};

/** A fresh nonce for the styles of one response (the /docs page): 128 random bits. */
export const styleNonce: RequestHandler = (_req, res, next) => {
  res.locals.styleNonce = randomBytes(16).toString('base64');
  next();
};

export function securityHeaders(): RequestHandler {
  const full = helmetWith();
  // Every response but /docs' gets the same headers: computed once, set in one loop (helmet's eleven middlewares per
  // request were ~0.1 ms of an ACCEPT's ~2.6 ms on the main thread, profile stop 47). /docs' nonce goes through helmet.
  const fixed = headersOf(full);
  return (req, res, next) => {
    if (res.locals.styleNonce !== undefined || fixed === null) return full(req, res, next);
    res.removeHeader('X-Powered-By');
    for (const [name, value] of fixed) res.setHeader(name, value);
    next();
  };
}

/** The headers a middleware sets on a response that asks nothing of it (null when it does more than set and remove). */
function headersOf(mw: RequestHandler): [string, string][] | null {
  const set: [string, string][] = [];
  let plain = true;
  let called = false;
  const res = {
    locals: {},
    setHeader: (name: string, value: unknown) => void set.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  try {
    mw(
      { method: 'GET', headers: {} } as Parameters<RequestHandler>[0],
      res as unknown as Parameters<RequestHandler>[1],
      (err?: unknown) => {
        called = true;
        if (err) plain = false;
      },
    );
  } catch {
    plain = false;
  }
  return plain && called ? set : null;
}

/** The helmet configuration itself (what `securityHeaders` sets, computed once). */
export function helmetWith() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // The one page whose scripts create <style> elements (Redoc on /docs, styled-components) gets a nonce of its own
        // response for them (res.locals.styleNonce, set by `styleNonce`); every other response: 'self' only.
        styleSrc: [(_req, res) => styleSources(res)],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
  });
}

/** Builds the Express app from its dependencies; nothing here reads globals, the clock included. */
export function createApp(opts: AppOptions): Express {
  const deps: Deps = createDeps(opts);
  const app = express();
  const lifecycle = opts.lifecycle ?? createLifecycle(opts.clock.now().toISOString());
  app.locals.deps = deps;
  app.locals.lifecycle = lifecycle;
  // The server `listen` makes answers what Node refuses before Express (a request line over maxHeaderSize) with a
  // problem+json 431 (server/http/client-errors.ts; outside checker sec52 L2).
  const listen = app.listen.bind(app) as (...args: unknown[]) => Server;
  app.listen = ((...args: unknown[]) => {
    const server = listen(...args);
    answerClientErrors(server, opts.logger);
    return server;
  }) as typeof app.listen;
  app.use(drainConnections(lifecycle));
  app.disable('x-powered-by');
  // ETags are case versions ("3") set by the routes, never a hash of the body Express would add.
  app.set('etag', false);
  // Which proxy's X-Forwarded-For names the client (login limits per address, logs): TRUST_PROXY, default loopback.
  app.set('trust proxy', opts.config.trustProxy);
  app.use(requestLogger(opts.logger));
  app.get('/docs', styleNonce);
  app.use(securityHeaders());
  // Responses under /api carry personal data: never stored by a browser or a shared cache.
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  const readJson = express.json({ limit: opts.config.bodyLimit, strict: true, type: JSON_TYPES });
  // A body of absurdly many keys or values is refused as soon as it is parsed, before a schema walks it and a 400 names
  // each of them (server/http/body-size.ts).
  const parseJson: RequestHandler = (req, res, next) =>
    readJson(req, res, (err?: unknown) => (err ? next(err) : next(bodySizeError(req.body) ?? undefined)));
  // A body that is not JSON (text/plain, a form, no Content-Type) would be left unread, and the request answered as if
  // every field were missing: refused naming the header (the 400 every write documents, as an unsupported charset is).
  // A declared length over the limit is refused at once: the parser answers 413 only once the body it refuses has
  // arrived, and a client announcing gigabytes held the request open until the server's request timeout. The
  // connection closes after the answer (the body is never read).
  const limit = byteCount(opts.config.bodyLimit);
  const json: RequestHandler = (req, res, next) => {
    if (!hasBody(req)) return parseJson(req, res, next);
    if (!req.is(JSON_TYPES)) return next(notJsonBody(req.headers['content-type']));
    const declared = Number(req.headers['content-length']);
    if (limit !== null && Number.isFinite(declared) && declared > limit) {
      res.setHeader('Connection', 'close');
      return next(Object.assign(new Error('request entity too large'), { type: 'entity.too.large', limit }));
    }
    return parseJson(req, res, next);
  };
  const api = Router();
  // Routes that need no token: service status and login.
  // One readiness per app (a "process"): /readyz writes at most every few seconds; the admin's status shows the rest.
  const self = {
    instance: instanceName(),
    startedAt: lifecycle.startedAt,
    readiness: createReadiness(deps, instanceName(), lifecycle.startedAt),
  };
  // The process's periodic heartbeat (server/main.ts startHeartbeat) writes through this readiness.
  app.locals.readiness = self.readiness;
  // OPTIONS and HEAD first, for every path of the API (server/http/errors.ts optionsRoute): 405 with Allow, as no
  // operation takes them.
  app.use(optionsRoute);
  app.use(createServiceRouter(deps, lifecycle, self.readiness));
  // The paths that need no login (login, the public keys) answer a method they do not take 405 with Allow, as every
  // other path of the API does — not 401, which asks for a login they do not need (sec49 L1).
  app.use((req, res, next) => {
    const wrong = PUBLIC_API_PATHS.has(req.path) ? wrongMethod(req, res) : null;
    return wrong ? next(wrong) : next();
  });
  app.use(createPublicKeysRouter(deps));
  // Only login's body is read before authentication: any other request answers 401 before its body is looked at.
  app.post('/api/auth/login', json);
  app.use(createLoginRouter(deps));
  // 401 comes before any other check (api.md order): authenticate, then parse the body.
  // A GET's body is never read (no GET takes one), so it cannot answer 400 or 413 for it (/openapi.json says so).
  // A method the path does not take is answered 405 before its body is looked at (outside tester sec47 L1: a text body
  // made it a 400 about the body's type), the same with any body or none.
  app.use('/api', authenticateRequest(deps), (req, res, next) => {
    if (req.method === 'GET') return next();
    const wrong = wrongMethod(req, res);
    if (wrong) return next(wrong);
    return json(req, res, next);
  });
  for (const r of [
    createAuthRouter,
    createUsersRouter,
    createCasesRouter,
    createEventsRouter,
    createReferenceRouter,
    createTimeRouter,
    createDocumentsRouter,
    createStatsRouter,
    createUiApiRouter,
    createCalculatorsRouter,
    createCourtPackagesRouter,
    createClaimsRouter,
    createClaimStatsRouter,
  ])
    api.use(r(deps));
  api.use(createServiceStatusRouter(deps, self));
  app.use(api);
  app.get('/openapi.json', (_req, res) => {
    res.json(buildOpenApi());
  });
  app.use(createWebRouter());

  app.use(notFoundRoute);
  app.use(errorHandler(opts.logger, { errorLogPerMinute: opts.config.errorLogPerMinute }));
  return app;
}

/** BODY_LIMIT ("1mb", "512kb", "2000") in bytes, as the body parser reads it; null when it cannot be read so. */
function byteCount(limit: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(limit);
  if (!m) return null;
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.floor(Number(m[1]) * unit);
}
