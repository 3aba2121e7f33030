/**
 * Biểu 06/VPCP/KSTT as an .xlsx workbook: national header, title, period line, the merged multi-level column
 * headers of domain/reports/form06-layout.ts with the "(1) (2) …" index row, one row per group, the total, and the
 * signature block. Times New Roman throughout; counts are real numbers (the reader's Excel shows 2.365 in a
 * Vietnamese locale); A4 landscape, header rows repeated on every page.
 */
import ExcelJS from 'exceljs';
import {
  FORM06_CODE,
  FORM06_TITLE,
  FORM06_UNIT,
  type Form06LeafKey,
  form06Header,
} from '../../../domain/reports/form06-layout.ts';
import type { Form06Row } from '../../../domain/reports/form06-rows.ts';
import { nfc, vietnameseDateLine } from '../../pdf/format.ts';
import { periodLine, rowTitle } from './form06-text.ts';
import type { Form06Document } from './reports.service.ts';

export const FORM06_SHEET = 'Biểu 06';
const FONT = 'Times New Roman';
/** First row of the column headers; the index row and the data follow (FORM06_FIRST_DATA_ROW). */
export const FORM06_HEADER_ROW = 8;
const header = form06Header('sector');
export const FORM06_COLUMN_COUNT = header.leaves.length;
export const FORM06_FIRST_DATA_ROW = FORM06_HEADER_ROW + header.depth + 1;

const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const widths: Partial<Record<Form06LeafKey, number>> = { index: 6, label: 38 };

/** Text in a merged block of columns [from, to] (1-based) on one row. */
function block(
  ws: ExcelJS.Worksheet,
  row: number,
  from: number,
  to: number,
  text: string,
  font: Partial<ExcelJS.Font> = {},
  horizontal: 'left' | 'center' | 'right' = 'center',
): void {
  if (to > from) ws.mergeCells(row, from, row, to);
  const cell = ws.getCell(row, from);
  cell.value = nfc(text);
  cell.font = { name: FONT, size: 13, ...font };
  cell.alignment = { horizontal, vertical: 'middle', wrapText: true };
}

function writeHeader(ws: ExcelJS.Worksheet, doc: Form06Document): void {
  const last = FORM06_COLUMN_COUNT;
  const split = 5;
  const { heading } = doc;
  const left = [heading.parentName, heading.agencyName].filter((s): s is string => s !== null);
  left.forEach((text, i) => {
    block(ws, 1 + i, 1, split, text.toLocaleUpperCase('vi'), { size: 12, bold: i === left.length - 1 });
  });
  block(ws, 1, split + 1, last, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12, bold: true });
  block(ws, 2, split + 1, last, 'Độc lập - Tự do - Hạnh phúc', { bold: true });
  block(ws, 3, 1, split, FORM06_CODE, { size: 11, italic: true });
  block(ws, 3, split + 1, last, vietnameseDateLine(heading.place, doc.issuedAt), { italic: true });
  block(ws, 5, 1, last, FORM06_TITLE, { bold: true, size: 14 });
  block(ws, 6, 1, last, periodLine(doc), { italic: true });
  block(
    ws,
    7,
    1,
    split,
    `Đơn vị báo cáo: ${heading.agencyName} (gồm các đơn vị trực thuộc)`,
    { size: 11 },
    'left',
  );
  block(ws, 7, last - 2, last, FORM06_UNIT, { size: 11, italic: true }, 'right');
  ws.getRow(5).height = 24;
}

function writeColumnHeaders(ws: ExcelJS.Worksheet, doc: Form06Document): void {
  const h = form06Header(doc.report.groupBy);
  for (const c of h.cells) {
    const top = FORM06_HEADER_ROW + c.row;
    const col = c.col + 1;
    if (c.rowSpan > 1 || c.colSpan > 1) ws.mergeCells(top, col, top + c.rowSpan - 1, col + c.colSpan - 1);
    const cell = ws.getCell(top, col);
    cell.value = nfc(c.label);
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    // Borders on every cell of the merged range, or Excel draws only the top-left one.
    for (let r = top; r < top + c.rowSpan; r++) {
      for (let k = col; k < col + c.colSpan; k++) ws.getCell(r, k).border = thin;
    }
  }
  for (let r = 0; r < h.depth; r++) ws.getRow(FORM06_HEADER_ROW + r).height = 36;
  const numbers = ws.getRow(FORM06_HEADER_ROW + h.depth);
  h.leaves.forEach((_, i) => {
    const n = numbers.getCell(i + 1);
    n.value = `(${i + 1})`;
    n.font = { name: FONT, size: 10, italic: true };
    n.alignment = { horizontal: 'center' };
    n.border = thin;
  });
}

function writeRow(ws: ExcelJS.Worksheet, at: number, row: Form06Row, index: number | null): void {
  const r = ws.getRow(at);
  const isTotal = index === null;
  header.leaves.forEach((key, i) => {
    const cell = r.getCell(i + 1);
    cell.font = { name: FONT, size: 11, bold: isTotal };
    cell.border = thin;
    if (key === 'index') {
      cell.value = isTotal ? '' : index;
      cell.alignment = { horizontal: 'center', vertical: 'top' };
    } else if (key === 'label') {
      cell.value = nfc(rowTitle(row));
      cell.alignment = { horizontal: isTotal ? 'center' : 'left', vertical: 'top', wrapText: true };
    } else {
      cell.value = row[key];
      cell.numFmt = '#,##0';
      cell.alignment = { horizontal: 'right', vertical: 'top' };
    }
  });
}

/** The filled Biểu 06 as .xlsx bytes. */
export async function renderForm06Xlsx(doc: Form06Document): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet(FORM06_SHEET, {
    views: [{ state: 'frozen', ySplit: FORM06_FIRST_DATA_ROW - 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${FORM06_HEADER_ROW}:${FORM06_FIRST_DATA_ROW - 1}`,
    },
  });
  ws.columns = header.leaves.map((key) => ({ width: widths[key] ?? 11 }));
  writeHeader(ws, doc);
  writeColumnHeaders(ws, doc);
  doc.report.rows.forEach((row, i) => {
    writeRow(ws, FORM06_FIRST_DATA_ROW + i, row, i + 1);
  });
  const totalAt = FORM06_FIRST_DATA_ROW + doc.report.rows.length;
  writeRow(ws, totalAt, doc.report.total, null);

  const sign = totalAt + 2;
  const last = FORM06_COLUMN_COUNT;
  block(ws, sign, 1, 5, 'NGƯỜI LẬP BIỂU', { size: 12, bold: true });
  block(ws, sign, last - 4, last, 'THỦ TRƯỞNG ĐƠN VỊ', { size: 12, bold: true });
  block(ws, sign + 1, 1, 5, '(Ký, ghi rõ họ tên)', { size: 11, italic: true });
  block(ws, sign + 1, last - 4, last, '(Ký tên, đóng dấu)', { size: 11, italic: true });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
