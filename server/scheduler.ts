import type { Deps } from '../app/deps.ts';
import { runRequestedReflag } from '../app/procedure/answer-flag.ts';
import type { Readiness } from '../app/service/status.ts';
import { HEARTBEAT_PERIOD_MS } from '../app/service/status.ts';
import { runRequestedReprojection } from '../app/stats/reproject.ts';
import { runRecomputations } from '../app/time/recompute.ts';
import { runDailySweep } from '../app/time/sweep.ts';
import { classifyDatabaseError } from '../db/knex.ts';

export interface Scheduler {
  /** Stops ticking, asks a running sweep to stop after its current case, and resolves when it has. */
  stop(): Promise<void>;
}

/**
 * Runs the daily sweep inside the server (after `hour` o'clock China time, 0–23), checking every `intervalMs`. Every
 * process runs a scheduler; on PostgreSQL one of them leads each day (app/time/sweep.ts runDailySweep).
 */
export function startScheduler(deps: Deps, hour: number, intervalMs = 10 * 60_000): Scheduler {
  let lastDay = '';
  let stopping = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    // A deadline recomputation left unfinished (a process stopped half-way, a load whose run failed) is taken up here.
    if (!stopping)
      await runRecomputations(deps, { stop: () => stopping }).catch((err) => deps.logger.error({ err }, 'deadline recomputation failed'));
    // A migration's request to re-derive the statistics (app/stats/reproject.ts): at start, and again at each tick while
    // it waits for a process of an earlier version to stop or was left by a run that stopped half-way (s55 B M2).
    if (!stopping)
      await runRequestedReprojection(deps, { stop: () => stopping }).then(
        (r) => r && deps.logger.info(r, `statistics re-projected: ${r.cases} cases, ${r.changed} changed`),
        (err) => deps.logger.error({ err }, 'statistics re-projection failed; run npm run stats:reproject'),
      );
    // s61 D: a request to judge the hearing calendar's answer-period flags again (app/procedure/answer-flag.ts): after
    // migration 20261226_0062 or `backfill_hearings`; at start, and again at each tick while one is left.
    if (!stopping)
      await runRequestedReflag(deps, { stop: () => stopping }).then(
        (r) => r && deps.logger.info(r, `answer-period flags judged again: ${r.cases} cases, ${r.changed} changed`),
        (err) => deps.logger.error({ err }, 'answer-period flags not judged again; asked again at the next tick'),
      );
    const today = deps.clock.today();
    const cstHour = (deps.clock.now().getUTCHours() + 8) % 24;
    if (stopping || today === lastDay || cstHour < hour) return;
    lastDay = today;
    try {
      const r = await runDailySweep(deps, { today, stop: () => stopping });
      if (r) {
        const { chain, ...counts } = r;
        deps.logger.info({ ...counts, chainOk: chain.ok, chainAnchor: chain.anchor }, 'daily sweep');
      } else if (!(await deps.stores.housekeeping.sweepDone(deps.db.knex, today))) {
        lastDay = ''; // another process is sweeping (or stopped half-way): look again at the next tick
      }
    } catch (err) {
      lastDay = '';
      deps.logger.error({ err }, 'daily sweep failed');
    }
  };
  const run = () => {
    running = running.then(tick);
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  run();
  return {
    async stop() {
      stopping = true;
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * Adds the statistics counters' pending deltas every `intervalMs` (db/stores/stats.ts `settleCounters`), so that a
 * report finds little left to add; on PostgreSQL a process gives way when another one is settling.
 */
export function startCounterSettler(deps: Deps, intervalMs = 2_000): Scheduler {
  let running: Promise<void> | null = null;
  // pg56 L2: a database away (restarted, unreachable) is said once, as a warning, and its return once — not an error
  // every 2 s for the whole outage; any other failure is an error each time.
  let away = false;
  const timer = setInterval(() => {
    if (running) return;
    running = deps.stores.stats
      .settle(deps.db.knex, { wait: false })
      .then(() => {
        if (away) deps.logger.info('statistics counters settled again: the database is back');
        away = false;
      })
      .catch((err) => {
        const fault = classifyDatabaseError(err);
        if (!fault) deps.logger.error({ err }, 'statistics counters not settled');
        else if (!away)
          deps.logger.warn({ fault }, 'statistics counters not settled: the database is unavailable; tried again every few seconds');
        if (fault) away = true;
      })
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * Writes this process's heartbeat (its row in `service_heartbeats`, `readiness.beat` — never reused as a /readyz answer) every `intervalMs`,
 * whether or not anything probes `/readyz` (outside tester s45 L2: a killed process stayed listed as if running, a
 * live one nobody probed was missing). Stateless: one row per process, in the database.
 */
export function startHeartbeat(deps: Pick<Deps, 'logger'>, readiness: Readiness, intervalMs = HEARTBEAT_PERIOD_MS): Scheduler {
  let running: Promise<void> | null = null;
  const beat = () => {
    if (running) return;
    running = readiness
      .beat()
      .catch((err) => deps.logger.warn({ err }, 'heartbeat not written'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(beat, intervalMs);
  timer.unref();
  beat();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
