import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { caseEvents } from '../helpers/case-fixtures.ts';
import { application, worker } from '../helpers/fixtures.ts';
import { createActors } from '../helpers/procedure.ts';

/**
 * The rules and the deadlines number the parties they concern (PartyRef holds ids): a clerk reading "送达追加当事人
 * （当事人57）" on the workbench cannot tell whom to serve. The case view and the due list name the party
 * (workflows/labels.ts `namePartiesIn`); `partyId` keeps the number for a program.
 */
type Deadline = { caseId: number; kind: string; label: string; explanation: string; partyId?: number; dueOn: string | null };
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-12T02:00:00Z' });
});
afterAll(async () => t?.close());

const ADDED = '聊城某某劳务派遣有限公司';

describe(`deadlines name the party they concern (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('an added party to serve: named in the case view and in GET /api/deadlines, its id kept in partyId', async () => {
    const a = await createActors(t);
    const { ok } = caseEvents<{ id: number; deadlines: Deadline[]; respondents: { id: number; name: string }[] }>(() => t);
    const c = (
      await t
        .api(a.tokens.clerk)
        .post('/api/cases', application({ receivedOn: '2026-03-02', applicants: [worker('钱二', 600)] }))
        .expect(201)
    ).body;
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const v = await ok(
      c,
      a.tokens.clerk,
      'ADD_PARTY',
      {
        side: 'respondent',
        ground: 'dispatch',
        initiative: 'tribunal',
        party: { kind: 'organization', name: ADDED, legalRepresentative: '周某', address: '聊城市东昌府区' },
      },
      '2026-03-12',
    );
    const added = v.respondents.find((p) => p.name === ADDED);
    expect(added).toBeDefined();
    const inView = v.deadlines.find((d) => d.kind === 'serve_added_party');
    expect(inView).toMatchObject({ partyId: added?.id });
    expect(inView?.label).toContain(ADDED);
    expect(inView?.label).not.toMatch(/当事人\d/);
    // The same on a fresh read, and on the due list every clerk starts the day with.
    const read = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`).expect(200);
    expect(read.body.deadlines.find((d: Deadline) => d.kind === 'serve_added_party')?.label).toBe(inView?.label);
    const own = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/deadlines`).expect(200);
    expect(own.body.find((d: Deadline) => d.kind === 'serve_added_party')).toMatchObject({ partyId: added?.id, label: inView?.label });
    const due = await t.api(a.tokens.clerk).get('/api/deadlines?within=60&assignee=all&pageSize=200').expect(200);
    const listed = (due.body.items as Deadline[]).find((d) => d.caseId === c.id && d.kind === 'serve_added_party');
    expect(listed).toMatchObject({ partyId: added?.id, label: inView?.label });
    for (const d of due.body.items as Deadline[]) expect(`${d.label} ${d.explanation}`).not.toMatch(/当事人\d/);
  });
});
