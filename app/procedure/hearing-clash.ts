import type { Knex } from 'knex';
import type { HearingClash } from '../../db/stores/hearings.ts';
import type { MachineContext } from '../../workflows/case-machine.ts';
import { sessionRowOf } from '../../workflows/hearings.ts';
import type { Deps } from '../deps.ts';
import { unprocessable } from '../errors.ts';

/** Events that put a session still to be held on the calendar (a new one, or the latest moved). */
const SCHEDULING = new Set(['SCHEDULE_HEARING', 'POSTPONE_HEARING']);

/**
 * A room holds one hearing at a time and an arbitrator sits in one room. Two sessions of one day meet when their times
 * are less than HEARING_SLOT_MINUTES apart (default 60). Refused with 422 rule `hearing-clash` (naming the other
 * cases, their rooms and times and the arbitrators they share; `clashes` in the problem):
 * - a hearing scheduled or moved so that it meets another case's session still to be held in the same room, or before
 *   one of its arbitrators (field `time`). The one exception is a joint hearing (`jointHearing: true`, 合并开庭 —
 *   related cases heard together, as the cases of one collective dispute often are): the same room and the same
 *   tribunal, presiding arbitrator included; never another panel, nor an arbitrator sitting in another room;
 * - an arbitrator joining the tribunal (formed, or replaced after a recusal) who sits elsewhere when the case's next
 *   session, already scheduled, is held (field `replacementId` or `arbitratorIds`).
 * A session without a time is not judged: the day alone does not tell whether two sessions meet.
 * No statute sets this: it is the commission's own scheduling rule (how long a hearing holds a room is configurable).
 * The hearing's legal limits — the notice 5 days ahead, a postponement asked for 3 days ahead (LDMAL Art. 35) — are
 * judged elsewhere (workflows/deadlines.ts, workflows/rules.ts).
 * `lock`: inside the write's transaction (PostgreSQL: the slots are locked until it ends, db/stores/hearings.ts).
 * Callers applying several timed hearing events to different cases in one transaction would take slot locks across
 * cases: one event per transaction, as the HTTP layer does.
 */
export async function checkHearingClash(
  deps: Deps,
  k: Knex,
  caseId: number,
  type: string,
  ctx: MachineContext,
  nctx: MachineContext,
  payload: Record<string, unknown>,
  lock: boolean,
): Promise<void> {
  const slotMinutes = deps.config.hearingSlotMinutes;
  const presidingId = nctx.tribunal?.presidingId ?? null;
  if (SCHEDULING.has(type)) {
    const row = sessionRowOf(type, nctx);
    if (!row?.time) return;
    const clashes = await deps.stores.hearings.clashes(k, {
      caseId,
      hearingOn: row.hearingOn,
      time: row.time,
      place: row.place,
      arbitratorIds: nctx.tribunal?.arbitratorIds ?? [],
      presidingId,
      slotMinutes,
      lock,
    });
    const refused = payload.jointHearing === true ? clashes.filter((x) => !(x.sameRoom && x.sameTribunal)) : clashes;
    if (!refused.length) return;
    const advice = refused.some((x) => !x.sameRoom)
      ? '请另选时间'
      : refused.every((x) => x.sameTribunal)
        ? '请另选时间或地点；与该案由同一仲裁庭合并审理的，请勾选“合并开庭”'
        : '请另选时间或地点（合并开庭须由同一仲裁庭审理）';
    throw clash(
      `${row.hearingOn} ${row.time} 前后已有开庭：${refused.map((x) => describe(x, row.place)).join('；')}。${advice}。`,
      'time',
      refused,
    );
  }
  // The tribunal changed: an arbitrator who joins sits at the case's next session too.
  const before = new Set(ctx.tribunal?.arbitratorIds ?? []);
  const joining = (nctx.tribunal?.arbitratorIds ?? []).filter((id) => !before.has(id));
  if (!joining.length) return;
  const pending = await deps.stores.hearings.pendingOf(k, caseId);
  if (!pending?.time) return;
  const refused = await deps.stores.hearings.clashes(k, {
    caseId,
    hearingOn: pending.hearingOn,
    time: pending.time,
    place: null,
    arbitratorIds: joining,
    presidingId,
    slotMinutes,
    lock,
  });
  if (!refused.length) return;
  throw clash(
    `本案已定于 ${pending.hearingOn} ${pending.time} 在${pending.place}开庭，而${refused.map((x) => describe(x, null)).join('；')}。请另选仲裁员，或先将本案开庭延期。`,
    payload.replacementId !== undefined ? 'replacementId' : 'arbitratorIds',
    refused,
  );
}

function clash(detail: string, field: string, refused: HearingClash[]) {
  return unprocessable(detail, {
    rule: 'hearing-clash',
    field,
    clashes: refused.map((x) => ({
      caseId: x.caseId,
      caseNo: x.caseNo,
      place: x.place,
      time: x.time,
      sameRoom: x.sameRoom,
      sameTribunal: x.sameTribunal,
      arbitratorIds: x.arbitrators.map((a) => a.id),
    })),
  });
}

function describe(x: HearingClash, place: string | null): string {
  const label = x.caseNo ?? `案件 ${x.caseId}`;
  const who = x.arbitrators.map((a) => a.displayName).join('、');
  if (x.sameRoom) return `${label} ${x.time} 在${place}开庭${who ? `（仲裁员${who}也在该庭）` : ''}`;
  return `仲裁员${who} ${x.time} 在${x.place}审理${label}`;
}
