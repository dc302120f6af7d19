import { describe, expect, it } from 'vitest';
import { inlineNumbered } from '../../db/write-later.ts';

/**
 * A PostgreSQL statement as the driver gets it ($1, $2, …) with numbers, booleans and nulls written in (db/write-later.ts
 * inlineNumbered): what lets a statement share one message with the queued writes before it (db/knex.ts).
 */
describe('inlineNumbered', () => {
  it('writes numbers, booleans and nulls in as the literals PostgreSQL types from their context', () => {
    expect(inlineNumbered('select "id" from "cases" where "id" = $1 limit $2 for update', [42, 1])).toBe(
      `select "id" from "cases" where "id" = '42' limit '1' for update`,
    );
    expect(inlineNumbered('update t set a = $1, b = $2 where c = $3', [true, null, -7])).toBe(
      `update t set a = 'true', b = NULL where c = '-7'`,
    );
    expect(inlineNumbered('select $1, $2, $3, $4, $5, $6, $7, $8, $9, $10', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(
      `select '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'`,
    );
    expect(inlineNumbered('select 1', [])).toBe('select 1');
  });

  it('leaves every statement with a text parameter alone: its text may be personal, and a failed simple query is logged whole', () => {
    expect(inlineNumbered('select * from parties where id_number = $1', ['371502199001011234'])).toBeNull();
    expect(inlineNumbered('select $1, $2', [1, 'x'])).toBeNull();
    expect(inlineNumbered('select $1', [new Date(0)])).toBeNull();
    expect(inlineNumbered('select $1', [Number.NaN])).toBeNull();
  });

  it('reads $ inside quoted text, quoted names and comments as text, and refuses what it cannot read for sure', () => {
    expect(inlineNumbered(`select '$1 ''x''', "a$1" from t where id = $1`, [5])).toBe(`select '$1 ''x''', "a$1" from t where id = '5'`);
    expect(inlineNumbered('select 1 -- $1\nwhere id = $1', [3])).toBe(`select 1 -- $1\nwhere id = '3'`);
    expect(inlineNumbered('select /* $1 */ $1', [3])).toBe(`select /* $1 */ '3'`);
    // Dollar quoting, escape strings, parameters out of order or missing, an identifier with a $, an open quote.
    expect(inlineNumbered('select $$x$$ where id = $1', [1])).toBeNull();
    expect(inlineNumbered(`select E'\\n' where id = $1`, [1])).toBeNull();
    expect(inlineNumbered('select $2, $1', [1, 2])).toBeNull();
    expect(inlineNumbered('select $1', [1, 2])).toBeNull();
    expect(inlineNumbered('select $1, $2', [1])).toBeNull();
    expect(inlineNumbered('select a$1 from t', [])).toBeNull();
    expect(inlineNumbered(`select 'open where id = $1`, [1])).toBeNull();
  });
});
