import type { Knex } from 'knex';

/**
 * Rows per INSERT statement. knex writes a multi-row insert on SQLite as one compound SELECT, and SQLite allows at most
 * 500 terms in one (SQLITE_MAX_COMPOUND_SELECT): a collective case with 500 applicants failed to register. 100 rows
 * also keep PostgreSQL's 65,535 bind parameters far away.
 */
export const INSERT_CHUNK = 100;

/** Inserts rows in chunks, in order; with `returning`, answers the returned rows in the same order. */
export async function insertChunked<R = Record<string, unknown>>(
  trx: Knex,
  table: string,
  rows: Record<string, unknown>[],
  returning?: string,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const q = trx(table).insert(rows.slice(i, i + INSERT_CHUNK));
    if (returning) out.push(...((await q.returning(returning)) as R[]));
    else await q;
  }
  return out;
}
