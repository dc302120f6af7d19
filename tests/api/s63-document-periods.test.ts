import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * s63 A (documents, walkers' findings), through the HTTP API and the rendered PDFs' text:
 * #1 the 中止审理决定书 cites the item of Rules Art. 47 its suspension rests on (SUSPEND `ground`: 第四十七条第（六）项),
 *    the case view carrying the ground; a suspension without one — or recorded before the ground was kept in the
 *    case — cites the article alone, as before.
 */
const DB = process.env.TEST_DB ?? 'sqlite';
type Body = Record<string, unknown>;
type Suspension = { from: string; to: string | null; reason: string; ground?: string };

const { t, a } = apiSuite({ now: '2026-05-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok } = caseEvents(() => t);
const view = async (app: TestApp, id: number) => (await app.api(a.tokens.clerk).get(`/api/cases/${id}`)).body as CaseView & Body;
const suspensionsOf = (v: Body) => (v.proceedings as { suspensions: Suspension[] }).suspensions;
/** Simulates a case stored before s63: the context without the field named. */
async function storedBefore(app: TestApp, caseId: number, drop: (ctx: Body) => void) {
  const row = await app.db.knex('cases').where({ id: caseId }).first('snapshot');
  const snap = typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot;
  drop(snap.context);
  await app.db
    .knex('cases')
    .where({ id: caseId })
    .update({ snapshot: JSON.stringify(snap) });
}

describe(`s63 A #1: the 中止审理决定书 cites Rules Art. 47's item when the ground was recorded (${DB})`, () => {
  it('appraisal → 第四十七条第（六）项, pending_case → 第（五）项, none → the article alone; the view carries the ground', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed', { body: standardApplication({ applicants: [worker('中止事由', 631)] }) });
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-03-10');
    await ok(c, a.tokens.chair, 'RESUME', { reason: '工伤认定结论已作出' }, '2026-03-20');
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待另案审理结果', ground: 'pending_case' }, '2026-03-23');
    await ok(c, a.tokens.chair, 'RESUME', { reason: '另案已审结' }, '2026-03-27');
    const last = await ok(c, a.tokens.chair, 'SUSPEND', { reason: '申请人住院治疗' }, '2026-03-30');
    const s = suspensionsOf(last as unknown as Body);
    expect(s.map((x) => x.ground)).toEqual(['appraisal', 'pending_case', undefined]);
    expect(s[2]).not.toHaveProperty('ground');

    const first = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'suspension', occurrence: 1 });
    expect(first).toContain(
      '因等待工伤认定结论，依照《劳动人事争议仲裁办案规则》第四十七条第（六）项之规定，经本委主任批准，决定本案自二〇二六年三月十日起中止审理',
    );
    const second = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'suspension', occurrence: 2 });
    expect(second).toContain(
      '依照《劳动人事争议仲裁办案规则》第四十七条第（五）项之规定，经本委主任批准，决定本案自二〇二六年三月二十三日起中止审理',
    );
    const third = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'suspension', occurrence: 3 });
    expect(third).toContain('依照《劳动人事争议仲裁办案规则》第四十七条之规定，经本委主任批准，决定本案自二〇二六年三月三十日起中止审理');
    expect(third).not.toContain('第四十七条第');
  });

  it('a suspension stored before the ground was kept in the case reads as before: the article alone, and the view has no ground', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed', { body: standardApplication({ applicants: [worker('中止旧档', 632)] }) });
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-03-10');
    await storedBefore(t, c.id, (ctx) => {
      for (const x of ctx.suspensions as Body[]) delete x.ground;
    });
    const v = await view(t, c.id);
    expect(suspensionsOf(v)[0]).not.toHaveProperty('ground');
    const text = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'suspension' });
    expect(text).toContain(
      '因等待工伤认定结论，依照《劳动人事争议仲裁办案规则》第四十七条之规定，经本委主任批准，决定本案自二〇二六年三月十日起中止审理',
    );
    expect(text).not.toContain('第（六）项');
  });
});
