import { ensureFirstAdmin } from '../app/bootstrap.ts';
import { systemClock } from '../app/clock.ts';
import { loadConfig } from '../app/config.ts';
import type { Deps } from '../app/deps.ts';
import { migrateLatest, openDatabase } from '../db/knex.ts';
import { createApp } from './app.ts';
import { createLogger } from './logger.ts';
import { startScheduler } from './scheduler.ts';

/** `npm start`: open (or create) the database, migrate, create the first admin, serve. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = openDatabase(config.databaseUrl);
  await migrateLatest(db);
  const admin = await ensureFirstAdmin(db, systemClock, config.adminPassword);
  if (admin.generatedPassword) {
    // Printed once, on the first start only; it is not logged anywhere else.
    process.stdout.write(
      `\n首次启动：已创建管理员账号 admin，初始密码：${admin.generatedPassword}\nFirst start: created user "admin" with password: ${admin.generatedPassword}\n\n`,
    );
  } else if (admin.created) {
    logger.info('created user admin from ADMIN_PASSWORD');
  }
  const app = createApp({ db, clock: systemClock, logger, config });
  // Daily deadline sweep inside the server (overdue marks, T-10/T-5/T-1 alerts); SCHEDULER_HOUR=-1 disables it.
  if (config.schedulerHour >= 0) startScheduler(app.locals.deps as Deps, config.schedulerHour);
  const server = app.listen(config.port, () => {
    logger.info({ port: config.port, database: db.dialect }, `Zhongcai listening on http://localhost:${config.port}`);
  });
  const stop = () => {
    server.close(() => void db.close().then(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
