/**
 * Mẫu số 06 (Circular 01/2018/TT-VPCP): Sổ theo dõi hồ sơ — the register of every dossier a desk received over a
 * period, printed landscape. The columns and the cell values are defined once here and shared with the .xlsx
 * export (dossier-log.xlsx.ts).
 */
import { renderToBuffer } from './document.ts';
import { formatDate, formatDateTime, formatTime } from './format.ts';
import type { DossierLogData, DossierLogRow } from './forms.types.ts';
import { drawTable } from './table.ts';

export const DOSSIER_LOG_TITLE = 'SỔ THEO DÕI HỒ SƠ';

export interface LogColumn {
  readonly header: string;
  /** Relative width on the printed page (≈ points: a date and a dossier code fit on one line at 9.5 pt). */
  readonly weight: number;
  /** Width in the spreadsheet (characters). */
  readonly sheetWidth: number;
  readonly align?: 'left' | 'center' | 'right';
}

export const LOG_COLUMNS: readonly LogColumn[] = [
  { header: 'STT', weight: 26, sheetWidth: 6, align: 'center' },
  { header: 'Mã hồ sơ', weight: 76, sheetWidth: 18 },
  { header: 'Tên TTHC', weight: 66, sheetWidth: 30 },
  { header: 'Số lượng hồ sơ (bộ)', weight: 34, sheetWidth: 9, align: 'center' },
  { header: 'Tên cá nhân, tổ chức', weight: 62, sheetWidth: 22 },
  { header: 'Địa chỉ, số điện thoại', weight: 84, sheetWidth: 32 },
  { header: 'Cơ quan chủ trì giải quyết', weight: 56, sheetWidth: 24 },
  { header: 'Nhận hồ sơ (ngày, giờ)', weight: 52, sheetWidth: 17, align: 'center' },
  { header: 'Hẹn trả kết quả (ngày, giờ)', weight: 52, sheetWidth: 17, align: 'center' },
  { header: 'Chuyển hồ sơ đến cơ quan giải quyết', weight: 62, sheetWidth: 26 },
  { header: 'Ngày có kết quả/ YC bổ sung', weight: 52, sheetWidth: 17, align: 'center' },
  { header: 'Trả kết quả (ngày, giờ)', weight: 52, sheetWidth: 17, align: 'center' },
  { header: 'Ký nhận', weight: 34, sheetWidth: 12 },
  { header: 'Ghi chú', weight: 46, sheetWidth: 22 },
];

/** A cell of the register: text, a count, an instant (printed in Asia/Ho_Chi_Minh), or blank. */
export type LogCell = string | number | Date | null;

/** The register row of one dossier, in the order of {@link LOG_COLUMNS}. */
export function logRowCells(row: DossierLogRow, index: number): LogCell[] {
  const notes = [row.outcome?.kind === 'supplement' ? 'Yêu cầu bổ sung hồ sơ' : '', row.note ?? ''].filter(
    Boolean,
  );
  return [
    index + 1,
    row.dossierCode,
    row.procedureName,
    row.dossierCount,
    row.applicantName,
    row.phone ? `${row.address}\n${row.phone}` : row.address,
    row.leadAgency,
    row.receivedAt,
    row.dueAt,
    row.transfer ? `${row.transfer.to}\n${formatDateTime(row.transfer.at)}` : null,
    row.outcome?.at ?? null,
    row.returnedAt ?? null,
    null,
    notes.join('; ') || null,
  ];
}

const cellText = (cell: LogCell, column: number): string => {
  if (cell === null) return '';
  // Long dossier codes (agency identifier + day + number) break after the agency part, never inside a number.
  if (column === 1 && typeof cell === 'string') return cell.replace(/^(.{9,})-(\d{6}-\d{4})$/, '$1-\n$2');
  if (cell instanceof Date) return `${formatDate(cell)}\n${formatTime(cell)}`;
  return String(cell);
};

/** "Từ ngày 01/02/2026 đến ngày 28/02/2026" */
export const periodLine = (data: DossierLogData): string =>
  `Từ ngày ${formatDate(data.periodFrom)} đến ngày ${formatDate(data.periodTo)}`;

/** The filled form 06 as a landscape PDF; the column header is repeated on every page. */
export function renderDossierLog(data: DossierLogData): Promise<Buffer> {
  return renderToBuffer(
    (doc) => {
      doc.nationalHeader({ ...data.issuer, number: data.number, date: data.issuedAt });
      doc.title(DOSSIER_LOG_TITLE, periodLine(data));
      drawTable(
        doc,
        LOG_COLUMNS,
        data.rows.map((row, i) => logRowCells(row, i).map((cell, column) => cellText(cell, column))),
        { size: 9.5, headerSize: 9.5, padding: 3, numberColumns: true },
      );
      if (data.rows.length === 0)
        doc.paragraph('Không có hồ sơ trong kỳ.', { face: 'italic', align: 'center' });
    },
    { title: `${DOSSIER_LOG_TITLE} — ${periodLine(data)}`, landscape: true },
  );
}
