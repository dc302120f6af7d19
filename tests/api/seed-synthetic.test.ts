import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps, type Deps } from '../../app/deps.ts';
import { runDailySweep } from '../../app/time/sweep.ts';
import { BOOKKEEPING_EVENTS } from '../../db/stores/cases.ts';
import { createLogger } from '../../server/logger.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { runScript } from '../helpers/cli.ts';
import { recomputeAndCompare } from '../helpers/recompute.ts';

/**
 * Issue 15: the synthetic seeder has no write path of its own — it registers and acts through registerCase and
 * applyEvent (bulk mode: several cases per transaction). What it leaves is what the API would have left: every derived
 * row agrees with a recomputation, the history chain holds, each history entry has its before/after, and the hearing
 * calendar is fed by the hearing events. med51 H1: a mediation closure issues its 调解书 (generateDocument) before the
 * parties sign for it.
 */
let t: TestApp;
let deps: Deps;
let seeded: { code: number | null; out: string };
beforeAll(async () => {
  t = await startTestApp();
  deps = createDeps({ db: t.db, clock: t.clock, logger: createLogger('silent'), config: t.config });
  seeded = await runScript(
    'scripts/seed-synthetic.ts',
    ['--cases', '40', '--from-year', '2025', '--today', t.clock.today(), '--batch', '15'],
    {
      DATABASE_URL: t.dbUrl,
    },
  );
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('seed:synthetic through the use cases', () => {
  it('registers every case and applies its acts without a refusal', () => {
    expect(seeded.code, seeded.out).toBe(0);
    expect(seeded.out).toMatch(/seeded 40 cases and \d+ acts through registerCase\/applyEvent/);
    expect(seeded.out).not.toContain('acts refused');
  });

  it('leaves rows a recomputation agrees with (numbers, statistics rows and counters, history chain; deadlines after the sweep)', async () => {
    const k = t.db.knex;
    expect(Number((await k('cases').count('* as n').first())?.n)).toBe(40);
    // Deadlines are stored as of each case's last act; the daily sweep brings them to today, as in production.
    await runDailySweep(deps, { force: true, wait: true });
    expect(await recomputeAndCompare(deps, t.clock.today())).toEqual([]);
  });

  it('writes the history the API writes (REGISTER with the case, every act with its before/after) and the hearing calendar', async () => {
    const k = t.db.knex;
    const events = await k('case_events').select('case_id', 'type', 'before', 'after');
    expect(events.filter((e) => e.type === 'REGISTER')).toHaveLength(40);
    for (const e of events) {
      expect(e.after, `${e.type} of case ${e.case_id}`).not.toBeNull();
      expect(String(e.after)).not.toContain('synthetic');
      // A bookkeeping entry (the 调解书 generated) has no before, as recordBookkeepingAct writes it for the API.
      if (e.type !== 'REGISTER' && !BOOKKEEPING_EVENTS.includes(e.type)) expect(e.before, `${e.type} of case ${e.case_id}`).not.toBeNull();
    }
    const scheduled = new Set(events.filter((e) => e.type === 'SCHEDULE_HEARING').map((e) => Number(e.case_id)));
    expect(scheduled.size).toBeGreaterThan(0);
    const hearings = await k('hearings').select('case_id');
    expect(new Set(hearings.map((h) => Number(h.case_id)))).toEqual(scheduled);
  });

  it('issues every closed mediation its 调解书 through generateDocument, before the first signature and in the order of the history', async () => {
    const k = t.db.knex;
    const closed = (await k('cases').where({ state: 'closed_mediation' }).select('id')).map((c) => Number(c.id));
    expect(closed.length).toBeGreaterThan(0);
    for (const id of closed) {
      const events = await k('case_events').where({ case_id: id }).orderBy('seq').select('seq', 'type', 'recorded_at', 'payload');
      const payload = (e: { payload: unknown }) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload) ?? {};
      const issued = events.find((e) => e.type === 'GENERATE_DOCUMENT' && payload(e).kind === 'mediation_document' && !payload(e).draft);
      const agreed = events.findLast((e) => e.type === 'MEDIATION_AGREED');
      const signed = events.find((e) => e.type === 'SIGN_MEDIATION_DOCUMENT');
      expect(issued, `case ${id}`).toBeDefined();
      expect(Number(issued?.seq)).toBeGreaterThan(Number(agreed?.seq));
      expect(Number(issued?.seq)).toBeLessThan(Number(signed?.seq));
      const docs = await k('documents').where({ case_id: id, kind: 'mediation_document' }).select('created_at');
      expect(
        docs.map((d) => new Date(d.created_at).toISOString()),
        `case ${id}`,
      ).toEqual([new Date(issued?.recorded_at).toISOString()]);
      // Each act at its stamped instant: the history's instants never go back.
      const at = events.map((e) => new Date(e.recorded_at).toISOString());
      expect(at, `case ${id}`).toEqual([...at].sort());
    }
  });
});
