/**
 * A client of the Zhongcai API typed from the published document alone (issue 14 item 4): `openapi-typescript`
 * generates `generated/zhongcai-api.ts` from /openapi.json (`npm run client:generate`, or the test that runs this
 * program), and `openapi-fetch` sends the requests. No cast anywhere: a path, a parameter, a body or a field the
 * document does not declare fails to type-check (`tsc -p examples/typed-client`).
 *
 * The walk: a clerk registers an application and accepts it, the chair forms a sole-arbitrator tribunal, the
 * arbitrator schedules and holds the hearing and issues the award; then the case's deadlines, the due list and the
 * award document (generated, then downloaded as PDF) are read.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './generated/zhongcai-api.ts';

type Case = components['schemas']['Case'];
type Deadline = components['schemas']['Deadline'];
type Problem = components['schemas']['Problem'];
type ProcedureEvent = components['schemas']['ProcedureEvent'];

export interface Login {
  username: string;
  password: string;
}

export interface WalkResult {
  registered: components['schemas']['RegisteredCase'];
  awarded: Case;
  deadlines: Deadline[];
  due: components['schemas']['DueDeadline'][];
  document: components['schemas']['GeneratedDocuments'];
  pdf: Uint8Array;
  /** The problem the server answered to a stale If-Match (typed from the 412 response). */
  stale: Problem;
}

/** The body of a typed answer, or an error naming the problem the server sent. */
function must<T>(r: { data?: T; error?: unknown; response: Response }, what: string): T {
  if (r.data === undefined) throw new Error(`${what}: ${r.response.status} ${JSON.stringify(r.error)}`);
  return r.data;
}

async function signIn(baseUrl: string, who: Login): Promise<Client<paths>> {
  const anonymous = createClient<paths>({ baseUrl });
  const session = must(await anonymous.POST('/api/auth/login', { body: who }), `login ${who.username}`);
  const client = createClient<paths>({ baseUrl });
  client.use({
    onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${session.token}`);
      return request;
    },
  });
  return client;
}

export async function walkToAward(baseUrl: string, who: { clerk: Login; chair: Login; arbitrator: Login }): Promise<WalkResult> {
  const clerk = await signIn(baseUrl, who.clerk);
  const chair = await signIn(baseUrl, who.chair);
  const arbitrator = await signIn(baseUrl, who.arbitrator);
  const me = must(await arbitrator.GET('/api/auth/me'), 'me');

  const registered = must(
    await clerk.POST('/api/cases', {
      body: {
        track: 'arbitration',
        receivedOn: '2026-03-02',
        channel: 'counter',
        district: '东昌府区',
        applicants: [
          { kind: 'person', name: '张三', idNumber: '371502199001011234', phone: '13800000000', address: '聊城市东昌府区柳园街道' },
        ],
        respondents: [
          { kind: 'organization', name: '聊城某某机械有限公司', creditCode: '91371500MA3C7K2L12', legalRepresentative: '李四' },
        ],
        claims: [
          { category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' },
          { category: 'economic_compensation', amount: '26400.00', description: '解除劳动合同经济补偿' },
        ],
        facts: '申请人于2023年3月入职被申请人处，2025年12月被辞退。',
      },
      headers: { 'Idempotency-Key': `typed-client-${Date.now()}` },
    }),
    'register',
  );
  const id = registered.id;

  // One event: the body is a member of the ProcedureEvent union, told apart by `type`; If-Match carries the version.
  let version = registered.version;
  const send = async (client: Client<paths>, event: ProcedureEvent): Promise<Case> => {
    const c = must(
      await client.POST('/api/cases/{id}/events', { params: { path: { id }, header: { 'If-Match': `"${version}"` } }, body: event }),
      event.type,
    );
    version = c.version;
    return c;
  };
  await send(clerk, { type: 'ACCEPT', occurredOn: '2026-03-04' });
  await send(chair, { type: 'FORM_TRIBUNAL', occurredOn: '2026-03-05', arbitratorIds: [me.id], presidingId: me.id });
  await send(arbitrator, {
    type: 'SCHEDULE_HEARING',
    occurredOn: '2026-03-09',
    hearingOn: '2026-03-25',
    place: '第一仲裁庭',
    time: '09:30',
  });

  // A write with a stale version is refused with a typed 412 problem naming the current version.
  const stale = await arbitrator.POST('/api/cases/{id}/events', {
    params: { path: { id }, header: { 'If-Match': `"${version - 1}"` } },
    body: { type: 'HOLD_HEARING', occurredOn: '2026-03-25', applicantPresent: true, respondentPresent: true },
  });
  if (stale.error === undefined || stale.response.status !== 412) throw new Error(`stale If-Match: ${stale.response.status}`);

  await send(arbitrator, { type: 'HOLD_HEARING', occurredOn: '2026-03-25', applicantPresent: true, respondentPresent: true });
  const awarded = await send(arbitrator, {
    type: 'ISSUE_AWARD',
    occurredOn: '2026-03-30',
    items: registered.claims.map((claim) => ({ claimId: claim.id, outcome: 'granted' as const, amount: claim.amount ?? undefined })),
    facts: '申请人于2023年3月入职被申请人处，月工资4000元，被申请人拖欠其2025年10月至12月工资。',
    reasoning: '用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。',
    defenseSummary: '被申请人辩称其已足额支付工资，不同意申请人的请求。',
  });

  const deadlines = must(await clerk.GET('/api/cases/{id}/deadlines', { params: { path: { id } } }), 'deadlines');
  // Every list answers the envelope {items, total, page, pageSize} (this one adds `overdue`).
  const due = must(await clerk.GET('/api/deadlines', { params: { query: { within: 30 } } }), 'due deadlines').items;
  const document = must(
    await arbitrator.POST('/api/cases/{id}/documents', { params: { path: { id } }, body: { kind: 'award' } }),
    'award document',
  );
  const pdf = must(
    await arbitrator.GET('/api/documents/{id}', { params: { path: { id: document.id } }, parseAs: 'arrayBuffer' }),
    'download',
  );
  return { registered, awarded, deadlines, due, document, pdf: new Uint8Array(pdf), stale: stale.error };
}
