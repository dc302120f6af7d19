import type { Knex } from 'knex';

export interface CourtPackageInfo {
  id: number;
  caseId: number;
  purpose: string;
  court: string | null;
  fileName: string;
  size: number;
  sha256: string;
  manifestSha256: string;
  signature: string;
  keyId: string;
  schemaVersion: string;
  caseVersion: number;
  documentCount: number;
  createdBy: number | null;
  createdAt: string;
}

const COLUMNS = [
  'id',
  'case_id',
  'purpose',
  'court',
  'file_name',
  'size',
  'sha256',
  'manifest_sha256',
  'signature',
  'key_id',
  'schema_version',
  'case_version',
  'document_count',
  'created_by',
  'created_at',
];

// biome-ignore lint/suspicious/noExplicitAny: raw driver rows
const info = (r: Record<string, any>): CourtPackageInfo => ({
  id: Number(r.id),
  caseId: Number(r.case_id),
  purpose: r.purpose,
  court: r.court ?? null,
  fileName: r.file_name,
  size: Number(r.size),
  sha256: r.sha256,
  manifestSha256: r.manifest_sha256,
  signature: r.signature,
  keyId: r.key_id,
  schemaVersion: r.schema_version,
  caseVersion: Number(r.case_version),
  documentCount: Number(r.document_count),
  createdBy: r.created_by === null || r.created_by === undefined ? null : Number(r.created_by),
  createdAt: r.created_at,
});

/** Court hand-off packages as generated: the ZIP bytes exactly as served, and what they were signed with. */
export function createCourtPackageStore() {
  return {
    /**
     * `fileName` may be made from the package's id (sec53 L4: packages of one case generated in the same second shared a
     * name): the row is inserted, then named, in the caller's transaction.
     */
    async insert(
      trx: Knex,
      p: Omit<CourtPackageInfo, 'id' | 'fileName'> & { bytes: Buffer; fileName: string | ((id: number) => string) },
    ): Promise<CourtPackageInfo> {
      const named = typeof p.fileName === 'string' ? p.fileName : null;
      const row = {
        case_id: p.caseId,
        purpose: p.purpose,
        court: p.court,
        file_name: named ?? '',
        bytes: p.bytes,
        size: p.size,
        sha256: p.sha256,
        manifest_sha256: p.manifestSha256,
        signature: p.signature,
        key_id: p.keyId,
        schema_version: p.schemaVersion,
        case_version: p.caseVersion,
        document_count: p.documentCount,
        created_by: p.createdBy,
        created_at: p.createdAt,
      };
      const [ins] = await trx('court_packages').insert(row).returning('id');
      const id = Number((ins as { id: number }).id);
      if (typeof p.fileName === 'function') {
        row.file_name = p.fileName(id);
        await trx('court_packages').where({ id }).update({ file_name: row.file_name });
      }
      return info({ ...row, id });
    },
    async forCase(k: Knex, caseId: number): Promise<CourtPackageInfo[]> {
      return (await k('court_packages').where({ case_id: caseId }).orderBy('id').select(COLUMNS)).map(info);
    },
    async find(k: Knex, id: number): Promise<(CourtPackageInfo & { bytes: Buffer }) | undefined> {
      const r = await k('court_packages').where({ id }).first();
      return r ? { ...info(r), bytes: Buffer.from(r.bytes) } : undefined;
    },
  };
}
export type CourtPackageStore = ReturnType<typeof createCourtPackageStore>;
