/**
 * Mẫu số 05 (Circular 01/2018/TT-VPCP): Phiếu kiểm soát quá trình giải quyết hồ sơ — travels with the dossier and
 * records every hand-over between units: who gave it, who took it, when, and whether the step was on time.
 */
import { renderToBuffer } from './document.ts';
import { formatTimeAndDate } from './format.ts';
import type { ControlSheetData, HandoverOutcome } from './forms.types.ts';
import { drawTable } from './table.ts';

export const CONTROL_SHEET_TITLE = 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ';

export const OUTCOME_LABEL: Readonly<Record<HandoverOutcome, string>> = {
  early: 'Trước hạn',
  onTime: 'Đúng hạn',
  late: 'Quá hạn',
};

/** The filled form 05 as PDF bytes. */
export function renderControlSheet(data: ControlSheetData): Promise<Buffer> {
  return renderToBuffer(
    (doc) => {
      doc.nationalHeader({ ...data.issuer, number: data.number, date: data.issuedAt });
      doc.title(CONTROL_SHEET_TITLE);
      doc.paragraph(`Mã hồ sơ: ${data.dossierCode}`, { face: 'bold', align: 'center', gapAfter: 10 });
      doc.field('Kèm theo hồ sơ của', data.applicant.name);
      doc.field('Địa chỉ', data.applicant.address, { bold: false });
      doc.field('Nội dung yêu cầu giải quyết', data.procedureName);
      doc.field('Thời gian nhận hồ sơ', formatTimeAndDate(data.receivedAt), { bold: false });
      doc.field('Thời gian hẹn trả kết quả', formatTimeAndDate(data.dueAt), { bold: false });
      doc.field('Cơ quan (bộ phận) giải quyết hồ sơ', data.leadAgency, { bold: false });
      doc.field('Cơ quan phối hợp giải quyết hồ sơ', data.coordinatingAgencies.join('; ') || 'Không', {
        bold: false,
      });
      doc.moveDown(6);
      drawTable(
        doc,
        [
          { header: 'TÊN CƠ QUAN, ĐƠN VỊ', weight: 3 },
          { header: 'THỜI GIAN GIAO, NHẬN HỒ SƠ', weight: 3.3 },
          { header: 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/ đúng hạn/ quá hạn)', weight: 2.1, align: 'center' },
          { header: 'GHI CHÚ', weight: 1.7 },
        ],
        data.handovers.map((h) => [
          `Giao: ${h.from}\nNhận: ${h.to}`,
          `${formatTimeAndDate(h.at, '\n')}\nNgười giao: ${h.giverName}\nNgười nhận: ${h.receiverName}`,
          h.outcome ? OUTCOME_LABEL[h.outcome] : '',
          h.note ?? '',
        ]),
        { size: 12, headerSize: 11 },
      );
    },
    { title: `${CONTROL_SHEET_TITLE} — ${data.dossierCode}` },
  );
}
