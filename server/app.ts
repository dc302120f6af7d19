import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { Database } from '../db/knex.ts';
import { authenticate } from './auth.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import { createDeps, type Deps } from './deps.ts';
import { errorHandler, notFoundRoute } from './errors.ts';
import { requestLogger } from './logger.ts';
import { buildOpenApi, DOCS_HTML } from './openapi.ts';
import { createAuthRouter, createLoginRouter } from './routes/auth.ts';
import { createCasesRouter } from './routes/cases.ts';
import { createDocumentsRouter } from './routes/documents.ts';
import { createEventsRouter } from './routes/events.ts';
import { createReferenceRouter } from './routes/reference.ts';
import { createStatsRouter } from './routes/stats.ts';
import { createTimeRouter } from './routes/time.ts';
import { createUiApiRouter, createWebRouter } from './routes/ui.ts';
import { createUsersRouter } from './routes/users.ts';

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
  app.set('trust proxy', 'loopback');
  app.use(requestLogger(opts.logger));
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });

  app.get('/healthz', async (_req, res) => {
    try {
      await opts.db.knex.raw('select 1');
      res.json({ status: 'ok', database: opts.db.dialect });
    } catch {
      res
        .status(503)
        .type('application/problem+json')
        .send(JSON.stringify({ type: 'about:blank', title: '数据库不可用', status: 503, detail: 'database did not answer' }));
    }
  });
  const openapi = buildOpenApi();
  app.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.get('/docs', (_req, res) => {
    res.type('html').send(DOCS_HTML);
  });

  const json = express.json({ limit: opts.config.bodyLimit, strict: true, type: ['application/json', 'application/*+json'] });
  // Login is the only unauthenticated /api route.
  app.use(json, createLoginRouter(deps));
  // 401 comes before any other check (api.md order): authenticate, then parse the body.
  app.use('/api', authenticate(deps.stores.users, opts.clock), json);
  app.use('/api/auth', createAuthRouter(deps));
  app.use('/api', createUsersRouter(deps));
  app.use('/api', createCasesRouter(deps));
  app.use('/api', createEventsRouter(deps));
  app.use('/api', createReferenceRouter(deps));
  app.use('/api', createTimeRouter(deps));
  app.use('/api', createDocumentsRouter(deps));
  app.use('/api', createStatsRouter(deps));
  app.use('/api', createUiApiRouter(deps));
  app.use(createWebRouter());

  app.use(notFoundRoute);
  app.use(errorHandler(opts.logger));
  return app;
}
