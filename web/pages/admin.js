// Administration: users (create, disable, role, password reset), minimum wages per district, the State Council's
// holiday arrangement per year (pasted from the notice, previewed, then loaded), and the access log (admin, chair).
import {
  ApiError,
  addDays,
  api,
  chinaDateTime,
  clearErrors,
  clearOnEdit,
  confirmDialog,
  errorPanel,
  field,
  fill,
  guard,
  h,
  input,
  keyHolder,
  roleLabel,
  saying,
  select,
  setError,
  setTitle,
  showErrors,
  state,
  today,
  weekday,
} from '../core.js';

const TABS = [
  ['users', '用户与权限', ['admin']],
  ['wages', '最低工资标准', ['admin']],
  ['calendar', '节假日安排', ['admin']],
  ['access-log', '访问记录', ['admin', 'chair']],
  ['audit-log', '变更记录', ['admin', 'chair']],
];

export async function adminPage(path, params, mount) {
  const allowed = TABS.filter(([, , roles]) => roles.includes(state.user.role));
  const tab = allowed.find(([k]) => path === `/admin/${k}`)?.[0] ?? allowed[0]?.[0];
  // fixU57 #6: a role with no tab here (opened by its address) is told so, naming the screen and who may use it — as the
  // board says (ui53 L1) — not titled 「系统管理：系统管理」.
  if (!tab) {
    setTitle('系统管理');
    const who = [...new Set(TABS.flatMap(([, , roles]) => roles))].map(roleLabel).join('、');
    mount(
      '#/admin',
      h('h1', '系统管理'),
      h('div.alert.bad.admin-refusal', { role: 'alert' }, `${roleLabel(state.user?.role)}不能使用系统管理：系统管理仅供${who}使用。`),
    );
    return;
  }
  const label = allowed.find(([k]) => k === tab)?.[1];
  setTitle(label);
  const out = h('div', h('p.muted', '正在加载…'));
  mount(
    '#/admin',
    h('h1', `系统管理：${label}`),
    h(
      'nav.tabs',
      { 'aria-label': '管理项目' },
      allowed.map(([k, l]) => h(`a${k === tab ? '.on' : ''}`, { href: `#/admin/${k}`, 'aria-current': k === tab ? 'page' : null }, l)),
    ),
    out,
  );
  try {
    if (tab === 'users') await usersTab(out);
    else if (tab === 'wages') await wagesTab(out);
    else if (tab === 'calendar') await calendarTab(out);
    else if (tab === 'audit-log') await auditLogTab(out, new URLSearchParams(params));
    else await accessLogTab(out, new URLSearchParams(params));
  } catch (err) {
    fill(out, errorPanel(err));
  }
}

// ----- users -----
/** A temporary password: 16 characters without look-alikes, from the browser's random source. */
function tempPassword() {
  const chars = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => chars[b % chars.length]).join('');
}
/**
 * A password shown once (a new user's initial password, a temporary one after a reset): a copy button, what the
 * password is for (`once`: fixU54 #5, a new user's initial password is said as such), and the dialog closes only when
 * the admin confirms having noted it — not on Esc.
 */
/** fixU54 #3: the show/hide button beside a password field's box (inside the field, after the box). */
function withToggle(wrap, box, toggle) {
  toggle.setAttribute('aria-controls', box.id);
  const row = h('span.pw-row');
  box.replaceWith(row);
  row.append(box, toggle);
  return wrap;
}

function secretDialog({ title, lead, secret, once = '只显示这一次：关闭后无法再查看。请复制或记下，当面或通过安全渠道告知本人。' }) {
  return new Promise((resolve) => {
    const copied = h('span.small', { 'aria-live': 'polite' });
    const shown = h('p.temp-password', { 'data-testid': 'temp-password' }, secret);
    const copy = h('button.btn', { type: 'button' }, '复制密码');
    const noted = input('checkbox');
    const ok = h('button.btn.primary', { type: 'button', disabled: true }, '已记下');
    const dlg = h(
      'dialog.confirm.secret',
      { 'aria-labelledby': 'secret-title', 'aria-describedby': 'secret-once', role: 'alertdialog' },
      h('div.dh', h('h2', { id: 'secret-title' }, title)),
      h(
        'div.db',
        lead,
        shown,
        h('p.row', copy, copied),
        h('p.alert.warn', { id: 'secret-once' }, once),
        h('label.check', noted, '我已记下（或已复制）这个密码'),
      ),
      h('div.df', ok),
    );
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(secret);
        copied.textContent = '已复制到剪贴板';
      } catch {
        // No clipboard permission: the password is selected for Ctrl+C.
        const range = document.createRange();
        range.selectNodeContents(shown);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        copied.textContent = '无法自动复制：密码已选中，请按 Ctrl+C 复制';
      }
    });
    noted.addEventListener('change', () => {
      ok.disabled = !noted.checked;
    });
    dlg.addEventListener('cancel', (e) => e.preventDefault());
    ok.addEventListener('click', () => {
      dlg.close();
      dlg.remove();
      resolve();
    });
    document.body.append(dlg);
    dlg.showModal();
    copy.focus();
  });
}
async function usersTab(out, notice = null) {
  const r = await api('GET', '/api/users?pageSize=200');
  const users = Array.isArray(r) ? r : r.items;
  const reload = (note) => usersTab(out, note);
  const msg = h('div', { 'aria-live': 'polite' }, notice ? h('div.alert.ok', { role: 'status' }, notice) : null);
  // The server refuses to disable the last active admin or give it another role (the commission would be locked out
  // of its own settings): those controls are not offered for it.
  const activeAdmins = users.filter((u) => u.role === 'admin' && u.active);
  const row = (u) => {
    const lastAdmin = activeAdmins.length === 1 && activeAdmins[0].id === u.id;
    const role = select(state.vocab.roles, { value: u.role, 'aria-label': `${u.displayName} 的角色`, disabled: lastAdmin });
    const save = h('button.btn.small', { type: 'button', hidden: true }, '保存角色');
    role.addEventListener('change', () => {
      save.hidden = role.value === u.role;
    });
    const patch = async (body, done) => {
      try {
        await api('PATCH', `/api/users/${u.id}`, body);
        reload(done);
      } catch (err) {
        fill(msg, h('div.alert.bad', { role: 'alert' }, err.message));
      }
    };
    save.addEventListener(
      'click',
      guard(save, async () => {
        if (
          await confirmDialog({
            title: `修改 ${u.displayName} 的角色？`,
            body: h('p', `由“${roleLabel(u.role)}”改为“${roleLabel(role.value)}”。修改后其权限立即改变。`),
            confirmLabel: '修改角色',
            cancelLabel: '不修改',
            danger: true,
          })
        )
          await patch({ role: role.value }, `已修改 ${u.displayName} 的角色`);
        else {
          // Not changed: the list shows the role the user has, not the one that was not saved.
          role.value = u.role;
          save.hidden = true;
        }
      }),
    );
    const toggle = h(
      `button.btn.small${u.active ? '.irreversible' : ''}`,
      {
        type: 'button',
        disabled: lastAdmin,
        'aria-describedby': lastAdmin ? `last-admin-${u.id}` : null,
        onclick: async (e) => toggleOnce(e),
      },
      u.active ? '停用' : '启用',
    );
    const toggleOnce = guard(toggle, async () => {
      const ok = await confirmDialog({
        title: `${u.active ? '停用' : '启用'}用户 ${u.displayName}？`,
        body: h('p', u.active ? '停用后该用户不能登录，已登录的会话随即失效；其办理记录保留。' : '启用后该用户可以重新登录。'),
        confirmLabel: u.active ? '停用' : '启用',
        danger: u.active,
      });
      if (ok) await patch({ active: !u.active }, `已${u.active ? '停用' : '启用'} ${u.displayName}`);
    });
    const reset = h(
      'button.btn.small',
      {
        type: 'button',
        onclick: (e) => resetOnce(e),
      },
      '重置密码',
    );
    const resetOnce = guard(reset, async () => {
      const ok = await confirmDialog({
        title: `重置 ${u.displayName} 的密码？`,
        body: h('p', '将设定一个临时密码并结束该用户的全部登录；用户下次登录后须修改密码。'),
        confirmLabel: '重置密码',
        danger: true,
      });
      if (!ok) return;
      const pw = tempPassword();
      try {
        // fixU56 #4: the temporary password is hashed on the server (seconds): the button says so meanwhile.
        await saying(reset, '正在重置…', () => api('POST', `/api/users/${u.id}/password-reset`, { newPassword: pw }));
        await secretDialog({
          title: '临时密码',
          lead: h('p', `${u.displayName}（${u.username}）的临时密码如下；其下次登录后须修改密码。`),
          secret: pw,
        });
        fill(msg, h('div.alert.ok', { role: 'status' }, `已重置 ${u.displayName} 的密码`));
      } catch (err) {
        fill(msg, h('div.alert.bad', { role: 'alert' }, err.message));
      }
    });
    return h(
      `tr${u.active ? '' : '.inactive'}`,
      h('td', u.username),
      h('td', u.displayName),
      h('td', role, ' ', save),
      h(
        'td',
        u.active ? h('span.badge.ok', '在职') : h('span.badge', '已停用'),
        // A password the admin set (initial or reset) that its holder has not yet replaced.
        u.active && u.mustChangePassword ? [' ', h('span.badge.warn', { title: '首次登录或重置后尚未修改密码' }, '待修改密码')] : null,
      ),
      h(
        'td',
        h('span.actions', toggle, reset),
        lastAdmin
          ? h('span.small.muted.block', { id: `last-admin-${u.id}` }, '唯一在职的系统管理员：不能停用或改为其他角色，请先指定另一位管理员')
          : null,
      ),
    );
  };
  const create = h('form.panel', { novalidate: true, 'aria-labelledby': 'new-user' });
  // fixU54 #3: the initial password is not shown in plain view on a counter's screen; 显示 shows it while the admin
  // checks or copies it (aria-pressed says which), and the browser does not offer it as a saved sign-in.
  const pw = input('password', { autocomplete: 'new-password', value: tempPassword(), class: 'pw-box' });
  const reveal = h('button.btn.small.pw-toggle', { type: 'button', 'aria-pressed': 'false', 'aria-controls': '' }, '显示');
  reveal.addEventListener('click', () => {
    const shown = pw.type === 'password';
    pw.type = shown ? 'text' : 'password';
    reveal.setAttribute('aria-pressed', String(shown));
    reveal.textContent = shown ? '隐藏' : '显示';
  });
  const createBtn = h('button.btn.primary.label-gap', { type: 'submit' }, '创建');
  fill(
    create,
    h('h2', { id: 'new-user' }, '新建用户'),
    h('div.form-alert'),
    h(
      'div.row.align-top',
      field('用户名', 'username', input('text', { autocomplete: 'off', maxlength: 64 }), { required: true, hint: '小写字母开头，3–64位' }),
      field('姓名（显示名）', 'displayName', input('text', { maxlength: 100 }), { required: true }),
      // fixU56 #1: no role chosen for the admin — a missed click gave a new account a clerk's full read access.
      field('角色', 'role', select([['', '（请选择）'], ...Object.entries(state.vocab.roles)], { value: '' }), { required: true }),
      withToggle(field('初始密码', 'password', pw, { required: true, hint: '至少12个字符；用户首次登录后须修改' }), pw, reveal),
      createBtn,
    ),
  );
  clearOnEdit(create);
  // One user per click: busy until the answer, one key for the form; after creation the initial password is shown
  // once (it is not kept anywhere), then the form starts afresh.
  const key = keyHolder();
  const createOnce = guard(createBtn, async () => {
    const v = (p) => create.querySelector(`[data-path="${p}"]`).value.trim();
    const body = { username: v('username'), displayName: v('displayName'), role: v('role'), password: v('password') };
    try {
      const u = await saying(createBtn, '正在创建…', () => api('POST', '/api/users', body, { key: key.get() }));
      key.done();
      // An earlier attempt's refusal (a username taken) goes with the success.
      clearErrors(create);
      await secretDialog({
        title: `已创建用户：${u.displayName ?? body.displayName}`,
        lead: h('p', `用户名 ${u.username ?? body.username}，角色“${roleLabel(u.role ?? body.role)}”。初始密码：`),
        secret: body.password,
        // fixU54 #5: what the password is — the one to pass to the user, who replaces it at the first sign-in.
        once: '这是交给该用户的初始密码：请当面或通过安全渠道告知本人，本人首次登录时须改为自己的密码。系统不保存明文，关闭此对话框后不再显示。',
      });
      // A new form for the next user: a fresh initial password, hidden again.
      if (pw.type !== 'password') reveal.click();
      await reload(`已创建用户 ${u.displayName ?? body.displayName}（${u.username ?? body.username}）`);
    } catch (err) {
      key.done(err);
      showErrors(create, err);
      // The server refuses an account without a role (400 role): said at the field in words of the choice.
      if (!body.role) setError(create, 'role', '请选择角色（决定该用户能查看和办理什么）');
    }
  });
  create.addEventListener('submit', (e) => {
    e.preventDefault();
    createOnce();
  });
  fill(
    out,
    msg,
    h(
      'section.panel',
      { 'aria-labelledby': 'users-h' },
      h('h2', { id: 'users-h' }, `用户（${users.length}）`),
      h(
        'table.t',
        h(
          'thead',
          h(
            'tr',
            ['用户名', '姓名', '角色', '状态', '操作'].map((x) => h('th', { scope: 'col' }, x)),
          ),
        ),
        h('tbody', users.map(row)),
      ),
    ),
    create,
  );
}

// ----- minimum wages -----
async function wagesTab(out) {
  const table = await api('GET', '/api/reference/minimum-wages');
  const rows = h('tbody');
  const form = h('form', { novalidate: true });
  const addRow = (w = {}) => {
    const i = rows.children.length;
    const cell = (path, el) => h('td', el, h('span.field-error', { 'data-error-for': path }));
    const district = select(Object.fromEntries(state.vocab.districts.map((d) => [d, d])), {
      value: w.district,
      'aria-label': `第${i + 1}行 地区`,
    });
    district.dataset.path = `${i}.district`;
    const monthly = input('text', {
      value: w.monthly ?? '',
      inputmode: 'decimal',
      'aria-label': `第${i + 1}行 月最低工资`,
      'data-path': `${i}.monthly`,
    });
    const from = input('date', { value: w.effectiveFrom ?? '', 'aria-label': `第${i + 1}行 施行日期`, 'data-path': `${i}.effectiveFrom` });
    const source = input('text', { value: w.source ?? '', maxlength: 200, 'aria-label': `第${i + 1}行 依据`, 'data-path': `${i}.source` });
    const confirmed = input('checkbox', { checked: w.confirmed !== false, 'aria-label': `第${i + 1}行 已核实` });
    const tr = h(
      'tr',
      cell(`${i}.district`, district),
      cell(`${i}.monthly`, monthly),
      cell(`${i}.effectiveFrom`, from),
      cell(`${i}.source`, source),
      h('td', confirmed),
      h('td', h('button.btn.small', { type: 'button', 'aria-label': `删除第${i + 1}行`, onclick: () => tr.remove() }, '删除')),
    );
    tr.read = () => ({
      district: district.value,
      monthly: monthly.value.trim(),
      effectiveFrom: from.value,
      ...(source.value.trim() ? { source: source.value.trim() } : {}),
      confirmed: confirmed.checked,
    });
    rows.append(tr);
  };
  for (const w of table) addRow(w);
  clearOnEdit(form);
  const saveOnce = guard(
    () => form.querySelectorAll('button[type="submit"]'),
    async () => {
      const body = [...rows.children].map((tr) => tr.read());
      const ok = await confirmDialog({
        title: '保存最低工资标准？',
        body: h('p', `共 ${body.length} 条。终局裁决判断（12个月最低工资）按裁决日所在地区施行中的标准计算。`),
        confirmLabel: '保存',
      });
      if (!ok) return;
      try {
        await api('PUT', '/api/reference/minimum-wages', body);
        fill(form.querySelector('.form-alert'), h('div.alert.ok', { role: 'status' }, '已保存'));
      } catch (err) {
        showErrors(form, err);
      }
    },
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    saveOnce();
  });
  fill(
    form,
    h('div.form-alert'),
    h(
      'table.t',
      h('caption', '各区县月最低工资标准（元/月）'),
      h(
        'thead',
        h(
          'tr',
          ['地区', '月最低工资（元）', '施行日期', '依据（文件名称、文号）', '已核实', ''].map((x) => h('th', { scope: 'col' }, x)),
        ),
      ),
      rows,
    ),
    h(
      'div.actions',
      h('button.btn', { type: 'button', onclick: () => addRow({ effectiveFrom: today() }) }, '＋ 添加一条'),
      h('button.btn.primary', { type: 'submit' }, '保存全部'),
    ),
  );
  fill(out, h('section.panel', form));
}

// ----- the holiday calendar -----
/**
 * Reads a State Council holiday notice (国务院办公厅关于某年部分节假日安排的通知) into off days, make-up working days
 * and names: "二、春节：2月15日（…）至23日（…）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。"
 */
export function parseHolidayNotice(text, year) {
  const clean = text.replace(/（[^）]*）|\([^)]*\)/g, '').replace(/\r/g, '');
  const items = clean
    .split(/\n|(?=[一二三四五六七八九十]+、)/)
    .map((s) => s.trim())
    .filter((s) => /月\d+日/.test(s));
  const offDays = new Set();
  const workDays = new Set();
  const names = {};
  const list = [];
  const pad = (n) => String(n).padStart(2, '0');
  const dateOf = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;
  for (const item of items) {
    const nm = /^(?:[一二三四五六七八九十]+、)?\s*([^：:]{1,10})[：:]/.exec(item);
    const name = nm ? nm[1].trim() : '';
    const entry = { name, off: [], work: [] };
    for (const sentence of item.split(/。|；/)) {
      if (/上班/.test(sentence)) {
        for (const m of sentence.matchAll(/(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/g)) {
          const d = dateOf(m[1] ?? (Number(m[2]) === 12 && /元旦/.test(name) ? year - 1 : year), m[2], m[3]);
          workDays.add(d);
          entry.work.push(d);
        }
      } else if (/放假/.test(sentence)) {
        const m = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:\s*至\s*(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日)?/.exec(sentence);
        if (!m) continue;
        const startYear = Number(m[1] ?? year);
        const start = dateOf(startYear, m[2], m[3]);
        let end = start;
        if (m[6]) end = dateOf(m[4] ?? (m[5] && Number(m[5]) < Number(m[2]) ? startYear + 1 : startYear), m[5] ?? m[2], m[6]);
        else {
          const n = /放假\s*(\d+)\s*天/.exec(sentence);
          if (n) end = addDays(start, Number(n[1]) - 1);
        }
        for (let d = start; d <= end; d = addDays(d, 1)) {
          offDays.add(d);
          if (name) names[d] = name;
          entry.off.push(d);
        }
      }
    }
    if (entry.off.length || entry.work.length) list.push(entry);
  }
  return { offDays: [...offDays].sort(), workDays: [...workDays].sort(), names, items: list };
}

async function calendarTab(out) {
  const years = await api('GET', '/api/calendar/years');
  const y = Number(today().slice(0, 4));
  const have = new Set(years.map((x) => x.year));
  const yearIn = input('number', { min: 2000, max: 2100, value: String(have.has(y + 1) ? y + 2 : y + 1) });
  const noticeIn = input('text', { maxlength: 300, placeholder: '如 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕×号）' });
  const text = h('textarea', {
    rows: 9,
    placeholder:
      '把通知正文粘贴在这里，例如：\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n二、春节：…放假调休，共9天。2月7日（周日）、2月20日（周六）上班。',
  });
  const offIn = h('textarea', { rows: 6 });
  const workIn = h('textarea', { rows: 4 });
  const previewBox = h('div', { 'aria-live': 'polite' });
  let names = {};
  const form = h('form.panel', { novalidate: true, 'aria-labelledby': 'cal-load' });
  const lines = (s) =>
    s
      .split(/[\s,，、]+/)
      .map((x) => x.trim())
      .filter(Boolean);
  const parse = () => {
    const year = Number(yearIn.value);
    const r = parseHolidayNotice(text.value, year);
    names = r.names;
    offIn.value = r.offDays.join('\n');
    workIn.value = r.workDays.join('\n');
    const title = /国务院办公厅关于[^\n]*?通知[^\n]*/.exec(text.value)?.[0];
    if (title && !noticeIn.value) noticeIn.value = title.trim().slice(0, 300);
    fill(
      previewBox,
      r.items.length
        ? [
            h('h3', `预览：${year}年安排（请与通知原文核对）`),
            h(
              'table.t',
              { 'data-testid': 'calendar-preview' },
              h(
                'thead',
                h(
                  'tr',
                  ['节日', '放假', '天数', '调休上班'].map((x) => h('th', { scope: 'col' }, x)),
                ),
              ),
              h(
                'tbody',
                r.items.map((it) =>
                  h(
                    'tr',
                    h('td', it.name || '—'),
                    h('td', it.off.length ? `${it.off[0]}（${weekday(it.off[0])}）至 ${it.off.at(-1)}（${weekday(it.off.at(-1))}）` : '—'),
                    h('td.num', it.off.length),
                    h('td', it.work.map((d) => `${d}（${weekday(d)}）`).join('、') || '不调休'),
                  ),
                ),
              ),
            ),
            h('p.small.muted', `合计放假 ${r.offDays.length} 天、调休上班 ${r.workDays.length} 天。可在下方逐日修改后再录入。`),
          ]
        : h('div.alert.warn', { role: 'alert' }, '没有从文字中读出日期：请确认粘贴的是通知正文（含“×月×日…放假”“…上班”）。'),
    );
  };
  fill(
    form,
    h('h2', { id: 'cal-load' }, '录入年度安排'),
    h('p.small.muted', '按国务院办公厅发布的通知录入。录入后新的安排立即生效，所有未结案件的期限在后台按它重新计算（通常几秒到几分钟）。'),
    h('div.form-alert'),
    h(
      'div.row',
      field('年份', 'year', yearIn, { required: true }),
      field('通知名称及文号', 'notice', noticeIn, { required: true, grow: true }),
    ),
    field('通知正文', 'text', text, { wide: true }),
    h('div.actions', h('button.btn', { type: 'button', onclick: parse }, '解析并预览')),
    previewBox,
    h(
      'div.grid2',
      field('放假日期（每行一个，含调休连休中的周末）', 'offDays', offIn, { wide: true }),
      field('调休上班日期（每行一个）', 'workDays', workIn, { wide: true }),
    ),
    h('div.actions', h('button.btn.primary', { type: 'submit' }, '录入该年安排')),
  );
  clearOnEdit(form);
  const loadOnce = guard(
    () => form.querySelectorAll('button[type="submit"]'),
    async () => {
      const year = yearIn.value.trim();
      const body = { notice: noticeIn.value.trim(), offDays: lines(offIn.value), workDays: lines(workIn.value), names };
      if (!body.notice) return showErrors(form, new ApiError(400, { errors: [{ path: 'notice', message: '请填写通知名称及文号' }] }));
      if (!body.offDays.length)
        return showErrors(form, new ApiError(400, { errors: [{ path: 'offDays', message: '请先解析通知或填写放假日期' }] }));
      const ok = await confirmDialog({
        title: `录入${year}年节假日安排？`,
        body: [
          h('p', `放假 ${body.offDays.length} 天，调休上班 ${body.workDays.length} 天。`),
          h('p', '录入后所有未结案件的期限将按此重新计算。'),
        ],
        confirmLabel: '录入',
      });
      if (!ok) return;
      try {
        const r = await api('PUT', `/api/calendar/years/${year}`, body);
        fill(
          form.querySelector('.form-alert'),
          h(
            'div.alert.ok',
            { role: 'status' },
            `已录入${r.year}年安排（放假 ${r.offDays} 天、调休上班 ${r.workDays} 天），未结案件的期限正在后台重新计算，稍后即在各案件中更新。`,
          ),
        );
        const list = await api('GET', '/api/calendar/years');
        fill(yearsBox, yearsTable(list));
      } catch (err) {
        showErrors(form, err);
      }
    },
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    loadOnce();
  });
  const yearsTable = (list) =>
    h(
      'table.t',
      h('caption', '已有官方安排的年份'),
      h(
        'thead',
        h(
          'tr',
          ['年份', '依据'].map((x) => h('th', { scope: 'col' }, x)),
        ),
      ),
      h(
        'tbody',
        [...list].reverse().map((x) => h('tr', h('td', x.year), h('td.small', x.notice))),
      ),
    );
  const yearsBox = h('div', yearsTable(years));
  fill(
    out,
    have.has(y + 1)
      ? null
      : h('div.alert.warn', { role: 'status' }, `尚未录入${y + 1}年安排：审限等期限跨入${y + 1}年时只能显示预计日期（按周末推算）。`),
    form,
    h('section.panel', yearsBox),
  );
}

// ----- access log -----
const ACTIONS = { read_case: '查看案件', read_history: '查看办理记录', download_document: '下载文书' };
async function accessLogTab(out, q) {
  const page = Number(q.get('page') ?? 1);
  const apiQ = new URLSearchParams({ page: String(page), pageSize: '50' });
  for (const k of ['caseId', 'userId', 'action', 'from', 'to']) if (q.get(k)) apiQ.set(k, q.get(k));
  let r;
  try {
    r = await api('GET', `/api/access-log?${apiQ}`);
  } catch (err) {
    if (err.status === 404) return fill(out, h('div.alert.warn', '本系统版本尚未提供访问记录。'));
    throw err;
  }
  const form = h(
    'form.panel.row',
    { role: 'search', 'aria-label': '筛选访问记录' },
    field('案件编号', 'caseId', input('number', { name: 'caseId', value: q.get('caseId') ?? '', min: 1 })),
    field('操作', 'action', select({ '': '全部', ...ACTIONS }, { name: 'action', value: q.get('action') ?? '' })),
    field('起始日', 'from', input('date', { name: 'from', value: q.get('from') ?? addDays(today(), -30) })),
    field('截止日', 'to', input('date', { name: 'to', value: q.get('to') ?? '' })),
    h('button.btn.primary', { type: 'submit' }, '查询'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const n = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) n.set(k, String(v));
    location.hash = `#/admin/access-log?${n}`;
  });
  // ui50 L: a downloaded document named by its title and number (the log keeps its id only): each case's list, once.
  const docNames = new Map();
  const downloaded = [...new Set(r.items.filter((x) => x.documentId && x.caseId).map((x) => x.caseId))];
  await Promise.all(
    downloaded.map((id) =>
      api('GET', `/api/cases/${id}/documents`)
        .then((docs) => {
          for (const d of docs) docNames.set(d.id, `${d.title}${d.caseNo ? ` ${d.caseNo}` : ''}`);
        })
        .catch(() => null),
    ),
  );
  const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
  const goPage = (p) => {
    const n = new URLSearchParams(q);
    n.set('page', String(p));
    location.hash = `#/admin/access-log?${n}`;
  };
  fill(
    out,
    form,
    h(
      'section.panel',
      h('h2', `访问记录（共 ${r.total} 条）`),
      r.items.length
        ? h(
            'table.t',
            h(
              'thead',
              h(
                'tr',
                ['时间', '用户', '角色', '操作', '案件', '文书'].map((x) => h('th', { scope: 'col' }, x)),
              ),
            ),
            h(
              'tbody',
              r.items.map((x) =>
                h(
                  'tr',
                  h('td.small', chinaDateTime(x.at)),
                  h('td', `${x.user.displayName}（${x.user.username}）`),
                  h('td', roleLabel(x.user.role)),
                  h('td', ACTIONS[x.action] ?? x.action),
                  // A case without a 案号 yet (not accepted) by the number the filter above asks for (案件编号).
                  h('td', x.caseId ? h('a', { href: `#/cases/${x.caseId}` }, x.caseNo ?? `案件编号 ${x.caseId}`) : '—'),
                  h(
                    'td',
                    x.documentId
                      ? (docNames.get(x.documentId) ?? `文书编号 ${x.documentId}`)
                      : x.courtPackageId
                        ? `移送材料包（编号 ${x.courtPackageId}）`
                        : '—',
                  ),
                ),
              ),
            ),
          )
        : h('div.empty', '没有记录'),
      h(
        'div.pager',
        h('span.muted', `第 ${page}/${pages} 页`),
        h('button.btn.small', { type: 'button', disabled: page <= 1, onclick: () => goPage(page - 1) }, '上一页'),
        h('button.btn.small', { type: 'button', disabled: page >= pages, onclick: () => goPage(page + 1) }, '下一页'),
      ),
    ),
  );
}

// ----- audit log: changes to users and reference data -----
const AUDIT_ACTIONS = {
  create: '新建',
  update: '修改',
  put: '录入',
  replace: '替换',
  reset_password: '重置密码',
  change_password: '修改本人密码',
};
/** What changed, in a line: the fields of a user, the number of wage rows, a calendar year's day counts. */
function auditSummary(x) {
  const a = x.after;
  if (x.entity === 'calendar_years' && a)
    return `放假 ${a.offDays?.length ?? 0} 天，调休上班 ${a.workDays?.length ?? 0} 天；${a.notice ?? ''}`;
  if ((x.entity === 'minimum_wages' || x.entity === 'average_wages') && Array.isArray(a)) return `共 ${a.length} 条标准`;
  if (x.entity === 'user') {
    const b = x.before ?? {};
    const changed = Object.keys(a ?? {}).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    const words = { role: '角色', active: '状态', displayName: '姓名', username: '用户名', mustChangePassword: '首次登录须修改密码' };
    const shown = (k) =>
      k === 'role' ? roleLabel(a[k]) : k === 'active' ? (a[k] ? '在职' : '停用') : typeof a[k] === 'boolean' ? (a[k] ? '是' : '否') : a[k];
    return changed.map((k) => `${words[k] ?? k}：${shown(k)}`).join('；');
  }
  return '';
}
async function auditLogTab(out, q) {
  const page = Number(q.get('page') ?? 1);
  const entity = q.get('entity') ?? '';
  const r = await api('GET', `/api/audit-log?page=${page}&pageSize=50${entity ? `&entity=${entity}` : ''}`);
  // The entities one can filter by, and their names, come from the vocabulary (db/stores/reference.ts AUDIT_ENTITIES).
  const sel = select({ '': '全部', ...state.vocab.auditEntities }, { value: entity });
  sel.addEventListener('change', () => {
    location.hash = `#/admin/audit-log${sel.value ? `?entity=${sel.value}` : ''}`;
  });
  const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
  const goPage = (p) => {
    location.hash = `#/admin/audit-log?page=${p}${entity ? `&entity=${entity}` : ''}`;
  };
  fill(
    out,
    h('div.panel.row', field('类别', 'entity', sel)),
    h(
      'section.panel',
      h('h2', `变更记录（共 ${r.total} 条）`),
      r.items.length
        ? h(
            'table.t',
            h(
              'thead',
              h(
                'tr',
                ['时间', '操作人', '对象', '操作', '内容'].map((x) => h('th', { scope: 'col' }, x)),
              ),
            ),
            h(
              'tbody',
              r.items.map((x) =>
                h(
                  'tr',
                  h('td.small', chinaDateTime(x.at)),
                  h('td', x.actor ? `${x.actor.displayName}（${roleLabel(x.actor.role)}）` : '—'),
                  h('td', `${state.vocab.auditEntities[x.entity] ?? x.entity} ${x.key}`),
                  h('td', AUDIT_ACTIONS[x.action] ?? x.action),
                  h('td.small', auditSummary(x)),
                ),
              ),
            ),
          )
        : h('div.empty', '没有记录'),
      h(
        'div.pager',
        h('span.muted', `第 ${page}/${pages} 页`),
        h('button.btn.small', { type: 'button', disabled: page <= 1, onclick: () => goPage(page - 1) }, '上一页'),
        h('button.btn.small', { type: 'button', disabled: page >= pages, onclick: () => goPage(page + 1) }, '下一页'),
      ),
    ),
  );
}
