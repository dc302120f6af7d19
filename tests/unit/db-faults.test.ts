import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { databaseFaultError } from '../../app/errors.ts';
import { classifyDatabaseError } from '../../db/knex.ts';
import { createLogLimiter } from '../../server/http/errors.ts';

describe('database faults', () => {
  it('driver errors of each kind are classified once, everything else is not a fault', () => {
    const cases: [unknown, string | null][] = [
      [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), 'unavailable'],
      [new Error('Connection terminated unexpectedly'), 'unavailable'],
      [new Error('ROLLBACK - Connection terminated unexpectedly'), 'unavailable'],
      [new Error('insert into "cases" … - Query read timeout'), 'timeout'],
      [new Error('timeout exceeded when trying to connect'), 'unavailable'],
      [new Error('timeout expired'), 'unavailable'], // pg: connectionTimeoutMillis (a frozen server)
      [new Error('the deadline timeout expired for the report'), null],
      [new Error('Query read timeout'), 'timeout'],
      [Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), 'unavailable'],
      [Object.assign(new Error('the database system is starting up'), { code: '57P03' }), 'unavailable'],
      [Object.assign(new Error('could not extend file: No space left on device'), { code: '53100' }), 'full'],
      [Object.assign(new Error('sorry, too many clients already'), { code: '53300' }), 'busy'],
      [Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }), 'timeout'],
      [Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' }), 'busy'],
      [Object.assign(new Error('deadlock detected'), { code: '40P01' }), 'busy'],
      [Object.assign(new Error('cannot execute INSERT in a read-only transaction'), { code: '25006' }), 'read_only'],
      [Object.assign(new Error('SQLITE_READONLY: attempt to write a readonly database'), { code: 'SQLITE_READONLY' }), 'read_only'],
      [Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' }), 'busy'],
      [Object.assign(new Error('SQLITE_FULL: database or disk is full'), { code: 'SQLITE_FULL' }), 'full'],
      [Object.assign(new Error('SQLITE_IOERR: disk I/O error'), { code: 'SQLITE_IOERR' }), 'unavailable'],
      [Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' }), 'busy'],
      [Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }), null],
      [Object.assign(new Error('SQLITE_CONSTRAINT: UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT' }), null],
      [new TypeError("Cannot read properties of undefined (reading 'x')"), null],
      [null, null],
    ];
    for (const [err, want] of cases) expect(classifyDatabaseError(err), String((err as Error)?.message)).toBe(want);
  });

  it('a fault becomes a 503 problem with Retry-After seconds, longer when the disk is full', () => {
    const busy = databaseFaultError(Object.assign(new Error('x'), { code: 'SQLITE_BUSY' }));
    expect(busy).toMatchObject({ status: 503, type: 'unavailable', extra: { retryAfterSeconds: 2, fault: 'busy' } });
    expect(databaseFaultError(Object.assign(new Error('x'), { code: '53100' }))?.extra.retryAfterSeconds).toBe(60);
    expect(databaseFaultError(new Error('a bug'))).toBeNull();
    // Read-only is not "cannot connect": the operator is told what it is.
    const ro = databaseFaultError(Object.assign(new Error('x'), { code: '25006' }));
    expect(ro).toMatchObject({ status: 503, extra: { fault: 'read_only' } });
    expect(ro?.message).toContain('只读');
  });
});

describe('error log rate limit', () => {
  it('writes at most N lines a minute and then one line counting the rest', () => {
    const lines: { msg: string; suppressed?: number }[] = [];
    const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
    let now = 0;
    const limit = createLogLimiter(logger, 5, () => now);
    for (let i = 0; i < 1000; i++) limit(() => logger.error(`boom ${i}`));
    expect(lines.map((l) => l.msg)).toEqual(['boom 0', 'boom 1', 'boom 2', 'boom 3', 'boom 4']);
    now = 30_000;
    limit(() => logger.error('still the same minute'));
    expect(lines).toHaveLength(5);
    now = 60_000;
    limit(() => logger.error('next minute'));
    expect(lines.slice(5).map((l) => [l.msg, l.suppressed])).toEqual([
      ['error log rate limit: 996 lines suppressed in the last minute', 996],
      ['next minute', undefined],
    ]);
  });
});
