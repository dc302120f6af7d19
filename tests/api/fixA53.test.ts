import { describe, expect, it } from 'vitest';
import { completeCreditCode } from '../../workflows/identifiers.ts';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * fixA53 (legal53a M2, L2, L3): conflicts of interest among agents, agents lacking their relationship or firm, an
 * employer's legal-aid agent, and sides the record cannot tell apart — warned of at APPOINT_AGENT (`warnings`) and at
 * registration (`partyWarnings`), never refused (workflows/agent-checks.ts; 律师法 Art. 39; LDMAL Arts. 22, 24).
 */
const { t, a } = apiSuite({ env: { TOKEN_TTL_HOURS: '100000' } });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';
type View = {
  id: number;
  applicants: { id: number; agents: { name: string }[] }[];
  respondents: { id: number; agents: { name: string }[] }[];
};
const joined = (w: unknown) => ((w ?? []) as string[]).join('\n');

describe(`fixA53 M2: one person for both sides (${DB})`, () => {
  it('APPOINT_AGENT warns of the other side’s agent and of its legal representative, naming both sides; recorded', async () => {
    const { c } = await caseAt(t, a, 'accepted', { body: standardApplication({ applicants: [worker('赵冲突', 531)] }) });
    const v = c as unknown as View;
    const [workerId, employerId] = [v.applicants[0]?.id, v.respondents[0]?.id];
    const on = '2026-03-20';
    const emp = await send(
      c,
      a.tokens.clerk,
      'APPOINT_AGENT',
      { partyId: employerId, agent: { name: '钱员工', kind: 'employee' }, powers: 'general', receivedOn: on },
      on,
    );
    expect(emp.status, JSON.stringify(emp.body)).toBe(200);
    expect(joined(emp.body.warnings)).not.toContain('钱员工');

    const both = await send(
      c,
      a.tokens.clerk,
      'APPOINT_AGENT',
      { partyId: workerId, agent: { name: '钱员工', kind: 'lawyer', unit: '聊城某律师事务所' }, powers: 'general', receivedOn: on },
      on,
    );
    expect(both.status, JSON.stringify(both.body)).toBe(200);
    const w = joined(both.body.warnings);
    expect(w).toContain('钱员工同时登记为申请人赵冲突和被申请人聊城某某机械有限公司的委托代理人');
    expect(w).toContain('律师法第三十九条');
    expect(w).toContain('同名不一定是同一人');
    // Recorded all the same: the worker has the agent.
    expect(both.body.applicants[0].agents.map((x: { name: string }) => x.name)).toContain('钱员工');

    // The employer's legal representative (李四) as the worker's agent.
    const rep = await send(
      c,
      a.tokens.clerk,
      'APPOINT_AGENT',
      { partyId: workerId, agent: { name: '李四', kind: 'relative', relationship: '朋友' }, powers: 'general', receivedOn: on },
      on,
    );
    expect(rep.status, JSON.stringify(rep.body)).toBe(200);
    expect(joined(rep.body.warnings)).toContain('申请人赵冲突的委托代理人李四与对方当事人被申请人聊城某某机械有限公司的法定代表人同名');
  });

  it('registration says the same (partyWarnings), once per pair; a plain application says nothing', async () => {
    const r = await t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        applicants: [{ ...worker('孙冲突', 532), agents: [{ name: '钱员工', kind: 'lawyer', unit: '某律师事务所' }] }],
        respondents: [
          {
            ...employer(),
            agents: [
              { name: '钱员工', kind: 'employee' },
              { name: '孙冲突', kind: 'employee' },
            ],
          },
        ],
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const pw = r.body.partyWarnings as string[];
    expect(pw.filter((x) => x.includes('钱员工同时登记为'))).toHaveLength(1);
    expect(joined(pw)).toContain('被申请人聊城某某机械有限公司的委托代理人孙冲突与对方当事人申请人孙冲突同名');

    const plain = await registerCase(t, a, standardApplication({ applicants: [worker('周无事', 533)] }));
    expect((plain as Record<string, unknown>).partyWarnings).toBeUndefined();
  });

  it('a correction of the parties before acceptance says the same (reviewer s53 A L3); one of other fields says nothing', async () => {
    const c = (await registerCase(t, a, standardApplication({ applicants: [worker('郑更正', 535)] }))) as unknown as View;
    const [w0, e0] = [c.applicants[0], c.respondents[0]];
    const r = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, {
      applicants: [{ ...worker('郑更正', 535), id: w0?.id, agents: [{ name: '冯双方', kind: 'lawyer', unit: '某律师事务所' }] }],
      respondents: [{ ...employer(), id: e0?.id, agents: [{ name: '冯双方', kind: 'employee' }] }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((r.body.partyWarnings as string[]).filter((x) => x.includes('冯双方同时登记为'))).toHaveLength(1);
    expect(r.body.applicants[0].agents.map((x: { name: string }) => x.name)).toEqual(['冯双方']);
    const facts = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { facts: '更正后的事实与理由' });
    expect(facts.status, JSON.stringify(facts.body)).toBe(200);
    expect(facts.body.partyWarnings).toBeUndefined();
  });
});

describe(`fixA53 L2: an agent lacking his relationship or firm, an employer's legal-aid agent (${DB})`, () => {
  it('APPOINT_AGENT and registration warn, and record', async () => {
    const { c } = await caseAt(t, a, 'accepted', { body: standardApplication({ applicants: [worker('吴缺项', 534)] }) });
    const v = c as unknown as View;
    const on = '2026-03-20';
    const relative = await ok(
      c,
      a.tokens.clerk,
      'APPOINT_AGENT',
      {
        partyId: v.applicants[0]?.id,
        agent: { name: '吴小妹', kind: 'relative' },
        powers: 'general',
        receivedOn: on,
      },
      on,
    );
    expect(joined(relative.warnings)).toContain('吴小妹登记为近亲属，未填写与当事人的关系：');
    const lawyer = await ok(
      c,
      a.tokens.clerk,
      'APPOINT_AGENT',
      {
        partyId: v.respondents[0]?.id,
        agent: { name: '郑律师', kind: 'lawyer' },
        powers: 'special',
        receivedOn: on,
      },
      on,
    );
    expect(joined(lawyer.warnings)).toContain('郑律师登记为律师，未填写所在律师事务所：请补填');
    const aid = await ok(
      c,
      a.tokens.clerk,
      'APPOINT_AGENT',
      {
        partyId: v.respondents[0]?.id,
        agent: { name: '王援助', kind: 'legal_aid', unit: '聊城市法律援助中心' },
        powers: 'general',
        receivedOn: on,
      },
      on,
    );
    expect(joined(aid.warnings)).toContain('被申请人聊城某某机械有限公司是用人单位一方，其委托代理人王援助登记为法律援助');
    // A worker's legal-aid agent is what legal aid is for: no such warning.
    const own = await ok(
      c,
      a.tokens.clerk,
      'APPOINT_AGENT',
      {
        partyId: v.applicants[0]?.id,
        agent: { name: '刘援助', kind: 'legal_aid', unit: '聊城市法律援助中心' },
        powers: 'general',
        receivedOn: on,
      },
      on,
    );
    expect(joined(own.warnings)).not.toContain('法律援助');

    const r = await t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        applicants: [{ ...worker('冯缺项', 535), agents: [{ name: '冯小弟', kind: 'relative' }] }],
        respondents: [
          {
            ...employer(),
            agents: [
              { name: '陈律师', kind: 'lawyer' },
              { name: '褚援助', kind: 'legal_aid' },
            ],
          },
        ],
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const pw = joined(r.body.partyWarnings);
    expect(pw).toContain('冯小弟登记为近亲属，未填写与当事人的关系');
    expect(pw).toContain('陈律师登记为律师，未填写所在律师事务所');
    expect(pw).toContain('褚援助登记为法律援助');
  });
});

describe(`fixA53 L3: both sides natural persons, no side marked as the employer (${DB})`, () => {
  it('a mediation registration warns that the worker cannot be told from the employer; with ownership it does not', async () => {
    const body = (ownership?: string) =>
      standardApplication({
        track: 'mediation',
        applicants: [{ ...worker('蒋老板', 536), ...(ownership ? { ownership } : {}) }],
        respondents: [worker('沈伙计', 537)],
        claims: [{ category: 'damages', amount: '5000.00', description: '赔偿损失' }],
      });
    const r = await t.api(a.tokens.mediator).post('/api/cases', body());
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(joined(r.body.partyWarnings)).toContain('系统无法分辨哪一方是用人单位');
    const marked = await t.api(a.tokens.mediator).post('/api/cases', body('private'));
    expect(marked.status, JSON.stringify(marked.body)).toBe(201);
    expect(marked.body.partyWarnings).toBeUndefined();
  });
});

describe(`recheck54 A: a union registered against an employer without its ground (${DB})`, () => {
  it('warns that the case has no worker and names the union ground; with collectiveGround union_applicant it does not', async () => {
    const union = {
      ...employer('聊城某某机械有限公司工会委员会'),
      creditCode: completeCreditCode('81371500MA3C7K2L1'),
      legalRepresentative: '周主席',
    };
    const body = (ground?: boolean) =>
      standardApplication({
        applicants: [union],
        respondents: [employer()],
        claims: [{ category: 'other', description: '履行集体合同约定的工资调整' }],
        ...(ground ? { collective: true, collectiveGround: 'union_applicant' } : {}),
      });
    const r = await t.api(a.tokens.clerk).post('/api/cases', body());
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(joined(r.body.partyWarnings)).toContain('本案没有劳动者一方');
    expect(joined(r.body.partyWarnings)).toContain('union_applicant');
    const grounded = await t.api(a.tokens.clerk).post('/api/cases', body(true));
    expect(grounded.status, JSON.stringify(grounded.body)).toBe(201);
    expect(joined(grounded.body.partyWarnings)).not.toContain('本案没有劳动者一方');
  });
});
