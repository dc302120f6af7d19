// s60 L (LDMAL Art. 30): a hearing set or moved to a day before a respondent's answer period can end. The confirmation
// of 排期开庭 / 延期开庭 asks either for the respondents who agreed to the earlier hearing (`answerPeriodWaived`, with a
// note) or — where the commission only warns (HEARING_BEFORE_ANSWER_PERIOD=warn) — for an explicit acknowledgment;
// its confirm button stays disabled until one is given. Refused (`refuse`), only the waiver or a new date is offered.
// s60 L2: a waiver enables it only when every respondent offered has waived (one co-respondent's waiver leaves the
// other's period running); the disabled button is described by a hint saying what is still missing.
// s61 E #1: the respondents offered are those whose answer period the day falls inside, as the server's preview names
// them (`answerPeriodPending`): one who has filed its defence has answered (LDMAL Art. 30) and is not asked to consent.
import { h } from '../core.js';

let seq = 0;

/** The server's answer-period warning (workflows/hearings.ts defensePeriodWarnings) or refusal. */
export const ANSWER_PERIOD = /提交答辩书（《劳动争议调解仲裁法》第三十条/;
export const ACKNOWLEDGE = '答辩期尚未届满，仍安排开庭';

/**
 * `respondents`: [{ id, who }] — those whose answer period the day falls inside; `refused`: the server refuses the day
 * without a waiver. Returns the block for the confirmation's body, `wire(button)` (keeps the confirm button disabled until every respondent offered has waived or
 * — warn only — the acknowledgment is given) and `waived()` (the `answerPeriodWaived` to send, or undefined).
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
  seq += 1;
  const hintId = `answer-period-hint-${seq}`;
  const hint = h(
    'p.small',
    { id: hintId },
    refused
      ? '须以上所列被申请人均同意提前开庭才能确认：仍有被申请人的答辩期尚未届满；否则请返回另定开庭日期。'
      : `须以上所列被申请人均同意提前开庭，或勾选“${ACKNOWLEDGE}”，才能确认：仍有被申请人的答辩期尚未届满。`,
  );
  const el = h(
    'fieldset.answer-period',
    h('legend', refused ? '本委设定答辩期届满前不安排开庭：请记录被申请人同意提前开庭，或返回另定开庭日期' : '答辩期尚未届满'),
    h('p.small', '被申请人同意提前开庭（放弃剩余答辩期）的，请选择并说明：'),
    boxes.map((b) => h('label.check', b.box, `被申请人同意提前开庭：${b.who}`)),
    h('label', '说明', note),
    ack ? h('label.check', ack, ACKNOWLEDGE) : null,
    hint,
  );
  return {
    el,
    wire(button) {
      if (!button) return;
      const update = () => {
        const ready = Boolean(ack?.checked) || (boxes.length > 0 && chosen().length === boxes.length);
        button.disabled = !ready;
        hint.hidden = ready;
        if (ready) button.removeAttribute('aria-describedby');
        else button.setAttribute('aria-describedby', hintId);
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
