import { randomBytes } from 'node:crypto';
import express, { type Express, type RequestHandler, Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Clock } from '../app/clock.ts';
import type { Config } from '../app/config.ts';
import { createDeps, type Deps } from '../app/deps.ts';
import type { Database } from '../db/knex.ts';
import { authenticateRequest } from './auth.ts';
import { createAuthRouter, createLoginRouter } from './http/auth.ts';
import { createCalculatorsRouter } from './http/calculators.ts';
import { createCasesRouter } from './http/cases.ts';
import { createClaimStatsRouter } from './http/claim-stats.ts';
import { createClaimsRouter } from './http/claims.ts';
import { createCourtPackagesRouter, createPublicKeysRouter } from './http/court-packages.ts';
import { createDocumentsRouter } from './http/documents.ts';
import { errorHandler, notFoundRoute } from './http/errors.ts';
import { createEventsRouter } from './http/events.ts';
import { buildOpenApi } from './http/openapi.ts';
import { createReferenceRouter } from './http/reference.ts';
import { createServiceRouter } from './http/service.ts';
import { createStatsRouter } from './http/stats.ts';
import { createTimeRouter } from './http/time.ts';
import { createUiApiRouter, createWebRouter } from './http/ui.ts';
import { createUsersRouter } from './http/users.ts';
import { createLifecycle, drainConnections, type Lifecycle } from './lifecycle.ts';
import { requestLogger } from './logger.ts';

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

export function securityHeaders() {
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

  const json = express.json({ limit: opts.config.bodyLimit, strict: true, type: ['application/json', 'application/*+json'] });
  const api = Router();
  // Routes that need no token: service status and login.
  app.use(createServiceRouter(deps, lifecycle));
  app.use(createPublicKeysRouter(deps));
  // Only login's body is read before authentication: any other request answers 401 before its body is looked at.
  app.post('/api/auth/login', json);
  app.use(createLoginRouter(deps));
  // 401 comes before any other check (api.md order): authenticate, then parse the body.
  // A GET's body is never read (no GET takes one), so it cannot answer 400 or 413 for it (/openapi.json says so).
  app.use('/api', authenticateRequest(deps), (req, res, next) =>
    req.method === 'GET' || req.method === 'HEAD' ? next() : json(req, res, next),
  );
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
  app.use(api);
  app.get('/openapi.json', (_req, res) => {
    res.json(buildOpenApi());
  });
  app.use(createWebRouter());

  app.use(notFoundRoute);
  app.use(errorHandler(opts.logger, { errorLogPerMinute: opts.config.errorLogPerMinute }));
  return app;
}
