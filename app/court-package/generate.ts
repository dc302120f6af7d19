import crypto from 'node:crypto';
import type { EventRecord } from '../../db/stores/cases.ts';
import type { CourtPackageInfo } from '../../db/stores/court-packages.ts';
import { awardDocumentRefs } from '../../templates/kinds.ts';
import { advanceServiceIds } from '../../workflows/advance-execution.ts';
import { formatCaseNo } from '../../workflows/case-number.ts';
import { setAsideWhole } from '../../workflows/rules.ts';
import { isEmployerParty } from '../../workflows/sides.ts';
import { recordBookkeepingAct } from '../cases/bookkeeping-act.ts';
import { caseContext, caseScope, loadCase } from '../cases/case-state.ts';
import type { Deps } from '../deps.ts';
import { actKey, generations, originals } from '../documents/originals.ts';
import { ruleRefusal, tooLarge, unknownPathParam } from '../errors.ts';
import { type Actor, assertMayHandOffToCourt, assertRoleMayHandOffToCourt } from '../policy.ts';
import { rejectionNoOf } from '../procedure/rejection-no.ts';
import { assemblePackageOffThread } from '../render/pool.ts';
import { recordAccess } from '../security/access-log.ts';
import type { Transact } from '../unit-of-work.ts';
import {
  buildCaseJson,
  CASE_SCHEMA_VERSION,
  finalPartAlone,
  litigationBasis,
  type PackagedDocument,
  type PackageMeta,
  type PackagePurpose,
  packagePurposeRefusal,
} from './case-json.ts';
import { signingKey } from './keys.ts';
import { receiptsOf } from './receipts.ts';

/** The manifest's format (docs/court-package.md): every file of the package but the manifest, its signature and the key. */
export const MANIFEST_FORMAT = 'zhongcai.court-package.manifest';
export const MANIFEST_VERSION = 1;
/** Files outside the manifest: the manifest itself, its detached signature, the public key for convenience. */
export const UNSIGNED_FILES = ['manifest.json', 'manifest.sig', 'public-key.pem'];

export type CourtPackageView = Omit<CourtPackageInfo, 'caseId' | 'createdBy'>;
const view = ({ caseId: _c, createdBy: _b, ...p }: CourtPackageInfo): CourtPackageView => p;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/**
 * An instant as the commission's clock reads it (China Standard Time, UTC+8, no daylight saving — the time zone every
 * day of the product is in, workflows/dates.ts): `2026-12-06T04:03:24+08:00` (sec50 L1: the README and the file's name
 * said UTC). The manifest and case.json keep the instant in UTC, as their format says.
 */
const chinaTime = (instant: string) => `${new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

/** README.txt: headed by the case number, or the 审字 / 不字 number of a case without one (reviewer docsfix M2). */
function readme(caseNo: string | null, keyId: string, generatedAt: string, lacking: string[] = []): string {
  return [
    `移送法院材料包 ${caseNo ?? ''}`.trim(),
    `生成时间：${chinaTime(generatedAt)}`,
    '（本文件名及压缩包内各文件的时间均为北京时间；manifest.json、case.json 中的 generatedAt 为协调世界时 UTC。）',
    '',
    `内容：case.json（案件信息，结构见 Zhongcai docs/court-package.md，版本 ${CASE_SCHEMA_VERSION}）、documents/（仲裁文书 PDF 原件）、`,
    'manifest.json（除 manifest.json、manifest.sig、public-key.pem 外每个文件的 SHA-256）、manifest.sig（仲裁委员会',
    `以 Ed25519 私钥对 manifest.json 的签名，base64），public-key.pem（公钥，密钥编号 ${keyId}）。`,
    '',
    '核验：node verify-court-package.mjs 本文件.zip --key 仲裁委公布的公钥.pem',
    '（公钥以仲裁委员会 GET /api/keys 公布的为准；包内附带的公钥只能证明包未被改动，不能证明出处。）',
    '',
    ...(lacking.length ? ['移送函所列附件中本材料包未含：', ...lacking.map((x) => `- ${x}`), ''] : []),
  ].join('\n');
}

type AwardRef = ReturnType<typeof awardDocumentRefs>[number];

/**
 * Notice kinds a later one replaces, and the events that change what they state: the 仲裁庭组成通知书 states the
 * tribunal, which a formation or a recusal granted with a replacement changes (LDMAL Arts. 31, 33; Rules Arts. 11–12).
 */
const REPLACEABLE_NOTICES: Record<string, (e: EventRecord) => boolean> = {
  tribunal_notice: (e) =>
    e.type === 'FORM_TRIBUNAL' ||
    e.type === 'RECUSE_ARBITRATOR' ||
    (e.type === 'DECIDE_RECUSAL' &&
      (e.payload as { result?: unknown; replacementId?: unknown } | null)?.result === 'granted' &&
      typeof (e.payload as { replacementId?: unknown }).replacementId === 'number'),
};

/**
 * docs52 M1: the enclosed notices (`held`) a later one replaced, by document id: a notice printed before a change of
 * what it states, when one of its kind was printed after the change, points to the latest one's document.
 */
export function supersededNotices(events: EventRecord[], held: ReadonlySet<number>): Map<number, number> {
  const out = new Map<number, number>();
  const gens = generations(events);
  for (const [kind, changes] of Object.entries(REPLACEABLE_NOTICES)) {
    const printed = gens.filter((g) => g.kind === kind && !g.draft && g.documents.some((d) => held.has(d.id)));
    const latest = printed.at(-1);
    const by = latest?.documents.find((d) => held.has(d.id))?.id;
    if (!latest || by === undefined) continue;
    const changedAt = events.filter(changes).map((e) => e.seq);
    for (const g of printed)
      if (changedAt.some((seq) => seq > g.seq && seq < latest.seq)) for (const d of g.documents) if (held.has(d.id)) out.set(d.id, by);
  }
  // legal58b #2: a 决定书 issued again because what it printed changed (`replaces`): the earlier version points to it.
  for (const g of gens) {
    const by = g.replaces ? g.documents.find((d) => held.has(d.id))?.id : undefined;
    if (by !== undefined) for (const id of g.replaces?.documents ?? []) if (held.has(id)) out.set(id, by);
  }
  return out;
}

/**
 * An act's original as case.json lists it (docsfix H1): `original` true, and `served` — the services of its act the
 * record holds (party, day, method; empty while none): the document in the package is the one those parties received.
 */
function servedOf(ctx: ReturnType<typeof caseContext>, d: { kind: string }, key: string | undefined) {
  if (key === undefined) return {};
  // med49 M3a: a 调解书 is served by the parties' signing for it (LDMAL Art. 42(3); Rules Art. 77 for a reviewed
  // agreement's; SIGN_MEDIATION_DOCUMENT counts as its service, README) — its signatures are its services.
  if (d.kind === 'mediation_document') {
    const signatures = ctx.mediation?.signatures ?? (ctx.track === 'review' ? ctx.review?.confirmation?.signatures : undefined) ?? [];
    const signed = signatures.map((x) => ({ partyId: x.partyId, servedOn: x.signedOn, method: 'signed' }));
    const other = ctx.services
      .filter((s) => s.document === d.kind)
      .map((s) => ({ partyId: s.partyId, servedOn: s.servedOn, method: s.method }));
    return { original: true, served: [...signed, ...other] };
  }
  // Which award a service delivered, where it says (ServiceRecord.awardOn): the award's day, or the partial award's. A
  // SERVE {document: "award"} naming none delivered every award made by its day — a partial award's too (docs49 M1; the
  // deadlines read it so, workflows/deadlines.ts): a partial award is served as an award. Since fixA50 a service naming
  // none once the final award is made is recorded as the final award's (apply-event.ts), so this reading is left to
  // services made before the final award, and to older records.
  const occurrence = key.startsWith('partial_award#') ? Number(key.slice('partial_award#'.length)) : null;
  const awardOn = d.kind === 'award' ? ctx.award?.issuedOn : occurrence ? ctx.partialAwards[occurrence - 1]?.issuedOn : undefined;
  const document = d.kind === 'partial_award' ? 'award' : d.kind;
  const served = ctx.services
    .filter((s) => s.document === document && (awardOn === undefined || s.awardOn === undefined || s.awardOn === awardOn))
    .filter((s) => awardOn === undefined || s.servedOn >= awardOn)
    .map((s) => ({ partyId: s.partyId, servedOn: s.servedOn, method: s.method }));
  return { original: true, served };
}

/**
 * The instrument an enforcement package must hold and does not (its name, with the numbers missing), or null. Only
 * issued documents count (drafts are left out before).
 */
function missingInstrument(
  ctx: ReturnType<typeof caseContext>,
  refs: AwardRef[],
  onlyPart: 'final' | 'non_final' | null,
  finalOnly: Set<string> | null,
  issued: { kind: string; caseNo: string | null }[],
): string | null {
  const awardNos = new Set(issued.filter((d) => d.kind === 'award' && d.caseNo !== null).map((d) => d.caseNo));
  if (finalOnly) return issued.length ? null : onlyPart === 'non_final' ? '非终局裁决书' : '终局裁决书';
  // The award is the title only once it is in effect (a wholly final one from the day it is made): before that, an
  // enforceable partial award is (reviewer s46 M2: the package demanded the award not yet in effect).
  const awardInEffect = ctx.effectiveOn !== null || (ctx.effectiveFor ?? []).length > 0;
  if (ctx.award && !setAsideWhole(ctx) && (awardInEffect || !ctx.partialAwards.length)) {
    const whole = refs.filter((r) => r.partialAward === undefined);
    const absent = whole.filter((r) => !awardNos.has(r.caseNo));
    if (!absent.length) return null;
    const name = ctx.award.finality === 'final' ? '终局裁决书' : '裁决书';
    const nos = absent.map((r) => r.caseNo).filter(Boolean);
    return ctx.award.finality === 'mixed' && nos.length ? `${name}（${nos.join('、')}）` : name;
  }
  if (ctx.closure?.mode === 'mediation' || ctx.closure?.mode === 'review_confirmed')
    return issued.some((d) => d.kind === 'mediation_document') ? null : '仲裁调解书';
  if (ctx.partialAwards.length) return issued.some((d) => d.kind === 'partial_award') ? null : '部分裁决书';
  return null;
}

/** What an enforcement package asks the court to enforce (case.json `enforced`, 1.5; LDMAL Art. 51; docs49 M2). */
function enforcedOf(
  ctx: ReturnType<typeof caseContext>,
  onlyPart: 'final' | 'non_final' | null,
  enforcedPartial: number | null,
  issued: { kind: string; caseNo: string | null }[],
): PackageMeta['enforced'] {
  const nos = (kind: string) => issued.filter((d) => d.kind === kind && d.caseNo !== null).map((d) => d.caseNo as string);
  if (onlyPart) return { kind: 'award', partialAward: null, part: onlyPart, documentNos: nos('award') };
  if (enforcedPartial !== null)
    return { kind: 'partial_award', partialAward: enforcedPartial, part: null, documentNos: nos('partial_award') };
  const awardInEffect = ctx.effectiveOn !== null || (ctx.effectiveFor ?? []).length > 0;
  if (ctx.award && !setAsideWhole(ctx) && (awardInEffect || !ctx.partialAwards.length))
    return { kind: 'award', partialAward: null, part: null, documentNos: nos('award') };
  if (ctx.closure?.mode === 'mediation' || ctx.closure?.mode === 'review_confirmed')
    return { kind: 'mediation_document', partialAward: null, part: null, documentNos: nos('mediation_document') };
  if (ctx.partialAwards.length) return { kind: 'partial_award', partialAward: null, part: null, documentNos: nos('partial_award') };
  return null;
}

/**
 * POST /api/cases/:id/court-packages — the hand-off package for a court (裁审衔接, domain.md §11): case.json, every
 * issued PDF (drafts left out), a manifest of SHA-256 hashes signed with the commission's Ed25519 key. Assembled
 * outside the transaction; then the ZIP is stored and the act recorded in the history (GENERATE_COURT_PACKAGE, a
 * bookkeeping entry) in one unit of work.
 */
export async function generateCourtPackage(
  deps: Deps,
  actor: Actor,
  caseId: number,
  input: { purpose: PackagePurpose; court?: string },
  transact: Transact,
): Promise<CourtPackageView> {
  return recordBookkeepingAct(deps, transact, {
    caseId,
    actor,
    type: 'GENERATE_COURT_PACKAGE',
    prepare: () => assemblePackage(deps, actor, caseId, input),
    async store(uow, p) {
      const saved = await deps.stores.courtPackages.insert(uow.trx, { ...p.row, createdBy: actor.id, createdAt: uow.now });
      return {
        payload: {
          packageId: saved.id,
          purpose: input.purpose,
          court: p.row.court,
          sha256: saved.sha256,
          manifestSha256: saved.manifestSha256,
          keyId: p.row.keyId,
          documents: p.documents,
        },
        after: { courtPackage: view(saved) },
        result: view(saved),
      };
    },
  });
}

/** Reads the case (outside any lock), asks the policy, and builds and signs the ZIP. */
async function assemblePackage(deps: Deps, actor: Actor, caseId: number, input: { purpose: PackagePurpose; court?: string }) {
  const { stores, config } = deps;
  const k = deps.db.reader;
  assertRoleMayHandOffToCourt(actor);
  const c = await loadCase(deps, k, caseId);
  const ctx = caseContext(c);
  assertMayHandOffToCourt(actor, caseScope(c, ctx));
  // Who sued (RECORD_LAWSUIT `partyId`): a suit by the employer alone leaves a final part enforceable (case-json.ts).
  const onlyEmployerSued =
    ctx.lawsuits.length > 0 &&
    ctx.lawsuits.every((l) => {
      const party = c.parties.find((x) => x.id === l.partyId);
      return party !== undefined && isEmployerParty(c, party);
    });
  const refusal = packagePurposeRefusal(ctx, input.purpose, c.state, { onlyEmployerSued });
  if (refusal) throw ruleRefusal({ rule: 'court-package-purpose', field: 'purpose', ...refusal });
  // Enforcement of one part of an award: while the employer's suit on the non-final part goes on, the effective final
  // award only (第N-1号 of a split award); after a mixed award's final part was set aside (LDMAL Art. 49), its effective
  // non-final part only (第N-2号; reviewer s45 H1) — not the part in court or set aside, nor the other papers.
  const onlyPart =
    input.purpose !== 'enforcement'
      ? null
      : c.state === 'in_litigation' || finalPartAlone(ctx, c.state)
        ? 'final'
        : ctx.award?.finality === 'mixed' && ctx.setAside?.result === 'set_aside'
          ? 'non_final'
          : null;
  const refs = awardDocumentRefs(ctx, c.caseNo);
  // docs49 M2: an application to enforce a partial award (APPLY_ENFORCEMENT {partialAward}; LDMAL Arts. 43(2), 47, 51)
  // while the award is not in effect: the package encloses that partial award only — not the award not yet effective.
  const awardInEffect = ctx.effectiveOn !== null || (ctx.effectiveFor ?? []).length > 0;
  const lastApplication = ctx.enforcement?.at(-1);
  const enforcedPartial =
    input.purpose === 'enforcement' && onlyPart === null && !awardInEffect && lastApplication?.partialAward !== undefined
      ? lastApplication.partialAward
      : null;
  const partialNos = enforcedPartial === null ? null : new Set(refs.filter((r) => r.partialAward === enforcedPartial).map((r) => r.caseNo));
  const finalOnly = onlyPart
    ? new Set(
        refs
          .filter(
            (r) =>
              r.partialAward === undefined && (r.part === onlyPart || (onlyPart === 'final' && !r.part && ctx.award?.finality === 'final')),
          )
          .map((r) => r.caseNo),
      )
    : null;
  const events = await stores.cases.events(k, caseId);
  const drafts = new Set(
    events
      .filter((e) => e.type === 'GENERATE_DOCUMENT' && (e.payload as { draft?: boolean }).draft)
      .flatMap((e) => ((e.payload as { documents?: { id: number }[] }).documents ?? []).map((d) => d.id)),
  );
  // Bounded before a byte of a PDF is read: per user (COURT_PACKAGES_PER_MINUTE), and the documents' total size
  // (COURT_PACKAGE_MAX_BYTES, from the stored sizes) — over it, 413 naming the limit.
  await deps.throttle.take(deps.limits.courtPackages, String(actor.id));
  // One original per act (reviewer docsfix H1; Rules Art. 54): an act's document printed again — before reprints
  // answered the original, or with other text — is not another instrument; its corrections are 补正 decisions of their own.
  const original = new Map<number, string>();
  for (const [key, g] of originals(events)) for (const d of g.documents) original.set(d.id, key);
  const replacedVersions = new Set(generations(events).flatMap((g) => g.replaces?.documents ?? []));
  const copies = new Set(
    generations(events)
      .filter((g) => !g.draft && actKey(g.kind, g.text, g.madeOn) !== null)
      .flatMap((g) => g.documents.map((d) => d.id))
      // A 决定书's earlier version (legal58b #2) was an instrument served in its time: enclosed, marked supersededBy.
      .filter((id) => !original.has(id) && !replacedVersions.has(id)),
  );
  // The 送达回证 issued, by document (the 移送函 lists them: templates/kinds.ts transferLetter; docs51 M1).
  const receipts = receiptsOf(events);
  // A part enforced alone goes with the receipts of the award's (or the partial award's) service, the letter's 送达回证.
  const receiptOf = (d: { id: number; kind: string }, served: string) =>
    d.kind === 'service_receipt' && receipts.get(d.id)?.servedDocument === served && receipts.get(d.id)?.afterService === true;
  const stored = (await stores.documents.forCase(k, caseId)).filter((d) => !drafts.has(d.id) && !copies.has(d.id));
  // docs52 M1: a 送达回证 printed before the service it is to prove (its boxes blank) is not proof of a service; where a
  // receipt of that service on that party was issued after it, the court gets that one alone (CPL Art. 87; Rules
  // Art. 51: the file proves the service). A blank one with no later receipt stays (an advance-execution package is
  // then refused below).
  const receiptKey = (r: { partyId: number; servedDocument: string | null }) => `${r.partyId}:${r.servedDocument}`;
  const proven = new Set(
    stored.flatMap((d) => {
      const r = d.kind === 'service_receipt' ? receipts.get(d.id) : undefined;
      return r?.afterService ? [receiptKey(r)] : [];
    }),
  );
  const blankSuperseded = (d: { id: number; kind: string }) => {
    const r = d.kind === 'service_receipt' ? receipts.get(d.id) : undefined;
    return !!r && !r.afterService && r.servedDocument !== null && proven.has(receiptKey(r));
  };
  const issued = stored.filter(
    (d) =>
      !blankSuperseded(d) &&
      (!finalOnly || (d.kind === 'award' && d.caseNo !== null && finalOnly.has(d.caseNo)) || receiptOf(d, 'award')) &&
      (!partialNos || (d.kind === 'partial_award' && d.caseNo !== null && partialNos.has(d.caseNo)) || receiptOf(d, 'partial_award')),
  );
  // Every enforcement package holds the instrument it enforces (LDMAL Art. 51: the effective award or mediation
  // document is the title the court executes; reviewer docs46 H1): the part enforced alone (above), else the whole
  // award — both parts of a split one (Rules Art. 50) —, else the mediation document, else a partial award.
  // An advance-execution package holds the 先予执行裁决书 the court is asked to execute (LDMAL Art. 44; Rules Art. 51;
  // reviewer s46 M2: it was made without it).
  if (input.purpose === 'advance_execution' && !issued.some((d) => d.kind === 'advance_execution_ruling'))
    throw ruleRefusal({
      rule: 'court-package-purpose',
      field: 'purpose',
      detail: '先予执行裁决书尚未出具：请先出具该裁决书，再生成移送先予执行的材料包',
      source: '《劳动争议调解仲裁法》第四十四条',
    });
  // docs51 M1: the 移送函 for advance execution encloses 「先予执行裁决书送达回证」 (templates/kinds.ts transferLetter), and
  // TRANSFER_TO_COURT asks the ruling served on its payers and the respondents of its day first (LDMAL Art. 44; Rules
  // Art. 51): the package holds an issued 送达回证 of that service for each of them — else 422 naming the missing enclosure (the receipts are issued
  // as any document is, POST /api/cases/:id/documents {kind: "service_receipt"}, like the ruling itself above).
  if (input.purpose === 'advance_execution') {
    const held = new Set(
      issued.flatMap((d) => {
        const r = receipts.get(d.id);
        return r?.servedDocument === 'advance_execution_ruling' && r.afterService ? [r.partyId] : [];
      }),
    );
    // s61 A #1: the ruling's payers and the respondents of its day (advanceServiceIds, TRANSFER_TO_COURT's rule) — not a
    // respondent added after every ruling, whom none binds.
    const owed = new Set(ctx.advanceExecutions.flatMap((ae) => advanceServiceIds(ctx, c.parties, ae)));
    const lacking = c.parties.filter((p) => owed.has(p.id as number) && !held.has(p.id as number));
    if (lacking.length) {
      const served = (id: number) => ctx.services.some((x) => x.document === 'advance_execution_ruling' && x.partyId === id);
      const unserved = lacking.filter((p) => !served(p.id as number));
      // fixM58 #2: the parties named (as every message names parties), not numbered; by side (an applicant pays on a
      // counterclaim's ruling).
      const who = (ps: typeof lacking) =>
        (['applicant', 'respondent'] as const)
          .flatMap((side) => {
            const names = ps.filter((p) => p.side === side).map((p) => p.name);
            return names.length ? [`${side === 'applicant' ? '申请人' : '被申请人'}${names.join('、')}`] : [];
          })
          .join('、');
      throw ruleRefusal({
        rule: 'court-package-purpose',
        field: 'purpose',
        detail: unserved.length
          ? `移送函所附「先予执行裁决书送达回证」：先予执行裁决书尚未送达${who(unserved)}——请先登记送达（SERVE），出具送达回证（service_receipt，servedDocument: advance_execution_ruling），再生成移送先予执行的材料包`
          : `移送函所附「先予执行裁决书送达回证」尚未出具（${who(lacking)}）：请先出具送达回证（service_receipt，servedDocument: advance_execution_ruling），再生成移送先予执行的材料包`,
        source: '《劳动争议调解仲裁法》第四十四条；《劳动人事争议仲裁办案规则》第五十一条',
      });
    }
  }
  // A litigation package holds the document the suit is about (med50 M4: a suit on an award never issued as a
  // document made a package of no document): the 裁决书 / 部分裁决书 sued on, the 不予受理通知书 (LDMAL Arts. 29, 48, 50).
  const suit = input.purpose === 'litigation' ? litigationBasis(ctx) : null;
  if (suit?.documents.length && !suit.documents.some((x) => issued.some((d) => d.kind === x.kind))) {
    const names = suit.documents.map((x) => x.name).join('或');
    throw ruleRefusal({
      rule: 'court-package-purpose',
      field: 'purpose',
      detail: `当事人起诉所针对的${names}尚未出具：请先出具${names}，再生成当事人起诉的材料包`,
      source: '《劳动争议调解仲裁法》第二十九条、第四十八条、第五十条',
    });
  }
  if (input.purpose === 'enforcement') {
    const missing = partialNos
      ? issued.length
        ? null
        : `部分裁决书（${[...partialNos].filter(Boolean).join('、')}）`.replace('（）', '')
      : missingInstrument(ctx, refs, onlyPart, finalOnly, issued);
    if (missing)
      throw ruleRefusal({
        rule: 'court-package-purpose',
        field: 'purpose',
        detail: `${missing}尚未出具：请先出具该${missing.replace(/（.*$/, '')}，再生成申请强制执行的材料包`,
        source: '《劳动争议调解仲裁法》第四十七条、第五十一条',
      });
  }
  const total = issued.reduce((n, d) => n + d.size, 0);
  if (total > config.courtPackageMaxBytes)
    throw tooLarge(
      `案件的 ${issued.length} 份文书共 ${mb(total)}，超过移送材料包上限 ${mb(config.courtPackageMaxBytes)}（COURT_PACKAGE_MAX_BYTES）`,
      { rule: 'court-package-max-bytes' },
    );
  // docs52 M1: a notice a later one of its kind replaced — the 仲裁庭组成通知书 of the tribunal as first formed, after a
  // recusal re-formed it (LDMAL Art. 33; Rules Art. 12) — is enclosed marked so in case.json (`supersededBy`: the
  // notice that replaced it), not left to read as the tribunal in office.
  const replacedBy = supersededNotices(events, new Set(issued.map((d) => d.id)));
  const documents: (PackagedDocument & { bytes: Buffer })[] = [];
  for (const d of issued) {
    const full = await stores.documents.find(k, d.id);
    if (full)
      documents.push({
        ...full,
        path: `documents/${d.id}-${d.kind}.pdf`,
        ...servedOf(ctx, d, original.get(d.id)),
        ...(replacedBy.has(d.id) ? { supersededBy: replacedBy.get(d.id) } : {}),
      });
  }
  // Before any work: a server without the registered key refuses to sign (503 saying what to do).
  const key = await signingKey(k, stores, config.commissionKeyPath);
  const generatedAt = deps.clock.now().toISOString();
  // A case without a case number is known by its document's number: an arbitral review's 审字 number (taken with its
  // first numbered document, app/documents/generate-document.ts) or a rejected application's 不字 number (taken with
  // REJECT). Read only, never taken here: null when none was taken yet.
  const reviewNo = c.caseNo || ctx.track !== 'review' ? null : await stores.documents.numberOf(k, caseId, 'review');
  const documentNo = c.caseNo
    ? null
    : reviewNo
      ? formatCaseNo(config.reviewNoPrefix, reviewNo.year, reviewNo.serial)
      : await rejectionNoOf(deps, k, caseId, ctx);
  const remedies = ctx.partialAwardRemedies ?? [];
  const partialSetAsideCourt = remedies.filter((r) => r.kind === 'set_aside').at(-1)?.court;
  // The court the record names for this purpose first (sec49 L2: an enforcement package addressed to nobody while the
  // application's court is on record): the enforcement application's, the set-aside's, the suit's; then as before.
  const transferredTo = (purposes: string[]) => ctx.transfers.filter((x) => purposes.includes(x.purpose)).at(-1)?.court;
  const forPurpose =
    input.purpose === 'enforcement'
      ? (ctx.enforcement.at(-1)?.court ?? transferredTo(['enforcement']))
      : input.purpose === 'advance_execution'
        ? transferredTo(['advance_execution'])
        : input.purpose === 'set_aside'
          ? (ctx.setAside?.court ?? partialSetAsideCourt)
          : input.purpose === 'litigation'
            ? (ctx.lawsuits.at(-1)?.court ?? remedies.filter((r) => r.kind === 'lawsuit').at(-1)?.court)
            : undefined;
  const court = input.court ?? forPurpose ?? ctx.transfers.at(-1)?.court ?? ctx.setAside?.court ?? ctx.lawsuits.at(-1)?.court ?? null;
  // docs51 M1: what the 移送函 of a recorded transfer for enforcement or a suit lists (templates/kinds.ts transferLetter:
  // 送达回证; for enforcement 生效证明 too) and the package does not hold is said in README.txt, not left to be found
  // missing: no receipt issued (the services are in case.json), no 生效证明 (a document Zhongcai does not issue).
  const transferred = ctx.transfers.some((x) => x.purpose === input.purpose);
  const lacking =
    transferred && (input.purpose === 'enforcement' || input.purpose === 'litigation')
      ? [
          ...(documents.some((d) => receipts.get(d.id)?.afterService)
            ? []
            : ['送达回证（未出具；送达记录见 case.json 的 services 及 documents[].served）']),
          ...(input.purpose === 'enforcement' ? ['生效证明（本系统不出具；生效日期见 case.json 的 case.effectiveOn）'] : []),
        ]
      : [];
  const caseJson = buildCaseJson(c, ctx, events, documents, {
    generatedAt,
    generatedBy: { name: actor.displayName, role: actor.role },
    commission: config.commissionName,
    purpose: input.purpose,
    court,
    keyId: key.keyId,
    documentNo,
    enforced: input.purpose === 'enforcement' ? enforcedOf(ctx, onlyPart, enforcedPartial, issued) : null,
  });
  const files: { path: string; bytes: Buffer }[] = [
    { path: 'README.txt', bytes: Buffer.from(readme(c.caseNo ?? documentNo, key.keyId, generatedAt, lacking), 'utf8') },
    { path: 'case.json', bytes: Buffer.from(`${JSON.stringify(caseJson, null, 2)}\n`, 'utf8') },
    ...documents.map((d) => ({ path: d.path, bytes: d.bytes })),
  ];
  // Hashing, signing and zipping on a render thread (off the event loop).
  const { bytes, manifestBytes, signature } = await assemblePackageOffThread({
    files,
    manifest: {
      format: MANIFEST_FORMAT,
      version: MANIFEST_VERSION,
      commission: config.commissionName,
      caseId: c.id,
      caseNo: c.caseNo,
      // The 审字 / 不字 number of a case without a case number (optional: a reader of version 1 ignores it).
      ...(documentNo ? { documentNo } : {}),
      purpose: input.purpose,
      court,
      generatedAt,
      caseSchemaVersion: CASE_SCHEMA_VERSION,
      hashAlgorithm: 'SHA-256',
      signatureAlgorithm: 'Ed25519',
      keyId: key.keyId,
    },
    keyPath: config.commissionKeyPath,
    generatedAt,
  });
  const stamp = chinaTime(generatedAt).replace(/[-:]/g, '').slice(0, 15);
  // The package's id in the name (sec53 L4: packages of one case generated in the same second shared a name): one
  // name per package, known once the row is inserted (db/stores/court-packages.ts insert).
  const fileName = (packageId: number) => `court-package-${c.id}-${packageId}-${stamp}.zip`;

  return {
    caseVersion: c.version,
    state: c.state,
    documents: documents.map((d) => ({ id: d.id, sha256: d.sha256 })),
    row: {
      caseId,
      purpose: input.purpose,
      court,
      fileName,
      bytes,
      size: bytes.length,
      sha256: sha256(bytes),
      manifestSha256: sha256(manifestBytes),
      signature,
      keyId: key.keyId,
      schemaVersion: CASE_SCHEMA_VERSION,
      caseVersion: c.version,
      documentCount: documents.length,
    },
  };
}

/** GET /api/cases/:id/court-packages — the packages made for the case (hashes, key, who may fetch: as generation). */
export async function listCourtPackages(deps: Deps, actor: Actor, caseId: number): Promise<CourtPackageView[]> {
  assertRoleMayHandOffToCourt(actor);
  const c = await loadCase(deps, deps.db.reader, caseId);
  assertMayHandOffToCourt(actor, caseScope(c, caseContext(c)));
  return (await deps.stores.courtPackages.forCase(deps.db.reader, caseId)).map(view);
}

/** GET /api/court-packages/:id — the ZIP exactly as generated. */
export async function readCourtPackage(deps: Deps, actor: Actor, id: number) {
  assertRoleMayHandOffToCourt(actor);
  const p = await deps.stores.courtPackages.find(deps.db.reader, id);
  if (!p) throw unknownPathParam('id', '材料包');
  const c = await loadCase(deps, deps.db.reader, p.caseId);
  assertMayHandOffToCourt(actor, caseScope(c, caseContext(c)));
  // The package carries identity numbers in full: who fetched it is in the access log (api.md "Reading (v1.1)").
  // The row's document column holds the package's id for this action: answered as `courtPackageId`, `documentId` null
  // (server/http/users.ts; s45 L3).
  await recordAccess(deps, actor, 'download_court_package', { caseId: p.caseId, documentId: p.id });
  return p;
}

/**
 * GET /api/keys — the commission's public key(s) as registered in the database, for anyone who verifies a package:
 * every process answers the same, whatever key file it holds; an empty list until a key is initialised.
 */
export async function publicKeys(deps: Deps) {
  const current = await deps.stores.commissionKeys.current(deps.db.reader);
  return {
    keys: (current ? [current] : []).map((key) => {
      const x = crypto.createPublicKey(key.publicKeyPem).export({ format: 'jwk' }).x as string;
      return {
        keyId: key.keyId,
        algorithm: key.algorithm,
        use: 'court-package' as const,
        publicKeyPem: key.publicKeyPem,
        jwk: { kty: 'OKP' as const, crv: 'Ed25519' as const, x, kid: key.keyId },
        createdAt: key.createdAt,
      };
    }),
  };
}
