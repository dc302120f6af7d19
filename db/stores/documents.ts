import type { Knex } from 'knex';
import { rowsOf } from '../reports/closure-rate.ts';

/** A number a case's act was given (`takeNumber`): its kind, year and serial. */
export interface TakenNumber {
  kind: string;
  year: number;
  serial: number;
}

/** The acts whose number names a case without a case number (审字, 不字; app/cases/document-no.ts). */
export const NUMBERED_KINDS = ['review', 'rejection_notice'] as const;

export interface DocumentInfo {
  id: number;
  caseId: number;
  kind: string;
  title: string;
  caseNo: string | null;
  sha256: string;
  size: number;
  caseVersion: number;
  createdAt: string;
}

// biome-ignore lint/suspicious/noExplicitAny: raw driver rows
const info = (r: Record<string, any>): DocumentInfo => ({
  id: Number(r.id),
  caseId: Number(r.case_id),
  kind: r.kind,
  title: r.title,
  caseNo: r.case_no ?? null,
  sha256: r.sha256,
  size: Number(r.size),
  caseVersion: Number(r.case_version),
  createdAt: r.created_at,
});

const INFO_COLUMNS = ['id', 'case_id', 'kind', 'title', 'case_no', 'sha256', 'size', 'case_version', 'created_at'];

/** Generated documents: the exact bytes served, their sha256 and the case version they were made from. */
export function createDocumentStore() {
  return {
    /**
     * The number of a case's act of `kind` that has no case number (db/migrations/20261207_0010): the one it was given,
     * or the next serial of the year from the kind's counter row — locked until COMMIT, so that a rollback returns it
     * (never duplicated or skipped). Only inside the write of the act. Two first takings for one case in two processes
     * (an arbitral review's first numbered document generated twice at once) queue on the case row: the second then
     * reads the number the first gave instead of failing on case_document_numbers' unique key. NO KEY UPDATE, so that
     * the case's readers (KEY SHARE) do not wait; SQLite has one writer.
     */
    async takeNumber(trx: Knex, caseId: number, kind: string, year: number): Promise<number> {
      if (trx.client.config.client === 'pg') await trx.raw('SELECT 1 FROM cases WHERE id = ? FOR NO KEY UPDATE', [caseId]);
      const given = await trx('case_document_numbers').where({ case_id: caseId, kind }).first('serial');
      if (given) return Number(given.serial);
      const raw = await trx.raw(
        `INSERT INTO document_number_counters (kind, year, last_serial) VALUES (?, ?, 1)
         ON CONFLICT (kind, year) DO UPDATE SET last_serial = document_number_counters.last_serial + 1
         RETURNING last_serial`,
        [kind, year],
      );
      const serial = Number(rowsOf(raw)[0]?.last_serial);
      await trx('case_document_numbers').insert({ case_id: caseId, kind, year, serial });
      return serial;
    },

    /** The number a case's act of `kind` was given (`takeNumber`), or null. */
    async numberOf(k: Knex, caseId: number, kind: string): Promise<{ year: number; serial: number } | null> {
      const r = await k('case_document_numbers').where({ case_id: caseId, kind }).first('year', 'serial');
      return r ? { year: Number(r.year), serial: Number(r.serial) } : null;
    },

    /**
     * The numbers the given cases' acts of the given kinds were given (`takeNumber`), by case and kind; one read whatever
     * the count.
     */
    async numbersOf(k: Knex, caseIds: number[], kinds: readonly string[]): Promise<Map<number, TakenNumber[]>> {
      const out = new Map<number, TakenNumber[]>();
      if (!caseIds.length || !kinds.length) return out;
      const rows = await k('case_document_numbers')
        .whereIn('case_id', caseIds)
        .whereIn('kind', kinds)
        .select('case_id', 'kind', 'year', 'serial');
      for (const r of rows) {
        const id = Number(r.case_id);
        out.set(id, [...(out.get(id) ?? []), { kind: r.kind, year: Number(r.year), serial: Number(r.serial) }]);
      }
      return out;
    },

    async insert(trx: Knex, d: Omit<DocumentInfo, 'id' | 'size'> & { bytes: Buffer; createdBy: number }): Promise<DocumentInfo> {
      const row = {
        case_id: d.caseId,
        kind: d.kind,
        title: d.title,
        case_no: d.caseNo,
        sha256: d.sha256,
        size: d.bytes.length,
        bytes: d.bytes,
        case_version: d.caseVersion,
        created_by: d.createdBy,
        created_at: d.createdAt,
      };
      const [ins] = await trx('documents').insert(row).returning('id');
      return info({ ...row, id: (ins as { id: number }).id });
    },
    async forCase(k: Knex, caseId: number): Promise<DocumentInfo[]> {
      return (await k('documents').where({ case_id: caseId }).orderBy('id').select(INFO_COLUMNS)).map(info);
    },
    async find(k: Knex, id: number): Promise<(DocumentInfo & { bytes: Buffer }) | undefined> {
      const r = await k('documents').where({ id }).first();
      return r ? { ...info(r), bytes: Buffer.from(r.bytes) } : undefined;
    },
  };
}
export type DocumentStore = ReturnType<typeof createDocumentStore>;
