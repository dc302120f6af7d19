/**
 * `npx tsx bench/copy-stats.ts --from sqlite:/tmp/s1m.sqlite --to postgres://…/zc_bench`
 *
 * Copies the statistics projection (case_stat_rows and the three counter tables) of a seeded database into
 * another, so bench/stats.ts can time the same report on the other dialect without seeding it again (seeding a
 * million cases takes about an hour per database on two cores). Only the statistics tables are copied: the
 * drill-down timing on the target joins `cases`, which stays empty, so it is not comparable there.
 * PostgreSQL target: foreign keys are bypassed for the copy with session_replication_role = replica.
 */
import { migrateLatest, openDatabase } from '../db/knex.ts';
import { settleCounters } from '../db/stores/stats.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(String(process.argv[i]).replace(/^--/, ''), String(process.argv[i + 1]));
const from = openDatabase(args.get('from') ?? 'sqlite:data/zhongcai.sqlite');
const to = openDatabase(args.get('to') ?? '');
await migrateLatest(to);
// The counters as a report reads them: a PostgreSQL source's pending deltas added first.
await settleCounters(from.knex);
const isPg = to.knex.client.config.client === 'pg';
const t0 = Date.now();
for (const table of ['case_stat_rows', 'stat_counters', 'stat_counters_daily', 'stat_counters_monthly']) {
  const total = Number((await from.knex(table).count('* as n').first())?.n ?? 0);
  let copied = 0;
  const page = 20_000;
  const cols = Object.keys((await from.knex(table).first()) ?? {});
  if (!cols.length) continue;
  const per = Math.floor(60_000 / cols.length);
  await to.knex.transaction(async (trx) => {
    if (isPg) await trx.raw('SET LOCAL session_replication_role = replica');
    await trx(table).delete();
    // Paged by SQLite's rowid (the source must be SQLite), so each page is an index range, not an OFFSET scan.
    for (let last = 0; ; ) {
      const got = await from.knex.raw(`SELECT rowid AS _rid, ${cols.join(', ')} FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT ?`, [
        last,
        page,
      ]);
      const rows = got as Record<string, unknown>[];
      if (!rows.length) break;
      last = Number(rows.at(-1)?._rid);
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per);
        const bindings: unknown[] = [];
        for (const r of chunk)
          for (const c of cols)
            bindings.push(
              table === 'case_stat_rows' && (c === 'collective' || c === 'wage_arrears' || c === 'closed_late') ? Boolean(r[c]) : r[c],
            );
        const tuple = `(${cols.map(() => '?').join(', ')})`;
        try {
          await trx.raw(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`, bindings as never[]);
        } catch (err) {
          console.error(
            table,
            cols.join(','),
            JSON.stringify(chunk[0]).slice(0, 300),
            String((err as Error).message)
              .split(' - ')
              .pop(),
          );
          throw new Error('copy failed');
        }
      }
      copied += rows.length;
      process.stderr.write(`\r${table}: ${copied}/${total}   `);
    }
  });
  process.stderr.write('\n');
}
if (isPg) {
  await to.knex.raw("SELECT setval(pg_get_serial_sequence('case_stat_rows', 'id'), (SELECT COALESCE(MAX(id), 1) FROM case_stat_rows))");
}
await to.knex.raw('ANALYZE');
console.log(`copied in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
await from.knex.destroy();
await to.knex.destroy();
