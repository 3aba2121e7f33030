/**
 * Mẫu số 01 (Circular 01/2018/TT-VPCP): Giấy tiếp nhận hồ sơ và hẹn trả kết quả — the receipt the desk must hand
 * over for every complete dossier, with the due date and a QR code of the public tracking page.
 */
import { type FormDoc, renderToBuffer, SMALL_SIZE } from './document.ts';
import { formatDong, formatTimeAndDate, twoDigits } from './format.ts';
import type { ReceiptData } from './forms.types.ts';
import { drawQr } from './qr.ts';
import { drawTable } from './table.ts';

export const RECEIPT_TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';
const QR_SIZE = 84;
const QR_CAPTION = 'Quét mã để tra cứu tình trạng hồ sơ';

/** Who, what and the QR code beside it (the text narrows to leave the code its column). */
function drawIntake(doc: FormDoc, data: ReceiptData): void {
  const y0 = doc.y;
  const qrX = doc.right - QR_SIZE;
  const width = doc.width - QR_SIZE - 14;
  const opts = { width };
  doc.field('Đơn vị tiếp nhận', data.receivingUnit, { ...opts, bold: false });
  doc.field('Tiếp nhận hồ sơ của', data.applicant.name, opts);
  doc.field('Địa chỉ', data.applicant.address, { ...opts, bold: false });
  const contact = [
    data.applicant.phone ? `Số điện thoại: ${data.applicant.phone}` : '',
    data.applicant.email ? `Thư điện tử: ${data.applicant.email}` : '',
  ].filter(Boolean);
  if (contact.length > 0) doc.paragraph(contact.join('; '), { ...opts, align: 'left' });
  doc.field('Nội dung yêu cầu giải quyết', data.procedureName, opts);
  const textEnd = doc.y;

  drawQr(doc.pdf, data.trackingUrl, qrX, y0 - 4, QR_SIZE);
  doc.y = y0 + QR_SIZE - 6;
  doc.paragraph(QR_CAPTION, { face: 'italic', size: 9, align: 'center', x: qrX - 6, width: QR_SIZE + 12 });
  doc.y = Math.max(textEnd, doc.y);
}

/** The filled form 01 as PDF bytes. */
export function renderReceipt(data: ReceiptData): Promise<Buffer> {
  return renderToBuffer(
    (doc) => {
      doc.nationalHeader({ ...data.issuer, number: data.number, date: data.issuedAt });
      doc.title(RECEIPT_TITLE);
      doc.paragraph(`Mã hồ sơ: ${data.dossierCode}`, { face: 'bold', align: 'center', gapAfter: 8 });
      drawIntake(doc, data);

      doc.paragraph('1. Thành phần hồ sơ nộp gồm:');
      drawTable(
        doc,
        [
          { header: 'STT', weight: 0.6, align: 'center' },
          { header: 'Tên giấy tờ', weight: 5 },
          { header: 'Hình thức', weight: 1.9, align: 'center' },
          { header: 'Số lượng', weight: 1, align: 'center' },
        ],
        data.documents.map((d, i) => [String(i + 1), d.name, d.form, twoDigits(d.copies)]),
      );
      doc.moveDown(6);
      doc.rich([
        { text: '2. Số lượng hồ sơ: ' },
        { text: `${twoDigits(data.dossierCount)} bộ`, face: 'bold' },
      ]);
      doc.rich([
        { text: '3. Thời gian giải quyết hồ sơ theo quy định: ' },
        { text: data.processingTime, face: 'bold' },
      ]);
      doc.rich([
        { text: '4. Thời gian nhận hồ sơ: ' },
        { text: formatTimeAndDate(data.receivedAt), face: 'bold' },
      ]);
      doc.rich(
        [{ text: '5. Thời gian trả kết quả: ' }, { text: formatTimeAndDate(data.dueAt), face: 'bold' }],
        {
          gapAfter: 1,
        },
      );
      for (const line of data.dueExplanation) {
        doc.paragraph(line, { face: 'italic', size: SMALL_SIZE, x: doc.left + 14, gapAfter: 0 });
      }
      doc.moveDown(3);
      doc.rich([{ text: '6. Hình thức nhận kết quả: ' }, { text: data.resultDelivery }]);
      if (data.feePaid && data.feePaid.amount > 0) {
        const what = data.feePaid.description ? ` (${data.feePaid.description})` : '';
        doc.rich([
          { text: '7. Phí, lệ phí đã nộp: ' },
          { text: formatDong(data.feePaid.amount), face: 'bold' },
          { text: what },
        ]);
      }
      if (data.logEntry) {
        doc.paragraph(
          `Vào Sổ theo dõi hồ sơ, Quyển số: ${data.logEntry.book}, Số thứ tự: ${data.logEntry.entry}.`,
          { face: 'italic', gapAfter: 0 },
        );
      }
      doc.signatures([
        { title: 'NGƯỜI NỘP HỒ SƠ', hint: '(Ký, ghi rõ họ tên)', name: data.submitterName },
        { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', hint: '(Ký, ghi rõ họ tên)', name: data.officerName },
      ]);
    },
    { title: `${RECEIPT_TITLE} — ${data.dossierCode}` },
  );
}
