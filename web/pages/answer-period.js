// s60 L (LDMAL Art. 30): a hearing set or moved to a day before a respondent's answer period can end. The confirmation
// of 排期开庭 / 延期开庭 asks either for the respondents who agreed to the earlier hearing (`answerPeriodWaived`, with a
// note) or — where the commission only warns (HEARING_BEFORE_ANSWER_PERIOD=warn) — for an explicit acknowledgment;
// its confirm button stays disabled until one is given. Refused (`refuse`), only the waiver or a new date is offered.
import { h } from '../core.js';

/** The server's answer-period warning (workflows/hearings.ts defensePeriodWarnings) or refusal. */
export const ANSWER_PERIOD = /提交答辩书（《劳动争议调解仲裁法》第三十条/;
export const ACKNOWLEDGE = '答辩期尚未届满，仍安排开庭';

/**
 * `respondents`: [{ id, who }]; `refused`: the server refuses the day without a waiver. Returns the block for the
 * confirmation's body, `wire(button)` (keeps the confirm button disabled until a waiver or the acknowledgment is
 * given) and `waived()` (the `answerPeriodWaived` to send, or undefined).
 */
export function answerPeriodChoice(respondents, refused) {
  const boxes = respondents.map((p) => ({
    id: p.id,
    box: h('input', { type: 'checkbox', name: 'answerPeriodWaived', value: String(p.id) }),
    who: p.who,
  }));
  const note = h('input', { type: 'text', name: 'answerPeriodWaivedNote', maxlength: '500', placeholder: '如：被申请人书面同意提前开庭' });
  const ack = refused ? null : h('input', { type: 'checkbox', name: 'answerPeriodAcknowledged' });
  const chosen = () => boxes.filter((b) => b.box.checked);
  const el = h(
    'fieldset.answer-period',
    h('legend', refused ? '本委设定答辩期届满前不安排开庭：请记录被申请人同意提前开庭，或返回另定开庭日期' : '答辩期尚未届满'),
    h('p.small', '被申请人同意提前开庭（放弃剩余答辩期）的，请选择并说明：'),
    boxes.map((b) => h('label.check', b.box, `被申请人同意提前开庭：${b.who}`)),
    h('label', '说明', note),
    ack ? h('label.check', ack, ACKNOWLEDGE) : null,
  );
  return {
    el,
    wire(button) {
      if (!button) return;
      const update = () => {
        button.disabled = !(chosen().length || ack?.checked);
      };
      for (const b of [...boxes.map((x) => x.box), ack].filter(Boolean)) b.addEventListener('change', update);
      update();
    },
    waived() {
      const list = chosen();
      const text = note.value.trim();
      return list.length ? list.map((b) => ({ partyId: b.id, ...(text ? { note: text } : {}) })) : undefined;
    },
  };
}
