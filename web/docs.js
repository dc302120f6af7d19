// /docs: the OpenAPI document rendered by Redoc (node_modules/redoc, served at /vendor/redoc.standalone.js), offline.
// Redoc styles itself with styled-components, which creates <style> elements at run time. The page's
// Content-Security-Policy allows, besides the server's own stylesheets, only styles carrying this response's nonce
// (server/app.ts): the nonce this script was loaded with is put on every <style> element the page's scripts insert,
// before it is inserted. Nothing else is relaxed: no inline script, no other host, no style attributes in markup.
(() => {
  const nonce = document.currentScript?.nonce ?? '';
  const mark = (node) => {
    if (node instanceof HTMLStyleElement && !node.nonce) node.nonce = nonce;
    return node;
  };
  const { appendChild, insertBefore } = Node.prototype;
  Node.prototype.appendChild = function (node) {
    return appendChild.call(this, mark(node));
  };
  Node.prototype.insertBefore = function (node, ref) {
    return insertBefore.call(this, mark(node), ref);
  };

  window.addEventListener('load', () => {
    const el = document.getElementById('redoc');
    const fail = (e) => {
      el.textContent = `API 文档加载失败：${e?.message ?? e}。机器可读文档见 /openapi.json。`;
    };
    if (!window.Redoc) return fail('Redoc 未加载');
    window.Redoc.init(
      el.dataset.spec,
      {
        nonce,
        // Search runs in a Web Worker made from a blob: URL, which the policy does not allow; the menu lists every
        // operation by tag instead.
        disableSearch: true,
        expandResponses: '200,201',
        requiredPropsFirst: true,
        jsonSampleExpandLevel: 3,
        pathInMiddlePanel: true,
        theme: {
          typography: {
            fontFamily: 'system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif',
            headings: { fontFamily: 'system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif' },
            code: { fontFamily: 'ui-monospace, "Noto Sans Mono CJK SC", monospace' },
          },
        },
      },
      el,
      (err) => {
        if (err) fail(err);
        else document.body.dataset.rendered = 'true';
      },
    );
  });
})();
