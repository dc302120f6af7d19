// Registration of an application (or a pre-arbitration mediation), and its correction before acceptance. The form is
// drawn from a plain model and read back into it, so that blocks can be added and removed, a party's type switched
// without losing what was typed, and the whole kept as a draft in this browser (per user) until it is submitted.
import {
  ApiError,
  afterPress,
  api,
  caseName,
  changedByMe,
  checkCreditCode,
  checkIdNumber,
  checkMoney,
  checkPersonName,
  chinaTimeNow,
  clearDraft,
  clearErrors,
  clearOnEdit,
  confirmDialog,
  DRAFT_LIFE_NOTE,
  dateProblems,
  draftKey,
  draftTime,
  field,
  fill,
  firstInPage,
  h,
  input,
  loadDraft,
  newKey,
  normalizeAsTyped,
  plainAmount,
  plainAmountField,
  plainIdentifier,
  plainPhone,
  REQUIRED,
  saveDraft,
  select,
  setError,
  showErrors,
  state,
  today,
} from '../core.js';

/** fixU56 #2: the authority an agent's power of attorney states (LDMAL Art. 24), as the APPOINT_AGENT form offers it. */
const AGENT_POWERS = [
  ['', '（请选择）'],
  ['general', '一般授权'],
  ['special', '特别授权（可代为承认、放弃、变更仲裁请求，进行和解等）'],
];

/** A registration draft's Idempotency-Key is replaced after this long (the server keeps keys 24 h by default). */
const KEY_FRESH_MS = 20 * 3_600_000;

import { keepEarlier, mergeEdits, pathOf } from '../merge.js';

/**
 * The claim categories whose amount decides a final award (LDMAL Art. 47(1); workflows/finality.ts
 * MONETARY_FINAL_CATEGORIES): registered without an amount, the form asks first (ui43 M2).
 */
const MONEY_CATEGORIES = ['wages', 'work_injury_medical', 'economic_compensation', 'damages'];

const emptyParty = (kind) => ({
  kind,
  name: '',
  idNumber: '',
  creditCode: '',
  legalRepresentative: '',
  ownership: '',
  phone: '',
  address: '',
  agents: [],
});
// No category chosen in advance: an untouched claim was recorded as 劳动报酬 (ui44 L6); the clerk picks it.
const emptyClaim = () => ({ category: '', amount: '', description: '', applicant: '' });
function emptyModel(track) {
  return {
    receivedOn: today(),
    channel: 'counter',
    // Chosen by the clerk each time (no district is assumed: it decides the statistics and the minimum wage).
    district: '',
    procedure: 'ordinary',
    wageArrears: false,
    facts: '',
    applicants: [emptyParty('person')],
    respondents: [emptyParty('organization')],
    claims: [emptyClaim()],
    limitation: { knewOn: '', employmentStatus: '', employmentEndedOn: '' },
    ...(track === 'mediation' ? { procedure: undefined } : {}),
    // ui47 M3: an application for arbitral review of a mediation agreement (Rules Arts. 74–79) names the agreement.
    ...(track === 'review' ? { procedure: undefined, agreement: { organization: '', effectiveOn: '', agreedOn: '', terms: '' } } : {}),
  };
}
/** The form's words per track: an application for review is not an arbitration application (ui47 M3/M4). */
const TRACK_WORDS = {
  arbitration: { title: '登记仲裁申请', claims: '仲裁请求', back: '#/cases' },
  mediation: { title: '登记调解申请', claims: '调解请求事项', back: '#/mediation' },
  review: { title: '登记仲裁审查申请', claims: '审查申请事项', back: '#/cases' },
};
/** A case as the API shows it → the form's model (ids kept, so that a correction keeps the same parties and claims). */
export function modelFromCase(c) {
  const party = (p) => ({
    id: p.id,
    kind: p.kind,
    name: p.name ?? '',
    idNumber: p.idNumber ?? '',
    creditCode: p.creditCode ?? '',
    legalRepresentative: p.legalRepresentative ?? '',
    ownership: p.ownership ?? '',
    phone: p.phone ?? '',
    address: p.address ?? '',
    agents: (p.agents ?? []).map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      unit: a.unit ?? '',
      phone: a.phone ?? '',
      relationship: a.relationship ?? '',
      powers: a.powers ?? '',
    })),
  });
  return {
    receivedOn: c.receivedOn,
    channel: c.channel,
    district: c.district,
    procedure: c.procedure,
    wageArrears: c.wageArrears,
    facts: c.facts ?? '',
    applicants: c.applicants.map(party),
    respondents: c.respondents.map(party),
    // s61 C #2: whose claim it is, exactly as the server stored it (claims[].applicant, a position among the applicants):
    // one applicant's own, or — of several — theirs together (`joint`: the form's 全体申请人共同). A sole applicant's claim
    // is stored with no owner and is his own (README "claims of several applicants"): it is his (position 1, by whom
    // the form follows him), so that a second applicant added in a correction does not make it everyone's unseen.
    claims: c.claims.map((cl) => ({
      id: cl.id,
      category: cl.category,
      amount: cl.amount ?? '',
      description: cl.description,
      applicant: cl.applicant ? String(cl.applicant) : c.applicants.length === 1 ? '1' : '',
      joint: !cl.applicant && c.applicants.length > 1,
    })),
    limitation: {
      knewOn: c.limitation?.knewOn ?? '',
      employmentStatus: c.limitation?.employmentStatus ?? '',
      employmentEndedOn: c.limitation?.employmentEndedOn ?? '',
    },
  };
}

/**
 * What the browser can check of a registration before it is sent (the server checks the same, and more): required
 * fields, identity numbers and credit codes (their check characters), amounts. [path, message] pairs.
 */
function localProblems(m) {
  const bad = [];
  if (!m.receivedOn) bad.push(['receivedOn', REQUIRED]);
  if (!m.district) bad.push(['district', '请选择']);
  // s60 #2: several applicants — each claim's applicant (or 全体申请人共同) is chosen; nothing is preselected.
  if (m.applicants.length > 1)
    m.claims.forEach((cl, i) => {
      if (!cl.applicant && !cl.joint) bad.push([`claims.${i}.applicant`, '请选择这项请求的申请人（或“全体申请人共同”）']);
    });
  for (const sideKey of ['applicants', 'respondents'])
    m[sideKey].forEach((p, i) => {
      const b = `${sideKey}.${i}`;
      if (!p.name.trim()) bad.push([`${b}.name`, REQUIRED]);
      for (const k of ['name', 'legalRepresentative']) {
        const number = checkPersonName(p[k]);
        if (number) bad.push([`${b}.${k}`, number]);
      }
      const wrong = p.kind === 'person' ? checkIdNumber(p.idNumber.trim()) : checkCreditCode(p.creditCode.trim().toUpperCase());
      if (wrong) bad.push([`${b}.${p.kind === 'person' ? 'idNumber' : 'creditCode'}`, wrong]);
      p.agents.forEach((a, j) => {
        if (!a.name.trim()) bad.push([`${b}.agents.${j}.name`, REQUIRED]);
        else if (checkPersonName(a.name)) bad.push([`${b}.agents.${j}.name`, checkPersonName(a.name)]);
        // fixU56 #2: the agent's kind and (for one added now) the authority his power of attorney states are chosen.
        if (!a.kind) bad.push([`${b}.agents.${j}.kind`, '请选择代理人类别']);
        if (!a.id && !a.powers) bad.push([`${b}.agents.${j}.powers`, '请按授权委托书选择委托权限']);
      });
    });
  // ui46 L1: the limitation dates lie on or before the application's receipt (and so never after today) — said with the
  // other errors on the first 登记, as the server says it (app/schemas.ts limitationDatesAfter; LDMAL Art. 27).
  for (const [k, what] of [
    ['knewOn', '知道或者应当知道权利被侵害之日'],
    ['employmentEndedOn', '劳动关系终止之日'],
  ]) {
    const on = m.limitation?.[k];
    if (!on || !/^\d{4}-\d{2}-\d{2}$/.test(on)) continue;
    if (m.receivedOn && on > m.receivedOn) bad.push([`limitation.${k}`, `${what}不能晚于收件日期（${m.receivedOn}）`]);
    else if (on > today()) bad.push([`limitation.${k}`, `${what}不能晚于今天（${today()}）`]);
  }
  // Rules Art. 74: the agreement under review — its mediation organisation and the day it took effect (the 15 days to
  // apply run from it, Rules Art. 75).
  if (m.agreement) {
    if (!m.agreement.organization.trim()) bad.push(['agreement.organization', REQUIRED]);
    if (!m.agreement.effectiveOn) bad.push(['agreement.effectiveOn', REQUIRED]);
    else if (m.receivedOn && m.agreement.effectiveOn > m.receivedOn)
      bad.push(['agreement.effectiveOn', `调解协议生效日期不能晚于收件日期（${m.receivedOn}）`]);
    // fixW59 #3 (fixD58 #4): the day the agreement was reached, not after its effective day (the server's rule too).
    const agreed = m.agreement.agreedOn ?? '';
    if (agreed && m.agreement.effectiveOn && agreed > m.agreement.effectiveOn)
      bad.push(['agreement.agreedOn', `达成调解协议之日不能晚于调解协议生效之日（${m.agreement.effectiveOn}）`]);
  }
  m.claims.forEach((cl, i) => {
    if (!cl.category) bad.push([`claims.${i}.category`, '请选择请求类别']);
    if (!cl.description.trim()) bad.push([`claims.${i}.description`, REQUIRED]);
    const wrong = checkMoney(cl.amount);
    if (wrong) bad.push([`claims.${i}.amount`, wrong]);
  });
  return bad;
}

/**
 * The registration form. `edit`: the case being corrected (PATCH with its version). Returns the form element;
 * while it holds unsaved changes, leaving the screen asks first (the draft is kept either way).
 */
export function registerForm(track = 'arbitration', edit = null) {
  const draftName = edit ? `edit.${edit.id}` : `register.${track}`;
  // A correction's draft holds the case version it started from and the registration as it was then (`base`). When
  // the case has moved on since (another clerk saved a change, or this form's save was refused with 412), the draft is
  // laid over the case as it is now (web/merge.js): the person's changes to fields the other did not touch are kept,
  // fields both changed keep the saved value with the person's own text shown beside them. Nothing typed is dropped.
  let draft = loadDraft(draftName);
  let merged = null;
  // A registration's draft carries the Idempotency-Key its 登记 is sent with (ui44 H1): two tabs that restored the same
  // draft send the same key, so the second 登记 is answered with the case the first registered — not a second case.
  // A refused request stores nothing under its key (server/http/write.ts), so the key lasts as long as the draft — but
  // the server keeps what a key answered for IDEMPOTENCY_RETENTION_HOURS (24 by default) only: a key older than
  // KEY_FRESH_MS is replaced, so a tab reopened a day later is not told a registration it cannot find again (a reviewer,
  // s44 L3); the registration's duplicate warning then names the earlier case.
  const keyFresh = draft?.idempotencyKey && Date.now() - Date.parse(draft.keyIssuedAt ?? '') < KEY_FRESH_MS;
  const draftMeta = edit
    ? { version: edit.version, base: modelFromCase(edit), conflicts: [], changes: [] }
    : keyFresh
      ? { idempotencyKey: draft.idempotencyKey, keyIssuedAt: draft.keyIssuedAt }
      : { idempotencyKey: newKey(), keyIssuedAt: new Date().toISOString() };
  if (edit && draft && draft.version !== edit.version) {
    merged = mergeEdits(draft.base ?? null, draft.value, modelFromCase(edit), displayValue);
    merged.savedAt = draft.savedAt;
    // A second refusal: what an earlier merge left to the person is kept (web/merge.js `keepEarlier`).
    Object.assign(draftMeta, keepEarlier(draft, merged));
    draft = { ...draftMeta, savedAt: new Date().toISOString(), value: merged.model };
    saveDraft(draftName, merged.model, draftMeta);
  } else if (edit && draft) {
    // The same version: what the draft said of an earlier merge is still to be seen.
    draftMeta.conflicts = draft.conflicts ?? [];
    draftMeta.changes = draft.changes ?? [];
  }
  let model = draft?.value ?? (edit ? modelFromCase(edit) : emptyModel(track));
  let dirty = Boolean(merged);
  /** What the last 按申请人分列 did, shown above the claims until the next change. */
  let splitNote = '';
  const form = h('form.register', {
    novalidate: true,
    'aria-label': edit ? '修改登记信息' : TRACK_WORDS[track].title,
  });
  const note = h('div');
  const body = h('div');
  const submitLabel = edit ? '保存修改' : TRACK_WORDS[track].title;
  const submit = h('button.btn.primary', { type: 'submit' }, submitLabel);

  const showDraftNote = (d) =>
    fill(
      note,
      merged
        ? h(
            'div.alert.warn.merge-note',
            { role: 'alert' },
            `案件在您填写期间已被修改（他人或其他窗口）。已载入最新登记内容，并把您本机 ${draftTime(merged)} 的修改重新填入：`,
            `${merged.changes.filter((c) => c.applied).length} 处已填入；`,
            merged.conflicts.length
              ? `${merged.conflicts.length} 处已保存的内容也改过，暂保留已保存的内容，您的内容标在该栏下方，可点“改用我的内容”。`
              : '没有双方都改过的栏目。',
            '请核对后再保存。',
          )
        : null,
      d && !merged
        ? h(
            'div.alert.ok.row.draft-restored',
            { role: 'status' },
            h('span.grow', `已恢复 ${draftTime(d)} 保存在本机的草稿。${DRAFT_LIFE_NOTE}。`),
            h('button.btn.small', { type: 'button', onclick: discardDraft }, '放弃草稿，重新填写'),
          )
        : null,
      minePanel(),
    );
  /** 我的未保存内容: every change of this person carried over a conflict, each with a copy button, until dismissed. */
  function minePanel() {
    const changes = draftMeta.changes ?? [];
    if (!changes.length) return null;
    const copy = (text, btn) => {
      const done = () => {
        btn.textContent = '已复制';
      };
      if (navigator.clipboard?.writeText) navigator.clipboard.writeText(text).then(done, () => selectText(btn));
      else selectText(btn);
    };
    const selectText = (btn) => {
      const v = btn.closest('li')?.querySelector('.mine-text');
      if (v) getSelection()?.selectAllChildren(v);
    };
    return h(
      'section.mine-panel',
      { 'aria-label': '我的未保存内容' },
      h('h2', '我的未保存内容'),
      h(
        'p.small.muted',
        '以下是您在最新内容保存之前填写的内容（仍保存在本机草稿中）。“已填入”的已在表单中；“未填入”的请核对后自行改用或复制。',
      ),
      h(
        'ul',
        changes.map((c) =>
          h(
            'li',
            h('span.tag', c.applied ? '已填入' : '未填入'),
            ' ',
            h('span.mine-label', c.label),
            c.value ? ['：', h('span.mine-text', c.value)] : null,
            c.value
              ? h(
                  'button.btn.small',
                  { type: 'button', onclick: (e) => copy(c.value, e.currentTarget), 'aria-label': `复制：${c.label}` },
                  '复制',
                )
              : null,
          ),
        ),
      ),
      h(
        'button.btn.small',
        {
          type: 'button',
          onclick: () => {
            draftMeta.changes = [];
            draftMeta.conflicts = [];
            merged = null;
            changed();
            showDraftNote(null);
            markConflicts();
          },
        },
        '已核对，收起',
      ),
    );
  }
  /** Each field both changed: the person's own value under it, with 改用我的内容. */
  function markConflicts() {
    for (const el of form.querySelectorAll('.mine-value')) el.remove();
    for (const c of draftMeta.conflicts ?? []) {
      const path = pathOf(model, c.ref);
      const el = path && form.querySelector(`[data-path="${CSS.escape(path)}"]`);
      if (!el) continue;
      const use = h('button.btn.small', { type: 'button' }, '改用我的内容');
      // A claim's owner that is no longer among the applicants (web/merge.js): nothing to take over, to be chosen.
      const box = c.choose
        ? h(
            'div.mine-value',
            { role: 'note' },
            h('span', '原选择的申请人：'),
            h('span.mine-text', c.mineText),
            h('span.small.muted', '，已不在合并后的申请人中，请重新选择。'),
          )
        : h(
            'div.mine-value',
            { role: 'note' },
            h('span', '您未保存的内容：'),
            h('span.mine-text', c.mineText),
            h('span.small.muted', `（已保存的是：${c.theirsText}）`),
            use,
          );
      if (c.choose)
        el.addEventListener('change', () => {
          draftMeta.conflicts = draftMeta.conflicts.filter((x) => x !== c);
          box.remove();
        });
      use.addEventListener('click', () => {
        if (el.type === 'checkbox') el.checked = Boolean(c.mine);
        else el.value = c.mine ?? '';
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
        draftMeta.conflicts = draftMeta.conflicts.filter((x) => x !== c);
        box.remove();
        changed();
        el.focus();
      });
      (el.closest('.f') ?? el.parentElement)?.append(box);
    }
  }
  async function discardDraft() {
    if (!(await confirmDialog({ title: '放弃草稿？', body: h('p', '已填写的内容将被清空。'), confirmLabel: '放弃草稿' }))) return;
    clearDraft(draftName);
    if (!edit) Object.assign(draftMeta, { idempotencyKey: newKey(), keyIssuedAt: new Date().toISOString() });
    model = edit ? modelFromCase(edit) : emptyModel(track);
    dirty = false;
    merged = null;
    if (edit) Object.assign(draftMeta, { conflicts: [], changes: [] });
    showDraftNote(null);
    render();
  }

  // ----- drawing -----
  /** A phone typed in groups ("138 0000 1111") is written as the server takes it when the field is left (ui43 L7). */
  const phoneInput = (el) => {
    el.addEventListener('change', () => {
      const plain = plainPhone(el.value);
      if (plain !== el.value) el.value = plain;
    });
    return el;
  };
  const side = (s) => (s === 'applicants' ? (track === 'mediation' ? '申请人' : '申请人') : '被申请人');
  function partyBlock(sideKey, i, p) {
    const base = `${sideKey}.${i}`;
    const kindSel = select({ person: '自然人', organization: '用人单位/组织' }, { value: p.kind });
    kindSel.addEventListener('change', () => {
      collect();
      // Switching the type keeps the name, phone, address and agents; only the identifier fields change.
      model[sideKey][i].kind = kindSel.value;
      render(`[data-path="${base}.name"]`);
    });
    const text = (k, attrs = {}) => input('text', { value: p[k] ?? '', ...attrs });
    // A number typed or pasted in groups ("371502 19900101 1234") loses its spaces and hyphens as it is entered; the
    // maxlength leaves room for them, so the paste is not cut at 18 characters before they go (ui43 M1).
    const idIn = text('idNumber', { maxlength: 40, autocomplete: 'off', spellcheck: 'false' });
    normalizeAsTyped(idIn, plainIdentifier);
    // ui55 #3: the error line waits for a press under way (a button below is clicked where it was aimed).
    idIn.addEventListener('blur', () => afterPress(() => setError(form, `${base}.idNumber`, checkIdNumber(plainIdentifier(idIn.value)))));
    const ccIn = text('creditCode', { maxlength: 40, autocomplete: 'off', spellcheck: 'false' });
    normalizeAsTyped(ccIn, plainIdentifier);
    ccIn.addEventListener('blur', () =>
      afterPress(() => setError(form, `${base}.creditCode`, checkCreditCode(plainIdentifier(ccIn.value)))),
    );
    const many = model[sideKey].length > 1;
    return h(
      'div.repeat',
      { dataset: { party: base } },
      h(
        'div.head',
        h('span', `${side(sideKey)} ${i + 1}`),
        h(
          'span.row',
          field('类型', `${base}.kind`, kindSel),
          many
            ? h(
                'button.btn.small.remove',
                { type: 'button', onclick: () => removeAt(sideKey, i), 'aria-label': `删除${side(sideKey)} ${i + 1}` },
                '删除',
              )
            : null,
        ),
      ),
      h(
        'div.row',
        partyNameField(
          field(p.kind === 'person' ? '姓名' : '名称', `${base}.name`, text('name', { maxlength: 100 }), { required: true, grow: true }),
        ),
        p.kind === 'person'
          ? field('公民身份号码', `${base}.idNumber`, idIn, { hint: 'GB 11643 十八位' })
          : field('统一社会信用代码', `${base}.creditCode`, ccIn),
        p.kind === 'organization'
          ? field('法定代表人', `${base}.legalRepresentative`, text('legalRepresentative', { maxlength: 100 }))
          : null,
        // The employer's economic type: the statistics' rows by 用人单位类型 (domain.md §13.1) count it, and a case
        // without it counts as 未登记. Asked of an employer respondent; an organization applying (an employer, or a
        // union, which has none) may leave it.
        p.kind === 'organization'
          ? field(
              '用人单位类型',
              `${base}.ownership`,
              select(
                { '': sideKey === 'respondents' ? '（请选择）' : '（不适用/不选）', ...state.vocab.ownershipTypes },
                { value: p.ownership ?? '' },
              ),
              { required: sideKey === 'respondents' && !edit, hint: '用于统计“按用人单位类型”' },
            )
          : // fixA53 (legal53a L3): a natural person who is the employer (个人用工) is told from the worker by it
            // (workflows/sides.ts; LDMAL Art. 22) — the registration warns when both sides are persons without it.
            field(
              '用人单位类型',
              `${base}.ownership`,
              select({ '': '（劳动者不选）', ...state.vocab.ownershipTypes }, { value: p.ownership ?? '' }),
              { hint: '仅当该自然人是用人单位（如个体工商户业主）时选择' },
            ),
        field('联系电话', `${base}.phone`, phoneInput(text('phone', { maxlength: 30, inputmode: 'tel' }))),
        field('住所/地址', `${base}.address`, text('address', { maxlength: 200 }), { grow: true }),
      ),
      h(
        'div.agents',
        p.agents.map((a, j) => agentRow(base, sideKey, i, j, a)),
      ),
      h(
        'button.btn.small',
        { type: 'button', onclick: () => addAgent(sideKey, i), 'aria-label': `为${side(sideKey)} ${i + 1}添加委托代理人` },
        '＋ 委托代理人',
      ),
    );
  }
  function agentRow(base, sideKey, i, j, a) {
    const ap = `${base}.agents.${j}`;
    return h(
      'div.row.agent',
      { dataset: { agent: ap } },
      field('代理人姓名', `${ap}.name`, input('text', { maxlength: 100, value: a.name }), { required: true }),
      // fixU56 #2: no kind chosen for the clerk (a relative or a colleague recorded as 律师 otherwise), and the authority
      // the power of attorney states (LDMAL Art. 24: 委托事项和权限), as APPOINT_AGENT records it after acceptance.
      field('代理人类别', `${ap}.kind`, select([['', '（请选择）'], ...Object.entries(state.vocab.agentKinds)], { value: a.kind ?? '' }), {
        required: true,
      }),
      field('委托权限', `${ap}.powers`, select(AGENT_POWERS, { value: a.powers ?? '' }), {
        required: !a.id,
        hint: '按授权委托书载明的委托事项和权限；仅写“全权代理”而无具体授权的，选一般授权',
      }),
      field('工作单位/律所', `${ap}.unit`, input('text', { maxlength: 100, value: a.unit ?? '' })),
      field('电话', `${ap}.phone`, phoneInput(input('text', { maxlength: 30, value: a.phone ?? '', inputmode: 'tel' }))),
      field('与当事人关系', `${ap}.relationship`, input('text', { maxlength: 20, value: a.relationship ?? '' }), {
        hint: '近亲属代理时填写',
      }),
      h(
        'button.btn.small.remove',
        { type: 'button', onclick: () => removeAgent(sideKey, i, j), 'aria-label': `删除代理人 ${a.name || j + 1}` },
        '删除',
      ),
    );
  }
  /** "第2名申请人（李四）": an applicant as a claim's owner is chosen (by position: the API's ClaimInput.applicant). */
  const applicantLabel = (p, k) => `第${k + 1}名申请人${p.name?.trim() ? `（${p.name.trim()}）` : ''}`;
  function claimBlock(i, cl) {
    const c = `claims.${i}`;
    const amount = input('text', { inputmode: 'decimal', placeholder: '如 12000.00', value: cl.amount ?? '' });
    amount.addEventListener('blur', () => {
      plainAmountField(amount);
      afterPress(() => setError(form, `${c}.amount`, checkMoney(amount.value.trim())));
    });
    // Several applicants (workers): whose own claim this is — each worker's item is then judged by its own amount for
    // a final award (LDMAL Art. 47(1); SPC-1 Art. 19), and the documents name him.
    const several = model.applicants.length > 1;
    // s60 #2 (as the 变更请求 dialog, ui47 H1): whose claim it is is chosen, never defaulted — 全体申请人共同 is a choice
    // of its own ('all', `joint`), a new claim starts on （请选择）. s61 C #2: a registered claim shows the owner the
    // server stored (modelFromCase): the applicants' together only when stored so — a sole applicant's claim stays his
    // when a second applicant is added — and the clerk may change it.
    const owner = several
      ? field(
          '申请人',
          `${c}.applicant`,
          select(
            // (Pairs, in this order: an object would list the numbered applicants first.)
            [['', '（请选择）'], ['all', '全体申请人共同'], ...model.applicants.map((p, k) => [String(k + 1), applicantLabel(p, k)])],
            {
              value: cl.applicant || (cl.joint ? 'all' : ''),
              'data-owner-select': '',
            },
          ),
          { required: true, hint: '多名劳动者的，各人的请求分别列明（终局裁决按各人各项金额判断）' },
        )
      : null;
    return h(
      'div.repeat.row',
      { dataset: { claim: c } },
      owner,
      field('请求类别', `${c}.category`, select({ '': '（请选择）', ...state.vocab.claimCategories }, { value: cl.category }), {
        required: true,
      }),
      field('金额（元）', `${c}.amount`, amount),
      field('请求内容', `${c}.description`, input('text', { maxlength: 2000, value: cl.description }), {
        required: true,
        grow: true,
        hint: '如“支付2025年10月至12月工资”；金额填在“金额”栏，文书自行写出',
      }),
      several && !cl.applicant
        ? h(
            'button.btn.small',
            { type: 'button', onclick: () => splitClaim(i), title: '把这项请求按申请人分为各人一项（金额各自填写）' },
            '按申请人分列',
          )
        : null,
      model.claims.length > 1
        ? h('button.btn.small.remove', { type: 'button', onclick: () => removeAt('claims', i), 'aria-label': `删除请求 ${i + 1}` }, '删除')
        : null,
    );
  }
  /**
   * One claim of all the applicants becomes one per applicant, same words. An amount already written is not lost
   * (ui43 M2): asked whether it is each worker's (copied to every item) or the workers' total (then each item's amount
   * is to be written, the empty ones marked).
   */
  async function splitClaim(i) {
    collect();
    const cl = model.claims[i];
    const amount = plainAmount(cl.amount).trim();
    const n = model.applicants.length;
    let perWorker = false;
    if (amount && !checkMoney(amount))
      perWorker = await confirmDialog({
        title: '按申请人分列',
        body: h('p', `原金额 ${amount} 元是每名申请人各自请求的金额，还是${n}名申请人的合计？`),
        confirmLabel: `每人各 ${amount} 元`,
        cancelLabel: '是合计，逐人填写',
      });
    // By position (a draft save meanwhile re-reads the form into new objects; the question is modal).
    collect();
    const at = i;
    if (!model.claims[at]) return;
    const each = model.applicants.map((_, k) => ({
      category: cl.category,
      amount: perWorker ? amount : '',
      description: cl.description,
      applicant: String(k + 1),
    }));
    model.claims.splice(at, 1, ...each);
    changed();
    splitNote = perWorker
      ? `已按申请人分为 ${n} 项，每项金额 ${amount} 元；各人金额不同的，请逐项修改。`
      : `已按申请人分为 ${n} 项：请逐项填写各人的金额${amount ? `（原合计 ${amount} 元）` : ''}，金钱请求的金额决定是否终局裁决。`;
    render(`[data-path="claims.${at}.amount"]`);
    if (!perWorker && MONEY_CATEGORIES.includes(cl.category))
      for (let k = 0; k < each.length; k++) setError(form, `claims.${at + k}.amount`, '请填写该申请人的金额');
  }
  function render(focusSel) {
    const m = model;
    const v = state.vocab;
    fill(
      body,
      h('div.form-alert'),
      h(
        'fieldset',
        h('legend', '基本信息'),
        h(
          'div.row',
          field('收到申请日期', 'receivedOn', input('date', { value: m.receivedOn, max: today() }), { required: true }),
          field('申请方式', 'channel', select(v.channels, { value: m.channel })),
          field(
            '管辖地区',
            'district',
            select({ '': '（请选择）', ...Object.fromEntries(v.districts.map((d) => [d, d])) }, { value: m.district }),
            {
              required: true,
            },
          ),
          track === 'arbitration' ? field('程序', 'procedure', select(v.procedures, { value: m.procedure })) : null,
          h('label.check', input('checkbox', { 'data-path': 'wageArrears', checked: m.wageArrears }), '拖欠工资（农民工工资优先）'),
          track === 'arbitration'
            ? h(
                'span.small.field-warn.wage-hint',
                { role: 'status', hidden: true },
                '请求中有“劳动报酬”：属于拖欠工资的，请勾选“拖欠工资”（统计为欠薪案件，优先处理）。',
              )
            : null,
        ),
        h('div.row', field('事实与理由', 'facts', h('textarea', { maxlength: 20000, rows: 3, value: m.facts }), { wide: true })),
      ),
      m.agreement && !edit
        ? h(
            'fieldset.review-agreement',
            h('legend', '申请审查的调解协议'),
            h(
              'div.row',
              field('调解组织', 'agreement.organization', input('text', { maxlength: 100, value: m.agreement.organization }), {
                required: true,
                hint: '达成调解协议的调解组织，如 某某街道劳动争议调解委员会',
              }),
              field('调解协议生效日期', 'agreement.effectiveOn', input('date', { value: m.agreement.effectiveOn, max: today() }), {
                required: true,
                hint: '双方签字或盖章、调解员签名并加盖调解组织印章之日；自该日起十五日内共同申请（《劳动人事争议仲裁办案规则》第七十四条、第七十五条）',
              }),
              // fixW59 #3: the day the parties reached the agreement, which the 调解书 recites (app/schemas.ts ReviewAgreementInput).
              field('达成调解协议日期', 'agreement.agreedOn', input('date', { value: m.agreement.agreedOn ?? '', max: today() }), {
                hint: '双方当事人达成调解协议之日，调解书据此写明；不晚于生效日期。不填的，调解书只写生效日期',
              }),
            ),
            h(
              'div.row',
              field('调解协议内容', 'agreement.terms', h('textarea', { maxlength: 20000, rows: 3, value: m.agreement.terms }), {
                wide: true,
              }),
            ),
          )
        : null,
      h(
        'fieldset',
        h('legend', '申请人'),
        m.applicants.map((p, i) => partyBlock('applicants', i, p)),
        h('button.btn.small', { type: 'button', 'data-add': 'applicants', onclick: () => addAt('applicants', 'person') }, '＋ 申请人'),
      ),
      h(
        'fieldset',
        h('legend', '被申请人'),
        m.respondents.map((p, i) => partyBlock('respondents', i, p)),
        h(
          'button.btn.small',
          { type: 'button', 'data-add': 'respondents', onclick: () => addAt('respondents', 'organization') },
          '＋ 被申请人',
        ),
      ),
      h(
        'fieldset',
        h('legend', TRACK_WORDS[track]?.claims ?? '仲裁请求'),
        // Several workers: a money claim of them all is judged final on its whole amount (LDMAL Art. 47(1); SPC-1 Art.
        // 19 reads each worker's item) — said where the claims are written, before the award.
        m.applicants.filter((p) => p.kind === 'person').length > 1
          ? h(
              'p.small.muted.claims-owner-hint',
              '多名劳动者的案件：各人的请求请分别列明申请人（可用“按申请人分列”）。未列明申请人的金钱请求视为全体申请人共同的请求，终局裁决按该项全部金额判断。',
            )
          : null,
        splitNote ? h('p.alert.warn.split-note', { role: 'status' }, splitNote) : null,
        m.claims.map((cl, i) => claimBlock(i, cl)),
        h('button.btn.small', { type: 'button', 'data-add': 'claims', onclick: () => addAt('claims') }, '＋ 请求'),
      ),
      track === 'arbitration'
        ? h(
            'fieldset',
            h('legend', '仲裁时效（选填）'),
            h(
              'div.row',
              field('知道或应当知道权利被侵害之日', 'limitation.knewOn', input('date', { value: m.limitation?.knewOn ?? '' })),
              // LDMAL Art. 27(4): a wage claim while the employment lasts is not time-barred — the assessment needs to know.
              field(
                '劳动关系',
                'limitation.employmentStatus',
                select({ '': '（未填写）', ongoing: '仍存续', ended: '已终止' }, { value: m.limitation?.employmentStatus ?? '' }),
              ),
              field(
                '劳动关系终止日',
                'limitation.employmentEndedOn',
                input('date', {
                  value: m.limitation?.employmentStatus === 'ongoing' ? '' : (m.limitation?.employmentEndedOn ?? ''),
                  disabled: m.limitation?.employmentStatus === 'ongoing',
                }),
                { hint: '劳动关系仍存续时不填' },
              ),
            ),
            h('p.small.muted', '填写后系统按《劳动争议调解仲裁法》第二十七条提示时效情况；仅作提示，不影响受理。'),
          )
        : null,
      h(
        'div.actions.sticky',
        submit,
        h('a.btn', { href: edit ? `#/cases/${edit.id}` : (TRACK_WORDS[track]?.back ?? '#/cases') }, '取消'),
        h('span.small.muted', { 'aria-live': 'polite', 'data-draft-status': '' }),
        h('span.undo', { role: 'status', 'data-undo': '' }),
      ),
    );
    markConflicts();
    for (const el of form.querySelectorAll('input[data-path]')) warnDigits(el);
    wageHint();
    if (focusSel) form.querySelector(focusSel)?.focus();
  }
  /**
   * ui45 L7: a claim of 劳动报酬 (wages) with 拖欠工资 not ticked: a visible suggestion beside the box, never ticked for
   * the clerk (wages claimed are not always wages in arrears).
   */
  function wageHint() {
    const hint = form.querySelector('.wage-hint');
    if (!hint) return;
    const box = form.querySelector('[data-path="wageArrears"]');
    const wages = [...form.querySelectorAll('select[data-path$=".category"]')].some((s) => s.value === 'wages');
    hint.hidden = !wages || Boolean(box?.checked);
  }
  form.addEventListener('change', wageHint);

  // ----- reading back -----
  function collect() {
    const val = (p) => form.querySelector(`[data-path="${CSS.escape(p)}"]`);
    const str = (p) => val(p)?.value ?? '';
    const party = (sideKey, i, old) => {
      const b = `${sideKey}.${i}`;
      return {
        ...(old.id ? { id: old.id } : {}),
        kind: str(`${b}.kind`) || old.kind,
        name: str(`${b}.name`),
        // The other type's identifier stays in the model (not sent), so switching back restores it.
        idNumber: val(`${b}.idNumber`) ? plainIdentifier(str(`${b}.idNumber`)) : old.idNumber,
        creditCode: val(`${b}.creditCode`) ? plainIdentifier(str(`${b}.creditCode`)) : old.creditCode,
        legalRepresentative: val(`${b}.legalRepresentative`) ? str(`${b}.legalRepresentative`) : old.legalRepresentative,
        ownership: val(`${b}.ownership`) ? str(`${b}.ownership`) : old.ownership,
        phone: plainPhone(str(`${b}.phone`)),
        address: str(`${b}.address`),
        agents: old.agents.map((a, j) => {
          const ap = `${b}.agents.${j}`;
          return {
            ...(a.id ? { id: a.id } : {}),
            name: str(`${ap}.name`),
            kind: str(`${ap}.kind`),
            unit: str(`${ap}.unit`),
            phone: plainPhone(str(`${ap}.phone`)),
            relationship: str(`${ap}.relationship`),
            powers: str(`${ap}.powers`),
          };
        }),
      };
    };
    model = {
      receivedOn: str('receivedOn'),
      channel: str('channel'),
      district: str('district'),
      procedure: val('procedure') ? str('procedure') : model.procedure,
      wageArrears: val('wageArrears')?.checked ?? false,
      facts: str('facts'),
      applicants: model.applicants.map((p, i) => party('applicants', i, p)),
      respondents: model.respondents.map((p, i) => party('respondents', i, p)),
      claims: model.claims.map((cl, i) => {
        // s61 C #2: with one applicant there is no owner to choose (no select): the claim keeps the owner it had — a
        // registered claim its applicant's (position 1), a new one none — and is read again once there are several.
        const owner = val(`claims.${i}.applicant`) ? str(`claims.${i}.applicant`) : null;
        return {
          ...(cl.id ? { id: cl.id } : {}),
          category: str(`claims.${i}.category`),
          amount: str(`claims.${i}.amount`),
          description: str(`claims.${i}.description`),
          applicant: owner === null ? (cl.applicant ?? '') : owner === 'all' ? '' : owner,
          // s60 #2: 全体申请人共同 chosen (not merely not yet chosen).
          joint: owner === null ? Boolean(cl.joint) : owner === 'all',
        };
      }),
      ...(model.agreement
        ? {
            agreement: {
              organization: val('agreement.organization') ? str('agreement.organization') : model.agreement.organization,
              effectiveOn: val('agreement.effectiveOn') ? str('agreement.effectiveOn') : model.agreement.effectiveOn,
              agreedOn: val('agreement.agreedOn') ? str('agreement.agreedOn') : (model.agreement.agreedOn ?? ''),
              terms: val('agreement.terms') ? str('agreement.terms') : model.agreement.terms,
            },
          }
        : {}),
      limitation: {
        knewOn: str('limitation.knewOn'),
        employmentStatus: str('limitation.employmentStatus'),
        employmentEndedOn: str('limitation.employmentStatus') === 'ongoing' ? '' : str('limitation.employmentEndedOn'),
      },
    };
    return model;
  }
  // Any edit closes the undo bar: 撤销 puts back the model as it was at the removal, which would silently take back
  // whatever was typed or added after it.
  const changed = () => {
    dirty = true;
    splitNote = '';
    const bar = form.querySelector('[data-undo]');
    if (bar?.firstChild) fill(bar);
    keepDraft();
  };
  function addAt(sideKey, kind) {
    collect();
    model[sideKey].push(sideKey === 'claims' ? emptyClaim() : emptyParty(kind));
    changed();
    const i = model[sideKey].length - 1;
    render(sideKey === 'claims' ? `[data-path="claims.${i}.category"]` : `[data-path="${sideKey}.${i}.name"]`);
  }
  // One removal at a time: a second click while the question is open must not remove whoever moved into the place.
  let removing = false;
  async function removeAt(sideKey, i) {
    if (removing) return;
    removing = true;
    try {
      await removeNow(sideKey, i);
    } finally {
      removing = false;
    }
  }
  async function removeNow(sideKey, i) {
    collect();
    const before = JSON.parse(JSON.stringify(model));
    const gone = model[sideKey][i];
    const what =
      sideKey === 'claims'
        ? `请求 ${i + 1}${gone?.description?.trim() ? `（${gone.description.trim()}）` : ''}`
        : `${side(sideKey)} ${i + 1}${gone?.name?.trim() ? `（${gone.name.trim()}）` : ''}`;
    // A claim names its applicant by position. The removed one's own claims go with him — asked first, never turned
    // into a claim of everyone left (who is owed, and the final-award test, would change unseen) —; later ones move up.
    if (sideKey === 'applicants') {
      const own = model.claims.filter((cl) => Number(cl.applicant || 0) === i + 1);
      if (own.length) {
        const who = model.applicants[i]?.name?.trim() || `第${i + 1}名申请人`;
        const sure = await confirmDialog({
          title: `删除申请人${who}`,
          body: h(
            'p',
            `${who}有 ${own.length} 项本人的仲裁请求（${own.map((cl) => cl.description || '未填内容').join('、')}），将一并删除。`,
          ),
          confirmLabel: '删除申请人及其请求',
          danger: true,
        });
        if (!sure) return;
        // By position, not by the objects read before the question: a draft save meanwhile re-reads the form.
        model.claims = model.claims.filter((cl) => Number(cl.applicant || 0) !== i + 1);
        if (!model.claims.length) model.claims.push(emptyClaim());
      }
    }
    model[sideKey].splice(i, 1);
    // s61 C #2: one applicant left — every claim kept (his own or the applicants' together) is now his: position 1.
    if (sideKey === 'applicants')
      for (const cl of model.claims) {
        const n = Number(cl.applicant || 0);
        if (model.applicants.length < 2) {
          cl.applicant = n || cl.joint ? '1' : '';
          cl.joint = false;
        } else if (n > i + 1) cl.applicant = String(n - 1);
      }
    changed();
    render(`[data-add="${sideKey}"]`);
    offerUndo(`已删除${what}。`, before);
  }
  /**
   * A removal is undone from the bar at the bottom (whatever was typed in the block comes back) — until the next edit,
   * which closes the bar (see `changed`).
   */
  function offerUndo(message, before) {
    const bar = form.querySelector('[data-undo]');
    if (!bar) return;
    fill(
      bar,
      h('span', message),
      h(
        'button.btn.small',
        {
          type: 'button',
          onclick: () => {
            model = before;
            changed();
            render();
            fill(bar);
          },
        },
        '撤销',
      ),
    );
  }
  function addAgent(sideKey, i) {
    collect();
    model[sideKey][i].agents.push({ name: '', kind: '', unit: '', phone: '', relationship: '', powers: '' });
    changed();
    render(`[data-path="${sideKey}.${i}.agents.${model[sideKey][i].agents.length - 1}.name"]`);
  }
  function removeAgent(sideKey, i, j) {
    collect();
    const before = JSON.parse(JSON.stringify(model));
    const [gone] = model[sideKey][i].agents.splice(j, 1);
    changed();
    render(`[data-add="${sideKey}"]`);
    offerUndo(`已删除代理人${gone?.name?.trim() ? `（${gone.name.trim()}）` : ''}。`, before);
  }
  let draftTimer;
  // Once the application is registered (or the correction saved) nothing is kept as a draft again: a change event
  // fired by leaving the last field schedules a save that would otherwise land after the draft was cleared, and
  // bring the registered application back as a "draft" to be registered a second time.
  let submitted = false;
  function keepDraft() {
    clearTimeout(draftTimer);
    if (submitted) return;
    draftTimer = setTimeout(() => {
      if (submitted || !state.user) return;
      saveDraft(draftName, collect(), draftMeta);
      const s = form.querySelector('[data-draft-status]');
      if (s) s.textContent = `草稿已自动保存在本机（${chinaTimeNow()}）。${DRAFT_LIFE_NOTE}。`;
    }, 400);
  }
  form.addEventListener('input', changed);
  // An applicant's name typed: the claims' owner choices read it at once.
  form.addEventListener('input', (e) => {
    const m = /^applicants\.(\d+)\.name$/.exec(e.target.dataset?.path ?? '');
    if (!m) return;
    const k = Number(m[1]);
    for (const sel of form.querySelectorAll('[data-owner-select]')) {
      const opt = sel.querySelector(`option[value="${k + 1}"]`);
      if (opt) opt.textContent = applicantLabel({ name: e.target.value }, k);
    }
  });
  form.addEventListener('change', changed);
  form.addEventListener('input', (e) => warnDigits(e.target));
  /**
   * A person's name with a digit in it ("李4") is allowed (the server refuses only identity and mobile numbers), but
   * is most often a slip: a soft note at the field, which never blocks the registration.
   */
  function warnDigits(el) {
    const path = el?.dataset?.path ?? '';
    const m = /^(applicants|respondents)\.(\d+)\.(name|legalRepresentative|agents\.\d+\.name)$/.exec(path);
    if (!m) return;
    const party = m[3] === 'name' ? form.querySelector(`[data-path="${m[1]}.${m[2]}.kind"]`) : null;
    const isPerson = !party || party.value === 'person';
    const show = isPerson && /[0-9０-９]/.test(el.value) && !checkPersonName(el.value);
    const box = el.closest('.f');
    let note = box?.querySelector('.field-warn');
    if (!show) {
      note?.remove();
      return;
    }
    if (!note && box) {
      note = h('span.field-warn', { role: 'status' }, '姓名含数字，请核对');
      box.querySelector('.field-error')?.before(note);
    }
  }
  // While the employment lasts there is no end date: the field is closed (and not sent).
  form.addEventListener('change', (e) => {
    if (e.target.dataset?.path !== 'limitation.employmentStatus') return;
    const ended = form.querySelector('[data-path="limitation.employmentEndedOn"]');
    if (!ended) return;
    ended.disabled = e.target.value === 'ongoing';
    if (ended.disabled) ended.value = '';
  });
  clearOnEdit(form);

  /** The model → the request body: empty fields left out, identifiers only of the party's type. */
  function requestBody() {
    const m = collect();
    const party = (p) => {
      const out = { ...(p.id ? { id: p.id } : {}), kind: p.kind, name: p.name.trim() };
      const keys =
        p.kind === 'person'
          ? ['idNumber', 'ownership', 'phone', 'address']
          : ['creditCode', 'legalRepresentative', 'ownership', 'phone', 'address'];
      for (const k of keys) if (p[k]?.trim()) out[k] = k === 'creditCode' ? p[k].trim().toUpperCase() : p[k].trim();
      const agents = p.agents.map((a) => ({
        ...(a.id ? { id: a.id } : {}),
        name: a.name.trim(),
        kind: a.kind,
        ...(a.unit.trim() ? { unit: a.unit.trim() } : {}),
        ...(a.phone.trim() ? { phone: a.phone.trim() } : {}),
        ...(a.relationship?.trim() ? { relationship: a.relationship.trim() } : {}),
        ...(a.powers ? { powers: a.powers } : {}),
      }));
      if (agents.length || edit) out.agents = agents;
      return out;
    };
    const body = {
      ...(edit ? {} : { track }),
      receivedOn: m.receivedOn,
      channel: m.channel,
      district: m.district,
      wageArrears: m.wageArrears,
      applicants: m.applicants.map(party),
      respondents: m.respondents.map(party),
      claims: m.claims.map((cl) => ({
        ...(cl.id ? { id: cl.id } : {}),
        category: cl.category,
        description: cl.description.trim(),
        ...(cl.amount.trim() ? { amount: plainAmount(cl.amount) } : {}),
        // A kept claim made the applicants' together says so (null); absent, the server keeps whose it was. s61 C #2:
        // a sole applicant's claims are his with no owner named (null), as a registration of one applicant stores them.
        ...(cl.applicant && m.applicants.length > 1 ? { applicant: Number(cl.applicant) } : cl.id ? { applicant: null } : {}),
      })),
    };
    if (track === 'arbitration' && m.procedure) body.procedure = m.procedure;
    if (track === 'review' && m.agreement && !edit)
      body.agreement = {
        organization: m.agreement.organization.trim(),
        effectiveOn: m.agreement.effectiveOn,
        ...(m.agreement.agreedOn ? { agreedOn: m.agreement.agreedOn } : {}),
        ...(m.agreement.terms.trim() ? { terms: m.agreement.terms.trim() } : {}),
      };
    if (m.facts.trim()) body.facts = m.facts.trim();
    if (m.limitation?.knewOn)
      body.limitation = {
        knewOn: m.limitation.knewOn,
        ...(m.limitation.employmentStatus ? { employmentStatus: m.limitation.employmentStatus } : {}),
        ...(m.limitation.employmentEndedOn ? { employmentEndedOn: m.limitation.employmentEndedOn } : {}),
      };
    return body;
  }

  // Enter in a field never registers the application: a half-typed form (the second claim not yet added, an amount
  // still to check) would be recorded and its deadlines started. Only the button submits.
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
  });
  let key = null;
  let busy = false;
  /** This tab sent its registration and lost the answer (network): a replay of that key is its own, not another tab's. */
  let sentHere = false;
  /** The case another tab registered this draft as (its `storage` events), or null. */
  let registeredElsewhere = null;
  const otherTab = h('div', { 'data-other-tab': '' });
  // ui45 L8: once another tab has registered (or dropped) this draft, 已恢复…草稿 above the form is no longer true.
  const dropRestoredNote = () => note.querySelector('.draft-restored')?.remove();
  const caseLink = (c) => h('a', { href: `#/cases/${c.id}` }, c.name);
  function showRegisteredElsewhere(c, extra) {
    submitted = true;
    clearTimeout(draftTimer);
    dirty = false;
    state.leaveGuard = null;
    dropRestoredNote();
    fill(
      otherTab,
      h(
        'div.alert.warn',
        { role: 'alert' },
        '此申请已在另一窗口登记为 ',
        caseLink(c),
        `。${extra ?? '本窗口未再次登记，请打开该案件查看。'}`,
      ),
    );
    otherTab.scrollIntoView({ block: 'center' });
  }
  // The same draft open in another tab of this browser: its 登记 (or 放弃草稿) is told here before this tab submits.
  if (!edit) {
    const onStorage = (e) => {
      if (!form.isConnected && form.dataset.shown) {
        window.removeEventListener('storage', onStorage);
        return;
      }
      if (submitted || e.key !== draftKey(draftName)) return;
      const read = (v) => {
        try {
          return v ? JSON.parse(v) : null;
        } catch {
          return null;
        }
      };
      const now = read(e.newValue);
      const before = read(e.oldValue);
      if (now?.registeredAs && now.idempotencyKey === draftMeta.idempotencyKey) {
        registeredElsewhere = now.registeredAs;
        dropRestoredNote();
        fill(
          otherTab,
          h(
            'div.alert.warn',
            { role: 'alert' },
            '此申请已在另一窗口登记为 ',
            caseLink(now.registeredAs),
            '。请打开该案件核对，不必在本窗口再次登记（再次点“登记”也不会重复登记）。如确属另一份申请，请点',
            h('button.btn.small', { type: 'button', onclick: asNewApplication }, '作为新申请登记'),
            '。',
          ),
        );
      } else if (!now && before?.idempotencyKey === draftMeta.idempotencyKey && !registeredElsewhere) {
        dropRestoredNote();
        fill(
          otherTab,
          h(
            'div.alert.warn',
            { role: 'status' },
            '此草稿已在另一窗口放弃或提交。本窗口的内容仍在页面上；登记前请先核对案件列表，避免重复登记。',
          ),
        );
      }
    };
    window.addEventListener('storage', onStorage);
  }
  /** The clerk says this form is another application after all: a new key, so its 登记 registers a case of its own. */
  function asNewApplication() {
    Object.assign(draftMeta, { idempotencyKey: newKey(), keyIssuedAt: new Date().toISOString() });
    registeredElsewhere = null;
    submitted = false;
    fill(otherTab, h('div.alert.ok', { role: 'status' }, '已作为新的申请：点“登记”将登记为另一件案件。'));
    keepDraft();
  }
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (busy) return;
    // The API leaves 用人单位类型 optional (clients of v1 need not send it); the form asks it of an employer respondent
    // on registration, since a case without it is counted as 未登记 in the statistics by employer type. A correction of
    // a case registered without it may leave it.
    for (const el of form.querySelectorAll('input')) plainAmountField(el);
    const unnamed = (edit ? [] : collect().respondents)
      .map((p, i) => (p.kind === 'organization' && !p.ownership ? i : -1))
      .filter((i) => i >= 0);
    const bad = [
      ...unnamed.map((i) => [`respondents.${i}.ownership`, '请选择用人单位类型（统计按用人单位类型分列）']),
      ...localProblems(collect()),
      // ui45 L5: a date mistyped (a year of 6320) is said now, with the rest, not after the rest is fixed.
      ...dateProblems(form),
      // A claim whose owner was lost in a merge (web/merge.js) is not saved as everyone's claim unseen.
      ...(draftMeta.conflicts ?? [])
        .filter((c) => c.choose)
        .map((c) => [pathOf(model, c.ref), '原选择的申请人已不在申请人中，请重新选择'])
        .filter(([path]) => path),
    ];
    // Everything the browser can tell at once, each at its field; the focus on the first of them on the page.
    if (bad.length) {
      clearErrors(form);
      for (const [path, message] of bad) setError(form, path, message);
      const first = firstInPage(bad.map(([path]) => form.querySelector(`[data-path="${CSS.escape(path)}"]`)));
      first?.scrollIntoView({ block: 'center' });
      first?.focus({ preventScroll: true });
      return;
    }
    // A money claim without its amount: whether the award may be final depends on it (LDMAL Art. 47(1)). Asked, the
    // empty amounts marked; not refused (an amount may be stated later, by a change of claims).
    const noAmount = (track === 'arbitration' ? collect().claims : [])
      .map((cl, i) => (MONEY_CATEGORIES.includes(cl.category) && !plainAmount(cl.amount).trim() ? i : -1))
      .filter((i) => i >= 0);
    if (noAmount.length) {
      busy = true;
      const cats = state.vocab?.claimCategories ?? {};
      const go = await confirmDialog({
        title: `${noAmount.length} 项金钱请求未填金额`,
        body: h(
          'div',
          h(
            'p',
            '以下请求属于劳动报酬、工伤医疗费、经济补偿或赔偿金，未填写金额。是否终局裁决取决于各项金额（《劳动争议调解仲裁法》第四十七条），请填写金额后再提交：',
          ),
          h(
            'ul',
            noAmount.map((i) => {
              const cl = model.claims[i];
              const who = cl.applicant
                ? `${applicantLabel(model.applicants[Number(cl.applicant) - 1] ?? {}, Number(cl.applicant) - 1)}：`
                : '';
              return h(
                'li',
                `请求 ${i + 1}：${who}${cats[cl.category] ?? cl.category}${cl.description.trim() ? `（${cl.description.trim()}）` : ''}`,
              );
            }),
          ),
        ),
        confirmLabel: '不填金额，仍然提交',
        cancelLabel: '返回填写金额',
      });
      busy = false;
      if (!go) {
        for (const i of noAmount) setError(form, `claims.${i}.amount`, '请填写金额（决定是否终局裁决）');
        const first = form.querySelector(`[data-path="claims.${noAmount[0]}.amount"]`);
        first?.scrollIntoView({ block: 'center' });
        first?.focus({ preventScroll: true });
        return;
      }
    }
    // 拖欠工资 ticked and no claim of 劳动报酬: one of them is likely a slip (the statistics count 欠薪 cases) — asked.
    const m = collect();
    if (track === 'arbitration' && m.wageArrears && !m.claims.some((cl) => cl.category === 'wages')) {
      busy = true;
      const go = await confirmDialog({
        title: '勾选了“拖欠工资”，但没有劳动报酬请求',
        body: h(
          'p',
          '本申请勾选了“拖欠工资（农民工工资优先）”，统计中计为欠薪案件，但各项请求中没有“劳动报酬”类请求。请核对是否漏填了工资请求，或误勾了“拖欠工资”。',
        ),
        confirmLabel: '核对无误，仍然提交',
        cancelLabel: '返回修改',
      });
      busy = false;
      if (!go) {
        form.querySelector('[data-path="wageArrears"]')?.focus();
        return;
      }
    }
    busy = true;
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    submit.textContent = '正在提交…';
    const body = requestBody();
    if (!edit) key = draftMeta.idempotencyKey;
    key ??= newKey();
    const meta = {};
    try {
      const c = edit
        ? await api('PATCH', `/api/cases/${edit.id}`, body, { key, ifMatch: edit.version, meta })
        : await api('POST', '/api/cases', body, { key, meta });
      if (!edit && meta.replayed && !sentHere) {
        // Another tab registered this draft first: the server answered its case, nothing was registered again.
        clearDraft(draftName);
        showRegisteredElsewhere({ id: c.id, name: caseName(c) });
        return;
      }
      submitted = true;
      clearTimeout(draftTimer);
      // Other tabs holding this draft read which case it became (their `storage` event), then see it cleared.
      if (!edit) saveDraft(draftName, collect(), { ...draftMeta, registeredAs: { id: c.id, name: caseName(c) } });
      clearDraft(draftName);
      dirty = false;
      state.leaveGuard = null;
      const done = edit ? '登记信息已修改。' : '已登记。';
      // Earlier cases between the same parties (Rules Arts. 34, 39): shown on the new case's page, with links.
      // …and the parties' and agents' (fixA53 `partyWarnings`: one agent for both sides, a missing relationship or firm).
      if (c.warnings?.length || c.partyWarnings?.length)
        sessionStorage.setItem(
          'zc.casewarnings',
          JSON.stringify({ caseId: c.id, warnings: c.warnings ?? [], notes: c.partyWarnings ?? [], claimNotes: c.claimWarnings ?? [] }),
        );
      // fixU59 #5: the registration's date warnings (a review application past its period, a receipt long ago) are said.
      const dated = (c.dateWarnings ?? []).join('；');
      const flash = c.limitation?.status === 'expired' ? `${done}时效提示：${c.limitation.explanation ?? '可能已超过仲裁时效'}` : done;
      sessionStorage.setItem('zc.caseflash', dated ? `${flash}请核对：${dated}` : flash);
      location.hash = `#/cases/${c.id}`;
    } catch (err) {
      // A refused request is final for its key; a lost answer (network) may be retried with the same key. A
      // registration keeps its draft's key (a refusal stores nothing under it).
      if (err.status !== 0) key = null;
      else sentHere = true;
      if (!edit && err.status === 422 && err.problem?.rule === 'idempotency-key-reused') {
        // The draft's key already registered a case (in another tab) with other content than this tab's now.
        dropRestoredNote();
        fill(
          otherTab,
          h(
            'div.alert.bad',
            { role: 'alert' },
            '此申请草稿已在另一窗口登记',
            registeredElsewhere ? h('span', '为 ', caseLink(registeredElsewhere)) : '',
            '，但本窗口的内容与当时登记的内容不同，本窗口未再次登记。请打开已登记的案件核对；需要更正的，在该案件页点“修改登记信息”。如确属另一份申请，请点',
            h('button.btn.small', { type: 'button', onclick: asNewApplication }, '作为新申请登记'),
            '后再登记。',
          ),
        );
        otherTab.scrollIntoView({ block: 'center' });
        return;
      }
      if (edit && err.status === 412) {
        // Another clerk saved a change first: nothing is saved. What this person typed stays in the draft (saved now,
        // with the version it started from); 载入最新内容 lays it over the case as it is now (see the top).
        clearTimeout(draftTimer);
        saveDraft(draftName, collect(), draftMeta);
        showErrors(
          form,
          new ApiError(
            412,
            {},
            changedByMe(err.problem)
              ? '案件已在其他窗口或由您本人修改，本页的修改未保存，但仍保留在本机草稿中。点击“载入最新内容”：载入已保存的内容，并把本页的修改重新填入；两处都改过的栏目会标出本页的内容。'
              : '案件已被他人修改，您的修改未保存，但仍保留在本机草稿中。点击“载入最新内容”：载入他人保存的内容，并把您的修改重新填入；双方都改过的栏目会标出您的内容。',
          ),
        );
        form.querySelector('.form-alert .alert')?.append(
          ' ',
          h(
            'button.btn.small',
            {
              type: 'button',
              onclick: () => {
                submitted = true;
                clearTimeout(draftTimer);
                saveDraft(draftName, collect(), draftMeta);
                dirty = false;
                state.leaveGuard = null;
                window.dispatchEvent(new Event('zc:route'));
              },
            },
            '载入最新内容',
          ),
        );
      } else showErrors(form, err);
    } finally {
      busy = false;
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
      submit.textContent = submitLabel;
    }
  });

  state.leaveGuard = {
    dirty: () => dirty,
    confirm: () =>
      confirmDialog({
        title: '离开此页？',
        body: h('p', '表单尚未提交。已填写的内容已作为草稿保存在本机，回到此页时会恢复。'),
        confirmLabel: '离开',
      }),
  };
  form.append(otherTab, note, body);
  render();
  showDraftNote(draft);
  requestAnimationFrame(() => {
    if (form.isConnected) form.dataset.shown = '1';
  });
  return form;
}

/** A party's name: wide enough for an employer's whole name (「聊城某某劳务有限公司」) beside the other fields (ui44 L8). */
function partyNameField(f) {
  f.classList.add('party-name');
  return f;
}

/** A field's value as the form shows it (a choice's label, not its code), for the person's own text beside a field. */
function displayValue(fieldName, v) {
  const vocab = state.vocab ?? {};
  const maps = {
    channel: vocab.channels,
    procedure: vocab.procedures,
    ownership: vocab.ownershipTypes,
    category: vocab.claimCategories,
    employmentStatus: { ongoing: '仍存续', ended: '已终止' },
    kind: { person: '自然人', organization: '用人单位/组织', ...(vocab.agentKinds ?? {}) },
  };
  if (fieldName === 'applicant') return v ? `第${v}名申请人` : '全体申请人共同';
  return maps[fieldName]?.[v] ?? v;
}
