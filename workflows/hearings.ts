import type { MachineContext } from './case-machine.ts';

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
