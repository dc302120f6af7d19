import { OfficialCalendar } from './calendar.ts';
import type { MachineContext } from './case-machine.ts';
import { weekday } from './dates.ts';
import { awardClock, computePeriod, defenseRule } from './deadlines.ts';
import { DEFAULT_PERIODS, type PeriodRule, type Periods, periodWords, type Unit } from './periods.ts';
import { currentExtension, type Facts } from './procedure-types.ts';

/** One hearing session of a case as the hearing calendar shows it (the `hearings` table, one row per session). */
export interface HearingRow {
  hearingOn: string;
  time: string | null;
  place: string;
  public: boolean;
  status: 'scheduled' | 'held';
  scheduledOn: string;
}

/** Events after which a case's sessions in the hearing calendar may change. */
export const HEARING_EVENTS = new Set(['SCHEDULE_HEARING', 'POSTPONE_HEARING', 'HOLD_HEARING']);

/**
 * The session a hearing event leaves as the case's latest, from the case's context after the event: scheduled or
 * moved (`ctx.hearing`), or held on the day it was held. Every hearing event goes through this
 * (app/cases/case-state.ts syncHearing): SCHEDULE_HEARING adds a session (the sessions before it stay),
 * POSTPONE_HEARING and HOLD_HEARING change the latest, the case's closure takes the sessions not yet held off.
 */
export function sessionRowOf(type: string, ctx: Pick<MachineContext, 'hearing' | 'hearingsHeld'>): HearingRow | null {
  const h = ctx.hearing;
  if (!h) return null;
  const held = type === 'HOLD_HEARING' ? ctx.hearingsHeld.at(-1) : undefined;
  return {
    hearingOn: held ? held.heldOn : h.hearingOn,
    time: h.time ?? null,
    place: h.place,
    public: held ? held.public !== false : h.public !== false,
    status: held ? 'held' : 'scheduled',
    scheduledOn: h.scheduledOn,
  };
}

/** A hearing event as the history stores it. */
export interface HearingEventRecord {
  type: string;
  occurredOn: string;
  payload: Record<string, unknown>;
}

/**
 * The sessions of a case rebuilt from its append-only history (for cases recorded before the calendar kept every
 * session — db/maintenance.ts backfill_hearings): the same steps as `sessionRowOf` applied event by event, from the
 * events' recorded payloads. `closed`: the case is closed, so sessions never held are not on the calendar.
 */
export function sessionsFromHistory(events: HearingEventRecord[], closed: boolean): HearingRow[] {
  const list: HearingRow[] = [];
  for (const e of events) {
    const p = e.payload;
    const last = list.at(-1);
    if (e.type === 'SCHEDULE_HEARING') {
      list.push({
        hearingOn: p.hearingOn as string,
        time: (p.time as string | undefined) ?? null,
        place: p.place as string,
        public: p.public !== false,
        status: 'scheduled',
        scheduledOn: e.occurredOn,
      });
    } else if (last && e.type === 'POSTPONE_HEARING') {
      last.hearingOn = (p.hearingOn as string | undefined) ?? last.hearingOn;
      last.place = (p.place as string | undefined) ?? last.place;
      last.time = (p.time as string | undefined) ?? last.time;
    } else if (last && e.type === 'HOLD_HEARING') {
      last.hearingOn = e.occurredOn;
      last.public = p.public === undefined ? last.public : p.public !== false;
      last.status = 'held';
    }
  }
  return closed ? list.filter((s) => s.status === 'held') : list;
}

/** The earliest day a respondent's defense period can end, counted from `actOn` (see `earliestDefenseEnd`). */
export interface EarliestEnd {
  dueOn: string;
  /** Counted over a year whose official calendar is not loaded (weekends and law-fixed holidays only). */
  provisional: boolean;
  /** The period's unit as counted (Rules Art. 80: working days by default), for the words that state it. */
  unit?: Unit;
}

/**
 * The earliest end of a defense period that has not begun (the copy of the application not yet served): the period as
 * if the copy were served on the act's own day — LDMAL Art. 30: ten days from receipt; Rules Art. 80: working days,
 * the day of service not counted — on the official calendar (holidays skipped, make-up working days counted), marked
 * provisional when a year's calendar is not loaded (reviewer s46 M1: a fixed 12 calendar days missed the 13th and
 * 14th, which two weekends make the usual end: an act on 12-02 served the same day runs 12-03…12-16). `rule`: the
 * configured `defense` period (PERIODS_OVERRIDE may make it calendar days); the calendar's default reads every year
 * provisionally.
 */
export function earliestDefenseEnd(
  actOn: string,
  cal: OfficialCalendar = new OfficialCalendar([]),
  rule: Pick<PeriodRule, 'days' | 'unit'> = DEFAULT_PERIODS.defense,
): EarliestEnd {
  const c = computePeriod(cal, rule, actOn, '作出本行为之日');
  return { dueOn: c.dueOn as string, provisional: c.provisional === true, unit: rule.unit };
}

/**
 * `earliestDefenseEnd` for each period a hearing is judged against before service: the original respondents' as the
 * arbitrator shortened it with their consent (Rules Art. 58; `defenseRule`), and — `added` — a respondent added later,
 * whose own period from its own service is the ordinary one (LDMAL Art. 30; Rules Art. 46(1)): the consent to shorten
 * was not its own (s64 walk #1: a hearing two days after the addition was judged on the original respondents' three
 * days and said 「答辩期最早也要到…」 of them, beside 「十日内」).
 */
export function earliestDefenseEnds(
  actOn: string,
  cal: OfficialCalendar,
  ctx: Pick<MachineContext, 'defensePeriodDays'>,
  periods: Pick<Periods, 'defense'>,
): EarliestEnd & { added: EarliestEnd; endFrom: (servedOn: string) => string | null } {
  const ordinary = earliestDefenseEnd(actOn, cal, periods.defense);
  const rule = defenseRule(ctx, periods);
  return {
    ...(ctx.defensePeriodDays === null ? ordinary : earliestDefenseEnd(actOn, cal, rule)),
    added: ordinary,
    endFrom: (servedOn) => computePeriod(cal, rule, servedOn, '被申请人收到申请书副本之日').dueOn,
  };
}

/** The defense periods a hearing should not fall inside (workflows/deadlines.ts kinds). */
const DEFENSE_KINDS = new Set(['defense', 'defense_added_party', 'defense_after_claims_change']);

/**
 * void44: a hearing scheduled (SCHEDULE_HEARING, its `hearingOn`) or held (HOLD_HEARING, its day) on or before the end of
 * a respondent's defense period — LDMAL Art. 30: ten days from receiving the copy of the application (Rules Art. 80:
 * working days); Rules Art. 44: again after a change of claims. Only simple handling may shorten it, with the
 * respondent's consent (Rules Art. 58: SHORTEN_DEFENSE_PERIOD, which the `defense` deadline then counts). A warning, not
 * a refusal: the respondent may have answered early or agreed in the hearing. Also when the respondents have not yet
 * received the copy at all (the period has not begun). `deadlines`: the case's deadlines as the act leaves them.
 */
export function defensePeriodWarnings(...args: Parameters<typeof defensePeriodFindings>): string[] {
  return defensePeriodFindings(...args).map((f) => f.text);
}

/**
 * s61 E #1 — `defensePeriodWarnings`, each warning with the respondents whose answer period it is about (`partyIds`:
 * those who have neither answered nor waived it; none for a warning about a party added after the last hearing or a
 * tribunal re-formed, which no waiver answers). A confirmation asks for the waivers of exactly these respondents
 * (LDMAL Art. 30), not of one who has answered: the server's preview names them (`answerPeriodPending`).
 */
export function defensePeriodFindings(
  ctx: Pick<MachineContext, 'track' | 'acceptedOn' | 'parties' | 'defensePeriodDays' | 'closure'> &
    Partial<Pick<MachineContext, 'partyAdditions' | 'services' | 'defenses' | 'defenseParties' | 'hearingsHeld' | 'tribunal'>>,
  hearingOn: string,
  deadlines: readonly {
    kind: string;
    label: string;
    dueOn: string | null;
    provisional?: boolean;
    partyId?: number;
    unit?: Unit;
    startsOn?: string | null;
  }[],
  actOn: string = hearingOn,
  /**
   * `award`: an award or partial award made on `hearingOn` (ISSUE_AWARD, PARTIAL_AWARD) — made before a respondent could
   * answer (a new user's walk, s45 L2: the hearing was warned of, the award not). A respondent never served has had no
   * period at all; one who has filed its defense has used its right, and its running period is not warned of.
   */
  act: 'hearing' | 'award' = 'hearing',
  /** The earliest end of a period not yet begun (`earliestDefenseEnd` of `actOn`, on the commission's calendar). */
  earliest: EarliestEnd & { added?: EarliestEnd; endFrom?: (servedOn: string) => string | null } = earliestDefenseEnd(actOn),
  /**
   * s60 L (LDMAL Art. 30): respondents who agreed to the hearing before their answer period ends (the hearing's
   * `answerPeriodWaived`). A hearing is not warned of for them, nor for a respondent who has filed its defence (it has
   * used its right to answer); s61 B #1: nor is an award (the same judgement, `periodAnswer` below; the award's callers
   * pass the waivers recorded with the case's hearing, `awardDefensePeriodWarnings`). s60 L2: a waiver waives only a period
   * begun on or before its day (`on`): the new period a change of claims (Rules Art. 44) or an added respondent's
   * service opens needs a waiver given since (Rules Art. 44 「被申请人明确表示放弃答辩期的除外」 — the period waived is
   * the one the respondent knows of).
   */
  waivers: readonly { partyId: number; on?: string }[] = [],
): { text: string; partyIds: number[] }[] {
  if (ctx.track !== 'arbitration' || !ctx.acceptedOn || ctx.closure) return [];
  const out: { text: string; partyIds: number[] }[] = [];
  const what = act === 'award' ? '裁决日期' : '开庭日期';
  const instead = (after: string) =>
    act === 'award' ? `请核对答辩情况，或待${after}后再作出裁决。` : `请先送达，并另定${after}后的开庭日期。`;
  // In the defense rule's own unit, as the deadline's explanation words it (Rules Art. 80: working days; reviewer s45 L4).
  const shortened = (unit: Unit | undefined) =>
    ctx.defensePeriodDays !== null
      ? `（经被申请人同意已缩短为${periodWords({ days: ctx.defensePeriodDays, unit: unit ?? 'calendar' })}）`
      : '';
  // The original respondents (not added later, Rules Art. 46(1)) who have not received the copy of the application or
  // the notice to respond — the `defense` deadline waits for all of them (workflows/deadlines.ts): named, as 当事人N
  // (the server names them: namePartiesIn), so the clerk knows whom to serve (reviewer s45 L5).
  const added = new Set((ctx.partyAdditions ?? []).map((a) => a.partyId));
  // s60 L: for a hearing (s61 B #1: and an award), a respondent who waived the rest of its period or has answered is
  // not warned of — a defence naming no party is the original respondents' (workflows/procedure-types.ts defensesBy).
  // s60 L2: `since` — only a waiver recorded on or after that day (a period's start) counts; none: any waiver.
  const waivedSince = (id: number, since?: string | null): boolean =>
    waivers.some((w) => w.partyId === id && (since === undefined || (Boolean(since) && (w.on ?? '') >= (since as string))));
  // A defence answering for `id`: one naming it, or — an original respondent — one naming no party; `since`: filed then or later.
  const answeredBy = (id: number, since?: string): boolean =>
    (ctx.defenses ?? []).some((x, i) => {
      const by = ctx.defenseParties?.[i] ?? null;
      return (by === id || (by === null && !added.has(id))) && (since === undefined || x.filedOn >= since);
    });
  // s61 B #1: one judgement for a hearing and an award — a respondent who waived or has answered is not warned of.
  const excused = (id: number): boolean => waivedSince(id) || answeredBy(id);
  const respondents = ctx.parties.filter((p) => p.side === 'respondent').map((p) => p.id);
  const originals = respondents.filter((id) => !added.has(id));
  const originalsExcused = originals.length > 0 && originals.every(excused);
  const unserved = ctx.parties
    .filter((p) => p.side === 'respondent' && !added.has(p.id) && !excused(p.id))
    .filter(
      (p) =>
        !(ctx.services ?? []).some((s) => s.partyId === p.id && (s.document === 'application_copy' || s.document === 'respond_notice')),
    )
    .map((p) => p.id);
  const who = ctx.services && unserved.length ? `被申请人（当事人${unserved.join('、')}）` : '被申请人';
  // Not served yet: the hearing notice often goes out with the copy of the application, so a hearing set before the
  // copy is served is only warned of when it falls inside the period however soon the copy is served — on or before
  // the end of the period counted as if the copy were served on the act's day (`earliest`: ten working days by Rules
  // Art. 80 on the official calendar — two weekends make it the 13th or 14th day, holidays later) (a reviewer, s44:
  // warned of every hearing scheduled before service, the usual order, it asked about nothing; s46 M1: a fixed 12
  // days let the 13th and 14th pass unwarned).
  const surelyInside = act === 'award' || hearingOn <= earliest.dueOn;
  const soonest =
    act === 'award' ? '' : `即使当日送达，答辩期最早也要到 ${earliest.dueOn}${earliest.provisional ? '（预计）' : ''} 才届满；`;
  // s62: a period shortened with the respondents' consent (Rules Art. 58) before the copy was served is judged the same
  // way on the shortened period (`earliest` counts it: deadlines.ts `defenseRule`); one cancelled (0 days) is not.
  const periodRight =
    ctx.defensePeriodDays === null
      ? '被申请人有权自收到仲裁申请书副本之日起十日内提交答辩书（《劳动争议调解仲裁法》第三十条）'
      : `本案经被申请人同意已将答辩期缩短为收到仲裁申请书副本之日起${periodWords({ days: ctx.defensePeriodDays, unit: earliest.unit ?? 'calendar' })}（《劳动人事争议仲裁办案规则》第五十八条；《劳动争议调解仲裁法》第三十条）`;
  if (
    surelyInside &&
    !originalsExcused &&
    ctx.defensePeriodDays !== 0 &&
    ctx.parties.some((p) => p.side === 'respondent') &&
    !deadlines.some((d) => d.kind === 'defense')
  )
    out.push({
      text: `${who}尚未收到仲裁申请书副本，答辩期尚未开始计算：${what} ${hearingOn} 在答辩期届满之前。${soonest}${periodRight}；${instead('送达且答辩期满')}`,
      partyIds: originals.filter((id) => !excused(id)),
    });
  // A respondent added after acceptance (Rules Art. 46(1)) answers within its own period from its own service
  // (workflows/deadlines.ts `defense_added_party`, there once it is served): one not yet served is warned of by name,
  // even when the original respondents' period has run (reviewer s44 L5).
  // Its own period is the ordinary one (`earliest.added`), not the original respondents' as shortened (s64).
  const addedEarliest = earliest.added ?? earliest;
  const addedSoonest =
    act === 'award' ? '' : `即使当日送达，答辩期最早也要到 ${addedEarliest.dueOn}${addedEarliest.provisional ? '（预计）' : ''} 才届满；`;
  if (act === 'award' || hearingOn <= addedEarliest.dueOn) {
    for (const added of ctx.partyAdditions ?? []) {
      if (added.side !== 'respondent' || added.on > actOn) continue;
      if (deadlines.some((d) => d.kind === 'defense_added_party' && d.partyId === added.partyId)) continue;
      if (excused(added.partyId)) continue;
      out.push({
        text: `追加的被申请人（当事人${added.partyId}）尚未收到仲裁申请书副本，其答辩期尚未开始计算：${what} ${hearingOn} 在其答辩期届满之前。${addedSoonest}被追加的被申请人同样有权自收到仲裁申请书副本之日起十日内提交答辩书（《劳动争议调解仲裁法》第三十条；《劳动人事争议仲裁办案规则》第四十六条）；${instead('送达且答辩期满')}`,
        partyIds: [added.partyId],
      });
    }
  }
  // A party added after the last hearing held (LDMAL Art. 23; Rules Art. 46(1)) with no hearing held since: the award
  // would decide without it ever being heard — it takes part in the proceedings, and a hearing is notified to it five
  // days ahead (LDMAL Art. 35) (legal s46b M4: a third party added and served after the hearing, the award unwarned).
  // A hearing held on the day of the addition is taken as one it could take part in (added at that hearing).
  if (act === 'award' && ctx.hearingsHeld?.length) {
    const lastHeld = ctx.hearingsHeld
      .map((h) => h.heldOn)
      .sort()
      .at(-1) as string;
    for (const a of ctx.partyAdditions ?? []) {
      if (a.on <= lastHeld || a.on > actOn) continue;
      const role = a.side === 'third_party' ? '第三人' : '被申请人';
      out.push({
        text: `追加的${role}（当事人${a.partyId}）于 ${a.on} 追加，在最后一次开庭（${lastHeld}）之后，此后未再开庭：${what} ${hearingOn} 前其未参加开庭审理。被追加的当事人参加仲裁活动（《劳动争议调解仲裁法》第二十三条；《劳动人事争议仲裁办案规则》第四十六条第（一）项），开庭日期应在开庭五日前书面通知当事人（《劳动争议调解仲裁法》第三十五条）；请核对，或书面通知并再次开庭后再作出裁决。`,
        partyIds: [],
      });
    }
    // legal51c M2: a tribunal formed (again) after the last hearing held — re-formed on a conversion to the ordinary
    // procedure (LDMAL Art. 31; Rules Art. 61), or a member replaced — with no hearing held since: the award would be made
    // by arbitrators who did not hear the case (LDMAL Arts. 35–36: the tribunal hears it). Said, not refused: whether the
    // parties' hearing stands is the tribunal's to decide.
    const formedOn = ctx.tribunal?.formedOn;
    if (formedOn && formedOn > lastHeld && formedOn <= actOn)
      out.push({
        text: `仲裁庭于 ${formedOn} 组成（重新组成），在最后一次开庭（${lastHeld}）之后，此后未再开庭：${what} ${hearingOn} 的仲裁庭未曾开庭审理本案。仲裁庭应当开庭审理（《劳动争议调解仲裁法》第三十五条、第三十六条；转为普通程序的，《劳动人事争议仲裁办案规则》第六十一条）；请核对，或书面通知当事人并再次开庭后再作出裁决。`,
        partyIds: [],
      });
  }
  /**
   * s61 B #1 — whether period `d` is answered, and the respondents who have neither answered it nor waived it: one
   * judgement for a hearing and an award alike (an award took one original respondent's defence as answering the
   * period after a change of claims for all of them). An added respondent's period (Rules Art. 46(1)): its own defence
   * (FILE_DEFENSE naming it — one without `partyId` is the original respondents' and never answers for it, reviewer
   * s46b M4) or its waiver given since the period began. The period after a change of claims (Rules Art. 44): every
   * respondent it runs for (all of them, workflows/deadlines.ts) has filed a defence since it began or waived it since —
   * one co-respondent's defence, e.g. the dispatch agency's, does not answer for the user unit's (LDMAL Art. 22(2));
   * a period whose start is not known is answered by none; a waiver given before it began does not waive it (s60 L2).
   * The original respondents' period (LDMAL Art. 30): each of them has filed a defence (one naming no party is
   * theirs, workflows/procedure-types.ts defensesBy) or waived.
   */
  const periodAnswer = (d: (typeof deadlines)[number]): { answered: boolean; pending: number[] } => {
    if (d.kind === 'defense_added_party') {
      if (d.partyId === undefined) return { answered: false, pending: [] };
      const done = answeredBy(d.partyId) || waivedSince(d.partyId, d.startsOn ?? null);
      return { answered: done, pending: done ? [] : [d.partyId] };
    }
    if (d.kind === 'defense_after_claims_change') {
      const from = d.startsOn;
      const pending = from ? respondents.filter((id) => !(answeredBy(id, from) || waivedSince(id, from))) : respondents;
      return { answered: Boolean(from) && respondents.length > 0 && pending.length === 0, pending };
    }
    // Each original respondent's period runs from its own receipt (LDMAL Art. 30): the `defense` deadline ends with the
    // last one's, and a respondent served earlier whose own period has ended by the hearing is not named as still to
    // answer (s64 legal64 #7: 甲, served 09-30 and its ten working days over on 10-20, was named for a hearing on 10-21
    // beside 乙, served 10-09). One not served, or whose end is not known, stays named.
    const ownEnd = (id: number): string | null => {
      const first = (ctx.services ?? [])
        .filter((x) => x.partyId === id && (x.document === 'application_copy' || x.document === 'respond_notice'))
        .map((x) => x.servedOn)
        .sort()[0];
      return first && earliest.endFrom ? earliest.endFrom(first) : null;
    };
    const stillRunning = (id: number) => (ownEnd(id) ?? hearingOn) >= hearingOn;
    return { answered: originalsExcused, pending: originals.filter((id) => !excused(id) && stillRunning(id)) };
  };
  // s62 B #2 (Rules Art. 58): the original respondents' period as the arbitrator shortened it with their consent — the
  // warning states that period and the consent, not the ordinary ten days (LDMAL Art. 30). Cancelled (0 days): there is
  // no answer period left to fall inside, so none is warned of.
  const basis = (d: (typeof deadlines)[number]): string =>
    d.kind === 'defense' && ctx.defensePeriodDays !== null
      ? `简易处理的案件，经与被申请人协商同意，仲裁庭可以缩短或者取消答辩期（《劳动人事争议仲裁办案规则》第五十八条）；本案答辩期缩短后，被申请人有权在收到仲裁申请书副本之日起${periodWords({ days: ctx.defensePeriodDays, unit: d.unit ?? 'calendar' })}内提交答辩书（《劳动争议调解仲裁法》第三十条）。`
      : `被申请人有权自收到仲裁申请书副本之日起十日内提交答辩书（《劳动争议调解仲裁法》第三十条${d.kind === 'defense_after_claims_change' ? '；变更仲裁请求后，《劳动人事争议仲裁办案规则》第四十四条' : ''}）；答辩期只有简易处理的案件经被申请人同意才可以缩短或者取消（《劳动人事争议仲裁办案规则》第五十八条：“缩短或者取消答辩期”）。`;
  for (const d of deadlines) {
    if (!DEFENSE_KINDS.has(d.kind) || !d.dueOn || hearingOn > d.dueOn) continue;
    if (d.kind === 'defense' && ctx.defensePeriodDays === 0) continue;
    const { answered, pending } = periodAnswer(d);
    if (answered) continue;
    // s61 B #1: of several respondents, those still to answer, named (当事人N, named by the server: namePartiesIn); an
    // added respondent's period names its own in its label.
    const whom =
      d.kind !== 'defense_added_party' && respondents.length > 1 && pending.length
        ? `（尚未答辩的被申请人：当事人${pending.join('、')}）`
        : '';
    out.push({
      text: `${what} ${hearingOn} 在${d.label}${d.kind === 'defense' ? shortened(d.unit) : ''}内（${d.dueOn}${d.provisional ? '，预计' : ''} 届满）${whom}：${basis(d)}${act === 'award' ? `请核对答辩情况，或待 ${d.dueOn} 之后再作出裁决。` : `请核对，或另定 ${d.dueOn} 之后的开庭日期。`}`,
      partyIds: pending,
    });
  }
  return out;
}

/**
 * s61 B #1 — an award or partial award (ISSUE_AWARD, PARTIAL_AWARD) made on `awardOn` inside a respondent's answer
 * period, judged as a hearing is (`defensePeriodWarnings`, one judgement): a respondent who has answered the period, or
 * waived it (the hearing's `answerPeriodWaived`, each with its day — Rules Art. 44 「被申请人明确表示放弃答辩期的除外」;
 * Rules Art. 58 「缩短或者取消答辩期」), is not warned of; after a change of claims every respondent answers the new
 * period for itself (Rules Art. 44; LDMAL Arts. 22(2), 30). Warned of, never refused (HEARING_BEFORE_ANSWER_PERIOD is
 * for SCHEDULE_HEARING / POSTPONE_HEARING, docs/domain.md §3.3). Both the act (app/procedure/apply-event.ts) and the
 * award preview (app/procedure/award-warnings.ts) read it.
 */
export function awardDefensePeriodWarnings(
  ctx: Parameters<typeof defensePeriodWarnings>[0] & Partial<Pick<MachineContext, 'hearing'>>,
  awardOn: string,
  deadlines: Parameters<typeof defensePeriodWarnings>[2],
  actOn: string = awardOn,
): string[] {
  return defensePeriodWarnings(ctx, awardOn, deadlines, actOn, 'award', undefined, ctx.hearing?.answerPeriodWaived ?? []);
}

/**
 * legalfixA L1: a written notice of the hearing date served too late — on a day after the last day the hearing_notice
 * deadline leaves (LDMAL Art. 35; Rules Art. 38: at least five days before the hearing) — is recorded with a warning
 * when it is served, not only when the tribunal later tries to treat the party's absence (rules.ts absence-notice-late).
 * A deemed service (public notice, left, posted) is judged by its deemed day. `deadlines`: the case's deadlines as the
 * SERVE leaves them.
 */
export function lateHearingNoticeWarnings(
  ctx: Pick<MachineContext, 'hearing' | 'services'>,
  deadlines: readonly { kind: string; dueOn: string | null; provisional?: boolean; days: number; unit: Unit }[],
): string[] {
  const s = ctx.services.at(-1);
  const h = ctx.hearing;
  if (!s || !h || !['hearing_notice', 'postponement_notice'].includes(s.document)) return [];
  const d = deadlines.find((x) => x.kind === 'hearing_notice');
  if (!d?.dueOn || s.servedOn <= d.dueOn) return [];
  const act = ({ public_notice: '公告', left: '留置', posted: '张贴' } as Record<string, string>)[s.method] ?? '送达';
  const deemed = s.publishedOn ? `（${s.publishedOn}${act}，视为${s.servedOn}送达）` : '';
  return [
    `开庭通知送达当事人${s.partyId}之日 ${s.servedOn}${deemed} 晚于最迟送达日 ${d.dueOn}${d.provisional ? '（预计）' : ''}：开庭日期、地点应在开庭${periodWords(d)}前书面通知当事人（《劳动争议调解仲裁法》第三十五条；《劳动人事争议仲裁办案规则》第三十八条）。该当事人届时不到庭的，不能据此按撤回仲裁申请处理或缺席裁决（《劳动争议调解仲裁法》第三十六条）；开庭日期${h.hearingOn}前已来不及依法通知，请考虑另定开庭日期并重新通知。`,
  ];
}

/**
 * s62 B #1 — a hearing set (SCHEDULE_HEARING) or moved (POSTPONE_HEARING) in a simple case (简易处理) to a day the
 * hearing notice period (LDMAL Art. 35; Rules Art. 38: 开庭五日前书面通知) no longer leaves. An ordinary case is
 * refused (workflows/rules.ts hearing-notice-5-days); a simple case is not, on Zhongcai's reading of Rules Art. 60 (the
 * tribunal sets the hearing date according to the case, 「但应当保障当事人陈述意见的权利」) and Art. 59 (notice by
 * phone or SMS) — domain.md §8.1 [S], not settled, so configurable (PERIODS_OVERRIDE hearing_notice.keptInSimple: then
 * refused as in an ordinary case and this says nothing). Said, not silent: the warning names the period relaxed, the
 * day an ordinary case could have had, and what the relaxation does not dispense with (Art. 59: a notice by a simple
 * method unconfirmed grounds no deemed withdrawal or default award). `facts`: as the act computes them.
 */
export function simpleHearingNoticeWarnings(
  ctx: Pick<MachineContext, 'procedure'>,
  ev: { type: string; occurredOn: string; payload: Record<string, unknown>; facts?: Facts },
): string[] {
  const f = ev.facts;
  if (ev.type !== 'SCHEDULE_HEARING' && ev.type !== 'POSTPONE_HEARING') return [];
  if (ctx.procedure !== 'simple' || f?.hearingNoticeOk !== false || f.noticeKeptInSimple === true) return [];
  const words = periodWords(f.noticePeriod ?? DEFAULT_PERIODS.hearing_notice);
  const act = ev.type === 'SCHEDULE_HEARING' ? '排期' : '延期决定';
  const est = f.provisional?.years?.length ? '，预计' : '';
  const earliest = f.earliestHearingOn ? `（普通程序最早可定于 ${f.earliestWorkingHearingOn ?? f.earliestHearingOn}${est}）` : '';
  return [
    `开庭日期 ${ev.payload.hearingOn as string} 距${act}之日 ${ev.occurredOn} 不足开庭${words}前书面通知的期限${earliest}：本案简易处理，仲裁庭可以根据案件情况确定开庭日期（《劳动人事争议仲裁办案规则》第六十条），本委不适用该通知期限（《劳动争议调解仲裁法》第三十五条；《劳动人事争议仲裁办案规则》第三十八条）。请及时将开庭日期、地点通知双方当事人，保障其陈述意见的权利（第六十条）；以电话、短信等简便方式通知的，未经当事人确认或者没有其他证据证明其已经收到，当事人不到庭时不得按撤回仲裁申请处理或者缺席裁决（第五十九条）。`,
  ];
}

/**
 * legalfixA L4: a hearing set (SCHEDULE_HEARING) or moved (POSTPONE_HEARING) to a rest day — a weekend or an official
 * holiday on the commission's calendar (a year not loaded: its weekends and law-fixed holidays, marked 预计) — is
 * recorded with a warning, not refused: a commission may sit on a rest day, but it is rarely meant. A 调休上班日 is a
 * working day.
 */
export function restDayHearingWarnings(cal: OfficialCalendar, hearingOn: string): string[] {
  const view = cal.provisionalView();
  const d = view.day(hearingOn);
  if (!d.rest) return [];
  const WEEK = ['日', '一', '二', '三', '四', '五', '六'];
  const what = d.kind === 'holiday' ? `法定节假日${d.name ? `（${d.name}）` : ''}` : `休息日（星期${WEEK[weekday(hearingOn)]}）`;
  return [`开庭日期 ${hearingOn} 为${what}${view.assumed.size ? '（该年节假日安排尚未录入，按暂定日历判断）' : ''}，请核对。`];
}

/**
 * legalfixB M1: a hearing set (SCHEDULE_HEARING) or moved (POSTPONE_HEARING) to a day after the award limit — LDMAL
 * Art. 43(1): the tribunal ends the case within 45 days of acceptance, extended once by no more than 15 days with the
 * chair's approval before the limit runs out (Rules Art. 45), the excluded and restarted periods counted (Rules Art.
 * 46); after it the parties may sue on the dispute. Warned of, not refused (SPC-1 Art. 12(1): some delays are the
 * commission's proper reasons), naming the limit and whether an extension is still available and how far it reaches.
 * `actOn`: the day of the act (the extension is judged as of it); `today`: the day the deadlines are computed for.
 */
export function hearingAfterLimitWarnings(
  ctx: MachineContext,
  hearingOn: string,
  cal: OfficialCalendar,
  periods: Periods,
  actOn: string,
  today: string = actOn,
): string[] {
  if (ctx.track !== 'arbitration' || ctx.closure || ctx.award) return [];
  const view = cal.provisionalView();
  const clock = awardClock(ctx, view, periods, today);
  const due = clock?.dueOn;
  if (!clock || !due || hearingOn <= due) return [];
  const est = (provisional: boolean | undefined) => (provisional ? '（预计）' : '');
  const head = `开庭日期 ${hearingOn} 在审理期限届满日 ${due}${est(clock.provisional)} 之后：仲裁庭裁决劳动争议案件应当自受理之日起四十五日内结束，逾期未作出仲裁裁决的，当事人可以就该劳动争议事项向人民法院提起诉讼（《劳动争议调解仲裁法》第四十三条第一款）。`;
  const max = periods.extension.days;
  const ext = currentExtension(ctx);
  let tail: string;
  if (actOn > due) tail = `审理期限已于 ${due} 届满，不能再延长（《劳动人事争议仲裁办案规则》第四十五条）；请核对。`;
  else if (ext)
    tail = `本期审理期限已于 ${ext.approvedOn} 延长${ext.days}日，不能再延长（延长只能批准一次，《劳动人事争议仲裁办案规则》第四十五条）；请另定 ${due} 之前的开庭日期。`;
  else {
    const extended = awardClock(
      { ...ctx, extension: { days: max, approvedOn: actOn }, extensionRestarts: ctx.clockRestarts.length },
      view,
      periods,
      today,
    );
    const reach = extended?.dueOn ? `延长${max}日后最迟至 ${extended.dueOn}${est(extended.provisional)}` : `延长不超过${max}日`;
    const rule = `案情复杂需要延期的，经仲裁委员会主任批准可以延长一次，不得超过${max}日，须在期限届满（${due}）前批准（《劳动争议调解仲裁法》第四十三条第一款；《劳动人事争议仲裁办案规则》第四十五条）`;
    tail =
      extended?.dueOn && hearingOn > extended.dueOn
        ? `本期审理期限尚可延长：${rule}，但${reach}，开庭日期仍在其后；请另定开庭日期。`
        : `本期审理期限尚可延长：${rule}，${reach}；请核对，或另定 ${due} 之前的开庭日期。`;
  }
  return [head + tail];
}

/**
 * legalfixB L5: a hearing the case is scheduled for and the suspension of the proceedings (Rules Art. 47). At SUSPEND,
 * a scheduled hearing on or after the day of suspension falls inside it: no hearing while suspended. At RESUME, a
 * scheduled hearing whose day passed while suspended was never held: the case still reads 已排期 for it, and only a
 * postponement (POSTPONE_HEARING: a new day, notified in writing ahead, LDMAL Art. 35; Rules Art. 38) lets it be held.
 * Warned of, the state machine unchanged. `stateBefore` / `stateAfter`: the leaf states around the event.
 */
export function suspensionHearingWarnings(
  type: string,
  ctx: Pick<MachineContext, 'hearing'> & Partial<Pick<MachineContext, 'suspensions'>>,
  nctx: Pick<MachineContext, 'hearing'>,
  stateBefore: string,
  stateAfter: string,
  occurredOn: string,
  notice: Pick<PeriodRule, 'days' | 'unit'> = DEFAULT_PERIODS.hearing_notice,
): string[] {
  const renotify = `另定开庭日期并在开庭${periodWords(notice)}前书面通知当事人（《劳动争议调解仲裁法》第三十五条；《劳动人事争议仲裁办案规则》第三十八条）`;
  if (type === 'SUSPEND' && stateBefore === 'hearing_scheduled' && ctx.hearing && ctx.hearing.hearingOn >= occurredOn)
    return [
      `本案已定于 ${ctx.hearing.hearingOn} 开庭，该日在中止审理期间（自 ${occurredOn} 起）：中止审理期间不开庭（《劳动人事争议仲裁办案规则》第四十七条）。已通知当事人的，请告知开庭不再按期进行；恢复审理后请记录延期开庭，${renotify}。`,
    ];
  if (type === 'RESUME' && stateAfter === 'hearing_scheduled' && nctx.hearing && nctx.hearing.hearingOn < occurredOn) {
    const on = nctx.hearing.hearingOn;
    // ui50 M1: the day passed during the suspension only when it fell on or after its start (the SUSPEND branch above
    // warns of that day then); one that passed before it was not reached because of the suspension — the record
    // shows no hearing held that day, which is said as such.
    const from = (ctx.suspensions ?? []).findLast((s) => s.to === null)?.from ?? null;
    if (from && on < from)
      return [
        `本案通知的开庭日期 ${on} 在中止审理（自 ${from} 起）之前已经经过，本案未记录该日开庭：该日已开庭的，请记录开庭审理；未开庭的，请记录延期开庭，${renotify}。`,
      ];
    return [`本案通知的开庭日期 ${on} 已在中止审理期间经过，未开庭：请记录延期开庭，${renotify}。`];
  }
  return [];
}
