import type { Knex } from 'knex';
import { groupedInsert } from '../grouped-insert.ts';

export type AccessAction = 'read_case' | 'read_history' | 'download_document' | 'download_court_package';

export interface AccessEntry {
  at: string;
  userId: number;
  role: string;
  action: AccessAction;
  caseId: number | null;
  documentId: number | null;
}

export interface AccessLogFilter {
  userId?: number;
  caseId?: number;
  action?: AccessAction;
  /** Instants (ISO 8601), inclusive from, exclusive to. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** The access log: append and list, nothing else (no update, no delete). */
export function createAccessLogStore() {
  return {
    /** Resolves once the entry is committed (concurrent entries share one INSERT: db/grouped-insert.ts). */
    async append(k: Knex, e: AccessEntry): Promise<void> {
      // One INSERT for the rows of all concurrent reads: the log takes no lock on the case it names (no foreign key on
      // PostgreSQL, migration 20261216_0010), so a case row held locked elsewhere holds up no reader (sec50 H3).
      await groupedInsert(k, 'access_log', {
        at: e.at,
        user_id: e.userId,
        role: e.role,
        action: e.action,
        case_id: e.caseId,
        document_id: e.documentId,
      });
    },
    async list(k: Knex, f: AccessLogFilter) {
      const base = k('access_log').where((qb) => {
        if (f.userId) qb.where('access_log.user_id', f.userId);
        if (f.caseId) qb.where('access_log.case_id', f.caseId);
        if (f.action) qb.where('access_log.action', f.action);
        if (f.from) qb.where('access_log.at', '>=', f.from);
        if (f.to) qb.where('access_log.at', '<', f.to);
      });
      const countRow = await base.clone().count<{ n: string | number }[]>({ n: '*' }).first();
      const rows = await base
        .clone()
        .leftJoin('users', 'users.id', 'access_log.user_id')
        .leftJoin('cases', 'cases.id', 'access_log.case_id')
        .select('access_log.*', 'users.username as username', 'users.display_name as display_name', 'cases.case_no as case_no')
        .orderBy([
          { column: 'access_log.at', order: 'desc' },
          { column: 'access_log.id', order: 'desc' },
        ])
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize);
      return {
        total: Number(countRow?.n ?? 0),
        items: rows.map((r) => ({
          id: Number(r.id),
          at: r.at as string,
          user: { id: Number(r.user_id), username: r.username as string, displayName: r.display_name as string, role: r.role as string },
          action: r.action as AccessAction,
          caseId: r.case_id === null || r.case_id === undefined ? null : Number(r.case_id),
          caseNo: (r.case_no as string | null) ?? null,
          documentId: r.document_id === null || r.document_id === undefined ? null : Number(r.document_id),
        })),
      };
    },
  };
}
export type AccessLogStore = ReturnType<typeof createAccessLogStore>;
