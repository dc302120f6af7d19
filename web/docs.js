// Renders /openapi.json as a list of operations (no inline script: the CSP forbids it).
fetch('/openapi.json')
  .then((r) => r.json())
  .then((doc) => {
    const el = document.getElementById('ops');
    el.textContent = '';
    const esc = (s) => String(s).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
    for (const [path, ops] of Object.entries(doc.paths || {}))
      for (const [m, op] of Object.entries(ops)) {
        const d = document.createElement('details');
        d.className = 'op';
        d.innerHTML =
          '<summary><span class="m ' +
          m +
          '">' +
          m +
          '</span><code>' +
          esc(path) +
          '</code> — ' +
          esc(op.summary || '') +
          '</summary><pre>' +
          esc(JSON.stringify(op, null, 2)) +
          '</pre>';
        el.appendChild(d);
      }
    const s = document.createElement('details');
    s.className = 'op';
    s.innerHTML = '<summary><b>Schemas</b></summary><pre>' + esc(JSON.stringify(doc.components, null, 2)) + '</pre>';
    el.appendChild(s);
  });
