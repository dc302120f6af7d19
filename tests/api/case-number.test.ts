import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/knex.ts';
import { migrateLatest } from '../../db/knex.ts';
import { createCaseStore } from '../../db/stores/cases.ts';
import { formatCaseNo } from '../../workflows/case-number.ts';
import { freshDatabase } from '../helpers/db.ts';

let db: Database;
let drop: () => Promise<void>;
const store = createCaseStore();
beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  await migrateLatest(db);
});
afterAll(async () => drop?.());

describe(`case-number allocator (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('formats with hexagonal brackets', () => {
    expect(formatCaseNo('聊劳人仲案字', 2026, 15)).toBe('聊劳人仲案字〔2026〕第15号');
    expect(formatCaseNo('聊劳人仲案字', 2026, 15)).toContain('\u3014');
  });

  it('never duplicates or skips under concurrent use, even when some transactions roll back', async () => {
    const n = 60;
    const results = await Promise.allSettled(
      Array.from({ length: n }, (_, i) =>
        db.knex.transaction(async (trx) => {
          const serial = await store.allocateSerial(trx, 2026);
          // Hold the transaction open a little, then abandon every fifth one.
          await new Promise((r) => setTimeout(r, i % 3));
          if (i % 5 === 0) throw new Error('abandoned');
          return serial;
        }),
      ),
    );
    const committed = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value);
    expect(committed).toHaveLength(n - n / 5);
    expect([...committed].sort((a, b) => a - b)).toEqual(Array.from({ length: committed.length }, (_, i) => i + 1));
  });

  it('restarts each year', async () => {
    const s2027 = await db.knex.transaction((trx) => store.allocateSerial(trx, 2027));
    expect(s2027).toBe(1);
    const next2026 = await db.knex.transaction((trx) => store.allocateSerial(trx, 2026));
    expect(next2026).toBe(49);
  });
});
