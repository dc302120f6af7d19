// The case page: the whole file as the role may see it, in sections (parties and agents, claims and their history,
// hearings, services, supplements, mediation, award, deadlines, documents, history), with the next acts, a printable
// view and the file cover with its index (卷宗目录).
import { actLabel, consequenceOf, IRREVERSIBLE } from '../acts.js';
import {
  api,
  caseName,
  chinaDate,
  chinaDateTime,
  claimOwner,
  clearErrors,
  clearOnEdit,
  closureLabel,
  confirmDialog,
  daysLeftText,
  deadlineBadge,
  download,
  dueText,
  errorPanel,
  eventLabel,
  fetchBlob,
  field,
  fill,
  guard,
  h,
  input,
  keyHolder,
  money,
  partiesTitle,
  REQUIRED,
  roleActs,
  roleLabel,
  saveBlob,
  select,
  setError,
  setTitle,
  showErrors,
  sourceZh,
  state,
  stateBadge,
  stateLabel,
  today,
  withSource,
} from '../core.js';
import { claimLineButton, courtPackagePanel } from '../features.js';
import { LABELS, METHODS, servedDocName, serviceDocs } from '../forms.js';
import { claimChangeWords, DEEMED_ACT, openEventForm, partiesOf } from './act.js';

const V = () => state.vocab;
const SERVICE_METHODS = {
  direct: '直接送达',
  post: '邮寄送达',
  electronic: '电子送达',
  sms: '简便方式送达',
  left: '留置送达',
  entrusted: '委托送达',
  public_notice: '公告送达',
};
/** Why the award clock restarted (Rules Art. 46). */
const RESTART_REASONS = {
  counterclaim: '反申请合并审理',
  party_added: '追加当事人',
  claims_changed: '变更仲裁请求',
  transfer: '移送受理',
};
/** The toolkit the issue-17 module (features.js) builds with. */
const ui = () => ({ h, fill, api, download, money, guard, keyHolder, chinaDateTime });
const EDITABLE = new Set(['received', 'pending_supplement', 'mediation_in_progress']);
/** A value the role may not see is absent from the answer (api.md "Reading (v1.1)"). */
const shown = (o, k) => (k in o ? (o[k] ?? '—') : h('span.muted', '（无权查看）'));
const dl = (pairs) =>
  h(
    'dl.kv',
    pairs.filter(Boolean).flatMap(([k, v]) => [h('dt', k), h('dd', v)]),
  );
const section = (id, title, ...content) =>
  h('section.panel', { id, 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, title), content);

/** Loads what the page shows; the history and documents only where the role may read them. */
async function loadFile(id) {
  const [c, next, all, events, docs] = await Promise.all([
    api('GET', `/api/cases/${id}`),
    // fixU57 #3: with `blocked`, what a rule holds back whatever is sent comes after, with the reason (shown, not offered).
    api('GET', `/api/cases/${id}/next-events?blocked=true`),
    // What the case's state allows of anyone: the acts that wait on someone else are named, with who does them.
    // Not asked for a role that does no act (fixU56 #3): it is shown none of them.
    roleActs(state.user?.role) ? api('GET', `/api/cases/${id}/next-events?all=true&blocked=true`).catch(() => []) : [],
    api('GET', `/api/cases/${id}/events`).catch((e) => (e.status === 403 ? null : Promise.reject(e))),
    // ui48 M3: a summary reader (the analyst) reads no documents (api.md "Reading (v1.1)"): not asked for — a refused
    // request is a red line in the console.
    state.user?.role === 'analyst'
      ? null
      : api('GET', `/api/cases/${id}/documents`).catch((e) => (e.status === 403 ? null : Promise.reject(e))),
  ]);
  const offered = next.filter((n) => !n.blocked);
  const mine = new Set(offered.map((n) => n.type));
  // s62 (a new user's walk): another's act the case itself does not allow yet (`precondition`: a partial award before any
  // hearing, a second extension) is not explained to someone who cannot do it — only what another's act can unblock
  // (fixU57 #3: 作出裁决 waiting on the clerk's service of the hearing notice) is.
  const own = new Set(next.map((n) => n.type));
  const blocked = [...next, ...all].filter(
    (n, i, list) => n.blocked && list.findIndex((m) => m.type === n.type) === i && (own.has(n.type) || !n.blocked.precondition),
  );
  const held = new Set(blocked.map((n) => n.type));
  return {
    c,
    next: offered,
    // s62 C #2: the person's own acts held back (an award period already extended once, LDMAL Art. 43(1); …) are shown
    // among the acts, disabled and described by their reason — not dropped without a word.
    held: roleActs(state.user?.role) ? next.filter((n) => n.blocked) : [],
    others: all.filter((n) => !n.blocked && !mine.has(n.type) && !held.has(n.type)),
    blocked: roleActs(state.user?.role) ? blocked : [],
    events,
    docs,
  };
}

/**
 * Each drawing of a case page is numbered: a load that answers after a later one (a refresh after an act or a document,
 * while another is on its way) is dropped, never drawn over the newer page and what the person has chosen on it since.
 */
let drawing = 0;
export async function casePage(id, mount) {
  const screen = state.screen;
  const mine = ++drawing;
  const body = h('div.case', h('p.muted', '正在加载…'));
  mount('#/cases', body);
  let file;
  try {
    file = await loadFile(id);
  } catch (err) {
    if (state.screen !== screen || mine !== drawing) return;
    setTitle('案件');
    fill(
      body,
      h('h1', '案件'),
      err.status === 404
        ? // The address's id is not repeated (it may be something typed by mistake: an identity number), as the server's 404.
          h('div.alert.bad', { role: 'alert' }, '没有这个案件：地址中的案件编号不存在')
        : errorPanel(err),
    );
    return;
  }
  // The person went to another screen while the case loaded: that screen is theirs, this case is not drawn over it.
  if (state.screen !== screen || mine !== drawing) return;
  const { c, next, held, others, blocked, events, docs } = file;
  const mediationTrack = c.track === 'mediation';
  setTitle(caseName(c));
  const flash = sessionStorage.getItem('zc.caseflash');
  sessionStorage.removeItem('zc.caseflash');
  const dupes = registrationWarnings(c.id);
  const refresh = (message) => {
    if (typeof message === 'string') sessionStorage.setItem('zc.caseflash', message);
    return casePage(id, mount);
  };
  const parties = partiesOf(c);
  // ui51 M3: two workers of one name are told apart wherever a party is named (第N位申请人, the number's tail).
  const partyName = (pid) => parties.find((p) => p.id === pid)?.who ?? `当事人${pid}`;
  // ui51 M2: the parties sign for a 调解书 (LDMAL Art. 42; Rules Art. 77): none issued yet, the signature waits for it
  // (the server refuses it then) and the page says why, leading to the 文书 section.
  // The server says so (next-events `refusalOnly`): the act is then offered as a party's refusal only (LDMAL Art. 42(4)).
  const unsigned = next.some((n) => n.type === 'SIGN_MEDIATION_DOCUMENT' && n.refusalOnly);
  const canEdit = EDITABLE.has(c.state) && (state.user.role === 'clerk' || (state.user.role === 'mediator' && mediationTrack));
  // fixU56 #3: a role that does no act at all (the analyst, the admin) is shown no 下一步 block — neither 「当前没有您可以
  // 办理的操作」 nor the list of acts 由其他人员办理: it is no procedural to-do list of theirs (its `next` is always empty).
  const acts = roleActs(state.user?.role);
  // fixU57 #6: an act of the person's own role that is not his on this case (a mediator not assigned to it, an arbitrator
  // not on its tribunal: app/policy.ts inScope) is listed as the assigned person's — not as if his role did not do it.
  const whoDoes = (r) =>
    r !== state.user?.role
      ? roleLabel(r)
      : r === 'mediator'
        ? '本案指派的调解员'
        : r === 'arbitrator'
          ? '本案仲裁庭的仲裁员'
          : roleLabel(r);

  const head = h(
    'div.panel.case-top',
    h(
      'div.case-head',
      h('h1.no', caseName(c)),
      stateBadge(c.state),
      // ui46 L5: a date is never broken inside (受理 2026-12- / 02 on a phone).
      h(
        'span.muted.case-dates',
        // ui47 M4: a review (Rules Arts. 74–79) is no arbitration under a procedure — it says 仲裁审查.
        `${c.district} · ${mediationTrack ? '案前调解' : c.track === 'review' ? '调解协议仲裁审查' : (V().procedures[c.procedure] ?? c.procedure)} · `,
        h('span.nowrap', `收到 ${c.receivedOn}`),
        c.acceptedOn ? [' · ', h('span.nowrap', `受理 ${c.acceptedOn}`)] : null,
      ),
      c.major ? h('span.badge.bad', { 'data-testid': 'major-badge' }, '重大集体争议') : null,
      c.wageArrears ? h('span.badge.bad', '欠薪') : null,
      c.collective ? h('span.badge.warn', '集体争议') : null,
      h('span.grow'),
      h(
        'span.actions.noprint',
        canEdit ? h('a.btn.small', { href: `#/cases/${c.id}/edit` }, '修改登记信息') : null,
        markMajorButton(c, refresh),
        h('button.btn.small', { type: 'button', onclick: () => window.print() }, '打印本页'),
        h('a.btn.small', { href: `#/cases/${c.id}/cover` }, '卷宗封面与目录'),
      ),
    ),
    c.majorNote ? h('p.small.alert.warn', { 'data-testid': 'major-note' }, c.majorNote) : null,
    c.tribunal
      ? h(
          'p.small',
          `仲裁庭：${c.tribunal.arbitrators.map((a) => `${a.displayName}${a.presiding ? (c.tribunal.kind === 'sole' ? '（独任）' : '（首席）') : ''}`).join('、')}（${c.tribunal.formedOn} 组成）`,
        )
      : null,
    c.closure?.mode === 'voided'
      ? h(
          'p.small.voided',
          `本登记已作废（误登记），${c.closure.closedOn}${c.closure.reason ? `：${c.closure.reason}` : ''}`,
          c.closure.duplicateOf ? ['；所重复的案件：', duplicateLink(c.closure.duplicateOf)] : null,
          '。不作为仲裁申请处理，不计入统计。',
        )
      : c.closure
        ? h(
            'p.small',
            `结案：${closureLabel(c.closure.mode)}，${c.closure.closedOn}${c.closure.reason ? `（${c.closure.reason}）` : ''}${
              c.closure.counterclaimWithdrawn ? '；被申请人一并撤回反申请' : ''
            }`,
          )
        : null,
    // A mediation (LDMAL Arts. 14(3), 15) or a review referred to arbitration and the application it became point at
    // each other.
    c.linkedCaseId
      ? h(
          'p.small.linked-case',
          c.track === 'arbitration' ? '转入前的申请：' : '已转入仲裁：',
          h('a', { href: `#/cases/${c.linkedCaseId}` }, c.track === 'arbitration' ? `#${c.linkedCaseId}` : `仲裁申请 #${c.linkedCaseId}`),
        )
      : null,
    acts ? h('h2.noprint', '下一步') : null,
    next.length
      ? h(
          'div.actions.noprint',
          { role: 'group', 'aria-label': '可办理的操作' },
          // REVOKE_AGENT needs an agent to revoke (reviewer s52 L4): not offered on a case whose parties have none.
          next
            .filter(
              (n) =>
                n.type !== 'REVOKE_AGENT' ||
                [...(c.applicants ?? []), ...(c.respondents ?? []), ...(c.thirdParties ?? [])].some((p) => p.agents?.length),
            )
            .map((n) =>
              h(
                `button.btn${IRREVERSIBLE[n.type] ? '.irreversible' : ''}`,
                {
                  type: 'button',
                  // fixU52 M1: a refusal-only offer opens as the refusal, with the server's note why.
                  onclick: () => openEventForm(c, n.type, refresh, n.refusalOnly ? { refusalOnly: true, note: n.note } : {}),
                  title: consequenceOf(n.type, c),
                  ...(n.type === 'SIGN_MEDIATION_DOCUMENT' && unsigned ? { 'aria-describedby': 'sign-needs-document' } : {}),
                },
                actLabel(n.type, c, n.label),
              ),
            ),
        )
      : acts
        ? h('p.muted.noprint', '当前没有您可以办理的操作')
        : null,
    // s62 C #2: an act of the person's own that the law holds back (延长审理期限 once extended: LDMAL Art. 43(1) allows
    // one extension of no more than 15 days) is shown beside the acts offered, disabled, described by its reason (the
    // list below). aria-disabled, not disabled: it stays in the Tab order, so a keyboard or screen-reader user finds it
    // and why. A group of its own: 可办理的操作 names only what can be done.
    held.length
      ? h(
          'div.actions.noprint.held-acts',
          { role: 'group', 'aria-label': '暂不能办理（原因见下）' },
          held.map((n) =>
            h(
              'button.btn.held-act',
              {
                type: 'button',
                'aria-disabled': 'true',
                'data-type': n.type,
                'aria-describedby': `held-${n.type}`,
                title: withSource(n.blocked.reason, n.blocked.source),
                onclick: (e) => {
                  e.preventDefault();
                  document.getElementById(`held-${n.type}`)?.scrollIntoView({ block: 'nearest' });
                },
              },
              actLabel(n.type, c, n.label),
            ),
          ),
        )
      : null,
    unsigned
      ? h(
          'p.small.warn.noprint.sign-needs-document',
          { id: 'sign-needs-document' },
          '“签收调解书”暂不能办理：尚未生成调解书。当事人签收的是调解书（《劳动争议调解仲裁法》第四十二条），须先由仲裁员在“文书”中生成调解书正式文本、送达当事人，再登记签收；调解书出具前当事人反悔的，可登记其拒绝签收。',
          'mediation_document' in offeredKinds(c)
            ? [' ', h('a', { href: '#sec-docs', onclick: (e) => jump(e, 'sec-docs') }, '前往生成调解书')]
            : null,
        )
      : null,
    // A mediation inside arbitration before the tribunal is formed: the agreement cannot be recorded yet, and the
    // mediator would otherwise find its act missing without a word (new user's walk).
    c.track === 'arbitration' && c.state === 'in_mediation' && !c.tribunal && !blocked.some((n) => n.type === 'MEDIATION_AGREED')
      ? h(
          'p.small.warn.noprint.needs-tribunal',
          '记录调解协议须先组成仲裁庭：调解书由仲裁庭制作、仲裁员签名（《劳动争议调解仲裁法》第四十二条第二款、第三款）。调解可以继续；组成仲裁庭由仲裁委员会主任办理。',
        )
      : null,
    // fixU57 #3: an act the state allows but a rule refuses whatever is sent (a default award, a deemed withdrawal after a
    // hearing whose notice was not proven served: LDMAL Art. 36; Rules Art. 39) is not offered — and says why.
    blocked.length
      ? h(
          'ul.small.warn.noprint.blocked-next',
          { 'aria-label': '暂不能办理的操作' },
          blocked.map((n) =>
            h(
              'li',
              { id: `held-${n.type}` },
              // fixL58 #7: the reason, then its source once (依据：…) — the reason does not cite it again; fixM58 #1: the
              // server names the parties, as in the 422 for the same rule.
              `${actLabel(n.type, c, n.label)}：${withSource(n.blocked.reason, n.blocked.source)}`,
            ),
          ),
        )
      : null,
    acts && others.length
      ? h(
          'p.small.muted.noprint.others-next',
          `由其他人员办理：${others.map((n) => `${actLabel(n.type, c, n.label)}（${n.roles.map(whoDoes).join('、')}）`).join('；')}`,
        )
      : null,
  );

  const toc = h(
    'nav.toc.noprint',
    { 'aria-label': '本页目录' },
    [
      ['sec-parties', '当事人'],
      ['sec-claims', mediationTrack ? '调解请求' : c.track === 'review' ? '审查申请' : '仲裁请求'],
      ['sec-proc', '程序记录'],
      ['sec-service', '送达'],
      ['sec-deadlines', '期限'],
      ['sec-docs', '文书'],
      ['sec-history', '办理记录'],
    ].map(([href, label]) => h('a', { href: `#${href}`, onclick: (e) => jump(e, href) }, label)),
  );

  // What was just done is said where the eyes and the screen reader are: the message takes the focus.
  const flashNote = flash ? h('div.alert.ok.flash', { role: 'status', tabindex: '-1' }, flash) : null;
  fill(
    body,
    flashNote,
    dupes,
    limitationNote(c),
    head,
    toc,
    h(
      'div.grid2',
      h(
        'div',
        partiesSection(c, mediationTrack, next, refresh),
        claimsSection(c, events, mediationTrack || c.track === 'review'),
        docs ? docsSection(c, docs, refresh, events) : null,
        // Issue 17: the hand-off package to the court (移送法院材料包).
        courtPackagePanel(ui(), c, state.user?.role),
      ),
      h(
        'div',
        deadlinesSection(c, parties),
        proceedingsSection(c, partyName, events),
        servicesSection(c, events, partyName),
        events ? historySection(events, c, refresh) : null,
      ),
    ),
  );
  if (flashNote) flashNote.focus();
}
/**
 * ui45 M1: the case a voided registration repeated, named as the clerk knows it — its case number (or 仲裁申请#id),
 * parties and 收到日期 — once read; until then (or unreadable) by 仲裁申请#id.
 */
function duplicateLink(id) {
  const a = h('a', { href: `#/cases/${id}` }, `仲裁申请#${id}`);
  api('GET', `/api/cases/${id}`)
    .then((d) => {
      // s61 C #1: the parties as a commission names them (partiesTitle), not the litigation's 「甲 诉 乙」.
      const side = (list) => (list ?? []).map((p) => p.name);
      a.textContent = `${caseName(d)}（${partiesTitle(side(d.applicants), side(d.respondents))}，收到日期 ${d.receivedOn}）`;
    })
    .catch(() => null);
  return a;
}
/**
 * The duplicate-application warnings the server gave when this case was registered (Rules Arts. 34, 39), once, on the
 * new case's page: each earlier case linked, with what it means. Registration is never refused for them; whether to
 * accept is the clerk's decision.
 */
function registrationWarnings(id) {
  let saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem('zc.casewarnings') ?? 'null');
  } catch {
    saved = null;
  }
  if (!saved || String(saved.caseId) !== String(id)) return null;
  sessionStorage.removeItem('zc.casewarnings');
  const list = saved.warnings ?? [];
  // fixA53: the parties' and agents' warnings of the registration (`partyWarnings`), to be checked; s60 W2 #2: the
  // claims' (`claimWarnings`, also in `partyWarnings` for API clients) under their own heading.
  const claimNotes = saved.claimNotes ?? [];
  const notes = (saved.notes ?? []).filter((n) => !claimNotes.includes(n));
  const box = (heading, items) =>
    items.length ? h('div.alert.warn', { role: 'note' }, h('strong', heading), h('ul', ...items.map((n) => h('li.small', n)))) : null;
  const partyBox = box('当事人、代理人信息请核对', notes);
  const claimBox = box('仲裁请求请核对', claimNotes);
  const parties = [partyBox, claimBox].filter(Boolean);
  if (!list.length) return parties.length ? parties : null;
  const barring = list.some((w) => w.bars);
  const dupes = h(
    `div.alert.${barring ? 'bad' : 'warn'}.dupes`,
    { role: 'alert' },
    h('strong', `登记时发现同一当事人之间的在先案件（${list.length} 件）：请在受理前核对是否为同一争议`),
    h(
      'ul',
      list.map((w) =>
        h(
          'li',
          h('a', { href: `#/cases/${w.caseId}` }, w.caseNo ?? `申请 #${w.caseId}`),
          w.stateLabel ? `（${w.stateLabel}）` : '',
          w.bars ? h('span.badge.bad.tight', '依法不予受理') : null,
          h('div.small', withSource(w.message ?? '', w.source)),
        ),
      ),
    ),
    barring ? h('p.small', '同一争议已有裁决、调解书或按撤回处理的，再次申请不予受理（可办理“不予受理”）。') : null,
  );
  return [...parties, dupes];
}
function jump(e, id) {
  e.preventDefault();
  const el = document.getElementById(id);
  el?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  el?.querySelector('h2')?.setAttribute('tabindex', '-1');
  el?.querySelector('h2')?.focus({ preventScroll: true });
}

function limitationNote(c) {
  if (!c.limitation) return null;
  return h(
    `div.alert.${c.limitation.status === 'expired' ? 'warn' : 'ok'}`,
    { role: 'note' },
    h(
      'strong',
      c.limitation.status === 'expired'
        ? '时效提示：可能已超过仲裁时效（仅作提示，不影响受理）'
        : c.limitation.status === 'exempt'
          ? '时效：不受一年时效限制'
          : `时效：在期间内${c.limitation.expiresOn ? `（届满日 ${c.limitation.expiresOn}）` : ''}`,
    ),
    h('div.small', c.limitation.reasoning),
  );
}

function partiesSection(c, mediationTrack, next = [], refresh = undefined) {
  // feat52: an agency is revoked from the agent's line when the case offers it to this person (REVOKE_AGENT).
  const revocable = next.some((n) => n.type === 'REVOKE_AGENT');
  const POWERS = { general: '一般授权', special: '特别授权' };
  // ui52 L1: two parties of one name told apart as the dialogs' choices do (第N位申请人).
  const listed = partiesOf(c);
  const which = (p) => listed.find((x) => x.id === p.id)?.which;
  const block = (sideLabel, p) =>
    h(
      'div.party',
      h(
        'h3',
        h('span.badge.info', sideLabel),
        ' ',
        p.name,
        which(p) ? h('span.small.muted.party-which', `（${which(p)}）`) : null,
        p.kind === 'organization' ? h('span.small.muted', '（单位）') : null,
      ),
      dl([
        p.kind === 'person' ? ['公民身份号码', shown(p, 'idNumber')] : ['统一社会信用代码', shown(p, 'creditCode')],
        p.kind === 'person' && p.sex ? ['性别', p.sex === 'male' ? '男' : '女'] : null,
        p.kind === 'person' && p.birthDate ? ['出生日期', p.birthDate] : null,
        p.kind === 'person' && p.ethnicity ? ['民族', p.ethnicity] : null,
        // A field the reader is not shown (left out of the view) is said to be withheld, not empty (ui44 M3).
        p.kind === 'organization'
          ? [
              '法定代表人',
              !('legalRepresentative' in p)
                ? shown(p, 'legalRepresentative')
                : p.legalRepresentative
                  ? `${p.legalRepresentative}${p.legalRepresentativeTitle ? `（${p.legalRepresentativeTitle}）` : ''}`
                  : '—',
            ]
          : null,
        p.kind === 'organization' && (p.ownership || p.side === 'respondent')
          ? [
              '用人单位类型',
              !('ownership' in p)
                ? shown(p, 'ownership')
                : p.ownership
                  ? (state.vocab.ownershipTypes?.[p.ownership] ?? p.ownership)
                  : '未登记（统计中计入“未登记”）',
            ]
          : null,
        ['联系电话', shown(p, 'phone')],
        ['住所/地址', shown(p, 'address')],
      ]),
      p.agents?.length
        ? h(
            'table.t.compact',
            h('caption', '委托代理人'),
            h(
              'thead',
              h(
                'tr',
                ['姓名', '类别', '工作单位/律所', '电话', '关系', '权限', '收到委托书', ...(revocable ? ['操作'] : [])].map((x) =>
                  h('th', { scope: 'col' }, x),
                ),
              ),
            ),
            h(
              'tbody',
              p.agents.map((a) =>
                h(
                  'tr',
                  h('td', a.name),
                  h('td', V().agentKinds[a.kind] ?? a.kind),
                  h('td', a.unit ?? '—'),
                  h('td', 'phone' in a ? (a.phone ?? '—') : '（无权查看）'),
                  h('td', a.relationship ?? '—'),
                  h('td', a.powers ? POWERS[a.powers] : '—'),
                  h('td', a.since ?? '随申请登记'),
                  revocable
                    ? h(
                        'td.noprint',
                        h(
                          'button.btn.small',
                          {
                            type: 'button',
                            // The visible words first in the name (WCAG 2.5.3: label in name), then whose agency.
                            // ui53 L3: and whose agent, where two parties share a name (李强（第1位申请人…）).
                            'aria-label': `解除委托…（${a.name}${which(p) ? `，${p.name}（${which(p)}）的委托代理人` : ''}）`,
                            onclick: () => openEventForm(c, 'REVOKE_AGENT', refresh, { agentId: a.id }),
                          },
                          '解除委托…',
                        ),
                      )
                    : null,
                ),
              ),
            ),
          )
        : null,
    );
  return section(
    'sec-parties',
    '当事人',
    c.applicants.map((p) => block(mediationTrack ? '申请人' : '申请人', p)),
    c.respondents.map((p) => block('被申请人', p)),
    (c.thirdParties ?? []).map((p) => block('第三人', p)),
    c.facts ? h('div.facts', h('h3', '事实与理由'), h('p.pre', c.facts)) : null,
  );
}

function claimsSection(c, events, mediationTrack) {
  // A summary reader (analyst) gets no award items and no claim amounts (api.md "Reading (v1.1)").
  // A claim decided by a partial award (LDMAL Art. 43(2)) shows that decision, marked, as one the award decided does.
  const partials = (c.proceedings?.partialAwards ?? []).flatMap((a) => (a.items ?? []).map((i) => ({ ...i, partialOn: a.issuedOn })));
  const awardItem = (claimId) => c.award?.items?.find((i) => i.claimId === claimId) ?? partials.find((i) => i.claimId === claimId);
  const awardItems = c.award?.items ?? [];
  // ui47 H2: the award set aside by the court (LDMAL Art. 49) — the whole of it, or a mixed award's final part alone —
  // decides nothing any more: its items read 已被撤销, not 终局.
  // The award's own setAside says it at every reading level (an analyst's summary has no proceedings).
  const setAside = c.proceedings?.setAside?.result === 'set_aside' ? c.proceedings.setAside : (c.award?.setAside ?? null);
  // A split item (shares of both finalities) is not revoked whole: its final shares are (reviewer s57 A M5).
  const splitItem = (i) => (i.shares ?? []).some((sh) => sh.final) && (i.shares ?? []).some((sh) => !sh.final);
  const revoked = (i) => Boolean(setAside && c.award && !i.partialOn && !splitItem(i) && (c.award.finality !== 'mixed' || i.final));
  // Claim changes: the procedure's own acts, and registration corrections that touched the claims.
  const changes = (events ?? []).filter(
    (e) => ['CHANGE_CLAIMS', 'FILE_COUNTERCLAIM'].includes(e.type) || (e.type === 'UPDATE_REGISTRATION' && e.after && 'claims' in e.after),
  );
  // Issue 17: each claim's line from the application to the court's judgment, opened under the table.
  const claimLineBox = h('div', { 'aria-live': 'polite' });
  const payer = c.respondents.map((p) => p.name).join('、');
  const payee =
    c.applicants.length > 3 ? `${c.applicants[0].name}等${c.applicants.length}名申请人` : c.applicants.map((p) => p.name).join('、');
  return section(
    'sec-claims',
    c.track === 'review' ? '审查申请事项' : mediationTrack ? '调解请求事项' : '仲裁请求与裁决',
    // On a phone each claim is a card, each value under its column's name (td data-label; ui44 L5): the 裁决 column is
    // not cut at the screen's edge.
    h(
      'table.t.claims-table.stack-phone',
      h(
        'thead',
        h(
          'tr',
          ['#', '类别', '请求', '请求金额', mediationTrack ? '' : '裁决', c.readLevel === 'summary' ? '' : '经过']
            .filter(Boolean)
            .map((x) => h('th', { scope: 'col' }, x)),
        ),
      ),
      h(
        'tbody',
        c.claims.map((cl) => {
          const it = awardItem(cl.id);
          return h(
            `tr${cl.withdrawn ? '.muted' : ''}`,
            h('td', { 'data-label': '序号' }, cl.seq),
            h('td', { 'data-label': '类别' }, V().claimCategories[cl.category] ?? cl.category),
            h(
              'td',
              { 'data-label': '请求' },
              cl.counterclaim ? [h('span.badge.tight', '反请求'), ' '] : null,
              claimOwner(c, cl) ? h('span.muted', `${cl.counterclaim ? '针对' : ''}申请人${claimOwner(c, cl)}：`) : null,
              cl.description ?? '—',
              cl.withdrawn ? [' ', h('span.badge.tight', '已放弃')] : null,
            ),
            h('td.num', { 'data-label': '请求金额' }, money(cl.amount)),
            mediationTrack
              ? null
              : h(
                  'td',
                  { 'data-label': '裁决' },
                  it
                    ? [
                        LABELS.outcome[it.outcome],
                        it.amount ? ` ${money(it.amount)}` : '',
                        ' ',
                        revoked(it)
                          ? h('span.final-no.set-aside', { title: `${setAside.decidedOn ?? ''} ${setAside.court}裁定撤销` }, '已被撤销')
                          : splitItem(it)
                            ? // Reviewer s57 A M5: each worker's share final or not on its own amount (fixS57; LDMAL Art. 47(1)).
                              h(
                                'span.final-split',
                                { title: it.reason ?? '' },
                                `部分终局（${it.shares.map((sh) => `${partiesOf(c).find((p) => p.id === sh.partyId)?.who ?? sh.partyId} ${money(sh.amount)} ${sh.final ? (setAside && c.award && !it.partialOn ? '已被撤销' : '终局') : '非终局'}`).join('；')}）`,
                              )
                            : h(
                                `span.${it.final ? 'final-yes' : 'final-no'}`,
                                { title: it.reason ?? '' },
                                // fixU2-54 #5: a dismissed item is final only as the award record counts it (its reason
                                // says by which reading) — said as counted, with the reason shown.
                                it.final ? (it.outcome === 'dismissed' ? '计为终局' : '终局') : '非终局',
                              ),
                        // Why (ui43 M6): the reason recorded with the award, e.g. 本案涉及确认劳动关系…
                        (!it.final || it.outcome === 'dismissed') && it.reason ? h('div.small.muted.fin-reason', it.reason) : null,
                        it.partialOn ? h('div.small.muted', `部分裁决，${it.partialOn}`) : null,
                      ]
                    : '—',
                ),
            c.readLevel === 'summary' ? null : h('td', { 'data-label': '经过' }, claimLineButton(ui(), c, cl, claimLineBox)),
          );
        }),
      ),
    ),
    claimLineBox,
    c.award
      ? h(
          'div.award-summary',
          h('h3', `裁决：${LABELS.finality[c.award.finality]}（${c.award.issuedOn} 作出${c.award.defaultAward ? '，缺席裁决' : ''}）`),
          setAside
            ? h(
                'p.small.final-no.award-set-aside',
                `${c.award.finality === 'mixed' ? '终局部分' : '本裁决'}已被${setAside.court}裁定撤销（${setAside.decidedOn ?? ''}），不发生法律效力；当事人可以自收到裁定书之日起十五日内就该劳动争议事项向人民法院提起诉讼（《劳动争议调解仲裁法》第四十九条第三款）。`,
              )
            : null,
          h(
            'ul',
            awardItems
              .filter((i) => i.outcome !== 'dismissed')
              .map((i) => {
                const cl = c.claims.find((x) => x.id === i.claimId);
                // A counterclaim's item is owed the other way: by the applicant to the respondent (Rules Art. 36).
                const [from, to] = cl?.counterclaim ? [payee, payer] : [payer, payee];
                return h(
                  'li',
                  `${from} 向 ${to} ${i.amount ? '支付' : '履行'}：${cl?.description ?? ''}${i.amount ? ` ${money(i.amount)}` : ''}（${revoked(i) ? '已被撤销' : i.final ? '终局' : '非终局'}）`,
                );
              }),
            awardItems.some((i) => i.outcome === 'dismissed')
              ? h(
                  'li',
                  `驳回：${awardItems
                    .filter((i) => i.outcome === 'dismissed')
                    .map((i) => c.claims.find((x) => x.id === i.claimId)?.description)
                    .join('、')}`,
                )
              : null,
          ),
        )
      : null,
    changes.length
      ? h(
          'div',
          h('h3', '请求变更记录'),
          h(
            'ul.small',
            changes.map((e) => h('li', `${e.occurredOn} ${eventLabel(e.type)}${changeText(e, c)}`)),
          ),
        )
      : null,
  );
}
function changeText(e, c) {
  const p = e.payload ?? {};
  const parts = [];
  // Which claims, by their number and words, and by whom (a helper's walk read only "放弃 1 项").
  const named = (ids) =>
    ids
      .map((id) => (c?.claims ?? []).find((cl) => cl.id === id))
      .map((cl, i) => (cl ? `第${cl.seq}项${cl.description ? `“${cl.description}”` : ''}` : `${ids[i]}`))
      .join('、');
  if (p.add?.length) parts.push(`增加：${p.add.map((a) => `${a.description ?? ''}${a.amount ? ` ${a.amount}元` : ''}`).join('；')}`);
  if (p.withdraw?.length) parts.push(`${p.by === 'respondent' ? '被申请人放弃反申请请求' : '放弃'}${named(p.withdraw)}`);
  if (p.change?.length) parts.push(`变更${named(p.change.map((x) => x.claimId))}`);
  if (p.description) parts.push(p.description);
  if (e.type === 'UPDATE_REGISTRATION' && e.after?.claims)
    parts.push(`更正为：${e.after.claims.map((cl) => `${cl.description}${cl.amount ? ` ${cl.amount}元` : ''}`).join('；')}`);
  return parts.length ? `：${parts.join('，')}` : '';
}

/** ui47 M1: a hearing's attendance as recorded — who appeared, and who left before its end (中途退庭). */
export function attendanceText(x, c) {
  // legal54c M1 — attendance party by party (HOLD_HEARING absentParties; LDMAL Art. 36; SPC-1 Art. 19): a side present
  // with one of it absent names who did not come.
  const away = (x.absentParties ?? []).map(String);
  const side = (name, present, left, list) => {
    const missing = present && !left ? (list ?? []).filter((p) => away.includes(String(p.id))) : [];
    if (missing.length) return `${name}到庭（其中${missing.map((p) => p.name).join('、')}未到庭）`;
    return `${name}${!present ? '未到庭' : left ? '到庭后中途退庭' : '到庭'}`;
  };
  const unnamed = c ? [] : away.length ? [`未到庭当事人编号：${away.join('、')}`] : [];
  return [
    side('申请人', x.applicantPresent, x.applicantLeftEarly === true, c?.applicants),
    side('被申请人', x.respondentPresent, x.respondentLeftEarly === true, c?.respondents),
    ...unnamed,
    ...(x.thirdPartyPresent === undefined ? [] : [`第三人${x.thirdPartyPresent ? '到庭' : '未到庭'}`]),
  ].join('，');
}

function proceedingsSection(c, partyName, events) {
  const p = c.proceedings ?? {};
  const items = [];
  // The review track (Rules Arts. 74–79): the agreement under review, as the parties applied with it (ui47 M2).
  if (p.review?.agreement) {
    const a = p.review.agreement;
    items.push([
      '审查的调解协议',
      // fixW59 #3: the day it was reached, where registered (the 调解书 recites it).
      h(
        'div.review-agreement',
        `${a.organization}，${a.agreedOn ? `${a.agreedOn} 达成，` : ''}${a.effectiveOn} 生效`,
        a.terms ? h('p.small.pre', a.terms) : null,
      ),
    ]);
  }
  if (p.review?.acceptedOn) items.push(['受理审查', p.review.acceptedOn]);
  if (p.review?.rejection) items.push(['不予受理审查', `${p.review.rejection.on}：${p.review.rejection.reason}`]);
  if (p.review?.extension) items.push(['延长审查期限', `${p.review.extension.on} 延长 ${p.review.extension.days} 日`]);
  if (p.review?.confirmation) items.push(['确认调解协议', `${p.review.confirmation.on} 制作调解书`]);
  if (p.review?.refusal) items.push(['不予确认', `${p.review.refusal.on}：${p.review.refusal.reason}`]);
  if (p.supplement)
    items.push([
      '补正',
      h(
        'div',
        `${p.supplement.requestedOn} 一次性告知补正${p.supplement.completedOn ? `，${p.supplement.completedOn} 收齐` : '，尚未收齐'}`,
        h(
          'ul.small',
          p.supplement.items.map((x) => h('li', x)),
        ),
      ),
    ]);
  if (p.rejection) items.push(['不予受理', `${p.rejection.decidedOn}：${p.rejection.reason}`]);
  // Whose defense it was (ui47 H1): the FILE_DEFENSE acts name the respondent, index by index with the defenses.
  const defenseActs = (events ?? []).filter((e) => e.type === 'FILE_DEFENSE');
  (p.defenses ?? []).forEach((d, i) => {
    const by = defenseActs[i]?.payload?.partyId;
    items.push(['答辩', `${d.filedOn} 收到${by ? `${partyName(by)}的` : ''}答辩书${d.summary ? `：${d.summary}` : ''}`]);
  });
  // ui47 M2: a jurisdiction objection — the party, its grounds, and the decision — and where the case was transferred.
  for (const x of p.jurisdictionObjections ?? [])
    items.push([
      '管辖异议',
      // ui48 M1: a late objection (after the defense period) is not decided and does not stop the case (Rules Art. 10).
      `${x.on} ${partyName(x.partyId)}提出管辖异议${x.timely === false ? '（逾期提出）' : ''}：${x.grounds}${
        x.decision
          ? `；${x.decision.on} ${x.decision.result === 'upheld' ? '异议成立' : x.decision.result === 'transferred' ? '随案件移送处理完毕' : '驳回异议'}（${x.decision.reason}）`
          : x.timely === false
            ? '；答辩期满后提出，不影响案件审理（《劳动人事争议仲裁办案规则》第十条）'
            : '；尚未决定'
      }`,
    ]);
  if (p.transferOut)
    items.push([
      '移送管辖',
      `${p.transferOut.on} 移送${p.transferOut.toCommission}${p.transferOut.onObjection ? '（管辖异议成立）' : ''}：${p.transferOut.reason}`,
    ]);
  for (const x of p.counterclaims ?? []) items.push(['反申请', `${x.filedOn}：${x.description}`]);
  if (p.hearing)
    items.push([
      '开庭',
      h(
        'div.hearing',
        h('strong', `${p.hearing.hearingOn}${p.hearing.time ? ` ${p.hearing.time}` : ''}`),
        ` · ${p.hearing.place}`,
        p.hearing.public === false ? h('span.badge.warn.tight', '不公开开庭') : h('span.badge.tight', '公开开庭'),
        h('div.small.muted', `${p.hearing.scheduledOn} 排期`),
      ),
    ]);
  for (const x of p.postponements ?? []) items.push(['延期开庭', `${x.decidedOn} 决定由 ${x.from} 延至 ${x.to}：${x.reason}`]);
  for (const x of p.hearingsHeld ?? [])
    items.push(['庭审', `${x.heldOn} 开庭，${attendanceText(x, c)}${x.public === false ? '，不公开' : ''}`]);
  // legal54c M1: one worker's application alone treated as withdrawn (LDMAL Art. 36; Rules Art. 39).
  for (const x of p.deemedWithdrawals ?? [])
    items.push([
      '按撤回处理',
      `${x.on} 视为撤回${partyName(x.partyId)}的仲裁申请（其${x.claimIds.length}项请求按撤回处理，不得以同一事实和理由再次申请仲裁）`,
    ]);
  for (const x of p.suspensions ?? []) items.push(['中止', `${x.from}${x.to ? ` 至 ${x.to}` : ' 起（尚未恢复）'}：${x.reason}`]);
  if (p.extension) items.push(['延长审限', `${p.extension.approvedOn} 批准延长 ${p.extension.days} 日`]);
  for (const x of p.clockRestarts ?? []) items.push(['审限重新计算', `${x.on}：${RESTART_REASONS[x.reason] ?? x.reason}`]);
  if (p.mediation) {
    const m = p.mediation;
    items.push([
      '调解',
      h(
        'div',
        `${m.startedOn} 开始调解${m.agreedOn ? `，${m.agreedOn} 达成协议` : ''}${m.amount ? `（金额 ${money(m.amount)}）` : ''}`,
        m.terms ? h('p.small.pre', m.terms) : null,
        m.signatures?.length
          ? h('div.small', `已签收：${m.signatures.map((s) => `${partyName(s.partyId)}（${s.signedOn}）`).join('、')}`)
          : null,
        m.refusedBy ? h('div.small.final-no', `${partyName(m.refusedBy)} 拒绝签收`) : null,
        // Serving the 调解书 is not its signature (LDMAL Art. 42): who has still to sign is said where the case waits.
        c.state === 'mediation_signing' ? pendingSignatures(c, m) : null,
      ),
    ]);
  }
  // fixU52 M2: a 调解书 refused names who refused it (LDMAL Art. 42(4)) — the refusal act of the day the mediation ended.
  for (const x of p.mediationHistory ?? []) {
    const refusal =
      x.outcome === 'refused'
        ? (events ?? []).findLast((e) => e.type === 'SIGN_MEDIATION_DOCUMENT' && e.payload?.refused === true && e.occurredOn === x.endedOn)
        : null;
    const by = refusal?.payload?.partyId ? `（${partyName(refusal.payload.partyId)} 拒绝签收）` : '';
    items.push(['调解', `${x.startedOn}–${x.endedOn}：${x.outcome === 'failed' ? '调解不成' : `调解书被拒收${by}`}`]);
  }
  if (p.trackMediation) {
    const m = p.trackMediation;
    items.push([
      '案前调解',
      h(
        'div',
        m.agreedOn
          ? `${m.agreedOn} 达成调解协议${m.amount ? `（金额 ${money(m.amount)}）` : ''}`
          : m.failedOn
            ? `${m.failedOn} 调解不成`
            : '调解中',
        m.referredOn ? `，${m.referredOn} 转入仲裁` : '',
        m.terms ? h('p.small.pre', m.terms) : null,
      ),
    ]);
  }
  for (const x of p.advanceExecutions ?? [])
    items.push([
      '先予执行',
      `${x.ruledOn} 裁决：${x.claimIds.map((id) => c.claims.find((cl) => cl.id === id)?.description ?? id).join('、')}${x.amounts?.length ? `，金额 ${x.amounts.map((a) => money(a.amount)).join('、')}` : ''}${x.paymentDays ? `，${x.paymentDays} 日内履行` : ''}${x.transferredOn ? `；${x.transferredOn} 移送${x.court ?? '法院'}` : ''}`,
    ]);
  // ui49 H1: what is recorded against each partial award (a suit, a set-aside and its result, an enforcement), beside it.
  const RESULTS = { rejected: '驳回申请', set_aside: '部分裁决被撤销', withdrawn: '撤回申请', terminated: '因劳动者起诉终结审查' };
  (p.partialAwards ?? []).forEach((a, i) => {
    const n = i + 1;
    const lines = [
      ...(p.partialAwardRemedies ?? [])
        .filter((r) => r.partialAward === n)
        .map((r) =>
          r.kind === 'lawsuit'
            ? `${partyName(r.partyId)} ${r.filedOn} 向${r.court}起诉`
            : `${r.filedOn} 向${r.court}申请撤销${r.result ? `；${r.decidedOn ?? ''} ${RESULTS[r.result] ?? r.result}` : '（尚未裁定）'}${r.courtWarning ? `（注意：${r.courtWarning}）` : ''}`,
        ),
      ...(p.enforcement ?? [])
        .filter((x) => x.partialAward === n)
        .map((x) => `${partyName(x.partyId)} ${x.filedOn ?? ''} 向${x.court ?? '人民法院'}申请强制执行`),
    ];
    items.push([
      (p.partialAwards ?? []).length > 1 ? `第${n}件部分裁决` : '部分裁决',
      h(
        'div.partial-award',
        `${a.issuedOn}：${a.items.length} 项（${LABELS.finality[a.finality] ?? a.finality}）`,
        lines.length
          ? h(
              'ul.small.partial-remedies',
              lines.map((x) => h('li', x)),
            )
          : null,
      ),
    ]);
  });
  // ui51 M2: each suit with the court's outcome that ended it (the view's `decided`; the day served and the court from
  // the outcome's act, which the view's `decided` does not carry).
  for (const x of p.lawsuits ?? []) {
    const o = x.decided ? outcomeAct(x, events) : null;
    items.push([
      '起诉',
      h(
        'div.lawsuit',
        // ui53 M2: a late suit the court docketed (CPL Art. 86) is recorded as docketed.
        `${partyName(x.partyId)} ${x.filedOn} 向${x.court}起诉${x.courtAccepted ? LATE_SUIT_ACCEPTED : ''}`,
        x.decided
          ? h(
              'div.small.court-outcome',
              `法院裁判：${COURT_OUTCOMES[x.decided.outcome] ?? x.decided.outcome}${o?.payload?.court ? `（${o.payload.court}）` : ''}，${x.decided.decidedOn ?? ''} 作出${o?.payload?.servedOn ? `，${o.payload.servedOn} 送达` : ''}`,
            )
          : h('div.small.muted.court-outcome', '尚未登记法院裁判结果'),
      ),
    ]);
  }
  // ui53 M1 (LDMAL Art. 24): who acted for which party after acceptance, with what authority, from when until when —
  // kept after the agency is revoked (the agent's line then leaves 当事人).
  for (const x of p.agents ?? []) items.push(['委托代理人', h('div.agent-record', agentRecordLine(x, partyName))]);
  if (p.setAside)
    items.push([
      '申请撤销',
      `${p.setAside.filedOn} 向${p.setAside.court}申请撤销${p.setAside.result ? `；${p.setAside.decidedOn ?? ''} ${{ rejected: '驳回申请', set_aside: '裁决被撤销', withdrawn: '撤回申请', terminated: '因劳动者起诉终结审查' }[p.setAside.result]}` : ''}${p.setAside.courtWarning ? `（注意：${p.setAside.courtWarning}）` : ''}`,
    ]);
  // ui47 H2: an award set aside is no longer in force (the view's effectiveOn is then null); a mixed award whose final
  // part alone was set aside keeps its non-final part in force.
  const setAside = p.setAside?.result === 'set_aside';
  if (setAside)
    items.push([
      '裁决效力',
      c.award?.finality === 'mixed'
        ? `终局部分已被${p.setAside.court}裁定撤销（${p.setAside.decidedOn ?? ''}）${p.effectiveOn ? `；非终局部分 ${p.effectiveOn} 起生效` : ''}`
        : `裁决已被${p.setAside.court}裁定撤销（${p.setAside.decidedOn ?? ''}），不发生法律效力`,
    ]);
  else if (p.effectiveOn) items.push(['生效', `${p.effectiveOn} 起裁决生效`]);
  for (const x of p.transfers ?? [])
    items.push([
      '移送法院',
      `${x.transferredOn} 移送${x.court}（${{ enforcement: '强制执行', advance_execution: '先予执行', litigation: '诉讼' }[x.purpose] ?? x.purpose}）`,
    ]);
  for (const x of p.recusals ?? []) items.push(['回避', `${x.decidedOn}：${x.reason}`]);
  if (p.archivedOn) items.push(['归档', p.archivedOn]);
  return section('sec-proc', '程序记录', items.length ? dl(items) : h('div.empty', '尚无程序记录'));
}

function servicesSection(c, events, partyName) {
  if (c.readLevel === 'summary') return section('sec-service', '送达记录', h('div.empty', '统计人员不查看送达明细'));
  // What was served on whom, how, when and who signed: the SERVE acts of the history.
  const served = (events ?? []).filter((e) => e.type === 'SERVE');
  const fallback = c.proceedings?.services ?? [];
  // ui49 M3: the record's 送达日期 is the deemed day for a document left, posted or published (the act's payload keeps
  // the day typed, the record's `publishedOn`): each act read with its record, one service per act, in order.
  const paired = served.length === fallback.length;
  const rows = served.length
    ? served.map((e, i) => {
        const r = paired && fallback[i]?.method === e.payload.method ? fallback[i] : null;
        return {
          document: e.payload.document,
          partyId: e.payload.partyId,
          method: e.payload.method,
          servedOn: r?.servedOn ?? e.payload.servedOn ?? e.occurredOn,
          publishedOn: r?.publishedOn ?? null,
          awardOn: e.payload.awardOn ?? null,
          signer: e.payload.signer ?? null,
          by: e.actor?.name ?? '',
        };
      })
    : fallback.map((s) => ({ ...s, signer: null, by: '' }));
  return section(
    'sec-service',
    '送达记录',
    rows.length
      ? h(
          'table.t',
          h(
            'thead',
            h(
              'tr',
              ['文书', '受送达人', '方式', '送达日期', '签收人', '登记人'].map((x) => h('th', { scope: 'col' }, x)),
            ),
          ),
          h(
            'tbody',
            rows.map((s) =>
              h(
                'tr',
                h('td', servedDocName(c, s, null, true) ?? V().documentKinds[s.document] ?? s.document),
                h('td', partyName(s.partyId)),
                h('td', SERVICE_METHODS[s.method] ?? s.method),
                h(
                  'td.served-on',
                  s.servedOn,
                  s.publishedOn && DEEMED_ACT[s.method]
                    ? h('div.small.muted', `${DEEMED_ACT[s.method]}之日 ${s.publishedOn}，视为送达`)
                    : null,
                ),
                h('td', s.signer ?? '—'),
                h('td.small', s.by || '—'),
              ),
            ),
          ),
        )
      : h('div.empty', '尚无送达记录'),
  );
}

/**
 * A provisional deadline's explanation ends with the note on the missing official calendar (workflows/deadlines.ts
 * provisionalNote, "（暂定：缺少…年国家法定节假日安排…）"), the same on every such row: split off, to be said once.
 */
export function splitProvisionalNote(explanation = '') {
  const at = explanation.lastIndexOf('（暂定：');
  if (at < 0 || !explanation.endsWith('）')) return { own: explanation, note: null };
  return { own: explanation.slice(0, at), note: explanation.slice(at + '（暂定：'.length, -1) };
}

/**
 * ui51 M3: a party's deadline named by the server with the party's name alone ("终局裁决劳动者起诉期间（杨海涛）") says which
 * of two of one name it is.
 */
function deadlineLabel(d, parties) {
  const p = d.partyId ? parties.find((x) => x.id === d.partyId) : null;
  if (!p?.which) return d.label;
  const plain = `（${p.name}）`;
  if (d.label.includes(plain)) return d.label.replace(plain, `（${p.name}，${p.which}）`);
  return d.label.includes(p.name) ? d.label.replace(p.name, p.who) : `${d.label}（${p.who}）`;
}
/**
 * ui51 M5: a deadline whose act was done before its period began (a suit filed before the award was served) comes from
 * the server as `open`, its explanation "尚未开始计算。已于…完成。": done is done — shown as met, without the prefix.
 */
export function deadlineShown(d) {
  if (!['open', 'unknown'].includes(d.status)) return d;
  // The stored deadlines carry no metOn: the day is read from the server's own words.
  const said = /^尚未开始计算。(已于(\d{4}-\d{2}-\d{2})(?:完成|提出))/.exec(d.explanation ?? '');
  const metOn = d.metOn ?? said?.[2];
  if (!metOn) return d;
  return { ...d, metOn, status: 'met', explanation: String(d.explanation ?? '').replace(/^尚未开始计算。/, '') };
}
function deadlinesSection(c, parties = partiesOf(c)) {
  // ui45 M5: the provisional-calendar note once above the list (each distinct wording once), not on every row; each
  // provisional row is marked 暂定, the mark leading to the note.
  const notes = [];
  const rows = c.deadlines.map((given) => {
    const d = deadlineShown(given);
    const { own, note } = d.provisional ? splitProvisionalNote(d.explanation ?? '') : { own: d.explanation ?? '', note: null };
    if (note && !notes.includes(note)) notes.push(note);
    return { d, own, noteAt: note ? notes.indexOf(note) : -1 };
  });
  const noteId = (i) => `dl-provisional-${c.id}-${i}`;
  const toNote = (i) => (e) => {
    const el = document.getElementById(noteId(i));
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
    e.preventDefault();
  };
  return section(
    'sec-deadlines',
    '期限',
    notes.map((n, i) => h('div.alert.warn.small.provisional-note', { id: noteId(i), tabindex: '-1' }, h('strong', '暂定日期：'), n)),
    c.deadlines.length
      ? h(
          // On a phone each deadline is a card (CSS ≤ 600 px): its name, 届满日, 剩余 and 状态 first, the explanation after.
          'table.t.case-deadlines.stack-phone',
          h(
            'thead',
            h(
              'tr',
              ['期限', '到期日', '剩余', '状态'].map((x) => h('th', { scope: 'col' }, x)),
            ),
          ),
          h(
            'tbody',
            rows.map(({ d, own, noteAt }) =>
              h(
                'tr',
                h(
                  'td.dl-name',
                  h(
                    'span.dl-label',
                    deadlineLabel(d, parties),
                    noteAt >= 0
                      ? h(
                          'a.badge.warn.tight.dl-provisional',
                          { href: `#${noteId(noteAt)}`, onclick: toNote(noteAt), 'aria-describedby': noteId(noteAt) },
                          '暂定',
                        )
                      : null,
                  ),
                  h(
                    'div.dl-explain',
                    own ? h('div.small.muted', withSource(own)) : null,
                    d.basis ? h('div.small.muted', `依据：${sourceZh(d.basis)}`) : null,
                  ),
                ),
                h('td.date.dl-due', { 'data-label': '届满日' }, d.metOn && !d.dueOn ? h('span.muted', '—') : dueText(d)),
                h('td.small.date.dl-left', { 'data-label': '剩余' }, ['open', 'overdue'].includes(d.status) ? daysLeftText(d.dueOn) : ''),
                h('td.dl-status', { 'data-label': '状态' }, deadlineBadge(d)),
              ),
            ),
          ),
        )
      : h('div.empty', '没有期限'),
  );
}

/**
 * ui46 L4: what a service entry served on whom, from its payload — the document, the party (named from the case's
 * parties), the method and the day of service — so that two entries of one day can be told apart.
 */
export function serviceLine(e, c) {
  const p = e.payload ?? {};
  if (e.type !== 'SERVE' || !p.document) return null;
  const party = partiesOf(c).find((x) => String(x.id) === String(p.partyId));
  const doc = servedDocName(c, p, e.occurredOn) ?? p.document;
  const method = METHODS[p.method] ?? p.method;
  return [
    `${doc} → ${party ? party.label : `当事人${p.partyId ?? ''}`}`,
    method ? `，${method}` : '',
    p.servedOn && p.servedOn !== e.occurredOn ? `，送达日期 ${p.servedOn}` : '',
  ].join('');
}

/**
 * s64 (a new user's walk, #6): what a procedural act decided, from its payload, so that the 办理记录 says more than
 * the act's name — the hearing's day, time and place; a postponement's new day and its reason; a suspension's ground
 * (Rules Art. 47, in the server's words) and reason, and the day it was decided when entered late; a resumption's day;
 * why mediation failed; who was added and as what; an extension's days and reason. A summary reader's payload is
 * empty: no line then.
 */
export function actDetailLine(e) {
  const p = e.payload ?? {};
  const day = (d) => (d && d !== e.occurredOn ? d : null);
  const parts = (() => {
    switch (e.type) {
      case 'SCHEDULE_HEARING':
        return p.hearingOn
          ? [
              `开庭日期 ${p.hearingOn}${p.time ? ` ${p.time}` : ''}`,
              p.place ? `地点：${p.place}` : null,
              p.public === false ? '不公开开庭' : null,
            ]
          : [];
      case 'POSTPONE_HEARING':
        return p.hearingOn
          ? [
              `改期于 ${p.hearingOn}${p.time ? ` ${p.time}` : ''}`,
              p.place ? `地点：${p.place}` : null,
              p.requestedBy === 'party' ? '当事人申请' : p.requestedBy === 'tribunal' ? '仲裁庭决定' : null,
              p.reason ? `理由：${p.reason}` : null,
            ]
          : [];
      case 'SUSPEND':
        return [
          day(p.decidedOn) ? `${p.decidedOn}决定中止` : null,
          p.ground ? `事由：${V()?.suspensionGrounds?.[p.ground] ?? p.ground}` : null,
          p.reason ? `理由：${p.reason}` : null,
        ];
      case 'RESUME':
        return [day(p.decidedOn) ? `${p.decidedOn}恢复审理` : null, p.reason ? `理由：${p.reason}` : null];
      case 'MEDIATION_FAILED':
        return [p.reason ? `理由：${p.reason}` : null];
      case 'ADD_PARTY':
        return p.party?.name
          ? [`追加${p.side === 'third_party' ? '第三人' : '被申请人'}：${p.party.name}`, p.reason ? `理由：${p.reason}` : null]
          : [];
      case 'EXTEND_TIME_LIMIT':
        return typeof p.days === 'number' ? [`延长${p.days}日`, p.reason ? `理由：${p.reason}` : null] : [];
      default:
        return [];
    }
  })().filter(Boolean);
  return parts.length ? parts.join('；') : null;
}

/**
 * ui50 L: a party's suit in the history names who sued, in which court, and against which award (a partial award by
 * its number, `partialAward`), as a service line names its details.
 */
export function lawsuitLine(e, c) {
  const p = e.payload ?? {};
  if (e.type !== 'RECORD_LAWSUIT') return null;
  const party = p.partyId ? partiesOf(c).find((x) => String(x.id) === String(p.partyId)) : null;
  const against = p.partialAward
    ? `第${p.partialAward}件部分裁决`
    : c.award?.issuedOn && c.award.issuedOn <= e.occurredOn
      ? '本案裁决'
      : null;
  const parts = [
    party ? `起诉人：${party.name}（${party.which ?? party.side}）` : null,
    p.court ? `法院：${p.court}` : null,
    against ? `针对${against}` : null,
    p.filedOn && p.filedOn !== e.occurredOn ? `起诉日期 ${p.filedOn}` : null,
    // ui53 M2 (CPL Art. 86): recorded as a late suit the court docketed.
    p.courtAccepted === true ? LATE_SUIT_ACCEPTED.slice(1, -1) : null,
  ].filter(Boolean);
  return parts.length ? parts.join('，') : null;
}

/** ui51 M2: the court's outcomes as the case page says them (the dialog's words, forms.js RECORD_COURT_OUTCOME). */
const COURT_OUTCOMES = {
  judgment: '判决',
  withdrawal_permitted: '裁定准予撤诉',
  dismissed_out_of_time: '超过起诉期间裁定驳回起诉',
  dismissed_no_effect: '主体错误或非劳动争议裁定驳回起诉（裁决不生效）',
};
/** The RECORD_COURT_OUTCOME act that ended suit `x` (its party named, or the one outcome of that kind and day). */
function outcomeAct(x, events) {
  const acts = (events ?? []).filter(
    (e) =>
      e.type === 'RECORD_COURT_OUTCOME' &&
      e.payload?.outcome === x.decided.outcome &&
      (e.payload?.decidedOn ?? e.occurredOn) === x.decided.decidedOn,
  );
  return acts.find((e) => e.payload?.partyId === x.partyId) ?? acts.find((e) => !e.payload?.partyId) ?? null;
}
/** ui53 M2: a late suit recorded as docketed by the court (RECORD_LAWSUIT courtAccepted; CPL Art. 86). */
const LATE_SUIT_ACCEPTED = '（逾期起诉，法院已受理）';
const AGENT_POWERS = { general: '一般授权', special: '特别授权' };

/** ui53 M1: an agency in the procedure record (the view's proceedings.agents): agent, party, authority, from, until. */
function agentRecordLine(x, partyName) {
  return [
    `${x.name ?? `代理人${x.agentId}`}${x.kind ? `（${V().agentKinds?.[x.kind] ?? x.kind}）` : ''}`,
    `，代理${partyName(x.partyId)}`,
    x.powers ? `，${AGENT_POWERS[x.powers] ?? x.powers}` : '',
    x.appointedOn ? `，${x.appointedOn} 收到授权委托书` : '',
    x.revokedOn ? `，${x.revokedOn} 收到解除委托的告知（已解除）` : '，现仍代理',
  ].join('');
}

/**
 * ui53 M1 (LDMAL Art. 24): an agent appointed or revoked names the agent, the party, the authority and the day the power
 * of attorney (or the notice of revocation) was received. A revocation names the agent from his appointment's act (the
 * payload holds only his number) or the record.
 */
export function agentActLine(e, c, events) {
  const p = e.payload ?? {};
  if ((e.type !== 'APPOINT_AGENT' && e.type !== 'REVOKE_AGENT') || !p.partyId) return null;
  const party = partiesOf(c).find((x) => String(x.id) === String(p.partyId));
  const whose = party ? party.label : `当事人${p.partyId}`;
  if (e.type === 'APPOINT_AGENT') {
    const a = p.agent ?? {};
    return [
      `委托人：${whose}`,
      a.name ? `，代理人：${a.name}${a.kind ? `（${V().agentKinds?.[a.kind] ?? a.kind}）` : ''}` : '',
      a.relationship ? `，关系：${a.relationship}` : '',
      p.powers ? `，权限：${AGENT_POWERS[p.powers] ?? p.powers}` : '',
      p.receivedOn ? `，收到授权委托书 ${p.receivedOn}` : '',
    ].join('');
  }
  const appointed = (events ?? []).find((x) => x.type === 'APPOINT_AGENT' && String(x.payload?.agentId) === String(p.agentId));
  const rec = (c.proceedings?.agents ?? []).find((x) => String(x.agentId) === String(p.agentId));
  const name = appointed?.payload?.agent?.name ?? rec?.name;
  const powers = appointed?.payload?.powers ?? rec?.powers;
  const since = appointed?.payload?.receivedOn ?? rec?.appointedOn;
  return [
    `委托人：${whose}`,
    `，解除委托的代理人：${name ?? `编号${p.agentId}`}`,
    powers ? `（${AGENT_POWERS[powers] ?? powers}${since ? `，${since} 起` : ''}）` : '',
    p.receivedOn ? `，收到解除委托的告知 ${p.receivedOn}` : '',
  ].join('');
}

/**
 * ui51 M2: a court outcome in the history says what the court decided, when, when served, and whose suit it ended.
 */
export function courtOutcomeLine(e, c) {
  const p = e.payload ?? {};
  if (e.type !== 'RECORD_COURT_OUTCOME' || !p.outcome) return null;
  const decidedOn = p.decidedOn ?? e.occurredOn;
  const partyIds = p.partyId
    ? [p.partyId]
    : (c.proceedings?.lawsuits ?? [])
        .filter((x) => x.decided?.outcome === p.outcome && x.decided?.decidedOn === decidedOn)
        .map((x) => x.partyId);
  const parties = partiesOf(c);
  const whose = [...new Set(partyIds)]
    .map((id) => parties.find((x) => String(x.id) === String(id)))
    .filter(Boolean)
    .map((x) => `${x.name}（${x.which ?? x.side}）`);
  return [
    `${COURT_OUTCOMES[p.outcome] ?? p.outcome}`,
    whose.length ? `，针对${whose.join('、')}的起诉` : '',
    p.court ? `，法院：${p.court}` : '',
    `，裁判日期 ${decidedOn}`,
    p.servedOn ? `，送达日期 ${p.servedOn}` : '',
  ].join('');
}

/**
 * fixU52 M2: a signature for the 调解书, or its refusal (LDMAL Art. 42), names the party as the case page does (第N位申请人
 * where two share a name) and the day signed or refused where it is not the act's day.
 */
export function signatureLine(e, c) {
  const p = e.payload ?? {};
  if (e.type !== 'SIGN_MEDIATION_DOCUMENT' || !p.partyId) return null;
  const party = partiesOf(c).find((x) => String(x.id) === String(p.partyId));
  const refused = p.refused === true;
  return [
    `${refused ? '拒绝签收的当事人' : '签收当事人'}：${party ? party.label : `当事人${p.partyId}`}`,
    p.signedOn && p.signedOn !== e.occurredOn ? `，${refused ? '拒收日期' : '签收日期'} ${p.signedOn}` : '',
  ].join('');
}
/** The act's name in the history: a refused signature is the refusal (fixU52 M2). */
const REFUSED_SIGNATURE = '拒绝签收调解书';

/** ui51 H1: a registration correction whose only change is the chair's major marking is named as that marking. */
function majorMarking(e) {
  const ch = e.type === 'UPDATE_REGISTRATION' ? (e.payload?.changes ?? []) : [];
  if (!ch.length || !ch.every((x) => x.field === 'majorMarked')) return null;
  return ch.at(-1).after ? '标记为重大集体劳动人事争议' : '取消重大集体劳动人事争议标记';
}

/** fixC56: which date of which act a history entry's correction (更正日期) changes, the dates and the reason. */
// fixL58 #5: the registration's receipt day too (target "receivedOn", LDMAL Art. 29's five days count from it).
const CORRECTABLE_DATES = {
  REGISTER: 'receivedOn',
  ACCEPT: 'occurredOn',
  SUSPEND: 'decidedOn',
  RESUME: 'decidedOn',
  EXTEND_TIME_LIMIT: 'approvedOn',
};
const CORRECTED_WHAT = {
  REGISTER: '收件日期',
  ACCEPT: '受理日期',
  SUSPEND: '中止审理决定日期',
  RESUME: '恢复审理日期',
  EXTEND_TIME_LIMIT: '批准延长日期',
};
/**
 * fixL58 #5: whether the server takes a correction of the case's dates (app/procedure/correct-date.ts): an arbitration
 * case accepted, or one closed without acceptance (不予受理, withdrawn before acceptance) — its receipt day still decides
 * whether the decision came within five days (LDMAL Art. 29). One received and open is corrected as a registration.
 */
const datesCorrectable = (c) => c.track === 'arbitration' && Boolean(c.acceptedOn || c.closure);
function correctionLine(e, events, c) {
  const p = e.payload ?? {};
  const target = p.target === 'receivedOn' ? null : events.find((x) => x.seq === p.target?.seq);
  const what =
    p.target === 'receivedOn'
      ? '收件日期'
      : `${target ? actLabel(target.type, c, eventLabel(target.type)) : '程序事项'}的${CORRECTED_WHAT[p.target?.type] ?? '日期'}`;
  const due =
    p.awardDueOn && p.awardDueOn.before !== p.awardDueOn.after
      ? `；审理期限届满日 ${p.awardDueOn.before ?? '无'} → ${p.awardDueOn.after ?? '无'}`
      : '';
  return `${what}：${p.before} 更正为 ${p.after}${due}（理由：${p.reason ?? ''}）`;
}
/** The date an act bears now: its own, or its last correction's. */
function standingDate(e, events, field) {
  let on = field === 'occurredOn' ? e.occurredOn : (e.payload?.[field] ?? e.occurredOn);
  for (const x of events)
    if (x.type === 'CORRECT_DATE' && x.payload?.target?.seq === e.seq && x.payload?.field === field) on = x.payload.after;
  return on;
}
/**
 * fixC56 (legal56b M2): the chair's 更正日期 next to an act whose date a clock reads, on an accepted arbitration case:
 * the new date and the reason, then a confirmation naming the act, the old and the new date and the effect.
 */
function correctDateButton(e, events, c, refresh) {
  const fieldName = CORRECTABLE_DATES[e.type];
  if (!fieldName || !refresh || state.user?.role !== 'chair' || !datesCorrectable(c)) return null;
  const receipt = e.type === 'REGISTER';
  const btn = h('button.btn.small.noprint', { type: 'button', 'data-testid': `correct-date-${e.seq}` }, '更正日期');
  // Reviewer s56 B L5: a retry after a lost answer sends the same key and gets the stored result, not a 412.
  const key = keyHolder();
  btn.onclick = guard(btn, async () => {
    // The receipt day as it stands (corrections included) is the case's own.
    const before = receipt ? c.receivedOn : standingDate(e, events, fieldName);
    const act = `${actLabel(e.type, c, eventLabel(e.type))}（${e.occurredOn} 记录）的${CORRECTED_WHAT[e.type]}`;
    // fixU57 #4: one dialog, kept open until the correction is recorded or the person cancels: what was typed stays,
    // an empty field or a refusal (400, a rule's 422) is said under its field (a rule's under the date), anything else
    // in the dialog's alert — never a panel after the history entry.
    await new Promise((resolve) => {
      const day = input('date', { value: before, max: today() });
      const reason = h('textarea', { rows: 2, maxlength: 500 });
      const next = h('button.btn.primary', { type: 'button' }, '下一步');
      const cancel = h('button.btn', { type: 'button' }, '取消');
      const form = h(
        'form.correct-date',
        { novalidate: true },
        h('div.form-alert'),
        field('更正后的日期', 'value', day, { required: true }),
        field('更正理由（主任决定）', 'reason', reason, { required: true }),
        h('p.small.muted', '原记录保持不变；更正另记入办理记录，写明原日期、更正后日期与理由。'),
      );
      // Enter never submits (a date field's Enter, a stray one in the reason): only 下一步 goes on.
      form.addEventListener('submit', (ev) => ev.preventDefault());
      clearOnEdit(form);
      const dlg = h(
        'dialog.confirm.correct-date-dialog',
        { 'aria-labelledby': 'correct-date-title' },
        h('div.dh', h('h2', { id: 'correct-date-title' }, `更正${act}`)),
        h('div.db', form),
        h('div.df', cancel, next),
      );
      const close = () => {
        dlg.close();
        dlg.remove();
        resolve();
      };
      cancel.addEventListener('click', close);
      dlg.addEventListener('cancel', (ev) => {
        ev.preventDefault();
        close();
      });
      next.addEventListener(
        'click',
        guard([next, cancel], async () => {
          clearErrors(form);
          const value = day.value;
          const why = reason.value.trim();
          const bad = [
            !value ? ['value', '请填写更正后的日期'] : value === before ? ['value', `该日期已是 ${before}，请填写更正后的日期`] : null,
            !why ? ['reason', '请填写更正理由'] : null,
          ].filter(Boolean);
          if (bad.length) {
            for (const [path, message] of bad) setError(form, path, message);
            (bad[0][0] === 'value' ? day : reason).focus();
            return;
          }
          const due = (c.deadlines ?? []).find((d) => d.kind === 'award');
          const ok = await confirmDialog({
            title: '确认更正日期？',
            body: h(
              'ul.original-what.correct-date-what',
              h('li', h('span.muted', '事项：'), act),
              h('li', h('span.muted', '原日期：'), before),
              h('li', h('span.muted', '更正为：'), value),
              h('li', h('span.muted', '理由：'), why),
              h(
                'li',
                h('span.muted', '影响：'),
                // The server offers no preview of the deadlines after a correction: the due date now, said as now.
                `审理期限等法定期限与统计（是否超审限结案）按更正后的日期重新计算${due?.dueOn ? `；审理期限届满日现为 ${due.dueOn}，更正后将重新计算` : ''}。`,
              ),
            ),
            confirmLabel: '确认更正',
            cancelLabel: '返回修改',
            danger: true,
          });
          if (!ok) return;
          try {
            const r = await api(
              'POST',
              `/api/cases/${c.id}/date-corrections`,
              { target: receipt ? 'receivedOn' : { seq: e.seq }, field: fieldName, value, reason: why },
              { ifMatch: c.version, key: key.get() },
            );
            key.done();
            close();
            const newDue = (r?.deadlines ?? []).find((d) => d.kind === 'award')?.dueOn;
            await refresh(`已更正日期${newDue ? `：审理期限届满日为 ${newDue}` : ''}`);
          } catch (err) {
            key.done(err);
            // A rule's refusal (422) is about the date chosen.
            if (err?.status === 422 && err.problem && !err.problem.field && !err.problem.errors?.length) err.problem.field = 'value';
            showErrors(form, err, { value: '更正后的日期', reason: '更正理由', target: '所更正的记录', field: '所更正的日期' });
          }
        }),
      );
      document.body.append(dlg);
      dlg.showModal();
      day.focus();
    });
  });
  return btn;
}

/**
 * s63 B #2 — what a change of claims (变更仲裁请求, Rules Art. 44) changed, claim by claim, from what the act keeps
 * (app/procedure/added-events.ts: `previous`, each changed claim as it was; `addedClaims`, the ids of those added): a
 * claim amended with its amount before → after, one added with its amount, one given up — worded as the confirmation
 * worded them (`claimChangeWords`), amounts in yuan as the page shows them.
 */
function claimChangeLines(e, c) {
  const p = e.payload ?? {};
  const claim = (id) => (c.claims ?? []).find((cl) => String(cl.id) === String(id));
  const category = (k) => (k == null ? null : (V().claimCategories?.[k] ?? k));
  const short = (w) => (w.length > 40 ? `${w.slice(0, 40)}…` : w);
  const changed = (p.change ?? []).map((ch) => {
    const was = p.previous?.[ch.claimId] ?? null;
    const cl = claim(ch.claimId);
    return claimChangeWords(cl?.seq ?? '?', {
      name: was?.description ?? cl?.description ?? null,
      categoryBefore: ch.category !== undefined && was ? category(was.category) : null,
      category: ch.category !== undefined ? category(ch.category) : null,
      amountBefore: was?.amount ?? null,
      amount: ch.amount ?? null,
      description: ch.description ?? null,
    });
  });
  const added = (p.add ?? []).map((x, i) => {
    const cl = claim(p.addedClaims?.[i]?.id);
    return `增加${cl ? `第${cl.seq}项` : '请求'}${x.description ? `“${short(x.description)}”` : ''}${x.amount != null ? `，请求金额${money(x.amount)}` : ''}`;
  });
  const given = (p.withdraw ?? []).map((id) => {
    const cl = claim(id);
    return `放弃第${cl?.seq ?? '?'}项${cl?.counterclaim ? '（反请求）' : ''}${cl?.description ? `“${short(cl.description)}”` : ''}`;
  });
  return [...changed, ...added, ...given];
}

function historySection(events, c, refresh) {
  return section(
    'sec-history',
    '办理记录',
    h(
      'ol.timeline',
      events.map((e) =>
        h(
          'li',
          h(
            'div',
            h(
              'strong',
              majorMarking(e) ??
                (e.type === 'SIGN_MEDIATION_DOCUMENT' && e.payload?.refused === true
                  ? REFUSED_SIGNATURE
                  : actLabel(e.type, c, eventLabel(e.type))),
            ),
            ` · ${e.occurredOn}`,
          ),
          e.type === 'SIGN_MEDIATION_DOCUMENT' && signatureLine(e, c) ? h('div.small.signed-by', signatureLine(e, c)) : null,
          agentActLine(e, c, events) ? h('div.small.agent-act', agentActLine(e, c, events)) : null,
          e.type === 'SERVE' && serviceLine(e, c) ? h('div.small.served-what', serviceLine(e, c)) : null,
          e.type === 'RECORD_LAWSUIT' && lawsuitLine(e, c) ? h('div.small.lawsuit-what', lawsuitLine(e, c)) : null,
          actDetailLine(e) ? h('div.small.act-detail', actDetailLine(e)) : null,
          e.type === 'RECORD_COURT_OUTCOME' && courtOutcomeLine(e, c) ? h('div.small.outcome-what', courtOutcomeLine(e, c)) : null,
          // ui49 M2: which document was generated, and whether it was the original printed again (补打).
          e.type === 'GENERATE_DOCUMENT' && e.payload?.kind
            ? h(
                'div.small.generated-what',
                `${V().documentKinds?.[e.payload.kind] ?? e.payload.kind}${e.payload.draft ? '（草稿）' : ''}${e.payload.reprint ? '（补打原件）' : ''}`,
              )
            : null,
          // ui47 M1: who attended the hearing, who left before its end; H1: whose defense was received.
          e.type === 'HOLD_HEARING' && typeof e.payload?.applicantPresent === 'boolean'
            ? h('div.small.attendance', attendanceText(e.payload, c))
            : null,
          // legal54c M1: whose application alone was treated as withdrawn.
          e.type === 'DEEM_WITHDRAWN' && e.payload?.partyId
            ? h(
                'div.small.deemed-who',
                `视为撤回${partiesOf(c).find((x) => String(x.id) === String(e.payload.partyId))?.label ?? e.payload.partyId}的仲裁申请`,
              )
            : null,
          // s63 B #1: the line the server words for the act (a defense period shortened or cancelled with the respondent's
          // consent, Rules Art. 58: app/cases/views.ts recordLine) — shown as it is, not worded again here.
          e.record ? h('div.small.record-what', e.record) : null,
          // s63 B #2: a change of claims names each claim changed, added or given up, with its amount (Rules Art. 44).
          e.type === 'CHANGE_CLAIMS' && claimChangeLines(e, c).length
            ? h(
                'ul.small.claim-changes',
                claimChangeLines(e, c).map((x) => h('li', x)),
              )
            : null,
          e.type === 'FILE_DEFENSE' && e.payload?.partyId
            ? h(
                'div.small.defense-by',
                `答辩人：${partiesOf(c).find((x) => String(x.id) === String(e.payload.partyId))?.label ?? e.payload.partyId}`,
              )
            : null,
          h('div.when', `${e.actor?.name ?? ''}（${roleLabel(e.actor?.role ?? '')}）记录于 ${chinaDateTime(e.recordedAt)}`),
          e.stateAfter && e.stateAfter !== e.stateBefore ? h('div.small', `→ ${stateLabel(e.stateAfter)}`) : null,
          // fixC56: a date corrected (补正) names the act, the date before and after and the reason.
          e.type === 'CORRECT_DATE' ? h('div.small.corrected-what', correctionLine(e, events, c)) : null,
          correctDateButton(e, events, c, refresh),
          // A registration correction says what it changed, masked for this reader by the server (app/cases/views.ts).
          e.type === 'UPDATE_REGISTRATION' && e.payload?.changes?.length && !majorMarking(e)
            ? h(
                'ul.small.changes',
                e.payload.changes.map((x) => h('li', x.text)),
              )
            : null,
          // legal56b M1: which deadlines a calendar year loaded again moved (the server writes each line).
          e.type === 'RECOMPUTE_DEADLINES' && e.payload?.deadlines?.length
            ? h(
                'ul.small.changes',
                h('li', `${e.payload.calendarYear}年节假日安排更新：`),
                e.payload.deadlines.map((x) => h('li', x.text)),
              )
            : null,
        ),
      ),
    ),
  );
}

// ----- documents -----
/**
 * Which finality an award or partial award document carries: -1 终局 / -2 非终局 in a mixed award, else the award's
 * own (a partial award's: the one the document was generated for).
 */
/** The parties who have not signed for the 调解书 yet: the case closes by mediation once all have. */
function pendingSignatures(c, m) {
  const signed = new Set((m.signatures ?? []).map((s) => s.partyId));
  const waiting = [...(c.applicants ?? []), ...(c.respondents ?? [])].filter((p) => !signed.has(p.id));
  return waiting.length
    ? h(
        'div.small.warn.pending-signatures',
        `尚待签收：${waiting.map((p) => partiesOf(c).find((x) => x.id === p.id)?.who ?? p.name).join('、')}。送达调解书后，请逐一办理“签收调解书”（记录签收日期）；双方均签收后以调解结案（《劳动争议调解仲裁法》第四十二条）。`,
      )
    : null;
}

export function docFinality(c, d) {
  const a = d.kind === 'award' ? c.award : d.kind === 'partial_award' ? c.proceedings?.partialAwards?.[(d.occurrence ?? 0) - 1] : null;
  if (!a) return null;
  // -1号 / -2号, a partial award's followed by 之一, 之二….
  if (a.finality === 'mixed')
    return /-1号(之.+)?$/.test(d.caseNo ?? '') ? 'final' : /-2号(之.+)?$/.test(d.caseNo ?? '') ? 'non_final' : null;
  return a.finality;
}
/**
 * The acts a document kind can be generated for, when there is more than one (a second partial award, ruling), keyed
 * by the request's `occurrence` (1-based among the kind's acts). s62 A #2: each suspension has its own 中止审理决定书
 * and, once resumed, its own 恢复审理通知书 — named by its days and ground (第2次（2026-11-02起，因…）); each party added
 * its own 追加当事人通知书.
 */
function docOccurrences(c, kind, matter) {
  const p = c.proceedings ?? {};
  const seq = (id) => c.claims.find((cl) => cl.id === id)?.seq ?? '?';
  const suspended = (x) => `${x.from}起${x.to ? `，${x.to}恢复` : ''}${x.reason ? `，${shortReason(x.reason)}` : ''}`;
  const nth = (list, label) => {
    const acts = list.flatMap((x, i) => (x === null ? [] : [[String(i + 1), label(x, i)]]));
    return acts.length > 1 ? Object.fromEntries(acts) : null;
  };
  if (kind === 'decision' && matter === 'suspension') return nth(p.suspensions ?? [], (x, i) => `第${i + 1}次中止审理（${suspended(x)}）`);
  if (kind === 'decision' && matter === 'extension')
    return nth(extensionsOf(p), (x, i) => `第${i + 1}次延长审理期限（${x.approvedOn}批准，延长${x.days}日）`);
  if (kind === 'resume_notice')
    return nth(
      (p.suspensions ?? []).map((x) => (x.to ? x : null)),
      (x, i) => `第${i + 1}次中止审理（${suspended(x)}）`,
    );
  if (kind === 'addition_notice') {
    const who = (id) => partiesOf(c).find((x) => x.id === id);
    return nth(p.partyAdditions ?? [], (x, i) => {
      const q = who(x.partyId);
      return `第${i + 1}次追加（${x.on}，${q ? `${q.side}${q.who}` : `当事人${x.partyId}`}）`;
    });
  }
  // Each act named by its day and the claims it decided (第1件（2026-04-05，第1、3项）).
  const acts =
    kind === 'partial_award'
      ? (p.partialAwards ?? []).map((x) => `${x.issuedOn}，第${(x.items ?? []).map((i) => seq(i.claimId)).join('、')}项`)
      : kind === 'advance_execution_ruling'
        ? (p.advanceExecutions ?? []).map((x) => `${x.ruledOn}，第${(x.claimIds ?? []).map(seq).join('、')}项`)
        : [];
  return acts.length > 1 ? Object.fromEntries(acts.map((what, i) => [String(i + 1), `第${i + 1}件（${what}）`])) : null;
}
/** Every extension of the award limit approved, in the order approved (templates/kinds.ts extensionsOf; Rules Art. 46). */
const extensionsOf = (p) =>
  [...(p.earlierExtensions ?? []), ...(p.extension ? [p.extension] : [])].sort((x, y) => x.approvedOn.localeCompare(y.approvedOn));
/** A suspension's ground in a picker: its first words (因…), not the whole reason. */
const shortReason = (r) => {
  const t = String(r).trim();
  const head = [...t].slice(0, 16).join('');
  return `${/^(因|由于|鉴于)/.test(head) ? '' : '因'}${head}${[...t].length > 16 ? '…' : ''}`;
};
/**
 * s62 A #2: which act each generated document is of (GENERATE_DOCUMENT `text`: a decision's matter, the act's
 * `occurrence`), by document id — the list tells the first suspension's 决定书 from the second's, and from a
 * termination's, instead of showing the earlier as an older version of the later.
 */
function docActs(events) {
  const out = new Map();
  for (const e of events ?? []) {
    const p = e.payload ?? {};
    if (e.type !== 'GENERATE_DOCUMENT') continue;
    for (const d of p.documents ?? []) out.set(d.id, { matter: p.text?.matter ?? null, occurrence: p.text?.occurrence ?? null });
  }
  return out;
}
/** What a 决定书, 恢复审理通知书 or 追加当事人通知书 in the list is of (its matter, which suspension or addition), or null. */
function docActLabel(c, d, act) {
  if (!act) return null;
  const p = c.proceedings ?? {};
  const s = act.occurrence ? p.suspensions?.[act.occurrence - 1] : null;
  if (d.kind === 'decision' && act.matter && act.matter !== 'correction') {
    const what = DECISION_MATTER_NAMES[act.matter] ?? act.matter;
    if (act.matter === 'suspension' && s) return `${what}：第${act.occurrence}次（${s.from}起）`;
    const e = act.matter === 'extension' && act.occurrence ? extensionsOf(p)[act.occurrence - 1] : null;
    return e ? `${what}：第${act.occurrence}次（${e.approvedOn}批准，延长${e.days}日）` : what;
  }
  if (d.kind === 'resume_notice' && s) return `第${act.occurrence}次中止审理（${s.from}起，${s.to ?? ''}恢复）`;
  if (d.kind === 'addition_notice' && act.occurrence) {
    const x = p.partyAdditions?.[act.occurrence - 1];
    const q = x ? partiesOf(c).find((y) => y.id === x.partyId) : null;
    return x ? `追加${q ? `${q.side}${q.who}` : ''}（${x.on}）` : null;
  }
  return null;
}
const docName = (c, d) => {
  const f = docFinality(c, d);
  return `${d.title}${f ? (f === 'final' ? '（终局）' : '（非终局）') : ''}`;
};

/** Which documents the record can already support, by kind (the server refuses the rest). */
function offeredKinds(c) {
  const p = c.proceedings ?? {};
  const role = state.user.role;
  const ready = {
    acceptance_notice: Boolean(c.caseNo),
    rejection_notice: Boolean(p.rejection),
    respond_notice: Boolean(c.caseNo),
    hearing_notice: Boolean(p.hearing),
    award: Boolean(c.award),
    partial_award: Boolean(p.partialAwards?.length),
    tribunal_notice: Boolean(c.tribunal),
    conversion_notice: Boolean(p.conversion),
    // A mediation inside arbitration ends in a 仲裁调解书 (LDMAL Art. 42), one before it in a 调解协议书 (Art. 14).
    // ui51 M2: a review's agreement once confirmed (Rules Art. 77) is made a 调解书 too (numbered 审字 by the server).
    mediation_document: Boolean(p.mediation?.agreedOn || p.review?.confirmation),
    mediation_agreement: Boolean(p.trackMediation?.agreedOn),
    advance_execution_ruling: Boolean(p.advanceExecutions?.length),
    // To a court (裁审衔接), or to the commission a case was transferred to (Rules Art. 9).
    court_transfer_letter: Boolean(p.transfers?.length || p.transferOut),
    decision: Object.keys(decisionMatters(c)).length > 0,
    // Only once a suspension has ended (RESUME): the 恢复审理通知书 is dated the resumption.
    resume_notice: Boolean(p.suspensions?.some((s) => s.to)),
    // s62 A #1: a party added after acceptance (ADD_PARTY; Rules Art. 46(1)) is notified in writing.
    addition_notice: Boolean(p.partyAdditions?.length),
  };
  const roles = V().documentRoles ?? {};
  return Object.fromEntries(
    Object.entries(V().documentKinds).filter(([k]) => (ready[k] ?? true) && (!roles[k] || roles[k].includes(role))),
  );
}
/**
 * The document the case's state calls for next, when the person has chosen none on this case yet: after an award the
 * award (仲裁裁决书), not the first kind of the list (开庭通知书). The first kind offered when the state names none.
 */
function suggestedKind(c, kinds) {
  const p = c.proceedings ?? {};
  const byState = {
    rejected: ['rejection_notice'],
    accepted: ['acceptance_notice', 'respond_notice'],
    tribunal_formed: ['tribunal_notice'],
    hearing_scheduled: ['hearing_notice'],
    award_issued: ['award'],
    award_served: ['award'],
    mediation_signing: ['mediation_document'],
    review_signing: ['mediation_document'],
    closed_mediation: ['mediation_document'],
    mediation_agreed: ['mediation_agreement'],
  };
  const wanted = [...(byState[c.state] ?? []), ...(c.award ? ['award'] : []), ...(p.mediation?.agreedOn ? ['mediation_document'] : [])];
  return wanted.find((k) => k in kinds) ?? Object.keys(kinds)[0];
}
const DECISION_MATTER_NAMES = {
  suspension: '中止审理',
  extension: '延长审理期限',
  termination: '终止审理',
  withdrawal: '准许撤回仲裁申请',
  deemed_withdrawal: '按撤回仲裁申请处理',
  correction: '补正',
  recusal: '回避决定',
  transfer: '移送管辖',
  jurisdiction: '管辖异议',
  review_rejection: '不予受理仲裁审查申请',
  review_refusal: '不予制作调解书',
};
function decisionMatters(c) {
  const p = c.proceedings ?? {};
  const all = DECISION_MATTER_NAMES;
  const ok = {
    suspension: Boolean(p.suspensions?.length),
    extension: Boolean(p.extension || p.earlierExtensions?.length),
    termination: c.closure?.mode === 'termination',
    withdrawal: c.closure?.mode === 'withdrawal',
    // legal54c M1: one worker's application alone treated as withdrawn has its decision too (the latest by default).
    deemed_withdrawal: c.closure?.mode === 'deemed_withdrawal' || Boolean(p.deemedWithdrawals?.length),
    // Rules Art. 54: an award or a partial award can be corrected (the decision names which: `correctionTargets`).
    correction: Boolean(c.award || p.partialAwards?.length),
    // Rules Art. 12: a recusal decided in writing has its 决定书.
    recusal: Boolean(p.recusalApplications?.some((r) => r.decision?.form === 'written')),
    // Rules Arts. 9–10: a transfer to another commission, an objection to jurisdiction decided — each in writing.
    transfer: c.closure?.mode === 'transfer' || Boolean(p.transferOut),
    jurisdiction: Boolean(p.jurisdictionObjections?.some((o) => o.decision)),
    // Rules Arts. 75, 78: a review not accepted, a 调解书 refused — answered in writing.
    review_rejection: Boolean(p.review?.rejection),
    review_refusal: Boolean(p.review?.refusal),
  };
  return Object.fromEntries(Object.entries(all).filter(([k]) => ok[k]));
}

/**
 * The award documents a correction decision can correct (Rules Art. 54), as the request's `corrects` names them: each
 * partial award and the award, each part of one split by finality (-1 终局, -2 非终局). Keyed by the JSON of `corrects`.
 */
function correctionTargets(c) {
  const p = c.proceedings ?? {};
  const out = [];
  const add = (a, label, base) => {
    if (!a) return;
    if (a.finality === 'mixed') {
      out.push([JSON.stringify({ ...base, part: 'final' }), `${label}（终局部分，${a.issuedOn}）`]);
      out.push([JSON.stringify({ ...base, part: 'non_final' }), `${label}（非终局部分，${a.issuedOn}）`]);
    } else out.push([JSON.stringify(base), `${label}（${a.issuedOn}）`]);
  };
  for (const [i, a] of (p.partialAwards ?? []).entries()) add(a, `第${i + 1}件部分裁决书`, { partialAward: i + 1 });
  add(c.award, '裁决书', {});
  return out;
}

/**
 * Roles that print, never write, an act's document (app/policy.ts ISSUED_DOCUMENT_ROLES): the clerk prints the award,
 * a partial award or a ruling as the arbitrator made it — and a 决定书 of an act recorded (fixW59 #4, fixM58 #5): a
 * 补正决定书 is reprinted as the tribunal made it, its body, date and the award it corrects never sent by him.
 */
const PRINT_ONLY = { award: ['clerk'], partial_award: ['clerk'], advance_execution_ruling: ['clerk'], decision: ['clerk'] };
const printsOnly = (kind) => (PRINT_ONLY[kind] ?? []).includes(state.user?.role);
/** A server message shown as a hint: without the field's code in brackets (补正内容（body） → 补正内容). */
const plainHint = (m) => String(m ?? '').replace(/[（(][A-Za-z_]+[）)]/g, '');
/**
 * ui50 L: a 补正决定书 in the documents list says which award it corrects (Rules Art. 54), from the generation that
 * made it (its `corrects`: a partial award, a part of a mixed award, else the award). Document id → words.
 */
function correctionsOf(c, events) {
  const out = new Map();
  const parts = c.proceedings?.partialAwards ?? [];
  // What there was to correct when each was made (one target only: the request need not name it).
  let awarded = false;
  let partials = 0;
  for (const e of events ?? []) {
    const p = e.payload ?? {};
    if (e.type === 'ISSUE_AWARD') awarded = true;
    if (e.type === 'PARTIAL_AWARD') partials += 1;
    if (e.type !== 'GENERATE_DOCUMENT' || p.kind !== 'decision' || p.text?.matter !== 'correction') continue;
    const which = p.text.corrects ?? {};
    const part = which.part === 'final' ? '终局部分' : which.part === 'non_final' ? '非终局部分' : '';
    const nth = which.partialAward ?? (awarded ? null : partials || null);
    const on = nth ? parts[nth - 1]?.issuedOn : c.award?.issuedOn;
    const target = `${nth ? `第${nth}件部分裁决书` : '裁决书'}${on || part ? `（${[on, part].filter(Boolean).join('，')}）` : ''}`;
    for (const d of p.documents ?? []) out.set(d.id, `补正决定：补正${target}`);
  }
  return out;
}
/** Per case, the document kind (and decision matter, act) last chosen in the 文书 panel, kept while the app is open. */
const docChoices = new Map();
/**
 * fixU2-54 #2: what an act's original prints, by kind — each in its own words (a 调解书 is the parties' agreement, not
 * the tribunal's findings), and what follows once it is generated. Rules Art. 54 (补正决定书) is the awards' rule only.
 */
const ORIGINAL_TEXT = {
  award: '按本案记录中已作出的事实、理由和依据',
  partial_award: '按本案记录中已作出的部分裁决事项及其事实、理由和依据',
  advance_execution_ruling: '按本案记录的先予执行裁决（先予执行的事项、金额和履行期限）',
  mediation_document: '按本案记录的调解协议（双方当事人协议的内容）',
  rejection_notice: '按本案记录的不予受理决定及其理由',
  decision: '按本案记录的该决定事项及其理由',
};
const REPRINT = '正式文本一经生成即为原件，文字不能再改：再次生成只是补打原件（同一文号、同一内容）。';
const DRAFT_FIRST = '需要先看稿的，请取消并勾选“草稿”。';
const ORIGINAL_NOTE = {
  award: `${REPRINT}文字、计算错误或遗漏事项，须制作补正决定书（《劳动人事争议仲裁办案规则》第五十四条）。${DRAFT_FIRST}`,
  partial_award: `${REPRINT}文字、计算错误或遗漏事项，须制作补正决定书（《劳动人事争议仲裁办案规则》第五十四条）。${DRAFT_FIRST}`,
  mediation_document: `${REPRINT}调解书的内容应与调解协议一致，经双方当事人签收后发生法律效力（《劳动争议调解仲裁法》第四十二条）：请在送达当事人签收前核对。${DRAFT_FIRST}`,
  other: `${REPRINT}请在送达前核对。${DRAFT_FIRST}`,
};

/** The kinds whose issued document is an act's decision, fixed once issued (app/documents/originals.ts ACT_KINDS). */
const ACT_KINDS = new Set(['award', 'partial_award', 'advance_execution_ruling', 'mediation_document', 'rejection_notice', 'decision']);

function docsSection(c, docs, refresh, events) {
  const msg = h('div', { 'aria-live': 'polite' });
  const corrections = correctionsOf(c, events);
  const kinds = offeredKinds(c);
  const latest = new Map();
  // A version of a document: the same kind, number and act (a partial award's, a ruling's), draft or not.
  // s62 A #2: a 决定书 by its matter and act too (the first suspension's is not an older version of the second's).
  const acts = docActs(events);
  const version = (d) =>
    `${d.kind}|${d.caseNo}|${d.occurrence ?? acts.get(d.id)?.occurrence ?? ''}|${acts.get(d.id)?.matter ?? ''}|${/草稿/.test(d.title)}`;
  for (const d of docs) latest.set(version(d), d.id);
  const list = docs.length
    ? h(
        'table.t',
        h(
          'thead',
          h(
            'tr',
            ['文书', '文号', '生成时间', '操作'].map((x) => h('th', { scope: 'col' }, x)),
          ),
        ),
        h(
          'tbody',
          docs.map((d) => {
            const name = docName(c, d);
            const f = docFinality(c, d);
            const stale = latest.get(version(d)) !== d.id;
            return h(
              `tr${stale ? '.stale' : ''}`,
              h(
                'td',
                d.title,
                corrections.get(d.id) ? h('div.small.corrects-what', corrections.get(d.id)) : null,
                docActLabel(c, d, acts.get(d.id)) ? h('div.small.doc-act', docActLabel(c, d, acts.get(d.id))) : null,
                // ui45 L3: a space between the name and its mark (read, copied or printed: not 仲裁裁决书终局).
                f ? [' ', h(`span.badge.tight.${f === 'final' ? 'ok' : 'warn'}`, f === 'final' ? '终局' : '非终局')] : null,
                stale ? h('div.small.muted', '（已有较新的版本）') : null,
              ),
              h('td.small', d.caseNo ?? '—'),
              h('td.small', chinaDateTime(d.createdAt)),
              c.readLevel && c.readLevel !== 'full'
                ? h('td.small.muted', '仅本案承办人员可查看')
                : h(
                    'td.noprint',
                    h(
                      'span.actions',
                      h(
                        'button.btn.small',
                        { type: 'button', 'aria-label': `预览 ${name} ${d.caseNo ?? ''}`.trim(), onclick: () => preview(d, msg) },
                        '预览',
                      ),
                      h(
                        'button.btn.small',
                        {
                          type: 'button',
                          'aria-label': `下载 ${name} ${d.caseNo ?? ''} PDF`.trim(),
                          onclick: () =>
                            fetchBlob(`/api/documents/${d.id}`)
                              .then((b) => saveBlob(b, `${name}${d.caseNo ?? ''}.pdf`))
                              .catch((e) => fill(msg, h('div.alert.bad', { role: 'alert' }, e.message))),
                        },
                        '下载',
                      ),
                    ),
                  ),
            );
          }),
        ),
      )
    : h('div.empty', '尚未生成文书');
  const kindKeys = Object.keys(kinds);
  let gen = null;
  if (kindKeys.length) {
    // The kind, matter and act chosen last on this case: the page drawn again after a document is generated (or an
    // act recorded) shows them as they were left, not the first kind — what is generated is what the picker shows.
    // Per person and case: another person signing in on this tab starts with no choices.
    const choiceKey = `${state.user?.id ?? ''}:${c.id}`;
    const chosen = docChoices.get(choiceKey) ?? {};
    const kind = select(kinds, { value: chosen.kind && chosen.kind in kinds ? chosen.kind : suggestedKind(c, kinds) });
    const matters = decisionMatters(c);
    const matter = select(matters, {
      'aria-label': '决定事项',
      value: chosen.matter && chosen.matter in matters ? chosen.matter : undefined,
    });
    const draft = input('checkbox');
    // 送达回证: to whom, and of which document — by default what was last recorded as served on that party; a document
    // not yet served gives the blank receipt to take along.
    // ui47 L1: the addressee is chosen (（请选择）, never the first party), and only the documents this case has — those
    // it can serve (`servable`) or has served — are offered, not every kind there is.
    const receiptParty = select([['', '（请选择）'], ...partiesOf(c).map((p) => [String(p.id), p.label])], {
      'aria-label': '受送达人',
    });
    const has = new Set([...(c.servable ?? []), ...(c.proceedings?.services ?? []).map((x) => x.document)]);
    const receiptDoc = select([['', '已记录的最近一次送达'], ...Object.entries(serviceDocs()).filter(([k]) => has.has(k))], {
      'aria-label': '所送达的文书',
    });
    const receipt = h('span.receipt-choice', receiptParty, receiptDoc);
    // Which partial award or ruling, when there are several (the latest first chosen).
    const occurrence = h('select', { 'aria-label': '哪一件' });
    // A correction decision: which award document it corrects, when the case has more than one (Rules Art. 54).
    const targets = correctionTargets(c);
    // With several, none is preselected: the person names it (the server refuses an ambiguous one with 422 too).
    const correctedError = h('span.field-error', { id: 'corrects-error', 'aria-live': 'polite' });
    const corrected = h(
      'select',
      { 'aria-label': '补正哪一份裁决书', 'aria-describedby': 'corrects-error' },
      targets.length > 1 ? h('option', { value: '' }, '请选择补正的裁决书') : null,
      targets.map(([v, label]) => h('option', { value: v }, label)),
    );
    corrected.value = targets.length > 1 ? '' : (targets[0]?.[0] ?? '');
    const correctedBox = h('span.corrected-choice', corrected, correctedError);
    const correctedProblem = (message) => {
      correctedError.textContent = message ?? '';
      if (message) corrected.setAttribute('aria-invalid', 'true');
      else corrected.removeAttribute('aria-invalid');
    };
    corrected.addEventListener('change', () => correctedProblem(null));
    // A correction decision's date (补正决定的作出日期, decidedOn — the document prints it, the server requires it):
    // today unless changed; not later than today, not before the award it corrects (Rules Art. 54), said at the field
    // as the target's choice is.
    const decidedError = h('span.field-error', { id: 'decided-on-error', 'aria-live': 'polite' });
    const decidedOn = input('date', {
      id: 'decided-on',
      value: today(),
      max: today(),
      'aria-describedby': 'decided-on-error',
      dataset: { path: 'decidedOn' },
    });
    const decidedBox = h('span.decided-choice', h('label', { for: 'decided-on' }, '补正决定日期'), decidedOn, decidedError);
    const decidedProblem = (message) => {
      decidedError.textContent = message ?? '';
      if (message) decidedOn.setAttribute('aria-invalid', 'true');
      else decidedOn.removeAttribute('aria-invalid');
    };
    decidedOn.addEventListener('input', () => decidedProblem(null));
    decidedOn.addEventListener('change', () => decidedProblem(null));
    /** The day of the award the decision corrects (the chosen target, else the only one): the date's lower bound. */
    const correctedOn = () => {
      const which = corrected.value ? JSON.parse(corrected.value) : null;
      const parts = c.proceedings?.partialAwards ?? [];
      if (which?.partialAward) return parts[which.partialAward - 1]?.issuedOn ?? null;
      return c.award?.issuedOn ?? (parts.length === 1 ? (parts[0]?.issuedOn ?? null) : null);
    };
    // ui50 M4: said before 生成, to one who only prints the act's document.
    const PRINT_NOTE = '您只能按仲裁员已作出的文本打印本文书；仲裁员尚未写明其事实、理由和依据的，须由仲裁员先生成正式文本。';
    const printNote = h('p.small.muted.print-note', PRINT_NOTE);
    const decidedCheck = () => {
      const on = decidedOn.value;
      if (!on) return REQUIRED;
      if (on > today()) return `决定日期不能晚于今天（${today()}）`;
      const awardOn = correctedOn();
      if (awardOn && on < awardOn) return `补正决定不能早于裁决日期（${awardOn}）`;
      return null;
    };
    const showMatter = () => {
      printNote.hidden = !printsOnly(kind.value);
      // fixW59 #4: a 决定书 is the commission's, the chair's or the tribunal's — a 补正决定书 the tribunal's text.
      printNote.textContent =
        kind.value === 'decision'
          ? '您只能打印已记录的决定的决定书；补正决定书按仲裁庭已作出的文本补打（补正内容和决定日期由仲裁员写明，须由仲裁员先生成）。'
          : PRINT_NOTE;
      receipt.hidden = kind.value !== 'service_receipt';
      matter.hidden = kind.value !== 'decision';
      // fixW59 #4: one who only prints a 补正决定书 (the clerk) reprints the tribunal's — no date or target of his own,
      // which the server takes as writing its text (app/documents/generate-document.ts documentAct).
      const ownCorrection = kind.value === 'decision' && matter.value === 'correction' && !printsOnly(kind.value);
      correctedBox.hidden = !ownCorrection || targets.length < 2;
      decidedBox.hidden = !ownCorrection;
      const acts = docOccurrences(c, kind.value, matter.value);
      occurrence.hidden = !acts;
      occurrence.replaceChildren(...Object.entries(acts ?? {}).map(([v, label]) => h('option', { value: v }, label)));
      // The latest act first chosen (its key: a resumption notice's are the resumed suspensions' numbers).
      if (acts) occurrence.value = Object.keys(acts).at(-1);
    };
    // The act (which partial award or ruling) is kept only when the person chose it, with how many there were then: a
    // new act of that kind since (a second partial award) makes the latest the choice again, not the one picked before
    // it existed (reviewer: 生成 would issue a new version of 之一 instead of the new 之二).
    const remember = (el) => {
      const before = docChoices.get(choiceKey) ?? {};
      const picked = el === occurrence && !occurrence.hidden;
      const kept = el !== kind && before.kind === kind.value;
      docChoices.set(choiceKey, {
        kind: kind.value,
        matter: matter.value,
        occurrence: picked ? occurrence.value : kept ? before.occurrence : undefined,
        of: picked ? occurrence.options.length : kept ? before.of : undefined,
      });
    };
    // Text written for one document (facts, reasons, a defense, a basis) is never sent with another: another kind,
    // act or matter starts with no boxes.
    const forget = () => {
      texts.replaceChildren();
      textBoxes.clear();
      basisFor = [];
      fill(msg);
      key.done();
    };
    const btn = h('button.btn', { type: 'button' }, '生成');
    // A text the arbitrator writes that neither the request nor the record holds (the server answers 422
    // text-from-arbitrator naming it): a box for it appears, and the next 生成 sends what is written there.
    const texts = h('div.gen-texts');
    const textBoxes = new Map();
    // The legal basis the arbitrator writes is sent for the claims the server named (problem `claimIds`), one per line.
    let basisFor = [];
    const askForText = (fieldName, message, claimIds = []) => {
      if (fieldName === 'legalBasis') basisFor = claimIds;
      if (!TEXT_LABELS[fieldName] || textBoxes.has(fieldName)) return textBoxes.get(fieldName);
      const box = h('textarea', {
        rows: 4,
        maxlength: 20000,
        required: true,
        ...(fieldName === 'legalBasis' ? { placeholder: '每行一条，如 《中华人民共和国劳动合同法》第二十二条' } : {}),
      });
      textBoxes.set(fieldName, box);
      texts.append(field(TEXT_LABELS[fieldName], `text-${fieldName}`, box, { wide: true, hint: message }));
      return box;
    };
    /**
     * s60 #4: 被申请人辩称 the server will ask for (templates/kinds.ts `defense`; LDMAL Art. 46, Rules Art. 54) — a
     * defense filed with no summary recorded, or a respondent who attended a hearing, and none written with the act
     * (ISSUE_AWARD / PARTIAL_AWARD `defenseSummary`) nor when its document was generated before — is asked for with the
     * document, before the confirmation, not first after a 422. Null: not asked (the server's 422 still opens the box).
     */
    const defenseWanted = () => {
      if (!['award', 'partial_award'].includes(kind.value) || printsOnly(kind.value)) return null;
      const filed = c.proceedings?.defenses ?? [];
      const attended = (c.proceedings?.hearingsHeld ?? []).some((x) => x.respondentPresent);
      if (filed.some((x) => x.summary?.trim()) || (!filed.length && !attended)) return null;
      const which = occurrence.hidden ? null : Number(occurrence.value);
      const acts = (events ?? []).filter((e) => e.type === (kind.value === 'award' ? 'ISSUE_AWARD' : 'PARTIAL_AWARD'));
      const act = kind.value === 'award' ? acts.at(-1) : acts[(which ?? acts.length) - 1];
      if (!act) return null;
      // Only the applicant's claims are answered by 被申请人辩称: a document of counterclaims alone does not ask it.
      const counter = new Set(c.claims.filter((cl) => cl.counterclaim).map((cl) => cl.id));
      if (!(act.payload?.items ?? []).some((it) => !counter.has(it.claimId))) return null;
      if (act.payload?.defenseSummary?.trim()) return null;
      const before = (events ?? []).some(
        (e) =>
          e.type === 'GENERATE_DOCUMENT' &&
          e.payload?.kind === kind.value &&
          (kind.value !== 'partial_award' || e.payload?.text?.occurrence === which) &&
          e.payload?.text?.defenseSummary?.trim(),
      );
      if (before) return null;
      return filed.length
        ? `被申请人已于${filed[0].filedOn}提交答辩书，裁决书须写明答辩意见（作出裁决时未填写，请在此填写）`
        : '被申请人到庭参加了仲裁活动，裁决书须写明其答辩意见（作出裁决时未填写，请在此填写）';
    };
    const askDefense = () => {
      const why = defenseWanted();
      if (why) askForText('defenseSummary', why);
    };
    for (const el of [kind, occurrence, matter, receiptParty, receiptDoc])
      el.addEventListener('change', () => {
        if (el === kind || el === matter) showMatter();
        forget();
        remember(el);
        askDefense();
      });
    showMatter();
    if (
      !occurrence.hidden &&
      chosen.kind === kind.value &&
      chosen.occurrence &&
      chosen.of === occurrence.options.length &&
      [...occurrence.options].some((o) => o.value === chosen.occurrence)
    )
      occurrence.value = chosen.occurrence;
    askDefense();
    /** The confirmation of an act's original (ui50 H1): what will be printed and recorded, 取消 focused. */
    const confirmOriginal = () => {
      const label = kinds[kind.value];
      const which = occurrence.hidden ? '' : (occurrence.selectedOptions[0]?.textContent ?? '');
      const matterLabel = kind.value === 'decision' ? (matters[matter.value] ?? '') : '';
      const names = (side) => (side ?? []).map((p) => p.name).join('、');
      const [applicants, respondents] = [names(c.applicants), names(c.respondents)];
      const typed = [...textBoxes].filter(([, box]) => box.value.trim());
      const line = (k, v) => h('li', h('span.muted', `${k}：`), v);
      return confirmDialog({
        title: `生成“${label}”正式文本（原件）？`,
        body: [
          h('p', `将生成${label}的正式文本，记入本案办理记录。`),
          h(
            'ul.original-what',
            // fixU2-54 #2: the parties as an arbitration names them (申请人…、被申请人…), not a court's “诉”.
            line(
              '案件',
              `${caseName(c)}${applicants || respondents ? `（${[applicants && `申请人${applicants}`, respondents && `被申请人${respondents}`].filter(Boolean).join('，')}）` : ''}`,
            ),
            line('文书', `${label}${which ? ` ${which}` : ''}${matterLabel ? `（${matterLabel}）` : ''}`),
            c.caseNo ? line('文号', `按案号 ${c.caseNo} 编号`) : null,
            !correctedBox.hidden ||
              (matter.value === 'correction' && kind.value === 'decision' && targets.length === 1 && !printsOnly(kind.value))
              ? line('补正的裁决书', corrected.selectedOptions[0]?.textContent ?? '')
              : null,
            decidedBox.hidden ? null : line('补正决定日期', decidedOn.value),
            typed.length
              ? typed.map(([f, box]) => line(TEXT_LABELS[f], h('span.gen-typed', box.value.trim())))
              : line('正文', ORIGINAL_TEXT[kind.value] ?? ORIGINAL_TEXT.award),
          ),
          h('p.reprint-note', ORIGINAL_NOTE[kind.value] ?? ORIGINAL_NOTE.other),
        ],
        confirmLabel: `生成正式文本`,
        // ui53 L4: nothing in this confirmation can be modified: the way back is 取消.
        cancelLabel: '取消',
      });
    };
    const key = keyHolder();
    const generate = guard(btn, async () => {
      // A document already issued is issued again only on purpose: each generation is a new version with its number.
      // A box the server asked for, left empty: said here, not by sending the same request again.
      const empty = [...textBoxes].find(([, box]) => !box.value.trim());
      if (empty) {
        fill(msg, h('div.alert.bad', { role: 'alert' }, `请先在“${TEXT_LABELS[empty[0]]}”中填写。`));
        empty[1].focus();
        return;
      }
      if (kind.value === 'service_receipt' && !receiptParty.value) {
        fill(msg, h('div.alert.bad', { role: 'alert' }, '请选择受送达人'));
        receiptParty.focus();
        return;
      }
      if (!correctedBox.hidden && !corrected.value) {
        correctedProblem('请选择补正的裁决书');
        corrected.focus();
        return;
      }
      const dateProblem = decidedBox.hidden ? null : decidedCheck();
      if (dateProblem) {
        decidedProblem(dateProblem);
        decidedOn.focus();
        return;
      }
      const which = occurrence.hidden ? undefined : Number(occurrence.value);
      const earlier = draft.checked
        ? null
        : docs
            .filter(
              (d) =>
                d.kind === kind.value &&
                !/草稿/.test(d.title) &&
                (!which || (d.occurrence ?? acts.get(d.id)?.occurrence) === which) &&
                (kind.value !== 'decision' || (acts.get(d.id)?.matter ?? matter.value) === matter.value),
            )
            .at(-1);
      // ui49 M2: an act's document once issued is fixed (Rules Art. 54; server: app/documents/originals.ts ACT_KINDS):
      // asked for again it is the original reprinted (补打: same number, same text) — a change of text is a 补正决定书 or
      // a draft. Other documents (notices, receipts) are generated as a new version.
      const fixed = ACT_KINDS.has(kind.value);
      // A 决定书 is fixed per matter and day — and, of a matter decided more than once (a suspension, an extension…),
      // per its occurrence (s64 D #2: a second suspension on the day of the first is its own decision, chosen under
      // 哪一件): another matter's, or another suspension's, is a new document.
      const decision = kind.value === 'decision';
      if (
        earlier &&
        !(await confirmDialog({
          title: fixed && !decision ? `补打“${kinds[kind.value]}”？` : `再次生成“${kinds[kind.value]}”？`,
          body: [
            h('p', `本案已有 ${earlier.title}${earlier.caseNo ? ` ${earlier.caseNo}` : ''}（${chinaDateTime(earlier.createdAt)} 生成）。`),
            fixed
              ? h(
                  'p.reprint-note',
                  `${decision ? '同一事项的同一次决定（同一日期；中止审理、延长审理期限等可有多次的，为所选的那一次）的决定书已经作出的，' : '该文书已经作出，'}文字不能再改：再次生成即补打原件（同一文号、同一内容，不产生新的版本），并记入办理记录（补打）。${decision ? '决定书所载事项因更正日期、载入节假日安排等已有变化的（如延长后的审理期限），生成新的版本，写明取代原决定书。其他事项或另一次决定的决定书，生成新的决定书。' : ''}所填文字与原件不同的，不予生成。${kind.value === 'award' || kind.value === 'partial_award' ? '文字、计算错误或遗漏事项，应制作补正决定书（《劳动人事争议仲裁办案规则》第五十四条）；' : ''}需要改稿的，请勾选“草稿”。`,
                )
              : h('p', '再次生成将产生一个新的版本并记入办理记录；原有版本保留，标为“已有较新的版本”。'),
          ],
          confirmLabel: decision ? '生成（同一决定为补打）' : fixed ? '补打原件' : '生成新版本',
        }))
      )
        return;
      // ui50 H1: the first issued (non-draft) document of an act is its original, fixed for good: asked first, naming
      // the document, the case and the text it will print — as an act is (nothing recorded by a single click).
      if (!earlier && fixed && !draft.checked && !(await confirmOriginal())) return;
      btn.textContent = '正在生成…';
      fill(msg);
      try {
        const r = await api(
          'POST',
          `/api/cases/${c.id}/documents`,
          {
            kind: kind.value,
            ...(kind.value === 'decision' ? { matter: matter.value } : {}),
            ...(!correctedBox.hidden ? { corrects: JSON.parse(corrected.value) } : {}),
            ...(!decidedBox.hidden ? { decidedOn: decidedOn.value } : {}),
            ...(kind.value === 'service_receipt'
              ? { partyId: Number(receiptParty.value), ...(receiptDoc.value ? { servedDocument: receiptDoc.value } : {}) }
              : {}),
            ...(which ? { occurrence: which } : {}),
            ...Object.fromEntries(
              [...textBoxes]
                .filter(([, box]) => box.value.trim())
                .map(([f, box]) => [
                  f,
                  f === 'legalBasis'
                    ? basisFor.map((claimId) => ({
                        claimId,
                        basis: box.value
                          .split('\n')
                          .map((x) => x.trim())
                          .filter(Boolean),
                      }))
                    : box.value.trim(),
                ]),
            ),
            ...(draft.checked ? { draft: true } : {}),
          },
          { key: key.get() },
        );
        key.done();
        // A reprint answers the original's documents (ids already listed): said as 补打, not as a new document.
        const reprinted = r.documents.length > 0 && r.documents.every((d) => docs.some((x) => x.id === d.id));
        sessionStorage.setItem(
          'zc.caseflash',
          `${reprinted ? '已补打原件' : '已生成'}：${r.documents.map((d) => `${docName(c, d)} ${d.caseNo ?? ''}`.trim()).join('、')}`,
        );
        refresh();
      } catch (err) {
        key.done(err);
        // The server's word on the date (400 decidedOn) is said at the field, as the browser's own check is.
        const dateError = (err.problem?.errors ?? []).find((e) => e.path === 'decidedOn');
        if (dateError && !decidedBox.hidden) {
          decidedProblem(dateError.message);
          decidedOn.focus();
          return;
        }
        // ui50 M4: a role that only prints an act others made (the clerk an award) is never given the writing boxes —
        // the server would refuse the text it writes (403): the arbitrator issues the text first.
        const printOnly = err.problem?.rule === 'text-from-arbitrator' && printsOnly(kind.value);
        if (printOnly) {
          fill(
            msg,
            h(
              'div.alert.bad.print-only',
              { role: 'alert' },
              `${kinds[kind.value]}的${TEXT_LABELS[err.problem.field] ?? '正文'}尚未写明：须由仲裁员先生成${kinds[kind.value]}的正式文本，${roleLabel(state.user.role)}再按已作出的文本打印。`,
            ),
          );
          msg.scrollIntoView({ block: 'nearest' });
          return;
        }
        const missing =
          err.problem?.rule === 'text-from-arbitrator' ? askForText(err.problem.field, plainHint(err.message), err.problem.claimIds) : null;
        fill(
          msg,
          h(
            'div.alert.bad',
            { role: 'alert' },
            missing ? `请在“${TEXT_LABELS[err.problem.field]}”框中填写后再点“生成”（光标已移到该框）。` : err.message,
          ),
        );
        if (missing) missing.focus();
        else msg.scrollIntoView({ block: 'nearest' });
      } finally {
        btn.textContent = '生成';
      }
    });
    btn.addEventListener('click', generate);
    gen = h(
      'div.row.gen.noprint',
      field('文书种类', 'docKind', kind),
      Object.keys(matters).length ? matter : null,
      correctedBox,
      decidedBox,
      receipt,
      occurrence,
      h('label.check', draft, '草稿（印章处为占位）'),
      btn,
      printNote,
      texts,
    );
  }
  return section('sec-docs', '文书', list, gen, msg);
}
/** The texts of a document the arbitrator writes (POST /api/cases/:id/documents), as the document panel asks for them. */
const TEXT_LABELS = {
  facts: '经审理查明',
  reasoning: '本委认为',
  defenseSummary: '被申请人辩称（答辩意见）',
  counterclaimDefenseSummary: '申请人（被反申请人）针对反申请辩称',
  legalBasis: '裁决依据',
  body: '补正内容',
};
/** Opens the PDF in the browser's own viewer, in a new tab (opened at the click so no pop-up blocker stops it). */
async function preview(d, msg) {
  const w = window.open('', '_blank');
  try {
    const blob = await fetchBlob(`/api/documents/${d.id}`);
    const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
    if (w) w.location.href = url;
    else location.assign(url);
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (err) {
    w?.close();
    fill(msg, h('div.alert.bad', { role: 'alert' }, err.message));
  }
}

// ----- the file cover and index (卷宗封面、卷内目录) -----
/** The material an act leaves in the file, as a file index names it. */
const FILE_ITEMS = {
  REGISTER: '仲裁申请书及证据材料',
  UPDATE_REGISTRATION: '登记信息更正记录',
  REQUEST_SUPPLEMENT: '补正通知书',
  SUPPLEMENT_RECEIVED: '补正材料',
  ACCEPT: '立案审批表',
  REJECT: '不予受理审批表',
  FILE_DEFENSE: '答辩书及证据材料',
  FILE_COUNTERCLAIM: '反申请书',
  FORM_TRIBUNAL: '仲裁庭组成审批表',
  SCHEDULE_HEARING: '开庭排期记录',
  POSTPONE_HEARING: '延期开庭审批表',
  HOLD_HEARING: '庭审笔录',
  START_MEDIATION: '调解笔录',
  MEDIATION_AGREED: '调解协议',
  SIGN_MEDIATION_DOCUMENT: '调解书送达回证',
  SUSPEND: '中止审理审批表',
  RESUME: '恢复审理审批表',
  EXTEND_TIME_LIMIT: '延长审理期限审批表',
  ADVANCE_EXECUTION: '先予执行审批表',
  ISSUE_AWARD: '裁决审批表（合议记录）',
  PARTIAL_AWARD: '部分裁决审批表',
  WITHDRAW: '撤回仲裁申请书',
  TERMINATE: '终止审理审批表',
  TRANSFER_TO_COURT: '移送函及移送材料清单',
  ARCHIVE: '归档审批表',
};
function fileItem(e, c) {
  if (majorMarking(e)) return `${majorMarking(e)}记录`;
  // ui52 L2: the document's kind (an analyst's history carries it too); a receipt of a kind not known is a 送达回证.
  if (e.type === 'SERVE') {
    const doc = servedDocName(c, e.payload ?? {}, e.occurredOn, true);
    return doc ? `送达回证（${doc}）` : '送达回证';
  }
  // s60 W2 #6: a sole arbitrator decides alone — no 合议 (Rules Art. 60: a tribunal of three deliberates, 合议).
  if (e.type === 'ISSUE_AWARD' && c.tribunal?.kind === 'sole') return '裁决审批表';
  return FILE_ITEMS[e.type] ?? `${eventLabel(e.type)}记录`;
}
export async function coverPage(id, mount) {
  const body = h('div.cover-page', h('p.muted', '正在加载…'));
  mount('#/cases', body);
  let file;
  try {
    file = await loadFile(id);
  } catch (err) {
    fill(body, h('h1', '卷宗封面'), errorPanel(err));
    return;
  }
  const { c, events, docs } = file;
  setTitle(`卷宗封面 ${caseName(c)}`);
  const archive = (events ?? []).find((e) => e.type === 'ARCHIVE');
  const causes = [...new Set(c.claims.map((cl) => V().claimCategories[cl.category] ?? cl.category))].join('、');
  const index = [
    // ui49 L6: a service receipt is dated by its 送达日期 (a receipt entered late is not dated by its entry).
    ...(events ?? [])
      .filter((e) => e.type !== 'GENERATE_DOCUMENT')
      .map((e) => ({ on: (e.type === 'SERVE' && e.payload?.servedOn) || e.occurredOn, name: fileItem(e, c) })),
    ...(docs ?? []).map((d) => ({ on: chinaDate(d.createdAt), name: `${docName(c, d)} ${d.caseNo ?? ''}`.trim() })),
  ].sort((a, b) => a.on.localeCompare(b.on));
  fill(
    body,
    h(
      'div.actions.noprint',
      h('a.btn', { href: `#/cases/${c.id}` }, '返回案件'),
      h('button.btn.primary', { type: 'button', onclick: () => window.print() }, '打印封面与目录'),
    ),
    h(
      'article.cover',
      { 'aria-labelledby': 'cover-title' },
      h('p.commission', V().commissionName ?? ''),
      h('h1', { id: 'cover-title' }, c.track === 'mediation' ? '调解案件卷宗' : '仲裁案件卷宗'),
      dl([
        ['案号', caseName(c)],
        ['案由', causes],
        // ui52 L1: two parties of one name told apart (第N位申请人).
        ['申请人', sideWho(c, 'applicant').join('、')],
        ['被申请人', sideWho(c, 'respondent').join('、')],
        ['收案日期', c.receivedOn],
        ['受理日期', c.acceptedOn ?? '—'],
        ['结案日期', c.closure?.closedOn ?? '—'],
        ['结案方式', c.closure ? closureLabel(c.closure.mode) : '—'],
        ['仲裁员', c.tribunal ? c.tribunal.arbitrators.map((a) => a.displayName).join('、') : '—'],
        ['归档日期', c.proceedings?.archivedOn ?? '—'],
        ['保管期限', archive?.payload?.retentionYears ? `${archive.payload.retentionYears} 年` : '—'],
      ]),
    ),
    h(
      'section.cover-index',
      { 'aria-labelledby': 'index-title' },
      h('h2', { id: 'index-title' }, '卷内目录'),
      h(
        'table.t',
        h(
          'thead',
          h(
            'tr',
            ['序号', '文件名称', '日期', '页号', '备注'].map((x) => h('th', { scope: 'col' }, x)),
          ),
        ),
        h(
          'tbody',
          index.map((x, i) => h('tr', h('td', i + 1), h('td', x.name), h('td', x.on), h('td'), h('td'))),
        ),
      ),
    ),
  );
}

/**
 * The chair's marking of a collective case as major (重大集体劳动人事争议; domain.md §8.2): PATCH majorCollective alone,
 * until the case closes. The server asks the policy module; the button is only offered to the chair.
 */
/** ui52 L1: a side's parties by name, two of one name told apart (第N位申请人) as the dialogs' choices are. */
export function sideWho(c, code) {
  return partiesOf(c)
    .filter((p) => p.sideCode === code)
    .map((p) => p.who);
}
function markMajorButton(c, refresh) {
  if (state.user.role !== 'chair' || !c.collective || c.closure) return null;
  const btn = h(
    'button.btn.small',
    { type: 'button', 'data-testid': 'mark-major' },
    c.majorMarked ? '取消重大集体争议标记' : '标记为重大集体争议',
  );
  btn.onclick = guard(btn, async () => {
    // ui51 H1: marking (or unmarking) is an act on the case: asked first, naming it, the case and what it does.
    const marking = !c.majorMarked;
    const act = marking ? '标记为重大集体劳动人事争议' : '取消重大集体劳动人事争议标记';
    // ui52 L1, L3: parties of one name told apart; a long list abbreviated as the case list does (工人0、工人1、工人2 等30人).
    const workers = (c.applicants ?? []).length;
    const ok = await confirmDialog({
      title: `${act}？`,
      body: [
        h(
          'ul.original-what.major-what',
          h('li', h('span.muted', '操作：'), act),
          h(
            'li',
            h('span.muted', '案件：'),
            `${caseName(c)}（${partiesTitle(sideWho(c, 'applicant'), sideWho(c, 'respondent'))}${workers > 3 ? '' : workers ? `，申请人 ${workers} 人` : ''}）`,
          ),
        ),
        marking
          ? h(
              'ul.major-effects',
              h('li', '本案在案件列表、工作台中排在最前，优先处理（《劳动人事争议仲裁办案规则》第五条）；'),
              h('li', '计入统计中的“重大集体劳动人事争议案件”（件数、劳动者人数、结案数）；'),
              h('li', '案件页提示：按重大集体劳动人事争议信息报告制度报告，并由劳动行政部门启动应急调解协调机制。标记不改变任何办案期限。'),
            )
          : h(
              'ul.major-effects',
              h('li', '本案不再作为重大集体劳动人事争议排在列表最前；'),
              h('li', '不再计入统计中的“重大集体劳动人事争议案件”；'),
              h('li', '案件页不再显示信息报告与应急调解协调机制的提示。标记不改变任何办案期限。'),
            ),
        h('p.small.muted', '该操作记入本案办理记录。'),
      ],
      confirmLabel: marking ? '确认标记' : '确认取消标记',
      // ui53 L4: nothing here can be modified: the way back is 取消.
      cancelLabel: '取消',
      danger: !marking,
    });
    if (!ok) return;
    try {
      await api('PATCH', `/api/cases/${c.id}`, { majorCollective: marking }, { ifMatch: c.version });
      await refresh(c.majorMarked ? '已取消重大集体争议标记' : '已标记为重大集体劳动人事争议');
    } catch (err) {
      key.done(err);
      btn.after(errorPanel(err));
    }
  });
  return btn;
}
