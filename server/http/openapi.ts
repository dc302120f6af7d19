import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';

/**
 * The one registry the OpenAPI document is generated from. Nothing registers a path here by hand: `route()`
 * (server/http/route.ts) registers each operation from the same declaration that installs its handler.
 */
export const registry = new OpenAPIRegistry();
registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });

export const TAGS = [
  { name: 'service', description: '服务状态' },
  { name: 'auth', description: '登录与令牌' },
  { name: 'users', description: '用户（管理员）' },
  { name: 'cases', description: '案件登记与查询' },
  { name: 'procedure', description: '程序事件（状态图）' },
  { name: 'time', description: '期限与节假日' },
  { name: 'documents', description: '法律文书' },
  { name: 'reference', description: '参考数据' },
  { name: 'stats', description: '统计' },
  { name: 'calculators', description: '劳动争议计算器' },
  { name: 'court-packages', description: '移送法院材料包与仲裁委公钥' },
];

let built: Record<string, unknown> | null = null;

/** The OpenAPI 3.1 document, generated once from the registered routes and the zod schemas they validate with. */
export function buildOpenApi(): Record<string, unknown> {
  if (built) return built;
  const doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Zhongcai 仲裁 API',
      version: '1.1.0',
      description: '劳动人事争议调解仲裁案件管理系统 HTTP 接口（contract v1.1）。错误以 RFC 9457 application/problem+json 返回。',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    tags: TAGS,
  });
  built = doc as unknown as Record<string, unknown>;
  return built;
}
