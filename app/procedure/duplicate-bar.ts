import type { Knex } from 'knex';
import { duplicateAcceptRefusal, type EarlierCase } from '../../workflows/duplicates.ts';
import type { Violation } from '../../workflows/rules.ts';
import type { Deps } from '../deps.ts';
import type { EventInput } from './apply-event.ts';

/**
 * Rules Art. 34 (一事不再理) at ACCEPT: the barring warnings the registration recorded (its REGISTER entry, as
 * app/cases/register-case.ts `duplicatesEntry` keeps them), each earlier case read again as it now stands
 * (workflows/duplicates.ts `duplicateAcceptRefusal` judges). Null for any other event, when nothing bars, or with
 * DUPLICATE_ACCEPT_CONFIRMATION=false (app/config.ts).
 */
export async function duplicateAcceptBar(deps: Deps, k: Knex, caseId: number, ev: EventInput): Promise<Violation | null> {
  if (ev.type !== 'ACCEPT' || ev.payload.notSameMatter === true || !deps.config.duplicateAcceptConfirmation) return null;
  const reg = await deps.stores.cases.lastEventOfType(k, caseId, 'REGISTER');
  const recorded = ((reg?.payload as { duplicates?: { caseId: number; bars: boolean }[] } | undefined)?.duplicates ?? []).filter(
    (d) => d.bars && Number.isInteger(d.caseId),
  );
  if (!recorded.length) return null;
  const earlier: EarlierCase[] = [];
  for (const d of recorded) {
    const c = await deps.stores.cases.load(k, d.caseId);
    if (c) earlier.push({ id: c.id, caseNo: c.caseNo, receivedOn: c.receivedOn, state: c.state, closureMode: c.closureMode });
  }
  return duplicateAcceptRefusal(recorded, earlier, ev.payload);
}
