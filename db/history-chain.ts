import crypto from 'node:crypto';
import type { Knex } from 'knex';

/**
 * The tamper-evident record: every `case_events` row carries the hash of the previous row of its case (`prev_hash`,
 * null for the first) and the hash of itself (`hash` = sha256 over `prev_hash` and its own content); `audit_log` is
 * one chain ordered by id. Changing, removing or inserting a row anywhere breaks the chain from that row on, and
 * `verifyHistory` names the first broken row. (Removing rows from the end of a chain leaves a shorter valid chain:
 * the verifier's `anchor`, a digest of every chain's head, is what an operator keeps elsewhere to catch that.)
 *
 * The content is the stored text of each column, so verification reads rows back exactly as they were hashed.
 * Version 1 — a new column in these tables stays outside the hash unless a new version says otherwise.
 */
export const CHAIN_VERSION = 'zc-chain-1';

const EVENT_COLUMNS = [
  'case_id',
  'seq',
  'type',
  'occurred_on',
  'recorded_at',
  'actor_id',
  'actor_role',
  'actor_name',
  'payload',
  'state_before',
  'state_after',
  'before',
  'after',
] as const;
const AUDIT_COLUMNS = ['entity', 'entity_key', 'action', 'actor_id', 'actor_role', 'recorded_at', 'before', 'after'] as const;
const NUMERIC = new Set(['case_id', 'seq', 'actor_id']);

type Row = Record<string, unknown>;

function content(columns: readonly string[], row: Row): string {
  return JSON.stringify(
    columns.map((c) => {
      const v = row[c];
      if (v === null || v === undefined) return null;
      return NUMERIC.has(c) ? String(Number(v)) : String(v);
    }),
  );
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export function eventHash(prevHash: string | null, row: Row): string {
  return sha256(eventHashInput(prevHash, row));
}

/**
 * The text an entry's hash is the sha256 of (its UTF-8 bytes). PostgreSQL may compute the same hash where a value is
 * only known there (an ACCEPT's serial taken with COMMIT: db/stores/cases.ts `appendEventNumbered`).
 */
export function eventHashInput(prevHash: string | null, row: Row): string {
  return `${CHAIN_VERSION}\n${prevHash ?? ''}\n${content(EVENT_COLUMNS, row)}`;
}

export function auditHash(prevHash: string | null, row: Row): string {
  return sha256(`${CHAIN_VERSION}\n${prevHash ?? ''}\n${content(AUDIT_COLUMNS, row)}`);
}

export interface BrokenRow {
  table: 'case_events' | 'audit_log';
  id: number;
  caseId?: number;
  seq?: number;
  reason: string;
}

export interface ChainReport {
  ok: boolean;
  caseEvents: number;
  cases: number;
  auditRows: number;
  /** The first broken row of each table (case_events in case/seq order, audit_log in id order). */
  broken: BrokenRow[];
  /** sha256 over every chain head (case id and last hash, then the audit head): note it elsewhere to detect truncation. */
  anchor: string;
}

/**
 * Reads both chains in pages (keyset pagination, constant memory) and checks every link and every content hash.
 * Stops each table at its first broken row.
 */
export async function verifyHistory(k: Knex, opts: { pageSize?: number } = {}): Promise<ChainReport> {
  const page = opts.pageSize ?? 2000;
  const broken: BrokenRow[] = [];
  const anchor = crypto.createHash('sha256').update(CHAIN_VERSION);
  let caseEvents = 0;
  let cases = 0;

  let after: [number, number] = [0, 0];
  let curCase = -1;
  let prev: string | null = null;
  let expectSeq = 1;
  let eventBroken: BrokenRow | null = null;
  const closeCase = () => {
    if (curCase >= 0) anchor.update(`\n${curCase}:${prev}`);
  };
  outer: for (;;) {
    const rows: Row[] = await k('case_events')
      .whereRaw('(case_id, seq) > (?, ?)', after)
      .orderBy([
        { column: 'case_id', order: 'asc' },
        { column: 'seq', order: 'asc' },
      ])
      .limit(page);
    if (!rows.length) break;
    for (const r of rows) {
      const caseId = Number(r.case_id);
      const seq = Number(r.seq);
      if (caseId !== curCase) {
        closeCase();
        curCase = caseId;
        prev = null;
        expectSeq = 1;
        cases++;
      }
      caseEvents++;
      const at = { table: 'case_events' as const, id: Number(r.id), caseId, seq };
      if (seq !== expectSeq) eventBroken = { ...at, reason: `sequence gap: expected seq ${expectSeq}, found ${seq} (a row was removed)` };
      else if ((r.prev_hash ?? null) !== prev)
        eventBroken = { ...at, reason: 'prev_hash does not match the previous row (a row was removed, inserted or rewritten before it)' };
      else if (r.hash !== eventHash(prev, r)) eventBroken = { ...at, reason: 'content does not match its hash (the row was changed)' };
      if (eventBroken) break outer;
      prev = r.hash as string;
      expectSeq = seq + 1;
    }
    const last = rows.at(-1) as Row;
    after = [Number(last.case_id), Number(last.seq)];
  }
  if (eventBroken) broken.push(eventBroken);
  else closeCase();

  let auditRows = 0;
  let lastId = 0;
  let auditPrev: string | null = null;
  let auditBroken: BrokenRow | null = null;
  outer2: for (;;) {
    const rows: Row[] = await k('audit_log').where('id', '>', lastId).orderBy('id').limit(page);
    if (!rows.length) break;
    for (const r of rows) {
      auditRows++;
      const at = { table: 'audit_log' as const, id: Number(r.id) };
      if ((r.prev_hash ?? null) !== auditPrev)
        auditBroken = { ...at, reason: 'prev_hash does not match the previous row (a row was removed, inserted or rewritten before it)' };
      else if (r.hash !== auditHash(auditPrev, r)) auditBroken = { ...at, reason: 'content does not match its hash (the row was changed)' };
      if (auditBroken) break outer2;
      auditPrev = r.hash as string;
    }
    lastId = Number((rows.at(-1) as Row).id);
  }
  if (auditBroken) broken.push(auditBroken);
  anchor.update(`\naudit:${auditPrev}`);
  return { ok: broken.length === 0, caseEvents, cases, auditRows, broken, anchor: anchor.digest('hex') };
}
