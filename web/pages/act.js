// The act dialog: one procedure event, its fields from forms.js. Enter never submits; the confirm button goes busy
// and the request carries one Idempotency-Key for the dialog; acts that cannot be undone ask for a confirmation that
// names the case and the consequence; a dialog with typed content asks before it is thrown away; the award's text
// is kept as a draft per case until the award is made.
import {
  actWarnings,
  bulkParties,
  consequenceOf,
  DATE_HINTS,
  DATE_LABELS,
  deadlineShifts,
  GENERATED_AS,
  IRREVERSIBLE,
  LISTS_SHIFTS,
  ONE_STEP,
  PREVIEWS_DEADLINES,
  PREVIEWS_WARNINGS,
  previewedConsequence,
  SUSPENDED_HEARING,
  SUSPENSION_NAMES_HEARING,
  setsHearingDay,
  actLabel as trackLabel,
} from '../acts.js';
import {
  ApiError,
  addDays,
  api,
  caseName,
  checkMoney,
  chinaTimeNow,
  claimOwner,
  clearDraft,
  clearErrors,
  clearOnEdit,
  confirmDialog,
  dateProblems,
  daysBetween,
  download,
  draftTime,
  eventLabel,
  field,
  fieldMessage,
  fill,
  firstInPage,
  h,
  input,
  loadDraft,
  money,
  names,
  newKey,
  normalizeAsTyped,
  partiesTitle,
  plainAmount,
  plainAmountField,
  plainIdentifier,
  REQUIRED,
  saveDraft,
  select,
  setError,
  showErrors,
  sourceZh,
  state,
  stateLabel,
  today,
} from '../core.js';
import { calculatorButton } from '../features.js';
import { EVENT_FORMS, LABELS, METHODS, pendingSuitParties, serviceDocNames } from '../forms.js';
import { ANSWER_PERIOD, answerPeriodChoice } from './answer-period.js';

/** Sets `path` in the body: 'target.userId' → {target: {userId}}, 'add.0.amount' → {add: [{amount}]}. */
/** A claim as the forms list it: its number and words, a counterclaim's marked (Rules Art. 36). */

/**
 * legal54c M1: an applicant still in the case (not already deemed to have withdrawn) absent at the last hearing held —
 * his side recorded absent or gone midway, or he himself ticked absent (LDMAL Art. 36; Rules Art. 39).
 */
function absentApplicant(c, id) {
  const h = (c.proceedings?.hearingsHeld ?? []).at(-1);
  if (!h) return false;
  if ((c.proceedings?.deemedWithdrawals ?? []).some((d) => String(d.partyId) === String(id))) return false;
  return h.applicantPresent === false || h.applicantLeftEarly === true || (h.absentParties ?? []).some((x) => String(x) === String(id));
}

function claimLine(cl, c) {
  const owner = claimOwner(c, cl);
  return `${cl.seq}. ${cl.counterclaim ? '【反请求】' : ''}${owner ? `${cl.counterclaim ? '针对' : ''}申请人${owner}：` : ''}${cl.description}`;
}

function put(b, path, v) {
  const keys = path.split('.');
  let o = b;
  keys.slice(0, -1).forEach((k, i) => {
    o[k] ??= /^\d+$/.test(keys[i + 1]) ? [] : {};
    o = o[k];
  });
  o[keys.at(-1)] = v;
}

/** s62 C #1: the single-line fields whose Enter asks for the act's confirmation (a date's Enter goes to the button). */
const SINGLE_LINE = new Set(['text', 'search', 'tel', 'url', 'email', 'number']);
/** Parties of a case with their side, for pickers. */
/** The words of a late award's warning (LDMAL Art. 43), the browser's and the server's alike. */
const LATE_AWARD = /逾期未作出仲裁裁决的，当事人可以就该劳动争议事项向人民法院提起诉讼/;
export function partiesOf(c) {
  const list = [
    ...c.applicants.map((p, i) => ({ ...p, side: '申请人', sideCode: 'applicant', nth: i + 1 })),
    ...c.respondents.map((p, i) => ({ ...p, side: '被申请人', sideCode: 'respondent', nth: i + 1 })),
    ...(c.thirdParties ?? []).map((p, i) => ({ ...p, side: '第三人', sideCode: 'third_party', nth: i + 1 })),
  ];
  // Two workers of a collective case may share a name: each choice must say which one is meant (an act recorded on
  // the wrong worker — service, a signature — cannot be taken back).
  const named = (p) => list.filter((q) => q.name === p.name).length > 1;
  return list.map((p) => {
    const tail = p.idNumber ? String(p.idNumber).slice(-4) : null;
    // ui51 M3: `which` tells apart two parties of one name (第N位申请人, the identity number's tail where this reader
    // sees it); `who` is the name with it, for the case page's lists (deadlines, records, services, history).
    const which = named(p) ? `第${p.nth}位${p.side}${tail ? `，身份证号尾号${tail}` : ''}` : null;
    return { ...p, which, who: which ? `${p.name}（${which}）` : p.name, label: `${p.side}：${p.name}${which ? `（${which}）` : ''}` };
  });
}

/** A list of checkboxes (no Ctrl-click): [{value, label, hint}] → {node, values()}. */
function checkList(name, options, opts = {}) {
  const boxes = options.map((o) =>
    h(
      'label.check.item',
      input(opts.radio ? 'radio' : 'checkbox', { name, value: String(o.value), checked: o.checked, disabled: o.disabled }),
      h('span', o.label),
      o.hint ? h('span.small.muted', o.hint) : null,
    ),
  );
  const node = h('div.checklist', { role: 'group', 'aria-label': opts.label ?? name, dataset: { path: name } }, boxes);
  return { node, values: () => [...node.querySelectorAll('input:checked')].map((i) => Number(i.value)) };
}

/** Postponing: the hearing as now scheduled, which the new date, time and place replace. */
function currentHearing(c) {
  const hr = c.proceedings?.hearing;
  if (!hr) return h('p.small.muted', '本案尚无已排期的开庭');
  return h(
    'p.current-hearing',
    '原定开庭：',
    h('strong', `${hr.hearingOn}${hr.time ? ` ${hr.time}` : ''}`),
    hr.place ? ` · ${hr.place}` : '',
  );
}

/** The confirmation's title and button: 确认 and the act, without a doubled 确认 (确认裁决生效, 确认调解协议 — ui46 M2). */
/** The act's name on this case (ui47 M4, ui49 L8: a review's 撤回仲裁审查申请). */
const actLabel = (type, c) => trackLabel(type, c, eventLabel(type));
const confirmWords = (type, c) => (actLabel(type, c).startsWith('确认') ? actLabel(type, c) : `确认${actLabel(type, c)}`);

/** ui48 L1: acts only a respondent takes — a jurisdiction objection (Rules Art. 10; the server refuses an applicant's). */
const RESPONDENTS_ONLY = new Set(['RAISE_JURISDICTION_OBJECTION']);

/**
 * ui48 H1: acts whose 办理日期 is optional and starts empty — a service is dated by its 送达日期 (the server dates a
 * SERVE sent without occurredOn by its servedOn), so a receipt entered today no longer dates every later act after today.
 */
const DATE_OPTIONAL = new Set(['SERVE']);

/** Days before today beyond which an act's date is asked about before it is recorded (a late entry, a mistyped year). */
const BACKDATED_DAYS = 30;

/** fixU54 #2: the error beside 首席/独任仲裁员 left unchosen, by what is ticked. */
const PRESIDING_MISSING = (list) => (list.values().length ? '请从已勾选的仲裁员中选择首席仲裁员' : '请先勾选仲裁员（独任1名或合议3名）');

/** fixU54 #1: acts whose button names the act though they can be taken back by a later act (a hearing's day). */
const NAMED_BUTTON = new Set(['SCHEDULE_HEARING', 'POSTPONE_HEARING']);

/** An act's dialog on its way (its lists loading): a second click opens no second dialog. */
let opening = false;

/**
 * The dialog of one act on case `c` as the screen shows it. The act is sent with the case's version (If-Match): when
 * someone else changed the case since the screen was drawn, nothing is recorded and the dialog offers the latest case.
 * A dialog whose lists arrive after the person left the case's screen is not opened. `opened.agentId`: the agent a
 * revocation opened from his line starts on (feat52).
 */
export async function openEventForm(c, type, done, opened = {}) {
  if (opening || document.querySelector('dialog.act[open]')) return;
  const screen = state.screen;
  opening = true;
  try {
    await eventForm(c, type, done, screen, opened);
  } finally {
    opening = false;
  }
}

/** fixU52 M1: a refusal of the 调解书 is named as one — the dialog, its button, the confirmation and the flash. */
const REFUSAL_LABEL = '登记拒绝签收调解书';
/** ui53 L2: in a refusal (LDMAL Art. 42) the party and the day are the refusal's (forms.js SIGN_MEDIATION_DOCUMENT). */
const REFUSAL_FIELDS = { partyId: '拒收当事人', signedOn: '拒收日期' };
/** ui53 L2: the server's words about the signature's date or party (apply-event.ts), said of the refusal in one. */
function refusalWorded(err, refusing) {
  if (!refusing || !(err instanceof ApiError)) return err;
  const word = (m) =>
    String(m ?? '')
      .replaceAll('签收日期', '拒收日期')
      .replaceAll('签收当事人', '拒收当事人');
  for (const e of err.problem?.errors ?? []) e.message = word(e.message);
  err.message = word(err.message);
  return err;
}
/** ui53 L2: a note of the server's, closed with its full stop. */
const sentence = (t) => (/[。！？）」”]$/.test(t) ? t : `${t}。`);

async function eventForm(c, type, done, screen, opened = {}) {
  // fixU52 M1 (LDMAL Art. 42(3)–(4); Rules Art. 77): before the 调解书 is issued (next-events `refusalOnly`) the act is
  // only a party's refusal — the dialog opens as one, the 拒绝签收 box ticked and locked, the date named 拒收日期.
  const refusalOnly = type === 'SIGN_MEDIATION_DOCUMENT' && opened.refusalOnly === true;
  // A field with `when` is asked only where the case makes it a question.
  const spec = (EVENT_FORMS[type] ?? [])
    .filter((f) => !f.when || f.when(c))
    .map((f) => (refusalOnly && REFUSAL_FIELDS[f.name] ? { ...f, label: REFUSAL_FIELDS[f.name] } : f));
  // The act's name as this dialog does it (a refusal of the 调解书 is named so); `body` as it will be sent.
  const title = refusalOnly ? REFUSAL_LABEL : actLabel(type, c);
  const refusing = (body) => type === 'SIGN_MEDIATION_DOCUMENT' && (refusalOnly || body?.refused === true);
  const nameOf = (body) => (refusing(body) ? REFUSAL_LABEL : actLabel(type, c));
  const askWords = (body) => (refusing(body) ? REFUSAL_LABEL : confirmWords(type, c));
  const needsStaff = spec.some((f) => f.kind.startsWith('arbitrator'));
  const needsMediators = spec.some((f) => f.kind === 'mediator');
  // Who has how much work, where cases are assigned: the tribunal, a replacement arbitrator, a mediator.
  const seesWorkload = ['chair', 'admin', 'clerk', 'arbitrator'].includes(state.user.role);
  const againstAward = spec.some((f) => f.kind === 'partialAward');
  const awarding = spec.some((f) => f.kind === 'award');
  const [staff, workload, mediators, mediatorWorkload, barringAtOpen, voidCandidates, docsAtOpen, awardDocs, eventsAtOpen] =
    await Promise.all([
      needsStaff ? api('GET', '/api/staff?role=arbitrator&pageSize=200').then((r) => r.items) : [],
      needsStaff && seesWorkload ? api('GET', '/api/workload?role=arbitrator&pageSize=200').catch(() => null) : null,
      needsMediators ? api('GET', '/api/staff?role=mediator&pageSize=200').then((r) => r.items) : [],
      needsMediators && seesWorkload ? api('GET', '/api/workload?role=mediator&pageSize=200').catch(() => null) : null,
      // Rules Art. 34: the earlier cases the registration found that bar the same dispute, asked about in the dialog.
      type === 'ACCEPT' ? barringDuplicates(c) : [],
      // ui45 M1: the registrations a mistaken one may repeat, chosen by what the clerk sees (case number, parties, date).
      type === 'VOID_REGISTRATION' ? duplicateCandidates(c) : [],
      // ui48 L6: what the 文书 panel lists, to offer and mark the documents a service may name.
      type === 'SERVE' ? api('GET', `/api/cases/${c.id}/documents`).catch(() => null) : null,
      // ui49 H1: the awards' document numbers, to name the award a remedy is against.
      againstAward ? api('GET', `/api/cases/${c.id}/documents`).catch(() => null) : null,
      // s60 #4: the 被申请人辩称 written before (with a partial award, or when its document was generated) — the case view
      // does not carry it; the history does.
      awarding ? api('GET', `/api/cases/${c.id}/events`).catch(() => null) : null,
    ]);
  if (state.screen !== screen) return;
  const load = new Map((workload?.items ?? []).map((w) => [w.id, w]));
  const mediatorLoad = new Map((mediatorWorkload?.items ?? []).map((w) => [w.id, w]));
  const parties = partiesOf(c);
  const form = h('form', { novalidate: true });
  const dlg = h('dialog.act', { 'aria-labelledby': 'dlg-title' }, form);
  const dateLabel = DATE_LABELS[type] ?? '办理日期';
  // An act the server already refuses as the case stands (an extension after the time limit ran out) says so as the
  // dialog opens, before anything is typed (OPEN_PREVIEW).
  const openRefusal = h('div.open-refusal', { 'aria-live': 'polite' });
  const fields = h(
    'div.db',
    h('div.form-alert'),
    openRefusal,
    field(dateLabel, 'occurredOn', input('date', { value: initialDate(c, type), max: today() }), {
      required: !DATE_OPTIONAL.has(type),
      hint: DATE_HINTS[type] ?? '行为实际发生之日，可早于今天，不能晚于今天',
    }),
  );
  if (type === 'POSTPONE_HEARING') fields.append(currentHearing(c));
  const getters = [];
  const checks = [];
  /** What the confirmation of an irreversible act repeats: [label, value as shown] of each filled field. */
  const describe = [];
  /**
   * s64 C #1: a server error whose path names no one field of this dialog (ADVANCE_EXECUTION's `amounts`: the claims
   * chosen without one) is moved onto the fields it is about, before it is shown (`showErrors`). Each takes the error.
   */
  const placers = [];
  const placed = (err) => {
    for (const place of placers) place(err);
    return err;
  };
  /** s64 C #1: each field's label, for an error the dialog cannot place (`showErrors` names it by it, never by its key). */
  const fieldLabels = Object.fromEntries(spec.map((f) => [f.name, f.label]));
  let awardEd = null;
  // ui48 L2: a recusal decision names whom it is about — the person the pending application challenges.
  if (type === 'DECIDE_RECUSAL') {
    const r = (c.proceedings?.recusalApplications ?? []).find((x) => !x.decision);
    const t = r?.target;
    const who =
      t?.kind === 'arbitrator'
        ? (staff.find((s) => String(s.id) === String(t.userId))?.displayName ??
          (c.tribunal?.arbitrators ?? []).find((x) => String(x.id) === String(t.userId))?.name ??
          t.name)
        : t?.name;
    if (who) describe.push(() => [t.kind === 'arbitrator' ? '被申请回避的仲裁员' : '被申请回避的记录人员', who]);
  }
  // FORM_TRIBUNAL: the presiding arbitrator is chosen among those ticked (the server refuses anyone else).
  let tribunalList = null;
  for (const f of spec) {
    const path = f.name;
    let el;
    if (f.kind === 'award') {
      awardEd = awardEditor(c, type, fields.querySelector('[data-path="occurredOn"]'), writtenDefense(eventsAtOpen));
      fields.append(awardEd.node);
      getters.push(awardEd.get);
      checks.push(awardEd.check);
      continue;
    }
    if (f.kind === 'partialAward') {
      fields.append(againstAwardField(c, f, awardDocs, getters, checks, describe));
      continue;
    }
    if (f.kind === 'claimChanges') {
      const changes = claimChanges(c);
      if (!changes) continue;
      fields.append(changes.node);
      getters.push(changes.get);
      checks.push(changes.check);
      describe.push(changes.describe);
      continue;
    }
    if (f.kind === 'textarea') el = h('textarea', { rows: 3, maxlength: f.max ?? 20000 });
    // Only dates of what has already happened are capped at today; a hearing or a period's end lies ahead.
    else if (f.kind === 'date') el = input('date', f.future ? {} : { max: today() });
    else if (f.kind === 'time') el = input('time');
    // A whole number is a text field with the numeric keypad: full-width digits typed with a Chinese input method are
    // read as digits (web/core.js halfWidthAmount) — a number field drops them and the person saw 必须填写 (ui44 L7).
    else if (f.kind === 'int') el = input('text', { inputmode: 'numeric', autocomplete: 'off', value: f.default ?? '' });
    else if (f.kind === 'yesno') {
      // A required yes/no (到庭/未到庭): two radio buttons, neither chosen in advance.
      const group = h(
        'div.checklist.yesno',
        { role: 'radiogroup', 'aria-label': f.label, 'aria-required': 'true', tabindex: '-1', dataset: { path } },
        [
          ['true', f.yes ?? '是'],
          ['false', f.no ?? '否'],
        ].map(([v, l]) => h('label.check.item', input('radio', { name: `yn-${path}`, value: v }), h('span', l))),
      );
      fields.append(
        h(
          'fieldset.inline',
          h('legend', f.label, f.required ? h('span.req', { 'aria-hidden': 'true' }, '*') : null),
          group,
          h('span.field-error', { 'data-error-for': path }),
        ),
      );
      const chosen = () => group.querySelector('input:checked')?.value;
      getters.push((b) => {
        if (chosen()) put(b, path, chosen() === 'true');
      });
      describe.push(() => (chosen() ? [f.label, chosen() === 'true' ? (f.yes ?? '是') : (f.no ?? '否')] : null));
      if (f.required) checks.push(() => (chosen() ? null : [path, '请选择']));
      continue;
    } else if (f.kind === 'publicity') {
      fields.append(publicityField(c, type, f, getters, checks, describe));
      continue;
    } else if (f.kind === 'bool') {
      const locked = refusalOnly && path === 'refused';
      const box = input('checkbox', { checked: f.default === true || locked, disabled: locked });
      box.dataset.path = path;
      // The error on its own line under the box (a refusal can be long).
      const wrap = h(
        'div.bool-field',
        h('label.check', box, f.label),
        f.hint ? h('span.small.muted', f.hint) : null,
        h('div.field-error', { 'data-error-for': path }),
      );
      fields.append(wrap);
      // A box that belongs to some choices of another field (受送达人同意 to 电子送达) is shown, sent and checked only
      // with them.
      const shown = onlyWith(fields, f, wrap);
      getters.push((b) => {
        if (shown() && (box.checked || !f.omitFalse)) put(b, path, box.checked);
      });
      describe.push(() => (shown() && box.checked ? [f.label, '是'] : null));
      // fixU52 M1: ticking 拒绝签收 makes the act a refusal — the dialog's title and button say so as it is ticked;
      // ui53 L2: and its party and date fields are the refusal's (拒收当事人, 拒收日期).
      if (type === 'SIGN_MEDIATION_DOCUMENT' && path === 'refused' && !refusalOnly)
        box.addEventListener('change', () => {
          const name = nameOf({ refused: box.checked });
          form.querySelector('#dlg-title').textContent = name;
          if (!busy) ok.textContent = `${name}…`;
          for (const f of spec) {
            const words = REFUSAL_FIELDS[f.name];
            const label = words && fields.querySelector(`[data-path="${f.name}"]`)?.closest('.f')?.querySelector('label');
            if (label?.firstChild) label.firstChild.textContent = box.checked ? words : f.label;
          }
        });
      if (f.requiredWhenShown) checks.push(() => (shown() && !box.checked ? [path, f.requiredWhenShown] : null));
      continue;
    } else if (f.kind === 'select') {
      // 送达: only the documents the record has made (the server refuses the others; a helper's walk was offered 裁决书
      // on a case without an award).
      const servable = type === 'SERVE' && path === 'document' ? c.servable : null;
      // fixA50: a field's options may depend on the case (a function of it).
      const base = typeof f.options === 'function' ? f.options(c) : f.options;
      let options = servable ? Object.fromEntries(Object.entries(base).filter(([k]) => servable.includes(k))) : base;
      // Service by phone or SMS is for simple handling only (Rules Art. 59; the server refuses it otherwise): not
      // offered on a case under the ordinary procedure (a second walk was offered it, then refused).
      if (type === 'SERVE' && path === 'method' && c.procedure !== 'simple')
        options = Object.fromEntries(Object.entries(options).filter(([k]) => k !== 'sms'));
      // ui48 L6: a 决定书 is a document only this system's 文书 panel makes for a decision (no act of the record makes
      // it), so it is offered once one was generated; another document the system makes but has not made for this case
      // is marked (its service is asked about again in the confirmation).
      if (type === 'SERVE' && path === 'document' && Array.isArray(docsAtOpen)) {
        const made = (k) => !GENERATED_AS[k] || docsAtOpen.some((d) => GENERATED_AS[k].includes(d.kind));
        options = Object.fromEntries(
          Object.entries(options)
            .filter(([k]) => k !== 'decision' || made(k))
            .map(([k, v]) => [k, made(k) ? v : `${v}（本案尚未生成）`]),
        );
      }
      // ui49 L3: before the award, the only award to serve is a partial award: named so.
      if (type === 'SERVE' && path === 'document' && 'award' in options && !c.award && (c.proceedings?.partialAwards ?? []).length)
        options = { ...options, award: options.award.replace(/^[^（]*裁决书/, '部分裁决书') };
      el = select([...(f.required ? [] : [['', '（不选）']]), ...Object.entries(options)]);
      // A 调解书 is served on the party in person and takes effect on signing (LDMAL Art. 42(3); SPC CPL Interpretation
      // Art. 133): leaving, posting, public notice and SMS are not offered for it (the server refuses them, 422 on `method`).
      if (type === 'SERVE' && path === 'method') {
        const doc = fields.querySelector('[data-path="document"]');
        const methodSelect = el;
        const allowed = state.vocab?.mediationDocumentMethods ?? ['direct', 'entrusted', 'electronic'];
        const sync = () => {
          const mediation = doc?.value === 'mediation_document';
          for (const o of methodSelect.options) o.hidden = o.disabled = mediation && o.value !== '' && !allowed.includes(o.value);
          if (methodSelect.selectedOptions[0]?.disabled) {
            methodSelect.value = '';
            methodSelect.dispatchEvent(new Event('change'));
          }
        };
        doc?.addEventListener('change', sync);
        queueMicrotask(sync);
      }
      // s62 E #1: a choice that belongs to some choices of another field (`f.optionsWith`: {field, allowed: () =>
      // {option: [values of field]}}) — 追加理由 by 追加为 — is offered only with them; one chosen before the other
      // field changed, and no longer fitting, is cleared. Nothing chosen there yet: every choice is offered.
      if (f.optionsWith) {
        const other = fields.querySelector(`[data-path="${CSS.escape(f.optionsWith.field)}"]`);
        const own = el;
        const sync = () => {
          const allowed = f.optionsWith.allowed();
          for (const o of own.options) {
            const off =
              Boolean(other?.value) && o.value !== '' && Array.isArray(allowed[o.value]) && !allowed[o.value].includes(other.value);
            o.hidden = o.disabled = off;
          }
          if (own.selectedOptions[0]?.disabled) {
            own.value = '';
            own.dispatchEvent(new Event('change'));
          }
        };
        other?.addEventListener('change', sync);
        queueMicrotask(sync);
      }
      // A choice the case's record already answers (转入仲裁原因 after 调解不成) starts chosen; the person may change it.
      const initial = f.initial?.(c);
      if (initial && initial in options) el.value = initial;
    } else if (f.kind === 'category') el = select([['', '（不选）'], ...Object.entries(state.vocab.claimCategories)]);
    // A claim added names its applicant by position among the case's (ClaimInput.applicant; Rules Art. 62). Several
    // workers: whose claim it is is chosen, never defaulted (ui47 H1: the list opened on 第1名申请人) — 全体申请人共同
    // is a choice like the others ('all', sent as no applicant).
    else if (f.kind === 'applicant') {
      el = select([
        ['', '（请选择）'],
        ['all', '全体申请人共同'],
        ...c.applicants.map((p, i) => [String(i + 1), `第${i + 1}名申请人（${p.name}）`]),
      ]);
      const chosen = el;
      // Required where the claim is given: the counterclaim always makes one; a change of claims only when one is added.
      const prefix = path.replace(/applicant$/, '');
      const given = () =>
        type === 'FILE_COUNTERCLAIM' ||
        [...fields.querySelectorAll('[data-path]')].some(
          (x) => x.dataset.path.startsWith(prefix) && x.dataset.path !== path && String(x.value ?? '').trim() !== '',
        );
      checks.push(() => (chosen.value === '' && given() ? [path, '请选择该请求的申请人'] : null));
    } else if (f.kind === 'party') {
      // A 调解书 is signed for by the applicants and respondents, each once: who has signed is not offered again.
      const signed = new Set((c.proceedings?.mediation?.signatures ?? []).map((s) => String(s.partyId)));
      const sides = new Set([...c.applicants, ...c.respondents].map((p) => String(p.id)));
      const offered =
        type === 'SIGN_MEDIATION_DOCUMENT' && path === 'partyId'
          ? parties.filter((p) => sides.has(String(p.id)) && !signed.has(String(p.id)))
          : type === 'RECORD_COURT_OUTCOME'
            ? // fixA50 (legal49c H2): the parties whose suit awaits its outcome — the suit the ruling ends.
              parties.filter((p) => pendingSuitParties(c).has(String(p.id)))
            : RESPONDENTS_ONLY.has(type)
              ? parties.filter((p) => p.sideCode === 'respondent')
              : REMEDY_PARTIES[type] && c.remedyParties
                ? // fixK56 #3: who may sue or enforce, as the server's rules say (case view remedyParties) — not a copy of them.
                  parties.filter((p) => c.remedyParties[REMEDY_PARTIES[type]].includes(Number(p.id)))
                : type === 'DEEM_WITHDRAWN'
                  ? // legal54c M1: an applicant still in the case who was absent at the last hearing (LDMAL Art. 36).
                    parties.filter((p) => p.sideCode === 'applicant' && absentApplicant(c, p.id))
                  : parties;
      const opts = offered.map((p) => [String(p.id), p.label]);
      // Bulk service: one notice on every worker of a collective case, one act per worker.
      if (type === 'SERVE' && c.applicants.length > 1) opts.push(['allApplicants', `全体申请人（${c.applicants.length}人，逐人登记）`]);
      // ui46 (stretch): every respondent too, where there are several.
      if (type === 'SERVE' && c.respondents.length > 1)
        opts.push(['allRespondents', `全体被申请人（${c.respondents.length}人，逐人登记）`]);
      // Whose act it is is never chosen for the person (ui47 H1): an optional party starts on （不选）.
      el = select(f.required ? opts : [['', '（不选）'], ...opts]);
    } else if (f.kind === 'agent') {
      // feat52: the agent whose agency is revoked, among the parties' agents as they stand; his party goes with him.
      const agents = parties.flatMap((p) => (p.agents ?? []).map((ag) => ({ p, ag })));
      // ui53 L3: short enough for a phone's width — the party by side and place where two share a name (the identity
      // number's tail is on the case page); the dialog's confirmation repeats it.
      const whose = (p) => `${p.which ? `第${p.nth}位` : ''}${p.side}${p.name}`;
      el = select(agents.map(({ p, ag }) => [String(ag.id), `${ag.name}（${whose(p)}）`]));
      const picked = el;
      getters.push((b) => {
        const hit = agents.find((x) => String(x.ag.id) === picked.value);
        if (hit) b.partyId = Number(hit.p.id);
      });
    } else if (f.kind === 'respondent') {
      // Which respondent filed (FILE_DEFENSE): an added respondent's own period ends only with its own defense (LDMAL
      // Art. 30; Rules Art. 46(1)). Several respondents: the one who filed is named, never defaulted (ui47 H1: the list
      // opened on the first company; 原被申请人 recorded a defense nobody could tell whose) — required, （请选择） first.
      el = select(c.respondents.map((p) => [String(p.id), p.name]));
    } else if (f.kind === 'arbitrator') {
      // Recusal: only a member of this case's tribunal can withdraw (LDMAL Art. 33); the one who replaces him is not
      // already on it (the server refuses a member, 422) — nor the one withdrawing.
      const members = new Set((c.tribunal?.arbitrators ?? []).map((a) => String(a.id)));
      const recusal = type === 'RECUSE_ARBITRATOR' || type === 'DECIDE_RECUSAL';
      const pool =
        type === 'RECUSE_ARBITRATOR' && path === 'arbitratorId' && members.size
          ? staff.filter((s) => members.has(String(s.id)))
          : recusal && path === 'replacementId'
            ? staff.filter((s) => !members.has(String(s.id)))
            : staff;
      const staffOpts = pool.map((s) => {
        const w = /replacement/i.test(path) ? load.get(s.id) : null;
        return [String(s.id), w ? `${s.displayName}（在办 ${w.openCases} 件，本周开庭 ${w.hearingsThisWeek} 次）` : s.displayName];
      });
      el = select(f.required ? staffOpts : [['', '（不选）'], ...staffOpts]);
      // ui48 L2: the confirmation names the arbitrator, not the workload beside the name.
      for (const o of el.options) {
        const s = pool.find((x) => String(x.id) === o.value);
        if (s) o.dataset.name = s.displayName;
      }
      if (path === 'presidingId' && tribunalList) {
        // fixU54 #2: one arbitrator ticked is the sole arbitrator — filled in, shown chosen. Several ticked: the person
        // chooses the presiding one among them (a choice the person made stays while its arbitrator stays ticked; one
        // filled in for a single arbitrator is not kept as the presiding of three) — none chosen is an error beside
        // the field (the required check below), never a first-ticked default.
        const list = tribunalList;
        const presiding = el;
        let chosen = false;
        presiding.addEventListener('change', () => {
          chosen = presiding.value !== '';
        });
        const sync = () => {
          const ticked = list.values().map(String);
          for (const o of presiding.options) o.hidden = o.disabled = o.value === '' || !ticked.includes(o.value);
          if (ticked.length === 1) {
            if (presiding.value !== ticked[0]) {
              presiding.value = ticked[0];
              chosen = false;
            }
          } else if (!chosen || !ticked.includes(presiding.value)) {
            presiding.value = '';
            chosen = false;
          }
        };
        list.node.addEventListener('change', sync);
        sync();
      }
    } else if (f.kind === 'duplicateOf') {
      // (Options built in order: an object would put the numeric ids before 无.)
      el = h('select', [
        h('option', { value: '' }, '无'),
        ...voidCandidates.map((d) => h('option', { value: String(d.id) }, candidateLine(d))),
      ]);
      const note = h('div.small.dup-date-note', { 'aria-live': 'polite' });
      const chosen = el;
      chosen.addEventListener('change', () => fill(note, sameApplicationNote(c, voidCandidates, chosen.value)));
      const wrap = field(f.label, path, el, {
        hint: voidCandidates.length ? f.hint : '未发现同一申请人的其他登记；不是重复登记的，选择“无”',
      });
      wrap.append(note);
      fields.append(wrap);
      describe.push(() => (chosen.value ? [f.label, chosen.selectedOptions[0]?.textContent ?? ''] : [f.label, '无']));
      getters.push((b) => {
        if (chosen.value) b[path] = Number(chosen.value);
      });
      continue;
    } else if (f.kind === 'mediator')
      el = select(
        mediators.map((s) => {
          const w = mediatorLoad.get(s.id);
          // ui50 L: a mediator holds no hearings (开庭 is the tribunal's): the load shown is the mediations in hand.
          return [String(s.id), w ? `${s.displayName}（在办调解 ${w.openCases} 件）` : s.displayName];
        }),
      );
    else if (f.kind === 'parties' || f.kind === 'claims' || f.kind === 'arbitrators') {
      const options =
        f.kind === 'parties'
          ? // legal54c M1: absent parties are applicants or respondents (a third party's attendance is its own field).
            // fixL58 #4: so are a mediation agreement's obligors (LDMAL Art. 51: one side performs, the other enforces).
            parties
              .filter(
                (p) =>
                  (type !== 'HOLD_HEARING' && type !== 'MEDIATION_AGREED') || p.sideCode === 'applicant' || p.sideCode === 'respondent',
              )
              .map((p) => ({ value: p.id, label: p.label }))
          : f.kind === 'claims'
            ? c.claims
                // Every claim, the counterclaim's too (【反请求】): advance execution (LDMAL Art. 44) is of a worker's
                // claim whichever side he is on — the applicant's, or a worker's counterclaim when the employer applied;
                // the server judges which (422 advance-execution-worker-claims, shown before the confirmation;
                // reviewer s54 A M2). A change of claims lists both too: only the respondent gives up its own (`by`).
                .map((cl) =>
                  // ui55 #2: a claim of another category than LDMAL Art. 44(1)'s (劳动报酬、工伤医疗费、经济补偿、赔偿金 —
                  // the server's own list, vocabulary advanceExecutionCategories) is shown, not offered, and says why.
                  // s62: a claim given up (or its worker's application treated as withdrawn) is no longer pending (the
                  // server's 400, LDMAL Art. 44): shown, not offered, saying why.
                  type === 'ADVANCE_EXECUTION' && cl.withdrawn
                    ? { value: cl.id, label: claimLine(cl, c), hint: WITHDRAWN_NOT_ADVANCE, disabled: true }
                    : // s64 C #3 (Rules Art. 44): a claim given up earlier (or its worker's application treated as
                      // withdrawn: the case view's 已放弃) is given up already — the server refuses it again (422
                      // claim-already-withdrawn): shown, not offered.
                      type === 'CHANGE_CLAIMS' && cl.withdrawn
                      ? { value: cl.id, label: claimLine(cl, c), hint: '已放弃', disabled: true }
                      : type === 'ADVANCE_EXECUTION' && !advanceCategory(cl)
                        ? { value: cl.id, label: claimLine(cl, c), hint: NOT_ADVANCE, disabled: true }
                        : // s62 D #1: a claim a partial award decided is no longer pending (LDMAL Arts. 43(2), 44; the server's
                          // 422 advance-execution-claim-decided): shown, not offered, saying which partial award decided it.
                          type === 'ADVANCE_EXECUTION' && decidedByPartial(c, cl)
                          ? { value: cl.id, label: claimLine(cl, c), hint: decidedByPartial(c, cl), disabled: true }
                          : { value: cl.id, label: claimLine(cl, c), hint: cl.amount ? money(cl.amount) : '' },
                )
            : staff.map((s) => {
                const w = load.get(s.id);
                return {
                  value: s.id,
                  label: s.displayName,
                  hint: w ? `在办 ${w.openCases} 件，本周开庭 ${w.hearingsThisWeek} 次` : '',
                };
              });
      const list = checkList(path, options, { label: f.label });
      if (f.kind === 'arbitrators') tribunalList = list;
      fields.append(
        h(
          'fieldset.inline',
          h('legend', f.label, f.required ? h('span.req', { 'aria-hidden': 'true' }, '*') : null),
          list.node,
          // fixL58 #4: the field's hint, where it has one (who is meant when none is picked).
          (f.trackHint?.[c.track] ?? f.hint) ? h('span.small.muted', f.trackHint?.[c.track] ?? f.hint) : null,
          h('span.field-error', { 'data-error-for': path }),
        ),
      );
      getters.push((b) => {
        const ids = list.values();
        if (ids.length) put(b, path, ids);
      });
      describe.push(() => {
        const picked = [...list.node.querySelectorAll('input:checked')].map((i) => i.closest('label')?.querySelector('span')?.textContent);
        return picked.length ? [f.label, picked.join('、')] : null;
      });
      if (f.required) checks.push(() => (list.values().length ? null : [path, '请至少选择一项']));
      if (type === 'ADVANCE_EXECUTION' && f.kind === 'claims') {
        const amounts = advanceAmounts(c, list.node);
        fields.append(amounts.node);
        getters.push(amounts.get);
        checks.push(amounts.check);
        describe.push(amounts.describe);
        placers.push(amounts.place);
        const payers = advancePayers(c, list.node);
        fields.append(payers.node);
        getters.push(payers.get);
        checks.push(payers.check);
        describe.push(payers.describe);
      }
      continue;
    } else if (f.kind === 'lines') el = h('textarea', { rows: 3, placeholder: '每行一项' });
    else el = input('text', { maxlength: f.max ?? 200 });
    // An identity number or credit code pasted in groups loses its spaces and hyphens as it is entered (ui43 M1).
    if (f.identifier) {
      el.maxLength = 40;
      el.autocomplete = 'off';
      normalizeAsTyped(el, plainIdentifier);
    }
    // A required choice starts empty: the person picks the document, the party, the method (nothing pre-selected).
    let preset = null;
    if (el.tagName === 'SELECT' && f.required) {
      // (The presiding arbitrator is chosen among those ticked: the placeholder is never a choice there.)
      el.prepend(h('option', { value: '', disabled: path === 'presidingId', hidden: path === 'presidingId' }, '（请选择）'));
      el.value = '';
      // ui46 (stretch): 送达方式 starts on the method last used on this case (the confirmation repeats it) — 直接 or 邮寄
      // only, which any party may be served by: 电子送达 needs the recipient's own consent (CPL Art. 90; reviewer s46 M3 —
      // another party's was preselected), 留置、委托、公告、张贴 depend on what happened this time (a public notice adds
      // 30 days). Any other required choice starts empty.
      const last = type === 'SERVE' && path === 'method' ? c.proceedings?.services?.at(-1)?.method : null;
      if (last && ['direct', 'post'].includes(last) && [...el.options].some((o) => o.value === last)) {
        el.value = last;
        preset = '已按本案上次的送达方式预选，请核对';
      }
    }
    // feat52: the revocation opened from an agent's line starts on that agent.
    if (f.kind === 'agent' && opened.agentId !== undefined) el.value = String(opened.agentId);
    const wrap = field(f.label, path, el, {
      required: f.required,
      wide: f.kind === 'textarea' || f.kind === 'lines',
      hint: preset ?? f.procedureHint?.[c.procedure] ?? f.trackHint?.[c.track] ?? f.hint,
    });
    fields.append(wrap);
    // s62 E #3: a field that belongs to some choices of another (用人单位类型 to an organization) is shown, sent and
    // checked only with them.
    const visible = onlyWith(fields, f, wrap);
    requiredWith(fields, f, wrap, el, checks, visible);
    if (f.required)
      checks.push(() =>
        el.value.trim() || !visible()
          ? null
          : [
              path,
              path === 'presidingId' && tribunalList ? PRESIDING_MISSING(tribunalList) : el.tagName === 'SELECT' ? '请选择' : REQUIRED,
            ],
      );
    if (f.kind === 'int')
      checks.push(() => {
        if (el.value.trim() === '') return null;
        if (!/^\d+$/.test(el.value.trim())) return [path, '请填写整数'];
        const n = Number(el.value.trim());
        if (f.min !== undefined && n < f.min) return [path, `不能少于 ${f.min}${f.unit ?? ''}`];
        if (f.max !== undefined && n > f.max) return [path, `不能超过 ${f.max}${f.unit ?? ''}`];
        return null;
      });
    describe.push(() => {
      if (el.value.trim() === '' || !visible()) return null;
      // ui49 L5: a number is repeated with its unit (延长天数：15日).
      const shown =
        el.tagName === 'SELECT'
          ? (el.selectedOptions[0]?.dataset.name ?? el.selectedOptions[0]?.textContent)
          : // fixU2-54 #5: an amount in yuan repeated as amounts are shown elsewhere (8,000.00 元), not as typed.
            /amount$/i.test(path) && !checkMoney(el.value.trim())
            ? money(plainAmount(el.value))
            : `${el.value.trim()}${f.kind === 'int' && f.unit ? f.unit : ''}`;
      // ui49 M3: a field named after the choice of another (留置之日, 回执签收日期) is repeated under that name.
      // ui53 L2: a refusal's party and date under the refusal's names, as the dialog shows them.
      const named = f.requiredWith || REFUSAL_FIELDS[f.name] ? (wrap.querySelector('label')?.firstChild?.textContent ?? f.label) : f.label;
      return [named, shown.length > 80 ? `${shown.slice(0, 80)}…` : shown];
    });
    if (/amount$/i.test(path)) checks.push(() => (checkMoney(el.value.trim()) ? [path, checkMoney(el.value.trim())] : null));
    getters.push((b) => {
      if (f.kind === 'lines') {
        const lines = el.value
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean);
        if (lines.length) put(b, path, lines);
      } else if (el.value.trim() !== '' && visible() && !(f.kind === 'applicant' && el.value === 'all'))
        put(
          b,
          path,
          f.kind === 'int' ||
            f.numeric ||
            (['party', 'respondent', 'arbitrator', 'mediator', 'applicant', 'agent'].includes(f.kind) && !bulkParties(c, el.value))
            ? Number(el.value.trim())
            : el.value.trim(),
        );
    });
  }
  if (type === 'SERVE') oneDayOfDeemedService(fields);
  if (type === 'ACCEPT' && barringAtOpen.length) fields.append(notSameMatterField(barringAtOpen, getters, checks, describe));
  if (type === 'ACCEPT') fields.append(earlierYearField(fields, getters, describe));
  if (type === 'ADVANCE_EXECUTION') {
    // Required with the amounts ordered (LDMAL Art. 44): the ruling orders payment within this term.
    const days = input('number', { min: 0, max: 365, step: 1, required: true });
    fields.append(field('履行期限（日）', 'paymentDays', days, { hint: '自裁决书送达之日起' }));
    getters.push((b) => {
      if (days.value !== '') b.paymentDays = Number(days.value);
    });
    // s62 D #2: printed in the ruling and not changed afterwards — the confirmation repeats it.
    describe.push(() => (days.value.trim() !== '' ? ['履行期限', `自裁决书送达之日起${Number(days.value)}日`] : null));
  }
  const danger = Boolean(IRREVERSIBLE[type]);
  // ui46 L3: every act that asks for a confirmation says so on its button (…) and in the footer. fixU54 #1: no act is
  // recorded in one step any more (acts.js ONE_STEP is empty); a hearing's day set or moved is asked about on a button
  // that names the act (排期开庭… → 确认排期开庭), like 受理 and 组成仲裁庭.
  const asks = !ONE_STEP.has(type);
  const named = danger || NAMED_BUTTON.has(type);
  const ok = h(`button.btn.${danger ? 'danger' : 'primary'}`, { type: 'button' }, named ? `${title}…` : asks ? '确定…' : '确定');
  const cancel = h('button.btn', { type: 'button' }, '取消');
  form.append(
    h('div.dh', h('h2', { id: 'dlg-title' }, title), h('span.small.muted', caseName(c))),
    // The one explanation why only a refusal can be recorded now (the server's words, next-events `note`).
    // (form.append is the DOM's: nothing is appended rather than a null, which it would write as "null".)
    ...(refusalOnly && opened.note ? [h('p.small.warn.refusal-only-note', sentence(opened.note))] : []),
    fields,
    h(
      'div.df',
      danger
        ? h('span.small.muted.grow', '此操作不可撤销，确定前会再次确认')
        : NAMED_BUTTON.has(type)
          ? h('span.small.muted.grow', '记录前会再次确认开庭日期、时间、地点和须通知的当事人')
          : asks
            ? h('span.small.muted.grow', '确定前会再次确认')
            : h('span.small.muted.grow', '确定后即记录（有需要核对的事项时会先提示）'),
      cancel,
      ok,
    ),
  );
  clearOnEdit(form);
  // Enter never records an act: a form with typed facts is recorded only from its confirmation (issue 16).
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || !(e.target instanceof HTMLInputElement)) return;
    e.preventDefault();
    // ui52 L5: Enter in a date field moves to the act's button — it does not press it (its confirmation still asks).
    if (e.target.type === 'date') return ok.focus();
    // s62 C #1: Enter in a single-line text field does what the act's button does — checks the fields and opens the
    // CONFIRMATION (`viaEnter`: asked even where nothing else would ask), never records. A held key's repeats and an
    // Enter while the confirmation is being prepared do nothing more (the confirmation focuses 返回修改 and lets no
    // repeated Enter through: core.js confirmDialog). A textarea keeps its Enter (a new line); a checkbox, a radio, a
    // select theirs.
    if (e.repeat || e.isComposing || !SINGLE_LINE.has(e.target.type) || ok.disabled) return;
    submitAct(true);
  });
  let dirty = false;
  form.addEventListener('input', () => {
    dirty = true;
  });
  form.addEventListener('change', () => {
    dirty = true;
  });
  const keep = awardEd ? '已填写的裁决文字已保存为草稿，下次打开时恢复。' : '已填写的内容将不会保存。';
  // While the dialog is open, leaving the screen (the browser's Back, a link, a typed address) asks like Esc does:
  // the router keeps the screen and the dialog unless the person chooses to discard what was typed.
  const outerGuard = state.leaveGuard;
  const ownGuard = {
    dirty: () => dirty || Boolean(outerGuard?.dirty()),
    confirm: () =>
      confirmDialog({
        title: `离开此页并放弃“${title}”？`,
        body: h('p', `“${title}”尚未提交。${keep}`),
        confirmLabel: '放弃并离开',
      }),
  };
  state.leaveGuard = ownGuard;
  const close = () => {
    if (state.leaveGuard === ownGuard) state.leaveGuard = outerGuard;
    dlg.close();
    dlg.remove();
  };
  // Bumped when the person cancels: an act still being prepared for its confirmation (a calendar or preview lookup in
  // flight) is dropped, never sent — cancelling while it loads must not record it behind a "放弃？" question.
  let attempt = 0;
  const askClose = async () => {
    attempt++;
    if (!dirty) return close();
    if (await confirmDialog({ title: `放弃“${title}”？`, body: h('p', keep), confirmLabel: '放弃并关闭' })) close();
  };
  /** Loading the latest case closes the dialog: when something was typed, the person says so first. */
  const mayDiscard = async () =>
    !dirty ||
    confirmDialog({
      title: '载入最新内容并关闭此对话框？',
      body: h('p', awardEd ? keep : `${keep}需要保留的文字，请先复制。`),
      confirmLabel: '载入最新内容',
    });
  cancel.addEventListener('click', askClose);
  dlg.addEventListener('cancel', (e) => {
    e.preventDefault();
    askClose();
  });

  // One key per act: a double click, or a retry after a lost answer, records the act once. A definitive answer
  // (the act recorded, or refused) ends the key; the next attempt is a new request.
  let key = newKey();
  // The act was sent with `key` and its answer lost: it may be recorded already. The retry goes straight to the server
  // with the same key (which answers what it stored), not through a preview judging it against the case as it now is.
  let unanswered = false;
  let busy = false;
  // A bulk service stopped partway (`partialService`): this dialog sends nothing more.
  let stopped = false;
  ok.addEventListener('click', () => submitAct(false));
  /** The act's button (`viaEnter` false) or Enter in a text field (true): the fields checked, then the confirmation. */
  async function submitAct(viaEnter) {
    if (busy || stopped) return;
    const mine = ++attempt;
    /** Whether the person cancelled while this act was being prepared. */
    const dropped = () => mine !== attempt;
    clearErrors(form);
    // Amounts typed with thousands separators (36,000) are sent as the number they are.
    for (const el of form.querySelectorAll('input')) plainAmountField(el);
    // A check answers null, one [path, message], or a list of them (the award editor: every item at once).
    const bad = checks.flatMap((ch) => {
      const r = ch();
      return !r ? [] : Array.isArray(r[0]) ? r : [r];
    });
    // ui48 H1: a service's own day is its 送达日期 — its 办理日期 is sent only when the clerk enters one (the server dates
    // a SERVE sent without it by its servedOn): `typed` is what was entered, `on` the act's day as the confirmation says it.
    const typed = form.querySelector('[data-path="occurredOn"]').value;
    const servedField = DATE_OPTIONAL.has(type) ? form.querySelector('[data-path="servedOn"]')?.value : '';
    const on = typed || (DATE_OPTIONAL.has(type) ? servedField || today() : '');
    // ui45 L5: every date control's mistyped value (a year of 6320) with the other errors, at once.
    const said = new Set(bad.map(([p]) => p));
    const dates = dateProblems(form).filter(([p]) => !said.has(p));
    const dateOf = dates.find(([p, m]) => p === 'occurredOn' && !m.startsWith('不能'));
    bad.push(...dates.filter(([p]) => p !== 'occurredOn'));
    if (dateOf) bad.unshift(dateOf);
    else if (!on && !typed) bad.unshift(['occurredOn', REQUIRED]);
    else if (on > today()) bad.unshift(['occurredOn', `不能晚于今天（${today()}）`]);
    if (bad.length) {
      for (const [p, m] of bad) setError(form, p, m);
      // The first field in the dialog's order, whatever order the checks ran in.
      const first = firstInPage(bad.map(([p]) => form.querySelector(`[data-path="${CSS.escape(p)}"]`)));
      first?.scrollIntoView({ block: 'center' });
      first?.focus();
      return;
    }
    // The refusal said when the dialog opened stays while fields are still missing (above); now it is said again, if it
    // still stands, by this attempt's own preview.
    fill(openRefusal);
    // ui49 M4: a defense is sent with the day it was received (filedOn): the server records it on that day — or, when a
    // later act was entered first (the morning's mail opened in another order), on that act's day with a warning, the
    // defense still judged on the day it came (LDMAL Art. 30).
    const body = DATE_OPTIONAL.has(type) && !typed ? { type } : type === 'FILE_DEFENSE' ? { type, filedOn: on } : { type, occurredOn: on };
    for (const g of getters) g(body);
    if (type === 'FORM_TRIBUNAL' && body.arbitratorIds?.length === 1 && !body.presidingId) body.presidingId = body.arbitratorIds[0];
    // An irreversible act, or one whose consequence depends on what is chosen (serving the award starts the periods).
    let consequence = consequenceOf(type, c, body);
    // An act dated well before today (a late entry, or a mistyped year) is asked about too: its date moves the periods
    // and the statistics, and the history keeps the day it was recorded beside it.
    const lag = typed || !DATE_OPTIONAL.has(type) ? daysBetween(on, today()) : 0;
    const backdated =
      lag > BACKDATED_DAYS
        ? h(
            'p.warn.backdated',
            `所填${dateLabel}（${on}）早于今天 ${lag} 天：期限与统计按所填日期计算，办理记录同时保留今天的登记时间。请核对日期后再确认。`,
          )
        : null;
    // What the confirmation shows is looked up first; meanwhile a second click does nothing, and cancelling drops the
    // act (`dropped`). A hearing day on the official calendar (holidays, adjusted working days; unreachable: the
    // weekday); the deadlines an act moves (an extension), decided by the server as if sent — without the preview the
    // confirmation goes without them and the act's own answer stands; the award's finality.
    let day = null;
    let shifts = [];
    let awardSummary = null;
    let barring = [];
    let documents = null;
    // Warnings the server answers for the act as sent (a hearing inside a defense period, or before the copy of the
    // application was served: workflows/hearings.ts) — one home for the rule, asked by preview (reviewer s44 M1).
    let serverWarnings = [];
    // s61 E #1 (LDMAL Art. 30): the respondents whose answer period the hearing day falls inside, as the server's preview
    // (or its refusal) names them — not one who has answered or waived; null: not said (the preview was not made).
    let answerPending = null;
    // s63 B #1: the line the 办理记录 will carry, as the server words it (preview `record`): it stands for the fields.
    let recordLine = null;
    // Whether the server previewed the act (its warnings then include a rest day, fixU59 #3).
    let previewed = false;
    let deemedOn = null;
    // ui50 L: the case changed since this page was drawn (another tab recorded 中止审理): said, and the deadlines
    // compared are the latest, not the page's.
    let staleNote = null;
    // The preview's refusal (the act would be refused as it stands: 400/403/404/409/422) is shown at once, in place of
    // a confirmation of an act the server has already said it will not record.
    let refused = null;
    busy = true;
    try {
      if (setsHearingDay(type, body))
        day = await api('GET', `/api/calendar/day?date=${encodeURIComponent(body.hearingOn)}`).catch(() => null);
      if (type === 'ACCEPT') barring = await barringDuplicates(c);
      // What the 文书 panel lists: a service of a document not generated yet is asked about (ui44 M1).
      if (type === 'SERVE') documents = await api('GET', `/api/cases/${c.id}/documents`).catch(() => null);
      // Previewed: an act whose confirmation shows the deadlines it moves, and every act that is confirmed — a
      // refusal the server would give is shown before the person is asked to confirm, not after (a service to every
      // applicant is several acts, each answered as it is sent).
      if (
        !unanswered &&
        (PREVIEWS_DEADLINES.has(type) || PREVIEWS_WARNINGS.has(type) || (consequence && !bulkParties(c, body.partyId))) &&
        !previewAnswersNothing(type, c)
      ) {
        // ui48 H1: a service dated by its 送达日期 before an act already recorded on a later day is dated by the server
        // on that act's day — its warning says so in the confirmation; its periods still run from the 送达日期.
        const p = await api('POST', `/api/cases/${c.id}/event-preview`, body).catch((err) => err);
        // An act the server cannot preview (it writes parties or claims as it is decided) is judged when sent.
        if (p instanceof ApiError && p.status >= 400 && p.status < 500 && p.status !== 401) {
          if (p.problem?.rule !== 'preview-not-available') refused = p;
        } else if (p && !(p instanceof Error)) {
          if (Array.isArray(p.warnings)) serverWarnings = p.warnings.filter((w) => typeof w === 'string');
          if (Array.isArray(p.answerPeriodPending)) answerPending = p.answerPeriodPending.map(String);
          if (typeof p.record === 'string' && p.record) recordLine = p.record;
          previewed = true;
        }
        if (p && !(p instanceof Error) && PREVIEWS_DEADLINES.has(type)) {
          const latest = await api('GET', `/api/cases/${c.id}`).catch(() => null);
          const now = latest && latest.version !== c.version ? latest : c;
          if (now !== c)
            staleNote = `本案在本页打开后已有新的记录（他人或您在其他窗口办理，现为“${stateLabel(now.state)}”）：以下期限已按最新记录计算，页面上显示的期限已过时。确认时如提示案件已更新，请载入最新内容后再办理。`;
          if (LISTS_SHIFTS.has(type)) shifts = deadlineShifts(now.deadlines, p.deadlines);
          // What the act will really do to the deadlines, as the server computed it (a suspension begun after the time
          // limit ran out is not deducted: the case stays overdue).
          consequence = previewedConsequence(type, now, body, p.deadlines) ?? consequence;
        }
      }
      // ui49 M3: a document left, posted or published is deemed served later: the confirmation names that day.
      // fixU2-54 #4: with no day typed the act is today's (the server dates it so), and its deemed day is named too.
      if (type === 'SERVE' && DEEMED_ACT[body.method] && (body.servedOn || on)) {
        deemedOn = await deemedServiceDay(body.method, body.servedOn || on);
        consequence = consequenceOf(type, c, { ...body, servedOn: body.servedOn || on }, { deemedOn });
      }
    } finally {
      busy = false;
    }
    if (dropped()) return;
    // s60 L (LDMAL Art. 30): a day refused for the respondent's answer period — the confirmation offers the waiver.
    const answerRefused = setsHearingDay(type, body) && refused?.problem?.rule === 'hearing-before-answer-period';
    if (answerRefused) {
      if (Array.isArray(refused.problem.answerPeriodPending)) answerPending = refused.problem.answerPeriodPending.map(String);
      [serverWarnings, refused] = [[String(refused.problem.detail).replace(/（本委设定.*$/, '')], null];
    }
    if (refused) {
      showErrors(form, placed(placeRefusal(refusalWorded(namedDate(refused, dateLabel), refusing(body)))), fieldLabels);
      // The case moved on since the screen was drawn (409: its state no longer allows the act): the latest case.
      if (isStale(refused)) staleCase(form, close, done, mayDiscard);
      return;
    }
    const repeated = type === 'VOID_REGISTRATION' ? sameApplicationWarning(c, voidCandidates, body.duplicateOf) : null;
    // ui50 L: a late award is warned of once — the browser's words (届满日, 预计), the server's like one left out.
    const own = actWarnings(type, c, body, day, {
      documents,
      docNames: serviceDocNames(),
      methodNames: METHODS,
      restDayByServer: previewed,
    });
    const lateSaid = (type === 'ISSUE_AWARD' || type === 'PARTIAL_AWARD') && own.some((w) => LATE_AWARD.test(w));
    // s61 E #3: a suspension's confirmation says the hearing day once — its consequence, worded from the service record.
    const hearingSaid = type === 'SUSPEND' && SUSPENSION_NAMES_HEARING.test(consequence ?? '');
    const warnings = [
      ...own,
      ...serverWarnings.filter((w) => !(lateSaid && LATE_AWARD.test(w)) && !(hearingSaid && SUSPENDED_HEARING.test(w))),
      ...(repeated ? [repeated] : []),
      // Rules Arts. 34, 39: the earlier cases the registration found that bar the same dispute, said again where the
      // application is accepted (the clerk who accepts may not be the one who registered it).
      ...barring.map(
        (d) =>
          `登记时发现同一当事人之间的在先案件（${d.caseNo ?? `编号${d.caseId}`}）${duplicateWhat(d)}（${sourceZh(d.source)}）：同一争议不予受理。请核对是否为同一事实、理由和请求；属于同一争议的，应办理“不予受理”。`,
      ),
    ];
    // s62 C #1: an act asked for with Enter is always confirmed first (every act has a consequence today; this holds
    // should one come without).
    if (viaEnter || consequence || backdated || warnings.length || staleNote) {
      busy = true;
      try {
        awardSummary = awardEd ? await awardEd.summary() : null;
      } finally {
        busy = false;
      }
      if (dropped()) return;
      // s61 E #1: only the respondents the server names are asked about (a respondent who has filed its defence is not:
      // its consent was never needed); all of them where the server did not say, or named none this screen knows.
      const allRespondents = partiesOf(c).filter((p) => p.sideCode === 'respondent');
      const pendingOnes = answerPending ? allRespondents.filter((p) => answerPending.includes(String(p.id))) : [];
      const respondents = pendingOnes.length ? pendingOnes : allRespondents;
      const answer =
        setsHearingDay(type, body) && warnings.some((w) => ANSWER_PERIOD.test(w)) ? answerPeriodChoice(respondents, answerRefused) : null;
      const asked = confirmDialog({
        title: `${askWords(body)}：${caseName(c)}`,
        body: [
          // ui52 L1, L3: applicants of one name told apart (第N位申请人); many abbreviated as the case list does.
          h(
            'p',
            h('strong', `案件：${caseName(c)}`),
            `（申请人：${names(
              partiesOf(c)
                .filter((p) => p.sideCode === 'applicant')
                .map((p) => p.who),
            )}）`,
          ),
          h(
            'p.act-date',
            typed || !DATE_OPTIONAL.has(type)
              ? `${dateLabel}：${on}`
              : type === 'SERVE' && DEEMED_ACT[body.method]
                ? `${dateLabel}：即${DEEMED_ACT[body.method]}之日 ${on}`
                : `${dateLabel}：未填写，以送达日期 ${on} 为准`,
          ),
          // s63 B #1: what will be recorded in the server's words (经被申请人同意，答辩期缩短为5个工作日), not the form's
          // labels and the bare number typed.
          awardEd ? null : recordLine ? h('p.record-line', `记入办理记录：${recordLine}`) : describedFields(describe),
          staleNote ? h('p.warn.stale-note', { role: 'alert' }, staleNote) : null,
          backdated,
          warnings.map((w) => h('p.warn.act-warning', { role: 'alert' }, w)),
          shifts.map((x) => h('p.deadline-shift', x)),
          consequence ? h('p.consequence', consequence) : null,
          awardSummary,
          answer?.el,
        ],
        confirmLabel: askWords(body),
        danger: Boolean(consequence),
      });
      answer?.wire(answer.el.closest('dialog')?.querySelector('.df button:last-child'));
      const sure = await asked;
      if (!sure || dropped()) return;
      if (answer?.waived()) body.answerPeriodWaived = answer.waived();
    }
    busy = true;
    for (const b of form.querySelectorAll('button')) b.disabled = true;
    ok.setAttribute('aria-busy', 'true');
    const label = ok.textContent;
    ok.textContent = '正在提交…';
    let answer = null;
    try {
      if (bulkParties(c, body.partyId)) await serveAll(c, body, key, form);
      else answer = await api('POST', `/api/cases/${c.id}/events`, body, { key, ifMatch: c.version });
      awardEd?.clear();
      close();
      // The screen that follows says what was done, where the focus goes (not left on the page's body) — unless the
      // person has left the case meanwhile: the act is recorded, the screen they went to stays theirs.
      // A hearing set or moved: the day, time and room it was set for, not only the day of the act.
      const hearing = setsHearingDay(type, body) ? `；开庭：${[body.hearingOn, body.time, body.place].filter(Boolean).join(' ')}` : '';
      // A service: the day of service (what periods run from), and how many were served at once.
      // ui49 M3: the record's 送达日期 — for a document left, posted or published, the deemed day (and the day of that
      // act beside it), as the server recorded it.
      const recorded = type === 'SERVE' ? (answer?.proceedings?.services ?? []).at(-1) : null;
      const servedDay = recorded?.servedOn ?? deemedOn ?? body.servedOn ?? on;
      const actDay = DEEMED_ACT[body.method] ? `，${DEEMED_ACT[body.method]}之日：${recorded?.publishedOn ?? body.servedOn ?? on}` : '';
      const served =
        type === 'SERVE'
          ? `，送达日期：${servedDay}${actDay}${bulkParties(c, body.partyId) ? `，共 ${bulkParties(c, body.partyId).list.length} 名${bulkParties(c, body.partyId).side}` : ''}`
          : '';
      // What the server warned of as it recorded the act (not asked before: the preview failed or was not made).
      const noted = (answer?.warnings ?? []).filter((w) => typeof w === 'string' && !serverWarnings.includes(w));
      // ui46 M2: the award's legal effective date as the server recorded it (LDMAL Arts. 47, 50), beside the 确认日期.
      const effectiveOn = type === 'MARK_EFFECTIVE' ? answer?.proceedings?.effectiveOn : null;
      const effective = effectiveOn ? `，裁决生效日期：${effectiveOn}` : '';
      // ui47 H1: whose act it was (a defense, an objection, a service on one party), by name.
      const one = body.partyId && !bulkParties(c, body.partyId) ? partiesOf(c).find((p) => String(p.id) === String(body.partyId)) : null;
      const whose = one ? `，当事人：${one.label}` : '';
      // fixU2-54 #1: a 调解书 served is not yet signed for: the status says which act records the signature, for whom.
      const bulk = bulkParties(c, body.partyId);
      const toSign =
        type === 'SERVE' && body.document === 'mediation_document'
          ? `本次只登记了送达：${one ? `${one.label}` : bulk ? `各${bulk.side}` : '当事人'}签收调解书后，请办理“签收调解书”登记其签收（拒绝签收的，在其中勾选“拒绝签收”）；调解书经双方当事人签收后发生法律效力。`
          : '';
      if (state.screen === screen)
        done(
          `已办理“${nameOf(body)}”（${answer?.caseNo && !c.caseNo ? `案号：${answer.caseNo}` : caseName(c)}${whose}${typed || !DATE_OPTIONAL.has(type) ? `，${dateLabel}：${on}` : ''}${effective}${served}${hearing}），已记入办理记录。${toSign}${noted.length ? `请注意：${noted.join('；')}` : ''}`,
        );
    } catch (err) {
      const lost = err instanceof ApiError && err.status === 0;
      if (!lost) key = newKey();
      unanswered = lost;
      showErrors(form, placed(placeRefusal(refusalWorded(namedDate(err, dateLabel), refusing(body)))), fieldLabels);
      if (err.partial && !lost) {
        stopped = true;
        partialService(form, err.partial);
        staleCase(form, close, done, mayDiscard);
      } else if (isStale(err)) staleCase(form, close, done, mayDiscard);
    } finally {
      busy = false;
      for (const b of form.querySelectorAll('button')) b.disabled = false;
      // After a bulk service stopped partway only the latest case (or cancelling) is offered.
      if (stopped) ok.disabled = true;
      ok.removeAttribute('aria-busy');
      ok.textContent = label;
    }
  }
  if (type === 'SCHEDULE_HEARING') hearingWarningsAsTyped(c, type, form, fields, getters, dlg);
  document.body.append(dlg);
  dlg.showModal();
  (form.querySelector('[data-restored]') ?? form.querySelector('input, select, textarea'))?.focus();
  // The refusal-only act says why once (its note above): the signature's refusal is not asked for again as it opens.
  if (OPEN_PREVIEW[type] && !refusalOnly) {
    const dateInput = form.querySelector('[data-path="occurredOn"]');
    let asked = 0;
    const probe = async () => {
      const n = ++asked;
      fill(openRefusal);
      if (!dateInput.value || dateInput.value > today()) return;
      // ui48 L5: only a probe that may be refused is sent — a refusal is shown, an answer that cannot say anything is a
      // request not made.
      if (OPEN_PREVIEW[type].when && !OPEN_PREVIEW[type].when(c, dateInput.value)) return;
      const err = await api('POST', `/api/cases/${c.id}/event-preview`, {
        type,
        occurredOn: dateInput.value,
        ...(typeof OPEN_PREVIEW[type].probe === 'function' ? OPEN_PREVIEW[type].probe(c) : OPEN_PREVIEW[type].probe),
      }).then(
        () => null,
        (e) => e,
      );
      if (n !== asked || !dlg.open || !(err instanceof ApiError) || !OPEN_PREVIEW[type].rules.includes(err.problem?.rule)) return;
      fill(
        openRefusal,
        h(
          'div.alert.bad',
          { role: 'alert' },
          namedDate(err, dateLabel).message,
          OPEN_PREVIEW[type].hint ? h('div.small', OPEN_PREVIEW[type].hint) : null,
        ),
      );
    };
    dateInput.addEventListener('change', probe);
    probe();
  }
}

/** fixK56 #3: the case view's list (remedyParties) each act's party field offers. */
const REMEDY_PARTIES = { RECORD_LAWSUIT: 'lawsuit', APPLY_ENFORCEMENT: 'enforcement' };

/** ui49 M3: the services deemed served after the commission's own act, by that act's name (workflows/periods.ts). */
export const DEEMED_ACT = { left: '留置', posted: '张贴', public_notice: '公告' };
/**
 * ui50 L: a service by leaving, posting or notice asks one day — that act's (留置之日, 张贴之日, 公告之日), which is also
 * the day the document was sent out: the 送交日期 box is put away (its value kept for another method), and the act is
 * dated by the one day typed.
 */
function oneDayOfDeemedService(fields) {
  const method = fields.querySelector('[data-path="method"]');
  const day = fields.querySelector('[data-path="occurredOn"]');
  const wrap = day?.closest('div.f');
  if (!method || !day || !wrap) return;
  let kept = '';
  const sync = () => {
    const deemed = Boolean(DEEMED_ACT[method.value]);
    if (deemed && !wrap.hidden) {
      kept = day.value;
      day.value = '';
    } else if (!deemed && wrap.hidden) day.value = kept;
    wrap.hidden = deemed;
  };
  method.addEventListener('change', sync);
  sync();
  // fixU2-54 #4: nobody signs for a document left, posted or published — its 签收人 box is put away (and not sent).
  const signer = fields.querySelector('[data-path="signer"]');
  const signerWrap = signer?.closest('div.f');
  if (!signer || !signerWrap) return;
  let signerKept = '';
  const syncSigner = () => {
    const deemed = Boolean(DEEMED_ACT[method.value]);
    if (deemed && !signerWrap.hidden) {
      signerKept = signer.value;
      signer.value = '';
    } else if (!deemed && signerWrap.hidden) signer.value = signerKept;
    signerWrap.hidden = deemed;
  };
  method.addEventListener('change', syncSigner);
  syncSigner();
}

/**
 * The deemed day of service of a document left or posted (3 working days after, Rules Art. 20 [R], on the official
 * calendar) or published (30 days after, CPL Art. 95) — the legal periods the server applies by default; null when the
 * calendar cannot say (the confirmation then says it is computed on recording).
 */
async function deemedServiceDay(method, on) {
  if (method === 'public_notice') return addDays(on, 30);
  const r = await api('GET', `/api/calendar/deadline?from=${encodeURIComponent(on)}&days=3&unit=working`).catch(() => null);
  return r?.dueOn ?? null;
}

/**
 * ui49 H1: which award a suit, set-aside or enforcement is against — 本案裁决 (once made) or 第N件部分裁决, each named
 * by its date and, once generated, its document number. Required with （请选择） when there is a choice; a single
 * award is chosen for the person and still named in the confirmation. Sends `partialAward` (1 = the first partial
 * award made); 本案裁决 sends nothing.
 */
export function againstAwardOptions(c, docs) {
  const issued = (Array.isArray(docs) ? docs : []).filter((d) => !/草稿/.test(d.title ?? '') && d.caseNo);
  const no = (kind, n) => {
    const d = issued.find((x) => x.kind === kind && (kind !== 'partial_award' || (x.occurrence ?? 1) === n));
    return d ? `，${d.caseNo}` : '';
  };
  const opts = [];
  if (c.award) opts.push(['award', `本案裁决（${c.award.issuedOn ?? ''}${no('award')}）`]);
  for (const [i, a] of (c.proceedings?.partialAwards ?? []).entries())
    opts.push([String(i + 1), `第${i + 1}件部分裁决（${a.issuedOn}${no('partial_award', i + 1)}）`]);
  return opts;
}

function againstAwardField(c, f, docs, getters, checks, describe) {
  const opts = againstAwardOptions(c, docs);
  const el = select(opts.length > 1 ? [['', '（请选择）'], ...opts] : opts);
  if (opts.length > 1) el.value = '';
  const wrap = field(f.label, f.name, el, {
    required: true,
    hint: opts.length > 1 ? '起诉、申请撤销或申请执行的是本案裁决还是某一件部分裁决（《劳动争议调解仲裁法》第四十三条第二款）' : null,
  });
  checks.push(() => (el.value ? null : [f.name, '请选择针对的裁决']));
  describe.push(() => (el.value ? [f.label, el.selectedOptions[0]?.textContent ?? ''] : null));
  getters.push((b) => {
    if (el.value && el.value !== 'award') b.partialAward = Number(el.value);
  });
  return wrap;
}

/**
 * ui45 M3: the server's warnings for a hearing day (inside a respondent's defense period, LDMAL Art. 30; before the copy
 * of the application was served, Rules Art. 58 — workflows/hearings.ts) shown beside 开庭日期 as it is typed, from the
 * preview (nothing is recorded), half a second after the last change; the place, if still empty, is a stand-in.
 */
function hearingWarningsAsTyped(c, type, form, fields, getters, dlg) {
  const dateInput = fields.querySelector('[data-path="hearingOn"]');
  const wrap = dateInput?.closest('.f');
  if (!wrap) return;
  const box = h('div.hearing-warnings', { 'aria-live': 'polite' });
  wrap.append(box);
  // s61 E #4: the day's refusal is said once — where the refusal of the act itself (the confirmation's preview or the
  // server's 422, shown at the field by showErrors) says the same words, the one said as typed is not shown beside it.
  const slot = form.querySelector('[data-error-for="hearingOn"]');
  const once = () => {
    const said = slot?.textContent?.trim() ?? '';
    for (const p of box.querySelectorAll('.hearing-refusal')) p.hidden = said !== '' && p.textContent.trim() === said;
  };
  if (slot && typeof MutationObserver === 'function')
    new MutationObserver(once).observe(slot, { childList: true, characterData: true, subtree: true });
  let timer = null;
  let asked = 0;
  const probe = async () => {
    const n = ++asked;
    const on = form.querySelector('[data-path="occurredOn"]')?.value || today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dateInput.value)) return fill(box);
    // A date ahead of today is not a day an act can carry: the preview is asked as of today.
    const body = { type, occurredOn: [on, today()].sort()[0] };
    for (const g of getters) g(body);
    if (!body.place) body.place = '（待定）';
    // ui46 L2: the official calendar's word on the day (a holiday, a rest day) and the preview's refusal of the day
    // itself (too soon for the written notice, LDMAL Art. 35; Rules Art. 38 — 422 on hearingOn) are said as typed too.
    const [p, day] = await Promise.all([
      api('POST', `/api/cases/${c.id}/event-preview`, body).catch((err) => err),
      api('GET', `/api/calendar/day?date=${encodeURIComponent(dateInput.value)}`).catch(() => null),
    ]);
    if (n !== asked || !dlg.open) return;
    const refusal =
      p instanceof ApiError &&
      p.status === 422 &&
      (p.problem?.field === 'hearingOn' || (p.problem?.errors ?? []).some((e) => e.path === 'hearingOn'))
        ? fieldMessage(p.message)
        : null;
    const said = p && !(p instanceof Error) && Array.isArray(p.warnings) ? p.warnings.filter((w) => typeof w === 'string') : [];
    // fixU59 #3: a rest day is the server's warning when its preview answered (said once).
    const dayWarnings = actWarnings(type, c, { hearingOn: dateInput.value }, day, { restDayByServer: Boolean(p && !(p instanceof Error)) });
    fill(box, [
      refusal ? h('p.alert.bad.hearing-refusal', refusal) : null,
      ...[...dayWarnings, ...said].map((w) => h('p.warn.act-warning', w)),
    ]);
    once();
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(probe, 500);
  };
  dateInput.addEventListener('input', later);
  dateInput.addEventListener('change', later);
}

/**
 * Acts the server may refuse before anything is filled in, asked when the dialog opens (and again when its date
 * changes) with a stand-in for the fields (`probe`): only the refusals in `rules`, which do not depend on them, are said.
 * An extension is refused once the time limit has run out (LDMAL Art. 43; Rules Art. 45) — and is offered meanwhile,
 * since one approved in time may be recorded later, under the day it was approved.
 */
const OPEN_PREVIEW = {
  EXTEND_TIME_LIMIT: {
    // ui48 L5: the longest extension (LDMAL Art. 43) — one day was refused as changing nothing where the limit's last
    // day fell on a rest day (422 extension-changes-nothing, a console error each time the dialog opened).
    probe: { days: 15 },
    // Asked only where the case shows the limit run out by the day chosen: else the answer could only be yes.
    when: (c, on) => {
      const d = (c.deadlines ?? []).find((x) => x.kind === 'award');
      return Boolean(d?.dueOn) && d.status !== 'paused' && on > d.dueOn;
    },
    rules: ['extension-before-deadline', 'extension-once'],
    hint: '延长审理期限须在审理期限届满前批准。如确已在届满前批准，请把“批准延期日期”改为批准之日。',
  },
  // ui45 L1: the award cannot be confirmed effective while a party's period to sue or to apply to set it aside is open
  // (LDMAL Arts. 48–50) — said as the dialog opens, not after it is filled in. (The refusal names no date yet: the
  // earliest day is the server's to say.)
  MARK_EFFECTIVE: {
    probe: {},
    rules: ['windows-still-open', 'effective-date-provisional'],
    hint: '请在各当事人的起诉、申请撤销期间届满后办理（见“期限”栏）。',
  },
  // med51 H1 (LDMAL Art. 42(3); Rules Art. 77): no signature before the 调解书 is issued — said as the dialog opens.
  SIGN_MEDIATION_DOCUMENT: {
    probe: (c) => ({ partyId: [...(c.applicants ?? []), ...(c.respondents ?? [])][0]?.id }),
    // Once a party has signed, the document exists: nothing to ask.
    when: (c) => !(c.proceedings?.mediation?.signatures ?? []).length && !(c.proceedings?.review?.confirmation?.signatures ?? []).length,
    rules: ['mediation-document-not-issued'],
    hint: '请先在“文书”栏生成仲裁调解书（非草稿）后再登记签收；当事人在调解书出具前反悔的，可勾选“拒绝签收”登记。',
  },
};

/**
 * Whether the preview of act `type` can only answer that it cannot be previewed: a referral to arbitration is refused
 * only while the mediation has neither failed nor agreed (LDMAL Art. 14(3)); after that the server answers 422
 * preview-not-available, a failed request in the console that tells the person nothing.
 */
function previewAnswersNothing(type, c) {
  // ui53 L5 is left: the acts whose rows are written as they are decided (adding a party, claims, an agent) answer 422
  // preview-not-available — but only after their form passed the server's checks, whose 400 the dialog shows before the
  // confirmation (ui-s23 #9); skipping their preview moved those errors after it.
  const m = c.proceedings?.trackMediation;
  return type === 'REFER_TO_ARBITRATION' && Boolean(m && (m.failedOn || m.agreedOn));
}

/** Legal refusals about one field that the server does not name (`field`): placed at that field in the dialog. */
const RULE_FIELDS = { 'electronic-service-consent': 'consent' };
function placeRefusal(err) {
  const at = RULE_FIELDS[err?.problem?.rule];
  if (at && !err.problem.field && !err.problem.errors?.length) err.problem.field = at;
  return err;
}

/**
 * A field shown only with some choices of another (`f.onlyWith`: {field: [values]}): `wrap` is hidden otherwise.
 * Returns whether it is shown now.
 */
function onlyWith(fields, f, wrap) {
  if (!f.onlyWith) return () => true;
  const [other, values] = Object.entries(f.onlyWith)[0];
  const ctl = fields.querySelector(`[data-path="${CSS.escape(other)}"]`);
  if (!ctl) return () => true;
  const shown = () => values.includes(ctl.value);
  const sync = () => {
    wrap.hidden = !shown();
  };
  ctl.addEventListener('change', sync);
  sync();
  return shown;
}

/**
 * A field that some choices of another make required, under another name (`f.requiredWith`: {field: [values], label,
 * hint, message}): the 送达日期 of a 邮寄送达 is the date on the return receipt (CPL Art. 91), 回执签收日期.
 */
function requiredWith(fields, f, wrap, el, checks, shown = () => true) {
  if (!f.requiredWith) return;
  const { label, hint, message, ...on } = f.requiredWith;
  const [other, values] = Object.entries(on)[0];
  const ctl = fields.querySelector(`[data-path="${CSS.escape(other)}"]`);
  if (!ctl) return;
  const name = wrap.querySelector('label');
  const hintEl = el.id ? wrap.querySelector(`#${CSS.escape(`${el.id}-hint`)}`) : null;
  const active = () => values.includes(ctl.value);
  // ui49 M3: another name for other choices (留置之日 for 留置送达), not required.
  const renamed = () => Object.values(f.labelWith ?? {})[0]?.[ctl.value] ?? null;
  const sync = () => {
    const now = active();
    const alt = renamed();
    name.replaceChildren(
      now ? label : (alt?.label ?? f.label),
      ...(now || f.required ? [h('span.req', { 'aria-hidden': 'true' }, '*')] : []),
    );
    if (now || f.required) el.setAttribute('aria-required', 'true');
    else el.removeAttribute('aria-required');
    if (hintEl) hintEl.textContent = now ? hint : (alt?.hint ?? f.hint ?? '');
  };
  ctl.addEventListener('change', sync);
  sync();
  checks.push(() => (active() && shown() && !el.value.trim() ? [f.name, message] : null));
}

/**
 * 开庭方式 (LDMAL Art. 26: 劳动争议仲裁公开进行，但当事人协议不公开进行或者涉及国家秘密、商业秘密和个人隐私的除外).
 * One list with the rule beside it: the law's rule, 公开开庭, is chosen at the start — for 开庭审理 what the hearing
 * was scheduled as — and each 不公开开庭 names its ground, so a hearing not in public always says why. A confirmation
 * repeats what will be recorded.
 */
function publicityField(c, type, f, getters, checks, describe) {
  const scheduled = type === 'HOLD_HEARING' ? c.proceedings?.hearing : undefined;
  const options = { public: '公开开庭' };
  for (const [k, v] of Object.entries(f.grounds)) options[k] = `不公开开庭：${v}`;
  const el = select(options);
  if (scheduled?.public === false) {
    // A hearing scheduled not in public without its ground (before grounds were recorded): the person names it.
    el.prepend(h('option', { value: '' }, '（请选择）'));
    el.value = scheduled.nonPublicGround ?? '';
  }
  getters.push((b) => {
    b.public = el.value === 'public';
    if (!b.public && el.value) b.nonPublicGround = el.value;
  });
  checks.push(() => (el.value ? null : [f.name, '请选择']));
  describe.push(() => [f.label, el.selectedOptions[0]?.textContent ?? '']);
  return field(f.label, f.name, el, {
    required: true,
    hint: scheduled
      ? `按排期时的开庭方式预选；实际开庭方式不同的，请改选（《劳动争议调解仲裁法》第二十六条）`
      : '依法公开开庭；当事人协议不公开，或者涉及国家秘密、商业秘密、个人隐私的，选择不公开开庭及其理由（《劳动争议调解仲裁法》第二十六条）',
  });
}

/** The server names the act's date "发生日期"; the dialog's field is named for the act (裁决日期, 受理日期 …). */
function namedDate(err, dateLabel) {
  if (!(err instanceof ApiError) || dateLabel === '发生日期') return err;
  for (const e of err.problem?.errors ?? []) e.message = String(e.message ?? '').replaceAll('发生日期', dateLabel);
  err.message = String(err.message).replaceAll('发生日期', dateLabel);
  return err;
}
/** The act's date a dialog starts with: today, or for a hearing held the day it was scheduled for (not a later one). */
function initialDate(c, type) {
  if (DATE_OPTIONAL.has(type)) return '';
  if (type === 'HOLD_HEARING') {
    const on = c.proceedings?.hearing?.hearingOn;
    return on && on <= today() ? on : '';
  }
  return today();
}
/** What an earlier case that bars the same dispute is (workflows/duplicates.ts `classify`), by its code. */
/** What the earlier case was at registration: one not yet accepted is still being examined, not in arbitration (void44). */
const duplicateWhat = (d) =>
  d.code === 'pending' && (d.state === 'received' || d.state === 'pending_supplement') ? '尚在审查受理中' : (DUPLICATE_WHAT[d.code] ?? '');
const DUPLICATE_WHAT = {
  in_court: '已作出裁决且当事人已向人民法院起诉',
  pending: '仍在仲裁程序中',
  not_accepted: '已作出不予受理决定',
  decided: '已作出裁决或调解书',
  deemed_withdrawn: '已按撤回仲裁申请处理',
  transferred: '已移送有管辖权的仲裁委员会处理',
};
/**
 * Rules Art. 34 (一事不再理) in the ACCEPT dialog: the earlier cases the registration found that bar the same dispute,
 * and the clerk's statement that this application is not the same matter (`notSameMatter`, with its `reason`) — without
 * it the server refuses the acceptance while such a case still bars (422 duplicate-application-pending, shown at the
 * box). The same matter is refused instead: 不予受理.
 */
/**
 * sec51 M1: an acceptance dated in a year before this one numbers the case in that closed year — the server asks for
 * the clerk's confirmation (`earlierYear`; 422 accept-earlier-year, shown at the box) unless EARLIER_YEAR_ACCEPT_CONFIRMATION=false.
 * The box is shown, and sent, only while the date entered lies in a year before this one (ui52 M3), and the confirmation
 * names the year (the preview does not give the number itself).
 */
function earlierYearField(fields, getters, describe) {
  const date = fields.querySelector('[data-path="occurredOn"]');
  const box = input('checkbox');
  box.dataset.path = 'earlierYear';
  const year = () => (date?.value ?? '').slice(0, 4);
  const earlier = () => /^\d{4}$/.test(year()) && year() < today().slice(0, 4);
  const hint = h('div.small.muted.earlier-year-hint');
  const wrap = h(
    'div.bool-field.earlier-year',
    // (The box's words are the server's refusal's: workflows/received-plausibility.ts.)
    h('label.check', box, '往年作出的受理决定：确认按该年度编号'),
    hint,
    h('div.field-error', { 'data-error-for': 'earlierYear' }),
  );
  const sync = () => {
    const shown = earlier();
    wrap.hidden = !shown;
    box.disabled = !shown;
    if (!shown) box.checked = false;
    fill(hint, shown ? `受理日期在${year()}年：案件将编为${year()}年度的案号（该年度序号续编，该年度统计随之变化）` : '');
  };
  date?.addEventListener('input', sync);
  date?.addEventListener('change', sync);
  sync();
  getters.push((b) => {
    if (earlier() && box.checked) b.earlierYear = true;
  });
  describe.push(() => (earlier() && box.checked ? ['案号年度', `按${year()}年度编号（往年作出的受理决定，已确认）`] : null));
  return wrap;
}

function notSameMatterField(barring, getters, checks, describe) {
  const box = input('checkbox');
  box.dataset.path = 'notSameMatter';
  const reason = h('textarea', { rows: 2, maxlength: 500 });
  const reasonField = field('不属于同一争议的理由', 'reason', reason, {
    required: true,
    wide: true,
    hint: '如：前案与本案请求的期间、事实或项目不同（记入办理记录）',
  });
  const sync = () => {
    reasonField.hidden = !box.checked;
  };
  box.addEventListener('change', sync);
  sync();
  getters.push((b) => {
    if (!box.checked) return;
    b.notSameMatter = true;
    if (reason.value.trim()) b.reason = reason.value.trim();
  });
  checks.push(() => (box.checked && !reason.value.trim() ? ['reason', REQUIRED] : null));
  describe.push(() => (box.checked ? ['不属于同一争议', reason.value.trim()] : null));
  return h(
    'fieldset.duplicate-check',
    h('legend', '在先案件（一事不再理）'),
    barring.map((d) =>
      h(
        'p.warn.act-warning',
        `登记时发现同一当事人之间的在先案件（${d.caseNo ?? `编号${d.caseId}`}）${duplicateWhat(d)}（${sourceZh(d.source)}）：对同一争议（事实、理由和请求相同）的申请不予受理。属于同一争议的，请取消并办理“不予受理”。`,
      ),
    ),
    h(
      'div.bool-field',
      h('label.check', box, '经核对，本申请与上述在先案件不属于同一争议，予以受理'),
      h('div.field-error', { 'data-error-for': 'notSameMatter' }),
    ),
    reasonField,
  );
}

/**
 * ui45 M1: the arbitration applications a mistaken registration may be a second copy of — the earlier cases its
 * registration warned of (the REGISTER history entry's `duplicates`, Rules Arts. 34, 39) first, then the first
 * applicant's other applications (the list's `q` on the name) — never this case, a voided one (the server refuses it),
 * or one on another track. Each as the list gives it: case number or 仲裁申请#id, parties, 收到日期.
 */
async function duplicateCandidates(c) {
  const name = c.applicants?.[0]?.name;
  const [events, listed] = await Promise.all([
    api('GET', `/api/cases/${c.id}/events`).catch(() => null),
    name ? api('GET', `/api/cases?track=arbitration&pageSize=50&q=${encodeURIComponent(name)}`).catch(() => null) : null,
  ]);
  const reg = Array.isArray(events) ? events.find((e) => e.type === 'REGISTER') : null;
  const warned = (reg?.payload?.duplicates ?? []).map((d) => Number(d.caseId)).filter((id) => id && id !== c.id);
  const byId = new Map((listed?.items ?? []).map((x) => [x.id, x]));
  const missing = warned.filter((id) => !byId.has(id));
  const read = await Promise.all(missing.map((id) => api('GET', `/api/cases/${id}`).catch(() => null)));
  for (const x of read.filter(Boolean))
    byId.set(x.id, {
      ...x,
      applicantNames: (x.applicants ?? []).map((p) => p.name),
      respondentNames: (x.respondents ?? []).map((p) => p.name),
    });
  const order = [...warned, ...[...byId.keys()].filter((id) => !warned.includes(id))];
  return order
    .map((id) => byId.get(id))
    .filter((x) => x && x.id !== c.id && x.state !== 'voided' && (x.track ?? 'arbitration') === 'arbitration');
}
/**
 * One candidate as the clerk knows it: 案号 (or 仲裁申请#id), the parties as a commission names them (s61 C #1:
 * partiesTitle, 「甲与乙劳动争议」, not 「甲 诉 乙」), 收到日期.
 */
export const candidateLine = (d) =>
  `${caseName({ ...d, track: 'arbitration' })}：${partiesTitle(d.applicantNames, d.respondentNames)}，收到日期 ${d.receivedOn ?? '—'}${d.stateLabel ? `（${d.stateLabel}）` : ''}`;
/**
 * A mistaken registration is a second copy of the same application, received the same day; an application made again
 * on another day is a new application, decided by 不予受理 (Rules Art. 34), not voided (the server refuses it).
 */
export function sameApplicationWarning(c, candidates, id) {
  const d = id ? candidates.find((x) => String(x.id) === String(id)) : null;
  if (!d?.receivedOn || !c.receivedOn || d.receivedOn === c.receivedOn) return null;
  return `所选案件（${caseName({ ...d, track: 'arbitration' })}）的收到日期为 ${d.receivedOn}，本登记为 ${c.receivedOn}：不是同一申请的重复登记，而是再次申请。当事人就同一争议再次申请仲裁的，应办理“不予受理”（《劳动人事争议仲裁办案规则》第三十四条），不能作废。`;
}
function sameApplicationNote(c, candidates, id) {
  const w = sameApplicationWarning(c, candidates, id);
  return w ? h('div.alert.bad', { role: 'alert' }, w) : null;
}

/** The barring earlier cases the registration recorded (its history entry's `duplicates`); none when unreadable. */
async function barringDuplicates(c) {
  const events = await api('GET', `/api/cases/${c.id}/events`).catch(() => null);
  const reg = Array.isArray(events) ? events.find((e) => e.type === 'REGISTER') : null;
  const recorded = (reg?.payload?.duplicates ?? []).filter((d) => d.bars);
  if (!recorded.length) return [];
  // What the registration found, read again as it stands now (a reviewer, s44 M2): an earlier copy voided since as a
  // mistaken registration bars nothing, nor one the applicant withdrew since (Rules Art. 35) — as the server reads them
  // at acceptance (workflows/duplicates.ts classify), so the dialog does not steer the clerk to 不予受理 for them.
  const now = await Promise.all(recorded.map((d) => api('GET', `/api/cases/${d.caseId}`).catch(() => null)));
  // Each with the state it is in now (尚在审查受理中 while it is not accepted yet).
  return recorded
    .map((d, i) => ({
      ...d,
      caseNo: d.caseNo ?? now[i]?.caseNo ?? null,
      state: now[i]?.state ?? d.state,
      closureMode: now[i]?.closure?.mode ?? null,
    }))
    .filter((d) => !['voided', 'withdrawal'].includes(d.closureMode));
}

function describedFields(describe) {
  const rows = describe.map((d) => d()).filter(Boolean);
  return rows.length
    ? h(
        'ul.small',
        rows.map(([k, v]) => h('li', `${k}：${v}`)),
      )
    : null;
}

/**
 * Serves one document on every applicant, one SERVE act each; a retry skips nobody twice (one key per worker). Each act
 * is sent with the version the one before it left (the first with the screen's).
 */
async function serveAll(c, body, key, form) {
  const box = form.querySelector('.form-alert');
  let version = c.version;
  const served = [];
  const { list, side } = bulkParties(c, body.partyId);
  for (const [i, p] of list.entries()) {
    fill(box, h('div.alert.ok', { role: 'status' }, `正在登记送达 ${i + 1}/${list.length}：${p.name}`));
    try {
      const r = await api('POST', `/api/cases/${c.id}/events`, { ...body, partyId: p.id }, { key: `${key}-${p.id}`, ifMatch: version });
      version = r.version;
      served.push(p.name);
    } catch (err) {
      // Stopped partway: what was recorded stays recorded; the person is told whom, and whom not.
      if (served.length) err.partial = { served, left: list.slice(i).map((x) => x.name), side };
      throw err;
    }
  }
}

/**
 * A bulk service stopped partway: who was served is recorded, who was not is not. Sending the dialog again would serve
 * the first ones twice (unless the connection was lost: then the same keys replay what was recorded), so it offers the
 * latest case instead, where the rest are served one by one.
 */
function partialService(form, partial) {
  form
    .querySelector('.form-alert')
    ?.prepend(
      h(
        'div.alert.warn.partial-service',
        { role: 'alert' },
        `已为 ${partial.served.length} 名${partial.side ?? '申请人'}登记送达（${partial.served.join('、')}）；以下 ${partial.left.length} 人尚未登记：${partial.left.join('、')}。请载入最新内容后逐人办理。`,
      ),
    );
}

/**
 * fixU52 M1: the page is out of date — a version conflict (412), or the case's state no longer allows the act (409
 * without a rule). A 409 that names a legal rule (mediation-document-not-issued) is the law's answer on the case as it
 * is: loading it again changes nothing, and is not offered.
 */
function isStale(err) {
  return err instanceof ApiError && (err.status === 412 || (err.status === 409 && !err.problem?.rule));
}

/**
 * Someone else changed the case after this screen was drawn (412): nothing was recorded. The person reads the case as
 * it is now before doing anything: the dialog offers the latest case (what was typed in it is not sent).
 */
function staleCase(form, close, done, mayDiscard = async () => true) {
  const box = form.querySelector('.form-alert');
  box.append(
    h(
      'p',
      h(
        'button.btn',
        {
          type: 'button',
          onclick: async () => {
            // What was typed goes with the dialog: asked first, like closing it.
            if (!(await mayDiscard())) return;
            close();
            done('已载入案件的最新内容：请查看刚办理的事项（他人或您在其他窗口办理），再决定是否办理。');
          },
        },
        '载入最新内容',
      ),
    ),
  );
}

/** ui55 #2: why a claim is not offered for advance execution (LDMAL Art. 44(1)). */
/** s62: why a claim given up is not offered for advance execution (LDMAL Art. 44: a ruling within a pending claim). */
const WITHDRAWN_NOT_ADVANCE = '已撤回的请求（或其申请人的仲裁申请已按撤回处理），不能先予执行（第四十四条）';
const NOT_ADVANCE = '不属于可先予执行的请求（第四十四条）';
/**
 * s62 D #1: why a claim a partial award decided is not offered for advance execution — it is no longer before the
 * tribunal (LDMAL Arts. 43(2), 44; workflows/rules.ts ADVANCE_EXECUTION, 422 advance-execution-claim-decided). Null
 * when no partial award decided it.
 */
function decidedByPartial(c, cl) {
  const awards = c.proceedings?.partialAwards ?? [];
  const i = awards.findIndex((pa) => (pa.items ?? []).some((it) => it.claimId === cl.id));
  if (i < 0) return null;
  return `已由第${i + 1}件部分裁决（${awards[i].issuedOn}）作出裁决，不能先予执行（第四十三条第二款、第四十四条）`;
}
/**
 * Whether a claim's category is one advance execution may be of: the server's list (GET /api/reference/vocabulary
 * advanceExecutionCategories, workflows/finality.ts MONETARY_FINAL_CATEGORIES), the rule refusing the others (422
 * advance-execution-categories). Without the list every claim is offered and the server judges.
 */
const advanceCategory = (cl) => state.vocab?.advanceExecutionCategories?.includes(cl.category) ?? true;

/**
 * ADVANCE_EXECUTION: the amount to be paid in advance for each chosen claim (one that may be: `advanceCategory`).
 * s60 #1: the box starts empty — a ruling orders part of what is claimed as often as all of it (LDMAL Art. 44: 先予执行
 * of the claims for remuneration…), the amount claimed is shown beside it; a claim of several workers together asks
 * each worker's share (the award's `sharePicker`, one home), summing to the amount — refused here before the
 * confirmation when missing (the server only warns, for API clients; SPC Enforcement Provisions (2020) Art. 16).
 * Each box is named by its place among the amounts sent (amounts.N…), as the server names it.
 */
/**
 * s63 B #2 — the words for one claim changed (Rules Art. 44: 申请人……变更仲裁请求), the one home of them: the
 * confirmation repeats them before the change is recorded (`claimChanges`), the 办理记录 keeps them after
 * (web/pages/case.js `claimChangeLines`). Its category, its amount before → after in yuan as the page shows amounts
 * (`money`: 15,000.00 元), its words; `name` (the claim's words before the change) in the record, where the claim is
 * no longer on the screen beside it. Null parts are not changed.
 */
export function claimChangeWords(
  seq,
  { name = null, categoryBefore = null, category = null, amountBefore = null, amount = null, description = null },
) {
  const parts = [];
  if (category !== null && category !== categoryBefore)
    parts.push(`类别${categoryBefore !== null ? `由${categoryBefore}` : ''}变更为${category}`);
  if (amount !== null) parts.push(`金额${amountBefore != null ? `由${money(amountBefore)}` : ''}变更为${money(amount)}`);
  if (description !== null) parts.push(`内容变更为“${description.length > 60 ? `${description.slice(0, 60)}…` : description}”`);
  return `第${seq}项${name ? `“${name.length > 40 ? `${name.slice(0, 40)}…` : name}”` : ''}${parts.join('，')}`;
}

/**
 * s62: a change of an existing claim (Rules Art. 44: 申请人……变更仲裁请求) — its amount or its words, per claim of the
 * applicant's still decided (a counterclaim's are the respondent's, Rules Art. 36; one given up is no longer a claim).
 * A box left blank, or as it was, changes nothing; the server names a change by its place among those sent
 * (`change.N.amount`), so each row carries that path once the rows to send are known.
 */
function claimChanges(c) {
  const live = (c.claims ?? []).filter((cl) => !cl.counterclaim && !cl.withdrawn);
  if (!live.length) return null;
  const rows = live.map((cl) => {
    const amount = input('text', { inputmode: 'decimal', value: '', 'aria-label': `第${cl.seq}项变更后的金额` });
    const words = h('textarea', { rows: 2, maxlength: 2000, 'aria-label': `第${cl.seq}项变更后的内容` });
    amount.placeholder = cl.amount != null ? `现为 ${cl.amount}` : '未请求金额';
    words.placeholder = '不变更的不填';
    const amountError = h('span.field-error');
    const wordsError = h('span.field-error');
    const r = { cl, amount, words, amountError, wordsError };
    r.newAmount = () => {
      const v = plainAmount(amount.value);
      return v === '' || (cl.amount != null && !checkMoney(v) && Number(v) === Number(cl.amount)) ? null : v;
    };
    r.newWords = () => {
      const v = words.value.trim();
      return v === '' || v === (cl.description ?? '').trim() ? null : v;
    };
    r.row = h(
      'tr',
      h('td', { 'data-label': '请求' }, claimLine(cl, c), cl.amount != null ? h('div.small.muted', `请求金额 ${money(cl.amount)}`) : null),
      h('td', { 'data-label': '变更后的金额（元）' }, amount, amountError),
      h('td', { 'data-label': '变更后的内容' }, words, wordsError),
    );
    return r;
  });
  const sent = () => rows.filter((r) => r.newAmount() !== null || r.newWords() !== null);
  const paths = () => {
    const list = sent();
    for (const r of rows) {
      const at = list.indexOf(r);
      const base = `change.${at >= 0 ? at : `unsent${r.cl.seq}`}`;
      r.amount.dataset.path = `${base}.amount`;
      r.amountError.dataset.errorFor = `${base}.amount`;
      r.words.dataset.path = `${base}.description`;
      r.wordsError.dataset.errorFor = `${base}.description`;
    }
  };
  paths();
  const node = h(
    'div',
    h(
      // s64 C #3: on a phone each claim a card (app.css .stack-phone), its boxes under their column's name — not a table
      // wider than the dialog with 变更后的内容 cut at its edge.
      'table.t.compact.claim-changes.stack-phone',
      h('caption', '变更的请求（只填要变更的项；金额以元为单位）'),
      h('thead', h('tr', h('th', '请求'), h('th', '变更后的金额（元）'), h('th', '变更后的内容'))),
      h('tbody', ...rows.map((r) => r.row)),
    ),
    h('span.field-error', { 'data-error-for': 'change' }),
  );
  return {
    node,
    get: (b) => {
      paths();
      const list = sent().map((r) => ({
        claimId: r.cl.id,
        ...(r.newAmount() !== null ? { amount: r.newAmount() } : {}),
        ...(r.newWords() !== null ? { description: r.newWords() } : {}),
      }));
      if (list.length) b.change = list;
    },
    check: () => {
      paths();
      const bad = rows
        .filter((r) => checkMoney(r.amount.value.trim()))
        .map((r) => [r.amount.dataset.path, checkMoney(r.amount.value.trim())]);
      return bad.length ? bad : null;
    },
    describe: () => {
      const list = sent().map((r) =>
        claimChangeWords(r.cl.seq, { amountBefore: r.cl.amount, amount: r.newAmount(), description: r.newWords() }),
      );
      return list.length ? ['变更的请求', list.join('；')] : null;
    },
  };
}

function advanceAmounts(c, claimList) {
  const rows = c.claims.filter(advanceCategory).map((cl) => {
    const amount = input('text', { inputmode: 'decimal', value: '', 'aria-label': `第${cl.seq}项先予执行金额` });
    amount.dataset.path = `amounts.unsent${cl.seq}.amount`;
    const error = h('span.field-error', { 'data-error-for': amount.dataset.path });
    const r = { cl, amount, error };
    r.shares = sharePicker(c, cl, cl.seq - 1, null, {
      base: `amounts.unsent${cl.seq}`,
      required: true,
      what: '先行受领的金额',
      total: () => plainAmount(amount.value),
    });
    amount.addEventListener('input', () => r.shares?.saySum());
    const claimed = cl.amount != null ? h('div.small.muted', `请求金额 ${money(cl.amount)}`) : null;
    r.row = h('tr', h('td', claimLine(cl, c), claimed), h('td', amount, error, r.shares?.node ?? null));
    return r;
  });
  const chosen = () => new Set([...claimList.querySelectorAll('input:checked')].map((i) => Number(i.value)));
  const picked = () => rows.filter((r) => chosen().has(r.cl.id));
  const sent = () => picked().filter((r) => r.amount.value.trim());
  // The server names an amount by its place among those sent: each box (and its shares) carries that path.
  const paths = () => {
    const list = sent();
    for (const r of rows) {
      const at = list.indexOf(r);
      const base = `amounts.${at >= 0 ? at : `unsent${r.cl.seq}`}`;
      r.amount.dataset.path = `${base}.amount`;
      r.error.dataset.errorFor = `${base}.amount`;
      r.shares?.renumber(base);
    }
  };
  const tbody = h('tbody');
  const sync = () =>
    fill(
      tbody,
      picked().map((r) => r.row),
    );
  claimList.addEventListener('change', sync);
  sync();
  const node = h('div', h('table.t.compact', h('caption', '先予执行金额（元）'), tbody));
  return {
    node,
    get: (b) => {
      paths();
      const list = sent().map((r) => ({
        claimId: r.cl.id,
        amount: r.amount.value.trim(),
        ...(r.shares?.get() ?? {}),
      }));
      if (list.length) b.amounts = list;
    },
    check: () => {
      paths();
      const bad = picked()
        .map((r) => [r.amount.dataset.path, checkMoney(r.amount.value.trim())])
        .filter(([, m]) => m);
      if (bad.length) return bad;
      const shares = sent().flatMap((r) => r.shares?.check() ?? []);
      return shares.length ? shares : null;
    },
    // s64 C #1 (LDMAL Art. 44; app/procedure/apply-event.ts): the server names the chosen claims sent without an amount
    // by the list (`amounts`) — the amount is not in it, so has no place of its own. Said under each chosen box left
    // empty (the boxes of the claims it means: every claim offered here is one whose amount the ruling must state).
    place: (err) => {
      const errors = err?.problem?.errors;
      if (!Array.isArray(errors)) return;
      const empty = picked().filter((r) => !r.amount.value.trim());
      if (!empty.length) return;
      err.problem.errors = errors.flatMap((e) =>
        e?.path === 'amounts'
          ? empty.map((r) => ({
              path: r.amount.dataset.path,
              message: String(e.message ?? '').replace(/：第[\d、]+项请求未写明$/, ''),
            }))
          : [e],
      );
    },
    // s62 D #2: the amounts (and each worker's share, where asked) are printed in the ruling and cannot be changed
    // afterwards — the confirmation repeats them.
    describe: () => {
      const list = sent().map(
        (r) => `第${r.cl.seq}项 ${money(plainAmount(r.amount.value))}${(r.shares?.said() ?? '').replace(/^；/, '，')}`,
      );
      return list.length ? ['先予执行金额', list.join('；')] : null;
    },
  };
}

/**
 * fixW59 #1 (LDMAL Art. 44; SPC Enforcement Provisions Art. 16): who pays in advance. Of two respondents or more the
 * ruling's payer is picked as an award item's is (obligorPicker: one named, nothing preselected; the others jointly —
 * 连带 — or for equal shares — 按份, `equalShares`); of one, he is shown. A counterclaim's advance execution is paid by
 * the applicant: nothing asked, nothing sent.
 */
function advancePayers(c, claimList) {
  const respondents = c.respondents ?? [];
  const picker =
    respondents.length > 1 ? obligorPicker(respondents, { base: '', name: '先予执行', id: 'advance', what: '先行支付' }) : null;
  const counter = () =>
    [...claimList.querySelectorAll('input:checked')].some((i) => c.claims.find((cl) => cl.id === Number(i.value))?.counterclaim);
  const only = respondents.length === 1 ? `被申请人${respondents[0].name}` : '';
  const byApplicant = h(
    'p.small.muted.advance-payer-counter',
    '反申请请求的先予执行由申请人支付，不指定被申请人（《劳动人事争议仲裁办案规则》第三十六条）',
  );
  const box = h(
    'fieldset.inline.advance-payers',
    h('legend', '先行支付义务人', picker ? h('span.req', { 'aria-hidden': 'true' }, '*') : null),
    picker ? picker.node : h('p.small.advance-payer-one', `由${only}先行支付`),
  );
  const node = h('div', box, byApplicant);
  const sync = () => {
    const cc = counter();
    box.hidden = cc || respondents.length === 0;
    byApplicant.hidden = !cc;
  };
  claimList.addEventListener('change', sync);
  sync();
  return {
    node,
    get: (b) => {
      if (picker && !counter()) Object.assign(b, picker.get());
    },
    check: () => {
      if (!picker || counter()) return null;
      if (picker.unnamed())
        return [
          'obligorIds',
          '请选择先予执行的履行义务人（先行支付的被申请人）；由多名被申请人承担的，选择其一，并勾选共同承担的其他被申请人、选择连带责任或按份承担',
        ];
      return picker.check();
    },
    describe: () => {
      if (counter() || !respondents.length) return null;
      if (!picker) return ['先行支付义务人', only];
      const said = picker.said().replace(/^；/, '');
      return said ? ['先行支付义务人', said] : null;
    },
  };
}

/**
 * The award editor: per claim the outcome, the amount and the legal basis (the server's suggestion, which the
 * arbitrator accepts or edits), finality shown as typed; the defense, the facts found and the reasoning, which an
 * award cannot be made without. The text is kept as a draft per case until the award is made.
 */
/** fixT57 #2: an arbitrator replaced after the last hearing held, with no hearing since (`hearingsBefore`, the server's rule). */
function tribunalChangedSinceHearing(c) {
  const held = (c.proceedings?.hearingsHeld ?? []).length;
  if (!held) return false;
  const decided = (c.proceedings?.recusalApplications ?? []).map((r) =>
    r.decision?.result === 'granted' && r.decision.replacementId ? r.decision.hearingsBefore : undefined,
  );
  // Reviewer s57 A H2: a tribunal formed anew after the last hearing (on conversion to the ordinary procedure).
  const lastHeld = c.proceedings.hearingsHeld.at(-1)?.heldOn;
  if (c.tribunal?.formedOn && lastHeld && c.tribunal.formedOn > lastHeld) return true;
  return [...(c.proceedings?.recusals ?? []).map((r) => r.hearingsBefore), ...decided].includes(held);
}

/**
 * s60 #4: the last 被申请人辩称 the arbitrator wrote on this case — with a partial award (PARTIAL_AWARD
 * `defenseSummary`) or in the 文书 panel when its document was generated (GENERATE_DOCUMENT `text.defenseSummary`, an
 * award's or a partial award's) — to start the award's box on it (the same respondents' defense, not asked twice).
 */
function writtenDefense(events) {
  if (!Array.isArray(events)) return '';
  for (const e of [...events].reverse()) {
    const p = e.payload ?? {};
    const text =
      e.type === 'PARTIAL_AWARD'
        ? p.defenseSummary
        : e.type === 'GENERATE_DOCUMENT' && ['award', 'partial_award'].includes(p.kind)
          ? p.text?.defenseSummary
          : null;
    if (typeof text === 'string' && text.trim()) return text.trim();
  }
  return '';
}

function awardEditor(c, type, dateInput, earlierDefense = '') {
  // v2: drafts of the editor that chose 支持 and the amount claimed for every item are not restored as choices.
  const draftName = `award.v2.${c.id}.${type}`;
  const draft = loadDraft(draftName);
  const saved = draft?.value ?? {};
  // The claims still to decide: not one given up by a change of claims (Rules Art. 44), nor one a partial award decided
  // (Rules Art. 49). No outcome is chosen for the arbitrator: every item starts unanswered. The award is not sent until
  // each has one (nothing granted by default); a partial award decides those answered — at least one — and leaves the
  // rest for later. Each item sent is at its index in `items`, the paths the server's errors name (`renumber`).
  const partial = type === 'PARTIAL_AWARD';
  const decided = new Set((c.proceedings?.partialAwards ?? []).flatMap((x) => (x.items ?? []).map((i) => i.claimId)));
  const rows = c.claims
    .filter((cl) => !cl.withdrawn && !decided.has(cl.id))
    .map((cl, i) => {
      const prior = saved.items?.find((x) => x.claimId === cl.id);
      const outcome = select(
        { '': '（请选择）', ...LABELS.outcome },
        {
          'data-path': `items.${i}.outcome`,
          'aria-label': `第${cl.seq}项裁决结果`,
          value: prior?.outcome ?? '',
        },
      );
      const amount = input('text', {
        inputmode: 'decimal',
        value: prior?.amount ?? '',
        placeholder: cl.amount ? `请求 ${cl.amount}` : '',
        'data-path': `items.${i}.amount`,
        'aria-label': `第${cl.seq}项裁决金额`,
        class: 'amount',
      });
      const basis = h('textarea.basis', {
        rows: 3,
        'data-path': `items.${i}.legalBasis`,
        'aria-label': `第${cl.seq}项裁决依据`,
        placeholder: '每行一条，如 《中华人民共和国劳动合同法》第三十条',
      });
      if (prior?.legalBasis) {
        basis.value = prior.legalBasis.join('\n');
        basis.dataset.edited = 'true';
      }
      basis.addEventListener('input', () => {
        basis.dataset.edited = 'true';
      });
      // s61 C #4: the workers' shares summed live against the item's amount, as a 先予执行 ruling's are (sharePicker).
      const payers = payerPicker(c, cl, i, prior, () => plainAmount(amount.value.trim()));
      amount.addEventListener('input', () => payers?.saySum());
      const fin = h('span', { 'aria-live': 'polite' }, '—');
      // Why the item is (non-)final, as the server's preview says (ui43 M6): shown under it, not only in a tooltip.
      const why = h('div.small.muted.fin-reason');
      // Issue 17: the calculator's suggestion, kept with the item (the server recomputes it); the amount stays editable.
      const row = {
        i,
        cl,
        outcome,
        amount,
        basis,
        payers,
        fin,
        why,
        calc: prior?.calculation ?? null,
        tag: h('span.small.muted.calc-tag'),
        outcomeError: h('span.field-error', { 'data-error-for': `items.${i}.outcome` }),
        amountError: h('span.field-error', { 'data-error-for': `items.${i}.amount` }),
        // s64 C #2: why an item's 裁决依据 is asked for is said under it, as every other required field's is.
        basisError: h('span.field-error', { 'data-error-for': `items.${i}.legalBasis` }),
      };
      // 支持 with no amount typed yet: the amount claimed, to be checked (a non-monetary claim has none).
      outcome.addEventListener('change', () => {
        if (outcome.value === 'granted' && !amount.value.trim() && cl.amount) amount.value = cl.amount;
        payers?.saySum();
      });
      // A draft restored with its shares: their sum said at once.
      payers?.saySum();
      row.button = calculatorButton(
        { h, fill, api, download, money },
        {
          c,
          claim: cl,
          onAccept: ({ amount: suggested, calculation }) => {
            row.calc = calculation;
            amount.value = suggested;
            row.tag.textContent = `计算器建议 ${suggested} 元${calculation.print ? '，印入理由' : ''}`;
            amount.dispatchEvent(new Event('input', { bubbles: true }));
            // s60 #3: a suggestion above the amount claimed is put in as computed (never capped unseen) and said at
            // once next to the field, in the server's words (不告不理: no award beyond the claim; award.ts awardItemErrors).
            const over = overClaim(row);
            if (over !== null && over > 0)
              setError(amount.closest('form') ?? amount.parentElement, amount.dataset.path, overClaimMessage(cl));
          },
        },
      );
      return row;
    });
  /** The rows sent: every row, or for a partial award those answered. */
  const sent = () => (partial ? rows.filter((r) => r.outcome.value) : rows);
  /** Each row's fields and error slots named by its index among those sent (`unsent.<claim>` for one not sent). */
  const renumber = () => {
    const list = sent();
    for (const r of rows) {
      const at = list.indexOf(r);
      const base = at >= 0 ? `items.${at}` : `unsent.${r.cl.id}`;
      r.outcome.dataset.path = `${base}.outcome`;
      r.amount.dataset.path = `${base}.amount`;
      r.basis.dataset.path = `${base}.legalBasis`;
      r.outcomeError.dataset.errorFor = `${base}.outcome`;
      r.amountError.dataset.errorFor = `${base}.amount`;
      r.basisError.dataset.errorFor = `${base}.legalBasis`;
      r.payers?.renumber(base);
    }
    return list;
  };
  const summaryLine = h('p.small', { 'aria-live': 'polite' });
  let timer;
  let lastPreview = null;
  let asked = 0;
  /**
   * Asks the server how the items stand (finality, legal basis); an answer to an older question is dropped. fixU2-54 #6:
   * asked only once every item answered can be judged (its amount given where a money claim is granted, a valid amount
   * within the claim) — not on every keystroke of an amount the server would refuse (400, a console error each time);
   * `force` (the confirmation) asks whatever stands, so that a complete form's refusal is shown before it.
   */
  const runPreview = async (force = false) => {
    const n = ++asked;
    // Only the items answered so far: the rest show no finality until they have an outcome.
    const answered = rows.filter((r) => r.outcome.value);
    const unready = force ? [] : answered.filter((r) => !judgeable(r));
    for (const r of rows.filter((x) => !x.outcome.value || unready.includes(x))) {
      r.fin.className = '';
      r.fin.textContent = '—';
      r.fin.title = '';
      r.why.textContent = '';
    }
    if (!answered.length) {
      lastPreview = null;
      summaryLine.textContent = '';
      return;
    }
    if (unready.length) {
      lastPreview = null;
      summaryLine.textContent = `第${unready.map((r) => r.cl.seq).join('、')}项的裁决金额填写完整后，显示裁决性质（终局或非终局）。`;
      return;
    }
    const items = answered.map((r) => ({
      claimId: r.cl.id,
      outcome: r.outcome.value,
      ...(r.outcome.value !== 'dismissed' && r.amount.value.trim() && !checkMoney(r.amount.value.trim())
        ? { amount: plainAmount(r.amount.value) }
        : {}),
      // legal55a #4/#5: the item as the award sends it — the preview refuses what the award would.
      ...(r.payers && r.outcome.value !== 'dismissed' ? r.payers.get() : {}),
    }));
    try {
      const p = await api('POST', `/api/cases/${c.id}/award-preview`, { items });
      if (n !== asked) return;
      lastPreview = p;
      // The rows answered when asked (a row left unanswered since then was cleared above, or is on the next question).
      for (const r of answered.filter((x) => x.outcome.value)) {
        const it = p.items.find((i) => i.claimId === r.cl.id);
        r.fin.className = it?.final ? 'final-yes' : 'final-no';
        // fixS57: a joint item whose workers' shares differ is split between the final and the non-final document.
        const split = it?.shares?.some((sh) => sh.final) && it.shares.some((sh) => !sh.final);
        r.fin.textContent = it ? (split ? '部分终局（按各申请人分得金额）' : it.final ? '终局' : '非终局') : '—';
        r.fin.title = it?.reason ?? '';
        r.why.textContent = it?.reason ?? '';
        // LDMAL Art. 44; domain.md §9.2: an item ordered paid in advance is deducted and stated in the award.
        if (it?.advanceExecution) {
          r.fin.textContent += '（已先予执行）';
          r.fin.title = `${r.fin.title}\n${it.advanceExecution.message}`.trim();
        }
        // The suggestion follows the outcome and finality until the arbitrator edits it.
        if (it?.legalBasis && r.basis.dataset.edited !== 'true') r.basis.value = it.legalBasis.join('\n');
      }
      const open = rows.length - answered.length;
      summaryLine.textContent = `${open && !partial ? `已选 ${answered.length}/${rows.length} 项，` : ''}${partial ? '本次裁决的事项' : '整体'}：${LABELS.finality[p.finality]}。终局限额：${p.thresholdAmount} 元（当地月最低工资 ${p.minimumWage.monthly} 元 × 12${p.minimumWage.confirmed ? '' : '，标准待管理员确认'}）。${p.items
        .filter((i) => i.advanceExecution)
        .map((i) => i.advanceExecution.message)
        .join('；')}`;
    } catch (err) {
      if (n !== asked) return;
      lastPreview = null;
      // fixU57 #1: a field the preview refuses (shares that do not add up: items.0.shares) is marked under its field —
      // the preview's item N is the Nth answered, named on the form by its place among those sent — and said here by
      // its claim's number, never by the server's key.
      const errs = err.problem?.errors ?? [];
      if (!errs.length) {
        summaryLine.textContent = err.message;
        return;
      }
      renumber();
      const form = summaryLine.closest('form');
      const said = errs.map((e) => {
        const m = /^items\.(\d+)((?:\..*)?)$/.exec(e.path);
        const r = m ? answered[Number(m[1])] : null;
        const path = r ? `${r.outcome.dataset.path.replace(/\.outcome$/, '')}${m[2]}` : e.path;
        const message = fieldMessage(e.message);
        if (form?.querySelector(`[data-path="${CSS.escape(path)}"]`)) setError(form, path, message);
        return r ? `第${r.cl.seq}项：${message}` : message;
      });
      summaryLine.textContent = `裁决性质暂时无法判定：${said.join('；')}`;
    }
  };
  const preview = () => {
    clearTimeout(timer);
    timer = setTimeout(() => runPreview(), 250);
  };
  const facts = h('textarea', { rows: 5, maxlength: 20000 });
  const reasoning = h('textarea', { rows: 5, maxlength: 20000 });
  // The defense as the award states it (被申请人辩称); without it the award prints the filed defense's summary.
  const defense = h('textarea', { rows: 3, maxlength: 20000 });
  // fixT57 #2 (LDMAL Arts. 45–46): an arbitrator replaced since the last hearing — the tribunal decides whether to hear
  // again; without a hearing since, the award states its decision not to (`noRehearing`).
  const noRehearing = tribunalChangedSinceHearing(c) ? h('textarea', { rows: 2, maxlength: 500 }) : null;
  // The applicant's answer to a merged counterclaim, asked where the form decides counterclaim items (Rules Art. 36).
  const counterAnswer = h('textarea', { rows: 3, maxlength: 20000 });
  const hasCounterclaim = rows.some((r) => r.cl.counterclaim);
  // 被申请人辩称 (templates/kinds.ts `defense`): the summary recorded with the defense, else the arbitrator's — needed
  // where the respondent answered or attended; asked here, not first when the award's document is generated.
  const filed = c.proceedings?.defenses ?? [];
  const defenseRecorded = filed.some((x) => x.summary);
  const defenseNeeded = !defenseRecorded && (filed.length > 0 || (c.proceedings?.hearingsHeld ?? []).some((x) => x.respondentPresent));
  facts.value = saved.facts ?? '';
  reasoning.value = saved.reasoning ?? '';
  // s60 #4: a draft's own text first; else what was written before (writtenDefense), to be checked.
  defense.value = saved.defenseSummary || earlierDefense;
  counterAnswer.value = saved.counterclaimDefenseSummary ?? '';
  // The award's date, once the arbitrator chose it, is part of the draft: restored with the rest, never silently
  // today's (it starts the periods) — and a date nobody chose (the day the draft began) is not kept as if chosen.
  let dateChosen = Boolean(saved.occurredOn);
  if (saved.occurredOn && dateInput) dateInput.value = saved.occurredOn;
  const collect = () => ({
    ...(dateChosen && dateInput?.value ? { occurredOn: dateInput.value } : {}),
    items: rows.map((r) => ({
      claimId: r.cl.id,
      outcome: r.outcome.value,
      ...(r.outcome.value !== 'dismissed' && r.amount.value.trim() ? { amount: plainAmount(r.amount.value) } : {}),
      ...(r.basis.dataset.edited === 'true' ? { legalBasis: lines(r.basis.value) } : {}),
      ...(r.calc ? { calculation: r.calc } : {}),
      ...(r.payers && r.outcome.value !== 'dismissed' ? r.payers.get() : {}),
    })),
    facts: facts.value,
    reasoning: reasoning.value,
    defenseSummary: defense.value,
    counterclaimDefenseSummary: counterAnswer.value,
  });
  const status = h(
    'p.small.muted',
    { 'aria-live': 'polite' },
    draft ? `已恢复 ${draftTime(draft)} 保存的草稿${saved.occurredOn ? `（裁决日期 ${saved.occurredOn}）` : ''}` : '',
  );
  let saveTimer;
  const keep = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveDraft(draftName, collect());
      status.textContent = `草稿已保存（${chinaTimeNow()}）`;
    }, 400);
  };
  for (const r of rows) {
    r.outcome.addEventListener('change', preview);
    r.amount.addEventListener('input', preview);
    for (const el of [r.outcome, r.amount, r.basis]) el.addEventListener('input', keep);
    r.outcome.addEventListener('change', keep);
    if (r.payers) {
      r.payers.node.addEventListener('change', keep);
      r.payers.node.addEventListener('change', preview);
      // A share typed is asked about as an amount is (fixU57 #1: its error goes once the sum is right).
      r.payers.node.addEventListener('input', preview);
      // Who pays is asked only of an item that orders something (a dismissed one orders nobody anything).
      const shown = () => {
        r.payers.node.hidden = r.outcome.value === 'dismissed';
      };
      r.outcome.addEventListener('change', shown);
      shown();
    }
  }
  for (const el of [facts, reasoning, defense, counterAnswer]) el.addEventListener('input', keep);
  dateInput?.addEventListener('change', () => {
    dateChosen = true;
    keep();
  });
  preview();
  if (draft) facts.dataset.restored = 'true';
  const node = h(
    'div',
    status,
    h(
      // On a phone each claim's award is a card, each field under its column's name (ui44 L5).
      'table.t.award.stack-phone',
      h(
        'thead',
        h(
          'tr',
          ['请求', '请求金额', '裁决结果', '裁决金额（元）', '终局性', '裁决依据（可修改）'].map((x) => h('th', x)),
        ),
      ),
      h(
        'tbody',
        rows.map((r) =>
          h(
            'tr',
            h('td', { 'data-label': '请求' }, claimLine(r.cl, c)),
            h('td.num', { 'data-label': '请求金额' }, money(r.cl.amount)),
            h('td', { 'data-label': '裁决结果' }, r.outcome, r.outcomeError, r.payers?.node ?? null),
            h('td', { 'data-label': '裁决金额（元）' }, r.amount, ' ', r.button, r.tag, r.amountError),
            h('td', { 'data-label': '终局性' }, r.fin, r.why),
            h('td', { 'data-label': '裁决依据（可修改）' }, r.basis, r.basisError),
          ),
        ),
      ),
    ),
    summaryLine,
    field('被申请人辩称', 'defenseSummary', defense, {
      wide: true,
      hint:
        earlierDefense && defense.value === earlierDefense
          ? '已填入本案此前（部分裁决或生成裁决书时）填写的答辩意见，请核对'
          : defenseRecorded
            ? '不填则使用收到答辩书时记录的答辩要点'
            : defenseNeeded
              ? '被申请人已提交答辩书或到庭，裁决书须写明其答辩意见'
              : '被申请人未答辩亦未到庭的，可不填',
    }),
    hasCounterclaim
      ? field('申请人（被反申请人）针对反申请辩称', 'counterclaimDefenseSummary', counterAnswer, {
          wide: true,
          hint: '裁决反申请请求的，裁决书须写明申请人对反申请的答辩意见',
        })
      : null,
    field('经审理查明', 'facts', facts, { wide: true, required: true }),
    field('本委认为', 'reasoning', reasoning, { wide: true, required: true }),
    noRehearing
      ? field('仲裁庭决定不重新开庭的理由', 'noRehearing', noRehearing, {
          wide: true,
          hint: '仲裁员在最后一次开庭后更换：裁决应由审理本案的仲裁庭作出。未重新开庭的，请写明仲裁庭决定已进行的程序不再重新进行的理由（参照《仲裁法》第三十七条第二款）',
        })
      : null,
  );
  const get = (b) => {
    const v = collect();
    b.items = renumber().map((r) => {
      const item = v.items.find((i) => i.claimId === r.cl.id);
      // The basis the arbitrator saw (suggested or edited) is the one the award records.
      const basis = item.legalBasis ?? lines(r.basis.value);
      return { ...item, ...(basis.length ? { legalBasis: basis } : {}) };
    });
    if (defense.value.trim()) b.defenseSummary = defense.value.trim();
    if (hasCounterclaim && counterAnswer.value.trim()) b.counterclaimDefenseSummary = counterAnswer.value.trim();
    if (facts.value.trim()) b.facts = facts.value.trim();
    if (reasoning.value.trim()) b.reasoning = reasoning.value.trim();
    if (noRehearing?.value.trim()) b.noRehearing = { reason: noRehearing.value.trim() };
  };
  // Every problem at once — each item's amount, the facts, the reasons — so that one pass fixes the award.
  const check = () => {
    const bad = [];
    const list = renumber();
    if (partial && !list.length && rows[0])
      bad.push([`unsent.${rows[0].cl.id}.outcome`, '部分裁决至少裁决一项请求：请选择其裁决结果；其余请求留待以后裁决']);
    for (const r of rows) {
      const path = r.outcome.dataset.path.replace(/\.outcome$/, '');
      if (!r.outcome.value) {
        if (!partial) bad.push([`${path}.outcome`, `请选择第${r.cl.seq}项的裁决结果（支持、部分支持或驳回）`]);
        continue;
      }
      const m = r.outcome.value !== 'dismissed' ? checkMoney(r.amount.value.trim()) : null;
      // 部分支持 is less than the claim asks (the server says the same).
      const over = overClaim(r);
      if (m) bad.push([`${path}.amount`, m]);
      else if (r.outcome.value === 'partly' && over !== null && over >= 0)
        bad.push([`${path}.amount`, `部分支持的金额应少于请求金额 ${money(r.cl.amount)}；全额支持请选择“支持”`]);
      // Never more than the claim asks (不告不理; the server refuses it too).
      else if (over !== null && over > 0) bad.push([`${path}.amount`, overClaimMessage(r.cl)]);
      // fixU58 #1: a sum granted on a case of several respondents: who pays is picked, never all of them unsaid.
      // fixW59 #2: any item granted (a sum or not: a certificate to issue is performed by someone too) — the API takes
      // an item without one, the web never sends it silently.
      if (r.outcome.value !== 'dismissed' && !m && r.payers?.unnamed())
        bad.push([
          `${path}.obligorIds`,
          `请选择第${r.cl.seq}项的履行义务人；由多名被申请人承担的，选择其一，并勾选共同承担的其他被申请人、选择连带责任或按份承担`,
        ]);
      else if (r.outcome.value !== 'dismissed' && !m && r.payers?.check()) bad.push(r.payers.check());
      // No article to suggest (a claim of category 其他, much of what an employer claims): the arbitrator writes it,
      // or the award document would have none to cite.
      const suggested = lastPreview?.items?.find((x) => x.claimId === r.cl.id)?.legalBasis;
      if (r.outcome.value !== 'dismissed' && suggested && !suggested.length && !lines(r.basis.value).length)
        bad.push([`${path}.legalBasis`, `请写明第${r.cl.seq}项的裁决依据（本项没有可建议的法律条文）`]);
    }
    // A counterclaim's items decided: the document states the applicant's answer to it (Rules Art. 36).
    if (hasCounterclaim && !counterAnswer.value.trim() && rows.some((r) => r.cl.counterclaim && r.outcome.value))
      bad.push(['counterclaimDefenseSummary', '裁决反申请请求的，须写明申请人（被反申请人）针对反申请的答辩意见']);
    if (!facts.value.trim()) bad.push(['facts', '裁决书须写明经审理查明的事实']);
    if (!reasoning.value.trim()) bad.push(['reasoning', '裁决书须写明本委认为（裁决理由）']);
    return bad.length ? bad : null;
  };
  // The confirmation states finality as the items now stand: an amount changed a moment ago is asked about first, so
  // the confirmation never shows the answer for the amounts before the change.
  const summary = async () => {
    clearTimeout(timer);
    await runPreview(true);
    return summaryNode();
  };
  const summaryNode = () =>
    h(
      'div',
      h('p', lastPreview ? `裁决性质：${LABELS.finality[lastPreview.finality]}` : '裁决性质：暂时无法判定（见上方提示）'),
      lastPreview && !lastPreview.minimumWage.confirmed
        ? h(
            'p.alert.warn',
            { role: 'note' },
            `注意：终局性按当地月最低工资 ${lastPreview.minimumWage.monthly} 元判定，该标准尚待管理员确认；请核对后再确认裁决。`,
          )
        : null,
      // 被申请人辩称 (templates/kinds.ts `defense`) may also be written when the document is generated: said here, so
      // that it is not first asked for then.
      defenseNeeded && !defense.value.trim() && sent().some((r) => !r.cl.counterclaim)
        ? h(
            'p.alert.warn',
            { role: 'note' },
            '被申请人已提交答辩书或到庭参加仲裁，裁决书须写明其答辩意见：“被申请人辩称”尚未填写，生成裁决书时须补填（可返回修改现在填写）。',
          )
        : null,
      h(
        'ul.small',
        sent().map((r) =>
          h(
            'li',
            `${claimLine(r.cl, c)}：${LABELS.outcome[r.outcome.value]}${r.outcome.value !== 'dismissed' && r.amount.value.trim() ? ` ${money(r.amount.value.trim())}` : ''}（${r.fin.textContent}）${r.payers && r.outcome.value !== 'dismissed' ? r.payers.said() : ''}`,
            // Why an item is non-final, under it (ui43 M6).
            r.fin.classList.contains('final-no') && r.why.textContent ? h('div.muted.fin-reason', `理由：${r.why.textContent}`) : null,
          ),
        ),
      ),
    );
  return { node, get, check, summary, clear: () => clearDraft(draftName) };
}
/**
 * legal55a #5: who performs an award item where the case has two respondents or more (a dispatched worker's agency and
 * user unit, LDMAL Art. 22(2)): the one ordered to pay — and those of the others who answer jointly for it (连带责任,
 * LCL Art. 92(2)). Sent as `obligorIds` (the one who pays first) and `jointLiability`; the award prints
 * 「被申请人A于…向申请人支付…，被申请人B对上述款项承担连带责任」. fixU58 #1: no silent default — a sum granted waits for
 * the arbitrator to pick who pays (check() asks), and the others are said to answer jointly or not. Null for a
 * counterclaim's item (the applicant performs it) or a case with one respondent. `total`: the item's amount as typed
 * (s61 C #4: each worker's shares summed against it as they are typed — sharePicker's own sum, as a 先予执行 ruling's).
 */
function payerPicker(c, cl, i, prior, total) {
  const payers = respondentPicker(c, cl, i, prior);
  const shares = sharePicker(c, cl, i, prior, { total });
  if (!payers && !shares) return null;
  return {
    node: h('div.item-parties', payers?.node ?? null, shares?.node ?? null),
    get: () => ({ ...(payers?.get() ?? {}), ...(shares?.get() ?? {}) }),
    said: () => `${payers?.said() ?? ''}${shares?.said() ?? ''}`,
    /** s61 C #4: the shares' sum against the item's amount, said again (the amount changed). */
    saySum: () => shares?.saySum(),
    /** fixU58 #1: no respondent picked to perform the item (the case has several). */
    unnamed: () => payers?.unnamed() ?? false,
    check: () => payers?.check() ?? null,
    renumber: (base) => {
      payers?.renumber(base);
      shares?.renumber(base);
    },
  };
}
/**
 * docs56 #1: each worker's share of an item granted on a claim of several workers together (no single applicant): sent as
 * `shares` — the award then orders 「分别向申请人甲支付…元、向申请人乙支付…元」 and judges each worker's finality by his
 * share (LDMAL Art. 47(1); SPC-1 Art. 19). Left empty, the item is one sum for all (the server warns). Null for a
 * claim of one worker, a counterclaim, or fewer than two workers still in the case.
 */
function sharePicker(c, cl, i, prior, opts = {}) {
  const deemed = new Set((c.proceedings?.deemedWithdrawals ?? []).map((d) => String(d.partyId)));
  const workers = (c.applicants ?? []).filter((p) => p.kind === 'person' && !deemed.has(String(p.id)));
  if (cl.counterclaim || cl.applicantId || workers.length < 2) return null;
  // s60 #1: a 先予执行 ruling's amounts use the same picker (`opts.base` amounts.N, `opts.total` the amount typed,
  // `opts.required`: each worker's share asked — the ruling says what each receives, SPC Enforcement Provisions Art. 16).
  let base = opts.base ?? `items.${i}`;
  const what = opts.what ?? '分得的金额';
  const rows = workers.map((p, k) => {
    const was = (prior?.shares ?? []).find((x) => String(x.partyId) === String(p.id));
    const id = `share-${cl.id}-${p.id}`;
    // fixU57 #5: each worker's box has its own label (his name) and 元 after it; one worker a line on a phone.
    const amount = input('text', {
      id,
      inputmode: 'decimal',
      'aria-label': `第${cl.seq}项申请人${p.name}${what}（元）`,
      value: was?.amount ?? '',
      'data-path': `${base}.shares.unsent${k}.amount`,
    });
    const error = h('span.field-error', { 'data-error-for': amount.dataset.path });
    return {
      p,
      amount,
      error,
      label: h('div.share', h('label', { for: id }, `${p.name}：`), ' ', amount, ' ', h('span', '元'), error),
    };
  });
  const error = h('div.field-error', { 'data-error-for': `${base}.shares` });
  const filled = () => rows.filter((r) => r.amount.value.trim());
  // s60 #1: the shares' sum against the amount, said as they are typed (the server's rule: they sum to it).
  const sumNote = h('div.share-sum', { role: 'status' });
  const fen = (x) => Math.round(Number(plainAmount(x)) * 100);
  const saySum = () => {
    const total = opts.total?.() ?? '';
    const sent = filled();
    if (!opts.total || !sent.length || sent.some((r) => checkMoney(r.amount.value.trim())) || !total || checkMoney(total)) {
      sumNote.textContent = '';
      return;
    }
    const sum = sent.reduce((n, r) => n + fen(r.amount.value), 0);
    const diff = fen(total) - sum;
    const yuan = (f) => money((f / 100).toFixed(2));
    sumNote.classList.toggle('warn', diff !== 0);
    sumNote.textContent =
      diff === 0
        ? `合计 ${yuan(sum)}，与本项金额相符`
        : `合计 ${yuan(sum)}，与本项金额 ${yuan(fen(total))}${diff > 0 ? `相差 ${yuan(diff)}` : `多出 ${yuan(-diff)}`}`;
  };
  const group = h(
    'div.shares.small',
    { role: 'group', 'aria-label': `第${cl.seq}项各申请人${what}`, 'data-path': `${base}.shares` },
    h('div', opts.required ? `各申请人${what}（须逐人填写，合计等于本项金额）：` : `各申请人${what}（不填为一笔合计金额）：`),
    rows.map((r) => r.label),
    sumNote,
    error,
  );
  /**
   * fixU57 #1: the server names a share by its place among those sent (items.0.shares.1.amount: the second filled box),
   * the item's by items.0.shares — each box and the group carry the path the server would use, so its error shows under
   * it; named again whenever the boxes filled change.
   */
  const paths = () => {
    const sent = filled();
    error.dataset.errorFor = `${base}.shares`;
    group.dataset.path = `${base}.shares`;
    for (const [k, r] of rows.entries()) {
      const at = sent.indexOf(r);
      const path = `${base}.shares.${at >= 0 ? at : `unsent${k}`}.amount`;
      if (r.amount.dataset.path === path) continue;
      // An error shown under a box moves with it.
      const shown = r.error.textContent;
      r.amount.dataset.path = path;
      r.error.dataset.errorFor = path;
      r.error.textContent = shown;
    }
  };
  // A share changed: the item's sum is another — its error (合计…不符) goes, as a box's own goes (core.js clearOnEdit).
  group.addEventListener('input', () => {
    const form = group.closest('form') ?? group;
    if (error.textContent || group.classList.contains('invalid')) setError(form, `${base}.shares`, null);
    paths();
    saySum();
  });
  return {
    node: group,
    saySum,
    /** s60 #1 (`opts.required`): each worker's share, and their sum the amount — else [[path, message]…]. */
    check: () => {
      if (!opts.required) return null;
      const total = opts.total?.() ?? '';
      if (!total.trim() || checkMoney(total.trim())) return null;
      paths();
      const bad = rows
        .filter((r) => r.amount.value.trim() && checkMoney(r.amount.value.trim()))
        .map((r) => [r.amount.dataset.path, checkMoney(r.amount.value.trim())]);
      if (bad.length) return bad;
      const missing = rows.filter((r) => !r.amount.value.trim()).map((r) => r.p.name);
      if (missing.length)
        return [
          [
            `${base}.shares`,
            `本项是申请人${workers.map((p) => p.name).join('、')}共同提出的请求：请写明每人${what}（未填：${missing.join('、')}），否则裁决书只能写一笔总额，人民法院难以执行`,
          ],
        ];
      const sum = rows.reduce((n, r) => n + fen(r.amount.value), 0);
      if (sum !== fen(total)) return [[`${base}.shares`, `各申请人${what}合计须等于本项金额 ${money(plainAmount(total))}`]];
      return null;
    },
    get: () => {
      paths();
      return filled().length ? { shares: filled().map((r) => ({ partyId: r.p.id, amount: plainAmount(r.amount.value) })) } : {};
    },
    said: () =>
      filled().length
        ? `；分别为${filled()
            .map((r) => `${r.p.name} ${money(plainAmount(r.amount.value))}`)
            .join('、')}`
        : '',
    renumber: (b) => {
      base = b;
      paths();
    },
  };
}
function respondentPicker(c, cl, i, prior) {
  const respondents = c.respondents ?? [];
  if (cl.counterclaim || respondents.length < 2) return null;
  return obligorPicker(respondents, { base: `items.${i}.`, name: `第${cl.seq}项`, id: String(cl.id), prior, what: '本项' });
}
/**
 * Who performs, of two respondents or more (an award item's, legal55a #5 / fixU58 #1; a 先予执行 ruling's, fixW59 #1):
 * the respondent named first — never preselected — and the others who perform it with him, each either answering
 * jointly (连带责任, `jointLiability`) or for an equal share (按份, `equalShares`): no way of sharing is preselected
 * either. Sent as `obligorIds` (the one named first, then the others) with `jointLiability: true` or `equalShares: true`
 * at `base` (`items.0.`, or '' for the ruling). `name`: what the labels start with (第1项, 先予执行); `what`: the duty.
 */
function obligorPicker(respondents, { base: at, name, id, prior, what }) {
  let base = at;
  const first = prior?.obligorIds?.[0];
  const payer = select([['', '请选择'], ...respondents.map((p) => [String(p.id), p.name])], {
    'aria-label': `${name}履行义务人`,
    'data-path': `${base}obligorIds`,
    value: first ? String(first) : '',
  });
  const sharedBefore = prior?.jointLiability === true || prior?.equalShares === true;
  const jointBoxes = respondents.map((p) => {
    const box = input('checkbox', {
      value: String(p.id),
      checked: sharedBefore && (prior?.obligorIds ?? []).slice(1).includes(p.id),
    });
    return { p, box, label: h('label.check.item', box, h('span', p.name)) };
  });
  const jointList = h(
    'div.checklist',
    { role: 'group', 'aria-label': `${name}共同承担的其他被申请人`, dataset: { path: `${base}others` } },
    jointBoxes.map((x) => x.label),
  );
  // 连带 or 按份: chosen once another respondent performs too — nothing preselected (fixW59 #1/#2).
  const modeName = `share-mode-${id}`;
  const modes = [
    ['joint', '连带责任（其他被申请人对所选被申请人的义务承担连带责任）'],
    ['shares', '按份（各被申请人平均分担）'],
  ].map(([value, label]) => {
    const radio = input('radio', {
      name: modeName,
      value,
      checked: value === 'joint' ? prior?.jointLiability === true : prior?.equalShares === true,
    });
    return { value, radio, label: h('label.check.item', radio, h('span', label)) };
  });
  const modeGroup = h(
    'div.checklist.share-mode',
    { role: 'radiogroup', 'aria-label': `${name}共同承担的方式`, dataset: { path: `${base}jointLiability` } },
    modes.map((m) => m.label),
  );
  const obligorError = h('span.field-error', { 'data-error-for': `${base}obligorIds` });
  const jointError = h('span.field-error', { 'data-error-for': `${base}jointLiability` });
  const sharesError = h('span.field-error', { 'data-error-for': `${base}equalShares` });
  const modeRow = h('div.small', '共同承担的方式：', modeGroup, jointError, sharesError);
  const jointRow = h('div.small', '共同承担的其他被申请人（不选：只由所选被申请人履行）：', jointList, modeRow);
  // fixW59 #2: why a payer is asked for although the law does not name one — said next to the field.
  const why = h(
    'span.small.muted.payer-why',
    `本案有${respondents.length}名被申请人：须写明由谁履行，裁决书才能写明履行义务人，人民法院方可执行（执行标的和被执行人须明确）`,
  );
  const joint = () => (payer.value ? jointBoxes.filter((x) => x.box.checked && String(x.p.id) !== payer.value).map((x) => x.p) : []);
  const mode = () => modes.find((m) => m.radio.checked)?.value ?? null;
  const sync = () => {
    // Another respondent's part is asked once one respondent is named to perform.
    jointRow.hidden = !payer.value;
    for (const x of jointBoxes) {
      const own = String(x.p.id) === payer.value;
      x.label.hidden = own;
      if (own) x.box.checked = false;
    }
    modeRow.hidden = joint().length === 0;
  };
  payer.addEventListener('change', sync);
  jointList.addEventListener('change', sync);
  sync();
  // fixU57 #5: the label names the select (for=), never wraps it — its accessible name is 履行义务人, not every option.
  payer.id = `payer-${id}`;
  const node = h('div.payers.small', h('label', { for: payer.id }, '履行义务人：'), ' ', payer, ' ', why, obligorError, jointRow);
  return {
    node,
    get: () => {
      if (!payer.value) return {};
      const others = joint();
      const m = others.length ? mode() : null;
      return {
        obligorIds: [Number(payer.value), ...others.map((p) => p.id)],
        ...(m === 'joint' ? { jointLiability: true } : {}),
        ...(m === 'shares' ? { equalShares: true } : {}),
      };
    },
    /** What the document will print of who performs, for the confirmation. */
    said: () => {
      if (!payer.value) return '';
      const p = respondents.find((x) => String(x.id) === payer.value);
      const others = joint();
      const rest = respondents.filter((x) => String(x.id) !== payer.value && !others.includes(x));
      const m = others.length ? mode() : null;
      // fixU58 #1: each other respondent said — answering jointly, for his share, or not bound by the item.
      const how =
        m === 'shares'
          ? `由被申请人${[p, ...others].map((x) => x?.name ?? '').join('、')}按份平均承担`
          : `由被申请人${p?.name ?? ''}履行${others.length && m === 'joint' ? `，被申请人${others.map((x) => x.name).join('、')}承担连带责任` : ''}`;
      return `；${how}${rest.length ? `，被申请人${rest.map((x) => x.name).join('、')}不承担${what}` : ''}`;
    },
    unnamed: () => !payer.value,
    /** fixW59: another respondent ticked, and neither 连带 nor 按份 chosen. */
    check: () =>
      payer.value && joint().length && !mode()
        ? [`${base}jointLiability`, `请选择${name === '先予执行' ? '' : name}共同承担的方式：连带责任或按份承担`]
        : null,
    renumber: (b) => {
      base = b.endsWith('.') ? b : `${b}.`;
      payer.dataset.path = `${base}obligorIds`;
      jointList.dataset.path = `${base}others`;
      modeGroup.dataset.path = `${base}jointLiability`;
      obligorError.dataset.errorFor = `${base}obligorIds`;
      jointError.dataset.errorFor = `${base}jointLiability`;
      sharesError.dataset.errorFor = `${base}equalShares`;
    },
  };
}
/** How far an item's amount exceeds what its claim asks, in fen (negative: less); null when either is not a sum. */
/** fixU2-54 #6: the money claims whose grant needs its sum (workflows/finality.ts MONETARY_FINAL_CATEGORIES; LDMAL Art. 46). */
const PRICED_CATEGORIES = new Set(['wages', 'work_injury_medical', 'economic_compensation', 'damages']);
/** fixU2-54 #6: whether an answered award item is one the server can judge (app/procedure/award.ts awardItemErrors). */
function judgeable(r) {
  if (r.outcome.value === 'dismissed') return true;
  const typed = plainAmount(r.amount.value);
  if (!typed) return !PRICED_CATEGORIES.has(r.cl.category);
  if (checkMoney(typed) || !(Number(typed) > 0)) return false;
  const over = overClaim(r);
  return over === null || (r.outcome.value === 'partly' ? over < 0 : over <= 0);
}
/** The server's refusal of an item above its claim, word for word (app/procedure/award.ts awardItemErrors). */
const overClaimMessage = (cl) =>
  `裁决金额不能超过请求金额 ${Number(cl.amount).toFixed(2)} 元（超出仲裁请求裁决）；申请人增加请求金额的，应先变更仲裁请求`;
function overClaim(r) {
  const typed = plainAmount(r.amount.value);
  if (r.outcome.value === 'dismissed' || !typed || checkMoney(typed) || r.cl.amount == null) return null;
  const fen = (x) => Math.round(Number(x) * 100);
  return fen(typed) - fen(r.cl.amount);
}
const lines = (s) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);
