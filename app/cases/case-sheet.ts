import ExcelJS from 'exceljs';
import { sheetCell } from '../security/cells.ts';

/** The case list as plain data (strings only), built on the main thread, written as xlsx on a render thread. */
export interface CaseSheet {
  createdAt: string;
  title: string;
  header: string[];
  rows: string[][];
  widths: number[];
}

/** GET /api/exports/cases's workbook: a title row, the header, one row per case; every cell through `sheetCell`. */
export async function caseSheetXlsx(s: CaseSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhongcai';
  wb.created = new Date(s.createdAt);
  const ws = wb.addWorksheet('案件列表', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([sheetCell(s.title)]).font = { bold: true };
  ws.addRow(s.header.map(sheetCell)).font = { bold: true };
  for (const row of s.rows) ws.addRow(row.map(sheetCell));
  ws.columns.forEach((col, i) => {
    col.width = s.widths[i] ?? 12;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
