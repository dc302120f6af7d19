import { describe, expect, it } from 'vitest';
import { casesInTurn } from '../../app/case-turns.ts';
import { openDatabase } from '../../db/knex.ts';
import { apiSuite } from '../helpers/case-fixtures.ts';
import { registerCase } from '../helpers/procedure.ts';

/**
 * PostgreSQL: the writes of one case take turns in the process before they take a pooled connection
 * (app/case-turns.ts). A case row held locked by another session ties up one connection, not the pool.
 */
const dialect = process.env.TEST_DB ?? 'sqlite';
const { t, a } = apiSuite();

describe.runIf(dialect === 'postgres')('writes of one case take turns (postgres)', () => {
  it('twelve events to a case locked elsewhere wait on one connection; another case is read meanwhile; none is a 500', async () => {
    const locked = await registerCase(t, a);
    const free = await registerCase(t, a);
    const other = openDatabase(t.dbUrl);
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let holding: () => void = () => undefined;
    const isHeld = new Promise<void>((r) => {
      holding = r;
    });
    const holder = other.knex.transaction(async (trx) => {
      await trx.raw('select id from cases where id = ? for update', [locked.id]);
      holding();
      await held;
    });
    try {
      await isHeld;
      const sent = Array.from({ length: 12 }, () =>
        t
          .api(a.tokens.clerk)
          .post(`/api/cases/${locked.id}/events`)
          .send({ type: 'ACCEPT', occurredOn: '2026-03-04' })
          .then((r) => r.status),
      );
      // The sessions of this database waiting for a lock, the holder's aside.
      const waiting = async () =>
        Number(
          (
            await other.knex.raw(
              `select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
            )
          ).rows[0].n,
        );
      for (let i = 0; i < 100 && (await waiting()) === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await waiting()).toBe(1);
      expect(casesInTurn()).toBeGreaterThanOrEqual(1);
      // A read of another case is not left without a connection.
      expect((await t.api(a.tokens.clerk).get(`/api/cases/${free.id}`)).status).toBe(200);
      expect(await waiting()).toBe(1);
      release();
      await holder;
      const statuses = await Promise.all(sent);
      // One acceptance; the others refused as the case now stands, or told to come back (503 busy): never a 500.
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(
        statuses.every((s) => [200, 409, 503].includes(s)),
        JSON.stringify(statuses),
      ).toBe(true);
    } finally {
      release();
      await holder.catch(() => undefined);
      await other.close();
    }
  }, 60_000);
});
