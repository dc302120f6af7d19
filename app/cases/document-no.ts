import type { Knex } from 'knex';
import { NUMBERED_KINDS, type TakenNumber } from '../../db/stores/documents.ts';
import { formatCaseNo } from '../../workflows/case-number.ts';
import type { Deps } from '../deps.ts';

/**
 * The number a case without a case number is known by (reviewer docsfix L1, M1): an arbitral review's 审字 number
 * (Rules Arts. 74–79; taken with its first numbered document, app/documents/generate-document.ts reviewNumber, in the
 * REVIEW_NO_PREFIX series) or a rejected application's 不予受理通知书 不字 number (LDMAL Art. 29; Rules Art. 30; taken
 * with REJECT, REJECTION_NO_PREFIX). Read only — never taken here — for the given cases without a case number, one
 * statement whatever their count; absent from the map where none was taken.
 */
export async function documentNumbersOf(
  deps: Pick<Deps, 'stores' | 'config'>,
  k: Knex,
  cases: { id: number; caseNo: string | null }[],
): Promise<Map<number, string>> {
  const ids = cases.filter((c) => c.caseNo === null).map((c) => c.id);
  const out = new Map<number, string>();
  if (!ids.length) return out;
  const taken = await deps.stores.documents.numbersOf(k, ids, NUMBERED_KINDS);
  for (const id of ids) {
    const no = documentNoOf(deps.config, taken.get(id) ?? []);
    if (no) out.set(id, no);
  }
  return out;
}

/**
 * The number a case without a case number is known by, from the numbers its acts were given (a list page reads them
 * with its rows, db/stores/cases.ts `list`): the 审字 number before the 不字 number; null without either.
 */
export function documentNoOf(
  config: Pick<Deps['config'], 'reviewNoPrefix' | 'rejectionNoPrefix'>,
  taken: readonly TakenNumber[],
): string | null {
  const r = taken.find((t) => t.kind === 'review');
  if (r) return formatCaseNo(config.reviewNoPrefix, r.year, r.serial);
  const n = taken.find((t) => t.kind === 'rejection_notice');
  return n ? formatCaseNo(config.rejectionNoPrefix, n.year, n.serial) : null;
}
