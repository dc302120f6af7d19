import type { Knex } from 'knex';
import type { HearingClash } from '../../db/stores/hearings.ts';
import type { MachineContext } from '../../workflows/case-machine.ts';
import { sessionRowOf } from '../../workflows/hearings.ts';
import type { Deps } from '../deps.ts';
import { unprocessable } from '../errors.ts';

/** Events that put a session still to be held on the calendar (a new one, or the latest moved). */
const SCHEDULING = new Set(['SCHEDULE_HEARING', 'POSTPONE_HEARING']);

/**
 * A hearing scheduled or moved to a day and time when its room, or one of its arbitrators, is already taken by another
 * case's session still to be held: refused (422, rule `hearing-clash`, at the field `time`), naming the other case, the
 * room and the arbitrators they share. A room holds one hearing at a time and an arbitrator sits in one room; the one
 * exception is a joint hearing (`jointHearing: true`, 合并开庭 — related cases heard together by one tribunal, as the
 * cases of one collective dispute often are): the same room and the same tribunal, never another panel or room.
 * A session without a time is not checked: the day alone does not tell whether two sessions meet.
 * `lock`: inside the write's transaction (PostgreSQL: the slots are locked until it ends, db/stores/hearings.ts).
 */
export async function checkHearingClash(
  deps: Deps,
  k: Knex,
  caseId: number,
  type: string,
  nctx: MachineContext,
  payload: Record<string, unknown>,
  lock: boolean,
): Promise<void> {
  if (!SCHEDULING.has(type)) return;
  const row = sessionRowOf(type, nctx);
  if (!row?.time) return;
  const arbitratorIds = nctx.tribunal?.arbitratorIds ?? [];
  const clashes = await deps.stores.hearings.clashes(k, {
    caseId,
    hearingOn: row.hearingOn,
    time: row.time,
    place: row.place,
    arbitratorIds,
    lock,
  });
  const joint = payload.jointHearing === true;
  const refused = joint ? clashes.filter((x) => !(x.sameRoom && x.sameTribunal)) : clashes;
  if (!refused.length) return;
  const slot = `${row.hearingOn} ${row.time}`;
  const lines = refused.map((x) => describe(x, row.place));
  const advice = refused.some((x) => !x.sameRoom)
    ? '请另选时间'
    : refused.every((x) => x.sameTribunal)
      ? '请另选时间或地点；与该案由同一仲裁庭合并审理的，请勾选“合并开庭”'
      : '请另选时间或地点（合并开庭须由同一仲裁庭审理）';
  throw unprocessable(`${slot} 已有开庭：${lines.join('；')}。${advice}。`, {
    rule: 'hearing-clash',
    field: 'time',
    clashes: refused.map((x) => ({
      caseId: x.caseId,
      caseNo: x.caseNo,
      place: x.place,
      sameRoom: x.sameRoom,
      sameTribunal: x.sameTribunal,
      arbitratorIds: x.arbitrators.map((a) => a.id),
    })),
  });
}

function describe(x: HearingClash, place: string): string {
  const label = x.caseNo ?? `案件 ${x.caseId}`;
  const who = x.arbitrators.map((a) => a.displayName).join('、');
  if (x.sameRoom) return `${label}在${place}开庭${who ? `（仲裁员${who}也在该庭）` : ''}`;
  return `仲裁员${who}在${x.place}审理${label}`;
}
