// Zhongcai web interface: a small single-page app over the HTTP API. No build step, no framework.
// This module is the shell: sign-in, layout, navigation, notifications and the router; each screen is a module in
// web/pages/.
import {
  ApiError,
  apart,
  api,
  chinaDate,
  clearOnEdit,
  confirmDialog,
  daysLeftText,
  dropExpiredDrafts,
  field,
  fill,
  guard,
  h,
  halfWidthAmount,
  input,
  ownDraftCount,
  plainAmountField,
  rememberReturn,
  roleLabel,
  saying,
  setSession,
  setTitle,
  showErrors,
  signOut,
  state,
  takeReturn,
  today,
} from './core.js';
import { adminPage } from './pages/admin.js';
import { boardPage } from './pages/board.js';
import { casePage, coverPage } from './pages/case.js';
import { caseList } from './pages/cases.js';
import { hearingsPage } from './pages/hearings.js';
import { mediationPage } from './pages/mediation.js';
import { registerForm } from './pages/register.js';
import { statsPage } from './pages/stats.js';
import { workbench } from './pages/workbench.js';

const app = document.getElementById('app');

// ---------- layout ----------
const NAV = [
  ['#/', '工作台', null],
  ['#/cases', '案件', null],
  ['#/cases/new', '登记申请', ['clerk']],
  ['#/mediation', '调解', ['mediator', 'clerk']],
  ['#/hearings', '开庭日历', ['clerk', 'arbitrator', 'chair', 'admin']],
  ['#/board', '审限督办', ['chair', 'admin']],
  ['#/stats', '统计分析', ['analyst', 'chair', 'admin']],
  ['#/admin', '系统管理', ['admin', 'chair']],
];
function layout(active, ...content) {
  const u = state.user;
  const bell = h(
    'button.bell',
    { type: 'button', 'aria-haspopup': 'true', 'aria-expanded': 'false', 'aria-label': '审限提醒' },
    '审限提醒',
  );
  const panel = h('div.notices', { hidden: true, role: 'region', 'aria-label': '审限提醒列表' });
  bell.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    bell.setAttribute('aria-expanded', String(!panel.hidden));
  });
  notifications(bell, panel);
  // The role beside the name, unless the name is the role's (系统管理员).
  const who = u.displayName === roleLabel(u.role) ? u.displayName : `${u.displayName}（${roleLabel(u.role)}）`;
  const nav = h(
    'nav.side',
    { id: 'side-nav', 'aria-label': '主导航' },
    NAV.filter(([, , roles]) => !roles || roles.includes(u.role)).map(([href, label]) =>
      h('a', { href, class: href === active ? 'active' : null, 'aria-current': href === active ? 'page' : null }, label),
    ),
    // On a phone the header has no room for the user and the password link: they are shown here instead (CSS).
    h('div.side-user', h('span.muted.small', who), h('a', { href: '#/password' }, '修改密码')),
  );
  const menu = h('button.menu', { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'side-nav' }, '菜单');
  const shell = h('div.shell', nav, h('main', { id: 'main', tabindex: '-1' }, content));
  sideMenu(menu, nav, shell);
  return h(
    'div.page',
    h('a.skip', { href: '#main', onclick: skipToMain }, '跳到主要内容'),
    h(
      'header.top',
      menu,
      h('span.brand', '仲裁'),
      h('span.org', '劳动人事争议仲裁案件管理'),
      h('span.spacer'),
      h('span.bell-wrap', bell, panel),
      h('span.who', who),
      h('a.top-link', { href: '#/password' }, '修改密码'),
      h('button', { type: 'button', onclick: signOutAsking }, '退出'),
    ),
    shell,
  );
}
/**
 * Narrow screens (≤ 800 px, CSS): the side menu folds behind the header's 菜单 button (aria-expanded, aria-controls).
 * Opening it moves the focus to its current or first link; Esc or the button closes it and gives the focus back to
 * the button. Following a link shows the next screen with the menu closed (the layout is drawn anew). On a wide
 * screen the button is not shown and the menu is always there.
 */
function sideMenu(button, nav, shell) {
  const set = (open, focus) => {
    button.setAttribute('aria-expanded', String(open));
    shell.classList.toggle('nav-open', open);
    if (open && focus) (nav.querySelector('a[aria-current="page"]') ?? nav.querySelector('a'))?.focus();
    if (!open && focus) button.focus();
  };
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true', true));
  nav.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && button.getAttribute('aria-expanded') === 'true' && getComputedStyle(button).display !== 'none') {
      e.preventDefault();
      set(false, true);
    }
  });
  // A link to the screen already shown (no hashchange, no new layout) still closes the menu.
  nav.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('a')) set(false, false);
  });
}
/**
 * Tables scroll sideways in a box of their own (div.table-scroll), never the whole page: every table a screen or a
 * dialog draws is wrapped as it is added. A box that does scroll can be focused and scrolled by keyboard (a region
 * named by the table's caption or the section's heading).
 */
const scrollBoxes = new ResizeObserver((entries) => {
  for (const { target } of entries) {
    const box = target.closest('.table-scroll');
    if (box) markScrolling(box);
  }
});
/** Whether a scrolling box shows its last column: its right edge stops fading (the cue that more lies to the side). */
const markEnd = (box) => box.classList.toggle('at-end', box.scrollLeft + box.clientWidth >= box.scrollWidth - 1);
function markScrolling(box) {
  const scrolls = box.scrollWidth > box.clientWidth + 1;
  // A visible cue (a phone's table cut at the right edge said nothing): a line "左右滑动" and the right edge fading.
  box.classList.toggle('scrolls', scrolls);
  markEnd(box);
  if (scrolls && !box.hasAttribute('tabindex')) {
    const table = box.querySelector('table');
    const name =
      table?.caption?.textContent?.trim() ||
      table?.getAttribute('aria-label') ||
      box.closest('section, .panel, dialog')?.querySelector('h2, h3')?.textContent?.trim() ||
      '表格';
    box.setAttribute('tabindex', '0');
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', `${name}（可左右滚动）`);
  } else if (!scrolls && box.hasAttribute('tabindex')) {
    box.removeAttribute('tabindex');
    box.removeAttribute('role');
    box.removeAttribute('aria-label');
  }
}
function wrapTables(root) {
  for (const table of root.querySelectorAll('table')) {
    if (table.parentElement?.closest('.table-scroll, .week-wrap')) continue;
    const box = h('div.table-scroll');
    table.replaceWith(box);
    box.append(table);
    box.addEventListener('scroll', () => markEnd(box), { passive: true });
    scrollBoxes.observe(box);
    scrollBoxes.observe(table);
  }
}
new MutationObserver((records) => {
  for (const r of records)
    for (const n of r.addedNodes)
      if (n instanceof Element && (n.tagName === 'TABLE' || n.querySelector('table'))) wrapTables(n.parentElement ?? n);
}).observe(document.body, { childList: true, subtree: true });
/**
 * Signing out clears the drafts in this browser: a form with unsaved changes asks first, and so does a draft kept from
 * earlier (a registration restored and not yet sent, an award's text) — the person may not know it would go.
 */
async function signOutAsking() {
  const dirty = state.leaveGuard?.dirty();
  const drafts = ownDraftCount();
  const said = dirty
    ? '表单尚未提交。退出后，本机保存的草稿将被清除（草稿含身份证号码、电话等个人信息）。'
    : `本机保存有您尚未提交的草稿${drafts > 1 ? `（${drafts} 份）` : ''}，退出后将被清除，无法恢复（草稿含身份证号码、电话等个人信息）。`;
  if ((dirty || drafts > 0) && !(await confirmDialog({ title: '退出登录？', body: h('p', said), confirmLabel: '退出登录' }))) return;
  signOut('已退出登录');
}
function skipToMain(e) {
  e.preventDefault();
  document.getElementById('main')?.focus();
}
/**
 * Award-clock alerts as the server recorded them: the daily sweep writes one alert when a clock comes within 10, 5
 * and 1 days and when it runs out (GET /api/alerts: per case its latest one that still stands, in the caller's
 * scope). The bell counts them; the panel lists them with the days left today.
 */
async function notifications(bell, panel) {
  if (!['arbitrator', 'chair', 'clerk', 'admin'].includes(state.user.role)) {
    bell.hidden = true;
    return;
  }
  try {
    const r = await api('GET', '/api/alerts?pageSize=200');
    const list = r.items;
    fill(bell, '审限提醒', r.total ? h(`span.count${r.overdue ? '.bad' : ''}`, String(r.total)) : null);
    bell.setAttribute('aria-label', `审限提醒：${r.total} 件案件审限临近或已逾期`);
    const when = { 'T-10': '届满前10日', 'T-5': '届满前5日', 'T-1': '届满前1日', overdue: '逾期' };
    fill(
      panel,
      h('h2', '审限临近或已逾期'),
      list.length
        ? h(
            'ul',
            list.map((d) =>
              h(
                'li',
                h('a', { href: `#/cases/${d.caseId}` }, d.caseNo ?? `#${d.caseId}`),
                ` ${apart(d.applicantNames.slice(0, 2)).join('、')} · `,
                h(d.status === 'overdue' ? 'strong.final-no' : 'span', daysLeftText(d.dueOn)),
                // legal55b M1: a due day beyond the loaded official calendar is provisional (预计), as in the deadline lists.
                d.provisional ? h('span.badge.warn.tight', { title: `届满日${d.dueOn}为预计：该年节假日安排尚未载入` }, '预计') : null,
                // s60 W2 #7: a reminder recorded on an earlier day is not named by its threshold, which no longer holds
                // today (「今日到期（届满前1日提醒）」): said as what is true — when it was given.
                h(
                  'span.small.muted',
                  chinaDate(d.recordedAt) === today()
                    ? `（${when[d.threshold] ?? ''}提醒，${chinaDate(d.recordedAt)}）`
                    : `（已于${chinaDate(d.recordedAt)}${d.threshold === 'overdue' ? '作逾期' : ''}提醒）`,
                ),
              ),
            ),
          )
        : h('p.muted', '没有临期的审限'),
      r.total > list.length ? h('p.small.muted', `另有 ${r.total - list.length} 件，见审限督办或案件列表`) : null,
      h('p.small.muted', '提醒由每日期限巡检记录（届满前10日、5日、1日及逾期）。'),
    );
  } catch {
    bell.hidden = true;
  }
}
/** Shows a screen in the layout; `active` is the navigation entry to highlight. */
export function mount(active, ...content) {
  app.replaceChildren(layout(active, ...content));
}

// ---------- sign-in ----------
function loginPage() {
  setTitle('登录');
  const flash = sessionStorage.getItem('zc.flash');
  sessionStorage.removeItem('zc.flash');
  const form = h(
    'form.login',
    { novalidate: true, 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, '仲裁案件管理'),
    flash ? h('div.alert.warn', { role: 'status' }, flash) : null,
    h('div.form-alert'),
    field(
      '用户名',
      'username',
      input('text', { autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', name: 'username', required: true }),
      { required: true },
    ),
    field('密码', 'password', input('password', { autocomplete: 'current-password', name: 'password', required: true }), {
      required: true,
    }),
    h('button.btn.primary.full', { type: 'submit' }, '登录'),
  );
  clearOnEdit(form);
  // fixU56 #4: the password check takes a moment — one sign-in at a time, the button saying so (Enter twice sends one).
  const submit = form.querySelector('button[type="submit"]');
  const signInOnce = guard(submit, () => saying(submit, '正在登录…', () => signIn()));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    signInOnce();
  });
  const signIn = async () => {
    const fd = new FormData(form);
    // An empty field is said as such before anything is sent (not "格式不正确").
    const missing = [
      ['username', '请输入用户名'],
      ['password', '请输入密码'],
    ].filter(([k]) => !String(fd.get(k) ?? '').trim());
    if (missing.length) {
      showErrors(form, new ApiError(400, { errors: missing.map(([path, message]) => ({ path, message })) }));
      return;
    }
    try {
      const r = await api('POST', '/api/auth/login', { username: fd.get('username'), password: fd.get('password') });
      setSession(r.token, r.user);
      location.hash = takeReturn(r.user?.id) ?? '#/';
    } catch (err) {
      showErrors(form, err.status === 401 ? new ApiError(401, {}, '用户名或密码不正确') : err);
    }
  };
  app.replaceChildren(h('main.login-main', { id: 'main' }, form));
  form.querySelector('input')?.focus();
}

/** Changing one's password (also required first when an administrator set it: a new account, a reset). */
function passwordPage(forced) {
  setTitle('修改密码');
  const cur = input('password', { autocomplete: 'current-password' });
  const pw = input('password', { autocomplete: 'new-password' });
  const pw2 = input('password', { autocomplete: 'new-password' });
  const form = h(
    `form${forced ? '.login' : '.panel.narrow'}`,
    { novalidate: true },
    forced ? h('h1', '修改密码') : null,
    forced
      ? h(
          'div.alert.warn',
          { role: 'status' },
          '您的密码是管理员设定的（新账户的初始密码或重置后的临时密码）：请先设置只有您知道的新密码，再继续使用。',
        )
      : null,
    h('div.form-alert'),
    // The account the new password is for, for the browser's password manager (not shown, not sent).
    h('input', {
      type: 'text',
      name: 'username',
      autocomplete: 'username',
      value: state.user?.username ?? '',
      readonly: true,
      hidden: true,
      tabindex: '-1',
      'aria-hidden': 'true',
    }),
    field('当前密码', 'currentPassword', cur, { required: true }),
    field('新密码', 'newPassword', pw, { required: true, hint: '至少12个字符，不能是常见密码' }),
    field('再次输入新密码', 'newPassword2', pw2, { required: true }),
    h(
      'div.actions',
      h('button.btn.primary', { type: 'submit' }, '修改密码'),
      forced ? h('button.btn', { type: 'button', onclick: () => signOut('已退出登录') }, '退出') : null,
    ),
  );
  const changeOnce = guard(
    () => form.querySelectorAll('button[type="submit"]'),
    async () => {
      if (pw.value !== pw2.value) {
        showErrors(form, new ApiError(400, { errors: [{ path: 'newPassword2', message: '两次输入的新密码不一致' }] }));
        return;
      }
      try {
        // fixU56 #4: the new password is hashed on the server (seconds): the button says so meanwhile.
        await saying(form.querySelector('button[type="submit"]'), '正在保存…', () =>
          api('POST', '/api/auth/password', { currentPassword: cur.value, newPassword: pw.value }),
        );
        // This session stays; the server has ended the user's other sessions.
        state.user = { ...state.user, mustChangePassword: false };
        sessionStorage.setItem('zc.flash.bench', '密码已修改；您在其他设备上的登录已失效。');
        location.hash = '#/';
      } catch (err) {
        showErrors(form, err);
      }
    },
  );
  clearOnEdit(form);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    changeOnce();
  });
  // Until the password is changed the server answers nothing else (403): no layout, which reads the vocabulary.
  if (forced) app.replaceChildren(h('main.login-main', { id: 'main' }, form));
  else mount(null, h('h1', '修改密码'), form);
  cur.focus();
}

// ---------- router ----------
let current = location.hash;
// Each history entry the app has shown carries a stamp (history.state.zc), so that the browser's Back is told apart
// from a link: staying after Back goes forward again (the entry the person came from stays where it was).
let pos = 0;
let skipRoute = null;
async function route() {
  if (skipRoute !== null && location.hash === skipRoute) {
    skipRoute = null;
    return;
  }
  // A form or an act dialog with unsaved changes asks before the screen changes; staying keeps the screen as it is.
  if (state.leaveGuard?.dirty() && location.hash !== current) {
    const guard = state.leaveGuard;
    const target = location.hash;
    const back = typeof history.state?.zc === 'number' && history.state.zc < pos;
    if (back) {
      skipRoute = current;
      history.forward();
    } else history.replaceState(null, '', current);
    if (!(await guard.confirm())) return;
    state.leaveGuard = null;
    if (back) {
      history.back();
      return;
    }
    history.replaceState(null, '', target);
  }
  state.leaveGuard = null;
  current = location.hash;
  if (typeof history.state?.zc !== 'number') history.replaceState({ zc: Date.now() }, '');
  pos = history.state.zc;
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  if (!state.token) {
    if (path !== '/login' && path) rememberReturn(location.hash);
    if (path !== '/login') history.replaceState(null, '', '#/login');
    current = location.hash;
    return loginPage();
  }
  try {
    state.user ??= await api('GET', '/api/auth/me');
    if (state.user.mustChangePassword) {
      if (path !== '/password') history.replaceState(null, '', '#/password');
      current = location.hash;
      return passwordPage(true);
    }
    state.vocab ??= await api('GET', '/api/reference/vocabulary');
  } catch (err) {
    if (err.status === 401) return;
    app.replaceChildren(h('main', { id: 'main' }, h('h1', '无法加载'), h('div.alert.bad', { role: 'alert' }, err.message)));
    return;
  }
  for (const d of document.querySelectorAll('dialog:not(.reauth)')) d.remove();
  state.screen++;
  const caseM = /^\/cases\/(\d+)(\/edit|\/cover)?$/.exec(path ?? '');
  if (path === '/login') location.hash = '#/';
  else if (path === '/cases') caseList(query ?? '', mount);
  else if (path === '/cases/new' || path === '/cases/new-review') {
    // ui47 M3: an application for arbitral review of a mediation agreement (Rules Arts. 74–79) is registered here too.
    const review = path === '/cases/new-review';
    const title = review ? '登记仲裁审查申请' : '登记仲裁申请';
    setTitle(title);
    // fixU57 #6: a role that cannot register (app/policy.ts registerRefusal: the clerk registers an application) opening
    // the address is told so, as the other screens say it — not shown a form the server would refuse.
    if (state.user.role !== 'clerk') {
      mount(
        '#/cases/new',
        h('h1', title),
        h(
          'div.alert.bad.register-refusal',
          { role: 'alert' },
          `${roleLabel(state.user.role)}不能${title}：${review ? '仲裁审查申请' : '仲裁申请'}由书记员登记。`,
          state.user.role === 'mediator' ? ' 案前调解申请可在“调解”中登记。' : '',
        ),
      );
      return;
    }
    mount(
      '#/cases/new',
      h('h1', title),
      h(
        'p.small.register-track',
        review
          ? [
              '当事人共同申请对调解协议进行仲裁审查（《劳动人事争议仲裁办案规则》第七十四条）。',
              h('a', { href: '#/cases/new' }, '改为登记仲裁申请'),
            ]
          : ['登记仲裁申请。', h('a', { href: '#/cases/new-review' }, '当事人共同申请审查调解协议的，登记仲裁审查申请')],
      ),
      registerForm(review ? 'review' : 'arbitration'),
    );
  } else if (caseM?.[2] === '/edit') editPage(caseM[1]);
  else if (caseM?.[2] === '/cover') coverPage(caseM[1], mount);
  else if (caseM) casePage(caseM[1], mount);
  else if (path === '/mediation') mediationPage(mount);
  else if (path === '/stats') statsPage(query ?? '', mount);
  else if (path === '/hearings') hearingsPage(query ?? '', mount);
  else if (path === '/board') boardPage(mount);
  else if (path?.startsWith('/admin')) adminPage(path, query ?? '', mount);
  else if (path === '/password') passwordPage(false);
  else if (!path || path === '/') workbench(mount);
  else notFound(path);
  window.scrollTo(0, 0);
}
/** ui45 L9: an address the app has no page for says so (not the workbench under an unchanged address), with a way on. */
function notFound(path) {
  setTitle('页面不存在');
  mount(
    '',
    h('h1', '页面不存在'),
    h(
      'div.alert.warn',
      { role: 'alert' },
      `没有地址为“#${path}”的页面：链接可能有误或已过时。`,
      h('p', h('a', { href: '#/' }, '返回工作台'), ' · ', h('a', { href: '#/cases' }, '查看案件列表')),
    ),
  );
}
async function editPage(id) {
  setTitle('修改登记信息');
  try {
    const c = await api('GET', `/api/cases/${id}`);
    mount(
      '#/cases',
      h('h1', `修改登记信息：${c.track === 'mediation' ? '调解申请' : '仲裁申请'} #${c.id}`),
      h('p.muted', '受理前可修改登记内容；修改记入办理记录。'),
      registerForm(c.track, c),
    );
  } catch (err) {
    mount('#/cases', h('h1', '修改登记信息'), h('div.alert.bad', { role: 'alert' }, err.message));
  }
}
window.addEventListener('hashchange', route);
// Amounts typed with a Chinese input method (１２０００．５０) are read as the digits they are.
document.addEventListener('input', (e) => halfWidthAmount(e.target, e.isComposing), true);
document.addEventListener('compositionend', (e) => halfWidthAmount(e.target, false), true);
// …and typed with thousands separators (36,000 or 36，000), shown as the number sent once the field is left.
document.addEventListener('change', (e) => plainAmountField(e.target), true);
window.addEventListener('zc:route', route);
// Closing or reloading the tab with unsaved changes asks the browser's own question (drafts are kept regardless).
window.addEventListener('beforeunload', (e) => {
  if (state.leaveGuard?.dirty()) e.preventDefault();
});
// Another tab signed in or out: follow it.
window.addEventListener('storage', (e) => {
  if (e.key !== 'zc.token') return;
  state.token = e.newValue;
  if (!e.newValue) {
    state.user = null;
    route();
  }
});
// fixU54 #4: every page load drops the drafts past their life, of every user of this browser (core.js DRAFT_LIFE_HOURS).
dropExpiredDrafts();
route();
