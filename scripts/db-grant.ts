/**
 * `npm run db:grant -- <role>` (PostgreSQL; run as the role that owns the tables, i.e. the one that ran the
 * migrations) — grants the application role what the server needs and no more: read and write on every table except
 * the history (`case_events`, `audit_log`: SELECT and INSERT only, so no UPDATE, DELETE or TRUNCATE — and, not being
 * the owner, it cannot disable their triggers either), and just enough of knex's migration tables to see that nothing
 * is pending. Run it again after every upgrade that adds tables. Create the role first:
 * `CREATE ROLE zhongcai_app LOGIN PASSWORD '…'`.
 */
import { loadConfig } from '../app/config.ts';
import { openDatabase } from '../db/knex.ts';
import { grantStatements } from '../db/pg-roles.ts';

const role = process.argv[2];
if (!role || !/^[a-z_][a-z0-9_]{0,62}$/.test(role)) {
  console.error('usage: npm run db:grant -- <role>   (a lower-case PostgreSQL role name)');
  process.exit(2);
}
const config = loadConfig();
const db = openDatabase(config.databaseUrl, { ...config.database, statementTimeoutMs: 0 });
if (db.dialect !== 'postgres') {
  console.error('db:grant is for PostgreSQL (DATABASE_URL=postgres://…)');
  process.exit(2);
}
try {
  const dbName = (await db.knex.raw('select current_database() as d')).rows[0].d;
  for (const sql of grantStatements(role, dbName)) await db.knex.raw(sql);
  console.log(`granted ${role} on ${dbName}: history tables append-only, no ownership`);
} finally {
  await db.close();
}
