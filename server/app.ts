import express, { type Express, Router } from 'express';
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
import { requestLogger } from './logger.ts';

export interface AppOptions {
  db: Database;
  clock: Clock;
  logger: Logger;
  config: Config;
}

/** Builds the Express app from its dependencies; nothing here reads globals, the clock included. */
export function createApp(opts: AppOptions): Express {
  const deps: Deps = createDeps(opts);
  const app = express();
  app.locals.deps = deps;
  app.disable('x-powered-by');
  // ETags are case versions ("3") set by the routes, never a hash of the body Express would add.
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  app.use(requestLogger(opts.logger));
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });

  const json = express.json({ limit: opts.config.bodyLimit, strict: true, type: ['application/json', 'application/*+json'] });
  const api = Router();
  // Routes that need no token: service status and login.
  app.use(createServiceRouter(deps));
  app.use(createPublicKeysRouter(deps));
  app.use(json, createLoginRouter(deps));
  // 401 comes before any other check (api.md order): authenticate, then parse the body.
  app.use('/api', authenticateRequest(deps), json);
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
  app.use(errorHandler(opts.logger));
  return app;
}
