import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inBulkTransaction } from '../../app/unit-of-work.ts';
import { type Database, migrateLatest } from '../../db/knex.ts';
import { queueCounterDeltas, settleCounters } from '../../db/stores/stats.ts';
import { freshDatabase } from '../helpers/db.ts';

/**
 * The statistics counters moved by a unit of work (db/stores/stats.ts): deltas of one transaction are summed per row
 * and written once, over every recording day the transaction spans — on SQLite and PostgreSQL alike.
 */
let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  await migrateLatest(db);
});
afterAll(async () => drop?.());

/** A table's rows as a report reads them (PostgreSQL: pending deltas settled first). */
const rows = async (table: string) => {
  await settleCounters(db.knex);
  return db.knex(table).select('*').orderBy(['dim', 'key']);
};

describe(`counter deltas in one unit of work (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('deltas that cancel out write nothing (and do not fail)', async () => {
    await inBulkTransaction({ db }, async (at) => {
      const u = at('2026-03-02T02:00:00Z');
      await queueCounterDeltas(u.trx, [{ dim: 'all', key: '', day: '2026-03-02', m: { received: 1 } }], '2026-03-02');
      await queueCounterDeltas(u.trx, [{ dim: 'all', key: '', day: '2026-03-02', m: { received: -1 } }], '2026-03-02');
    });
    expect(await rows('stat_counters')).toEqual([]);
    expect(await rows('stat_counters_daily')).toEqual([]);
  });

  it('several recording days: one row per recording day in stat_counters, summed per fact day and month in the others', async () => {
    await inBulkTransaction({ db }, async (at) => {
      const u = at('2026-03-02T02:00:00Z');
      await queueCounterDeltas(u.trx, [{ dim: 'district', key: '东昌府区', day: '2026-03-02', m: { accepted: 1 } }], '2026-03-02');
      await queueCounterDeltas(u.trx, [{ dim: 'district', key: '东昌府区', day: '2026-03-02', m: { accepted: 2 } }], '2026-03-05');
      await queueCounterDeltas(u.trx, [{ dim: 'district', key: '临清市', day: '2026-03-03', m: { accepted: 1 } }], '2026-03-05');
    });
    const counters = (await rows('stat_counters')).map((r) => [r.key, r.day, r.recorded_on, Number(r.accepted)]);
    expect(counters.sort()).toEqual(
      [
        ['东昌府区', '2026-03-02', '2026-03-02', 1],
        ['东昌府区', '2026-03-02', '2026-03-05', 2],
        ['临清市', '2026-03-03', '2026-03-05', 1],
      ].sort(),
    );
    const daily = (await rows('stat_counters_daily')).map((r) => [r.key, r.day, Number(r.accepted)]);
    expect(daily.sort()).toEqual(
      [
        ['东昌府区', '2026-03-02', 3],
        ['临清市', '2026-03-03', 1],
      ].sort(),
    );
    const monthly = (await rows('stat_counters_monthly')).map((r) => [r.key, r.month, Number(r.accepted)]);
    expect(monthly.sort()).toEqual(
      [
        ['东昌府区', '2026-03', 3],
        ['临清市', '2026-03', 1],
      ].sort(),
    );
  });

  it('a write leaves its deltas as one pending row: the counters move when settled (as every report does first)', async () => {
    await inBulkTransaction({ db }, async (at) => {
      const u = at('2026-04-01T02:00:00Z');
      await queueCounterDeltas(u.trx, [{ dim: 'district', key: '冠县', day: '2026-04-01', m: { received: 1 } }], '2026-04-01');
      await queueCounterDeltas(u.trx, [{ dim: 'all', key: '', day: '2026-04-01', m: { received: 1 } }], '2026-04-01');
    });
    const pending = await db.knex('stat_counter_pending').select('recorded_on', 'deltas');
    expect(pending.map((r) => [r.recorded_on, JSON.parse(r.deltas).length])).toEqual([['2026-04-01', 2]]);
    expect(await db.knex('stat_counters_daily').where({ key: '冠县' }).select('*')).toEqual([]);
    const daily = (await rows('stat_counters_daily')).filter((r) => r.key === '冠县').map((r) => [r.day, Number(r.received)]);
    expect(daily).toEqual([['2026-04-01', 1]]);
    expect(Number((await db.knex('stat_counter_pending').count({ n: '*' }).first())?.n)).toBe(0);
  });
});
