import type { Knex } from 'knex';
import type { CaseRecord } from '../../db/stores/cases.ts';
import { type DuplicateCandidate, duplicateAcceptRefusal, type EarlierCase } from '../../workflows/duplicates.ts';
import type { PersistedSnapshot } from '../../workflows/procedure.ts';
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
  c: Pick<CaseRecord, 'duplicateBars' | 'parties'>,
  ev: EventInput,
): Promise<Violation | null> {
  if (ev.type !== 'ACCEPT' || ev.payload.notSameMatter === true || !deps.config.duplicateAcceptConfirmation) return null;
  if (!c.duplicateBars.length) return null;
  const recorded = c.duplicateBars.map((caseId) => ({ caseId, bars: true }));
  const earlier: EarlierCase[] = [];
  for (const d of recorded) {
    const e = await deps.stores.cases.load(k, d.caseId);
    if (e)
      earlier.push({
        id: e.id,
        caseNo: e.caseNo,
        receivedOn: e.receivedOn,
        state: e.state,
        closureMode: e.closureMode,
        barredApplicants: barredApplicantsOf(e),
      });
  }
  // legal54c M1 (Rules Art. 39): an applicant of this case whose own application there was deemed withdrawn.
  const applicants = c.parties.filter((p) => p.side === 'applicant').map((p) => ({ ...p, creditCode: p.creditCode ?? null }));
  return duplicateAcceptRefusal(recorded, earlier, ev.payload, applicants);
}

/**
 * legal54c M1 — the applicants of a case whose application alone was treated as withdrawn (DEEM_WITHDRAWN `partyId`,
 * kept in its procedure record): Rules Art. 39 bars each one's new application on the same dispute.
 */
export function barredApplicantsOf(e: Pick<CaseRecord, 'snapshot' | 'parties'>): DuplicateCandidate['barredApplicants'] {
  const own = (e.snapshot as PersistedSnapshot | null)?.context?.deemedWithdrawals ?? [];
  return own.flatMap((w) => {
    const p = e.parties.find((x) => x.id === w.partyId);
    return p ? [{ side: p.side, kind: p.kind, name: p.name, idNumber: p.idNumber, creditCode: p.creditCode, on: w.on }] : [];
  });
}
