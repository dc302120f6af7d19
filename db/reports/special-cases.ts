import type { Knex } from 'knex';
import { isWorkerParty } from '../../workflows/sides.ts';
import { ARB_BASE, endOfDayInstant, type GroupBy, type PeriodQuery, rowsOf, validRows } from './closure-rate.ts';

/**
 * Legal aid (法律援助) and major collective disputes (重大集体劳动人事争议) in the statistics (domain.md §13.2 "Legal aid
 * and major collective disputes"). No official formula has been found for either: these are Zhongcai's definitions.
 *
 * Both count among the arbitration cases to be closed in the period (应结案件: carried over + accepted, the closure
 * rate's denominator — as of `asOf` when given):
 * - legal aid: the cases in which at least one worker (a natural person on the workers' side, workflows/sides.ts) has
 *   an agent of kind `legal_aid` (法律援助; workflows/reference.ts AGENT_KINDS); `workers` the workers so assisted;
 *   `closed` those of the cases closed in the period;
 * - major collective: the collective cases (Rules Art. 62) marked major by the chair or with at least
 *   MAJOR_COLLECTIVE_MIN_WORKERS workers (the projection's head count); `workers` their workers; `closed` as above.
 * The agents and the chair's marking are read from the current record (they have no history of their own): an `asOf`
 * figure keeps the cases as the statistics rows stood that day, with today's agents and markings — but for an agent
 * appointed after acceptance (APPOINT_AGENT, feat52), counted from the day he was recorded.
 */
export const SPECIAL_FORMULA_VERSION = 'zhongcai-special-2026.1';

export interface SpecialFigures {
  /** Cases to be closed in the period (carried over + accepted) that are counted. */
  cases: number;
  /** Workers: with legal aid (legal aid), or in the cases (major collective). */
  workers: number;
  /** Of `cases`, closed in the period. */
  closed: number;
}

/** The rows of the arbitration cases to be closed in the period (应结), current or as of `asOf`. */
function toCloseWhere(q: PeriodQuery): { sql: string; bindings: unknown[] } {
  const v = validRows(q);
  return {
    sql: `${v.sql} AND ${ARB_BASE} AND accepted_on <= ? AND (closed_on IS NULL OR closed_on >= ?)`,
    bindings: [...v.bindings, q.to, q.from],
  };
}

const closedIn = (q: PeriodQuery, closedOn: unknown) => typeof closedOn === 'string' && closedOn >= q.from && closedOn <= q.to;

/** Case ids in chunks (bound parameters stay well under the dialects' limits). */
const CHUNK = 500;

/**
 * The cases to be closed in the period in which a worker has legal aid, each with the workers assisted and whether it
 * closed in the period: read from the rows, then the parties and agents of those cases only (cases with any legal-aid
 * agent at all are few); which party is a worker is workflows/sides.ts's answer, as the statistics' head count.
 */
export async function legalAidCases(
  knex: Knex,
  q: PeriodQuery,
  groupBy?: GroupBy,
): Promise<Map<number, { workers: number; closed: boolean; group?: string }>> {
  const w = toCloseWhere(q);
  // feat52: an agent appointed after acceptance (APPOINT_AGENT) carries the instant he was recorded: an `asOf` figure
  // counts him from the end of that day on, as it reads the statistics rows (`validRows`). One revoked since still
  // counts: the worker had legal aid in the case.
  const since = q.asOf ? ' AND (a.recorded_at IS NULL OR a.recorded_at < ?)' : '';
  const sinceBindings = q.asOf ? [endOfDayInstant(q.asOf)] : [];
  const rows = rowsOf(
    await knex.raw(
      `SELECT case_id, closed_on, ${GROUP_COLUMNS} FROM case_stat_rows WHERE ${w.sql}
  AND case_id IN (SELECT p.case_id FROM parties p JOIN agents a ON a.party_id = p.id WHERE a.kind = 'legal_aid'${since})`,
      [...w.bindings, ...sinceBindings] as never[],
    ),
  );
  const out = new Map<number, { workers: number; closed: boolean; group?: string }>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const ids = chunk.map((r) => Number(r.case_id));
    const marks = ids.map(() => '?').join(', ');
    const [parties, grounds] = await Promise.all([
      knex.raw(
        `SELECT p.case_id, p.side, p.kind, p.ownership,
  CASE WHEN EXISTS (SELECT 1 FROM agents a WHERE a.party_id = p.id AND a.kind = 'legal_aid'${since}) THEN 1 ELSE 0 END AS aided
FROM parties p WHERE p.case_id IN (${marks})`,
        [...sinceBindings, ...ids],
      ),
      knex.raw(`SELECT id, collective_ground FROM cases WHERE id IN (${marks})`, ids),
    ]);
    const ground = new Map(rowsOf(grounds).map((r) => [Number(r.id), (r.collective_ground as string | null) ?? null]));
    const byCase = new Map<number, { side: string; kind: string; ownership: string | null; aided: boolean }[]>();
    for (const p of rowsOf(parties)) {
      const list = byCase.get(Number(p.case_id)) ?? [];
      list.push({ side: p.side, kind: p.kind, ownership: p.ownership ?? null, aided: Number(p.aided) === 1 });
      byCase.set(Number(p.case_id), list);
    }
    for (const r of chunk) {
      const id = Number(r.case_id);
      const ps = byCase.get(id) ?? [];
      const c = { parties: ps, collectiveGround: ground.get(id) ?? null };
      const workers = ps.filter((p) => p.aided && isWorkerParty(c, p)).length;
      if (workers > 0) out.set(id, { workers, closed: closedIn(q, r.closed_on), ...(groupBy ? { group: groupKey(groupBy, r) } : {}) });
    }
  }
  return out;
}

/** The row's columns a breakdown groups on (closure-rate.ts ROW_COLUMN). */
export const GROUP_COLUMNS = 'district, cause, procedure_kind, wage_arrears, arbitrator_id, ownership';

/** A row's group key, as the counters key it (workflows/stat-facts.ts dimKey): the `key` of GET /api/stats/closure's groups. */
export function groupKey(groupBy: GroupBy, r: Record<string, unknown>): string {
  switch (groupBy) {
    case 'district':
      return String(r.district);
    case 'cause':
      return String(r.cause);
    case 'procedure':
      return String(r.procedure_kind);
    case 'wageArrears':
      return r.wage_arrears === true || Number(r.wage_arrears) === 1 ? 'yes' : 'no';
    case 'arbitrator':
      return r.arbitrator_id === null || r.arbitrator_id === undefined ? 'none' : String(Number(r.arbitrator_id));
    case 'ownership':
      return String(r.ownership);
  }
}

const zero = (): SpecialFigures => ({ cases: 0, workers: 0, closed: 0 });

/**
 * Legal aid and major collective cases per group of a breakdown (med51 L1: the groups had none, though their drill-down
 * per group answered the cases), by the same definitions as `specialFigures`. A group absent from the map has none.
 */
export async function specialFiguresByGroup(
  knex: Knex,
  q: PeriodQuery,
  groupBy: GroupBy,
): Promise<Map<string, { legalAid: SpecialFigures; majorCollective: SpecialFigures }>> {
  const out = new Map<string, { legalAid: SpecialFigures; majorCollective: SpecialFigures }>();
  const of = (key: string) => {
    const g = out.get(key) ?? { legalAid: zero(), majorCollective: zero() };
    out.set(key, g);
    return g;
  };
  for (const a of (await legalAidCases(knex, q, groupBy)).values()) {
    const g = of(a.group as string).legalAid;
    g.cases += 1;
    g.workers += a.workers;
    if (a.closed) g.closed += 1;
  }
  const w = toCloseWhere(q);
  const m = majorRowSql();
  const rows = rowsOf(
    await knex.raw(`SELECT workers, closed_on, ${GROUP_COLUMNS} FROM case_stat_rows WHERE ${w.sql} AND ${m.sql}`, [
      ...w.bindings,
      ...m.bindings,
    ] as never[]),
  );
  for (const r of rows) {
    const g = of(groupKey(groupBy, r)).majorCollective;
    g.cases += 1;
    g.workers += Number(r.workers ?? 0);
    if (closedIn(q, r.closed_on)) g.closed += 1;
  }
  return out;
}

/**
 * SQL over case_stat_rows: a major collective case — collective, and marked (at registration by its head count, or by
 * the chair: cases.major_marked, db/stores/cases.ts isMajorCollective).
 */
export function majorRowSql(): { sql: string; bindings: unknown[] } {
  return {
    sql: '(collective = ? AND case_id IN (SELECT id FROM cases WHERE major_marked = ?))',
    bindings: [true, true],
  };
}

/** Legal aid and major collective cases among the cases to be closed in the period (see above). */
export async function specialFigures(knex: Knex, q: PeriodQuery): Promise<{ legalAid: SpecialFigures; majorCollective: SpecialFigures }> {
  const aided = await legalAidCases(knex, q);
  const legalAid: SpecialFigures = { cases: aided.size, workers: 0, closed: 0 };
  for (const a of aided.values()) {
    legalAid.workers += a.workers;
    if (a.closed) legalAid.closed += 1;
  }
  const w = toCloseWhere(q);
  const m = majorRowSql();
  const [row] = rowsOf(
    await knex.raw(
      `SELECT COUNT(*) AS cases, COALESCE(SUM(workers), 0) AS workers,
  COALESCE(SUM(CASE WHEN closed_on >= ? AND closed_on <= ? THEN 1 ELSE 0 END), 0) AS closed
FROM case_stat_rows WHERE ${w.sql} AND ${m.sql}`,
      [q.from, q.to, ...w.bindings, ...m.bindings] as never[],
    ),
  );
  return {
    legalAid,
    majorCollective: { cases: Number(row?.cases ?? 0), workers: Number(row?.workers ?? 0), closed: Number(row?.closed ?? 0) },
  };
}
