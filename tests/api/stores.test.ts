import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCalendarStore } from '../../db/stores/calendar.ts';
import { createCaseSummaryStore, partyNamesOf } from '../../db/stores/case-summaries.ts';
import { createReferenceStore, replaceReferenceRows } from '../../db/stores/reference.ts';
import { apiSuite } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';
import { resourced } from '../helpers/reference.ts';

/**
 * The stores that took over the SQL the use cases used to write (code review, structure): the one read of party
 * names behind the lists, the tribunal rows, and the one replace-with-version of reference tables. Same body on
 * SQLite and PostgreSQL.
 */
const { t, a } = apiSuite({ now: '2026-04-01T02:00:00Z' });

describe(`stores behind the use cases (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('party names of many cases in one read: each side in its order, names only, empty for a case without parties', async () => {
    const one = await registerCase(t, a, standardApplication({ applicants: [worker('张三', 101), worker('李四', 102)] }));
    const two = await registerCase(
      t,
      a,
      standardApplication({ applicants: [worker('王五', 103)], respondents: [employer('聊城某甲有限公司')] }),
    );
    const names = await partyNamesOf(t.db.knex, [two.id, one.id, one.id, 999_999]);
    expect([...names.keys()].sort((x, y) => x - y)).toEqual([one.id, two.id, 999_999].sort((x, y) => x - y));
    expect(names.get(one.id)).toEqual({ applicantNames: ['张三', '李四'], respondentNames: ['聊城某某机械有限公司'] });
    expect(names.get(two.id)).toEqual({ applicantNames: ['王五'], respondentNames: ['聊城某甲有限公司'] });
    expect(names.get(999_999)).toEqual({ applicantNames: [], respondentNames: [] });
    expect((await partyNamesOf(t.db.knex, [])).size).toBe(0);
    // The due-deadline list reads the same names (through the headlines of its cases).
    const heads = await createCaseSummaryStore().headlines(t.db.knex, [one.id, 999_999]);
    expect([...heads.keys()]).toEqual([one.id]);
    expect(heads.get(one.id)).toMatchObject({ state: 'received', applicantNames: ['张三', '李四'] });
    const due = await t.api(a.tokens.clerk).get('/api/deadlines?within=60&assignee=all&pageSize=100');
    expect(due.status).toBe(200);
    const row = due.body.items.find((d: { caseId: number }) => d.caseId === one.id);
    expect(row?.applicantNames).toEqual(['张三', '李四']);
  });

  it('the tribunal rows follow the snapshot: replaced whole, presiding marked, gone when there is none', async () => {
    const c = await registerCase(t, a);
    const store = createCaseSummaryStore();
    const [x, y] = [a.arbitrators[0]?.id as number, a.arbitrators[1]?.id as number];
    await t.db.knex.transaction((trx) => store.replaceTribunal(trx, c.id, { arbitratorIds: [x, y], presidingId: y }));
    expect((await store.tribunalsOf(t.db.knex, [c.id])).get(c.id)?.map((m) => [m.id, m.presiding])).toEqual(
      [
        [x, false],
        [y, true],
      ].sort((p, q) => Number(p[0]) - Number(q[0])),
    );
    await t.db.knex.transaction((trx) => store.replaceTribunal(trx, c.id, null));
    expect((await store.tribunalsOf(t.db.knex, [c.id])).get(c.id)).toEqual([]);
  });

  it('reference tables are replaced with their version bumped in the same transaction; a scope replaces only its rows', async () => {
    const k = t.db.knex;
    const ref = createReferenceStore();
    const before = {
      min: await ref.version(k, 'minimum_wages'),
      avg: await ref.version(k, 'average_wages'),
      cal: await ref.version(k, 'calendar'),
    };
    // Through the API: each write bumps its own kind once.
    // With a change (a table saved as it stands writes nothing since sec52 L1): a row's source re-checked.
    const wages = resourced((await t.api(t.adminToken).get('/api/reference/minimum-wages')).body);
    expect((await t.api(t.adminToken).put('/api/reference/minimum-wages', wages)).status).toBe(200);
    expect(
      (
        await t
          .api(t.adminToken)
          .put('/api/reference/average-wages', [
            { district: '全市', year: 2024, monthly: '8000.00', publishedOn: '2025-06-20', source: '测试' },
          ])
      ).status,
    ).toBe(200);
    expect(await ref.version(k, 'minimum_wages')).toBe(before.min + 1);
    // average_wages had no version row before its first write (migration 0042 made two): the upsert made it.
    expect(await ref.version(k, 'average_wages')).toBe(before.avg + 1);
    expect(await ref.version(k, 'calendar')).toBe(before.cal);

    // A scoped replace (one calendar year) keeps the other years.
    const cal = createCalendarStore();
    const years = await cal.years(k);
    const y2030 = { year: 2030, notice: '测试', offDays: ['2030-01-01'], workDays: [], names: {} };
    await k.transaction((trx) => cal.put(trx, y2030, 1, '2026-04-01T02:00:00.000Z'));
    await k.transaction((trx) => cal.put(trx, { ...y2030, offDays: ['2030-01-01', '2030-01-02'] }, 1, '2026-04-01T02:00:00.000Z'));
    const after = await cal.years(k);
    expect(after.map((x) => x.year)).toEqual([...years.map((x) => x.year), 2030]);
    expect(after.find((x) => x.year === 2030)?.offDays).toEqual(['2030-01-01', '2030-01-02']);
    expect(await ref.version(k, 'calendar')).toBe(before.cal + 2);

    // A failed write leaves neither rows nor version changed.
    const n = await ref.version(k, 'minimum_wages');
    const rows = await ref.minimumWages(k);
    await expect(
      k.transaction(async (trx) => {
        await replaceReferenceRows(trx, 'minimum_wages', 'minimum_wages', []);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await ref.version(k, 'minimum_wages')).toBe(n);
    expect(await ref.minimumWages(k)).toEqual(rows);
  });

  it('no SQL in the use cases: app/ reads and writes through db/ stores', () => {
    // A knex builder started in app/ (a table call on a connection or transaction, raw SQL).
    const sql = [/\b(trx|k|knex|reader|uow\.trx|db\.knex|db\.reader)\(['`]/, /\.raw\(|whereRaw\(|orderByRaw\(/];
    // Being rewritten on another branch (perf); neither holds SQL today.
    const elsewhere = new Set(['app/procedure/apply-event.ts', 'app/unit-of-work.ts']);
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
      });
    const found = files('app')
      .filter((f) => !elsewhere.has(f.split('\\').join('/')))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .flatMap((line, i) => (sql.some((re) => re.test(line)) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(found).toEqual([]);
  });
});
