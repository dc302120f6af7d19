import { describe, expect, it } from 'vitest';
import { caseMachine } from '../../workflows/case-machine.ts';
import { duplicateWarnings } from '../../workflows/duplicates.ts';
import {
  CLOSURE_MODE_LABELS,
  closureModeLabel,
  EVENT_LABELS,
  eventLabel,
  namePartiesIn,
  STATE_LABELS,
  stateLabel,
} from '../../workflows/labels.ts';
import { CLOSURE_MODES, EVENT_TYPES } from '../../workflows/procedure-types.ts';

/** The states a case can rest in: the machine's leaf states, but the transient `start` that picks the track. */
function leafStates(): string[] {
  const out: string[] = [];
  const walk = (n: { key: string; states?: Record<string, unknown> }) => {
    const kids = Object.values(n.states ?? {}) as (typeof n)[];
    if (!kids.length && n.key !== 'start') out.push(n.key);
    for (const k of kids) walk(k);
  };
  walk(caseMachine.root as unknown as { key: string; states?: Record<string, unknown> });
  return out;
}

/** A label that is there and is words, not the code it names. */
const isLabel = (code: string, label: string | undefined) => typeof label === 'string' && label.trim() !== '' && label !== code;

describe('labels in one place (workflows/labels.ts)', () => {
  it('every state the machine has, and only those, has a Chinese label', () => {
    const states = leafStates();
    expect(states.length).toBeGreaterThan(30);
    for (const s of states) expect(isLabel(s, STATE_LABELS[s]), s).toBe(true);
    expect(Object.keys(STATE_LABELS).sort()).toEqual([...states].sort());
    expect(stateLabel('closed_transferred')).toBe('移送管辖结案');
  });

  it('every event has a Chinese label', () => {
    const labels = EVENT_LABELS as Record<string, string>;
    for (const t of EVENT_TYPES) expect(isLabel(t, labels[t]), t).toBe(true);
    expect(eventLabel('TRANSFER_CASE')).toBe('移送管辖');
  });

  it('every closure mode has a Chinese label — transfer, referral and the review outcomes too', () => {
    const labels = CLOSURE_MODE_LABELS as Record<string, string>;
    for (const m of CLOSURE_MODES) expect(isLabel(m, labels[m]), m).toBe(true);
    expect(Object.keys(labels).sort()).toEqual([...CLOSURE_MODES].sort());
    expect(['transfer', 'referral', 'review_confirmed', 'review_terminated', 'review_rejected'].map(closureModeLabel)).toEqual([
      '移送管辖',
      '告知向有管辖权的仲裁委申请',
      '审查确认（调解书）',
      '终止仲裁审查',
      '仲裁审查不予受理',
    ]);
  });

  it('a duplicate warning names how the earlier case ended in words, not its code', () => {
    const party = (side: string, name: string) => ({ side, kind: 'person', name, idNumber: null, creditCode: null });
    const parties = [party('applicant', '张三'), party('respondent', '某公司')];
    const [w] = duplicateWarnings({ parties, claims: [{ category: 'wages' }] }, [
      {
        id: 1,
        caseNo: '聊劳人仲案字〔2026〕1号',
        state: 'referred_elsewhere',
        closureMode: 'referral',
        receivedOn: '2026-03-01',
        parties,
        claims: [{ category: 'wages' }],
      },
    ]);
    expect(w?.message).toContain('已结案（告知向有管辖权的仲裁委申请）');
    expect(w?.message).not.toContain('referral');
  });
});

describe('namePartiesIn: texts that number parties name them', () => {
  const names = new Map([
    [12, '张三'],
    [13, '李四'],
    [14, '聊城某某机械有限公司'],
  ]);
  it('names one party, a list of parties, and leaves what is not a party of the case as written', () => {
    expect(namePartiesIn('向追加的当事人送达申请书副本（当事人14）', names)).toBe('向追加的当事人送达申请书副本（聊城某某机械有限公司）');
    expect(namePartiesIn('对未起诉的劳动者（当事人12、13）分别确认生效', names)).toBe('对未起诉的劳动者（张三、李四）分别确认生效');
    expect(namePartiesIn('裁决尚未对当事人12发生法律效力；已对当事人13（2026-07-02起）生效', names)).toBe(
      '裁决尚未对张三发生法律效力；已对李四（2026-07-02起）生效',
    );
    // Another case's party, a list with one, and a number that is no id: untouched.
    expect(namePartiesIn('当事人99未起诉', names)).toBe('当事人99未起诉');
    expect(namePartiesIn('（当事人12、99）', names)).toBe('（当事人12、99）');
    expect(namePartiesIn('当事人120', names)).toBe('当事人120');
    // The spaced form some rules write ("未到庭的申请人（当事人 12、13）").
    expect(namePartiesIn('未到庭的申请人（当事人 12、13）没有', names)).toBe('未到庭的申请人（张三、李四）没有');
    expect(namePartiesIn('当事人可以自收到裁决书之日起15日内起诉', names)).toBe('当事人可以自收到裁决书之日起15日内起诉');
  });
});
