import { describe, expect, it } from 'vitest';
import { apiSuite } from '../helpers/case-fixtures.ts';
import { application, employer, worker } from '../helpers/fixtures.ts';
import { registerCase } from '../helpers/procedure.ts';

/** The lead's fixes at stop 50. */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z' });

type Deadline = { kind: string; status: string; dueOn: string; explanation: string };

describe(`lead50 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('med49 L1: a review application filed after the 15 days reads as a ground not to accept, not as a duty done late', async () => {
    const c = await registerCase(
      t,
      a,
      application({
        track: 'review',
        receivedOn: '2026-04-01',
        applicants: [worker('孙九', 459)],
        respondents: [employer('聊城某某物流有限公司')],
        claims: [{ category: 'wages', amount: '5000.00', description: '支付2026年1月工资5000元' }],
        agreement: {
          effectiveOn: '2026-03-02',
          organization: '东昌府区古楼街道劳动争议调解委员会',
          terms: '被申请人于2026年3月31日前支付工资5000元',
        },
      }),
    );
    const filing = (c.deadlines as Deadline[]).find((d) => d.kind === 'review_filing');
    // Rules Art. 74: 15 days from 03-02 end on 03-17; filed 04-01.
    expect(filing).toMatchObject({ dueOn: '2026-03-17', status: 'met_late' });
    expect(filing?.explanation).toContain('不予受理');
    expect(filing?.explanation).toContain('第七十五条');
    expect(filing?.explanation).not.toContain('完成');
  });
});
