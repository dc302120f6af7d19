import { prepareDatabase } from '../app/bootstrap.ts';
import { systemClock } from '../app/clock.ts';
import { loadConfig } from '../app/config.ts';
import { describeKeyInit } from '../app/court-package/keys.ts';
import type { Deps } from '../app/deps.ts';
import { runRequestedReflag } from '../app/procedure/answer-flag.ts';
import type { Readiness } from '../app/service/status.ts';
import { runRequestedReprojection } from '../app/stats/reproject.ts';
import { startRecomputations, stopRecomputations } from '../app/time/recompute.ts';
import { holdSqliteServerLock, openDatabase, ServerAlreadyRunningError, sqliteFileOf } from '../db/knex.ts';
import { SchemaNewerError } from '../db/migrations/index.ts';
import { createApp } from './app.ts';
import { createLifecycle, createShutdown } from './lifecycle.ts';
import { createLogger } from './logger.ts';
import { startCounterSettler, startHeartbeat, startScheduler } from './scheduler.ts';

/**
 * `npm start`: open (or create) the database, migrate and create the first admin (under an advisory lock on
 * PostgreSQL, so N processes may start together), serve; SIGTERM/SIGINT drain and exit within SHUTDOWN_TIMEOUT_MS.
 * On SQLite a second server on the same file is refused (SQLite is single-process by design).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const file = sqliteFileOf(config.databaseUrl);
  const serverLock = file ? await holdSqliteServerLock(file) : null;
  // Migrations may take longer than a request's statement timeout: a separate, unhurried connection for them.
  const setup = openDatabase(config.databaseUrl, { ...config.database, statementTimeoutMs: 0, lockTimeoutMs: 0, poolMax: 2 });
  const admin = await prepareDatabase(setup, systemClock, config.adminPassword, {
    commissionKeyPath: config.commissionKeyPath,
  }).finally(() => setup.close());
  if (admin.generatedPassword) {
    // Printed once, on the first start only; it is not logged anywhere else.
    process.stdout.write(
      `\n首次启动：已创建管理员账号 admin，初始密码：${admin.generatedPassword}（首次登录后须修改）\nFirst start: created user "admin" with password: ${admin.generatedPassword} (to be changed at the first login)\n\n`,
    );
  } else if (admin.created) {
    logger.info('created user admin from ADMIN_PASSWORD');
  }
  if (admin.signingKey) {
    const line = describeKeyInit(admin.signingKey, config.commissionKeyPath);
    if (admin.signingKey.status === 'ok') logger.debug(line);
    else if (admin.signingKey.status === 'created' || admin.signingKey.status === 'registered') logger.info(line);
    else logger.warn(line);
  }
  const db = openDatabase(config.databaseUrl, config.database);
  const lifecycle = createLifecycle(systemClock.now().toISOString());
  const app = createApp({ db, clock: systemClock, logger, config, lifecycle });
  // Daily deadline sweep inside the server (overdue marks, T-10/T-5/T-1 alerts, purging, chain check); -1 disables it.
  const scheduler = config.schedulerHour >= 0 ? startScheduler(app.locals.deps as Deps, config.schedulerHour) : null;
  // A calendar load's deadline recomputation left unfinished (a process stopped, the database went away) is taken up
  // at start, whether or not this process runs the daily sweep.
  startRecomputations(app.locals.deps as Deps);
  // A migration that changed what the statistics count asked for the facts to be re-derived (fixS55): done in the
  // background, each case in its own unit of work (app/stats/reproject.ts) — by the scheduler at start and at each of
  // its ticks, or here once when this process runs no scheduler.
  if (!scheduler)
    runRequestedReprojection(app.locals.deps as Deps).then(
      (r) => r && logger.info(r, `statistics re-projected: ${r.cases} cases, ${r.changed} changed`),
      (err) => logger.error({ err }, 'statistics re-projection failed; run npm run stats:reproject'),
    );
  // s61 D: likewise a request to judge the hearing calendar's answer-period flags again (app/procedure/answer-flag.ts).
  if (!scheduler)
    runRequestedReflag(app.locals.deps as Deps).then(
      (r) => r && logger.info(r, `answer-period flags judged again: ${r.cases} cases, ${r.changed} changed`),
      (err) => logger.error({ err }, 'answer-period flags not judged again; asked again at the next start'),
    );
  // PostgreSQL: the statistics counters' pending deltas added in the background (reports add what is left first).
  const settler = startCounterSettler(app.locals.deps as Deps);
  // Every process's heartbeat, every 30 s whether probed or not: GET /api/service/status lists who runs (s45 L2).
  const heartbeat = startHeartbeat(app.locals.deps as Deps, app.locals.readiness as Readiness);
  const server = app.listen(config.port, () => {
    logger.info({ port: config.port, database: db.dialect, pid: process.pid }, `Zhongcai listening on http://localhost:${config.port}`);
  });
  // pg56 M1: an idle keep-alive connection outlives a client's Retry-After and a reverse proxy's idle upstream timeout
  // (nginx 60 s), so neither reuses a socket this server is closing; the headers of a request on it may take as long.
  server.keepAliveTimeout = config.keepAliveTimeoutMs;
  server.headersTimeout = config.keepAliveTimeoutMs + 1_000;
  const shutdown = createShutdown({
    server,
    state: lifecycle,
    logger,
    timeoutMs: config.shutdownTimeoutMs,
    cleanup: async () => {
      await scheduler?.stop();
      await settler.stop();
      await heartbeat.stop();
      await stopRecomputations(db);
      await db.close();
      await serverLock?.release();
    },
    exit: (code) => {
      logger.flush?.();
      process.exit(code);
    },
  });
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((err) => {
  console.error(
    err instanceof ServerAlreadyRunningError || err instanceof SchemaNewerError ? `Zhongcai could not start: ${err.message}` : err,
  );
  process.exit(1);
});
