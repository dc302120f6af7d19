import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';

/**
 * The one registry the OpenAPI document is generated from. Nothing registers a path here by hand: `route()`
 * (server/http/route.ts) registers each operation from the same declaration that installs its handler.
 */
export const registry = new OpenAPIRegistry();
registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });

/** Tags: a stable code (`name`) and the Chinese heading documentation renderers show (`x-displayName`, Redoc). */
export const TAGS = (
  [
    ['service', '服务状态', '服务状态（无需登录）'],
    ['auth', '登录', '登录、注销与修改密码'],
    ['users', '用户', '用户与访问记录（管理员）'],
    ['cases', '案件', '案件登记与查询'],
    ['procedure', '程序事件', '程序事件（状态图）：当前可进行的事件、施加事件、裁决终局性预判'],
    ['time', '期限', '期限与国家法定节假日'],
    ['documents', '文书', '法律文书（PDF）'],
    ['reference', '参考数据', '最低工资标准、职工平均工资与界面用词'],
    ['stats', '统计', '结案率、请求金额与定期统计报表'],
    ['calculators', '计算器', '劳动争议计算器（只计算，不保存）'],
    ['court-packages', '移送法院', '移送法院材料包与仲裁委公钥'],
    ['work', '工作视图', '开庭日历、审限督办、办案量与案件列表导出'],
    ['admin', '系统管理', '变更记录（用户、参考数据、节假日安排）'],
  ] as const
).map(([name, displayName, description]) => ({ name, description, 'x-displayName': displayName }));

let built: Record<string, unknown> | null = null;

/** The OpenAPI 3.1 document, generated once from the registered routes and the zod schemas they validate with. */
export function buildOpenApi(): Record<string, unknown> {
  if (built) return built;
  const doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Zhongcai 仲裁 API',
      version: '1.1.0',
      description:
        '劳动人事争议调解仲裁案件管理系统 HTTP 接口（contract v1.1）。错误以 RFC 9457 application/problem+json 返回。文档中没有的地址答 404；地址存在而方法不对答 405，Allow 头列出该地址接受的方法——不论请求体是何类型；OPTIONS 与 HEAD 不是任何地址接受的方法（本接口不供跨源调用，不答预检；HEAD 不代替 GET，以免只发头部的请求被记作读取或下载），同样答 405 并带 Allow 头，不论是否带令牌；每个操作的 405 回答见其 responses。',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    tags: TAGS,
  });
  built = doc as unknown as Record<string, unknown>;
  return built;
}
