import type { MachineContext } from './case-machine.ts';
import { cstDate } from './dates.ts';
import { BOOKKEEPING_EVENTS } from './procedure-types.ts';
import type { Violation } from './rules.ts';

/**
 * fixC56 (legal56b M2) — 补正: the chair's correction of a mistyped date of an act that moves a clock, after acceptance.
 * The history entry of the act is never rewritten (the history is hash-chained): the date is changed where the case
 * keeps it (the statechart context, and the case row's receipt and acceptance days), and the correction is an entry of
 * its own (CORRECT_DATE) with the date before and after and the reason. Pure: no clock, no database.
 * A rebuild of a context from the history (a migration's backfill) must apply each CORRECT_DATE entry after the entry it
 * corrects (`correctedContext` with the entry's target, field and `after`), or it loses the correction (reviewer s56 A L3).
 *
 * The dates that may be corrected — those the clocks read:
 * - the receipt (`receivedOn`, the case row): the acceptance period (LDMAL Art. 29) and the limitation are judged on it;
 * - ACCEPT's day (its `occurredOn`, `acceptedOn`): the award limit runs from it (LDMAL Art. 43);
 * - SUSPEND / RESUME `decidedOn`: the days suspended are excluded from the limit (Rules Art. 47);
 * - EXTEND_TIME_LIMIT `approvedOn`: an extension approved before the limit ran out lengthens it (LDMAL Art. 43(1)).
 */
export const CORRECTABLE_FIELDS: Readonly<Record<string, string>> = {
  ACCEPT: 'occurredOn',
  SUSPEND: 'decidedOn',
  RESUME: 'decidedOn',
  EXTEND_TIME_LIMIT: 'approvedOn',
};

/** The history entry type of a correction; a bookkeeping entry (no procedural date: db/stores/cases.ts). */
export const CORRECT_DATE = 'CORRECT_DATE';

/** A history entry as the correction reads it. */
export interface HistoryItem {
  seq: number;
  type: string;
  occurredOn: string;
  /** When the entry was written (ISO instant): its day in China time is the latest day its act can bear. */
  recordedAt: string;
  payload: unknown;
}

export type DateTarget = 'receivedOn' | { seq: number };

export interface DateCorrection {
  /** The context after the correction. */
  ctx: MachineContext;
  /** The date as it stood (the entry's, or as corrected before) and as corrected. */
  before: string;
  after: string;
  /** The case row's columns the correction moves. */
  cols: { receivedOn?: string; acceptedOn?: string };
  /** The corrected entry, when the target is one. */
  entry: HistoryItem | null;
  /** EXTEND_TIME_LIMIT: the extension's days (the limit it lengthens is checked by the caller, on the calendar). */
  extensionDays?: number;
}

const SOURCE = '《劳动人事争议仲裁办案规则》；LDMAL Art. 43';
const v = (rule: string, detail: string, field = 'value', source = SOURCE): Violation => ({ rule, source, detail, field });
const payloadOf = (e: HistoryItem) => (e.payload && typeof e.payload === 'object' ? (e.payload as Record<string, unknown>) : {});

/** The date an entry's act now bears in `field`: the last correction of it, or the entry's own. */
export function currentDate(entries: readonly HistoryItem[], e: HistoryItem, field: string): string {
  const own = field === 'occurredOn' ? e.occurredOn : ((payloadOf(e)[field] as string | undefined) ?? e.occurredOn);
  let on = own;
  for (const x of entries) {
    if (x.type !== CORRECT_DATE) continue;
    const p = payloadOf(x);
    const t = p.target as { seq?: number } | undefined;
    if (t && typeof t === 'object' && t.seq === e.seq && p.field === field && typeof p.after === 'string') on = p.after;
  }
  return on;
}

/** The day an entry's act bears as recorded: its own day in the payload (a suspension's decidedOn…), else its occurredOn. */
function ownDayAsEntered(e: HistoryItem): string {
  const field = CORRECTABLE_FIELDS[e.type] ?? 'occurredOn';
  return field === 'occurredOn' ? e.occurredOn : ((payloadOf(e)[field] as string | undefined) ?? e.occurredOn);
}

/**
 * An act entered late, after later acts, with an earlier day of its own than its entry's (apply-event.ts: a paper entered
 * after later acts is dated by the last act's day; the body's day stays the act's): the record itself says it came
 * before acts recorded before it.
 */
const enteredLate = (e: HistoryItem) => ownDayAsEntered(e) < e.occurredOn;

/**
 * legal58b #1, #3 — the effective day of an entry in the order of the record, the one day every order check reads: the
 * day its act now bears, as last corrected (ACCEPT's occurredOn, a suspension's or resumption's decidedOn, an
 * extension's approvedOn; any other act's occurredOn) — never the day as first entered once a correction moved it. An
 * act entered late stands in the record at its entry's day (or its own, corrected to a later one).
 */
export function effectiveOn(entries: readonly HistoryItem[], e: HistoryItem): string {
  const on = currentDate(entries, e, CORRECTABLE_FIELDS[e.type] ?? 'occurredOn');
  return enteredLate(e) && e.occurredOn > on ? e.occurredOn : on;
}

/** The receipt as it now stands is the case row's (`receivedOn`); the corrections of it are in the history too. */
// Reviewer s56 B M2: the one list of bookkeeping entries (a calendar load's RECOMPUTE_DEADLINES is one too).
const bookkeeping = new Set(['REGISTER', ...BOOKKEEPING_EVENTS]);

/**
 * The correction of `field` of `target` to `value`, or the rule it breaks (422). `today` is China time's day.
 * The order of the record is kept: a receipt not after the acceptance (nor any act); an acceptance not before the
 * receipt (or the supplement completed) nor the act before it, not after the act after it or any clock act; a
 * suspension not before the acceptance or the resumption before it, not after its own resumption; a resumption not
 * before its suspension, not after the next suspension; an extension not before the acceptance; a suspension, a
 * resumption or an extension not before the act recorded before it (unless entered late) nor after the act recorded
 * after it; every act's own day not after the day its entry was recorded on, nor after today. Each neighbour's day is
 * its effective day (`effectiveOn`: as corrected since).
 */
export function correctDate(
  ctx: MachineContext,
  entries: readonly HistoryItem[],
  target: DateTarget,
  field: string,
  value: string,
  today: string,
): { ok: true; correction: DateCorrection } | { ok: false; violation: Violation } {
  const no = (violation: Violation) => ({ ok: false as const, violation });
  const ok = (correction: DateCorrection) => ({ ok: true as const, correction });
  if (value > today) return no(v('date-correction-future', `更正后的日期${value}晚于今天（${today}）：不能记录尚未发生的事项`));
  if (target === 'receivedOn') {
    if (field !== 'receivedOn') return no(v('date-correction-field', '收件日期的更正，field 应为 receivedOn', 'field', 'api-contract.md'));
    const before = ctx.receivedOn;
    if (value === before) return no(v('date-correction-unchanged', `收件日期已是${before}，无需更正`));
    if (ctx.acceptedOn && value > ctx.acceptedOn)
      return no(
        v(
          'receipt-after-acceptance',
          `收件日期${value}晚于受理之日${ctx.acceptedOn}：仲裁委员会收到仲裁申请后方能受理（劳动争议调解仲裁法第二十九条）`,
          'value',
          'LDMAL Art. 29',
        ),
      );
    if (ctx.postmarkOn && value < ctx.postmarkOn)
      return no(v('receipt-before-postmark', `收件日期${value}早于邮戳日期${ctx.postmarkOn}`, 'value', 'CPL Art. 85'));
    // Reviewer s56 A L1: a case taken in from another commission was received there first (ACCEPT_TRANSFER firstReceivedOn).
    const firstReceived = (ctx as { transferIn?: { firstReceivedOn?: string | null } | null }).transferIn?.firstReceivedOn;
    if (firstReceived && value < firstReceived)
      return no(
        v(
          'receipt-before-first-commission',
          `收件日期${value}早于原仲裁委员会收到该申请之日${firstReceived}：移送来的案件，本委收件不能早于原仲裁委员会收件`,
          'value',
          'Rules Arts. 9–10',
        ),
      );
    // legal58b #1: the first act's day as it now stands (an acceptance corrected since), not as first entered.
    const first = entries.find((e) => !bookkeeping.has(e.type));
    const firstOn = first ? effectiveOn(entries, first) : null;
    if (first && firstOn && value > firstOn)
      return no(
        v(
          'receipt-after-procedural-act',
          `收件日期${value}晚于本案已记录的第一项程序行为（${first.type}）的日期${firstOn}`,
          'value',
          'LDMAL Art. 29; Rules Arts. 29–31',
        ),
      );
    return ok({ ctx: { ...ctx, receivedOn: value }, before, after: value, cols: { receivedOn: value }, entry: null });
  }
  const entry = entries.find((e) => e.seq === target.seq);
  if (!entry) return no(v('date-correction-target', `本案办理记录中没有序号为${target.seq}的记录`, 'target', 'api-contract.md'));
  const own = CORRECTABLE_FIELDS[entry.type];
  if (!own)
    return no(
      v(
        'date-correction-target',
        `第${entry.seq}条记录（${entry.type}）的日期不计入审理期限等法定期限，不能以更正日期办理；可更正的是：收件日期、受理日期、中止审理与恢复审理的决定日期、延长审理期限的批准日期`,
        'target',
        'api-contract.md',
      ),
    );
  if (field !== own) return no(v('date-correction-field', `该记录计入期限的日期是 ${own}，不是 ${field}`, 'field', 'api-contract.md'));
  const before = currentDate(entries, entry, field);
  if (value === before) return no(v('date-correction-unchanged', `该日期已是${before}，无需更正`));
  // The act's own day is not after the day its entry was recorded on, in China time (apply-event.ts checkPayloadDates:
  // an act is recorded once it happened) — not the entry's occurredOn, which for a back-filled act is the same mistyped
  // day and would forbid every correction to a later day (legal57b M2). ACCEPT is dated by its entry: that day itself
  // moves, bounded by the acts after it.
  const recordedOn = cstDate(entry.recordedAt);
  if (entry.type !== 'ACCEPT' && value > recordedOn)
    return no(
      v(
        'date-correction-after-entry',
        `更正后的日期${value}晚于该事项登记入办理记录之日${recordedOn}：事项发生后方能登记`,
        'value',
        'api-contract.md',
      ),
    );
  // Reviewer s57 A L7: nor after the act recorded after it (the order of the record; a back-filled suspension or
  // extension moved past a later hearing or the award would date it after acts it came before).
  // legal58b #1: that act's day as it now stands.
  if (entry.type !== 'ACCEPT') {
    const after = entries.slice(entries.indexOf(entry) + 1).find((e) => !bookkeeping.has(e.type));
    const afterOn = after ? effectiveOn(entries, after) : null;
    if (after && afterOn && value > afterOn)
      return no(v('date-correction-after-next', `更正后的日期${value}晚于其后的程序事项（${after.type}）的日期${afterOn}`));
  }
  // legal58b #3: nor before the act recorded before it, as an acceptance is not (a suspension moved before the tribunal
  // was formed would say the tribunal was formed while the case stood suspended, and take days off the limit). An act
  // entered late came before the acts recorded before it: its own floors (the acceptance, the resumption) bound it.
  // Judged after the rules of its own kind, which name the act they follow more precisely.
  const previous = entries
    .slice(0, entries.indexOf(entry))
    .filter((e) => !bookkeeping.has(e.type))
    .at(-1);
  const previousOn = previous && !enteredLate(entry) ? effectiveOn(entries, previous) : null;
  const beforePrevious =
    previous && previousOn && value < previousOn
      ? v('date-correction-before-previous', `更正后的日期${value}早于其前的程序事项（${previous.type}）的日期${previousOn}`)
      : null;
  const sameType = entries.filter((e) => e.type === entry.type && e.seq <= entry.seq).length - 1;
  if (entry.type === 'ACCEPT') {
    if (ctx.track !== 'arbitration' || !ctx.acceptedOn || ctx.acceptedOn !== before)
      return no(v('date-correction-target', '该受理记录不是本案现有的受理', 'target', 'api-contract.md'));
    const floor = [ctx.receivedOn, ctx.supplement?.completedOn ?? null]
      .filter((x): x is string => Boolean(x))
      .sort()
      .at(-1) as string;
    if (value < floor)
      return no(
        v(
          'acceptance-before-receipt',
          `受理之日${value}早于收到仲裁申请（或补正材料收齐）之日${floor}`,
          'value',
          'LDMAL Art. 29; Rules Art. 29',
        ),
      );
    const i = entries.indexOf(entry);
    const prev = entries
      .slice(0, i)
      .filter((e) => !bookkeeping.has(e.type))
      .at(-1);
    const next = entries.slice(i + 1).find((e) => !bookkeeping.has(e.type));
    const prevOn = prev ? effectiveOn(entries, prev) : null;
    if (prev && prevOn && value < prevOn)
      return no(v('date-correction-before-previous', `受理之日${value}早于上一程序事项（${prev.type}）的日期${prevOn}`));
    // Any act after the acceptance, by its entry's day or its own (a suspension, an extension, a restart).
    const later = [
      ...(next ? [{ on: effectiveOn(entries, next), what: next.type }] : []),
      ...ctx.suspensions.map((s) => ({ on: s.from, what: 'SUSPEND' })),
      ...(ctx.extension ? [{ on: ctx.extension.approvedOn, what: 'EXTEND_TIME_LIMIT' }] : []),
      ...(ctx.earlierExtensions ?? []).map((x) => ({ on: x.approvedOn, what: 'EXTEND_TIME_LIMIT' })),
      ...ctx.clockRestarts.map((r) => ({ on: r.on, what: r.reason })),
    ].sort((x, y) => x.on.localeCompare(y.on))[0];
    if (later && value > later.on)
      return no(v('date-correction-after-next', `受理之日${value}晚于其后的程序事项（${later.what}）的日期${later.on}`));
    // The case number is the acceptance year's (api.md): a correction into another year would leave it wrong.
    if (value.slice(0, 4) !== before.slice(0, 4))
      return no(
        v(
          'date-correction-case-year',
          `案号按受理年度编号：受理之日不能由${before.slice(0, 4)}年更正为${value.slice(0, 4)}年`,
          'value',
          'api-contract.md',
        ),
      );
    return ok({ ctx: { ...ctx, acceptedOn: value }, before, after: value, cols: { acceptedOn: value }, entry });
  }
  if (!ctx.acceptedOn) return no(v('date-correction-target', '本案尚未受理', 'target', 'api-contract.md'));
  if (value < ctx.acceptedOn) return no(v('date-correction-before-acceptance', `更正后的日期${value}早于受理之日（${ctx.acceptedOn}）`));
  if (entry.type === 'SUSPEND' || entry.type === 'RESUME') {
    const s = ctx.suspensions[sameType];
    const mine = entry.type === 'SUSPEND' ? s?.from : s?.to;
    if (!s || mine !== before)
      return no(v('date-correction-target', '该记录与本案记录的中止期间不相符，不能更正', 'target', 'api-contract.md'));
    if (entry.type === 'SUSPEND') {
      const prevTo = ctx.suspensions[sameType - 1]?.to;
      if (prevTo && value < prevTo)
        return no(
          v('date-correction-before-previous', `中止审理之日${value}早于上一次恢复审理之日（${prevTo}）`, 'value', 'Rules Art. 47'),
        );
      if (s.to && value > s.to)
        return no(v('date-correction-after-next', `中止审理之日${value}晚于恢复审理之日（${s.to}）`, 'value', 'Rules Art. 47'));
    } else {
      if (value < s.from)
        return no(v('date-correction-before-previous', `恢复审理之日${value}早于中止审理之日（${s.from}）`, 'value', 'Rules Art. 47'));
      const nextFrom = ctx.suspensions[sameType + 1]?.from;
      if (nextFrom && value > nextFrom)
        return no(v('date-correction-after-next', `恢复审理之日${value}晚于其后再次中止审理之日（${nextFrom}）`, 'value', 'Rules Art. 47'));
    }
    if (beforePrevious) return no(beforePrevious);
    const suspensions = ctx.suspensions.map((x, i) =>
      i === sameType ? (entry.type === 'SUSPEND' ? { ...x, from: value } : { ...x, to: value }) : x,
    );
    return ok({ ctx: { ...ctx, suspensions }, before, after: value, cols: {}, entry });
  }
  // EXTEND_TIME_LIMIT: the extension recorded with that day and those days, in force or superseded by a restart.
  const days = payloadOf(entry).days as number;
  const same = (x: { days: number; approvedOn: string } | null | undefined) => Boolean(x && x.days === days && x.approvedOn === before);
  const inForce = same(ctx.extension);
  const earlier = (ctx.earlierExtensions ?? []).findIndex(same);
  if (!inForce && earlier < 0)
    return no(v('date-correction-target', '该记录与本案记录的延长审理期限不相符，不能更正', 'target', 'api-contract.md'));
  // Rules Art. 46: on which side of a restart the approval lies decides which period it lengthens — a correction across
  // one is not a slip of the pen but another act.
  const [lo, hi] = before < value ? [before, value] : [value, before];
  const across = ctx.clockRestarts.find((r) => r.on > lo && r.on <= hi);
  if (across)
    return no(
      v(
        'date-correction-across-restart',
        `审理期限于${across.on}重新计算（办案规则第四十六条）：批准之日由${before}更正为${value}将改变所延长的期间，不能以更正办理`,
        'value',
        'Rules Art. 46',
      ),
    );
  if (beforePrevious) return no(beforePrevious);
  const next = inForce
    ? { ...ctx, extension: { days, approvedOn: value } }
    : {
        ...ctx,
        earlierExtensions: (ctx.earlierExtensions ?? [])
          .map((x, i) => (i === earlier ? { days, approvedOn: value } : x))
          .sort((x, y) => x.approvedOn.localeCompare(y.approvedOn)),
      };
  return ok({ ctx: next, before, after: value, cols: {}, entry, extensionDays: days });
}
