import type { Knex } from 'knex';
import type { CaseRecord } from '../db/stores/cases.ts';
import type { MachineContext } from '../workflows/case-machine.ts';
import { computeDeadlines, type Deadline } from '../workflows/deadlines.ts';
import { assessLimitation } from '../workflows/limitation.ts';
import { type PersistedSnapshot, restore, type Snapshot, startCase } from '../workflows/procedure.ts';
import type { CaseInput } from '../workflows/procedure-types.ts';
import { statFacts } from '../workflows/stat-facts.ts';
import type { Deps } from './deps.ts';
import { notFound } from './errors.ts';
import { caseView } from './views.ts';

/** The case or a 404 problem. */
export async function loadCaseOr404(deps: Deps, trx: Knex, id: number): Promise<CaseRecord> {
  const c = await deps.stores.cases.load(trx, id);
  if (!c) throw notFound(`没有编号为 ${id} 的案件`);
  return c;
}

/** The machine input for a case as registered. */
export function machineInput(
  c: Pick<CaseRecord, 'track' | 'procedure' | 'collective' | 'wageArrears' | 'receivedOn' | 'parties' | 'claims'>,
): CaseInput {
  return {
    track: c.track,
    procedure: c.procedure,
    collective: c.collective,
    wageArrears: c.wageArrears,
    receivedOn: c.receivedOn,
    parties: c.parties.map((p) => ({ id: p.id as number, side: p.side, kind: p.kind })),
    claims: c.claims.map((cl) => ({ id: cl.id as number, category: cl.category })),
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

export async function recomputeDeadlines(
  deps: Deps,
  trx: Knex,
  caseId: number,
  ctx: MachineContext,
  today: string,
  opts: { isNew?: boolean } = {},
): Promise<Deadline[]> {
  const cal = await deps.calendar.get(trx);
  const list = computeDeadlines(ctx, cal, deps.periods, today);
  await deps.stores.deadlines.replace(trx, caseId, list, opts);
  return list;
}

/**
 * Updates the statistics projection of a case (db/migrations/…_0013_statistics.ts) in the caller's transaction.
 * Every write path calls it after the case and its deadlines are written, so a statistic never sees a write its
 * audit event does not, and vice versa. The award due date (LDMAL Art. 43) is taken from the deadlines just
 * computed, so late closures can be counted without working the award clock out a second time.
 */
export async function projectStats(
  deps: Deps,
  trx: Knex,
  c: CaseRecord,
  ctx: MachineContext,
  deadlines: Deadline[],
  now: string,
  opts: { isNew?: boolean } = {},
): Promise<void> {
  const awardDueOn = deadlines.find((d) => d.kind === 'award')?.dueOn ?? null;
  await deps.stores.stats.project(trx, c.id, statFacts(c, ctx, awardDueOn), now, opts);
}

/** Keeps `case_arbitrators` in step with the tribunal in the snapshot. */
export async function syncTribunal(trx: Knex, caseId: number, ctx: MachineContext): Promise<void> {
  await trx('case_arbitrators').where({ case_id: caseId }).delete();
  const t = ctx.tribunal;
  if (t)
    await trx('case_arbitrators').insert(t.arbitratorIds.map((id) => ({ case_id: caseId, user_id: id, presiding: id === t.presidingId })));
}

/** The whole case as the API shows it: registration, procedure record, deadlines, tribunal names. */
export async function fullCaseView(deps: Deps, trx: Knex, c: CaseRecord, opts: { mask?: boolean; deadlines?: Deadline[] } = {}) {
  const snap = caseSnapshot(c);
  const ctx = snap.context;
  const deadlines = opts.deadlines ?? (await deps.stores.deadlines.forCase(trx, c.id));
  const ids = ctx.tribunal?.arbitratorIds ?? [];
  const users = await deps.stores.users.listByIds(ids, trx);
  const name = (id: number) => users.find((u) => u.id === id)?.displayName ?? `#${id}`;
  return {
    ...caseView(c, opts),
    closure: ctx.closure
      ? { mode: ctx.closure.mode, closedOn: ctx.closure.closedOn, ...(ctx.closure.reason ? { reason: ctx.closure.reason } : {}) }
      : null,
    award: ctx.award
      ? {
          finality: ctx.award.finality,
          issuedOn: ctx.award.issuedOn,
          minimumWage: ctx.award.minimumWage,
          defaultAward: ctx.award.defaultAward,
          items: ctx.award.items.map((i) => ({
            claimId: i.claimId,
            outcome: i.outcome,
            amount: i.amount,
            final: i.final,
            reason: i.reason,
          })),
        }
      : null,
    tribunal: ctx.tribunal
      ? {
          formedOn: ctx.tribunal.formedOn,
          kind: ctx.tribunal.arbitratorIds.length === 1 ? 'sole' : 'panel',
          presidingId: ctx.tribunal.presidingId,
          arbitrators: ctx.tribunal.arbitratorIds.map((id) => ({ id, displayName: name(id), presiding: id === ctx.tribunal?.presidingId })),
        }
      : null,
    proceedings: {
      supplement: ctx.supplement,
      rejection: ctx.rejection,
      representatives: ctx.representatives,
      services: ctx.services,
      defenses: ctx.defenses,
      counterclaims: ctx.counterclaims,
      hearing: ctx.hearing,
      postponements: ctx.postponements,
      hearingsHeld: ctx.hearingsHeld,
      suspensions: ctx.suspensions,
      extension: ctx.extension,
      clockRestarts: ctx.clockRestarts,
      mediation: ctx.mediation,
      mediationHistory: ctx.mediationHistory,
      trackMediation: ctx.trackMediation,
      advanceExecutions: ctx.advanceExecutions,
      partialAwards: ctx.partialAwards,
      lawsuits: ctx.lawsuits,
      setAside: ctx.setAside,
      effectiveOn: ctx.effectiveOn,
      transfers: ctx.transfers,
      recusals: ctx.recusals,
      archivedOn: ctx.archivedOn,
    },
    deadlines: deadlines.map(({ metOn: _m, ...d }) => d),
    limitation: c.limitation
      ? { ...c.limitation, ...assessLimitation({ ...c.limitation, wageArrears: c.wageArrears }, c.receivedOn) }
      : null,
  };
}
