// Spreadsheet cells for the CSV files the browser writes (the statistics drill-down's 导出本表): the same rule as the
// server's exports (app/security/cells.ts) — text starting with = + - @ tab or CR gets a leading apostrophe, so a
// spreadsheet shows it as typed instead of running it. The browser cannot load the server's TypeScript: this copy is
// held to it by tests/unit/cells.test.ts (the same inputs, the same cells). No DOM here, so the test can load it.

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: neutralised (strings only; numbers stay numbers), then quoted when it holds a quote, comma or break. */
export function csvCell(v) {
  let s = v === null || v === undefined ? '' : String(v);
  if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
