import { OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { registry } from './schemas.ts';

/** The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with. */
registry.registerPath({
  method: 'get',
  path: '/healthz',
  summary: '健康检查（数据库可用时 200）',
  tags: ['service'],
  security: [],
  responses: { 200: { description: '正常' }, 503: { description: '数据库不可用' } },
});

export function buildOpenApi(): Record<string, unknown> {
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  const doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Zhongcai 仲裁 API',
      version: '1.0.0',
      description: '劳动人事争议调解仲裁案件管理系统 HTTP 接口（contract v1）。错误以 RFC 9457 application/problem+json 返回。',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
  });
  return doc as unknown as Record<string, unknown>;
}

/** A self-contained page that renders the document (no external scripts: commissions may be offline). */
export const DOCS_HTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Zhongcai API 文档</title>
<style>body{font:14px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem;max-width:70rem;color:#222}
h1{font-size:1.4rem}.op{border:1px solid #ddd;border-radius:4px;margin:.5rem 0}.op summary{padding:.4rem .6rem;cursor:pointer}
.m{display:inline-block;width:4.5rem;font-weight:600;text-transform:uppercase}.get{color:#1565c0}.post{color:#2e7d32}.patch{color:#ef6c00}.put{color:#6a1b9a}.delete{color:#c62828}
pre{background:#f6f8fa;padding:.6rem;overflow:auto;font-size:12px;margin:0 .6rem .6rem}</style></head>
<body><h1>Zhongcai 仲裁 API</h1><p>机器可读文档：<a href="/openapi.json">/openapi.json</a>（OpenAPI 3.1）</p><div id="ops">加载中…</div>
<script>
fetch('/openapi.json').then(r=>r.json()).then(doc=>{const el=document.getElementById('ops');el.textContent='';
const esc=s=>String(s).replace(/[&<>]/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;'}[c]));
for(const [path,ops] of Object.entries(doc.paths||{}))for(const [m,op] of Object.entries(ops)){
const d=document.createElement('details');d.className='op';
d.innerHTML='<summary><span class="m '+m+'">'+m+'</span><code>'+esc(path)+'</code> — '+esc(op.summary||'')+'</summary><pre>'+esc(JSON.stringify(op,null,2))+'</pre>';
el.appendChild(d);}
const s=document.createElement('details');s.className='op';s.innerHTML='<summary><b>Schemas</b></summary><pre>'+esc(JSON.stringify(doc.components,null,2))+'</pre>';el.appendChild(s);});
</script></body></html>`;
