/**
 * Spreadsheet cells from data people typed (a display name, a party's name, a district): text that starts with
 * = + - @ tab or carriage return is a formula to Excel, LibreOffice and WPS when the file is opened or re-saved as CSV
 * (CSV/formula injection: `=HYPERLINK("http://…","点我")`, `@SUM(…)`, `-2+3+cmd|' /C calc'!A0`). Such text is written
 * with a leading apostrophe, which every spreadsheet shows as the text typed. One helper for every export: the
 * statistics CSV and xlsx (app/stats/report-formats.ts) and the case list (app/cases/case-sheet.ts).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as a spreadsheet must receive it (a formula-like start neutralised). */
export function neutraliseText(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/**
 * One xlsx cell value: text neutralised (xlsx shared or inline strings alike), numbers as numbers — a negative count
 * stays a number, which no spreadsheet runs — and nothing else but null.
 */
export function sheetCell(v: string | number | null | undefined): string | number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? neutraliseText(v) : v;
}

/** One CSV cell: text neutralised, then quoted when it holds a quote, a comma or a line break (RFC 4180). */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (typeof v === 'string') s = neutraliseText(s);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
