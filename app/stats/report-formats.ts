import ExcelJS from 'exceljs';
import {
  BREAKDOWN_HEADER,
  breakdownRow,
  headerFields,
  MONTH_HEADER,
  monthRow,
  type PeriodicReport,
  reportHeading,
} from '../../db/reports/periodic-report.ts';
import { type Block, renderPdf } from '../../templates/layout.ts';
import { chineseDate } from '../../workflows/dates.ts';
import { csvCell, sheetCell } from '../security/cells.ts';

const csvLine = (cells: unknown[]) => cells.map(csvCell).join(',');

/** CSV with a UTF-8 byte-order mark so Excel on Windows opens the Chinese text correctly; one section per table. */
export function reportCsv(r: PeriodicReport): Buffer {
  const lines: string[] = [
    csvLine([reportTitle(r)]),
    ...headerFields(r.header).map(([k, v]) => csvLine([k, v])),
    csvLine([reportHeading(r)]),
    '',
  ];
  lines.push(csvLine(['序号', '指标', '数值']));
  for (const row of r.summary) lines.push(csvLine([row.code, row.label.trim(), row.value]));
  for (const b of r.breakdowns) {
    lines.push('', csvLine([b.title]), csvLine(BREAKDOWN_HEADER));
    for (const g of b.groups) lines.push(csvLine(breakdownRow(g)));
  }
  lines.push('', csvLine(['按月趋势']), csvLine(MONTH_HEADER));
  for (const m of r.monthly) lines.push(csvLine(monthRow(m)));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

/** xlsx: a summary sheet shaped like the ministry table, then one sheet per breakdown and the monthly trend. */
export async function reportXlsx(r: PeriodicReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhongcai';
  wb.created = new Date(r.generatedAt);
  const sheet = (
    name: string,
    title: string,
    header: string[],
    rows: (string | number | null)[][],
    widths: number[],
    formHeader = false,
  ) => {
    const fields = formHeader ? headerFields(r.header) : [];
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 + fields.length }] });
    // Every cell through the one neutralisation (names come from what people typed: app/security/cells.ts).
    // A figure is a number cell (summed and charted in Excel: reviewer docs46b L7 — they were text), shown as written.
    const add = (cells: (string | number | null)[]) => {
      const row = ws.addRow(cells.map((v) => sheetCell(figure(v)?.value ?? v)));
      cells.forEach((v, i) => {
        const f = figure(v);
        if (f) row.getCell(i + 1).numFmt = f.format;
      });
      return row;
    };
    add([title]).font = { bold: true, size: 14 };
    // The statistical form's header fields (表号, 制定机关, 批准文号, 填报单位, 负责人, 填表人, 报出日期).
    for (const [k, v] of fields) add([k, v]);
    add([reportHeading(r)]);
    const h = add(header);
    h.font = { bold: true };
    h.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
      c.border = { bottom: { style: 'thin' } };
    });
    for (const row of rows) add(row);
    widths.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
    return ws;
  };
  sheet(
    '汇总',
    reportTitle(r),
    ['序号', '指标', '数值'],
    r.summary.map((s) => [s.code, s.label, s.value]),
    [10, 52, 18],
    true,
  );
  for (const b of r.breakdowns) {
    sheet(b.title, `${r.title}·${b.title}`, BREAKDOWN_HEADER, b.groups.map(breakdownRow), [26, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
  }
  sheet('按月', `${r.title}·按月趋势`, MONTH_HEADER, r.monthly.map(monthRow), [12, 10, 10, 10, 10, 10, 12]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** PDF through the documents layer (same fonts, glyph check and GB/T 9704 page), tables at 10.5 pt. */
export async function reportPdf(r: PeriodicReport): Promise<Buffer> {
  const blocks: Block[] = [
    {
      kind: 'table',
      header: ['表号', r.header.formNo, '制定机关', r.header.authority],
      rows: [
        ['批准文号', r.header.approvalNo, '填报单位', r.header.unit],
        // Dates in Chinese, as the sign-off below is (reviewer docs46b L7).
        ['统计期间', chineseDates(r.header.period), '报出日期', chineseDate(r.header.reportedOn)],
        ['负责人', r.header.principal, '填表人', r.header.preparer],
      ],
      widths: [0.14, 0.36, 0.14, 0.36],
      align: ['left', 'left', 'left', 'left'],
    },
    // The period and the formula's version under the header table, at the table's size and on one line where it fits
    // (reviewer docsfix L2 of round 48: set at the body's size it stood out and wrapped; templates/layout.ts `small`).
    { kind: 'small', text: chineseDates(reportHeading(r)) },
    {
      kind: 'table',
      header: ['序号', '指标', '数值'],
      rows: r.summary.map((s) => [s.code, s.label.replace(/^ +/, (sp) => '\u3000'.repeat(sp.length / 2)), String(s.value ?? '—')]),
      widths: [0.1, 0.66, 0.24],
      align: ['left', 'left', 'right'],
    },
  ];
  for (const b of r.breakdowns) {
    if (!b.groups.length) continue;
    blocks.push({ kind: 'table', caption: b.title, header: BREAKDOWN_HEADER, rows: b.groups.map((g) => breakdownRow(g).map(String)) });
  }
  blocks.push({ kind: 'table', caption: '按月趋势', header: MONTH_HEADER, rows: r.monthly.map((m) => monthRow(m).map(String)) });
  // The notes belong to the table, above the issuer and the date that close the report (reviewer docsfix L4: printed
  // under the sign-off). The label names its basis already (「统计公报口径：…」): not 「口径：统计公报口径：…」.
  blocks.push({ kind: 'gap' }, { kind: 'para', text: `注：调解成功率按${r.closure.mediationSuccess.bulletin.label}`, indent: false });
  return renderPdf(
    {
      title: `${r.title}${TABLE}`,
      caseNo: null,
      commission: r.commission,
      blocks,
      // The report's date is its reporting day (报出日期), as the header says.
      dateOn: r.header.reportedOn,
    },
    { createdAt: new Date(r.generatedAt) },
  );
}

/** One title in every format (reviewer docs46b L7: the PDF's, the CSV's and the workbook's differed). */
const TABLE = '统计表';
const reportTitle = (r: PeriodicReport) => `${r.commission}${r.title}${TABLE}`;

/** Every ISO date in a text written in Chinese (二〇二六年一月一日). */
const chineseDates = (s: string) => s.replace(/\d{4}-\d{2}-\d{2}/g, (d) => chineseDate(d));

/** A figure written as text ("295400.50", "83.33%", "12") as a number and its display format; null for any other text. */
function figure(v: unknown): { value: number; format: string } | null {
  if (typeof v !== 'string') return null;
  const m = /^(-?(?:0|[1-9]\d*)(?:\.(\d+))?)(%?)$/.exec(v);
  if (!m) return null;
  const places = m[2]?.length ?? 0;
  const digits = places ? `0.${'0'.repeat(places)}` : '0';
  // A rate is stored as the fraction it shows, rounded to its places (docs53 L2: 81.82 / 100 wrote
  // <v>0.8181999999999999</v> — shown right, but the cell's value carried float noise into every sum).
  return m[3] ? { value: Number((Number(m[1]) / 100).toFixed(places + 2)), format: `${digits}%` } : { value: Number(m[1]), format: digits };
}
