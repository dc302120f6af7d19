import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../workflows/procedure-types.ts';
import { ROLE_CODES } from '../../workflows/reference.ts';
import { EVENT_ROLES } from '../../workflows/roles.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { type Actors, createActors, registerCase, samplePayload } from '../helpers/procedure.ts';

let t: TestApp;
let a: Actors;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-20T02:00:00Z' });
  a = await createActors(t);
});
afterAll(async () => t?.close());

describe(`role matrix: every event × every role (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('answers 403 exactly when the role may not send the event', async () => {
    const c = await registerCase(t, a);
    const arbIds = a.arbitrators.map((x) => x.id);
    const mismatches: string[] = [];
    for (const type of EVENT_TYPES) {
      for (const role of ROLE_CODES) {
        // 403 does not depend on the state; a request that succeeds moves the case on, so a fresh one is registered.
        const r = await t.api(a.tokens[role]).post(`/api/cases/${c.id}/events`, { type, ...samplePayload(type, c, arbIds, '2026-11-20') });
        const allowed = EVENT_ROLES[type].includes(role);
        if (r.status === 400) mismatches.push(`${type}/${role}: 400 ${JSON.stringify(r.body.errors)}`);
        else if (allowed === (r.status === 403)) mismatches.push(`${type}/${role}: ${r.status}`);
        if (r.status === 200) {
          // Keep the case in its registration state for the next probes: undo is impossible, so register anew.
          Object.assign(c, await registerCase(t, a));
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
