import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView } from '../helpers/case-fixtures.ts';
import { employer, idNumber, worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * A new user's walk (M3): a registration correction recorded that all the fields the form sent had changed, though
 * only an applicant's name had. The history entry (UPDATE_REGISTRATION) says what really changed — computed from the
 * case as stored before and as written — and masks it for each reader as the entry's before and after are masked.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });

type Change = { field: string; label: string; text: string; before?: unknown; after?: unknown; withheld?: true };
type Entry = { type: string; payload: { fields?: string[]; changes?: Change[] } };

/** The whole registration form as the web sends it: every field, with the parties' and claims' ids. */
function wholeForm(c: CaseView, applicant: Record<string, unknown>) {
  return {
    receivedOn: c.receivedOn,
    channel: c.channel,
    district: c.district,
    procedure: c.procedure,
    wageArrears: c.wageArrears,
    facts: c.facts,
    applicants: [{ ...worker('王大锤', 301), id: c.applicants[0]?.id, ...applicant }],
    respondents: [{ ...employer(), id: c.respondents[0]?.id }],
    claims: c.claims.map((cl: Record<string, unknown>) => ({
      id: cl.id,
      category: cl.category,
      amount: cl.amount,
      description: cl.description,
    })),
  };
}

const lastCorrection = async (token: string, id: number) => {
  const r = await t.api(token).get(`/api/cases/${id}/events`);
  expect(r.status).toBe(200);
  return (r.body as Entry[]).findLast((e) => e.type === 'UPDATE_REGISTRATION') as Entry;
};

describe(`what a registration correction changed (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('one name corrected in a whole form sent: the entry lists that one change, named by party and field', async () => {
    const c = await registerCase(t, a, standardApplication({ applicants: [worker('王大锤', 301)], respondents: [employer()] }));
    const r = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, wholeForm(c, { name: '王大槌' }));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const e = await lastCorrection(a.tokens.clerk, c.id);
    expect(e.payload.fields).toEqual(['applicants']);
    expect(e.payload.changes).toEqual([
      expect.objectContaining({ field: 'applicants.0.name', before: '王大锤', after: '王大槌', text: '申请人1姓名：王大锤 → 王大槌' }),
    ]);
    // A form sent again unchanged records nothing: same version, no entry (sec50 H1; tests/api/fixS50.test.ts).
    const again = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, wholeForm(r.body, { name: '王大槌' }));
    expect(again.body.version).toBe(r.body.version);
    expect((await lastCorrection(a.tokens.clerk, c.id)).payload.changes).toHaveLength(1);
  });

  it('a changed identity number and phone: masked for everyone, and a masked reader reads only that they changed', async () => {
    const c = await registerCase(t, a, standardApplication({ applicants: [worker('王大锤', 301)], respondents: [employer()] }));
    const oldId = (c.applicants[0] as unknown as { idNumber: string }).idNumber;
    const newId = idNumber('371502', '19900101', 303);
    const newPhone = '13912345678';
    const r = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, wholeForm(c, { idNumber: newId, phone: newPhone }));
    expect(r.status, JSON.stringify(r.body)).toBe(200);

    // The clerk reads in full: the phone's change in words; the identity number masked, as the history always masks it.
    const full = await lastCorrection(a.tokens.clerk, c.id);
    const fullText = (full.payload.changes ?? []).map((x) => x.text);
    expect(fullText).toContain('申请人1联系电话：13800000000 → 13912345678');
    expect(fullText).toContain(
      `申请人1公民身份号码：${oldId.slice(0, 4)}**********${oldId.slice(-4)} → ${newId.slice(0, 4)}**********${newId.slice(-4)}`,
    );
    expect(JSON.stringify(full)).not.toContain(newId);
    expect(JSON.stringify(full)).not.toContain(oldId);

    // An arbitrator of no tribunal of this case reads it masked: no phone, no full number, only that they changed.
    const masked = await lastCorrection(a.tokens.arbitrator, c.id);
    const words = JSON.stringify(masked);
    for (const secret of [newId, oldId, newPhone, '13800000000']) expect(words).not.toContain(secret);
    const byField = Object.fromEntries((masked.payload.changes ?? []).map((x) => [x.field, x]));
    expect(byField['applicants.0.phone']).toEqual({
      field: 'applicants.0.phone',
      label: '申请人1联系电话',
      withheld: true,
      text: '申请人1联系电话已修改',
    });
    expect(byField['applicants.0.idNumber']?.text).toContain('**********');

    // An analyst reads who did what when, nothing of the payload.
    expect((await lastCorrection(a.tokens.analyst, c.id)).payload).toEqual({});
  });
});
