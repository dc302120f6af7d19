import type { Knex } from 'knex';
import type { MachineContext } from '../../workflows/case-machine.ts';
import { formatCaseNo } from '../../workflows/case-number.ts';
import type { Deps } from '../deps.ts';

/**
 * The 不予受理通知书's number of a rejected application (LDMAL Art. 29; Rules Art. 30): its own serial of the decision's
 * year, taken with REJECT (db/stores/documents.ts takeNumber, `case_document_numbers`), in the configured form
 * (REJECTION_NO_PREFIX, e.g. 聊劳人仲不字〔2026〕第3号). Read only for a case with a rejection (one statement); null
 * otherwise, or when none was taken. The case view shows it as `proceedings.rejection.documentNo` (reviewer s46 L2).
 */
export async function rejectionNoOf(
  deps: Pick<Deps, 'stores' | 'config'>,
  k: Knex,
  caseId: number,
  ctx: Pick<MachineContext, 'rejection'>,
): Promise<string | null> {
  if (!ctx.rejection) return null;
  const n = await deps.stores.documents.numberOf(k, caseId, 'rejection_notice');
  return n ? formatCaseNo(deps.config.rejectionNoPrefix, n.year, n.serial) : null;
}
