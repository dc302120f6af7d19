import { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { generateDocument, listDocuments, readDocument } from '../../app/documents/generate-document.ts';
import { assertRoleMayGenerateDocument, assertRoleMayListDocuments, assertRoleMayReadDocuments } from '../../app/policy.ts';
import { Instant, IsoDate, RecordId } from '../../app/schemas.ts';
import { DECISION_MATTER_KEYS, DOCUMENT_KINDS, type DocumentKind } from '../../templates/kinds.ts';
import { SERVICE_DOCUMENTS } from '../../workflows/procedure-types.ts';
import { ifMatch } from './parse.ts';
import { IdParams, route, WriteHeaders } from './route.ts';
import { runWriteStaged } from './write.ts';

const KINDS = Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]];
const Long = z.string().trim().min(1).max(20000);
/** The arbitrator's text (domain.md §12.3): not punctuation alone — "。" printed "本委认为。" (reviewer docs43 M1). */
const Written = Long.refine((t) => t === '' || /[\p{L}\p{N}]/u.test(t), '须写明内容（不能只有标点符号）');
const DocumentRequest = z
  .object({
    kind: z.enum(KINDS),
    facts: Written.optional().openapi({ description: '裁决书“经审理查明”（仲裁员撰写；缺省取作出裁决时提交的文字）' }),
    reasoning: Written.optional().openapi({ description: '裁决书“本委认为”（仲裁员撰写）' }),
    defenseSummary: Written.optional(),
    counterclaimDefenseSummary: Written.optional().openapi({
      description: '申请人（被反申请人）针对反申请的答辩意见（裁决书裁决反申请请求时）',
    }),
    matter: z.enum(DECISION_MATTER_KEYS).optional().openapi({
      description:
        '决定书事项（withdrawal：准许撤回仲裁申请；deemed_withdrawal：按撤回仲裁申请处理；recusal：书面作出的回避决定，劳动人事争议仲裁办案规则第十二条；transfer：移送管辖，第九条；jurisdiction：管辖异议的决定，第十条；review_rejection：不予受理仲裁审查申请，第七十五条；review_refusal：不予制作调解书、终止仲裁审查，第七十八条、第七十九条）。送达回证：所送达决定书的事项（servedDocument 为 decision 时）',
    }),
    body: Written.optional().openapi({ description: '补正决定的补正内容' }),
    court: z.string().trim().min(1).max(100).optional().openapi({ description: '移送函：选定已记录的移送（受移送法院）' }),
    purpose: z
      .enum(['enforcement', 'advance_execution', 'litigation'])
      .optional()
      .openapi({ description: '移送函：选定已记录的移送（移送事由）' }),
    decidedOn: IsoDate.optional().openapi({ description: '补正决定的作出日期（其他文书的日期取自所记录的行为）' }),
    corrects: z
      .object({
        partialAward: z.number().int().min(1).max(100).optional().openapi({ description: '第几件部分裁决（第N号之一…）；缺省为裁决书' }),
        part: z
          .enum(['final', 'non_final'])
          .optional()
          .openapi({ description: '按终局与否分别制作的裁决书：final 为终局（-1号），non_final 为非终局（-2号）' }),
      })
      .strict()
      .optional()
      .openapi({
        description:
          '补正决定所补正的裁决书（劳动人事争议仲裁办案规则第五十四条）；缺省为唯一的一份，有多份时须指明（否则 422，field 为 corrects 或 corrects.part）',
      }),
    occurrence: z.number().int().min(1).max(100).optional().openapi({
      description:
        '同类行为中的第几次（如第二次中止审理的决定书或恢复审理通知书、第一次追加当事人的通知书、第一份先予执行裁决）；缺省为最近一次',
    }),
    legalBasis: z
      .array(z.object({ claimId: RecordId, basis: z.array(z.string().trim().min(1).max(200)).min(1).max(20) }).strict())
      .max(100)
      .optional()
      .openapi({ description: '裁决书：仲裁员确认或修改的各项裁决依据（替代建议清单）' }),
    draft: z.boolean().optional().openapi({ description: 'true：草稿（标注“草稿”，印章位置仅为虚线占位）；缺省为正式文本' }),
    partyId: RecordId.optional().openapi({ description: '送达回证：受送达人（本案当事人的 id）' }),
    servedDocument: z.enum(SERVICE_DOCUMENTS).optional().openapi({
      description:
        '送达回证：所送达的文书（同 SERVE 的 document）；缺省为已记录的向该当事人的最近一次送达。尚未记录送达时，出具待送达时携带的空白回证（方式、签收栏空白），日期为该文书作出之日',
    }),
  })
  .strict()
  // A decision (决定书) is about one matter: without it the request is malformed (400 naming `matter`), not a text the
  // arbitrator still has to write (422 text-from-arbitrator).
  .superRefine((r, ctx) => {
    if (r.kind === 'decision' && r.matter === undefined)
      ctx.addIssue({ code: 'custom', path: ['matter'], message: '决定书须写明事项 matter' });
    if (r.corrects !== undefined && (r.kind !== 'decision' || r.matter !== 'correction'))
      ctx.addIssue({ code: 'custom', path: ['corrects'], message: 'corrects 只用于补正决定（kind decision，matter correction）' });
    if (r.kind === 'service_receipt' && r.partyId === undefined)
      ctx.addIssue({ code: 'custom', path: ['partyId'], message: '送达回证须写明受送达人 partyId' });
    // A receipt names the decision it carries by its matter (决定书（中止审理）): only with servedDocument decision.
    if (r.kind === 'service_receipt' && r.matter !== undefined && r.servedDocument !== 'decision')
      ctx.addIssue({ code: 'custom', path: ['matter'], message: '送达回证的 matter 只用于所送达的决定书（servedDocument 为 decision）' });
    if (r.matter !== undefined && r.kind !== 'decision' && r.kind !== 'service_receipt')
      ctx.addIssue({ code: 'custom', path: ['matter'], message: 'matter 只用于决定书及其送达回证' });
  })
  .openapi('DocumentRequest');
const documentShape = {
  id: z.number().int(),
  kind: z.enum(KINDS),
  title: z.string(),
  caseNo: z.string().nullable().openapi({
    description: '文书所载编号（历史字段名，与 documentNo 相同，保留以免影响已有客户端）；不是案件本身的案号——案件案号见案件的 caseNo',
  }),
  documentNo: z.string().nullable().openapi({
    description:
      '文书所载编号：案号，或拆分裁决的第N-1号/第N-2号，部分裁决的第N号之一，仲裁审查的审字号，不予受理通知书的不字号；没有编号的文书为 null',
  }),
  sha256: z.string(),
  size: z.number().int(),
  caseVersion: z.number().int(),
  createdAt: Instant,
  draft: z.boolean().openapi({ description: '草稿（draft: true 生成，标“草稿”、不盖章，不移送法院）；false：出具的文书' }),
  occurrence: z.number().int().optional().openapi({ description: '部分裁决书、先予执行裁决书：本案第几件部分裁决或先予执行裁决的文书' }),
};
const DocumentInfo = z.strictObject(documentShape).openapi('Document');

export function createDocumentsRouter(deps: Deps): Router {
  const router = Router();

  route(router, {
    method: 'post',
    path: '/api/cases/{id}/documents',
    operationId: 'generateDocument',
    summary: '生成法律文书（PDF）；混合裁决生成终局、非终局两份裁决书',
    description:
      '422（rule-violation，rule 指明规则）包括：延长审理期限决定书的延长后审理期限届满日涉及尚未录入国家法定节假日安排的年份，届满日只能暂定（rule 为 calendar-data-missing，missingYear 为该年份，field 为 matter；劳动争议调解仲裁法第四十三条第一款）——只拒绝首次出具（或所载事实变化后出具新版本）；草稿（draft: true）照常生成（不写届满日，warnings 中说明），已出具的原件照常重印；已出具文书的文本不得更改（issued-document-text-fixed，办案规则第五十四条）；须由仲裁员写明的内容缺失（text-from-arbitrator）；案件记录不足（record-incomplete）；字体缺字（missing-glyph）。',
    tags: ['documents'],
    params: IdParams,
    headers: WriteHeaders,
    body: DocumentRequest,
    responses: {
      201: {
        description: '已生成（顶层字段描述第一份）',
        schema: z
          .strictObject({
            ...documentShape,
            documents: z.array(DocumentInfo),
            warnings: z.array(z.string()).optional().openapi({ description: '提醒（不阻止生成）：如对已被人民法院撤销的裁决作出补正决定' }),
          })
          .openapi('GeneratedDocuments'),
      },
    },
    problems: [403, 409, 412, 422, 429],
    authorize: (actor, body) => assertRoleMayGenerateDocument(actor, body.kind, DOCUMENT_KINDS[body.kind]),
    handler: async ({ req, res, actor, params, body }) => {
      const expectedVersion = ifMatch(req);
      await runWriteStaged(
        deps,
        req,
        res,
        (transact) => generateDocument(deps, actor, params.id, body, transact, { expectedVersion }),
        (r) => ({
          status: 201,
          body: { ...r.documents[0], documents: r.documents, ...(r.warnings.length ? { warnings: r.warnings } : {}) },
        }),
      );
    },
  });

  route(router, {
    method: 'get',
    path: '/api/cases/{id}/documents',
    operationId: 'listDocuments',
    summary: '案件已生成的文书',
    tags: ['documents'],
    params: IdParams,
    responses: { 200: { description: '文书', schema: z.array(DocumentInfo) } },
    problems: [403],
    authorize: assertRoleMayListDocuments,
    handler: async ({ actor, params }) => ({ body: await listDocuments(deps, actor, params.id) }),
  });

  route(router, {
    method: 'get',
    path: '/api/documents/{id}',
    operationId: 'downloadDocument',
    summary: '下载文书 PDF（每次相同的字节）',
    tags: ['documents'],
    params: IdParams,
    responses: {
      200: {
        description: 'PDF',
        contentType: 'application/pdf',
        schema: z.string().openapi({ format: 'binary' }),
        headers: z.object({
          ETag: z.string().openapi({ description: '文件的 SHA-256（加引号）' }),
          'Content-Disposition': z.string().openapi({ description: 'inline；文件名为文书标题与案号' }),
        }),
      },
    },
    problems: [403],
    authorize: assertRoleMayReadDocuments,
    handler: async ({ res, actor, params }) => {
      const d = await readDocument(deps, actor, params.id);
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('ETag', `"${d.sha256}"`);
      res.setHeader(
        'Content-Disposition',
        `inline; filename="document-${d.id}.pdf"; filename*=UTF-8''${encodeURIComponent(`${d.title}${d.caseNo ?? ''}.pdf`)}`,
      );
      res.send(d.bytes);
      return undefined;
    },
  });

  return router;
}
