/**
 * Mẫu số 06 — Sổ theo dõi hồ sơ as an .xlsx workbook: the same columns and cells as the PDF (form-dossier-log.ts),
 * Times New Roman, a merged title, real Excel dates shown as dd/mm/yyyy hh:mm in Vietnamese local time, and a print
 * setup (A4 landscape, header rows repeated) so that the sheet prints like the book.
 */
import ExcelJS from 'exceljs';
import { DOSSIER_LOG_TITLE, LOG_COLUMNS, logRowCells, periodLine } from './form-dossier-log.ts';
import { nfc, toSheetDate } from './format.ts';
import type { DossierLogData } from './forms.types.ts';

export const SHEET_NAME = 'Sổ theo dõi hồ sơ';
const FONT = 'Times New Roman';
export const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';
/** Row of the column header; data starts two rows below (under the "(1) (2) …" row). */
export const LOG_HEADER_ROW = 5;
export const LOG_FIRST_DATA_ROW = LOG_HEADER_ROW + 2;

const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** A merged line across every column, centred. */
function bannerRow(ws: ExcelJS.Worksheet, row: number, text: string, font: Partial<ExcelJS.Font>): void {
  ws.mergeCells(row, 1, row, LOG_COLUMNS.length);
  const cell = ws.getCell(row, 1);
  cell.value = nfc(text);
  cell.font = { name: FONT, size: 13, ...font };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

/** The filled form 06 as .xlsx bytes. */
export async function renderDossierLogXlsx(data: DossierLogData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet(SHEET_NAME, {
    views: [{ state: 'frozen', ySplit: LOG_HEADER_ROW + 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${LOG_HEADER_ROW}:${LOG_HEADER_ROW + 1}`,
    },
  });
  ws.columns = LOG_COLUMNS.map((c) => ({ width: c.sheetWidth }));

  bannerRow(ws, 1, `${data.issuer.parentName} - ${data.issuer.unitName}`.toLocaleUpperCase('vi'), {
    size: 12,
  });
  bannerRow(ws, 2, DOSSIER_LOG_TITLE, { bold: true, size: 14 });
  bannerRow(ws, 3, periodLine(data), { italic: true });

  const header = ws.getRow(LOG_HEADER_ROW);
  const numbers = ws.getRow(LOG_HEADER_ROW + 1);
  LOG_COLUMNS.forEach((c, i) => {
    const h = header.getCell(i + 1);
    h.value = nfc(c.header);
    h.font = { name: FONT, size: 11, bold: true };
    h.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    h.border = thin;
    const n = numbers.getCell(i + 1);
    n.value = `(${i + 1})`;
    n.font = { name: FONT, size: 10, italic: true };
    n.alignment = { horizontal: 'center' };
    n.border = thin;
  });
  header.height = 48;

  data.rows.forEach((row, index) => {
    const r = ws.getRow(LOG_FIRST_DATA_ROW + index);
    logRowCells(row, index).forEach((value, i) => {
      const cell = r.getCell(i + 1);
      cell.font = { name: FONT, size: 11 };
      cell.border = thin;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: LOG_COLUMNS[i]?.align ?? 'left' };
      if (value instanceof Date) {
        cell.value = toSheetDate(value);
        cell.numFmt = DATE_TIME_FORMAT;
      } else if (typeof value === 'string') {
        cell.value = nfc(value);
      } else {
        cell.value = value;
      }
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
