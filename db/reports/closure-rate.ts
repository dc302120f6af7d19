import type { Knex } from 'knex';
import { addDays, addMonths, cstDayStart } from '../../workflows/dates.ts';
import { formatMoney } from '../../workflows/identifiers.ts';
import { COUNTER_MEASURES, type Contribution, type CounterMeasure, type StatDim } from '../../workflows/stat-facts.ts';
import { type Fraction, fraction } from './fraction.ts';
import { GROUP_COLUMNS, groupKey, majorRowSql, type SpecialFigures, specialFigures, specialFiguresByGroup } from './special-cases.ts';

/**
 * The arbitration closure rate and the figures around it (domain.md §13.2; api.md "Statistics").
 *
 * Definitions (formula version FORMULA_VERSION, returned with every figure):
 * - carriedOver (上期未结): accepted before `from`, not closed before `from`;
 * - accepted (本期受理): accepted within [from, to]; rejected applications (不予受理) are never accepted cases;
 * - closed (本期结案): of carriedOver + accepted, closed within [from, to] (award, mediation, withdrawal, other);
 * - pending (期末未结) = carriedOver + accepted − closed — an identity of the counters, not a separate count;
 * - closureRate = closed ÷ (carriedOver + accepted), exact fraction, null when the denominator is 0.
 * Figures are read from `stat_counters`; `asOf` keeps only what had been recorded by the end of that day (CST).
 */
export const FORMULA_VERSION = 'zhongcai-closure-2026.4';

/**
 * s60 W2 #1: a formula version in words, the one home of that label (the report's screen, CSV, Excel and PDF):
 * "zhongcai-closure-2026.4" → 结案率统计口径（2026年第4版）, "zhongcai-claims-2026.3" → 仲裁请求统计口径（2026年第3版）.
 */
export function formulaLabel(code: string): string {
  const m = /^zhongcai-(closure|claims|special)-(\d{4})\.(\d+)$/.exec(code);
  if (!m) return `统计口径 ${code}`;
  const name = m[1] === 'closure' ? '结案率统计口径' : m[1] === 'claims' ? '仲裁请求统计口径' : '特殊案件统计口径';
  return `${name}（${m[2]}年第${m[3]}版）`;
}

export type GroupBy = 'district' | 'cause' | 'procedure' | 'wageArrears' | 'arbitrator' | 'ownership';
export const GROUP_DIMS: Record<GroupBy, StatDim> = {
  district: 'district',
  cause: 'cause',
  procedure: 'procedure',
  wageArrears: 'wage_arrears',
  arbitrator: 'arbitrator',
  ownership: 'ownership',
};
const ROW_COLUMN: Record<GroupBy, string> = {
  district: 'district',
  cause: 'cause',
  procedure: 'procedure_kind',
  wageArrears: 'wage_arrears',
  arbitrator: 'arbitrator_id',
  ownership: 'ownership',
};

export interface PeriodQuery {
  from: string;
  to: string;
  /** Reproduce the figures as the records stood at the end of this day (China time). */
  asOf?: string | null;
  /** "Today" for overdue checks when asOf is absent. */
  today: string;
}

/** A target such as "0.98" as an exact fraction (98/100), so meetsTarget never depends on float rounding. */
export function parseTarget(s: string): { numerator: number; denominator: number; text: string } {
  const m = /^(0|1)(?:\.(\d{1,6}))?$/.exec(s.trim());
  if (!m) throw new Error(`bad target ${s}`);
  const dec = m[2] ?? '';
  const denominator = 10 ** dec.length;
  return { numerator: Number(m[1]) * denominator + Number(dec || 0), denominator, text: s.trim() };
}

export interface Figures {
  carriedOver: number;
  accepted: number;
  acceptedCollective: number;
  workers: number;
  workersCollective: number;
  closed: number;
  pending: number;
  closureRate: number | null;
  closureRateFraction: Fraction;
  meetsTarget: boolean | null;
  byMode: { award: number; mediation: number; withdrawal: number; other: number };
  finalAwards: number;
  mixedAwards: number;
  finalAwardShare: Fraction;
  mediatedOrFinalShare: Fraction;
  averageDays: number | null;
  overdue: number;
  overdueDetail: { closedLate: number; pendingOverdue: number };
  amounts: { claimed: string; awarded: string; mediated: string };
  applications: { received: number; rejected: number };
  /** 应结案件数 = carried over + accepted (domain.md §13.2). */
  toClose: number;
  /** Accepted by who filed (劳动者申诉 / 用人单位申诉), and referred from pre-arbitration mediation. */
  filedBy: { worker: number; employer: number };
  acceptedReferred: number;
  closedCollective: number;
  /** Workers in the cases closed in the period. */
  workersClosed: number;
  /** 其他方式结案 split: withdrawal (撤回), deemed withdrawal (按撤回处理), termination (终止审理), transfer (移送), rest. */
  otherModes: { withdrawal: number; deemedWithdrawal: number; termination: number; transfer: number; other: number };
  /** Results of cases closed by award or mediation (用人单位胜诉 / 劳动者胜诉 / 双方部分胜诉). */
  results: { employer: number; worker: number; both: number };
}

export type Sums = Record<CounterMeasure, number> & { carried: number; pending_overdue: number; med_carried: number; rev_carried: number };

export const zeroSums = (): Sums =>
  Object.fromEntries([...COUNTER_MEASURES, 'carried', 'pending_overdue', 'med_carried', 'rev_carried'].map((m) => [m, 0])) as Sums;

function figures(s: Sums, target: { numerator: number; denominator: number }): Figures {
  const pendingOverdue = s.pending_overdue;
  const denominator = s.carried + s.accepted;
  const rate = fraction(s.closed, denominator);
  return {
    carriedOver: s.carried,
    accepted: s.accepted,
    acceptedCollective: s.accepted_collective,
    workers: s.workers,
    workersCollective: s.workers_collective,
    closed: s.closed,
    pending: s.carried + s.accepted - s.closed,
    closureRate: rate.value,
    closureRateFraction: rate,
    // closed / denominator ≥ t/T  ⇔  closed·T ≥ t·denominator (integers, exact)
    meetsTarget: denominator === 0 ? null : s.closed * target.denominator >= target.numerator * denominator,
    byMode: { award: s.closed_award, mediation: s.closed_mediation, withdrawal: s.closed_withdrawal, other: s.closed_other },
    finalAwards: s.final_awards,
    mixedAwards: s.mixed_awards,
    finalAwardShare: fraction(s.final_awards, s.closed_award),
    mediatedOrFinalShare: fraction(s.closed_mediation + s.final_awards, s.closed),
    averageDays: s.closed === 0 ? null : s.days_sum / s.closed,
    overdue: s.closed_late + pendingOverdue,
    overdueDetail: { closedLate: s.closed_late, pendingOverdue },
    amounts: { claimed: formatMoney(s.claimed_fen), awarded: formatMoney(s.awarded_fen), mediated: formatMoney(s.mediated_fen) },
    applications: { received: s.received, rejected: s.rejected },
    toClose: denominator,
    filedBy: { worker: s.accepted - s.accepted_by_employer, employer: s.accepted_by_employer },
    acceptedReferred: s.accepted_referred,
    closedCollective: s.closed_collective,
    workersClosed: s.workers_closed,
    otherModes: {
      withdrawal: s.closed_withdrawal,
      deemedWithdrawal: s.closed_deemed,
      termination: s.closed_terminated,
      transfer: s.closed_transferred,
      other: s.closed_other - s.closed_deemed - s.closed_terminated - s.closed_transferred,
    },
    results: { employer: s.won_employer, worker: s.won_worker, both: s.won_both },
  };
}

/** The end of a CST day as the ISO instant the projection stamps rows with. */
export const endOfDayInstant = (day: string) => cstDayStart(addDays(day, 1));

/** SQL predicate: the row version that was current at the end of `asOf` (or now). */
export function validRows(q: PeriodQuery): { sql: string; bindings: string[] } {
  if (!q.asOf) return { sql: 'recorded_to IS NULL', bindings: [] };
  const e = endOfDayInstant(q.asOf);
  return { sql: 'recorded_from < ? AND (recorded_to IS NULL OR recorded_to >= ?)', bindings: [e, e] };
}

/** The day overdue is judged on: the end of the period, but never after asOf / today. */
const judgeDay = (q: PeriodQuery) => [q.to, q.asOf ?? q.today].sort()[0] as string;

const monthOf = (d: string) => d.slice(0, 7);
const monthStart = (d: string) => `${d.slice(0, 7)}-01`;

/**
 * Sums per dim/key: measures inside [from, to], the cases open at the start of `from` (carried) and the cases open
 * past their award due date on the judging day J (pending_overdue).
 * Current figures read the day table for the period and the partial months, and the month table for whole months
 * before them — a yearly report reads ~13 months of days plus a few rows per earlier month, however long the
 * history. asOf figures read the signed history rows recorded by that day (all fact days up to the period end).
 */
export async function counterSums(knex: Knex, q: PeriodQuery, dims: Contribution['dim'][]): Promise<Map<string, Sums>> {
  const J = judgeDay(q);
  const inPeriod = COUNTER_MEASURES.map((m) => `SUM(CASE WHEN day >= ? AND day <= ? THEN ${m} ELSE 0 END) AS ${m}`).join(',\n  ');
  const periodBindings = COUNTER_MEASURES.flatMap(() => [q.from, q.to]);
  const dimList = dims.map(() => '?').join(', ');
  const out = new Map<string, Sums>();
  const add = (rows: Record<string, unknown>[], sign = 1) => {
    for (const r of rows) {
      const k = `${r.dim}\u0000${r.key}`;
      const s = out.get(k) ?? zeroSums();
      for (const m of Object.keys(s) as (keyof Sums)[]) if (r[m] !== undefined && r[m] !== null) s[m] += sign * Number(r[m]);
      out.set(k, s);
    }
  };
  if (q.asOf) {
    // As of the end of day D = today's sums − what was recorded after D (the history rows are signed deltas, and
    // every expression here is a sum over rows). Reads the recordings since D through their index, not the history.
    const sql = `SELECT dim, key,
  SUM(CASE WHEN day < ? THEN accepted - closed ELSE 0 END) AS carried,
  SUM(CASE WHEN day < ? THEN med_received - med_closed ELSE 0 END) AS med_carried,
  SUM(CASE WHEN day < ? THEN rev_received - rev_closed ELSE 0 END) AS rev_carried,
  SUM(CASE WHEN day < ? THEN due_unmet ELSE 0 END) - SUM(CASE WHEN day <= ? THEN closed_late ELSE 0 END) AS pending_overdue,
  ${inPeriod}
FROM stat_counters
WHERE recorded_on > ? AND dim IN (${dimList}) AND day <= ?
GROUP BY dim, key`;
    add(rowsOf(await knex.raw(sql, [q.from, q.from, q.from, J, J, ...periodBindings, q.asOf, ...dims, [q.to, J].sort()[1] as string])), -1);
  }
  const [mf, mj] = [monthStart(q.from), monthStart(J)];
  const lo = [mf, mj].sort()[0] as string;
  const hi = [q.to, J].sort()[1] as string;
  const daily = `SELECT dim, key,
  SUM(CASE WHEN day >= ? AND day < ? THEN accepted - closed ELSE 0 END) AS carried,
  SUM(CASE WHEN day >= ? AND day < ? THEN med_received - med_closed ELSE 0 END) AS med_carried,
  SUM(CASE WHEN day >= ? AND day < ? THEN rev_received - rev_closed ELSE 0 END) AS rev_carried,
  SUM(CASE WHEN day >= ? AND day < ? THEN due_unmet ELSE 0 END) - SUM(CASE WHEN day >= ? AND day <= ? THEN closed_late ELSE 0 END) AS pending_overdue,
  ${inPeriod}
FROM stat_counters_daily
WHERE dim IN (${dimList}) AND day >= ? AND day <= ?
GROUP BY dim, key`;
  add(rowsOf(await knex.raw(daily, [mf, q.from, mf, q.from, mf, q.from, mj, J, mj, J, ...periodBindings, ...dims, lo, hi])));
  const monthly = `SELECT dim, key,
  SUM(CASE WHEN month < ? THEN accepted - closed ELSE 0 END) AS carried,
  SUM(CASE WHEN month < ? THEN med_received - med_closed ELSE 0 END) AS med_carried,
  SUM(CASE WHEN month < ? THEN rev_received - rev_closed ELSE 0 END) AS rev_carried,
  SUM(CASE WHEN month < ? THEN due_unmet - closed_late ELSE 0 END) AS pending_overdue
FROM stat_counters_monthly
WHERE dim IN (${dimList}) AND month < ?
GROUP BY dim, key`;
  const [mF, mJ] = [monthOf(q.from), monthOf(J)];
  add(rowsOf(await knex.raw(monthly, [mF, mF, mF, mJ, ...dims, [mF, mJ].sort()[1] as string])));
  return out;
}

// biome-ignore lint/suspicious/noExplicitAny: raw results differ per dialect
export function rowsOf(raw: any): Record<string, any>[] {
  return Array.isArray(raw) ? raw : raw.rows;
}

export const ARB_BASE = `track = 'arbitration' AND accepted_on IS NOT NULL AND (closure_mode IS NULL OR closure_mode <> 'rejection')`;

export interface GroupFigures extends Figures {
  key: string;
  label: string;
  /** The group's legal-aid and major collective cases (special-cases.ts; med51 L1), as the headline figures count them. */
  legalAid: SpecialFigures;
  majorCollective: SpecialFigures;
  /** Of the group's cases closed by mediation, those whose amount was not recorded (docs52 M2: as the headline's). */
  mediatedWithoutAmount: number;
}

export interface ClosureFigures extends Figures {
  from: string;
  to: string;
  asOf: string | null;
  target: number;
  targetText: string;
  mediationSuccessRate: number | null;
  mediationSuccess: MediationSuccess;
  medianDays: number | null;
  formulaVersion: string;
  groupBy?: GroupBy;
  groups?: GroupFigures[];
  /** Arbitral review of mediation agreements (Rules Arts. 74–79): its own series. */
  reviews: { carriedOver: number; received: number; closed: number };
  /** 案件办理数 (bulletins): arbitration cases to be closed + mediations and reviews open at the start or received. */
  handled: number;
  /** 法律援助: cases to be closed in which a worker has legal aid, the workers assisted, of which closed (special-cases.ts). */
  legalAid: SpecialFigures;
  /** 重大集体劳动人事争议: major collective cases to be closed, their workers, of which closed (special-cases.ts). */
  majorCollective: SpecialFigures;
  /** Of the cases closed by mediation (byMode.mediation), those whose amount was not recorded (`withoutAmount`). */
  mediatedWithoutAmount: number;
}

export interface MediationSuccess {
  /** Which definition `mediationSuccessRate` shows. */
  shown: 'bulletin' | 'organization';
  /** MA1 (mediation organizations): agreements reached ÷ mediation cases ended (agreed, failed, referred, withdrawn). */
  organization: Fraction & { label: string };
  /** Bulletins: cases resolved by mediation (mediation-track agreements + arbitration mediation documents) ÷ all closed. */
  bulletin: Fraction & { label: string };
  mediationTrack: {
    received: number;
    ended: number;
    agreed: number;
    referred: number;
    carriedOver: number;
    agreedAmount: string;
    /** Of `agreed`, the agreements whose amount was not recorded (docs51 L6: `agreedAmount` does not hold them). */
    agreedWithoutAmount: number;
  };
}

function mediationSuccess(all: Sums, shown: MediationSuccess['shown'], agreedWithoutAmount = 0): MediationSuccess {
  return {
    shown,
    organization: {
      label: '调解组织口径：调解成功数 ÷ 调解结案数（含调解不成、转仲裁、撤回）',
      ...fraction(all.med_agreed, all.med_closed),
    },
    bulletin: {
      label: '统计公报口径：（调解组织达成协议数 + 仲裁调解结案数）÷（调解组织结案数 + 仲裁结案数）',
      ...fraction(all.med_agreed + all.closed_mediation, all.med_closed + all.closed),
    },
    mediationTrack: {
      received: all.med_received,
      ended: all.med_closed,
      agreed: all.med_agreed,
      referred: all.med_referred,
      carriedOver: all.med_carried,
      agreedAmount: formatMoney(all.med_agreed_fen),
      agreedWithoutAmount,
    },
  };
}

async function medianDays(knex: Knex, q: PeriodQuery): Promise<number | null> {
  const sql = `SELECT key, SUM(closed) AS n FROM ${q.asOf ? 'stat_counters' : 'stat_counters_daily'} WHERE dim = 'days' AND day >= ? AND day <= ?${
    q.asOf ? ' AND recorded_on <= ?' : ''
  } GROUP BY key`;
  const rows = rowsOf(await knex.raw(sql, [q.from, q.to, ...(q.asOf ? [q.asOf] : [])]))
    .map((r) => ({ days: Number(r.key), n: Number(r.n) }))
    .filter((r) => r.n > 0)
    .sort((a, b) => a.days - b.days);
  const total = rows.reduce((s, r) => s + r.n, 0);
  if (!total) return null;
  const at = (k: number) => {
    let seen = 0;
    for (const r of rows) {
      seen += r.n;
      if (seen > k) return r.days;
    }
    return rows.at(-1)?.days as number;
  };
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

export interface ClosureOptions {
  target: string;
  mediationRateShown: MediationSuccess['shown'];
  /** Labels for group keys (arbitrator ids → names, cause codes → Chinese). */
  label: (groupBy: GroupBy, key: string) => string;
}

/**
 * docs51 L6: the mediation closures whose amount was not recorded (MEDIATION_AGREED `amount` is optional; the amount of
 * a 调解书 or an agreement is what was recorded, workflows/stat-facts.ts mediatedFen) — so that 调解金额 / 调解协议约定金额
 * say how many cases they do not hold instead of a bare 0.00. An amount recorded as 0 counts as not recorded. Read from
 * the statistics rows as the counters count them: the arbitration cases closed by mediation in the period, and the
 * pre-arbitration mediations ended with an agreement in it.
 */
async function withoutAmount(knex: Knex, q: PeriodQuery): Promise<{ mediated: number; agreed: number }> {
  const v = validRows(q);
  const [row] = rowsOf(
    await knex.raw(
      `SELECT
  COALESCE(SUM(CASE WHEN ${ARB_BASE} AND closure_mode = 'mediation' AND closed_on >= ? AND closed_on <= ? THEN 1 ELSE 0 END), 0) AS mediated,
  COALESCE(SUM(CASE WHEN track = 'mediation' AND mediation_outcome = 'agreed' AND mediation_ended_on >= ? AND mediation_ended_on <= ? THEN 1 ELSE 0 END), 0) AS agreed
FROM case_stat_rows WHERE ${v.sql} AND mediated_fen = 0
  AND ((closure_mode = 'mediation' AND closed_on >= ? AND closed_on <= ?) OR (mediation_outcome = 'agreed' AND mediation_ended_on >= ? AND mediation_ended_on <= ?))`,
      [q.from, q.to, q.from, q.to, ...v.bindings, q.from, q.to, q.from, q.to] as never[],
    ),
  );
  return { mediated: Number(row?.mediated ?? 0), agreed: Number(row?.agreed ?? 0) };
}

/**
 * docs52 M2: `withoutAmount`'s mediation closures per group of a breakdown (a group's amounts.mediated does not hold
 * them either), keyed as the counters key the groups (special-cases.ts groupKey). A group absent from the map has none.
 */
async function mediatedWithoutAmountByGroup(knex: Knex, q: PeriodQuery, groupBy: GroupBy): Promise<Map<string, number>> {
  const v = validRows(q);
  const rows = rowsOf(
    await knex.raw(
      `SELECT ${GROUP_COLUMNS} FROM case_stat_rows WHERE ${v.sql} AND mediated_fen = 0
  AND ${ARB_BASE} AND closure_mode = 'mediation' AND closed_on >= ? AND closed_on <= ?`,
      [...v.bindings, q.from, q.to] as never[],
    ),
  );
  const out = new Map<string, number>();
  for (const r of rows) out.set(groupKey(groupBy, r), (out.get(groupKey(groupBy, r)) ?? 0) + 1);
  return out;
}

/** GET /api/stats/closure: the headline figures and, optionally, one breakdown. */
export async function closureRate(knex: Knex, q: PeriodQuery, opts: ClosureOptions & { groupBy?: GroupBy }): Promise<ClosureFigures> {
  const groupBys = opts.groupBy ? [opts.groupBy] : [];
  const r = await closureWithBreakdowns(knex, q, opts, groupBys);
  return { ...r.figures, ...(opts.groupBy ? { groupBy: opts.groupBy, groups: r.breakdowns[opts.groupBy] } : {}) };
}

export async function closureWithBreakdowns(
  knex: Knex,
  q: PeriodQuery,
  opts: ClosureOptions,
  groupBys: GroupBy[],
): Promise<{ figures: ClosureFigures; breakdowns: Partial<Record<GroupBy, GroupFigures[]>> }> {
  const target = parseTarget(opts.target);
  const dims: StatDim[] = ['all', ...groupBys.map((g) => GROUP_DIMS[g])];
  const sums = await counterSums(knex, q, dims);
  const all = sums.get('all\u0000all') ?? zeroSums();
  const head = figures(all, target);
  const unrecorded = await withoutAmount(knex, q);
  const ms = mediationSuccess(all, opts.mediationRateShown, unrecorded.agreed);
  const figuresOut: ClosureFigures = {
    from: q.from,
    to: q.to,
    asOf: q.asOf ?? null,
    target: target.numerator / target.denominator,
    targetText: target.text,
    ...head,
    mediationSuccessRate: ms[ms.shown].value,
    mediationSuccess: ms,
    medianDays: await medianDays(knex, q),
    formulaVersion: FORMULA_VERSION,
    reviews: { carriedOver: all.rev_carried, received: all.rev_received, closed: all.rev_closed },
    handled: head.toClose + all.med_carried + all.med_received + all.rev_carried + all.rev_received,
    mediatedWithoutAmount: unrecorded.mediated,
    ...(await specialFigures(knex, q)),
  };
  const breakdowns: Partial<Record<GroupBy, GroupFigures[]>> = {};
  for (const g of groupBys) {
    const dim = GROUP_DIMS[g];
    const special = await specialFiguresByGroup(knex, q, g);
    const unrecordedOf = await mediatedWithoutAmountByGroup(knex, q, g);
    const groups: GroupFigures[] = [];
    for (const [k, s] of sums) {
      const [d, key] = k.split('\u0000') as [string, string];
      if (d !== dim) continue;
      const f = figures(s, target);
      // A group with nothing in the period and nothing carried into it is not shown.
      if (f.carriedOver === 0 && f.accepted === 0 && f.closed === 0 && f.applications.received === 0 && f.applications.rejected === 0)
        continue;
      const sp = special.get(key);
      groups.push({
        key,
        label: opts.label(g, key),
        ...f,
        legalAid: sp?.legalAid ?? { cases: 0, workers: 0, closed: 0 },
        majorCollective: sp?.majorCollective ?? { cases: 0, workers: 0, closed: 0 },
        mediatedWithoutAmount: unrecordedOf.get(key) ?? 0,
      });
    }
    groups.sort((a, b) => b.carriedOver + b.accepted - (a.carriedOver + a.accepted) || a.key.localeCompare(b.key));
    breakdowns[g] = groups;
  }
  return { figures: figuresOut, breakdowns };
}

export interface MonthRow {
  month: string;
  from: string;
  to: string;
  accepted: number;
  closed: number;
  byMode: { award: number; mediation: number; withdrawal: number; other: number };
  /** Closure rate from the period start to the end of this month. */
  cumulativeClosureRate: number | null;
}

/** The monthly trend inside the period (calendar months clipped to the period). */
export async function monthlyTrend(knex: Knex, q: PeriodQuery, carriedOver: number): Promise<MonthRow[]> {
  const sql = `SELECT substr(day, 1, 7) AS month, SUM(accepted) AS accepted, SUM(closed) AS closed, SUM(closed_award) AS award,
  SUM(closed_mediation) AS mediation, SUM(closed_withdrawal) AS withdrawal, SUM(closed_other) AS other
FROM ${q.asOf ? 'stat_counters' : 'stat_counters_daily'} WHERE dim = 'all' AND day >= ? AND day <= ?${
    q.asOf ? ' AND recorded_on <= ?' : ''
  } GROUP BY substr(day, 1, 7)`;
  const rows = new Map(rowsOf(await knex.raw(sql, [q.from, q.to, ...(q.asOf ? [q.asOf] : [])])).map((r) => [String(r.month), r]));
  const out: MonthRow[] = [];
  let cumAccepted = 0;
  let cumClosed = 0;
  for (let m = q.from.slice(0, 7); m <= q.to.slice(0, 7); m = nextMonth(m)) {
    const r = rows.get(m);
    const n = (k: string) => Number(r?.[k] ?? 0);
    cumAccepted += n('accepted');
    cumClosed += n('closed');
    const start = `${m}-01` < q.from ? q.from : `${m}-01`;
    const endOfMonth = addDays(`${nextMonth(m)}-01`, -1);
    out.push({
      month: m,
      from: start,
      to: endOfMonth > q.to ? q.to : endOfMonth,
      accepted: n('accepted'),
      closed: n('closed'),
      byMode: { award: n('award'), mediation: n('mediation'), withdrawal: n('withdrawal'), other: n('other') },
      cumulativeClosureRate: carriedOver + cumAccepted === 0 ? null : cumClosed / (carriedOver + cumAccepted),
    });
  }
  return out;
}

/** 'YYYY-MM' → the month after it. */
const nextMonth = (m: string): string => addMonths(`${m}-01`, 1).slice(0, 7);

export const MEASURES = [
  'carriedOver',
  'accepted',
  'closed',
  'pending',
  'overdue',
  'closedLate',
  'pendingOverdue',
  'received',
  'rejected',
  'mediationEnded',
  'mediationAgreed',
  // A pre-arbitration mediation that failed and was referred to arbitration (调解不成转入仲裁, counter med_referred).
  'mediationReferred',
  // The awards among the cases closed (reviewer s46 L4: counted, not listable): the award's finality (LDMAL Art. 47).
  'finalAwards',
  'mixedAwards',
  // The arbitral reviews of mediation agreements (Rules Arts. 74–79) received and closed, as the counters count them
  // (workflows/stat-facts.ts rev_received, rev_closed; reviewer docsfix L5: the report's rows had no list).
  'reviewsReceived',
  'reviewsClosed',
  // Legal aid and major collective disputes (db/reports/special-cases.ts): the cases to be closed in the period counted,
  // and of them those closed in the period.
  'legalAid',
  'legalAidClosed',
  'majorCollective',
  'majorCollectiveClosed',
] as const;
export type Measure = (typeof MEASURES)[number];

export const DRILL_MODES = [
  'award',
  'mediation',
  'withdrawal',
  'other',
  // 其他方式结案 as the report's row totals it: withdrawal and every other mode (reviewer docsfix L5).
  'other_ways',
  'deemed_withdrawal',
  'termination',
  'transfer',
] as const;

export interface DrillQuery extends PeriodQuery {
  measure: Measure;
  groupBy?: GroupBy;
  group?: string;
  mode?: (typeof DRILL_MODES)[number];
  /** Who filed, the result of a closed case, referred from mediation, collective: filters on the same rows. */
  filedBy?: 'worker' | 'employer';
  result?: 'worker' | 'employer' | 'both';
  referred?: boolean;
  collective?: boolean;
  /** The award's finality (终局 / 部分终局 / 非终局), as finalAwards and mixedAwards count it with mode=award. */
  finality?: 'final' | 'mixed' | 'non_final';
  /** measure legalAid / legalAidClosed: the cases with a worker's legal aid (special-cases.ts legalAidCases). */
  legalAidCaseIds?: number[];
  limit: number;
  offset: number;
}

const MODE_SQL: Record<NonNullable<DrillQuery['mode']>, string> = {
  award: "closure_mode = 'award'",
  mediation: "closure_mode = 'mediation'",
  withdrawal: "closure_mode = 'withdrawal'",
  // Every mode the report folds into 其他方式 besides voluntary withdrawal (the figures count closed − the other three).
  other: "closure_mode NOT IN ('award', 'mediation', 'withdrawal')",
  // The report's 其他方式结案 (byMode.withdrawal + byMode.other): every closed case not closed by award or mediation.
  other_ways: "(closure_mode IS NULL OR closure_mode NOT IN ('award', 'mediation'))",
  deemed_withdrawal: "closure_mode = 'deemed_withdrawal'",
  termination: "closure_mode = 'termination'",
  transfer: "closure_mode = 'transfer'",
};

/** GET /api/stats/closure/cases: exactly the cases behind a figure (same definitions, read from the rows). */
export async function closureCases(knex: Knex, q: DrillQuery): Promise<{ items: Record<string, unknown>[]; total: number }> {
  const v = validRows(q);
  const where: string[] = [v.sql];
  const b: unknown[] = [...v.bindings];
  const day = judgeDay(q);
  const pendingAtEnd = '(closed_on IS NULL OR closed_on > ?)';
  switch (q.measure) {
    case 'carriedOver':
      where.push(ARB_BASE, 'accepted_on < ?', '(closed_on IS NULL OR closed_on >= ?)');
      b.push(q.from, q.from);
      break;
    case 'accepted':
      where.push(ARB_BASE, 'accepted_on >= ?', 'accepted_on <= ?');
      b.push(q.from, q.to);
      break;
    case 'closed':
      where.push(ARB_BASE, 'accepted_on <= ?', 'closed_on >= ?', 'closed_on <= ?');
      b.push(q.to, q.from, q.to);
      break;
    case 'finalAwards':
    case 'mixedAwards':
      // As the counters count them (workflows/stat-facts.ts final_awards, mixed_awards): of the cases `closed` in the
      // period, those closed by award (report mode award) whose award is final (终局) or mixed (部分终局).
      where.push(ARB_BASE, 'accepted_on <= ?', 'closed_on >= ?', 'closed_on <= ?', "closure_mode = 'award'", 'finality = ?');
      b.push(q.to, q.from, q.to, q.measure === 'finalAwards' ? 'final' : 'mixed');
      break;
    case 'pending':
      where.push(ARB_BASE, 'accepted_on <= ?', pendingAtEnd);
      b.push(q.to, q.to);
      break;
    case 'closedLate':
      where.push(ARB_BASE, 'closed_on >= ?', 'closed_on <= ?', 'closed_late = ?');
      b.push(q.from, q.to, true);
      break;
    case 'pendingOverdue':
      where.push(ARB_BASE, 'accepted_on <= ?', 'award_due_on < ?', '(closed_on IS NULL OR closed_on > ?)');
      b.push(q.to, day, day);
      break;
    case 'overdue':
      where.push(
        ARB_BASE,
        '((closed_on >= ? AND closed_on <= ? AND closed_late = ?) OR (accepted_on <= ? AND award_due_on < ? AND (closed_on IS NULL OR closed_on > ?)))',
      );
      b.push(q.from, q.to, true, q.to, day, day);
      break;
    case 'received':
      // A voided registration (void44) is not an application received.
      where.push("track = 'arbitration'", "(closure_mode IS NULL OR closure_mode <> 'voided')", 'received_on >= ?', 'received_on <= ?');
      b.push(q.from, q.to);
      break;
    case 'rejected':
      where.push("track = 'arbitration'", "closure_mode = 'rejection'", 'closed_on >= ?', 'closed_on <= ?');
      b.push(q.from, q.to);
      break;
    case 'reviewsReceived':
      // A review is neither an arbitration nor a pre-arbitration mediation: its own track (stat-facts.ts: every track
      // but those two). A voided registration is counted nowhere.
      where.push(
        "track NOT IN ('arbitration', 'mediation')",
        "(closure_mode IS NULL OR closure_mode <> 'voided')",
        'received_on >= ?',
        'received_on <= ?',
      );
      b.push(q.from, q.to);
      break;
    case 'reviewsClosed':
      where.push(
        "track NOT IN ('arbitration', 'mediation')",
        "(closure_mode IS NULL OR closure_mode <> 'voided')",
        'closed_on >= ?',
        'closed_on <= ?',
      );
      b.push(q.from, q.to);
      break;
    case 'legalAid':
    case 'legalAidClosed':
    case 'majorCollective':
    case 'majorCollectiveClosed': {
      // The cases to be closed in the period (carried over + accepted), or of them those closed in it (special-cases.ts).
      if (q.measure.endsWith('Closed')) {
        where.push(ARB_BASE, 'accepted_on <= ?', 'closed_on >= ?', 'closed_on <= ?');
        b.push(q.to, q.from, q.to);
      } else {
        where.push(ARB_BASE, 'accepted_on <= ?', '(closed_on IS NULL OR closed_on >= ?)');
        b.push(q.to, q.from);
      }
      if (q.measure.startsWith('legalAid')) {
        const ids = q.legalAidCaseIds ?? [];
        where.push(ids.length ? `case_id IN (${ids.map(() => '?').join(', ')})` : '1 = 0');
        b.push(...ids);
      } else {
        const m = majorRowSql();
        where.push(m.sql);
        b.push(...m.bindings);
      }
      break;
    }
    case 'mediationEnded':
    case 'mediationAgreed':
    case 'mediationReferred':
      where.push("track = 'mediation'", 'mediation_ended_on >= ?', 'mediation_ended_on <= ?');
      b.push(q.from, q.to);
      if (q.measure === 'mediationAgreed') where.push("mediation_outcome = 'agreed'");
      if (q.measure === 'mediationReferred') where.push("mediation_outcome = 'referred'");
      break;
  }
  if (q.mode) where.push(MODE_SQL[q.mode]);
  if (q.filedBy) {
    where.push('filed_by = ?');
    b.push(q.filedBy);
  }
  if (q.result) {
    where.push('result = ?');
    b.push(q.result);
  }
  if (q.referred !== undefined) {
    where.push('referred_from_mediation = ?');
    b.push(q.referred);
  }
  if (q.collective !== undefined) {
    where.push('collective = ?');
    b.push(q.collective);
  }
  if (q.finality) {
    where.push('finality = ?');
    b.push(q.finality);
  }
  if (q.groupBy && q.group !== undefined) {
    const col = ROW_COLUMN[q.groupBy];
    if (q.groupBy === 'arbitrator' && q.group === 'none') where.push('arbitrator_id IS NULL');
    else if (q.groupBy === 'wageArrears') {
      where.push('wage_arrears = ?');
      b.push(q.group === 'yes');
    } else {
      where.push(`${col} = ?`);
      b.push(q.groupBy === 'arbitrator' ? Number(q.group) : q.group);
    }
  }
  const w = where.join(' AND ');
  // One pass over the matching rows: the page's ids in order with the total beside them (from the covering index:
  // migration 20261202_0030), then only the page's rows. A page past the end has no row to carry the total.
  const rows = rowsOf(
    await knex.raw(
      `SELECT x.*, p.total_rows, c.case_no, c.state AS current_state
FROM (SELECT id, COUNT(*) OVER () AS total_rows FROM case_stat_rows WHERE ${w}
      ORDER BY COALESCE(accepted_on, received_on), case_id LIMIT ? OFFSET ?) p
JOIN case_stat_rows x ON x.id = p.id
JOIN cases c ON c.id = x.case_id ORDER BY COALESCE(x.accepted_on, x.received_on), x.case_id`,
      [...b, q.limit, q.offset] as never[],
    ),
  );
  const total = rows.length
    ? Number(rows[0]?.total_rows)
    : q.offset === 0
      ? 0
      : Number(rowsOf(await knex.raw(`SELECT COUNT(*) AS n FROM case_stat_rows WHERE ${w}`, b as never[]))[0]?.n ?? 0);
  return {
    total,
    items: rows.map((r) => closureCaseRow(r, q.to)),
  };
}

/**
 * A drill-down row shows the case as it stood at the period's end (s55, legal55a #6 LOW): a case closed after `to` —
 * pending at the end, or accepted in the period and closed later — has no closing yet (closedOn, closureMode, finality,
 * daysToClose null; closedLate false), and `closedLaterOn` names the later closing day; `state` is the case's state today.
 * A pre-arbitration mediation ended after `to` has no outcome yet either.
 */
// biome-ignore lint/suspicious/noExplicitAny: raw driver rows
function closureCaseRow(r: Record<string, any>, to: string): Record<string, unknown> {
  const later = r.closed_on != null && r.closed_on > to;
  const mediationLater = r.mediation_ended_on != null && r.mediation_ended_on > to;
  return {
    id: Number(r.case_id),
    caseNo: r.case_no ?? null,
    // Which track (a review's number and acceptance are its own: app/stats/closure.ts); not part of the row answered.
    track: r.track as string,
    state: r.current_state,
    district: r.district,
    cause: r.cause,
    procedure: r.procedure_kind,
    wageArrears: r.wage_arrears === true || r.wage_arrears === 1,
    receivedOn: r.received_on,
    acceptedOn: r.accepted_on ?? null,
    closedOn: later ? null : (r.closed_on ?? null),
    closedLaterOn: later ? r.closed_on : null,
    closureMode: later ? null : (r.closure_mode ?? null),
    finality: later ? null : (r.finality ?? null),
    arbitratorId: r.arbitrator_id === null || r.arbitrator_id === undefined ? null : Number(r.arbitrator_id),
    awardDueOn: r.award_due_on ?? null,
    daysToClose: later || r.days_to_close === null || r.days_to_close === undefined ? null : Number(r.days_to_close),
    closedLate: !later && (r.closed_late === true || r.closed_late === 1),
    mediationOutcome: mediationLater ? null : (r.mediation_outcome ?? null),
  };
}
