import { MONETARY_FINAL_CATEGORIES } from './finality.ts';
import type { CaseContext, EventType, ProcEvent } from './procedure-types.ts';

/** A legal rule that refuses an event (HTTP 422), with its source. */
export interface Violation {
  rule: string;
  source: string;
  detail: string;
}

type Rule = (ctx: CaseContext, ev: ProcEvent) => Violation | null;

const v = (rule: string, source: string, detail: string): Violation => ({ rule, source, detail });

/** Parties that must sign a mediation document or receive an award: applicants and respondents. */
export const signingParties = (ctx: CaseContext) => ctx.parties.filter((p) => p.side !== 'third_party');

/** The employer side: organizations among the parties (a worker is a natural person). */
const isEmployer = (ctx: CaseContext, partyId: number) => ctx.parties.find((p) => p.id === partyId)?.kind === 'organization';

export const decidedClaimIds = (ctx: CaseContext): Set<number> =>
  new Set([...ctx.partialAwards.flatMap((a) => a.items.map((i) => i.claimId)), ...(ctx.award?.items.map((i) => i.claimId) ?? [])]);

function awardItemsRule(ctx: CaseContext, ev: ProcEvent, whole: boolean): Violation | null {
  const items = (ev.payload.items ?? []) as { claimId: number; outcome: string; amount?: string }[];
  const decided = decidedClaimIds(ctx);
  const again = items.filter((i) => decided.has(i.claimId));
  if (again.length) {
    return v('claim-already-decided', 'Rules Art. 49', `请求 ${again.map((i) => i.claimId).join('、')} 已由部分裁决处理，不能再次裁决`);
  }
  for (const it of items) {
    const claim = ctx.claims.find((c) => c.id === it.claimId);
    if (claim && MONETARY_FINAL_CATEGORIES.includes(claim.category) && it.outcome !== 'dismissed' && it.amount === undefined) {
      return v('award-amount-required', 'LDMAL Art. 46', `请求 ${it.claimId} 为给付请求，支持或部分支持时须写明裁决金额`);
    }
  }
  if (whole) {
    const covered = new Set(items.map((i) => i.claimId));
    const missing = ctx.claims.filter((c) => !decided.has(c.id) && !covered.has(c.id)).map((c) => c.id);
    if (missing.length) {
      return v('award-must-decide-every-claim', 'LDMAL Art. 46', `裁决须对每一项仲裁请求作出处理，尚未处理的请求：${missing.join('、')}`);
    }
  }
  return null;
}

/**
 * Payload-dependent legal rules per event. The machine's guards call these (so the chart itself refuses
 * illegal steps) and the server calls them first to answer 422 with the rule and its source.
 */
export const RULES: Partial<Record<EventType, Rule>> = {
  FORM_TRIBUNAL: (ctx, ev) => {
    const ids = ev.payload.arbitratorIds as number[];
    // OrgRules Art. 13; Rules Art. 66: collective disputes (10+ workers) need a three-arbitrator tribunal.
    if (ctx.collective && ids.length !== 3) {
      return v(
        'collective-needs-three-arbitrators',
        'OrgRules Art. 13; Rules Art. 66',
        '集体劳动人事争议应当由三名仲裁员组成仲裁庭，不能独任仲裁',
      );
    }
    return null;
  },
  RECUSE_ARBITRATOR: (ctx, ev) => {
    const t = ctx.tribunal;
    if (!t?.arbitratorIds.includes(ev.payload.arbitratorId))
      return v('not-on-tribunal', 'LDMAL Art. 33', '被申请回避的仲裁员不是本案仲裁庭成员');
    if (t.arbitratorIds.includes(ev.payload.replacementId))
      return v('replacement-on-tribunal', 'LDMAL Art. 33', '替换的仲裁员已是本案仲裁庭成员');
    return null;
  },
  SCHEDULE_HEARING: (_ctx, ev) => {
    if (ev.payload.hearingOn <= ev.occurredOn) return v('hearing-in-future', 'LDMAL Art. 35', '开庭日期应晚于排期日期');
    // LDMAL Art. 35; Rules Art. 38: written notice at least 5 (working) days before the hearing.
    if (ev.facts?.hearingNoticeOk === false) {
      return v('hearing-notice-5-days', 'LDMAL Art. 35; Rules Art. 38', '开庭通知应在开庭5个工作日前送达当事人，所选开庭日期过近');
    }
    return null;
  },
  POSTPONE_HEARING: (ctx, ev) => {
    if (ev.payload.hearingOn <= ev.occurredOn) return v('hearing-in-future', 'LDMAL Art. 35', '新的开庭日期应晚于今天');
    if (ctx.hearing && ev.payload.hearingOn === ctx.hearing.hearingOn) return v('same-date', 'LDMAL Art. 35', '新的开庭日期与原定日期相同');
    // LDMAL Art. 35: a party may ask for postponement at least 3 (working) days before the hearing.
    if (ev.payload.requestedBy === 'party' && ev.facts?.postponementTimely === false) {
      return v('postponement-3-days', 'LDMAL Art. 35; Rules Art. 38', '当事人申请延期开庭应当在开庭前3个工作日提出，本申请已逾期');
    }
    return null;
  },
  HOLD_HEARING: (ctx, ev) => {
    if (ctx.hearing && ev.occurredOn < ctx.hearing.hearingOn)
      return v('hearing-not-yet', 'LDMAL Art. 35', `开庭日期为 ${ctx.hearing.hearingOn}，尚未到期`);
    return null;
  },
  DEEM_WITHDRAWN: (ctx) => {
    // Rules Arts. 39, 59: only after written notice proven served on the applicant.
    const applicants = ctx.parties.filter((p) => p.side === 'applicant').map((p) => p.id);
    const noticed = ctx.services.some((s) => s.document === 'hearing_notice' && applicants.includes(s.partyId) && s.method !== 'sms');
    if (!noticed) {
      return v(
        'hearing-notice-not-proven',
        'LDMAL Art. 36; Rules Arts. 39, 59',
        '未记录向申请人书面送达开庭通知（或简易方式送达未经确认），不能按撤回仲裁申请处理',
      );
    }
    return null;
  },
  SIGN_MEDIATION_DOCUMENT: (ctx, ev) => {
    const p = signingParties(ctx).find((x) => x.id === ev.payload.partyId);
    if (!p) return v('not-a-signing-party', 'LDMAL Art. 42', '只有申请人和被申请人签收调解书');
    if (ctx.mediation?.signatures.some((s) => s.partyId === p.id)) return v('already-signed', 'LDMAL Art. 42', '该当事人已签收调解书');
    return null;
  },
  EXTEND_TIME_LIMIT: (_ctx, ev) => {
    // LDMAL Art. 43: extension by no more than 15 days, approved before the time limit runs out.
    if (ev.payload.days > 15) return v('extension-max-15', 'LDMAL Art. 43; Rules Art. 45', '延长期限不得超过15日');
    const due = ev.facts?.awardDueOn;
    if (due && ev.occurredOn > due)
      return v('extension-before-deadline', 'LDMAL Art. 43; Rules Art. 45', `审理期限已于 ${due} 届满，不能再延长`);
    return null;
  },
  CONVERT_TO_ORDINARY: (_ctx, ev) => {
    const due = ev.facts?.awardDueOn;
    // Rules Art. 60: conversion before the time limit expires; the limit keeps running from acceptance.
    if (due && ev.occurredOn > due) return v('convert-before-deadline', 'Rules Art. 60', `审理期限已于 ${due} 届满，不能再转为普通程序`);
    return null;
  },
  SHORTEN_DEFENSE_PERIOD: (_ctx, ev) => {
    if (ev.payload.respondentConsent !== true) return v('consent-needed', 'Rules Art. 58', '缩短或放弃答辩期须经被申请人同意');
    return null;
  },
  FILE_COUNTERCLAIM: (_ctx, ev) => {
    if (ev.facts?.defensePeriodOpen === false) {
      return v('counterclaim-in-defense-period', 'Rules Art. 36', '答辩期满后提出的反申请应当另行申请仲裁');
    }
    return null;
  },
  RECORD_REPRESENTATIVES: (ctx, ev) => {
    const ids = ev.payload.partyIds as number[];
    if (ids.length < 3 || ids.length > 5)
      return v('three-to-five-representatives', 'Rules Art. 63', '集体争议的劳动者一方应推举三至五名代表');
    const workers = ctx.parties.filter((p) => p.side === 'applicant' && p.kind === 'person').map((p) => p.id);
    if (ids.some((id) => !workers.includes(id))) return v('representatives-are-workers', 'LDMAL Art. 7', '代表须为本案劳动者一方的申请人');
    return null;
  },
  ADVANCE_EXECUTION: (ctx, ev) => {
    const ids = ev.payload.claimIds as number[];
    // LDMAL Art. 44: only claims for remuneration, work-injury medical costs, economic compensation or damages.
    const bad = ctx.claims.filter((c) => ids.includes(c.id) && !MONETARY_FINAL_CATEGORIES.includes(c.category));
    if (bad.length) {
      return v(
        'advance-execution-categories',
        'LDMAL Art. 44; Rules Art. 51',
        `先予执行仅限追索劳动报酬、工伤医疗费、经济补偿或者赔偿金的案件，请求 ${bad.map((c) => c.id).join('、')} 不属于`,
      );
    }
    if (ev.payload.rightsClear === false || ev.payload.lifeSeriouslyAffected === false) {
      return v('advance-execution-conditions', 'LDMAL Art. 44', '先予执行须同时符合：权利义务关系明确；不先予执行将严重影响申请人生活');
    }
    return null;
  },
  PARTIAL_AWARD: (ctx, ev) => awardItemsRule(ctx, ev, false),
  ISSUE_AWARD: (ctx, ev) => awardItemsRule(ctx, ev, true),
  RECORD_LAWSUIT: (ctx, ev) => {
    // LDMAL Arts. 48–49: an employer cannot sue against a final award; it may only apply to set it aside.
    if (ctx.award?.finality === 'final' && isEmployer(ctx, ev.payload.partyId)) {
      return v('employer-cannot-sue-final', 'LDMAL Arts. 48–49', '终局裁决的用人单位不能起诉，只能向中级人民法院申请撤销裁决');
    }
    return null;
  },
  MARK_EFFECTIVE: (_ctx, ev) => {
    if (ev.facts?.challengeWindowsClosed === false) {
      return v(
        'windows-still-open',
        'LDMAL Arts. 48–50',
        '尚有当事人的起诉或申请撤销期间未届满（或裁决书尚未全部送达），裁决尚不能确认生效',
      );
    }
    return null;
  },
  TRANSFER_TO_COURT: (ctx, ev) => {
    if (ev.payload.purpose === 'advance_execution' && !ctx.advanceExecutions.some((a) => a.transferredOn === null)) {
      return v('no-advance-execution-ruling', 'LDMAL Art. 44', '没有待移送的先予执行裁决');
    }
    return null;
  },
  SERVE: (ctx, ev) => {
    const doc = ev.payload.document as string;
    // Rules Art. 59: simple-procedure service by phone/SMS/fax/e-mail is not allowed for mediation documents and awards.
    if (ev.payload.method === 'sms' && (doc === 'award' || doc === 'mediation_document')) {
      return v('no-simple-service-for-award', 'Rules Art. 59', '调解书和裁决书不得以电话、短信等简便方式送达');
    }
    if (ev.payload.method === 'sms' && ctx.procedure !== 'simple') {
      return v('simple-service-only-in-simple-procedure', 'Rules Art. 59', '电话、短信等简便方式送达仅适用于简易处理案件');
    }
    // CPL Art. 90: electronic service needs the addressee's consent.
    if (ev.payload.method === 'electronic' && ev.payload.consent !== true) {
      return v('electronic-service-consent', 'CPL Art. 90', '电子送达须经受送达人同意');
    }
    return null;
  },
  REFER_TO_ARBITRATION: (ctx, ev) => {
    // LDMAL Art. 14: arbitration may be applied for when no agreement is reached within 15 days of receipt.
    if (ctx.trackMediation?.agreedOn === null && ctx.trackMediation.failedOn === null && ev.facts?.mediationLimitPassed === false) {
      return v('mediation-15-days', 'LDMAL Art. 14', '调解组织收到调解申请之日起15日内仍可调解；调解不成或期满未达成协议后方可申请仲裁');
    }
    return null;
  },
};

export function checkRules(ctx: CaseContext, ev: ProcEvent): Violation | null {
  return RULES[ev.type]?.(ctx, ev) ?? null;
}
