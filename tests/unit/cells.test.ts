import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { caseSheetXlsx } from '../../app/cases/case-sheet.ts';
import { csvCell, neutraliseText, sheetCell } from '../../app/security/cells.ts';

/** Formula injection (issue 12 item 7, review round 3 item 4): one neutralisation for every CSV and xlsx export. */
describe('spreadsheet cells', () => {
  const formulas = ['=1+1', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x.example","点我")'];

  it('text a spreadsheet would run is prefixed with an apostrophe; other text is left as typed', () => {
    for (const f of formulas) expect(neutraliseText(f)).toBe(`'${f}`);
    for (const plain of ['张三', '聊城某某纺织有限公司', 'a=b', ' =1', '2026-03-02', "'already", ''])
      expect(neutraliseText(plain)).toBe(plain);
  });

  it('CSV: neutralised, then quoted when it holds a quote, comma or line break; numbers stay numbers', () => {
    expect(csvCell('=HYPERLINK("http://x.example","点我")')).toBe(`"'=HYPERLINK(""http://x.example"",""点我"")"`);
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvCell('张三,李四')).toBe('"张三,李四"');
  });

  it('the browser’s CSV cells (web/cells.js, the statistics drill-down) are the server’s, cell for cell', async () => {
    const web = (await import(new URL('../../web/cells.js', import.meta.url).href)) as { csvCell: (v: unknown) => string };
    const inputs: unknown[] = [...formulas, '张三', 'a,b', 'say "hi"', 'line\nbreak', -5, 0, 12.5, null, undefined, '-', '+86 139', '@'];
    expect(inputs.map(web.csvCell)).toEqual(inputs.map(csvCell));
  });

  it('xlsx: text neutralised, numbers and empty cells untouched', () => {
    expect(sheetCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(sheetCell(-3)).toBe(-3);
    expect(sheetCell(null)).toBeNull();
    expect(sheetCell(undefined)).toBeNull();
  });

  it('a workbook of the case export holds no cell that starts a formula, and no formula cell at all', async () => {
    const bytes = await caseSheetXlsx({
      createdAt: '2026-04-01T02:00:00.000Z',
      title: '案件列表',
      header: ['案号', '申请人'],
      rows: formulas.map((f, i) => [`#${i}`, f]),
      widths: [10, 20],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const values: unknown[] = [];
    wb.worksheets[0]?.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        values.push(cell.value);
      });
    });
    // XML turns a carriage return into a line feed when read back: the apostrophe is what matters.
    expect(values).toEqual(expect.arrayContaining(formulas.map((f) => `'${f}`.replace('\r', '\n'))));
    expect(values.filter((v) => typeof v === 'string' && /^[=+\-@\t\r]/.test(v))).toEqual([]);
  });
});
