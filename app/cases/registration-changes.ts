import { maskIdNumber } from '../../workflows/identifiers.ts';
import { CHANNELS, CLAIM_CATEGORIES, PROCEDURES } from '../../workflows/reference.ts';

/**
 * What a registration correction (UPDATE_REGISTRATION, 修改登记信息) really changed, as its history entry says it: the
 * fields whose stored value differs — for parties and claims, which party or claim and which of its fields
 * ("申请人1姓名：王大锤 → 王大槌"). Computed from the case as stored before the write and as written (the full views of
 * both, app/cases/update-registration.ts), not from the fields the request happened to send: a form sends them all.
 *
 * Stored in the entry's payload (`changes`) with their values as written; `changeText` words one for a reader after
 * `maskChange` has masked it at that reader's level, exactly as the history masks the entry's before and after
 * (app/cases/views.ts `eventView`).
 */
export interface RegistrationChange {
  /** Where: a top-level field (`district`), a party's or claim's field (`applicants.0.name`, `claims.1.amount`). */
  field: string;
  /** Its name as a person reads it: 申请人1姓名, 第2项请求金额（元）, 地区. */
  label: string;
  /** A party, agent or claim added or removed as a whole (its name or text), instead of a field changed. */
  kind?: 'added' | 'removed';
  before?: unknown;
  after?: unknown;
  /** The reader may not see the values (contact data below the full level): only that the field changed. */
  withheld?: true;
}

/** The registration's own fields, in the order a person reads the form. */
const CASE_FIELDS: Record<string, string> = {
  receivedOn: '收到申请日期',
  postmarkOn: '邮戳日期',
  channel: '申请方式',
  district: '地区',
  procedure: '程序',
  collective: '集体争议',
  collectiveGround: '集体争议依据',
  wageArrears: '拖欠工资',
  majorMarked: '重大集体劳动人事争议（主任标记）',
  facts: '事实与理由',
};
const SIDES = { applicants: '申请人', respondents: '被申请人', thirdParties: '第三人' } as const;
const PARTY_FIELDS: Record<string, string> = {
  kind: '类型',
  name: '姓名',
  idNumber: '公民身份号码',
  sex: '性别',
  birthDate: '出生日期',
  ethnicity: '民族',
  phone: '联系电话',
  address: '住址',
  creditCode: '统一社会信用代码',
  legalRepresentative: '法定代表人',
  legalRepresentativeTitle: '法定代表人职务',
  ownership: '用人单位类型',
};
const AGENT_FIELDS: Record<string, string> = {
  name: '姓名',
  kind: '类别',
  unit: '单位',
  phone: '联系电话',
  relationship: '与当事人关系',
  powers: '委托权限',
};
const POWERS: Record<string, string> = { general: '一般授权', special: '特别授权' };
const CLAIM_FIELDS: Record<string, string> = { category: '类别', amount: '金额（元）', description: '内容', applicant: '申请人' };
/** Long free text: the entry says it changed; the before and after keep the words. */
const LONG_TEXT = new Set(['facts']);
/** Contact data a masked reader is not shown (app/cases/views.ts CONTACT_KEYS: the masked number hides the birth date). */
const CONTACT_FIELDS = new Set(['phone', 'address', 'birthDate']);

type Row = Record<string, unknown> & { id?: number };
type View = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const rows = (v: View, k: string) => (Array.isArray(v[k]) ? (v[k] as Row[]) : []);

/** The fields of `before` and `after` (one party, agent or claim) that differ, under `label` + the field's name. */
function fieldChanges(path: string, label: string, names: Record<string, string>, before: Row, after: Row): RegistrationChange[] {
  return Object.entries(names).flatMap(([k, name]) =>
    same(before[k], after[k])
      ? []
      : [{ field: `${path}.${k}`, label: `${label}${name}`, before: before[k] ?? null, after: after[k] ?? null }],
  );
}

/**
 * Members of a list matched by id — and a member the write replaced with a new row (an agent sent without its id gets a
 * new one) matched to the one that stood at its place: changed ones field by field, new ones added, missing ones
 * removed. An agent kept as it was is no change, whatever its row's id (UI walk, stop 43). With `byIdOnly` (parties:
 * one sent without its id that is the same person keeps it, app/cases/update-registration.ts) a new row is a party
 * replaced, and says so: the one removed and the one added, never a few of its fields changed (sec50 H2).
 */
function listChanges(
  path: string,
  before: Row[],
  after: Row[],
  label: (row: Row, i: number) => string,
  whole: (row: Row) => unknown,
  fields: (path: string, label: string, b: Row, a: Row) => RegistrationChange[],
  byIdOnly = false,
): RegistrationChange[] {
  const byId = (a: Row) => (a.id !== undefined ? before.find((x) => x.id === a.id) : undefined);
  const matched = new Set(after.map(byId).filter((b): b is Row => b !== undefined));
  // After the members matched by id, the rest pair up by position: before's i-th unmatched with after's i-th unmatched.
  const leftBefore = before.filter((b) => !matched.has(b));
  const leftAfter = after.filter((a) => byId(a) === undefined);
  const pairOf = new Map<Row, Row>(
    byIdOnly ? [] : leftAfter.flatMap((a, k) => (leftBefore[k] ? [[a, leftBefore[k] as Row] as [Row, Row]] : [])),
  );
  const paired = new Set(pairOf.values());
  const removed = before.flatMap((b, i) =>
    matched.has(b) || paired.has(b) ? [] : [{ field: `${path}.${i}`, label: label(b, i), kind: 'removed' as const, before: whole(b) }],
  );
  const changed = after.flatMap((a, i) => {
    const b = byId(a) ?? pairOf.get(a);
    return b
      ? fields(`${path}.${i}`, label(a, i), b, a)
      : [{ field: `${path}.${i}`, label: label(a, i), kind: 'added' as const, after: whole(a) }];
  });
  return [...removed, ...changed];
}

/**
 * The changes from the registration view `before` to `after` (app/cases/views.ts `registrationView`, full level), with
 * the stored limitation facts of each (their assessment is derived, not registered).
 */
export function registrationChanges(
  before: View,
  after: View,
  limitation: { before: unknown; after: unknown } = { before: null, after: null },
): RegistrationChange[] {
  const out: RegistrationChange[] = [];
  for (const [k, name] of Object.entries(CASE_FIELDS))
    if (!same(before[k], after[k])) out.push({ field: k, label: name, before: before[k] ?? null, after: after[k] ?? null });
  if (!same(limitation.before, limitation.after)) out.push({ field: 'limitation', label: '时效事实' });
  for (const [side, sideName] of Object.entries(SIDES)) {
    out.push(
      ...listChanges(
        side,
        rows(before, side),
        rows(after, side),
        (_p, i) => `${sideName}${i + 1}`,
        (p) => p.name,
        (path, label, b, a) => [
          ...fieldChanges(path, label, PARTY_FIELDS, b, a),
          ...listChanges(
            `${path}.agents`,
            (b.agents as Row[] | undefined) ?? [],
            (a.agents as Row[] | undefined) ?? [],
            (_x, j) => `${label}代理人${j + 1}`,
            (x) => x.name,
            (p2, l2, b2, a2) => fieldChanges(p2, l2, AGENT_FIELDS, b2, a2),
          ),
        ],
        true,
      ),
    );
  }
  out.push(
    ...listChanges(
      'claims',
      rows(before, 'claims'),
      rows(after, 'claims'),
      (c, i) => `第${(c.seq as number | undefined) ?? i + 1}项请求`,
      (c) => c.description,
      (path, label, b, a) => fieldChanges(path, label, CLAIM_FIELDS, b, a),
    ),
  );
  return out;
}

/** The top-level fields a list of changes touches (the entry's `fields`). */
export const changedFields = (changes: readonly RegistrationChange[]): string[] => [
  ...new Set(changes.map((c) => c.field.split('.')[0] as string)),
];

/**
 * One change as a reader may see it, exactly as the history masks before and after (app/cases/views.ts `maskDeep`):
 * an identity number masked for everyone; with `dropContact` (a masked reader) phones, addresses and birth dates not
 * shown — only that they changed. Free text typed with numbers in it is masked by the history's own pass after this.
 */
export function maskChange(c: RegistrationChange, dropContact: boolean): RegistrationChange {
  const leaf = c.field.split('.').at(-1) ?? '';
  if (dropContact && CONTACT_FIELDS.has(leaf)) {
    const { before: _b, after: _a, ...rest } = c;
    return { ...rest, withheld: true };
  }
  if (leaf === 'idNumber') {
    const m = (v: unknown) => (typeof v === 'string' ? maskIdNumber(v) : v);
    return { ...c, before: m(c.before), after: m(c.after) };
  }
  return c;
}

const SEX: Record<string, string> = { male: '男', female: '女' };
const KINDS: Record<string, string> = { person: '自然人', organization: '单位' };

/** A value as the entry shows it: choices by their names, yes/no, 空 for nothing; long text cut. */
function shown(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  const leaf = field.split('.').at(-1) ?? '';
  const s = String(v);
  const names: Record<string, string> | undefined =
    leaf === 'channel'
      ? CHANNELS
      : leaf === 'procedure'
        ? PROCEDURES
        : leaf === 'category'
          ? CLAIM_CATEGORIES
          : leaf === 'sex'
            ? SEX
            : leaf === 'kind' && !field.includes('agents')
              ? KINDS
              : leaf === 'powers'
                ? POWERS
                : undefined;
  if (names && Object.hasOwn(names, s)) return names[s] as string;
  if (leaf === 'applicant' && field.startsWith('claims')) return `申请人${s}`;
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

/** The change in words: "申请人1姓名：王大锤 → 王大槌", "新增申请人2：赵六", "申请人1联系电话已修改". */
export function changeText(c: RegistrationChange): string {
  if (c.kind === 'added') return `新增${c.label}：${shown(c.field, c.after)}`;
  if (c.kind === 'removed') return `删除${c.label}：${shown(c.field, c.before)}`;
  const leaf = c.field.split('.').at(-1) ?? '';
  if (c.withheld || LONG_TEXT.has(leaf) || c.field === 'limitation' || !('before' in c)) return `${c.label}已修改`;
  return `${c.label}：${shown(c.field, c.before)} → ${shown(c.field, c.after)}`;
}
