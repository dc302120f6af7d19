import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, migrateLatest, openDatabase } from '../../db/knex.ts';
import {
  inlineBindings,
  insertLater,
  isStaleWrite,
  pgLiteral,
  sqlLiteral,
  updateLater,
  updateLaterChangingOne,
  writeLater,
  writeLaterChangingOne,
} from '../../db/write-later.ts';
import { freshDatabase } from '../helpers/db.ts';

/**
 * Writes queued on a transaction and sent together (db/write-later.ts): on SQLite they go as one script with the next
 * statement that answers something or with COMMIT; on PostgreSQL they run at once. Either way a transaction keeps all
 * of them or none, in the order they were issued.
 */
const dialect = process.env.TEST_DB ?? 'sqlite';
let db: Database;
let url: string;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, url, drop } = await freshDatabase());
  await migrateLatest(db);
  await db.knex.schema.createTable('wl_probe', (t) => {
    t.increments('id');
    t.string('tag').notNullable();
    t.text('t');
    t.bigInteger('i');
    t.double('r');
    t.binary('b');
    t.boolean('flag');
  });
  await db.knex.schema.createTable('wl_unique', (t) => {
    t.integer('k').primary();
  });
});
afterAll(async () => drop?.());

const probe = (tag: string) => db.knex('wl_probe').where({ tag }).orderBy('id');

describe('SQL literals for queued statements (unit)', () => {
  it('writes text, integers, booleans, NULL and blobs in forms that read back as the value, and refuses the rest', () => {
    expect(sqlLiteral("it's")).toBe("'it''s'");
    expect(sqlLiteral('back\\slash')).toBe("'back\\slash'");
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(undefined)).toBe('NULL');
    expect(sqlLiteral(true)).toBe('1');
    expect(sqlLiteral(-0)).toBe('0');
    expect(sqlLiteral(2147483647)).toBe('2147483647');
    // After a minus in the statement a bare negative literal would read as the start of a `--` comment.
    expect(sqlLiteral(-5)).toBe('(-5)');
    expect(inlineBindings('select 1 -?', [-5])).toBe('select 1 -(-5)');
    expect(sqlLiteral(-3000000000)).toBe('CAST(-3000000000 AS REAL)');
    expect(sqlLiteral(2147483648)).toBe('CAST(2147483648 AS REAL)');
    expect(sqlLiteral(Buffer.from([0, 1, 255]))).toBe("X'0001ff'");
    for (const v of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, 'a\u0000b', new Date(), 10n, {}, []])
      expect(sqlLiteral(v)).toBeNull();
  });

  it('PostgreSQL: quoted constants of unknown type, as node-pg sends parameters; backslashes doubled in an escape string', () => {
    expect(pgLiteral("it's \\ ok")).toBe("E'it''s \\\\ ok'");
    expect(pgLiteral(1.5)).toBe("'1.5'");
    expect(pgLiteral(3000000000)).toBe("'3000000000'");
    expect(pgLiteral(false)).toBe("'false'");
    expect(pgLiteral(null)).toBe('NULL');
    for (const v of [Number.NaN, 'a\u0000b', Buffer.from([1]), new Date(), [1], {}]) expect(pgLiteral(v)).toBeNull();
    expect(inlineBindings('select ?::json', ['[1]'], 'postgres')).toBe("select E'[1]'::json");
    // Dollar quoting, positional parameters and escape strings in the statement itself are left to the driver.
    expect(inlineBindings('select $1', [], 'postgres')).toBeNull();
    expect(inlineBindings("select E'\\'' || ?", ['x'], 'postgres')).toBeNull();
    expect(inlineBindings('select ?:name', ['x'], 'postgres')).toBeNull();
  });

  it('replaces only the parameters: not a ? in quoted text, identifiers or comments; a mismatch or a named parameter is refused', () => {
    expect(inlineBindings('select \'?\', "a?", `b?`, [c?], ? -- ?\n, ? /* ? */', [1, 'x'])).toBe(
      "select '?', \"a?\", `b?`, [c?], 1 -- ?\n, 'x' /* ? */",
    );
    expect(inlineBindings("select 'it''s ?', ?", ['y'])).toBe("select 'it''s ?', 'y'");
    expect(inlineBindings('select ?, ?', [1])).toBeNull();
    expect(inlineBindings('select ?', [1, 2])).toBeNull();
    expect(inlineBindings('select ?1', [1])).toBeNull();
    expect(inlineBindings('select :name', [])).toBeNull();
    expect(inlineBindings("select 'unterminated", [])).toBeNull();
    expect(inlineBindings('select value->>0 from json_each(?)', ['[]'])).toBe("select value->>0 from json_each('[]')");
  });
});

describe(`queued writes (${dialect})`, () => {
  const values: [string, Record<string, unknown>][] = [
    ['quotes', { t: 'it\'s "quoted" ? -- /* */ ;', i: 0, r: 0, flag: false }],
    ['unicode', { t: '劳动人事争议仲裁委员会 😀 \u2028 \\ \r\n', i: -2147483648, r: 2147483647, flag: true }],
    ['large', { t: '', i: 3000000000, r: 3000000000, b: Buffer.from([0, 1, 2, 255]) }],
    ['nulls', { t: null, i: null, r: null, b: null, flag: null }],
    ['fraction', { t: 'x', r: 1.5 }],
    // PostgreSQL refuses a NUL in text either way.
    ...(dialect === 'sqlite' ? ([['nul', { t: 'a\u0000b', i: 7 }]] as [string, Record<string, unknown>][]) : []),
  ];

  it('a queued insert stores exactly what the bound insert stores, value and type', async () => {
    for (const [tag, row] of values) {
      await db.knex.insert({ tag: `${tag}-bound`, ...row }).into('wl_probe');
      await db.knex.transaction(async (trx) => writeLater(trx, trx('wl_probe').insert({ tag: `${tag}-queued`, ...row })));
      const cols = dialect === 'postgres' ? 't, i, r, b, flag' : 't, typeof(t) tt, i, typeof(i) ti, r, typeof(r) tr, b, typeof(b) tb, flag';
      const read = async (t: string) => {
        const r = await db.knex.raw(`select ${cols} from wl_probe where tag = ?`, [t]);
        return dialect === 'postgres' ? r.rows : r;
      };
      const [bound, queued] = [await read(`${tag}-bound`), await read(`${tag}-queued`)];
      expect(queued, tag).toEqual(bound);
    }
  });

  it('insertLater writes rows in one statement that stores what the bound insert stores; rows it cannot write go through knex', async () => {
    const rows = values.map(([tag, row]) => ({ tag: `${tag}-rows`, t: null, i: null, r: null, b: null, flag: null, ...row }));
    const cols = dialect === 'postgres' ? 't, i, r, b, flag' : 't, typeof(t) tt, i, typeof(i) ti, r, typeof(r) tr, b, typeof(b) tb, flag';
    const read = async (t: string) => {
      const r = await db.knex.raw(`select ${cols} from wl_probe where tag = ?`, [t]);
      return dialect === 'postgres' ? r.rows : r;
    };
    const sent: string[] = [];
    const listen = (q: { sql: string }) => sent.push(q.sql);
    db.knex.on('query', listen);
    try {
      // All the rows at once (a fraction or a NUL sends its chunk through knex), then each alone, then rows whose
      // columns differ and one with a column left to its default.
      await db.knex.transaction(async (trx) => insertLater(trx, 'wl_probe', rows));
      for (const [tag, row] of values)
        await db.knex.transaction(async (trx) => insertLater(trx, 'wl_probe', [{ tag: `${tag}-row`, ...row }]));
      await db.knex.transaction(async (trx) =>
        insertLater(trx, 'wl_probe', [
          { tag: 'mixed', t: 'a' },
          { tag: 'mixed', i: 5 },
          { tag: 'mixed', t: undefined, i: 6 },
        ]),
      );
    } finally {
      db.knex.off('query', listen);
    }
    for (const [tag, row] of values) {
      await db.knex.insert({ tag: `${tag}-bound-rows`, ...row }).into('wl_probe');
      const bound = await read(`${tag}-bound-rows`);
      expect(await read(`${tag}-rows`), tag).toEqual(bound);
      expect(await read(`${tag}-row`), tag).toEqual(bound);
    }
    expect((await probe('mixed')).map((r) => [r.t, r.i === null ? null : Number(r.i)])).toEqual([
      ['a', null],
      [null, 5],
      [null, 6],
    ]);
    // Outside SQLite's queue only what could not be written with literals is seen as a bound insert.
    if (dialect === 'sqlite') expect(sent.filter((sql) => /^insert/i.test(sql)).length).toBeGreaterThan(0);
  });

  it('a statement marked personal is not written into a PostgreSQL script (a failing script goes whole to the server log)', async () => {
    const sent: string[] = [];
    const listen = (q: { sql: string }) => sent.push(q.sql);
    db.knex.on('query', listen);
    try {
      await db.knex.transaction(async (trx) => {
        await writeLater(trx, trx('wl_probe').insert({ tag: 'personal', t: '371502199001011234' }), { personal: true });
        await writeLater(trx, trx('wl_probe').insert({ tag: 'personal', t: 'not personal' }));
      });
    } finally {
      db.knex.off('query', listen);
    }
    // Run at once, bound, on PostgreSQL (seen as its own query); queued on SQLite (only COMMIT is seen).
    const bound = sent.filter((sql) => sql.startsWith('insert'));
    expect(bound).toHaveLength(dialect === 'postgres' ? 1 : 0);
    expect(sent.join('\n')).not.toContain('371502199001011234');
    expect((await probe('personal')).map((r) => r.t)).toEqual(['371502199001011234', 'not personal']);
  });

  it('statements run in the order issued, and a read in the transaction sees the queued writes before it', async () => {
    const seen = await db.knex.transaction(async (trx) => {
      await writeLater(trx, trx('wl_probe').insert({ tag: 'order', t: 'a' }));
      await writeLater(trx, trx('wl_probe').where({ tag: 'order' }).update({ t: 'b' }));
      const mid = await trx('wl_probe').where({ tag: 'order' }).first('t');
      await writeLater(trx, trx('wl_probe').where({ tag: 'order' }).update({ t: 'c' }));
      return mid?.t;
    });
    expect(seen).toBe('b');
    expect((await probe('order')).map((r) => r.t)).toEqual(['c']);
  });

  it('updateLater and updateLaterChangingOne write what the bound update writes; a changing-one update that finds no row fails as stale', async () => {
    const row = { t: 'it\'s "new" ? -- ;', i: -7, r: 3000000000, flag: true };
    await db.knex('wl_probe').insert([
      { tag: 'upd-bound', t: 'old', i: 1 },
      { tag: 'upd-queued', t: 'old', i: 1 },
      { tag: 'upd-one', t: 'old', i: 1 },
    ]);
    await db.knex('wl_probe').where({ tag: 'upd-bound' }).update(row);
    await db.knex.transaction(async (trx) => updateLater(trx, 'wl_probe', row, { tag: 'upd-queued' }));
    const cols = 't, i, r, flag';
    const read = async (tag: string) => db.knex('wl_probe').where({ tag }).select(db.knex.raw(cols));
    expect(await read('upd-queued')).toEqual(await read('upd-bound'));
    // One row matches both the equality and the condition: written (queued on SQLite, at once with its count elsewhere).
    const n = await db.knex.transaction(async (trx) =>
      updateLaterChangingOne(trx, 'wl_probe', { t: 'one' }, { tag: 'upd-one' }, ['i = 1']),
    );
    expect(n).toBe(dialect === 'sqlite' ? 'queued' : 1);
    expect((await probe('upd-one')).map((r) => r.t)).toEqual(['one']);
    // The condition no longer holds: SQLite fails the transaction at COMMIT (stale), and nothing of it is kept.
    const stale = db.knex.transaction(async (trx) => {
      await writeLater(trx, trx('wl_probe').insert({ tag: 'upd-stale', t: 'kept?' }));
      const m = await updateLaterChangingOne(trx, 'wl_probe', { t: 'two' }, { tag: 'upd-one' }, ['i = 2']);
      if (m !== 'queued' && m !== 1) throw new Error('zc_stale_write: no row');
    });
    await expect(stale).rejects.toSatisfy(isStaleWrite);
    expect((await probe('upd-one')).map((r) => r.t)).toEqual(['one']);
    expect(await probe('upd-stale')).toEqual([]);
  });

  it('a queued statement that fails fails the transaction, and none of its writes, queued or not, are kept', async () => {
    await db.knex('wl_unique').insert({ k: 1 });
    const attempt = db.knex.transaction(async (trx) => {
      await trx('wl_probe').insert({ tag: 'failing', t: 'immediate' });
      await writeLater(trx, trx('wl_probe').insert({ tag: 'failing', t: 'queued' }));
      await writeLater(trx, trx('wl_unique').insert({ k: 1 }));
      await writeLater(trx, trx('wl_probe').insert({ tag: 'failing', t: 'after' }));
    });
    await expect(attempt).rejects.toThrow(/UNIQUE|unique|duplicate/);
    expect(await probe('failing')).toEqual([]);
    // The connection is usable and holds nothing left over.
    await db.knex.transaction(async (trx) => writeLater(trx, trx('wl_probe').insert({ tag: 'next', t: 'ok' })));
    expect((await probe('next')).map((r) => r.t)).toEqual(['ok']);
    expect(await probe('failing')).toEqual([]);
  });

  it('a transaction that throws drops what it queued; an empty one commits and rolls back cleanly', async () => {
    await expect(
      db.knex.transaction(async (trx) => {
        await writeLater(trx, trx('wl_probe').insert({ tag: 'dropped', t: 'x' }));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await db.knex.transaction(async () => undefined);
    await expect(
      db.knex.transaction(async () => {
        throw new Error('empty refusal');
      }),
    ).rejects.toThrow('empty refusal');
    await db.knex.transaction(async (trx) => writeLater(trx, trx('wl_probe').insert({ tag: 'after-drop', t: 'y' })));
    expect(await probe('dropped')).toEqual([]);
    expect((await probe('after-drop')).map((r) => r.t)).toEqual(['y']);
  });

  it('a nested transaction rolled back to its savepoint drops only its own queued writes', async () => {
    await db.knex.transaction(async (trx) => {
      await writeLater(trx, trx('wl_probe').insert({ tag: 'nested', t: 'outer' }));
      await trx
        .transaction(async (inner) => {
          await writeLater(inner, inner('wl_probe').insert({ tag: 'nested', t: 'inner' }));
          throw new Error('inner refused');
        })
        .catch(() => undefined);
      await writeLater(trx, trx('wl_probe').insert({ tag: 'nested', t: 'outer-after' }));
    });
    expect((await probe('nested')).map((r) => r.t)).toEqual(['outer', 'outer-after']);
  });

  it('a guarded write that changes no row fails the transaction as stale; one that changes one row commits', async () => {
    const [{ id }] = await db.knex('wl_probe').insert({ tag: 'guarded', t: 'v1', i: 1 }).returning('id');
    const write = (expected: number, t: string) =>
      db.knex.transaction(async (trx) => {
        await writeLater(trx, trx('wl_probe').insert({ tag: 'guarded-side', t }));
        const n = await writeLaterChangingOne(
          trx,
          trx('wl_probe')
            .where({ id, i: expected })
            .update({ t, i: expected + 1 }),
        );
        if (n !== 'queued' && n !== 1) throw new Error('zc_stale_write (counted)');
      });
    await write(1, 'v2');
    const stale = await write(1, 'v3').then(
      () => null,
      (err: unknown) => err,
    );
    expect(isStaleWrite(stale) || String((stale as Error)?.message).includes('counted')).toBe(true);
    if (dialect === 'sqlite') expect(isStaleWrite(stale)).toBe(true);
    expect((await probe('guarded')).map((r) => [r.t, Number(r.i)])).toEqual([['v2', 2]]);
    expect((await probe('guarded-side')).map((r) => r.t)).toEqual(['v2']);
  });

  it('a queued write that fails fails its whole transaction, even when a caller catches the error and goes on', async () => {
    await db.knex('wl_unique').insert({ k: 2 });
    const attempt = db.knex.transaction(async (trx) => {
      await writeLater(trx, trx('wl_probe').insert({ tag: 'caught', t: 'before' }));
      await writeLater(trx, trx('wl_unique').insert({ k: 2 }));
      await writeLater(trx, trx('wl_probe').insert({ tag: 'caught', t: 'after' }));
      // The queue goes with this statement and fails there; the caller takes it for this statement's own error.
      await trx('wl_probe')
        .insert({ tag: 'caught', t: 'bound' })
        .catch(() => undefined);
      await trx('wl_probe')
        .insert({ tag: 'caught', t: 'later' })
        .catch(() => undefined);
      // A savepoint released with the failure in its queue fails the same way.
      await trx
        .transaction(async (inner) => writeLater(inner, inner('wl_probe').insert({ tag: 'caught', t: 'nested' })))
        .catch(() => undefined);
    });
    await expect(attempt).rejects.toThrow(/UNIQUE|unique|duplicate|aborted/);
    expect(await probe('caught')).toEqual([]);
    await db.knex.transaction(async (trx) => writeLater(trx, trx('wl_probe').insert({ tag: 'caught-next', t: 'ok' })));
    expect((await probe('caught-next')).map((r) => r.t)).toEqual(['ok']);
  });

  it('a write queued after its transaction ended is refused, and never runs in a later one', async () => {
    let late: Promise<unknown> = Promise.resolve();
    await expect(
      db.knex.transaction(async (trx) => {
        late = (async () => {
          await new Promise((r) => setTimeout(r, 50));
          await writeLater(trx, trx('wl_probe').insert({ tag: 'late', t: 'x' }));
        })();
        throw new Error('refused first');
      }),
    ).rejects.toThrow('refused first');
    await expect(late).rejects.toThrow(/already complete/);
    await db.knex.transaction(async (trx) => trx('wl_probe').where({ tag: 'nothing' }));
    await db.knex('wl_probe').where({ tag: 'nothing' });
    expect(await probe('late')).toEqual([]);
  });

  it('an empty query in a transaction leaves the queue as it was', async () => {
    await db.knex.transaction(async (trx) => {
      await writeLater(trx, trx('wl_probe').insert({ tag: 'empty-query', t: '1' }));
      await trx('wl_probe')
        .insert([])
        .catch(() => undefined);
      await writeLater(trx, trx('wl_probe').insert({ tag: 'empty-query', t: '2' }));
    });
    expect((await probe('empty-query')).map((r) => r.t)).toEqual(['1', '2']);
  });

  it('queries issued side by side on one transaction run after the script before them, inside the transaction', async () => {
    await db.knex
      .transaction(async (trx) => {
        await writeLater(trx, trx('wl_probe').insert({ tag: 'side', t: 'queued' }));
        const seen = await Promise.all([trx('wl_probe').where({ tag: 'side' }), trx('wl_probe').where({ tag: 'side' })]);
        expect(seen.map((rows) => rows.length)).toEqual([1, 1]);
        await trx('wl_probe').insert({ tag: 'side', t: 'bound' });
        throw new Error('undo');
      })
      .catch(() => undefined);
    expect(await probe('side')).toEqual([]);
  });

  it.runIf(dialect === 'postgres')(
    'PostgreSQL: the client waits for a script as long as the server may take over each of its statements',
    async () => {
      // statement_timeout 1 s: the client alone gives up on one query after 3 s. Five statements of 0.7 s each fit the
      // server's limits; sent as one script, the client must not give up on it (and answer a COMMIT it made as failed).
      const short = openDatabase(url, { statementTimeoutMs: 1_000 });
      try {
        await short.knex.transaction(async (trx) => {
          for (let i = 0; i < 5; i++) {
            await writeLater(trx, trx('wl_probe').insert({ tag: 'slow-script', t: String(i) }));
            await writeLater(trx, trx.raw('select pg_sleep(0.7)'));
          }
        });
      } finally {
        await short.close();
      }
      expect(await probe('slow-script')).toHaveLength(5);
    },
    20_000,
  );

  it.runIf(dialect === 'postgres')(
    'PostgreSQL: a commit is answered once it is in the log — synchronous_commit off on the server is on for the process',
    async () => {
      // The test instance runs with synchronous_commit=off (tests/helpers/pg-server.ts): the setting as a server left
      // that way has it, and what this process's connections use instead.
      const db = openDatabase(url);
      try {
        const server = await db.knex.raw(`select reset_val from pg_settings where name = 'synchronous_commit'`);
        const mine = await db.knex.raw('show synchronous_commit');
        const was = server.rows[0].reset_val as string;
        // A server set stricter than off (on, remote_apply) keeps its own setting.
        expect(mine.rows[0].synchronous_commit).toBe(was === 'off' ? 'on' : was);
      } finally {
        await db.close();
      }
    },
  );
});
