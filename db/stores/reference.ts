import type { Knex } from 'knex';
import { auditHash } from '../history-chain.ts';
import { advisoryXactLock } from '../knex.ts';
import { expectLater } from '../write-later.ts';

export interface MinimumWageRow {
  district: string;
  monthlyFen: number;
  effectiveFrom: string;
  source: string;
  confirmed: boolean;
}

/** A row of the city's average monthly wage per statistical year (LCL Art. 47(2)). */
export interface AverageWageRecord {
  district: string;
  year: number;
  monthlyFen: number;
  publishedOn: string | null;
  source: string;
  confirmed: boolean;
}

/**
 * What the audit log records changes of (the `entity` of an audit_log row), with its Chinese name: the one list the
 * audit-log filter (GET /api/audit-log?entity=), its answer's schema and the web's filter read. `audit()` takes only
 * these, so a newly audited table is filterable the day it is audited.
 */
export const AUDIT_ENTITIES = {
  user: '用户',
  minimum_wages: '最低工资标准',
  average_wages: '职工月平均工资',
  calendar_years: '节假日安排',
} as const;
export type AuditEntity = keyof typeof AUDIT_ENTITIES;
export const AUDIT_ENTITY_CODES = Object.keys(AUDIT_ENTITIES) as [AuditEntity, ...AuditEntity[]];

/** Kinds of reference data, each with a version number (`reference_versions`, migration 0042) a cache checks. */
export type ReferenceKind = 'calendar' | 'minimum_wages' | 'average_wages';

/**
 * The one write of reference data (wage tables, calendar years): the rows of `table` matching `scope` (all of them
 * when none is given) are replaced by `rows`, and the kind's version is bumped, in the writer's transaction — so
 * every process that caches the data (app/deps.ts) re-reads it from its next request on, and never sees half of it.
 */
export async function replaceReferenceRows(
  trx: Knex,
  kind: ReferenceKind,
  table: string,
  rows: Record<string, unknown>[],
  scope?: Record<string, unknown>,
): Promise<void> {
  // The version first: its row stays locked until commit, so two writers of one kind (two processes loading the same
  // calendar year) take turns instead of both deleting and then both inserting the same key. An upsert: a kind added
  // after migration 0042 gets its row on its first write.
  await trx('reference_versions')
    .insert({ name: kind, version: 1 })
    .onConflict('name')
    .merge({ version: trx.raw('?? + 1', ['reference_versions.version']) });
  await (scope ? trx(table).where(scope) : trx(table)).delete();
  if (rows.length) await trx(table).insert(rows);
}

/** Reference data (minimum wages, average wages) and the general audit log. */
export function createReferenceStore() {
  return {
    async minimumWages(trx: Knex): Promise<MinimumWageRow[]> {
      const rows = await trx('minimum_wages').orderBy(['district', 'effective_from']);
      return rows.map((r) => ({
        district: r.district,
        monthlyFen: Number(r.monthly_fen),
        effectiveFrom: r.effective_from,
        source: r.source,
        confirmed: Boolean(r.confirmed),
      }));
    },
    /** The standard in force in the district on the date: the latest row effective on or before it. */
    async minimumWageOn(trx: Knex, district: string, on: string): Promise<MinimumWageRow | undefined> {
      const r = await trx('minimum_wages').where({ district }).where('effective_from', '<=', on).orderBy('effective_from', 'desc').first();
      return r
        ? {
            district: r.district,
            monthlyFen: Number(r.monthly_fen),
            effectiveFrom: r.effective_from,
            source: r.source,
            confirmed: Boolean(r.confirmed),
          }
        : undefined;
    },
    async replaceMinimumWages(trx: Knex, rows: MinimumWageRow[]): Promise<void> {
      await replaceReferenceRows(
        trx,
        'minimum_wages',
        'minimum_wages',
        rows.map((r) => ({
          district: r.district,
          monthly_fen: r.monthlyFen,
          effective_from: r.effectiveFrom,
          source: r.source,
          confirmed: r.confirmed,
        })),
      );
    },
    async averageWages(trx: Knex): Promise<AverageWageRecord[]> {
      const rows = await trx('average_wages').orderBy(['district', 'year']);
      return rows.map((r) => ({
        district: r.district,
        year: Number(r.year),
        monthlyFen: Number(r.monthly_fen),
        publishedOn: r.published_on ?? null,
        source: r.source,
        confirmed: Boolean(r.confirmed),
      }));
    },
    async replaceAverageWages(trx: Knex, rows: AverageWageRecord[]): Promise<void> {
      await replaceReferenceRows(
        trx,
        'average_wages',
        'average_wages',
        rows.map((r) => ({
          district: r.district,
          year: r.year,
          monthly_fen: r.monthlyFen,
          published_on: r.publishedOn,
          source: r.source,
          confirmed: r.confirmed,
        })),
      );
    },
    /**
     * Appends to the audit log, chained to the previous row (db/history-chain.ts). One chain for the whole table: on
     * PostgreSQL appends take a transaction-scoped advisory lock (SQLite's single writer serializes them already).
     * `trx` must be a transaction.
     */
    async audit(
      trx: Knex,
      e: {
        entity: AuditEntity;
        key: string;
        action: string;
        actorId: number;
        actorRole: string;
        at: string;
        before: unknown;
        after: unknown;
      },
    ): Promise<void> {
      await advisoryXactLock(trx, 'auditLog');
      const last = await trx('audit_log').orderBy('id', 'desc').first('hash');
      const prevHash: string | null = last?.hash ?? null;
      const row = {
        entity: e.entity,
        entity_key: e.key,
        action: e.action,
        actor_id: e.actorId,
        actor_role: e.actorRole,
        recorded_at: e.at,
        before: e.before === undefined ? null : JSON.stringify(e.before),
        after: e.after === undefined ? null : JSON.stringify(e.after),
      };
      await trx('audit_log').insert({ ...row, prev_hash: prevHash, hash: auditHash(prevHash, row) });
    },

    /** The version of a kind of cached reference data, bumped by every write of it in the writer's transaction. */
    async version(k: Knex, name: ReferenceKind): Promise<number> {
      const r = await k('reference_versions').where({ name }).first('version');
      return Number(r?.version ?? 0);
    },
    /**
     * The calendar's version and the sum of every kind's version (what a decision made outside the writer's transaction
     * records it was made from: app/cases/register-case.ts, app/procedure/apply-event.ts), in one statement.
     */
    async versions(k: Knex): Promise<{ calendar: number; all: number }> {
      const r = await k('reference_versions')
        .select(
          k.raw("coalesce(max(case when name = 'calendar' then version end), 0) as calendar"),
          k.raw('coalesce(sum(version), 0) as total'),
        )
        .first();
      return { calendar: Number(r?.calendar ?? 0), all: Number(r?.total ?? 0) };
    },
    /**
     * SQLite, a write decided outside the writer's transaction: fails the transaction at COMMIT (db/write-later.ts
     * `isStaleWrite`) when reference data was loaded since `all` was read. Answers whether the check was queued.
     */
    async expectVersions(trx: Knex, all: number): Promise<boolean> {
      return expectLater(trx, trx.raw('select (select coalesce(sum(version), 0) from reference_versions) = ?', [all]));
    },
    /** The audit log newest first, optionally of one entity (users, minimum_wages, calendar_years), with actor names. */
    async auditEntries(k: Knex, f: { entity?: AuditEntity; page: number; pageSize: number }) {
      const base = k('audit_log').where((q) => {
        if (f.entity) q.where('audit_log.entity', f.entity);
      });
      const [countRow, rows] = await Promise.all([
        base.clone().count<{ n: string | number }[]>({ n: '*' }).first(),
        base
          .clone()
          .leftJoin('users', 'users.id', 'audit_log.actor_id')
          .select('audit_log.*', 'users.display_name', 'users.username')
          .orderBy('audit_log.id', 'desc')
          .limit(f.pageSize)
          .offset((f.page - 1) * f.pageSize),
      ]);
      const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : (v ?? null));
      return {
        total: Number(countRow?.n ?? 0),
        items: rows.map((r) => ({
          id: Number(r.id),
          entity: r.entity as AuditEntity,
          key: r.entity_key as string,
          action: r.action as string,
          at: r.recorded_at as string,
          actor: r.actor_id
            ? { id: Number(r.actor_id), username: r.username ?? '', displayName: r.display_name ?? '', role: r.actor_role ?? '' }
            : null,
          before: json(r.before),
          after: json(r.after),
        })),
      };
    },
  };
}
export type ReferenceStore = ReturnType<typeof createReferenceStore>;
