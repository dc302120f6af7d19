// Zhongcai web interface: a small single-page app over the v1 HTTP API. No build step, no framework.
import { calculatorButton, claimLineButton, courtPackagePanel } from './features.js';
import { EVENT_FORMS, LABELS } from './forms.js';

const app = document.getElementById('app');
const state = { token: sessionStorage.getItem('zc.token'), user: null, vocab: null };

// ---------- DOM helper: h('tag.class', {attrs}, ...children); text is always set as text ----------
function h(sel, attrs, ...kids) {
  const [tag, ...classes] = sel.split('.');
  const el = document.createElement(tag || 'div');
  if (classes.length) el.className = classes.join(' ');
  // Anything that is not a plain attribute object (text, numbers including 0, nodes, arrays, null) is a child.
  if (attrs !== undefined && (attrs === null || typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    kids.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = v;
    // Through the CSSOM: the Content-Security-Policy refuses inline style attributes.
    else if (k === 'style') el.style.cssText = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const k of kids.flat(Infinity)) {
    if (k === null || k === undefined || k === false) continue;
    el.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return el;
}
/** replaceChildren that, like h(), skips null/false and flattens arrays. */
function fill(el, ...kids) {
  el.replaceChildren(...kids.flat(Infinity).filter((k) => k !== null && k !== undefined && k !== false));
  return el;
}
const today = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

// ---------- API ----------
class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}
async function api(method, path, body) {
  const r = await fetch(path, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(state.token ? { authorization: `Bearer ${state.token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (r.status === 401 && path !== '/api/auth/login') {
    logout('登录已失效，请重新登录', { remote: false });
    throw new ApiError(401, { detail: '需要登录' });
  }
  const text = await r.text();
  const data = text ? JSON.parse(text) : null;
  if (!r.ok) throw new ApiError(r.status, data);
  return data;
}
async function download(path, filename) {
  const r = await fetch(path, { headers: { authorization: `Bearer ${state.token}` } });
  if (r.status === 401) return logout('登录已失效，请重新登录', { remote: false });
  if (!r.ok) throw new ApiError(r.status, await r.json().catch(() => null));
  const blob = await r.blob();
  const a = h('a', { href: URL.createObjectURL(blob), download: filename });
  document.body.append(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(a.href);
    a.remove();
  }, 1000);
}
function logout(message, opts = { remote: true }) {
  const token = state.token;
  state.token = null;
  state.user = null;
  sessionStorage.removeItem('zc.token');
  if (opts.remote && token) fetch('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(() => {});
  sessionStorage.setItem('zc.flash', message ?? '');
  // replaceState never fires hashchange (and a hash set while the page loads may not either): render directly.
  history.replaceState(null, '', '#/login');
  document.querySelector('dialog')?.remove();
  loginPage();
}

// ---------- labels ----------
const V = () => state.vocab;
const stateLabel = (s) => V().states[s] ?? s;
const eventLabel = (t) => V().events[t] ?? t;
const roleLabel = (r) => V().roles[r] ?? r;
const money = (s) => (s === null || s === undefined ? '—' : `${Number(s).toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元`);
/** The toolkit the issue-17 module (features.js) builds with. */
const ui = () => ({ h, fill, api, download, money });
const pct = (v) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(2)}%`);
function stateBadge(s) {
  const cls =
    s.startsWith('closed') || s === 'archived' || s === 'award_effective'
      ? 'ok'
      : s === 'rejected'
        ? 'bad'
        : s === 'suspended'
          ? 'warn'
          : 'info';
  return h(`span.badge.${cls}`, stateLabel(s));
}
function deadlineBadge(d) {
  const map = {
    overdue: ['bad', '已逾期'],
    open: ['info', '进行中'],
    met: ['ok', '已完成'],
    met_late: ['warn', '逾期完成'],
    paused: ['warn', '暂停计算'],
    unknown: ['warn', '待定'],
  };
  const [c, t] = map[d.status] ?? ['info', d.status];
  return h(`span.badge.${c}`, t);
}

// ---------- forms: field errors from problem+json ----------
function showErrors(form, err) {
  for (const el of form.querySelectorAll('.field-error')) el.textContent = '';
  for (const el of form.querySelectorAll('.invalid')) el.classList.remove('invalid');
  const box = form.querySelector('.form-alert');
  if (box) fill(box);
  const errors = err?.problem?.errors ?? [];
  let first = null;
  const unplaced = [];
  for (const e of errors) {
    const input = form.querySelector(`[data-path="${CSS.escape(e.path)}"]`);
    if (input) {
      input.classList.add('invalid');
      input.setAttribute('aria-invalid', 'true');
      const slot = form.querySelector(`[data-error-for="${CSS.escape(e.path)}"]`);
      if (slot) slot.textContent = e.message;
      first ??= input;
    } else unplaced.push(`${e.path}：${e.message}`);
  }
  if (box && (unplaced.length || !errors.length)) {
    box.append(
      h(
        'div.alert.bad',
        { role: 'alert' },
        err?.message ?? '提交失败',
        unplaced.length
          ? h(
              'ul',
              unplaced.map((u) => h('li', u)),
            )
          : null,
      ),
    );
  }
  first?.focus();
}
function field(label, path, input, opts = {}) {
  input.dataset.path = path;
  if (!input.id) input.id = `f-${path.replaceAll('.', '-')}-${Math.random().toString(36).slice(2, 7)}`;
  if (opts.required) input.setAttribute('aria-required', 'true');
  const err = h('span.field-error', { 'data-error-for': path, id: `${input.id}-err`, role: 'status' });
  input.setAttribute('aria-describedby', err.id);
  return h(
    'label.f',
    { for: input.id, style: opts.wide ? 'flex:1 1 100%' : opts.grow ? 'flex:1' : null },
    h('span', label, opts.required ? h('span.req', '*') : null),
    input,
    opts.hint ? h('span.small.muted', opts.hint) : null,
    err,
  );
}
const input = (type, attrs = {}) => h('input', { type, ...attrs });
function select(options, attrs = {}) {
  return h(
    'select',
    attrs,
    Object.entries(options).map(([v, l]) => h('option', { value: v, selected: attrs.value === v }, l)),
  );
}
function setError(form, path, message) {
  const el = form.querySelector(`[data-path="${CSS.escape(path)}"]`);
  const slot = form.querySelector(`[data-error-for="${CSS.escape(path)}"]`);
  if (slot) slot.textContent = message ?? '';
  el?.classList.toggle('invalid', Boolean(message));
  if (message) el?.setAttribute('aria-invalid', 'true');
  else el?.removeAttribute('aria-invalid');
}

// Client-side checks mirror the server's (GB 11643, GB 32100, money); the server remains the judge.
function checkIdNumber(s) {
  if (!s) return null;
  if (!/^\d{17}[\dXx]$/.test(s)) return '身份证号码应为18位，最后一位可为数字或X';
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((a, x, i) => a + x * Number(s[i]), 0);
  return '10X98765432'[sum % 11] === s[17].toUpperCase() ? null : '身份证号码校验位不正确';
}
function checkCreditCode(s) {
  if (!s) return null;
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  if (!/^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/.test(s)) return '统一社会信用代码应为18位（不含I、O、Z、S、V）';
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = w.reduce((a, x, i) => a + x * chars.indexOf(s[i]), 0);
  return chars[(31 - (sum % 31)) % 31] === s[17] ? null : '统一社会信用代码校验位不正确';
}
const checkMoney = (s) => (!s || /^\d{1,12}(\.\d{1,2})?$/.test(s) ? null : '金额应为数字，最多两位小数，如 26400.00');

// ---------- layout ----------
const NAV = [
  ['#/', '工作台', null],
  ['#/cases', '案件', null],
  ['#/cases/new', '登记申请', ['clerk', 'admin']],
  ['#/mediation', '调解', ['mediator', 'clerk', 'admin']],
  ['#/stats', '统计分析', ['analyst', 'chair', 'admin']],
];
function layout(active, ...content) {
  const u = state.user;
  return h(
    'div',
    h(
      'header.top',
      h('span.brand', '仲裁'),
      h('span.org', '劳动人事争议仲裁案件管理'),
      h('span.spacer'),
      h('span', `${u.displayName}（${roleLabel(u.role)}）`),
      h('button', { type: 'button', onclick: () => (location.hash = '#/password') }, '修改密码'),
      h('button', { type: 'button', onclick: () => logout('已退出登录') }, '退出'),
    ),
    h(
      'div.shell',
      h(
        'nav.side',
        { 'aria-label': '主导航' },
        NAV.filter(([, , roles]) => !roles || roles.includes(u.role)).map(([href, label]) =>
          h('a', { href, class: href === active ? 'active' : null, 'aria-current': href === active ? 'page' : null }, label),
        ),
      ),
      h('main', { id: 'main' }, content),
    ),
  );
}
function mount(node) {
  app.replaceChildren(node);
}
function errorPanel(err) {
  return h('div.alert.bad', { role: 'alert' }, `出错了：${err.message}`);
}

// ---------- pages ----------
function loginPage() {
  const flash = sessionStorage.getItem('zc.flash');
  sessionStorage.removeItem('zc.flash');
  const form = h(
    'form.login',
    { novalidate: true },
    h('h1', '仲裁案件管理'),
    flash ? h('div.alert.warn', flash) : null,
    h('div.form-alert'),
    field('用户名', 'username', input('text', { autocomplete: 'username', name: 'username', required: true }), { required: true }),
    field('密码', 'password', input('password', { autocomplete: 'current-password', name: 'password', required: true }), {
      required: true,
    }),
    h('button.btn.primary', { type: 'submit', style: 'width:100%' }, '登录'),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    try {
      const r = await api('POST', '/api/auth/login', { username: fd.get('username'), password: fd.get('password') });
      state.token = r.token;
      state.user = r.user;
      sessionStorage.setItem('zc.token', r.token);
      location.hash = '#/';
    } catch (err) {
      showErrors(form, err.status === 401 ? { message: '用户名或密码不正确', problem: {} } : err);
    }
  });
  mount(form);
  form.querySelector('input')?.focus();
}

/** Changing one's password (required after an admin's reset; the server ends the user's other sessions). */
function passwordPage() {
  const form = h(
    'form.login',
    { novalidate: true },
    h('h1', '修改密码'),
    state.user?.mustChangePassword ? h('div.alert.warn', '管理员已重置您的密码，请先设置新密码') : null,
    h('div.form-alert'),
    field('当前密码', 'currentPassword', input('password', { autocomplete: 'current-password', name: 'currentPassword', required: true }), {
      required: true,
    }),
    field('新密码', 'newPassword', input('password', { autocomplete: 'new-password', name: 'newPassword', required: true }), {
      required: true,
      hint: '至少12个字符，不能是常见密码',
    }),
    h('button.btn.primary', { type: 'submit', style: 'width:100%' }, '修改密码'),
    h('button.btn', { type: 'button', style: 'width:100%;margin-top:.5rem', onclick: () => logout('已退出登录') }, '退出'),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    try {
      await api('POST', '/api/auth/password', { currentPassword: fd.get('currentPassword'), newPassword: fd.get('newPassword') });
      state.user = { ...state.user, mustChangePassword: false };
      location.hash = '#/';
      route();
    } catch (err) {
      showErrors(form, err);
    }
  });
  mount(form);
  form.querySelector('input')?.focus();
}

async function workbench() {
  const u = state.user;
  const body = h('div', h('h1', '工作台'), h('p.muted', '正在加载…'));
  mount(layout('#/', body));
  try {
    const canStats = ['analyst', 'chair', 'admin'].includes(u.role);
    const [deadlines, mine, rate] = await Promise.all([
      api('GET', `/api/deadlines?within=14&assignee=${['arbitrator', 'clerk', 'chair', 'mediator'].includes(u.role) ? 'me' : 'all'}`),
      api(
        'GET',
        `/api/cases?pageSize=10${u.role === 'arbitrator' ? `&arbitratorId=${u.id}` : u.role === 'mediator' ? '&track=mediation' : ''}`,
      ),
      canStats ? api('GET', `/api/stats/closure?period=${today().slice(0, 4)}`) : null,
    ]);
    const overdue = deadlines.filter((d) => d.status === 'overdue');
    const soon = deadlines.filter((d) => d.status !== 'overdue' && d.dueOn && d.dueOn <= addDays(today(), 3));
    fill(
      body,
      h('h1', '工作台'),
      h(
        'div.cards',
        card('已逾期期限', overdue.length, overdue.length ? 'bad' : 'ok'),
        card('三日内到期', soon.length, soon.length ? 'warn' : ''),
        card('十四日内到期', deadlines.length - overdue.length, ''),
        card(u.role === 'arbitrator' ? '我承办的案件' : '案件总数', mine.total, ''),
        rate
          ? card(
              `本年仲裁结案率（目标 ${pct(rate.target)}）`,
              pct(rate.closureRate),
              rate.meetsTarget === false ? 'bad' : 'ok',
              () => (location.hash = '#/stats'),
            )
          : null,
      ),
      h(
        'div.panel',
        h('h2', '我的期限（逾期在前，临期次之）'),
        deadlines.length
          ? h(
              'table.t',
              h(
                'thead',
                h(
                  'tr',
                  ['案件', '期限', '到期日', '状态', '说明'].map((x) => h('th', x)),
                ),
              ),
              h(
                'tbody',
                deadlines.map((d) =>
                  h(
                    'tr',
                    h(
                      'td',
                      h('a', { href: `#/cases/${d.caseId}` }, d.caseNo ?? `申请#${d.caseId}`),
                      h('div.small.muted', d.applicantNames.join('、')),
                    ),
                    h('td', d.label),
                    h('td', d.dueOn ? `${d.dueOn}${d.provisional ? '（暂定）' : ''}` : '待定'),
                    h('td', deadlineBadge(d)),
                    h('td.small', d.explanation),
                  ),
                ),
              ),
            )
          : h('div.empty', '十四日内没有到期的期限'),
      ),
      h('div.panel', h('h2', u.role === 'arbitrator' ? '我承办的案件' : '最近的案件'), caseTable(mine.items)),
    );
  } catch (err) {
    body.append(errorPanel(err));
  }
}
const card = (label, n, cls, onclick) =>
  h(`div.card${cls ? `.${cls}` : ''}`, onclick ? h('button.n', { type: 'button', onclick }, n) : h('div.n', n), h('div.l', label));
function addDays(d, n) {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 864e5).toISOString().slice(0, 10);
}
/** At most three names, then “等N人” (collective disputes list dozens of workers). */
const names = (list) => (list.length > 3 ? `${list.slice(0, 3).join('、')} 等${list.length}人` : list.join('、'));
function caseTable(items) {
  if (!items.length) return h('div.empty', '没有符合条件的案件');
  return h(
    'table.t',
    h(
      'thead',
      h(
        'tr',
        ['案号', '申请人', '被申请人', '状态', '地区', '收到申请', '标记'].map((x) => h('th', x)),
      ),
    ),
    h(
      'tbody',
      items.map((c) =>
        h(
          'tr',
          h('td', h('a', { href: `#/cases/${c.id}` }, c.caseNo ?? (c.track === 'mediation' ? `调解#${c.id}` : `申请#${c.id}`))),
          h('td', names(c.applicantNames)),
          h('td', names(c.respondentNames)),
          h('td', stateBadge(c.state)),
          h('td', c.district),
          h('td', c.receivedOn),
          h(
            'td',
            c.wageArrears ? h('span.badge.bad', '欠薪') : null,
            ' ',
            c.collective ? h('span.badge.warn', '集体') : null,
            ' ',
            c.procedure === 'simple' ? h('span.badge', '简易') : null,
          ),
        ),
      ),
    ),
  );
}

async function caseList(params) {
  const q = new URLSearchParams(params);
  const page = Number(q.get('page') ?? 1);
  const form = h(
    'form.panel.row',
    { role: 'search' },
    field('案号或当事人', 'q', input('search', { name: 'q', value: q.get('q') ?? '', placeholder: '如 聊劳人仲案字 或 张三' }), {
      grow: true,
    }),
    field('状态', 'state', select({ '': '全部', ...V().states }, { name: 'state', value: q.get('state') ?? '' })),
    field(
      '地区',
      'district',
      select({ '': '全部', ...Object.fromEntries(V().districts.map((d) => [d, d])) }, { name: 'district', value: q.get('district') ?? '' }),
    ),
    field('程序', 'procedure', select({ '': '全部', ...V().procedures }, { name: 'procedure', value: q.get('procedure') ?? '' })),
    h('label.check', input('checkbox', { name: 'overdue', value: 'true', checked: q.get('overdue') === 'true' }), '有逾期期限'),
    h('label.check', input('checkbox', { name: 'wageArrears', value: 'true', checked: q.get('wageArrears') === 'true' }), '欠薪'),
    h('label.check', input('checkbox', { name: 'collective', value: 'true', checked: q.get('collective') === 'true' }), '集体争议'),
    h('button.btn.primary', { type: 'submit' }, '查询'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) next.set(k, String(v));
    location.hash = `#/cases?${next}`;
  });
  const result = h('div', h('p.muted', '正在加载…'));
  mount(layout('#/cases', h('h1', '案件'), form, result));
  try {
    const api_q = new URLSearchParams(q);
    api_q.set('page', String(page));
    api_q.set('pageSize', '20');
    const r = await api('GET', `/api/cases?${api_q}`);
    const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
    const go = (p) => {
      const n = new URLSearchParams(q);
      n.set('page', String(p));
      location.hash = `#/cases?${n}`;
    };
    fill(
      result,
      h(
        'div.panel',
        caseTable(r.items),
        h(
          'div.pager',
          h('span.muted', `共 ${r.total} 件，第 ${page}/${pages} 页`),
          h('button.btn.small', { type: 'button', disabled: page <= 1, onclick: () => go(page - 1) }, '上一页'),
          h('button.btn.small', { type: 'button', disabled: page >= pages, onclick: () => go(page + 1) }, '下一页'),
        ),
      ),
    );
  } catch (err) {
    fill(result, errorPanel(err));
  }
}

// ----- registration -----
function partyBlock(side, i, kind = side === 'applicant' ? 'person' : 'organization', track = 'arbitration') {
  const p = `${side}s.${i}`;
  const box = h('div.repeat', { dataset: { party: p } });
  const kindSel = select({ person: '自然人', organization: '用人单位/组织' }, { value: kind, 'data-path': `${p}.kind` });
  const render = () => {
    const k = kindSel.value;
    const idIn = input('text', { maxlength: 18, autocomplete: 'off', inputmode: 'text' });
    idIn.addEventListener('blur', () => setError(box, `${p}.idNumber`, checkIdNumber(idIn.value.trim())));
    const ccIn = input('text', { maxlength: 18, autocomplete: 'off' });
    ccIn.addEventListener('blur', () => setError(box, `${p}.creditCode`, checkCreditCode(ccIn.value.trim().toUpperCase())));
    fill(
      box,
      h(
        'div.head',
        h('span', `${side === 'applicant' ? (track === 'mediation' ? '申请人' : '申请人') : '被申请人'} ${i + 1}`),
        h('span', field('类型', `${p}.kind`, kindSel)),
      ),
      h(
        'div.row',
        field(k === 'person' ? '姓名' : '名称', `${p}.name`, input('text', { maxlength: 100 }), { required: true, grow: true }),
        k === 'person'
          ? field('公民身份号码', `${p}.idNumber`, idIn, { hint: 'GB 11643 十八位' })
          : field('统一社会信用代码', `${p}.creditCode`, ccIn),
        k === 'organization' ? field('法定代表人', `${p}.legalRepresentative`, input('text', { maxlength: 100 })) : null,
        field('联系电话', `${p}.phone`, input('text', { maxlength: 20 })),
        field('住所/地址', `${p}.address`, input('text', { maxlength: 200 }), { grow: true }),
      ),
      h('div.agents', { dataset: { agents: p } }),
      h('button.btn.small', { type: 'button', onclick: () => addAgent(box, p) }, '＋ 委托代理人'),
    );
  };
  kindSel.addEventListener('change', render);
  render();
  return box;
}
function addAgent(box, p) {
  const list = box.querySelector(`[data-agents="${p}"]`);
  const j = list.children.length;
  const a = `${p}.agents.${j}`;
  list.append(
    h(
      'div.row',
      { dataset: { agent: a } },
      field('代理人姓名', `${a}.name`, input('text', { maxlength: 100 }), { required: true }),
      field('代理人类别', `${a}.kind`, select(V().agentKinds)),
      field('工作单位', `${a}.unit`, input('text', { maxlength: 100 })),
      field('电话', `${a}.phone`, input('text', { maxlength: 20 })),
    ),
  );
}
function claimBlock(i) {
  const c = `claims.${i}`;
  const amount = input('text', { inputmode: 'decimal', placeholder: '如 12000.00' });
  const box = h(
    'div.repeat.row',
    { dataset: { claim: c } },
    field('请求类别', `${c}.category`, select(V().claimCategories), { required: true }),
    field('金额（元）', `${c}.amount`, amount),
    field('请求内容', `${c}.description`, input('text', { maxlength: 500 }), { required: true, grow: true }),
  );
  amount.addEventListener('blur', () => setError(box, `${c}.amount`, checkMoney(amount.value.trim())));
  return box;
}
function collectParties(form, side) {
  return [...form.querySelectorAll(`[data-party^="${side}s."]`)].map((box) => {
    const p = box.dataset.party;
    const v = (k) => box.querySelector(`[data-path="${p}.${k}"]`)?.value.trim() ?? '';
    const out = { kind: v('kind'), name: v('name') };
    for (const k of ['idNumber', 'creditCode', 'legalRepresentative', 'phone', 'address'])
      if (v(k)) out[k] = k === 'creditCode' ? v(k).toUpperCase() : v(k);
    const agents = [...box.querySelectorAll('[data-agent]')].map((row) => {
      const a = row.dataset.agent;
      const g = (k) => row.querySelector(`[data-path="${a}.${k}"]`)?.value.trim() ?? '';
      return { name: g('name'), kind: g('kind'), ...(g('unit') ? { unit: g('unit') } : {}), ...(g('phone') ? { phone: g('phone') } : {}) };
    });
    if (agents.length) out.agents = agents;
    return out;
  });
}

function registerPage(track = 'arbitration') {
  const form = h('form', { novalidate: true });
  const applicants = h('div');
  const respondents = h('div');
  const claims = h('div');
  applicants.append(partyBlock('applicant', 0, 'person', track));
  respondents.append(partyBlock('respondent', 0));
  claims.append(claimBlock(0));
  const knew = input('date');
  fill(
    form,
    h('div.form-alert'),
    h(
      'fieldset',
      h('legend', '基本信息'),
      h(
        'div.row',
        field('收到申请日期', 'receivedOn', input('date', { value: today(), max: today() }), { required: true }),
        field('申请方式', 'channel', select(V().channels)),
        field('管辖地区', 'district', select(Object.fromEntries(V().districts.map((d) => [d, d]))), { required: true }),
        track === 'arbitration' ? field('程序', 'procedure', select(V().procedures)) : null,
        h('label.check', input('checkbox', { 'data-path': 'wageArrears' }), '拖欠工资（农民工工资优先）'),
      ),
      h('div.row', field('事实与理由', 'facts', h('textarea', { maxlength: 20000, rows: 3 }), { wide: true })),
    ),
    h(
      'fieldset',
      h('legend', '申请人'),
      applicants,
      h(
        'button.btn.small',
        { type: 'button', onclick: () => applicants.append(partyBlock('applicant', applicants.children.length, 'person', track)) },
        '＋ 申请人',
      ),
    ),
    h(
      'fieldset',
      h('legend', '被申请人'),
      respondents,
      h(
        'button.btn.small',
        { type: 'button', onclick: () => respondents.append(partyBlock('respondent', respondents.children.length)) },
        '＋ 被申请人',
      ),
    ),
    h(
      'fieldset',
      h('legend', track === 'mediation' ? '请求事项' : '仲裁请求'),
      claims,
      h('button.btn.small', { type: 'button', onclick: () => claims.append(claimBlock(claims.children.length)) }, '＋ 请求'),
    ),
    track === 'arbitration'
      ? h(
          'fieldset',
          h('legend', '仲裁时效（选填）'),
          h(
            'div.row',
            field('知道或应当知道权利被侵害之日', 'limitation.knewOn', knew),
            field('劳动关系终止日', 'limitation.employmentEndedOn', input('date')),
          ),
          h('p.small.muted', '填写后系统按《劳动争议调解仲裁法》第二十七条提示时效情况；仅作提示，不影响受理。'),
        )
      : null,
    h(
      'div.actions',
      h('button.btn.primary', { type: 'submit' }, track === 'mediation' ? '登记调解申请' : '登记仲裁申请'),
      h('a.btn', { href: '#/cases' }, '取消'),
    ),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const val = (p) => form.querySelector(`[data-path="${p}"]`);
    const body = {
      track,
      receivedOn: val('receivedOn').value,
      channel: val('channel').value,
      district: val('district').value,
      wageArrears: val('wageArrears').checked,
      applicants: collectParties(form, 'applicant'),
      respondents: collectParties(form, 'respondent'),
      claims: [...form.querySelectorAll('[data-claim]')].map((box) => {
        const c = box.dataset.claim;
        const g = (k) => box.querySelector(`[data-path="${c}.${k}"]`).value.trim();
        return { category: g('category'), description: g('description'), ...(g('amount') ? { amount: g('amount') } : {}) };
      }),
    };
    if (val('procedure')) body.procedure = val('procedure').value;
    if (val('facts').value.trim()) body.facts = val('facts').value.trim();
    const k = val('limitation.knewOn');
    if (k?.value)
      body.limitation = {
        knewOn: k.value,
        ...(val('limitation.employmentEndedOn').value ? { employmentEndedOn: val('limitation.employmentEndedOn').value } : {}),
      };
    const btn = form.querySelector('button[type=submit]');
    btn.disabled = true;
    try {
      const c = await api('POST', '/api/cases', body);
      if (c.limitation?.status === 'expired')
        sessionStorage.setItem('zc.caseflash', `已登记。时效提示：${c.limitation.explanation ?? '可能已超过仲裁时效'}`);
      else sessionStorage.setItem('zc.caseflash', '已登记。');
      location.hash = `#/cases/${c.id}`;
    } catch (err) {
      showErrors(form, err);
    } finally {
      btn.disabled = false;
    }
  });
  return form;
}

// ----- case page -----
async function casePage(id) {
  const body = h('div', h('p.muted', '正在加载…'));
  mount(layout('#/cases', body));
  let c;
  let events;
  let next;
  let docs;
  try {
    [c, events, next, docs] = await Promise.all([
      api('GET', `/api/cases/${id}`),
      api('GET', `/api/cases/${id}/events`),
      api('GET', `/api/cases/${id}/next-events`),
      // Analysts read case summaries, not documents (403): no documents panel then.
      api('GET', `/api/cases/${id}/documents`).catch((err) => (err.status === 403 ? null : Promise.reject(err))),
    ]);
  } catch (err) {
    fill(body, err.status === 404 ? h('div.alert.bad', `没有编号为 ${id} 的案件`) : errorPanel(err));
    return;
  }
  const flash = sessionStorage.getItem('zc.caseflash');
  sessionStorage.removeItem('zc.caseflash');
  const parties = [
    ...c.applicants.map((p) => ['申请人', p]),
    ...c.respondents.map((p) => ['被申请人', p]),
    ...(c.thirdParties ?? []).map((p) => ['第三人', p]),
  ];
  const awardItem = (claimId) => c.award?.items.find((i) => i.claimId === claimId);
  const claimLineBox = h('div', { 'aria-live': 'polite' });
  const refresh = () => casePage(id);
  fill(
    body,
    flash ? h('div.alert.ok', { role: 'status' }, flash) : null,
    c.limitation
      ? h(
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
        )
      : null,
    h(
      'div.panel',
      h(
        'div.case-head',
        h('span.no', c.caseNo ?? (c.track === 'mediation' ? `调解申请 #${c.id}` : `仲裁申请 #${c.id}`)),
        stateBadge(c.state),
        h(
          'span.muted',
          `${c.district} · ${V().procedures[c.procedure] ?? c.procedure} · 收到 ${c.receivedOn}${c.acceptedOn ? ` · 受理 ${c.acceptedOn}` : ''}`,
        ),
        c.wageArrears ? h('span.badge.bad', '欠薪') : null,
        c.collective ? h('span.badge.warn', '集体争议') : null,
      ),
      c.tribunal
        ? h(
            'p.small',
            `仲裁庭：${c.tribunal.arbitrators.map((a) => `${a.displayName}${a.presiding ? '（首席/独任）' : ''}`).join('、')}（${c.tribunal.formedOn} 组成）`,
          )
        : null,
      c.closure ? h('p.small', `结案：${LABELS.closure[c.closure.mode] ?? c.closure.mode}，${c.closure.closedOn}`) : null,
      c.readLevel && c.readLevel !== 'full'
        ? h(
            'p.small.muted',
            { role: 'note' },
            c.readLevel === 'summary'
              ? '案件摘要：身份证号码、联系方式、办理记录内容与文书不向统计人员显示'
              : '非本人承办的案件：身份证号码已隐去部分，联系方式不显示',
          )
        : null,
      h('h2', '下一步'),
      next.length
        ? h(
            'div.actions',
            { role: 'group', 'aria-label': '可办理的操作' },
            next.map((n) => h('button.btn', { type: 'button', onclick: () => openEventForm(c, n.type, refresh) }, n.label)),
          )
        : h('p.muted', '当前没有您可以办理的操作'),
    ),
    h(
      'div.grid2',
      h(
        'div',
        h(
          'div.panel',
          h('h2', '当事人'),
          h(
            'table.t',
            h(
              'tbody',
              parties.map(([role, p]) =>
                h(
                  'tr',
                  h('td', role),
                  h('td', p.name, p.agents?.length ? h('div.small.muted', `代理人：${p.agents.map((a) => a.name).join('、')}`) : null),
                  h('td.small', p.kind === 'person' ? (p.idNumber ?? '') : (p.creditCode ?? '')),
                ),
              ),
            ),
          ),
        ),
        h(
          'div.panel',
          h('h2', '仲裁请求'),
          h(
            'table.t',
            h(
              'thead',
              h(
                'tr',
                ['#', '类别', '请求', '金额', '裁决', ''].map((x) => h('th', x)),
              ),
            ),
            h(
              'tbody',
              c.claims.map((cl) => {
                const it = awardItem(cl.id);
                return h(
                  'tr',
                  h('td', cl.seq),
                  h('td', V().claimCategories[cl.category] ?? cl.category),
                  h('td', cl.description ?? '—'),
                  h('td.num', money(cl.amount)),
                  h(
                    'td',
                    it
                      ? [
                          LABELS.outcome[it.outcome],
                          it.amount ? ` ${money(it.amount)}` : '',
                          ' ',
                          h(`span.${it.final ? 'final-yes' : 'final-no'}`, it.final ? '终局' : '非终局'),
                        ]
                      : '—',
                  ),
                  h('td', c.readLevel === 'summary' ? null : claimLineButton(ui(), c, cl, claimLineBox)),
                );
              }),
            ),
          ),
          c.award ? h('p.small', `裁决：${LABELS.finality[c.award.finality]}，${c.award.issuedOn} 作出`) : null,
          claimLineBox,
        ),
        docs ? docsPanel(c, docs, refresh) : null,
        courtPackagePanel(ui(), c, state.user?.role),
      ),
      h(
        'div',
        h(
          'div.panel',
          h('h2', '期限'),
          c.deadlines.length
            ? h(
                'table.t',
                h(
                  'tbody',
                  c.deadlines.map((d) =>
                    h(
                      'tr',
                      h('td', partyNamed(d.label, parties), h('div.small.muted', d.explanation)),
                      h('td', d.dueOn ? `${d.dueOn}${d.provisional ? '（暂定）' : ''}` : '待定'),
                      h('td', deadlineBadge(d)),
                    ),
                  ),
                ),
              )
            : h('div.empty', '没有期限'),
        ),
        h(
          'div.panel',
          h('h2', '办理记录'),
          h(
            'ol.timeline',
            events.map((e) =>
              h(
                'li',
                h('div', h('strong', eventLabel(e.type)), ` · ${e.occurredOn}`),
                h(
                  'div.when',
                  `${e.actor?.name ?? ''}（${roleLabel(e.actor?.role ?? '')}）记录于 ${new Date(e.recordedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}`,
                ),
                e.stateAfter && e.stateAfter !== e.stateBefore ? h('div.small', `→ ${stateLabel(e.stateAfter)}`) : null,
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Deadline labels name parties by id ("当事人11"); show their names. */
function partyNamed(label, parties) {
  return label.replace(/当事人(\d+)/g, (m, id) => parties.find(([, p]) => String(p.id) === id)?.[1].name ?? m);
}

function docsPanel(c, docs, refresh) {
  const kind = select(V().documentKinds, { 'aria-label': '文书种类' });
  // A decision names its matter; a draft is marked 草稿 and carries only the seal placeholder.
  const matter = select(
    { suspension: '中止审理', extension: '延长审理期限', termination: '终止审理', correction: '补正' },
    { 'aria-label': '决定事项' },
  );
  const draft = input('checkbox', { 'aria-label': '草稿' });
  const showMatter = () => {
    matter.hidden = kind.value !== 'decision';
  };
  kind.addEventListener('change', showMatter);
  showMatter();
  const msg = h('div');
  const gen = async () => {
    fill(msg);
    try {
      await api('POST', `/api/cases/${c.id}/documents`, {
        kind: kind.value,
        ...(kind.value === 'decision' ? { matter: matter.value } : {}),
        ...(draft.checked ? { draft: true } : {}),
      });
      refresh();
    } catch (err) {
      fill(msg, h('div.alert.bad', { role: 'alert' }, err.message));
    }
  };
  return h(
    'div.panel',
    h('h2', '文书'),
    docs.length
      ? h(
          'table.t',
          h(
            'tbody',
            docs.map((d) =>
              h(
                'tr',
                h('td', d.title ?? V().documentKinds[d.kind] ?? d.kind, d.number ? h('div.small.muted', d.number) : null),
                h('td.small', d.createdAt?.slice(0, 10) ?? ''),
                // A document prints identity numbers and addresses: downloadable by those who read the case in full.
                c.readLevel === 'full' || !c.readLevel
                  ? h(
                      'td',
                      h(
                        'button.btn.small',
                        {
                          type: 'button',
                          onclick: () =>
                            download(`/api/documents/${d.id}`, `${d.kind}-${d.id}.pdf`).catch((e) =>
                              fill(msg, h('div.alert.bad', e.message)),
                            ),
                        },
                        '下载 PDF',
                      ),
                    )
                  : h('td.small.muted', '仅本案承办人员可下载'),
              ),
            ),
          ),
        )
      : h('div.empty', '尚未生成文书'),
    h(
      'div.row',
      { style: 'margin-top:.5rem' },
      kind,
      matter,
      h('label.check', draft, '草稿'),
      h('button.btn', { type: 'button', onclick: gen }, '生成'),
    ),
    msg,
  );
}

// ----- event forms (specs in forms.js) -----
/** Sets `path` in the body: 'target.userId' → {target: {userId}}, 'add.0.amount' → {add: [{amount}]}. */
function put(b, path, v) {
  const keys = path.split('.');
  let o = b;
  keys.slice(0, -1).forEach((k, i) => {
    o[k] ??= /^\d+$/.test(keys[i + 1]) ? [] : {};
    o = o[k];
  });
  o[keys.at(-1)] = v;
}
async function openEventForm(c, type, done) {
  const spec = EVENT_FORMS[type] ?? [];
  const staff = spec.some((f) => f.kind.startsWith('arbitrator')) ? await api('GET', '/api/staff?role=arbitrator') : [];
  const parties = [
    ...c.applicants.map((p) => ({ ...p, side: '申请人' })),
    ...c.respondents.map((p) => ({ ...p, side: '被申请人' })),
    ...(c.thirdParties ?? []).map((p) => ({ ...p, side: '第三人' })),
  ];
  const form = h('form', { method: 'dialog', novalidate: true });
  const dlg = h('dialog', { 'aria-labelledby': 'dlg-title' }, form);
  const fields = h(
    'div.db',
    h('div.form-alert'),
    field('发生日期', 'occurredOn', input('date', { value: today(), max: today() }), { required: true }),
  );
  const getters = [];
  for (const f of spec) {
    const path = f.name;
    let el;
    if (f.kind === 'award') {
      const { node, get } = awardEditor(c);
      fields.append(node);
      getters.push(get);
      continue;
    }
    if (f.kind === 'textarea') el = h('textarea', { rows: 3 });
    else if (f.kind === 'date') el = input('date');
    else if (f.kind === 'time') el = input('time');
    else if (f.kind === 'int') el = input('number', { min: f.min ?? 0, step: 1, value: f.default ?? '' });
    else if (f.kind === 'bool') {
      el = input('checkbox', { checked: f.default === true });
      el.dataset.path = path;
      fields.append(h('label.check', el, f.label), h('span.field-error', { 'data-error-for': path }));
      getters.push((b) => {
        if (el.checked || !f.omitFalse) put(b, path, el.checked);
      });
      continue;
    } else if (f.kind === 'select') el = select({ ...(f.required ? {} : { '': '（不选）' }), ...f.options });
    else if (f.kind === 'category') el = select({ '': '（不选）', ...V().claimCategories });
    else if (f.kind === 'party') el = select(Object.fromEntries(parties.map((p) => [p.id, `${p.side}：${p.name}`])));
    else if (f.kind === 'arbitrator') el = select(Object.fromEntries(staff.map((s) => [s.id, s.displayName])));
    else if (f.kind === 'parties' || f.kind === 'claims' || f.kind === 'arbitrators') {
      const opts =
        f.kind === 'parties'
          ? parties.map((p) => [p.id, `${p.side}：${p.name}`])
          : f.kind === 'claims'
            ? c.claims.map((cl) => [cl.id, `${cl.seq}. ${cl.description}`])
            : staff.map((s) => [s.id, s.displayName]);
      el = h(
        'select',
        { multiple: true, size: Math.min(6, Math.max(3, opts.length)) },
        opts.map(([v, l]) => h('option', { value: v }, l)),
      );
    } else if (f.kind === 'lines') el = h('textarea', { rows: 3, placeholder: '每行一项' });
    else el = input('text', { maxlength: f.max ?? 200 });
    fields.append(field(f.label, path, el, { required: f.required, wide: f.kind === 'textarea' || f.kind === 'lines', hint: f.hint }));
    getters.push((b) => {
      if (f.kind === 'parties' || f.kind === 'claims' || f.kind === 'arbitrators') {
        const ids = [...el.selectedOptions].map((o) => Number(o.value));
        if (ids.length) put(b, path, ids);
      } else if (f.kind === 'lines') {
        const lines = el.value
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean);
        if (lines.length) put(b, path, lines);
      } else if (el.value !== '')
        put(b, path, f.kind === 'int' || ['party', 'arbitrator'].includes(f.kind) ? Number(el.value) : el.value.trim());
    });
  }
  form.append(
    h('div.dh', h('span', { id: 'dlg-title' }, eventLabel(type)), h('span.small.muted', c.caseNo ?? '')),
    fields,
    h(
      'div.df',
      h('button.btn', { type: 'button', onclick: () => dlg.close() }, '取消'),
      h('button.btn.primary', { type: 'submit' }, '确定'),
    ),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { type, occurredOn: form.querySelector('[data-path="occurredOn"]').value };
    for (const g of getters) g(body);
    if (type === 'FORM_TRIBUNAL' && body.arbitratorIds?.length === 1 && !body.presidingId) body.presidingId = body.arbitratorIds[0];
    try {
      await api('POST', `/api/cases/${c.id}/events`, body);
      dlg.close();
      dlg.remove();
      done();
    } catch (err) {
      const problem = err.problem ?? {};
      if (err.status === 409 || err.status === 422)
        showErrors(form, { message: `${err.message}${problem.source ? `（依据：${problem.source}）` : ''}`, problem: {} });
      else showErrors(form, err);
    }
  });
  dlg.addEventListener('close', () => dlg.remove());
  document.body.append(dlg);
  dlg.showModal();
  form.querySelector('input, select, textarea')?.focus();
}

function awardEditor(c) {
  const rows = c.claims.map((cl) => {
    const outcome = select(LABELS.outcome, { 'data-path': `items.${cl.seq - 1}.outcome`, 'aria-label': `第${cl.seq}项裁决结果` });
    const amount = input('text', {
      inputmode: 'decimal',
      value: cl.amount ?? '',
      'data-path': `items.${cl.seq - 1}.amount`,
      'aria-label': `第${cl.seq}项裁决金额`,
      style: 'width:9em',
    });
    const fin = h('span', { 'aria-live': 'polite' }, '—');
    // The calculator's suggestion, kept with the item (the server recomputes it); the amount stays editable.
    const row = { cl, outcome, amount, fin, calc: null, tag: h('span.small.muted.calc-tag') };
    row.button = calculatorButton(ui(), {
      c,
      claim: cl,
      onAccept: ({ amount: suggested, calculation }) => {
        row.calc = calculation;
        amount.value = suggested;
        row.tag.textContent = `计算器建议 ${suggested} 元${calculation.print ? '，印入理由' : ''}`;
        amount.dispatchEvent(new Event('input'));
      },
    });
    return row;
  });
  const summary = h('p.small', { 'aria-live': 'polite' });
  let timer;
  const preview = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const items = rows.map((r) => ({
        claimId: r.cl.id,
        outcome: r.outcome.value,
        ...(r.outcome.value !== 'dismissed' && r.amount.value.trim() && !checkMoney(r.amount.value.trim())
          ? { amount: r.amount.value.trim() }
          : {}),
      }));
      try {
        const p = await api('POST', `/api/cases/${c.id}/award-preview`, { items });
        for (const r of rows) {
          const it = p.items.find((i) => i.claimId === r.cl.id);
          r.fin.className = it?.final ? 'final-yes' : 'final-no';
          r.fin.textContent = it ? (it.final ? '终局' : '非终局') : '—';
          r.fin.title = it?.reason ?? '';
        }
        summary.textContent = `整体：${LABELS.finality[p.finality]}。终局限额：${p.thresholdAmount} 元（当地月最低工资 ${p.minimumWage.monthly} 元 × 12${p.minimumWage.confirmed ? '' : '，标准待管理员确认'}）。`;
      } catch (err) {
        summary.textContent = err.message;
      }
    }, 250);
  };
  for (const r of rows) {
    r.outcome.addEventListener('change', preview);
    r.amount.addEventListener('input', preview);
  }
  preview();
  const facts = h('textarea', { rows: 4, 'data-path': 'facts' });
  const reasoning = h('textarea', { rows: 4, 'data-path': 'reasoning' });
  // The defense as the award states it (被申请人辩称); without it the award prints the filed defense's summary.
  const defense = h('textarea', { rows: 3, 'data-path': 'defenseSummary' });
  const node = h(
    'div',
    h(
      'table.t',
      h(
        'thead',
        h(
          'tr',
          ['请求', '请求金额', '裁决结果', '裁决金额（元）', '终局性'].map((x) => h('th', x)),
        ),
      ),
      h(
        'tbody',
        rows.map((r) =>
          h(
            'tr',
            h('td', `${r.cl.seq}. ${r.cl.description}`),
            h('td.num', money(r.cl.amount)),
            h('td', r.outcome),
            h('td', r.amount, ' ', r.button, r.tag, h('span.field-error', { 'data-error-for': `items.${r.cl.seq - 1}.amount` })),
            h('td', r.fin),
          ),
        ),
      ),
    ),
    summary,
    field('被申请人辩称', 'defenseSummary', defense, { wide: true }),
    field('经审理查明', 'facts', facts, { wide: true }),
    field('本委认为', 'reasoning', reasoning, { wide: true }),
  );
  const get = (b) => {
    b.items = rows.map((r) => ({
      claimId: r.cl.id,
      outcome: r.outcome.value,
      ...(r.outcome.value !== 'dismissed' && r.amount.value.trim() ? { amount: r.amount.value.trim() } : {}),
      ...(r.calc ? { calculation: r.calc } : {}),
    }));
    if (defense.value.trim()) b.defenseSummary = defense.value.trim();
    if (facts.value.trim()) b.facts = facts.value.trim();
    if (reasoning.value.trim()) b.reasoning = reasoning.value.trim();
  };
  return { node, get };
}

// ----- mediator view -----
async function mediationPage() {
  const list = h('div', h('p.muted', '正在加载…'));
  const formBox = h('div.panel', h('h2', '登记仲裁前调解'), registerPage('mediation'));
  mount(layout('#/mediation', h('h1', '调解'), h('div.panel', h('h2', '进行中的调解'), list), formBox));
  try {
    const r = await api('GET', '/api/cases?track=mediation&state=mediation_in_progress&pageSize=50');
    fill(
      list,
      r.items.length
        ? h(
            'table.t',
            h(
              'thead',
              h(
                'tr',
                ['申请', '申请人', '被申请人', '收到', '记录结果'].map((x) => h('th', x)),
              ),
            ),
            h(
              'tbody',
              r.items.map((c) =>
                h(
                  'tr',
                  h('td', h('a', { href: `#/cases/${c.id}` }, `调解#${c.id}`)),
                  h('td', names(c.applicantNames)),
                  h('td', c.respondentNames.join('、')),
                  h('td', c.receivedOn),
                  h(
                    'td.actions',
                    h(
                      'button.btn.small',
                      {
                        type: 'button',
                        onclick: async () => openEventForm(await api('GET', `/api/cases/${c.id}`), 'MEDIATION_AGREED', mediationPage),
                      },
                      '达成协议',
                    ),
                    h(
                      'button.btn.small',
                      {
                        type: 'button',
                        onclick: async () => openEventForm(await api('GET', `/api/cases/${c.id}`), 'MEDIATION_FAILED', mediationPage),
                      },
                      '调解不成',
                    ),
                  ),
                ),
              ),
            ),
          )
        : h('div.empty', '没有进行中的调解'),
    );
  } catch (err) {
    fill(list, errorPanel(err));
  }
}

// ----- statistics dashboard -----
async function statsPage(params) {
  const q = new URLSearchParams(params);
  const year = new Date(Date.now() + 8 * 3600e3).getUTCFullYear();
  const from = q.get('from') ?? `${year}-01-01`;
  const to = q.get('to') ?? `${year}-12-31`;
  const asOf = q.get('asOf') ?? '';
  const form = h(
    'form.panel.row',
    field('起始日', 'from', input('date', { value: from, name: 'from' })),
    field('截止日', 'to', input('date', { value: to, name: 'to' })),
    field('按某日记录重算（选填）', 'asOf', input('date', { value: asOf, name: 'asOf', max: today() })),
    h(
      'div.actions',
      ['本年', '上年', '本季度', '上季度'].map((t) => h('button.btn.small', { type: 'button', onclick: () => setPeriod(t) }, t)),
    ),
    h('button.btn.primary', { type: 'submit' }, '统计'),
  );
  function setPeriod(t) {
    const now = new Date(Date.now() + 8 * 3600e3);
    const y = now.getUTCFullYear();
    const qn = Math.floor(now.getUTCMonth() / 3);
    let f;
    let e;
    if (t === '本年') [f, e] = [`${y}-01-01`, `${y}-12-31`];
    else if (t === '上年') [f, e] = [`${y - 1}-01-01`, `${y - 1}-12-31`];
    else {
      let yy = y;
      let qq = t === '本季度' ? qn : qn - 1;
      if (qq < 0) [yy, qq] = [y - 1, 3];
      f = `${yy}-${String(qq * 3 + 1).padStart(2, '0')}-01`;
      e = addDays(`${qq === 3 ? yy + 1 : yy}-${String(qq === 3 ? 1 : qq * 3 + 4).padStart(2, '0')}-01`, -1);
    }
    location.hash = `#/stats?from=${f}&to=${e}`;
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const n = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) n.set(k, String(v));
    location.hash = `#/stats?${n}`;
  });
  const out = h('div', h('p.muted', '正在统计…'));
  mount(layout('#/stats', h('h1', '统计分析'), form, out));
  const base = `from=${from}&to=${to}${asOf ? `&asOf=${asOf}` : ''}`;
  let r;
  try {
    r = await api('GET', `/api/stats/report?${base}&format=json`);
  } catch (err) {
    fill(
      out,
      err.status === 400
        ? h('div.alert.bad', { role: 'alert' }, (err.problem?.errors ?? []).map((x) => x.message).join('；') || err.message)
        : errorPanel(err),
    );
    return;
  }
  const f = r.closure;
  const drill = h('div');
  const showCases = async (measure, extra = '', title = '') => {
    fill(drill, h('p.muted', '正在加载…'));
    try {
      const d = await api('GET', `/api/stats/closure/cases?${base}&measure=${measure}${extra}&limit=200`);
      fill(
        drill,
        h(
          'div.panel',
          { id: 'drill' },
          h('h2', `${title || measure}：共 ${d.total} 件${d.total > d.items.length ? `（显示前 ${d.items.length} 件）` : ''}`),
          d.items.length
            ? h(
                'table.t',
                h(
                  'thead',
                  h(
                    'tr',
                    ['案号', '地区', '争议原因', '受理', '结案', '方式', '审限届满', '当前状态'].map((x) => h('th', x)),
                  ),
                ),
                h(
                  'tbody',
                  d.items.map((i) =>
                    h(
                      'tr',
                      h('td', h('a', { href: `#/cases/${i.id}` }, i.caseNo ?? `#${i.id}`)),
                      h('td', i.district),
                      h('td', V().statCauses[i.cause] ?? i.cause),
                      h('td', i.acceptedOn ?? '—'),
                      h('td', i.closedOn ?? '—'),
                      h('td', LABELS.closure[i.closureMode] ?? '—'),
                      h('td', i.awardDueOn ?? '—', i.closedLate ? h('span.badge.bad', '超期') : null),
                      h('td', stateBadge(i.state)),
                    ),
                  ),
                ),
              )
            : h('div.empty', '没有案件'),
        ),
      );
      drill.scrollIntoView({ behavior: 'smooth', block: 'start' });
    } catch (err) {
      fill(drill, errorPanel(err));
    }
  };
  const meets = f.meetsTarget;
  const exportBtn = (fmt, label) =>
    h(
      'button.btn',
      { type: 'button', onclick: () => download(`/api/stats/report?${base}&format=${fmt}`, `仲裁统计-${from}-${to}.${fmt}`) },
      label,
    );
  const trend = h('div.chart', { role: 'img', 'aria-label': '按月受理、结案与累计结案率' });
  const byDistrict = h('div.chart', { role: 'img', 'aria-label': '各地区结案率' });
  const byCause = h('div.chart', { role: 'img', 'aria-label': '按争议原因的受理数' });
  const bd = (g) => r.breakdowns.find((b) => b.groupBy === g)?.groups ?? [];
  fill(
    out,
    h(
      'p.small.muted',
      `${r.from} 至 ${r.to}${r.asOf ? `，按 ${r.asOf} 日终记录重算` : ''}；口径 ${r.formulaVersion}；仲裁结案率 = 本期结案 ÷（上期未结 + 本期受理）`,
    ),
    h(
      'div.cards',
      h(
        `div.card.${meets === null ? '' : meets ? 'ok' : 'bad'}`,
        h('div.n', { 'data-testid': 'closure-rate' }, pct(f.closureRate)),
        h('div.l', `仲裁结案率（目标 ${pct(f.target)}）${meets === null ? '' : meets ? ' 已达标' : ' 未达标'}`),
        h('div.small.muted', `${f.closureRateFraction.numerator} / ${f.closureRateFraction.denominator}`),
      ),
      card('上期未结', f.carriedOver, '', () => showCases('carriedOver', '', '上期未结')),
      card('本期受理', f.accepted, '', () => showCases('accepted', '', '本期受理')),
      card('本期结案', f.closed, 'ok', () => showCases('closed', '', '本期结案')),
      card('期末未结', f.pending, '', () => showCases('pending', '', '期末未结')),
      card('超审限', f.overdue, f.overdue ? 'bad' : '', () => showCases('overdue', '', '超审限')),
      card(`调解成功率（${f.mediationSuccess.shown === 'bulletin' ? '公报口径' : '调解组织口径'}）`, pct(f.mediationSuccessRate), ''),
      card('平均/中位结案天数', `${f.averageDays === null ? '—' : f.averageDays.toFixed(1)} / ${f.medianDays ?? '—'}`, ''),
    ),
    h(
      'div.panel.row',
      h(
        'span',
        `结案方式：仲裁调解 ${f.byMode.mediation}，仲裁裁决 ${f.byMode.award}（终局 ${f.finalAwards}），撤回 ${f.byMode.withdrawal}，其他 ${f.byMode.other}；不予受理 ${f.applications.rejected}`,
      ),
      h('span.spacer', { style: 'flex:1' }),
      h('div.actions', exportBtn('xlsx', '导出 Excel'), exportBtn('csv', '导出 CSV'), exportBtn('pdf', '导出 PDF')),
    ),
    h('div.grid2', h('div.panel', h('h2', '按月趋势'), trend), h('div.panel', h('h2', '各地区结案率'), byDistrict)),
    h(
      'div.grid2',
      h('div.panel', h('h2', '按争议原因（本期受理）'), byCause),
      h('div.panel', h('h2', '按地区'), breakdownTable(bd('district'), 'district', showCases)),
    ),
    h(
      'div.grid2',
      h('div.panel', h('h2', '按争议原因'), breakdownTable(bd('cause'), 'cause', showCases)),
      h('div.panel', h('h2', '按程序 / 欠薪'), breakdownTable([...bd('procedure'), ...bd('wageArrears')], null, showCases)),
    ),
    drill,
  );
  drawCharts(r, trend, byDistrict, byCause, bd);
}
function breakdownTable(groups, groupBy, showCases) {
  if (!groups.length) return h('div.empty', '本期没有数据');
  const num = (g, measure, v) =>
    groupBy
      ? h(
          'button.link',
          {
            type: 'button',
            onclick: () =>
              showCases(measure, `&groupBy=${groupBy}&group=${encodeURIComponent(g.key)}`, `${g.label} · ${LABELS.measure[measure]}`),
          },
          v,
        )
      : v;
  return h(
    'table.t',
    h(
      'thead',
      h(
        'tr',
        ['分组', '上期未结', '本期受理', '本期结案', '期末未结', '结案率', '超审限'].map((x, i) => h(i ? 'th.num' : 'th', x)),
      ),
    ),
    h(
      'tbody',
      groups.map((g) =>
        h(
          'tr',
          h('td', g.label),
          h('td.num', num(g, 'carriedOver', g.carriedOver)),
          h('td.num', num(g, 'accepted', g.accepted)),
          h('td.num', num(g, 'closed', g.closed)),
          h('td.num', num(g, 'pending', g.pending)),
          h('td.num', h(g.meetsTarget === false ? 'span.final-no' : 'span', pct(g.closureRate))),
          h('td.num', num(g, 'overdue', g.overdue)),
        ),
      ),
    ),
  );
}
function drawCharts(r, trend, byDistrict, byCause, bd) {
  if (!window.echarts) return;
  const font = { fontFamily: getComputedStyle(document.body).fontFamily };
  const t = echarts.init(trend, null, { renderer: 'svg' });
  t.setOption({
    textStyle: font,
    tooltip: { trigger: 'axis' },
    legend: { data: ['受理', '结案', '累计结案率'] },
    grid: { left: 40, right: 50, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: r.monthly.map((m) => m.month) },
    yAxis: [
      { type: 'value', name: '件' },
      { type: 'value', name: '%', min: 0, max: 100 },
    ],
    series: [
      { name: '受理', type: 'bar', data: r.monthly.map((m) => m.accepted), itemStyle: { color: '#1f5fa8' } },
      { name: '结案', type: 'bar', data: r.monthly.map((m) => m.closed), itemStyle: { color: '#1e7b34' } },
      {
        name: '累计结案率',
        type: 'line',
        yAxisIndex: 1,
        data: r.monthly.map((m) => (m.cumulativeClosureRate === null ? null : +(m.cumulativeClosureRate * 100).toFixed(2))),
        itemStyle: { color: '#9e1b1b' },
      },
    ],
  });
  const d = bd('district');
  const dc = echarts.init(byDistrict, null, { renderer: 'svg' });
  dc.setOption({
    textStyle: font,
    tooltip: {},
    grid: { left: 130, right: 30, top: 10, bottom: 24 },
    xAxis: { type: 'value', min: 0, max: 100, name: '%' },
    yAxis: { type: 'category', data: d.map((g) => g.label), inverse: true },
    series: [
      {
        type: 'bar',
        data: d.map((g) => ({
          value: g.closureRate === null ? 0 : +(g.closureRate * 100).toFixed(2),
          itemStyle: { color: g.meetsTarget === false ? '#b36b00' : '#1e7b34' },
        })),
        markLine: {
          symbol: 'none',
          data: [{ xAxis: r.closure.target * 100, label: { formatter: '目标' } }],
          lineStyle: { color: '#9e1b1b' },
        },
      },
    ],
  });
  const cs = echarts.init(byCause, null, { renderer: 'svg' });
  cs.setOption({
    textStyle: font,
    tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: bd('cause').map((g) => ({ name: g.label, value: g.accepted })) }],
  });
  window.addEventListener(
    'resize',
    () => {
      for (const c of [t, dc, cs]) c.resize();
    },
    { once: true },
  );
}

// ---------- router ----------
async function route() {
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  if (!state.token) {
    if (path !== '/login') history.replaceState(null, '', '#/login');
    return loginPage();
  }
  if (!state.user) {
    try {
      state.user = await api('GET', '/api/auth/me');
    } catch {
      return;
    }
  }
  // An admin reset the password: nothing else answers until it is changed.
  if (state.user.mustChangePassword) return passwordPage();
  state.vocab ??= await api('GET', '/api/reference/vocabulary');
  document.querySelector('dialog')?.remove();
  const m = /^\/cases\/(\d+)$/.exec(path ?? '');
  if (path === '/login') location.hash = '#/';
  else if (path === '/cases') caseList(query ?? '');
  else if (path === '/cases/new') mount(layout('#/cases/new', h('h1', '登记仲裁申请'), registerPage('arbitration')));
  else if (m) casePage(m[1]);
  else if (path === '/mediation') mediationPage();
  else if (path === '/stats') statsPage(query ?? '');
  else if (path === '/password') passwordPage();
  else workbench();
  window.scrollTo(0, 0);
}
window.addEventListener('hashchange', route);
route();
