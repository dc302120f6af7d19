import type { Knex } from 'knex';
import { createCaseSummaryStore } from '../../db/stores/case-summaries.ts';
import type { CaseRecord } from '../../db/stores/cases.ts';
import type { OfficialCalendar } from '../../workflows/calendar.ts';
import type { MachineContext } from '../../workflows/case-machine.ts';
import { computeDeadlines, type Deadline } from '../../workflows/deadlines.ts';
import { HEARING_EVENTS, sessionRowOf } from '../../workflows/hearings.ts';
import { eventLabel } from '../../workflows/labels.ts';
import { migrateSnapshot, type PersistedSnapshot, restore, type Snapshot, startCase } from '../../workflows/procedure.ts';
import type { CaseInput } from '../../workflows/procedure-types.ts';
import { type StatFacts, statFacts } from '../../workflows/stat-facts.ts';
import { statOptions } from '../config.ts';
import type { Deps } from '../deps.ts';
import { type AppError, preconditionFailed, unknownPathParam } from '../errors.ts';
import type { CaseScope } from '../policy.ts';
import { inTransaction, type UnitOfWork } from '../unit-of-work.ts';

/**
 * The case or a 404 problem. `forUpdate` locks the row until the transaction ends (PostgreSQL), so that a write
 * re-reads the case inside the lock; SQLite's single writer serializes writes already.
 */
/**
 * 412 for a write sent against a version of the case that is no longer current (If-Match), naming the act that
 * moved it — who recorded what, when — from the case's history as `k` sees it: the person learns what their screen
 * did not show before deciding again.
 */
export async function staleVersion(deps: Deps, k: Knex, caseId: number, current: number): Promise<AppError> {
  const latest = await deps.stores.cases.latestEntry(k, caseId);
  return preconditionFailed(current, latest ? { ...latest, label: eventLabel(latest.type) } : undefined);
}

export async function loadCase(deps: Deps, k: Knex, id: number, opts: { forUpdate?: boolean } = {}): Promise<CaseRecord> {
  const c = await deps.stores.cases.load(k, id, opts);
  if (!c) throw unknownPathParam('id', '案件');
  return c;
}

/** The machine input for a case as registered. */
export function machineInput(
  c: Pick<
    CaseRecord,
    'track' | 'procedure' | 'collective' | 'collectiveGround' | 'wageArrears' | 'receivedOn' | 'postmarkOn' | 'parties' | 'claims'
  >,
): CaseInput {
  return {
    track: c.track,
    procedure: c.procedure,
    collective: c.collective,
    collectiveGround: c.collectiveGround ?? null,
    wageArrears: c.wageArrears,
    receivedOn: c.receivedOn,
    // CPL Art. 85(4): a posted application is filed on its postmark date (a review's 15 days, Rules Art. 74).
    postmarkOn: c.postmarkOn ?? null,
    parties: c.parties.map((p) => ({ id: p.id as number, side: p.side, kind: p.kind, ownership: p.ownership ?? null })),
    claims: c.claims.map((cl) => ({
      id: cl.id as number,
      category: cl.category,
      ...(cl.counterclaim ? { counterclaim: true as const } : {}),
      ...(cl.partyId ? { partyId: cl.partyId as number } : {}),
    })),
  };
}

/**
 * The case's statechart snapshot, with the registration facts (parties, claims, flags) refreshed from
 * the rows — they can change before acceptance (PATCH) and the rows are the source of truth for them.
 */
export function caseSnapshot(c: CaseRecord): Snapshot {
  const stored = c.snapshot as PersistedSnapshot | null;
  const input = machineInput(c);
  if (!stored) return restore(startCase(input));
  const context: MachineContext = { ...stored.context, ...input, track: stored.context.track };
  return restore({ ...stored, context });
}

/**
 * The machine context alone, for reads that show the case without asking the statechart anything: the stored context
 * with the registration facts refreshed, no XState snapshot built.
 */
export function caseContext(c: CaseRecord): MachineContext {
  const stored = c.snapshot as PersistedSnapshot | null;
  if (!stored) return caseSnapshot(c).context;
  const { context } = migrateSnapshot(stored);
  return { ...context, ...machineInput(c), track: context.track };
}

/** What the policy needs to know of a case. */
export function caseScope(c: Pick<CaseRecord, 'track' | 'createdBy'>, ctx: Pick<MachineContext, 'tribunal' | 'mediatorIds'>): CaseScope {
  // A review of a mediation agreement (Rules Arts. 74–79) is the commission's own case like an arbitration.
  return {
    track: c.track === 'mediation' ? 'mediation' : 'arbitration',
    tribunalIds: ctx.tribunal?.arbitratorIds ?? null,
    mediatorIds: ctx.mediatorIds ?? [],
    registeredBy: c.createdBy,
  };
}

/** Every deadline of the case as of `today`, written in place of the stored ones. */
export async function storeDeadlines(
  deps: Deps,
  trx: Knex,
  caseId: number,
  ctx: MachineContext,
  cal: OfficialCalendar,
  today: string,
  /** `stored`: the deadlines as read in this transaction — nothing is written when they did not change. */
  opts: { isNew?: boolean; stored?: Deadline[] } = {},
): Promise<Deadline[]> {
  const list = computeDeadlines(ctx, cal, deps.periods, today);
  await deps.stores.deadlines.replace(trx, caseId, list, opts);
  return list;
}

/**
 * Updates the statistics projection of a case (db/migrations/…_0013_statistics.ts) in the caller's transaction.
 * Every write calls it after the case and its deadlines are written, so a statistic never sees a write its audit
 * event does not, and vice versa. The award due date (LDMAL Art. 43) is taken from the deadlines just computed.
 */
export async function projectStats(
  deps: Deps,
  trx: Knex,
  c: CaseRecord,
  ctx: MachineContext,
  deadlines: Deadline[],
  now: string,
  /** `current`: the statistics row as read in this transaction (no second read). */
  opts: { isNew?: boolean; current?: (StatFacts & { rowId: number }) | null } = {},
): Promise<void> {
  const awardDueOn = deadlines.find((d) => d.kind === 'award')?.dueOn ?? null;
  await deps.stores.stats.project(trx, c.id, statFacts(c, ctx, awardDueOn, statOptions(deps.config)), now, opts);
}

// syncTribunal's caller (app/procedure/apply-event.ts) passes no deps; the store holds no state.
const caseSummaries = createCaseSummaryStore();

/** Keeps `case_arbitrators` in step with the tribunal in the snapshot. */
export async function syncTribunal(trx: Knex, caseId: number, ctx: MachineContext): Promise<void> {
  await caseSummaries.replaceTribunal(trx, caseId, ctx.tribunal);
}

/** Keeps `case_mediators` in step with the mediators assigned in the snapshot (ASSIGN_MEDIATOR). */
export async function syncMediators(trx: Knex, caseId: number, ctx: MachineContext): Promise<void> {
  await caseSummaries.replaceMediators(trx, caseId, ctx.mediatorIds ?? []);
}

/** Display names of the given users (arbitrators on a tribunal), one query. */
export async function userNames(deps: Deps, k: Knex, ids: number[]): Promise<Map<number, string>> {
  const users = await deps.stores.users.listByIds([...new Set(ids)], k);
  return new Map(users.map((u) => [u.id, u.displayName]));
}

export { HEARING_EVENTS };

/**
 * Keeps the hearing calendar in step with the case — one row per session: SCHEDULE_HEARING adds a session (the
 * sessions before it, held, stay); POSTPONE_HEARING moves the latest; HOLD_HEARING marks it held on the day; the case's
 * closure takes the sessions not yet held off the calendar (workflows/hearings.ts).
 */
export async function syncHearing(
  deps: Deps,
  trx: Knex,
  caseId: number,
  type: string,
  ctx: MachineContext,
  closedNow: boolean,
): Promise<void> {
  const row = HEARING_EVENTS.has(type) ? sessionRowOf(type, ctx) : null;
  if (row && type === 'SCHEDULE_HEARING') await deps.stores.hearings.schedule(trx, caseId, row);
  else if (row) await deps.stores.hearings.updateLatest(trx, caseId, row);
  if (closedNow) await deps.stores.hearings.cancelPending(trx, caseId);
}

/**
 * A maintenance task's walk over cases (the statistics re-projection, the answer-period reflag): keyset pages of case
 * ids from `page`, each case in its own unit of work with its row locked and read inside it (as the deadline sweep does)
 * — safe next to a running server: an event committing meanwhile is waited for, never overwritten with what was true
 * before it. `visit` answers whether it changed the case's derived data; `stop` is asked between cases (a shutdown,
 * a lost lock), and the walk then ends with `stopped: true`, not finished.
 */
export async function forEachCaseLocked(
  deps: Deps,
  page: (after: number) => Promise<number[]>,
  visit: (uow: UnitOfWork, c: CaseRecord, ctx: MachineContext) => Promise<boolean>,
  stop?: () => boolean,
): Promise<{ cases: number; changed: number; stopped?: true }> {
  let cases = 0;
  let changed = 0;
  for (let after = 0; ; ) {
    const ids = await page(after);
    if (!ids.length) break;
    for (const id of ids) {
      if (stop?.()) return { cases, changed, stopped: true };
      await inTransaction(deps, async (uow) => {
        const c = await loadCase(deps, uow.trx, id, { forUpdate: true });
        if (await visit(uow, c, caseSnapshot(c).context)) changed++;
      });
      cases++;
    }
    after = ids.at(-1) as number;
  }
  return { cases, changed };
}
