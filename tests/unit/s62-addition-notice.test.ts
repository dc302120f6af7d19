import { describe, expect, it } from 'vitest';
import { BUILDERS, type DocInput, type PartyView } from '../../templates/kinds.ts';
import type { DocSpec } from '../../templates/layout.ts';
import { SAMPLE_ADDITION_INPUT } from '../../templates/sample.ts';
import { ADDITION_GROUND_SIDES, additionGroundFits } from '../../workflows/reference.ts';

/**
 * s62 E #1–#2: the 追加当事人通知书's basis follows the side the party was added on (a record made before the schema
 * tied ground to side never cites LDMAL Art. 23 for a respondent), and the case it names is the case as it stood by
 * the order of the additions, not their days.
 */
const text = (specs: DocSpec[]) => JSON.stringify(specs.map((s) => s.blocks));
type Addition = NonNullable<DocInput['ctx']['partyAdditions']>[number];
const withAdditions = (additions: Addition[], thirdParties: PartyView[] = []): DocInput => ({
  ...SAMPLE_ADDITION_INPUT,
  thirdParties,
  ctx: { ...SAMPLE_ADDITION_INPUT.ctx, partyAdditions: additions },
});
const added = SAMPLE_ADDITION_INPUT.ctx.partyAdditions?.[0] as Addition;
const third: PartyView = { ...(SAMPLE_ADDITION_INPUT.applicants[0] as PartyView), id: 4, name: '王五', agents: [] };

describe('s62 E — 追加当事人通知书', () => {
  it('the grounds belong to a side: parties to the dispute are respondents, an interested party a third party, other either', () => {
    for (const g of ['co_respondent', 'dispatch', 'unlicensed_employer', 'contractor']) {
      expect([additionGroundFits(g, 'respondent'), additionGroundFits(g, 'third_party')], g).toEqual([true, false]);
    }
    expect([
      additionGroundFits('interested_third_party', 'respondent'),
      additionGroundFits('interested_third_party', 'third_party'),
    ]).toEqual([false, true]);
    expect([additionGroundFits('other', 'respondent'), additionGroundFits('other', 'third_party')]).toEqual([true, true]);
    expect(additionGroundFits('unknown', 'respondent')).toBe(false);
    expect(Object.keys(ADDITION_GROUND_SIDES).sort()).toEqual(
      ['co_respondent', 'contractor', 'dispatch', 'interested_third_party', 'other', 'unlicensed_employer'].sort(),
    );
  });

  it('a respondent recorded with the third party’s ground is told of Art. 22, never Art. 23', () => {
    const out = text(BUILDERS.addition_notice(withAdditions([{ ...added, ground: 'interested_third_party' }])));
    expect(out).toContain('依照《中华人民共和国劳动争议调解仲裁法》第二十二条之规定');
    expect(out).not.toContain('第二十三条');
    expect(out).toContain('决定追加你单位为本案被申请人');
    // Its own ground still gives its own article.
    expect(text(BUILDERS.addition_notice(SAMPLE_ADDITION_INPUT))).toContain('第二十二条第二款');
  });

  it('a third party recorded with a respondent’s ground is told of Art. 23', () => {
    const input = withAdditions([added, { on: '2026-03-10', partyId: 4, side: 'third_party', ground: 'dispatch' }], [third]);
    const out = text(BUILDERS.addition_notice(input));
    expect(out).toContain('王五：');
    expect(out).toContain('依照《中华人民共和国劳动争议调解仲裁法》第二十三条之规定');
    expect(out).not.toContain('第二十二条');
  });

  it('the case as it stood: by the order of the additions, a party added later the same day is not named', () => {
    const sameDay = [added, { on: added.on, partyId: 4, side: 'third_party' as const, ground: 'interested_third_party' }];
    const first = text(
      BUILDERS.addition_notice({ ...withAdditions(sameDay, [third]), text: { ...SAMPLE_ADDITION_INPUT.text, occurrence: 1 } }),
    );
    expect(first).not.toContain('王五');
    const second = text(BUILDERS.addition_notice(withAdditions(sameDay, [third])));
    expect(second).toContain('王五：');
    // The respondent added before it, the same day, is named.
    expect(second).toContain('、聊城市东昌府区某某物流有限公司劳动报酬');
  });
});
