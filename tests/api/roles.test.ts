import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../workflows/procedure-types.ts';
import { ROLE_CODES } from '../../workflows/reference.ts';
import { EVENT_ROLES } from '../../workflows/roles.ts';
import { apiSuite } from '../helpers/case-fixtures.ts';
import { samplePayload, scopedCase } from '../helpers/procedure.ts';

const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });

/**
 * The role dimension alone: on a case every test user has in scope (its tribunal, its assigned mediator), 403 comes
 * exactly when EVENT_ROLES leaves the role out. ASSIGN_MEDIATOR has finer rules (the chair only before a tribunal, the
 * clerk only on the mediation track): tests/api/authorization-matrix.test.ts covers scope and those rules.
 */
describe(`role matrix: every event × every role (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('answers 403 exactly when the role may not send the event', async () => {
    const c = await scopedCase(t, a);
    const arbIds = a.arbitrators.map((x) => x.id);
    const mismatches: string[] = [];
    for (const type of EVENT_TYPES.filter((x) => x !== 'ASSIGN_MEDIATOR')) {
      for (const role of ROLE_CODES) {
        // 403 does not depend on the state; a request that succeeds moves the case on, so a fresh one is prepared.
        const r = await t
          .api(a.tokens[role])
          .post(`/api/cases/${c.id}/events`, { type, ...samplePayload(type, c, arbIds, '2026-11-20', a.ids.mediator) });
        const allowed = EVENT_ROLES[type].includes(role);
        if (r.status === 400) mismatches.push(`${type}/${role}: 400 ${JSON.stringify(r.body.errors)}`);
        else if (allowed === (r.status === 403)) mismatches.push(`${type}/${role}: ${r.status} ${r.body.detail ?? ''}`);
        if (r.status === 200) Object.assign(c, await scopedCase(t, a));
      }
    }
    expect(mismatches).toEqual([]);
  });
});
