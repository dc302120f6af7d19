/**
 * `npm run audit:verify` — checks the tamper-evident record (db/history-chain.ts): every case's history chain and the
 * audit-log chain. Prints the counts and the anchor (a digest of every chain head: note it somewhere else — a ticket,
 * a printed log — to detect a later truncation or wholesale rewrite); exit status 1 and the first broken row of each
 * table when the record was altered.
 */
import { loadConfig } from '../app/config.ts';
import { verifyHistory } from '../db/history-chain.ts';
import { openDatabase } from '../db/knex.ts';

const config = loadConfig();
const db = openDatabase(config.databaseUrl, { ...config.database, statementTimeoutMs: 0 });
try {
  const r = await verifyHistory(db.reader);
  console.log(
    `history chain ${r.ok ? 'intact' : 'BROKEN'}: ${r.caseEvents} case events in ${r.cases} cases, ${r.auditRows} audit rows; anchor ${r.anchor}`,
  );
  for (const b of r.broken) {
    const where = b.table === 'case_events' ? `case ${b.caseId} seq ${b.seq} (case_events id ${b.id})` : `audit_log id ${b.id}`;
    console.error(`first broken row: ${where}: ${b.reason}`);
  }
  process.exitCode = r.ok ? 0 : 1;
} finally {
  await db.close();
}
