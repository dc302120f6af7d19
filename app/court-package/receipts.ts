import type { EventRecord } from '../../db/stores/cases.ts';
import { generations } from '../documents/originals.ts';

/** An issued 送达回证 (service_receipt) as the package reads it: whom it names and the document whose service it records. */
export interface ReceiptOf {
  partyId: number;
  /** The document served (a SERVE `document`): asked for by name, else the party's last service before it was issued. */
  servedDocument: string | null;
  /** A service of that document on the party was recorded before the receipt was issued: it records a service. */
  afterService: boolean;
}

/**
 * The 送达回证 issued for the case, by document id (CPL Art. 87: the receipt is the proof of service the file keeps;
 * templates/kinds.ts serviceReceipt). A receipt asked for without `servedDocument` is of the party's last service
 * recorded when it was issued (its default), a signing for a 调解书 included (LDMAL Art. 42(3)).
 */
export function receiptsOf(events: EventRecord[]): Map<number, ReceiptOf> {
  const out = new Map<number, ReceiptOf>();
  for (const g of generations(events)) {
    const partyId = g.text.partyId;
    if (g.kind !== 'service_receipt' || g.draft || typeof partyId !== 'number') continue;
    const before = events.filter((e) => e.seq < g.seq && (e.payload as { partyId?: unknown } | null)?.partyId === partyId);
    const services = before
      .filter((e) => e.type === 'SERVE' || e.type === 'SIGN_MEDIATION_DOCUMENT')
      .map((e) => (e.type === 'SERVE' ? String((e.payload as { document?: unknown }).document) : 'mediation_document'));
    const servedDocument = typeof g.text.servedDocument === 'string' ? g.text.servedDocument : (services.at(-1) ?? null);
    const receipt = { partyId, servedDocument, afterService: servedDocument !== null && services.includes(servedDocument) };
    for (const d of g.documents) out.set(d.id, receipt);
  }
  return out;
}
