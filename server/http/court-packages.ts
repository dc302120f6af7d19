import { Router } from 'express';
import { z } from 'zod';
import { PACKAGE_PURPOSES, type PackagePurpose } from '../../app/court-package/case-json.ts';
import { generateCourtPackage, listCourtPackages, publicKeys, readCourtPackage } from '../../app/court-package/generate.ts';
import type { Deps } from '../../app/deps.ts';
import { assertRoleMayHandOffToCourt } from '../../app/policy.ts';
import { Instant } from '../../app/schemas.ts';
import { IdempotencyHeader, IdParams, route } from './route.ts';
import { runWriteStaged } from './write.ts';

const PURPOSES = Object.keys(PACKAGE_PURPOSES) as [PackagePurpose, ...PackagePurpose[]];
const CourtPackageRequest = z
  .object({
    purpose: z.enum(PURPOSES).openapi({
      description: Object.entries(PACKAGE_PURPOSES)
        .map(([k, v]) => `${k}：${v}`)
        .join('；'),
    }),
    court: z.string().trim().min(1).max(100).optional().openapi({
      description:
        '受移送的人民法院（缺省取本用途最近记录的法院：申请强制执行的执行申请、撤销申请、起诉或移送的法院；无则取最近记录的移送、撤销申请或起诉的法院）',
    }),
  })
  .strict()
  .openapi('CourtPackageRequest');
const CourtPackage = z
  .strictObject({
    id: z.number().int(),
    purpose: z.enum(PURPOSES),
    court: z.string().nullable(),
    fileName: z.string(),
    size: z.number().int(),
    sha256: z.string().openapi({ description: 'ZIP 文件的 SHA-256' }),
    manifestSha256: z.string().openapi({ description: 'manifest.json 的 SHA-256（签名的对象）' }),
    signature: z.string().openapi({ description: 'Ed25519 签名（base64）' }),
    keyId: z.string(),
    schemaVersion: z.string().openapi({ description: 'case.json 的结构版本' }),
    caseVersion: z.number().int(),
    documentCount: z.number().int(),
    createdAt: Instant,
  })
  .openapi('CourtPackage');
const PublicKeys = z
  .strictObject({
    keys: z.array(
      z.strictObject({
        keyId: z.string(),
        algorithm: z.literal('Ed25519'),
        use: z.literal('court-package'),
        publicKeyPem: z.string(),
        jwk: z.strictObject({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string(), kid: z.string() }),
        createdAt: Instant,
      }),
    ),
  })
  .openapi('PublicKeys');

/** GET /api/keys — public, without a token: a court verifies a package against the key published here. */
export function createPublicKeysRouter(deps: Deps): Router {
  const router = Router();
  route(router, {
    method: 'get',
    path: '/api/keys',
    anyQuery: true,
    operationId: 'publicKeys',
    summary: '仲裁委员会登记的公钥（核验移送法院材料包的签名；无需登录；尚未初始化密钥时为空列表）',
    tags: ['court-packages'],
    auth: false,
    responses: { 200: { description: '公钥', schema: PublicKeys } },
    handler: async () => ({ body: await publicKeys(deps) }),
  });
  return router;
}

export function createCourtPackagesRouter(deps: Deps): Router {
  const router = Router();

  route(router, {
    method: 'post',
    path: '/api/cases/{id}/court-packages',
    operationId: 'generateCourtPackage',
    summary: '生成移送法院材料包（ZIP：case.json、文书 PDF、SHA-256 清单及仲裁委 Ed25519 签名）',
    description:
      '材料包含当事人身份证号码等完整信息：仅书记员和仲裁委/院领导可以生成和下载。生成记入案件历史（GENERATE_COURT_PACKAGE）。每人每分钟至多 COURT_PACKAGES_PER_MINUTE 个（超出 429）；案件文书合计超过 COURT_PACKAGE_MAX_BYTES 时 413（rule: court-package-max-bytes）。移送事由须有所依据（422，rule: court-package-purpose）：申请强制执行须有裁决书（含部分裁决）或调解书，先予执行移送须有先予执行裁决，申请撤销须有终局裁决事项；当事人起诉、法院调阅不限。核验：npm run verify-package -- 文件.zip --key 公钥.pem',
    tags: ['court-packages'],
    params: IdParams,
    headers: IdempotencyHeader,
    body: CourtPackageRequest,
    responses: {
      201: {
        description: '已生成',
        schema: CourtPackage,
        headers: z.object({ Location: z.string().openapi({ description: '下载地址' }) }),
      },
    },
    problems: [403, 422, 429],
    authorize: assertRoleMayHandOffToCourt,
    handler: async ({ req, res, actor, params, body }) => {
      await runWriteStaged(
        deps,
        req,
        res,
        (transact) => generateCourtPackage(deps, actor, params.id, body, transact),
        (p) => ({ status: 201, body: p, headers: { Location: `/api/court-packages/${p.id}` } }),
      );
    },
  });

  route(router, {
    method: 'get',
    path: '/api/cases/{id}/court-packages',
    operationId: 'listCourtPackages',
    summary: '案件已生成的移送法院材料包',
    tags: ['court-packages'],
    params: IdParams,
    responses: { 200: { description: '材料包', schema: z.array(CourtPackage) } },
    problems: [403],
    authorize: assertRoleMayHandOffToCourt,
    handler: async ({ actor, params }) => ({ body: await listCourtPackages(deps, actor, params.id) }),
  });

  route(router, {
    method: 'get',
    path: '/api/court-packages/{id}',
    operationId: 'downloadCourtPackage',
    summary: '下载移送法院材料包（ZIP，与生成时相同的字节）',
    tags: ['court-packages'],
    params: IdParams,
    responses: { 200: { description: 'ZIP', contentType: 'application/zip', schema: z.string().openapi({ format: 'binary' }) } },
    problems: [403],
    authorize: assertRoleMayHandOffToCourt,
    handler: async ({ res, actor, params }) => {
      const p = await readCourtPackage(deps, actor, params.id);
      res.setHeader('Content-Type', 'application/zip');
      res.setHeader('ETag', `"${p.sha256}"`);
      res.setHeader('Content-Disposition', `attachment; filename="${p.fileName}"`);
      res.send(p.bytes);
      return undefined;
    },
  });

  return router;
}
