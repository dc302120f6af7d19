import type { Knex } from 'knex';
import type { CaseRecord } from '../../db/stores/cases.ts';
import { duplicateAcceptRefusal, type EarlierCase } from '../../workflows/duplicates.ts';
import type { Violation } from '../../workflows/rules.ts';
import type { Deps } from '../deps.ts';
import type { EventInput } from './apply-event.ts';

/**
 * Rules Art. 34 (一事不再理) at ACCEPT: the earlier cases the registration found barring the application (kept on the
 * case, `CaseRecord.duplicateBars`; app/cases/register-case.ts `barringCaseIds`), each read again as it now stands
 * (workflows/duplicates.ts `duplicateAcceptRefusal` judges). Null for any other event, when nothing bars — no read at
 * all for a case without such a warning, almost every case — or with DUPLICATE_ACCEPT_CONFIRMATION=false
 * (app/config.ts).
 */
export async function duplicateAcceptBar(
  deps: Deps,
  k: Knex,
  c: Pick<CaseRecord, 'duplicateBars'>,
  ev: EventInput,
): Promise<Violation | null> {
  if (ev.type !== 'ACCEPT' || ev.payload.notSameMatter === true || !deps.config.duplicateAcceptConfirmation) return null;
  if (!c.duplicateBars.length) return null;
  const recorded = c.duplicateBars.map((caseId) => ({ caseId, bars: true }));
  const earlier: EarlierCase[] = [];
  for (const d of recorded) {
    const e = await deps.stores.cases.load(k, d.caseId);
    if (e) earlier.push({ id: e.id, caseNo: e.caseNo, receivedOn: e.receivedOn, state: e.state, closureMode: e.closureMode });
  }
  return duplicateAcceptRefusal(recorded, earlier, ev.payload);
}
