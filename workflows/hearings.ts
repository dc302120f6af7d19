import type { MachineContext } from './case-machine.ts';

/** One case's latest scheduled hearing as the hearing calendar shows it (the `hearings` table). */
export interface HearingRow {
  hearingOn: string;
  time: string | null;
  place: string;
  public: boolean;
  status: 'scheduled' | 'held';
  scheduledOn: string;
}

/**
 * The case's latest scheduled hearing as the calendar shows it: held once a hearing was held on or after the day it
 * was scheduled; gone when the case closed before it was held. The one derivation: every hearing event
 * (app/cases/case-state.ts syncHearing) and the backfill of existing cases (db/maintenance.ts) call it.
 */
export function hearingRowOf(ctx: Pick<MachineContext, 'hearing' | 'hearingsHeld' | 'closure'>): HearingRow | null {
  const h = ctx.hearing;
  if (!h) return null;
  const held = ctx.hearingsHeld.filter((x) => x.heldOn >= h.scheduledOn).at(-1);
  if (!held && ctx.closure) return null;
  return {
    hearingOn: held ? held.heldOn : h.hearingOn,
    time: h.time ?? null,
    place: h.place,
    public: held ? held.public !== false : h.public !== false,
    status: held ? 'held' : 'scheduled',
    scheduledOn: h.scheduledOn,
  };
}
