import type { Knex } from 'knex';

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
