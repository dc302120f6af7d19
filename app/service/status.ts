import type { Deps } from '../deps.ts';
import { type Actor, AREA_ROLES, assertRole } from '../policy.ts';

/** At most one readiness write per process this often: `/readyz` is public, and a probe must not be a write each time. */
export const HEARTBEAT_EVERY_MS = 5_000;
/**
 * Every process writes its heartbeat this often, probed or not (server/scheduler.ts startHeartbeat): the status lists
 * the processes that run, not those some probe happened to reach (outside tester s45 L2).
 */
export const HEARTBEAT_PERIOD_MS = 30_000;
/** A process whose last heartbeat is older than this (three periods missed) is listed `alive: false`: stopped or stuck. */
export const HEARTBEAT_ALIVE_MS = 3 * HEARTBEAT_PERIOD_MS;

export interface Readiness {
  /** Resolves when the database answers and accepted a write recently enough; rejects with the database's error. */
  check(): Promise<void>;
  /**
   * The periodic heartbeat (server/scheduler.ts startHeartbeat): writes this process's row, and is never reused by
   * `check` — a probe right after a database stopped must not be answered ready from a beat seconds before (the fault
   * test: /readyz 200 with PostgreSQL stopped).
   */
  beat(): Promise<void>;
  /** When this process last proved the database writable (ISO 8601), or null. */
  lastHeartbeatAt(): string | null;
}

/**
 * Readiness of one process: the database answers and accepts a write (this process's row in `service_heartbeats`).
 * The write is made at most once every HEARTBEAT_EVERY_MS; probes in between reuse a success that recent, and probes
 * arriving while a write is under way wait for that write. A failure is never reused: the next probe writes again, so
 * a database that stopped accepting writes shows at the first probe after the last success has aged.
 */
export function createReadiness(deps: Pick<Deps, 'db' | 'clock' | 'stores'>, instance: string, startedAt: string): Readiness {
  let okAt: number | null = null;
  let okIso: string | null = null;
  let writing: Promise<void> | null = null;
  const write = async () => {
    try {
      const at = deps.clock.now();
      await deps.stores.housekeeping.heartbeat(deps.db.knex, instance, startedAt, at.toISOString());
      okAt = at.getTime();
      okIso = at.toISOString();
    } catch (err) {
      okAt = null;
      throw err;
    } finally {
      writing = null;
    }
  };
  return {
    check() {
      const now = deps.clock.now().getTime();
      // A clock set back (tests) never stretches a success: only an age in [0, HEARTBEAT_EVERY_MS) is reused.
      if (okAt !== null && now >= okAt && now - okAt < HEARTBEAT_EVERY_MS) return Promise.resolve();
      writing ??= write();
      return writing;
    },
    async beat() {
      const at = deps.clock.now().toISOString();
      await deps.stores.housekeeping.heartbeat(deps.db.knex, instance, startedAt, at);
      okIso = at;
    },
    lastHeartbeatAt: () => okIso,
  };
}

/**
 * GET /api/service/status (admin) — what `/readyz` no longer tells anonymous callers: which process answered, when it
 * last proved the database writable, every process's heartbeat, and the last daily sweep with the verification of the
 * tamper-evident record (chainOk false: the history was altered outside the application).
 */
export async function serviceStatus(deps: Deps, actor: Actor, self: { instance: string; startedAt: string; readiness: Readiness }) {
  assertRole(actor, AREA_ROLES.service, '查看服务状态');
  const hk = deps.stores.housekeeping;
  const [last, processes] = await Promise.all([hk.lastSweep(deps.db.reader), hk.heartbeats(deps.db.reader)]);
  return {
    instance: self.instance,
    startedAt: self.startedAt,
    database: deps.db.dialect,
    heartbeatAt: self.readiness.lastHeartbeatAt(),
    processes: processes.map((p) => ({ ...p, alive: Date.parse(p.seenAt) > deps.clock.now().getTime() - HEARTBEAT_ALIVE_MS })),
    lastSweep: last
      ? {
          day: last.day,
          holder: last.holder,
          startedAt: last.startedAt,
          finishedAt: last.finishedAt,
          cases: last.cases,
          deadlinesChanged: last.deadlinesChanged,
          alertsRecorded: last.alertsRecorded,
          chainOk: last.chainOk,
          chainAnchor: last.chainAnchor,
        }
      : null,
  };
}
