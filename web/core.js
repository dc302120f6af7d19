// Zhongcai web interface — the shared core: DOM helper, API client (idempotency keys, re-authentication in place,
// plain Chinese errors), form fields and their errors, drafts, dialogs, labels. No framework, no build step.

import { csvCell } from './cells.js';

export const state = {
  token: localStorage.getItem('zc.token'),
  user: null,
  vocab: null,
  /** A form with unsaved changes: {dirty(), confirm()} — asked before leaving the screen. */
  leaveGuard: null,
  /**
   * Which screen is shown: one more on every change of screen. What a screen started before an await (a case drawn, an
   * act's dialog opened, its page redrawn after the act) is dropped when the person has moved on meanwhile — never
   * drawn over another case's address.
   */
  screen: 0,
};

// ---------- DOM helper: h('tag.class', {attrs}, ...children); text is always set as text ----------
export function h(sel, attrs, ...kids) {
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
    else if (k === 'class') el.classList.add(...String(v).split(/\s+/).filter(Boolean));
    // The Content-Security-Policy refuses inline style attributes: layout goes through classes only.
    else if (k === 'style') throw new Error('inline style: use a class');
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const k of kids.flat(Infinity)) {
    if (k === null || k === undefined || k === false) continue;
    el.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return el;
}
/** replaceChildren that, like h(), skips null/false and flattens arrays. */
export function fill(el, ...kids) {
  el.replaceChildren(...kids.flat(Infinity).filter((k) => k !== null && k !== undefined && k !== false));
  return el;
}

// ---------- dates ----------
/** Today as the server sees it (its clock is the one rules judge by); the browser's clock until it is known. */
export const today = () => state.vocab?.today ?? new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
export function addDays(d, n) {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 864e5).toISOString().slice(0, 10);
}
export const daysBetween = (from, to) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 864e5);
/** Monday of the week of `d`. */
export function mondayOf(d) {
  const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
  return addDays(d, -((wd + 6) % 7));
}
/** An instant the server recorded (ISO, UTC) as China time (Asia/Shanghai, no daylight saving): "2026-12-02 15:57". */
export function chinaDateTime(instant) {
  const t = Date.parse(instant ?? '');
  if (Number.isNaN(t)) return '';
  const s = new Date(t + 8 * 3600e3).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}
/** The China day of an instant: 07:57 on 12-02 China time is 12-01 23:57 UTC, and is listed as 12-02. */
export const chinaDate = (instant) => chinaDateTime(instant).slice(0, 10);
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
export const weekday = (d) => `周${WEEKDAYS[new Date(`${d}T00:00:00Z`).getUTCDay()]}`;

// ---------- API ----------
export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message ?? humanMessage(status, problem));
    this.status = status;
    this.problem = problem ?? {};
  }
}
export const newKey = () =>
  crypto.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;

/**
 * One API call. Writes (POST, PUT, PATCH) always carry an Idempotency-Key: the caller passes the key of its logical
 * act (a dialog keeps one key until the server answers, so a double click or a retry after a lost answer records
 * the act once). A 401 opens the sign-in dialog over the current screen and retries the same request afterwards, so
 * nothing typed is lost. Network and proxy failures become ApiErrors with a plain Chinese message.
 */
export async function api(method, path, body, opts = {}) {
  const write = method !== 'GET';
  const key = write ? (opts.key ?? newKey()) : null;
  for (;;) {
    let r;
    try {
      r = await fetch(path, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(state.token ? { authorization: `Bearer ${state.token}` } : {}),
          ...(key && path !== '/api/auth/login' ? { 'idempotency-key': key } : {}),
          ...(opts.ifMatch !== undefined ? { 'if-match': `"${opts.ifMatch}"` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, null, '无法连接服务器：请检查网络连接后重试。已填写的内容仍在页面上，不会丢失。');
    }
    if (r.status === 401 && path !== '/api/auth/login' && !opts.noReauth) {
      if (await reauthenticate()) continue;
      throw new ApiError(401, null, '登录已失效，请重新登录');
    }
    // A write answered with the stored answer of its key's first request (server/http/write.ts): `opts.meta.replayed`.
    if (opts.meta) opts.meta.replayed = r.headers.get('idempotent-replayed') === 'true';
    if (opts.raw) {
      if (!r.ok) throw new ApiError(r.status, await readProblem(r));
      return r;
    }
    const problemOrData = await readBody(r);
    if (!r.ok)
      throw new ApiError(
        r.status,
        problemOrData.json ?? null,
        problemOrData.json ? humanMessage(r.status, problemOrData.json, path) : gatewayMessage(r.status),
      );
    if (problemOrData.unreadable)
      throw new ApiError(r.status, null, '服务器返回了无法识别的内容（可能是代理或网关页面），请稍后重试或联系管理员。');
    return problemOrData.json;
  }
}
async function readBody(r) {
  const text = await r.text();
  if (!text) return { json: null };
  const type = r.headers.get('content-type') ?? '';
  if (!/json/.test(type)) return { json: null, unreadable: true };
  try {
    return { json: JSON.parse(text) };
  } catch {
    return { json: null, unreadable: true };
  }
}
async function readProblem(r) {
  return (await readBody(r)).json;
}
function gatewayMessage(status) {
  if (status === 502 || status === 504) return `服务器暂时无法响应（网关错误 ${status}），请稍后重试。已填写的内容不会丢失。`;
  if (status === 503) return '服务器暂时不可用，请稍后重试。已填写的内容不会丢失。';
  if (status === 413) return '提交的内容过大，请精简后重试。';
  if (status >= 500) return `服务器出错（${status}），请稍后重试；如果一再出现，请联系管理员。`;
  return `请求未成功（${status}）`;
}

/** The message a person reads for a problem: its detail with legal sources once, in Chinese. */
function humanMessage(status, problem, path = '') {
  if (!problem) return gatewayMessage(status);
  if (status === 429 || status === 503) {
    // The server's own sentence when it has one (a locked account says so, in minutes); a wait in minutes once it is
    // long; "nothing typed is lost" only where something was typed (not on signing in).
    const detail = String(problem.detail || (status === 429 ? '操作过于频繁' : '服务器繁忙')).replace(/[。.]$/, '');
    const s = problem.retryAfterSeconds;
    const wait = /后再试/.test(detail)
      ? ''
      : s
        ? s >= 90
          ? `，请约 ${Math.ceil(s / 60)} 分钟后再试`
          : `，请约 ${s} 秒后再试`
        : '，请稍后再试';
    return `${detail}${wait}。${path === '/api/auth/login' ? '' : '已填写的内容不会丢失。'}`;
  }
  if (status === 412) {
    // The act that moved the case since this screen was drawn, as the server names it. The person's own act in another
    // tab or window is not "someone else's" (ui43 L10).
    const l = problem.latest;
    if (changedByMe(problem))
      return `案件已在其他窗口或由您本人修改（您于 ${chinaDateTime(l.recordedAt)} 办理了“${l.label}”）：请载入最新内容后再办理。`;
    const by = l ? `（${l.actorName ?? '系统'} ${chinaDateTime(l.recordedAt)} 办理了“${l.label}”）` : '';
    return `案件已被他人修改${by}：请刷新页面查看最新情况后再办理。`;
  }
  if (status === 500) return `服务器出错，请稍后重试；如一再出现，请把错误编号 ${problem.errorId ?? ''} 告诉管理员。`;
  let detail = problem.detail || problem.title || `请求未成功（${status}）`;
  if (status === 400 && problem.errors?.length) detail = '有内容需要修改，请查看标红的项目。';
  return withSource(detail, problem.source);
}
/** "…（LDMAL Art. 35）" → "…（依据：《劳动争议调解仲裁法》第三十五条）" — the source once, in Chinese. */
export function withSource(detail, source) {
  let text = lawCodes(String(detail));
  source = source ? lawCodes(source) : source;
  const sources = [];
  if (source) {
    sources.push(source);
    text = text.replace(`（${source}）`, '').replace(`(${source})`, '');
  }
  // A source the server left inside the text: "（LDMAL Art. 43; Rules Art. 45）".
  text = text.replace(/[（(]((?:LDMAL|Rules|OrgRules|CPL|CPL-Interp|SPC-\w+|LCL|LL|PML)\b[^）)]*)[）)]/g, (_m, s) => {
    if (!sources.includes(s)) sources.push(s);
    return '';
  });
  text = text.replace(/(?:LDMAL|Rules|OrgRules|CPL|CPL-Interp|SPC-\w+|PML) Arts?\. [\d–\-, ()]+/g, (m) => sourceZh(m));
  text = text.replace(/PUT \/api\/calendar\/years\/(\d{4})/g, '由管理员在“系统管理 › 节假日安排”中录入$1年安排');
  return sources.length ? `${text.trim()}（依据：${sources.map(sourceZh).join('；')}）` : text.trim();
}

const LAWS = {
  LDMAL: '《劳动争议调解仲裁法》',
  Rules: '《劳动人事争议仲裁办案规则》',
  OrgRules: '《劳动人事争议仲裁组织规则》',
  CPL: '《民事诉讼法》',
  'CPL-Interp': '《最高人民法院关于适用〈民事诉讼法〉的解释》',
  'SPC-1': '《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》',
  'SPC-2': '《最高人民法院关于审理劳动争议案件适用法律问题的解释（二）》',
  'SPC-2000': '《最高人民法院关于人民法院对经劳动争议仲裁裁决的纠纷准予撤诉或驳回起诉后劳动争议仲裁裁决从何时起生效的解释》',
  LCL: '《劳动合同法》',
  LL: '《劳动法》',
  PML: '《人民调解法》',
};
/** ui50: a law the server cites by its English name ("People's Mediation Law Art. 33"), read as its code. */
const lawCodes = (text) => text.replace(/People[’']s Mediation Law(?= Arts?\.)/g, 'PML');
const DIGITS = '〇一二三四五六七八九';
/** 1–999 in Chinese numerals as statute articles are numbered (十五, 二十一, 一百零五). */
export function cnNumber(n) {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  return `${DIGITS[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${cnNumber(rest)}` : cnNumber(rest)}`;
}
/**
 * Articles cited as "Art. N(n)" whose (n) are numbered items (项) — LDMAL Art. 47 (the final-award categories), Rules
 * Art. 46 (how the limit is counted) — rather than paragraphs (款), as in every other article the code cites that way.
 */
const ITEMIZED = new Set(['LDMAL 47', 'Rules 46']);
/** "LDMAL Art. 43; Rules Arts. 45–46" → "《劳动争议调解仲裁法》第四十三条；《劳动人事争议仲裁办案规则》第四十五条至第四十六条". */
export function sourceZh(source) {
  return lawCodes(String(source))
    .split(/;\s*/)
    .map((part) => {
      const m = /^([A-Za-z][\w-]*)\s+Arts?\.\s*(.+)$/.exec(part.trim());
      if (!m) return part.trim();
      const law = LAWS[m[1]] ?? m[1];
      const arts = m[2]
        .split(/,\s*/)
        .map((a) => {
          const range = /^(\d+)\s*[–-]\s*(\d+)$/.exec(a.trim());
          if (range) return `第${cnNumber(Number(range[1]))}条至第${cnNumber(Number(range[2]))}条`;
          const one = /^(\d+)\s*(?:\((\d+)\))?(?:\s*\((\d+)\)\s*[–-]\s*\((\d+)\))?/.exec(a.trim());
          if (!one) return a;
          let s = `第${cnNumber(Number(one[1]))}条`;
          // "(n)" is a numbered item (项) only in the articles that list items; elsewhere it is the nth paragraph (款):
          // LDMAL Art. 43(1) is 第四十三条第一款, Art. 47(1) 第四十七条第（一）项.
          const items = ITEMIZED.has(`${m[1]} ${one[1]}`);
          const sub = (n) => (items ? `第（${cnNumber(Number(n))}）项` : `第${cnNumber(Number(n))}款`);
          // "42(2)–(3)": from one paragraph (item) to another of the same article.
          const span = /^\d+\s*\((\d+)\)\s*[–-]\s*\((\d+)\)\s*$/.exec(a.trim());
          if (span) return `${s}${sub(span[1])}至${sub(span[2])}`;
          if (one[2]) s += sub(one[2]);
          if (one[3]) s += `${sub(one[3])}至${sub(one[4])}`;
          return s;
        })
        .join('、');
      return `${law}${arts}`;
    })
    .join('；');
}

/** What every form of the interface says of a required field left empty. */
export const REQUIRED = '必须填写';

/** Field messages in plain words (schema messages the server did not phrase itself). */
export function fieldMessage(msg) {
  const m = String(msg ?? '');
  // One wording for a required field left empty, whatever the server's schema says (不能为空, a minimum of 1).
  if (/实际接收 undefined|Required|received undefined|^不能为空$|(?:过小|太小|太短|too small)：?\s*期望 (?:string|array) >=1\b/i.test(m))
    return REQUIRED;
  if (/期望 (number|integer)|expected number/i.test(m)) return '请填写数字';
  if (/期望 boolean|expected boolean/i.test(m)) return '请选择是或否';
  if (/无效选项|Invalid option|期望以下之一/i.test(m)) return '请从列表中选择';
  // Sizes first: zod's "数值过大：期望 string <=100 字符" names the type too.
  const short = /(?:过小|太小|太短|too small).*?(\d+)/i.exec(m);
  if (short) return `至少 ${short[1]} 项/个字符`;
  const long = /(?:过大|太大|太长|too big).*?(\d+)/i.exec(m);
  if (long) return `不能超过 ${long[1]} 个字符/项`;
  if (/期望 string|expected string|期望 array|expected array/i.test(m)) return '格式不正确';
  if (/^不允许的字段/.test(m)) return '此项不适用，请清空';
  return withSource(m);
}

// ---------- sign-in, in place ----------
let reauthPending = null;
/** The session ended: ask for the password over the current screen; true once signed in again as the same user. */
export function reauthenticate() {
  if (!state.user) {
    signOut('登录已失效，请重新登录', { remote: false, keepDrafts: true });
    return Promise.resolve(false);
  }
  reauthPending ??= new Promise((resolve) => {
    const pw = input('password', { autocomplete: 'current-password', name: 'password' });
    const msg = h('div.form-alert');
    const form = h(
      'form',
      { novalidate: true },
      h('div.dh', h('h2', { id: 'reauth-title' }, '登录已失效，请重新输入密码')),
      h(
        'div.db',
        h(
          'p',
          `为保护案件信息，登录已过期。输入 ${state.user.username ?? state.user.displayName} 的密码后继续，页面上已填写的内容不会丢失。`,
        ),
        msg,
        field('密码', 'password', pw, { required: true }),
      ),
      h(
        'div.df',
        h('button.btn', { type: 'button', onclick: () => done(false) }, '退出登录'),
        h('button.btn.primary', { type: 'submit' }, '继续'),
      ),
    );
    const dlg = h('dialog.reauth', { 'aria-labelledby': 'reauth-title' }, form);
    const done = (ok) => {
      dlg.close();
      dlg.remove();
      reauthPending = null;
      if (!ok) signOut('已退出登录', { remote: false });
      resolve(ok);
    };
    dlg.addEventListener('cancel', (e) => e.preventDefault());
    // fixU56 #4: one sign-in at a time (the password check takes a moment), the button saying so.
    const submit = form.querySelector('button[type="submit"]');
    const signInOnce = guard(submit, () =>
      saying(submit, '正在登录…', async () => {
        try {
          const r = await api('POST', '/api/auth/login', { username: state.user.username, password: pw.value }, { noReauth: true });
          setSession(r.token, r.user);
          done(true);
        } catch (err) {
          showErrors(form, err.status === 401 ? new ApiError(401, {}, '密码不正确') : err);
        }
      }),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      signInOnce();
    });
    document.body.append(dlg);
    dlg.showModal();
    pw.focus();
  });
  return reauthPending;
}
export function setSession(token, user) {
  state.token = token;
  state.user = user;
  localStorage.setItem('zc.token', token);
  // A session that expired keeps its drafts for the same person's return; whoever signs in next on this browser does
  // not find another person's identity numbers and phones stored in it (security check s41, F8).
  for (const k of allDraftKeys()) if (!k.startsWith(`zc.draft.${user?.id ?? 0}.`)) localStorage.removeItem(k);
  dropExpiredDrafts();
  for (const k of storedKeys('zc.filters.')) if (k !== `zc.filters.${user?.id ?? 0}`) localStorage.removeItem(k);
}
/** Where to go after signing in: `hash`, for the user `uid` only (null: whoever signs in, e.g. a link opened signed out). */
export function rememberReturn(hash, uid = null) {
  sessionStorage.setItem('zc.return', JSON.stringify({ hash, uid }));
}
/** The remembered place for the user who just signed in (taken: it is used once), or null. */
export function takeReturn(uid) {
  const raw = sessionStorage.getItem('zc.return');
  sessionStorage.removeItem('zc.return');
  if (!raw) return null;
  let r;
  try {
    r = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!r || typeof r.hash !== 'string' || !r.hash.startsWith('#/') || r.hash.startsWith('#/login')) return null;
  return r.uid === null || r.uid === uid ? r.hash : null;
}
/** Ends the session here (and on the server unless it already ended) and shows the sign-in page. */
export function signOut(message, opts = { remote: true }) {
  const token = state.token;
  const uid = state.user?.id ?? null;
  // Drafts hold whole identity numbers and phones: signing out leaves none in this browser. (A session that merely
  // expired keeps them — the sign-in dialog opens over the form — unless the person then chooses to sign out.)
  if (!opts.keepDrafts) clearAllDrafts();
  // Saved case-list filters too: they may name parties (security check sec44) — signing out leaves nothing of the work.
  if (!opts.keepDrafts) for (const k of storedKeys('zc.filters.')) localStorage.removeItem(k);
  state.token = null;
  state.user = null;
  state.leaveGuard = null;
  localStorage.removeItem('zc.token');
  if (opts.remote && token) fetch('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(() => {});
  sessionStorage.setItem('zc.flash', message ?? '');
  // A session that expired comes back to where the person was — for the same person only (returnTo); signing out
  // leaves nothing for whoever signs in next on this browser (a new user's walk, ui44 M5: the next clerk landed on the
  // previous one's case, and a read of it was logged in the new user's name).
  const here = location.hash;
  if (opts.keepDrafts && here && !here.startsWith('#/login')) rememberReturn(here, uid);
  else sessionStorage.removeItem('zc.return');
  for (const d of document.querySelectorAll('dialog')) d.remove();
  if (location.hash === '#/login') window.dispatchEvent(new Event('zc:route'));
  else location.hash = '#/login';
}

// ---------- downloads and preview ----------
export async function fetchBlob(path) {
  const r = await api('GET', path, undefined, { raw: true });
  return r.blob();
}
export async function download(path, filename) {
  const blob = await fetchBlob(path);
  saveBlob(blob, filename);
}
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, hidden: true }, filename);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---------- labels ----------
const V = () => state.vocab;
export const stateLabel = (s) => V().states[s] ?? s;
export const eventLabel = (t) => V().events[t] ?? t;
export const roleLabel = (r) => V().roles[r] ?? r;
/** 结案方式, from the vocabulary (workflows/labels.ts CLOSURE_MODE_LABELS): no copy here. */
export const closureLabel = (m) => (m ? (V().closureModes[m] ?? m) : '');
export const money = (s) => (s === null || s === undefined ? '—' : `${Number(s).toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元`);
export const pct = (v) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(2)}%`);
/** The applicant a claim is one's own (a worker's of several, Rules Art. 62), or whom a counterclaim's is against; '' when the applicants' together. */
export function claimOwner(c, cl) {
  if (!cl.applicantId || (c.applicants ?? []).length < 2) return '';
  return (c.applicants ?? []).find((p) => p.id === cl.applicantId)?.name ?? '';
}
/** At most three names, then “等N人” (collective disputes list dozens of workers). */
/**
 * ui53 L6: two parties of one name in a list's row are told apart by their place on that side, as the case page does
 * (李强（第1位）、李强（第2位）); a name given once stays as it is.
 */
export const apart = (list) => list.map((n, i) => (list.filter((x) => x === n).length > 1 ? `${n}（第${i + 1}位）` : n));
// s60 W2 #7: only the names shown are told apart (a namesake left under 「等N人」 would make 「第2位」 a riddle).
export const names = (list) => {
  const shown = list.length > 3 ? list.slice(0, 3) : list;
  const told = apart(shown).join('、');
  return list.length > 3 ? `${told} 等${list.length}人` : told;
};
/**
 * s61 C #1: the parties of a case as an arbitration commission names them — 「张三、李四与聊城某某有限公司劳动争议」 —
 * not the litigation's 「甲 诉 乙」 (s60 W2 #6); each side as `names` lists it (namesakes told apart, 「等N人」 past three).
 * `applicants` and `respondents`: the names, in their order.
 */
export const partiesTitle = (applicants, respondents) => `${names(applicants ?? [])}与${names(respondents ?? [])}劳动争议`;
export function stateBadge(s) {
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
export function deadlineBadge(d) {
  const map = {
    overdue: ['bad', '已逾期'],
    open: ['info', '进行中'],
    met: ['ok', '已完成'],
    met_late: ['warn', '逾期完成'],
    // LDMAL Art. 14(3): the mediation's 15 days are over — a party may apply for arbitration; not a missed deadline.
    elapsed: ['info', '已届满'],
    paused: ['warn', '暂停计算'],
    unknown: ['warn', '待定'],
    // ui52 M4: ended by the case's closure or by something else (a worker's suit withdrawn replaces the employer's period
    // to apply to set aside, SPC-1 Art. 21(2)): the server's explanation beside it says which.
    ended: ['info', '不再计算'],
    // Stop 44, L4: its day passed before the case closed — missed, not mooted; no longer anyone's to-do.
    missed: ['bad', '逾期未完成'],
  };
  const [c, t] = map[d.status] ?? ['info', d.status];
  return h(`span.badge.${c}`, t);
}
/** A due date as a person reads it: exact, 预计 (provisional, beyond the loaded calendar) or 待定. */
export function dueText(d) {
  // A window that has not started (the award not yet served) is not "undetermined": it has no start yet.
  if (!d.dueOn && !d.startsOn && d.status === 'open') return h('span.muted', '尚未起算');
  // ui52 M4: a period no longer counted without a due day is not "to be determined".
  if (!d.dueOn && d.status === 'ended') return h('span.muted', '—');
  if (!d.dueOn) return h('span', '待定');
  const out = d.provisional ? h('span', { title: d.explanation ?? '' }, d.dueOn, h('span.badge.warn.tight', '预计')) : h('span', d.dueOn);
  markRestDay(out, d.dueOn);
  return out;
}
const restDays = new Map();
/**
 * A due date that falls on a rest day (a weekend or public holiday on the official calendar, `GET /api/calendar/day`)
 * is marked 休息日 beside it (ui43 L12): a calendar-day period (a service window) may end on a Sunday. Looked up once
 * per date; an unanswered lookup marks nothing.
 */
function markRestDay(el, date) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? '')) return;
  if (!restDays.has(date))
    restDays.set(
      date,
      api('GET', `/api/calendar/day?date=${date}`, undefined, { noReauth: true }).catch(() => null),
    );
  restDays.get(date).then((day) => {
    if (!day?.rest) return;
    const what = day.kind === 'holiday' ? `法定节假日${day.name ? `（${day.name}）` : ''}` : '周末';
    el.append(h('span.badge.warn.tight.rest-day', { title: `该日为休息日：${what}` }, '休息日'));
  });
}
/** Days left until a due date, as a signed count ("剩 3 天", "逾期 2 天"). */
export function daysLeftText(dueOn) {
  if (!dueOn) return '—';
  const n = daysBetween(today(), dueOn);
  return n < 0 ? `逾期 ${-n} 天` : n === 0 ? '今日到期' : `剩 ${n} 天`;
}

// ---------- forms: fields, errors ----------
let uid = 0;
export function field(label, path, el, opts = {}) {
  el.dataset.path = path;
  if (!el.id) el.id = `f-${path.replaceAll('.', '-')}-${++uid}`;
  if (opts.required) el.setAttribute('aria-required', 'true');
  const err = h('span.field-error', { 'data-error-for': path, id: `${el.id}-err` });
  const hint = opts.hint ? h('span.small.muted', { id: `${el.id}-hint` }, opts.hint) : null;
  el.setAttribute('aria-describedby', [hint?.id, err.id].filter(Boolean).join(' '));
  // The label holds only the field's name (its accessible name); the hint and the error are described-by.
  return h(
    `div.f${opts.wide ? '.wide' : opts.grow ? '.grow' : ''}`,
    h('label', { for: el.id }, label, opts.required ? h('span.req', { 'aria-hidden': 'true' }, '*') : null),
    el,
    hint,
    err,
  );
}
export const input = (type, attrs = {}) => h('input', { type, ...attrs });

/**
 * ui45 L5: what a date control in `scope` holds that is no date the person meant — typed half-way (the browser reads
 * nothing), or a year out of any case's range (2026/3/20 typed into the year segment became 6320-12-05), or past its
 * max/min — as [path, message] pairs, said on the first submit with the other errors (not after they are fixed).
 */
export function dateProblems(scope) {
  const out = [];
  for (const el of scope.querySelectorAll('input[type="date"][data-path]')) {
    if (el.disabled || el.closest('[hidden]')) continue;
    const v = el.value;
    const year = Number(v.slice(0, 4));
    if (el.validity?.badInput) out.push([el.dataset.path, '日期不完整或无效：请按“年-月-日”填写或从日历选择']);
    else if (!v) continue;
    else if (!(year >= 1900 && year <= 2100)) out.push([el.dataset.path, `日期 ${v} 的年份无效：请按“年-月-日”填写或从日历选择`]);
    else if (el.max && v > el.max) out.push([el.dataset.path, `不能晚于 ${el.max}`]);
    else if (el.min && v < el.min) out.push([el.dataset.path, `不能早于 ${el.min}`]);
  }
  return out;
}

const FULL_WIDTH_DIGIT = /[０-９．]/;
/**
 * An amount field (inputmode decimal, or a field named …amount) with full-width digits or point — what a Chinese input
 * method types — gets the ASCII ones, character for character (the caret stays where it was). Not while composing.
 */
export function halfWidthAmount(el, composing) {
  if (composing || !(el instanceof HTMLInputElement) || el.type !== 'text') return;
  // …and a whole-number field (inputmode numeric: 延长天数, ui44 L7) the same way.
  if (el.inputMode !== 'decimal' && el.inputMode !== 'numeric' && !/amount$/i.test(el.dataset.path ?? '')) return;
  if (!FULL_WIDTH_DIGIT.test(el.value)) return;
  const at = el.selectionStart;
  el.value = el.value.replace(/[０-９．]/g, (ch) => (ch === '．' ? '.' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
  if (at !== null) el.setSelectionRange(at, at);
}
/**
 * A select from `[value, label]` pairs, in the order given (ui47 H1: an object puts integer-like keys — party ids —
 * before '', so a list built as { '': default, ...ids } opened on the first party). An object of string keys (a fixed
 * vocabulary) is still accepted; anything keyed by ids is passed as pairs. Nothing is selected but `attrs.value`, else
 * the first option.
 */
export function select(options, attrs = {}) {
  const pairs = Array.isArray(options) ? options : Object.entries(options);
  const value = attrs.value === undefined || attrs.value === null ? undefined : String(attrs.value);
  return h(
    'select',
    attrs,
    pairs.map(([v, l]) => h('option', { value: String(v), selected: value === String(v) }, l)),
  );
}
export function setError(scope, path, message) {
  const el = scope.querySelector(`[data-path="${CSS.escape(path)}"]`);
  const slot = scope.querySelector(`[data-error-for="${CSS.escape(path)}"]`);
  if (slot) slot.textContent = message ?? '';
  el?.classList.toggle('invalid', Boolean(message));
  if (message) el?.setAttribute('aria-invalid', 'true');
  else el?.removeAttribute('aria-invalid');
}
/**
 * ui55 #3: a check run when a field is left (blur) that shows or removes an error line moves what is below it. Left by
 * pressing a button below, the line came between the press and the release: the button moved ~18 px under the pointer
 * and the click was lost (＋ 委托代理人 under a wrong 公民身份号码). `afterPress(fn)` runs `fn` at once — or, while a
 * pointer is pressed, once it is released and its click has been delivered: the error is shown all the same, a moment
 * later, and the click lands where it was aimed.
 */
let pressed = false;
// Only where there is a real document (a unit test may stand a bare object in for it).
if (typeof document !== 'undefined' && typeof document.addEventListener === 'function') {
  document.addEventListener(
    'pointerdown',
    () => {
      pressed = true;
    },
    true,
  );
  for (const t of ['pointerup', 'pointercancel']) document.addEventListener(t, () => setTimeout(() => (pressed = false), 0), true);
}
export function afterPress(fn) {
  if (!pressed) return fn();
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    // After the release's click (dispatched with the mouseup, before any timer).
    setTimeout(fn, 0);
  };
  document.addEventListener('pointerup', run, { capture: true, once: true });
  document.addEventListener('pointercancel', run, { capture: true, once: true });
}
export function clearErrors(form) {
  for (const el of form.querySelectorAll('.field-error')) el.textContent = '';
  for (const el of form.querySelectorAll('.invalid')) {
    el.classList.remove('invalid');
    el.removeAttribute('aria-invalid');
  }
  const box = form.querySelector('.form-alert');
  if (box) fill(box);
}
/**
 * A field's error goes away as soon as the field is changed (no stale red messages after a fix) — fixU2-54 #3: also a
 * field made of several controls (a 到庭/未到庭 radio group, a checklist) whose path is on their container: its error
 * and aria-invalid go once one of them is answered.
 */
export function clearOnEdit(form) {
  const clear = (e) => {
    const holder = e.target?.closest?.('[data-path]');
    const path = holder?.dataset?.path;
    if (!path || !form.contains(holder)) return;
    const slot = form.querySelector(`[data-error-for="${CSS.escape(path)}"]`);
    if (holder.classList.contains('invalid') || slot?.textContent) setError(form, path, null);
  };
  form.addEventListener('input', clear);
  form.addEventListener('change', clear);
}
/**
 * Places a failed request's errors: each field error under its field (the first focused), the rest and the
 * general message in the form's alert box, scrolled into view.
 */
export function showErrors(form, err, labels = {}) {
  clearErrors(form);
  const box = form.querySelector('.form-alert');
  let errors = err?.problem?.errors ?? [];
  // A legal rule's refusal about one field of this form (422 `field`: a hearing date too near) is shown at that field.
  const about = err?.problem?.field;
  if (!errors.length && about && form.querySelector(`[data-path="${CSS.escape(about)}"]`))
    errors = [{ path: about, message: err.message ?? err.problem.detail }];
  const placed = [];
  const unplaced = [];
  for (const e of errors) {
    const message = fieldMessage(e.message);
    const el = form.querySelector(`[data-path="${CSS.escape(e.path)}"]`);
    if (el) {
      setError(form, e.path, message);
      placed.push(el);
    } else {
      // s64 C #1: a path the form has no field for is named in words, never as the server's key (`amounts`): one no
      // word is known for is left out, the message said alone.
      const label = pathLabel(e.path, labels);
      unplaced.push(label ? `${label}：${message}` : message);
    }
  }
  // The server lists errors in its own order (claims before parties, say): the focus goes to the first on the page.
  const first = firstInPage(placed);
  if (box && (unplaced.length || !errors.length)) {
    box.append(
      h(
        'div.alert.bad',
        { role: 'alert', tabindex: '-1' },
        errors.length && !unplaced.length ? '' : (err?.message ?? '提交未成功'),
        unplaced.length
          ? h(
              'ul',
              unplaced.map((u) => h('li', u)),
            )
          : null,
      ),
    );
    if (!first) {
      box.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      box.querySelector('.alert')?.focus({ preventScroll: true });
    }
  }
  if (first) {
    first.scrollIntoView({ block: 'center', behavior: 'smooth' });
    first.focus({ preventScroll: true });
  }
}
/** The element of `els` (nulls skipped) that comes first in the document. */
export function firstInPage(els) {
  let first = null;
  for (const el of els) {
    if (!el) continue;
    if (!first || first.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) first = el;
  }
  return first;
}
/**
 * A 412's latest act was the signed-in person's own (another tab or window): the server names its actor by display
 * name only, so the name is compared with the person's.
 */
export function changedByMe(problem) {
  const name = problem?.latest?.actorName;
  return Boolean(name && state.user?.displayName && name === state.user.displayName);
}
/** "applicants.0.idNumber" → "申请人1 公民身份号码" for errors that have no field on screen. */
function pathLabel(path, labels) {
  if (labels[path]) return labels[path];
  const words = {
    applicants: '申请人',
    respondents: '被申请人',
    thirdParties: '第三人',
    claims: '请求',
    agents: '代理人',
    idNumber: '公民身份号码',
    creditCode: '统一社会信用代码',
    name: '名称',
    phone: '电话',
    address: '地址',
    amount: '金额',
    description: '内容',
    items: '事项',
    // fixU57 #1: an award item's parts, never the server's key in a message.
    shares: '各申请人分得的金额',
    outcome: '裁决结果',
    obligorIds: '履行义务人',
    jointLiability: '连带责任',
    legalBasis: '裁决依据',
    calculation: '计算',
    claimId: '请求',
    defenseSummary: '被申请人辩称',
    counterclaimDefenseSummary: '申请人针对反申请辩称',
    reasoning: '本委认为',
    add: '增加的请求',
    change: '变更的请求',
    withdraw: '放弃的请求',
    category: '类别',
    reason: '理由',
    days: '天数',
    party: '当事人',
    target: '被申请回避人员',
    partyId: '当事人',
    partyIds: '当事人',
    claimIds: '请求',
    hearingOn: '开庭日期',
    occurredOn: '日期',
    receivedOn: '收到日期',
    facts: '事实与理由',
    // s64 C #1: the 先予执行 ruling's amounts (LDMAL Art. 44), its applicant's day and term.
    amounts: '先予执行金额',
    appliedOn: '申请先予执行日期',
    paymentDays: '履行期限',
  };
  // s64 C #1: null when a part of the path has no word (a key of the server's, an `unsent…` slot): never shown raw.
  const parts = String(path)
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? String(Number(p) + 1) : (labels[p] ?? words[p] ?? null)));
  return parts.every((p) => p !== null) && parts.length ? parts.join(' ') : null;
}

// Client-side checks mirror the server's (workflows/identifiers.ts: GB 11643, GB 32100, money), with its messages;
// the server remains the judge.
const ID_PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
  83,
]);
/** GB 11643 公民身份号码: 18 characters, a province code, a real birth date, the ISO 7064 MOD 11-2 check character. */
export function checkIdNumber(raw) {
  if (!raw) return null;
  const s = String(raw).trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return '身份证号码应为18位，前17位为数字，末位为数字或X';
  if (!ID_PROVINCES.has(Number(s.slice(0, 2)))) return '身份证号码的地区码无效';
  const [y, m, d] = [Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14))];
  const born = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || m < 1 || m > 12 || born.getUTCMonth() !== m - 1 || born.getUTCDate() !== d) return '身份证号码中的出生日期无效';
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((a, x, i) => a + x * Number(s[i]), 0);
  return '10X98765432'[sum % 11] === s[17] ? null : '身份证号码校验位错误';
}
/**
 * A name (a party's, an agent's, a legal representative's) holding an identity number or a mobile — 11 digits or more
 * in one run, up to three separators (space . - · / _ , 、) between two, half- or full-width: the server refuses it
 * (app/schemas.ts PersonName), with this message. Read as it shows, as the server reads it: what shows nothing
 * (zero-width space and joiners, soft hyphen, word joiner, BOM, Hangul fillers, variation selectors, tag characters,
 * combining marks) is left out, so `371502\u200b19850607\u200b1238` is one number; other spaces and dashes are spaces
 * and `-`.
 */
export function checkPersonName(raw) {
  // Line breaks and other control characters (sec46 L4: the server refuses them in names; a trailing one is trimmed).
  if (/[\p{Cc}\u2028\u2029]/u.test(String(raw ?? '').trim())) return '姓名（名称）中不应有换行、制表符等控制字符';
  const s = String(raw ?? '')
    .replace(/[\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB\p{M}]/gu, '')
    .replace(/\p{Zs}/gu, ' ')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63]/g, '-')
    .replace(/[\u2169\u2179]/g, 'X')
    .replace(/[\uff0d\uff0e\uff0f\uff3f\uff10-\uff19\uff38\uff58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  // The shapes the server refuses (workflows/identifiers.ts): an identity number (17 digits and a digit or X — also
  // followed by an x, sec46 H1 — or a first-generation 15-digit one: a province and a real 19YYMMDD), a mobile (11
  // digits from 13–19, maybe after 86 or a trunk 0), grouped or not — not any long number (a landline, a contract number).
  // Up to three separators between two digits, commas and enumeration commas among them (sec47 H2: "371502  19850607
  // 1238", "371502，198506071238"), as the server reads names.
  const personal = [...s.matchAll(/\d(?:[ .\-·・/_\u3000,，、､﹐﹑]{0,3}\d)*(?:[ .\-·・/_\u3000,，、､﹐﹑]{0,3}[Xx])?/g)].some(([run]) => {
    const d = run.replace(/[^\dXx]/g, '');
    return (
      /^\d{17}[\dXx]$/.test(d) ||
      /^\d{18}[Xx]$/.test(d) ||
      (/^(?:0086|86|0)?1[3-9]\d{9}$/.test(d) && mobileAsWritten(run, d.length - 11)) ||
      firstGenerationId(d)
    );
  });
  return personal ? '姓名（名称）中不应填写身份证号码或电话号码，请填在对应栏目' : null;
}
/**
 * A mobile's digits as the server reads them in a name (workflows/identifiers.ts): one kind of separator throughout (a
 * country code's own aside), and across a wide one — two characters or more, a comma, 、 — only in its written groupings
 * 3-4-4, 3-8, 7-4 (rev47 L3: `13,800,000,000` is an amount's shape, which the server lets through).
 */
function mobileAsWritten(run, prefix) {
  const groups = run.match(/\d+/g) ?? [];
  const between = run.split(/\d+/).slice(1, -1);
  const seps = new Set(between.filter((_, n) => !(n === 0 && groups[0]?.length === prefix)));
  if (seps.size > 1) return false;
  if (!between.some((b) => b.length > 1 || /[,，、､﹐﹑]/.test(b))) return true;
  const lengths = groups.map((g) => g.length);
  if (lengths[0] === prefix) lengths.shift();
  else lengths[0] -= prefix;
  return ['3,4,4', '3,8', '7,4', '11'].includes(lengths.join(','));
}
/** A first-generation (15-digit) identity number: a province code, then a real date 19YYMMDD, then three digits. */
function firstGenerationId(d) {
  const m = /^(\d{2})\d{4}(\d{2})(\d{2})(\d{2})\d{3}$/.exec(d);
  if (!m || !ID_PROVINCES.has(Number(m[1]))) return false;
  const [y, mo, day] = [1900 + Number(m[2]), Number(m[3]), Number(m[4])];
  return mo >= 1 && mo <= 12 && day >= 1 && day <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}
/**
 * An identity number or a credit code as typed or pasted — grouped with spaces, full-width spaces or hyphens
 * ("371502 19900101 1234", "371502-19900101-1234"), full-width digits or letters — as the API takes it: the
 * separators dropped, full-width characters made ASCII, upper case (ui43 M1).
 */
export function plainIdentifier(s) {
  return String(s ?? '')
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\-\uff0d\u2010-\u2015\u2212]/g, '')
    .toUpperCase();
}
/**
 * A phone as the API takes it (workflows/identifiers.ts checkPhone): a grouped mobile ("138 0000 1111",
 * "138-0000-1111", "+86 138…") becomes its 11 digits; a landline's area code and number separated by spaces
 * become "0635-8888888". Full-width digits are made ASCII. Anything else is left for the server to judge (ui43 L7).
 */
export function plainPhone(s) {
  const t = String(s ?? '')
    .replace(/[\uff10-\uff19\uff0b\uff08\uff09]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\uff0d\u2010-\u2015\u2212]/g, '-')
    .replace(/\u3000/g, ' ')
    .trim();
  const digits = t.replace(/[\s\-()+]/g, '');
  const mobile = /^(?:0?86)?(1[3-9]\d{9})$/.exec(digits);
  if (mobile && /^[\d\s\-()+]+$/.test(t)) return mobile[1];
  const land = /^\(?(0\d{2,3})\)?[\s-]*(\d{3,4})[\s-]?(\d{4})(?:[\s-]+(\d{1,6}))?$/.exec(t);
  if (land) return `${land[1]}-${land[2]}${land[3]}${land[4] ? `-${land[4]}` : ''}`;
  return t;
}
/**
 * Normalizes an input as it is typed or pasted (before its own `maxlength`, set above the plain length, cuts it): the
 * caret stays after the same kept character.
 */
export function normalizeAsTyped(el, plain) {
  el.addEventListener('input', () => {
    const v = el.value;
    const next = plain(v);
    if (next === v) return;
    const caret = el.selectionStart ?? v.length;
    const before = plain(v.slice(0, caret)).length;
    el.value = next;
    try {
      el.setSelectionRange(before, before);
    } catch {}
  });
}
export function checkCreditCode(s) {
  if (!s) return null;
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  if (!/^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/.test(s)) return '统一社会信用代码应为18位（不含I、O、Z、S、V）';
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = w.reduce((a, x, i) => a + x * chars.indexOf(s[i]), 0);
  return chars[(31 - (sum % 31)) % 31] === s[17] ? null : '统一社会信用代码校验位不正确';
}
/**
 * An amount as the API takes it: full-width digits and point made ASCII, thousands separators (36,000 · 36，000 ·
 * 36 000) and surrounding spaces dropped. Anything else is left for checkMoney to refuse.
 */
export function plainAmount(s) {
  const t = String(s ?? '')
    .trim()
    .replace(/[０-９．]/g, (ch) => (ch === '．' ? '.' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
  // Separators only between groups of three digits before the point: "1,2" is not a thousands separator.
  return /^\d{1,3}(?:[,，\s]\d{3})+(?:\.\d*)?$/.test(t) ? t.replace(/[,，\s]/g, '') : t;
}
export const checkMoney = (s) => {
  const v = plainAmount(s);
  return !v || /^\d{1,12}(\.\d{1,2})?$/.test(v) ? null : '金额应为数字，最多两位小数，如 26400.00';
};
/** An amount field left (change): shown as it will be sent, separators dropped (36,000 → 36000). */
export function plainAmountField(el) {
  if (!(el instanceof HTMLInputElement) || el.type !== 'text') return;
  if (el.inputMode !== 'decimal' && !/amount$/i.test(el.dataset.path ?? '')) return;
  const v = plainAmount(el.value);
  if (v !== el.value.trim()) el.value = v;
}

// ---------- drafts: kept in this browser, per user, until submitted ----------
/** The localStorage key of this user's draft `name` (a form listens for its `storage` events from other tabs). */
export const draftKey = (name) => `zc.draft.${state.user?.id ?? 0}.${name}`;
/**
 * fixU54 #4: a draft lives DRAFT_LIFE_HOURS after it was last saved. Drafts hold whole identity numbers and phones; a
 * tab closed without signing out (a shared counter PC) leaves them in this browser until then at most — every page
 * load drops the expired drafts of every user (dropExpiredDrafts), and an expired draft is never restored. Within its
 * life a draft, and the Idempotency-Key a registration's draft carries, are kept as before.
 */
export const DRAFT_LIFE_HOURS = 12;
const DRAFT_LIFE_MS = DRAFT_LIFE_HOURS * 3_600_000;
/**
 * Whether the stored draft `raw` is past its life: saved more than DRAFT_LIFE_MS ago, or unreadable. (saveDraft always
 * dates a draft; one with no savedAt at all was not written by it and is left to the sign-in and sign-out clearing.)
 */
function draftExpired(raw) {
  try {
    const d = JSON.parse(raw);
    if (!d || typeof d !== 'object') return true;
    if (d.savedAt === undefined) return false;
    const at = Date.parse(d.savedAt);
    return !Number.isFinite(at) || Date.now() - at > DRAFT_LIFE_MS;
  } catch {
    return true;
  }
}
/** fixU54 #4: removes every expired draft in this browser, whoever's it is (on every page load and sign-in). */
export function dropExpiredDrafts() {
  for (const k of allDraftKeys()) {
    try {
      const raw = localStorage.getItem(k);
      if (raw !== null && draftExpired(raw)) localStorage.removeItem(k);
    } catch {
      /* storage disabled: nothing kept */
    }
  }
}
/** What the draft notes say of a draft's life (register.js). */
export const DRAFT_LIFE_NOTE = `草稿仅保存在本机，${DRAFT_LIFE_HOURS}小时内未再保存即自动清除；退出登录时立即清除`;
export function loadDraft(name) {
  try {
    const raw = localStorage.getItem(draftKey(name));
    if (!raw) return null;
    if (draftExpired(raw)) {
      localStorage.removeItem(draftKey(name));
      return null;
    }
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
/** `meta` is kept with the draft (the case version a correction started from). */
export function saveDraft(name, value, meta = {}) {
  // A save scheduled before signing out does not bring the draft back.
  if (!state.token || !state.user) return;
  try {
    localStorage.setItem(draftKey(name), JSON.stringify({ ...meta, savedAt: new Date().toISOString(), value }));
  } catch {
    /* storage full or disabled: the form still works, only the draft is not kept */
  }
}
export const clearDraft = (name) => localStorage.removeItem(draftKey(name));
/** The keys of every draft in this browser, of every user. */
const allDraftKeys = () => storedKeys('zc.draft.');
/** The keys in this browser's storage that start with `prefix` (drafts, saved filters), of every user. */
function storedKeys(prefix) {
  try {
    const keys = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k?.startsWith(prefix)) keys.push(k);
    }
    return keys;
  } catch {
    return []; // storage disabled: nothing kept
  }
}
/** How many drafts this user keeps in this browser (a registration, an award, a correction…). */
export const ownDraftCount = () => allDraftKeys().filter((k) => k.startsWith(`zc.draft.${state.user?.id ?? 0}.`)).length;
/** Every draft in this browser, of every user (on signing out). */
export function clearAllDrafts() {
  for (const k of allDraftKeys()) localStorage.removeItem(k);
}
export const draftTime = (d) => chinaDateTime(d?.savedAt);
/** The China time of day now, "15:57", as the rest of the interface writes times. */
export const chinaTimeNow = () => chinaDateTime(new Date().toISOString()).slice(11);

// ---------- dialogs ----------
/**
 * A confirmation, styled apart when `danger`. Resolves true only on the explicit confirm button; Enter does not
 * confirm (focus starts on 返回), Esc and 返回 cancel.
 */
export function confirmDialog({ title, body, confirmLabel = '确认', danger = false, cancelLabel = '返回修改' }) {
  return new Promise((resolve) => {
    const ok = h(`button.btn.${danger ? 'danger' : 'primary'}`, { type: 'button' }, confirmLabel);
    const back = h('button.btn', { type: 'button' }, cancelLabel);
    const dlg = h(
      `dialog.confirm${danger ? '.danger' : ''}`,
      { 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-body', role: danger ? 'alertdialog' : 'dialog' },
      h('div.dh', h('h2', { id: 'confirm-title' }, title)),
      h('div.db', { id: 'confirm-body' }, body),
      h('div.df', back, ok),
    );
    const done = (v) => {
      dlg.close();
      dlg.remove();
      resolve(v);
    };
    ok.addEventListener('click', () => done(true));
    back.addEventListener('click', () => done(false));
    dlg.addEventListener('cancel', (e) => {
      e.preventDefault();
      done(false);
    });
    // s62 C #1: a held Enter (the one that asked for this confirmation from a text field, repeating) presses nothing
    // here — not 返回修改 under the focus, let alone the confirm button: only a fresh, deliberate key or click answers.
    dlg.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && e.repeat) e.preventDefault();
    });
    document.body.append(dlg);
    dlg.showModal();
    back.focus();
  });
}

/**
 * A write button runs its request once at a time: the buttons are disabled and marked busy until the answer, so a
 * double click sends nothing twice. Returns the guarded function.
 */
export function guard(buttons, fn) {
  let busy = false;
  return async (...args) => {
    if (busy) return;
    busy = true;
    // `buttons`: a button, a list, or a function giving them (a form drawn after the handler is made).
    const list = [typeof buttons === 'function' ? [...buttons()] : buttons].flat().filter(Boolean);
    for (const b of list) {
      b.disabled = true;
      b.setAttribute('aria-busy', 'true');
    }
    try {
      return await fn(...args);
    } finally {
      busy = false;
      for (const b of list) {
        b.disabled = false;
        b.removeAttribute('aria-busy');
      }
    }
  };
}
/**
 * fixU56 #4: while `fn` runs, `button` says what is happening (「正在保存…」) — a password is hashed on the server and
 * that takes seconds; a disabled button alone looks like nothing happened. Its own words come back after. Run inside
 * `guard` (which keeps it disabled and marked busy); disabled here too, for a caller without one.
 */
export async function saying(button, label, fn) {
  if (!button) return fn();
  const was = button.textContent;
  const wasDisabled = button.disabled;
  button.textContent = label;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await fn();
  } finally {
    button.textContent = was;
    button.disabled = wasDisabled;
    if (!wasDisabled) button.removeAttribute('aria-busy');
  }
}
/**
 * One Idempotency-Key per dialog or form: the same key until the server gives a definitive answer (recorded or
 * refused), so a retry after a lost answer is answered, not done again; `done(err)` ends it.
 */
export function keyHolder() {
  let key = newKey();
  return {
    get: () => key,
    done: (err) => {
      if (!err || !(err instanceof ApiError) || err.status !== 0) key = newKey();
    },
  };
}

/**
 * fixU56 #3: whether `role` does any procedural act of a case (`eventRoles`: the vocabulary's act → roles). A read-only
 * role (统计分析, 系统管理员) does none: its case page has no 下一步 to-do list of acts others do.
 */
export function roleActs(role, eventRoles = state.vocab?.eventRoles) {
  if (!role || !eventRoles) return false;
  return Object.values(eventRoles).some((roles) => Array.isArray(roles) && roles.includes(role));
}

/** Page title per screen (screen readers and browser tabs). */
export function setTitle(t) {
  document.title = `${t} · 仲裁案件管理`;
}
export function errorPanel(err) {
  return h('div.alert.bad', { role: 'alert' }, err.message);
}
export const card = (label, n, cls, onclick, opts = {}) =>
  h(
    `div.card${cls ? `.${cls}` : ''}`,
    onclick
      ? h('button.n', { type: 'button', onclick, 'aria-label': `${label}：${n}${opts.actionHint ?? '，查看案件'}` }, n)
      : h('div.n', n),
    h('div.l', label),
    opts.sub ? h('div.small.muted', opts.sub) : null,
  );
/**
 * A case as a commission names it: its 案号, else (ui48 M2) the number of the document that closed it without one — the
 * 不予受理通知书's 不字 number, a review's 审字 number (`documentNo` of a list row or view, or the view's
 * `proceedings.rejection.documentNo`) — else the registration's own number.
 */
export const caseName = (c) =>
  c.caseNo ??
  c.documentNo ??
  c.proceedings?.rejection?.documentNo ??
  (c.track === 'mediation' || c.track === 'review' ? applicationName(c) : `仲裁申请#${c.id}`);

/**
 * fixU59 #5: a mediation or review application with no number yet, as the clerk knows it — the applicant and the day it
 * came (调解申请（张三，2026-11-10收到）), not the database's id; the id only where neither was read.
 */
function applicationName(c) {
  const what = c.track === 'mediation' ? '调解申请' : '仲裁审查申请';
  const names = c.applicantNames ?? (c.applicants ?? []).map((p) => p.name);
  const who = names.length > 1 ? `${names[0]}等` : names[0];
  return who && c.receivedOn ? `${what}（${who}，${c.receivedOn}收到）` : `${what}#${c.id}`;
}

/** A small CSV writer for lists on screen: cells that a spreadsheet would run as formulas are neutralised (web/cells.js). */
export function csvBlob(header, rows) {
  const text = [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n');
  return new Blob([`\ufeff${text}`], { type: 'text/csv;charset=utf-8' });
}
