// A correction typed in one tab while another saved first: the typed text is never dropped. The form's model as the
// person left it (`mine`) is laid over the case as it is now (`theirs`), field by field, against the version both
// started from (`base`): a field only this person changed takes their value; one only the other changed keeps the
// other's; one both changed differently keeps the saved value and is listed as a conflict, the person's own text shown
// beside it. Parties, agents and claims are matched by id (positions may have moved); new ones (no id) are added.
// Without a base (a draft kept before this was recorded) every field that differs is a conflict.

const TOP = ['receivedOn', 'channel', 'district', 'procedure', 'wageArrears', 'facts'];
const LIMITATION = ['knewOn', 'employmentStatus', 'employmentEndedOn'];
const PARTY = ['kind', 'name', 'idNumber', 'creditCode', 'legalRepresentative', 'ownership', 'phone', 'address'];
const AGENT = ['name', 'kind', 'unit', 'phone', 'relationship', 'powers'];
const CLAIM = ['category', 'amount', 'description', 'applicant'];

export const FIELD_LABELS = {
  receivedOn: '收到申请日期',
  channel: '申请方式',
  district: '管辖地区',
  procedure: '程序',
  wageArrears: '拖欠工资',
  facts: '事实与理由',
  knewOn: '知道或应当知道权利被侵害之日',
  employmentStatus: '劳动关系',
  employmentEndedOn: '劳动关系终止日',
  kind: '类型',
  name: '姓名/名称',
  idNumber: '公民身份号码',
  creditCode: '统一社会信用代码',
  legalRepresentative: '法定代表人',
  ownership: '用人单位类型',
  phone: '联系电话',
  address: '住所/地址',
  unit: '工作单位/律所',
  relationship: '与当事人关系',
  powers: '委托权限',
  category: '请求类别',
  amount: '金额（元）',
  description: '请求内容',
  applicant: '申请人',
};
const SIDE = { applicants: '申请人', respondents: '被申请人' };

const norm = (v) => (v === undefined || v === null ? '' : typeof v === 'boolean' ? v : String(v));
const same = (a, b) => norm(a) === norm(b);
const clone = (x) => JSON.parse(JSON.stringify(x));
const byId = (list, id) => (id ? (list ?? []).find((x) => x.id === id) : undefined);

/**
 * A field's place, kept by ids so that it is found again after parties move: {list?, id?, agentId?, field, label}.
 * `pathOf` turns it into the form's data-path for the model shown.
 */
export function pathOf(model, ref) {
  if (!ref.list) return ref.field;
  // A claim added in this form (no id yet) is found by its place.
  if (ref.at !== undefined) return model[ref.list]?.[ref.at] ? `${ref.list}.${ref.at}.${ref.field}` : null;
  if (ref.list === 'limitation') return `limitation.${ref.field}`;
  const i = model[ref.list]?.findIndex((x) => x.id === ref.id);
  if (i === undefined || i < 0) return null;
  if (ref.agentId === undefined) return `${ref.list}.${i}.${ref.field}`;
  const j = model[ref.list][i].agents.findIndex((a) => a.id === ref.agentId);
  return j < 0 ? null : `${ref.list}.${i}.agents.${j}.${ref.field}`;
}

/**
 * `base` (may be null), `mine`, `theirs`: form models (web/pages/register.js). Returns {model, conflicts, changes}:
 * the merged model; the fields both changed ({ref, label, mine, theirs}, the saved value kept in the model); every
 * change of this person ({label, value, applied}), for the "我的未保存内容" panel.
 */
export function mergeEdits(base, mine, theirs, show = (_field, v) => v) {
  const model = clone(theirs);
  const text = (f, v) => (norm(v) === '' ? '（空）' : typeof v === 'boolean' ? (v ? '是' : '否') : String(show(f, v)));
  const conflicts = [];
  const changes = [];
  // One field: b (base), m (mine), t (theirs) → the value kept.
  const one = (ref, label, b, m, t) => {
    const mineChanged = base ? !same(m, b) : !same(m, t);
    if (!mineChanged) return t;
    if (base && (same(t, b) || same(t, m))) {
      changes.push({ ref, label, value: text(ref.field, m), applied: true });
      return m;
    }
    conflicts.push({ ref, label, mine: m, mineText: text(ref.field, m), theirsText: text(ref.field, t) });
    changes.push({ ref, label, value: text(ref.field, m), applied: false });
    return t;
  };
  for (const k of TOP) model[k] = one({ field: k }, FIELD_LABELS[k], base?.[k], mine[k], theirs[k]);
  model.limitation ??= {};
  for (const k of LIMITATION)
    model.limitation[k] = one(
      { list: 'limitation', field: k },
      FIELD_LABELS[k],
      base?.limitation?.[k],
      mine.limitation?.[k],
      theirs.limitation?.[k],
    );

  // A claim's owner (`applicant`) is a 1-based position among the applicants, and positions are not stable across two
  // edits (a party added or removed by either side moves the others). Owners are therefore compared and merged as the
  // party they point at — its id, or, for one added in this form, the new party itself — and written back as that
  // party's position in the merged list. When that party is not in the merged list, the owner is a conflict to choose.
  // s61 C #3: a claim with no owner position is one of two things, told apart by the form's explicit marker `joint`
  // (web/pages/register.js, the select's 全体申请人共同 'all'): the applicants' together ('all') or not yet chosen
  // ('none'). A model without the marker (a draft kept before it was recorded) reads as the server stores it: a
  // registered claim with no owner is the applicants' together among several, the sole applicant's own with one.
  const addedParties = new Map(); // mine's new applicant → its copy in the merged model
  const ownerKey = (parties, cl, isMine) => {
    const n = Number(cl?.applicant || 0);
    if (!n) {
      if (cl?.joint === true) return 'all';
      if (cl?.joint === false || !cl?.id) return 'none';
      if ((parties ?? []).length !== 1) return 'all';
      return parties[0].id ? `id:${parties[0].id}` : 'none';
    }
    const p = parties?.[n - 1];
    if (!p) return `pos:${n}`;
    if (p.id) return `id:${p.id}`;
    return isMine ? `new:${parties.indexOf(p)}` : `pos:${n}`;
  };
  const mineOwner = (cl) => ownerKey(mine.applicants, cl, true);
  const theirsOwner = (cl) => ownerKey(theirs.applicants, cl, false);
  const baseOwner = (cl) => ownerKey(base?.applicants, cl, false);
  /**
   * The owner's position in the merged model ('' for all the applicants together, or none chosen), or null when it is
   * not there.
   */
  const ownerAt = (key) => {
    if (key === 'all' || key === 'none') return '';
    let i = -1;
    if (key.startsWith('id:')) i = model.applicants.findIndex((p) => `id:${p.id}` === key);
    else if (key.startsWith('new:')) i = model.applicants.indexOf(addedParties.get(mine.applicants[Number(key.slice(4))]));
    return i < 0 ? null : String(i + 1);
  };
  /** The owner as a person reads it: "第2名申请人（李四）" in the merged list, or the party as this person saw it. */
  const ownerText = (key, parties, v) => {
    if (key === 'all') return '全体申请人共同';
    if (key === 'none') return '（未选择申请人）';
    const at = ownerAt(key);
    if (at !== null) {
      const nm = model.applicants[Number(at) - 1]?.name?.trim();
      return `第${at}名申请人${nm ? `（${nm}）` : ''}`;
    }
    const nm = parties?.[Number(v || 0) - 1]?.name?.trim();
    return `${nm || `第${v}名申请人`}（已不在申请人中）`;
  };
  /** The owner as the form's select holds it: a position, 'all' (全体申请人共同) or '' (none chosen); null: not there. */
  const ownerValue = (key) => (key === 'all' ? 'all' : ownerAt(key));
  /** A claim's owner in the merged model: its position, and the joint marker exactly when it is the applicants' together. */
  const setOwner = (into, key) => {
    into.applicant = ownerAt(key) ?? '';
    into.joint = key === 'all';
  };
  const ownerConflicts = []; // [conflict, claim object]: a new claim's place is known only once the list is final
  /** One claim's owner, merged by party (see above); sets `into.applicant` and `into.joint`. */
  const mergeOwner = (into, label, b, m, t, isNew) => {
    const mk = mineOwner(m);
    const tk = isNew ? mk : theirsOwner(t);
    const bk = b ? baseOwner(b) : undefined;
    const mineChanged = !isNew && (base ? mk !== bk : mk !== tk);
    let key = tk;
    let conflict = null;
    if (isNew) key = mk;
    else if (mineChanged && base && (tk === bk || tk === mk)) {
      key = mk;
      changes.push({
        ref: { list: 'claims', id: m.id, field: 'applicant' },
        label,
        value: ownerText(mk, mine.applicants, m.applicant),
        applied: true,
      });
    } else if (mineChanged) {
      const at = ownerValue(mk);
      conflict = {
        label,
        mine: at,
        choose: at === null,
        mineText: ownerText(mk, mine.applicants, m.applicant),
        theirsText: ownerText(tk, theirs.applicants, t.applicant),
      };
      changes.push({ ref: { list: 'claims', id: m.id, field: 'applicant' }, label, value: conflict.mineText, applied: false });
    }
    const at = ownerAt(key);
    if (at === null) {
      // The party this claim belonged to is not in the merged list: never handed to whoever took its place.
      const theirsAt = key === tk ? null : ownerAt(tk);
      if (theirsAt === null) setOwner(into, 'none');
      else setOwner(into, tk);
      conflict = {
        label,
        mine: null,
        choose: true,
        mineText: ownerText(key, key === mk ? mine.applicants : theirs.applicants, key === mk ? m.applicant : t.applicant),
        theirsText: theirsAt === null ? '（请重新选择申请人）' : ownerText(tk, theirs.applicants, t.applicant),
      };
      if (!isNew) changes.push({ ref: { list: 'claims', id: m.id, field: 'applicant' }, label, value: conflict.mineText, applied: false });
    } else if (conflict) setOwner(into, tk);
    else setOwner(into, key);
    if (conflict) ownerConflicts.push([conflict, into]);
  };
  const owned = new Set(); // claims whose owner was merged above; the others' (the other's) are translated at the end

  const lists = [
    ['applicants', PARTY],
    ['respondents', PARTY],
    ['claims', CLAIM],
  ];
  for (const [list, fields] of lists) {
    const name = (item, i) =>
      list === 'claims' ? `请求 ${i + 1}` : `${SIDE[list]} ${i + 1}${item?.name?.trim() ? `（${item.name.trim()}）` : ''}`;
    (mine[list] ?? []).forEach((m, i) => {
      const t = byId(model[list], m.id);
      const b = base ? byId(base[list], m.id) : undefined;
      if (!m.id) {
        // New in this form: added as typed (a claim's owner by position stays only while that applicant exists).
        const added = clone(m);
        for (const a of added.agents ?? []) delete a.id;
        model[list].push(added);
        if (list === 'applicants') addedParties.set(m, added);
        if (list === 'claims') {
          mergeOwner(added, `${name(added, model[list].length - 1)} ${FIELD_LABELS.applicant}`, undefined, m, undefined, true);
          owned.add(added);
        }
        if (!isBlank(m, fields))
          changes.push({ label: `新增${name(m, model[list].length - 1)}`, value: summary(added, fields), applied: true });
        return;
      }
      if (!t) {
        // The other person deleted it: nothing of it goes back in unseen, but the typed text is listed.
        if (b && fields.every((f) => (f === 'applicant' ? mineOwner(m) === baseOwner(b) : same(m[f], b[f])))) return;
        changes.push({ label: `${name(m, i)}（已被他人删除）`, value: summary(m, fields), applied: false });
        return;
      }
      const at = model[list].indexOf(t);
      if (list === 'claims') {
        const before = { id: t.id, applicant: t.applicant, joint: t.joint };
        for (const f of fields)
          if (f !== 'applicant') t[f] = one({ list, id: m.id, field: f }, `${name(t, at)} ${FIELD_LABELS[f]}`, b?.[f], m[f], t[f]);
        mergeOwner(t, `${name(t, at)} ${FIELD_LABELS.applicant}`, b, m, before, false);
        owned.add(t);
        return;
      }
      for (const f of fields) t[f] = one({ list, id: m.id, field: f }, `${name(t, at)} ${FIELD_LABELS[f]}`, b?.[f], m[f], t[f]);
      for (const ma of m.agents ?? []) {
        const ta = byId(t.agents, ma.id);
        const ba = b ? byId(b.agents, ma.id) : undefined;
        if (!ma.id) {
          t.agents.push(clone(ma));
          changes.push({ label: `${name(t, at)} 新增代理人`, value: summary(ma, AGENT), applied: true });
        } else if (!ta) {
          if (!(ba && AGENT.every((f) => same(ma[f], ba[f]))))
            changes.push({ label: `${name(t, at)} 代理人（已被他人删除）`, value: summary(ma, AGENT), applied: false });
        } else
          for (const f of AGENT)
            ta[f] = one({ list, id: m.id, agentId: ma.id, field: f }, `${name(t, at)} 代理人${FIELD_LABELS[f]}`, ba?.[f], ma[f], ta[f]);
      }
      // Agents this person removed, unchanged by the other: removed.
      if (b)
        t.agents = t.agents.filter((ta) => {
          const ba = byId(b.agents, ta.id);
          const gone = ba && !byId(m.agents, ta.id);
          if (!gone) return true;
          if (AGENT.every((f) => same(ta[f], ba[f]))) {
            changes.push({ label: `删除${name(t, at)}的代理人${ta.name}`, value: '', applied: true });
            return false;
          }
          changes.push({ label: `删除${name(t, at)}的代理人${ta.name}（他人已修改，未删除）`, value: '', applied: false });
          return true;
        });
    });
    // Items this person removed: removed when the other did not change them, else kept and said.
    if (base)
      model[list] = model[list].filter((t) => {
        const b = byId(base[list], t.id);
        if (!b || byId(mine[list], t.id)) return true;
        const i = model[list].indexOf(t);
        const unchanged = (f) => (list === 'claims' && f === 'applicant' ? theirsOwner(t) === baseOwner(b) : same(t[f], b[f]));
        if (fields.every(unchanged) && JSON.stringify(t.agents ?? []) === JSON.stringify(b.agents ?? [])) {
          changes.push({ label: `删除${name(t, i)}`, value: '', applied: true });
          return false;
        }
        changes.push({ label: `删除${name(t, i)}（他人已修改，未删除）`, value: summary(t, fields), applied: false });
        return true;
      });
  }
  // The other's claims this person did not touch: their owners, positions in the other's list, are moved to the same
  // party's position in the merged one.
  for (const cl of model.claims) {
    if (owned.has(cl)) continue;
    const key = theirsOwner(cl);
    if (ownerAt(key) !== null) {
      setOwner(cl, key);
      continue;
    }
    const label = `${`请求 ${model.claims.indexOf(cl) + 1}`} ${FIELD_LABELS.applicant}`;
    const text = ownerText(key, theirs.applicants, cl.applicant);
    setOwner(cl, 'none');
    ownerConflicts.push([{ label, mine: null, choose: true, mineText: text, theirsText: '（请重新选择申请人）' }, cl]);
  }
  for (const [c, cl] of ownerConflicts) {
    const i = model.claims.indexOf(cl);
    if (i < 0) continue;
    c.ref = cl.id ? { list: 'claims', id: cl.id, field: 'applicant' } : { list: 'claims', at: i, field: 'applicant' };
    conflicts.push({ ref: c.ref, ...c });
  }
  function summary(x, fields) {
    return fields
      .filter((f) => f !== 'kind' && norm(x[f]) !== '' && x[f] !== false)
      .map((f) => `${FIELD_LABELS[f]}：${show(f, x[f])}`)
      .join('；');
  }
  return { model, conflicts, changes };
}

/**
 * A second merge (another 412 before the first merge's leftovers were dealt with): `earlier` is the draft's
 * {conflicts, changes} from the first, `merged` this merge's answer. The changes the first could not fill in (not in
 * the model, so this merge does not see them) stay listed, and claim owners still to be chosen stay to be chosen;
 * entries the new merge lists itself are not doubled. Returns {conflicts, changes}.
 */
export function keepEarlier(earlier, merged) {
  const key = (c) => `${c.label}\u0000${c.value}`;
  const now = new Set(merged.changes.map(key));
  const changes = (earlier?.changes ?? []).filter((c) => !c.applied && !now.has(key(c)));
  const conflicts = (earlier?.conflicts ?? []).filter(
    (c) => c.choose && pathOf(merged.model, c.ref) && !merged.conflicts.some((x) => x.label === c.label),
  );
  return { conflicts: [...conflicts, ...merged.conflicts], changes: [...changes, ...merged.changes] };
}
const isBlank = (x, fields) => fields.every((f) => f === 'kind' || f === 'category' || !norm(x[f]));
