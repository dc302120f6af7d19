import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { application } from '../helpers/fixtures.ts';

let t: TestApp;
let clerk: string;
beforeAll(async () => {
  t = await startTestApp();
  clerk = await t.tokenFor('clerk');
});
afterAll(async () => t?.close());

const count = async () => Number((await t.db.knex('cases').count<{ n: number }[]>({ n: '*' }).first())?.n);

/** Replaces one value somewhere inside a valid body with something else. */
function mutate(body: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || body === null || typeof body !== 'object') return replacement;
  const entries = Array.isArray(body) ? body.map((v, i) => [i, v] as const) : Object.entries(body);
  if (entries.length === 0) return replacement;
  const [head, ...rest] = path;
  const idx = (head as number) % entries.length;
  const copy = (Array.isArray(body) ? [...body] : { ...(body as object) }) as Record<string | number, unknown>;
  const [k, v] = entries[idx] as readonly [string | number, unknown];
  copy[k] = mutate(v, rest, replacement);
  return copy;
}

const weird = fc.oneof(
  fc.anything(),
  fc.string(),
  fc.constantFrom(
    '',
    '2026-02-30',
    '371502199001011235',
    '91371500MA3C7K2L13',
    '12.345',
    '-1',
    'NaN',
    '\u0000',
    '%',
    "'; drop table cases; --",
  ),
  fc.integer(),
  fc.double(),
  fc.constant(null),
);

describe(`POST /api/cases under random and mutated bodies (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('never answers 5xx and stores nothing for invalid bodies', async () => {
    const before = await count();
    let created = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc
            .record({ path: fc.array(fc.nat(), { maxLength: 5 }), value: weird })
            .map(({ path, value }) => mutate(application(), path, value)),
        ),
        async (body) => {
          const r = await request(t.app)
            .post('/api/cases')
            .set('Authorization', `Bearer ${clerk}`)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
          expect(r.status).toBeLessThan(500);
          if (r.status === 201) created++;
          else {
            expect(r.status).toBe(400);
            expect(r.type).toBe('application/problem+json');
          }
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1500) },
    );
    // A mutation can still be valid (e.g. another valid name); every other body changed nothing.
    expect(await count()).toBe(before + created);
  });
});
