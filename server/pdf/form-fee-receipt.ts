/**
 * Biên lai thu phí, lệ phí điện tử — the electronic receipt for fees collected on a dossier, in the house layout
 * of the dossier forms (national header, Times metrics). The content follows what a fee receipt must show (name
 * of the receipt, series and number, the collecting organisation and its tax code, the payer, each fee and the
 * amount in figures and in words, the date, the collector): Decree 123/2020/NĐ-CP art. 32 and Circular
 * 78/2021/TT-BTC, as remembered — [confirm] the registered template (mẫu số, ký hiệu) with the Department of
 * Finance before go-live (docs/payment-vietqr.md). Pure: every value comes in resolved.
 */
import { type FormDoc, renderToBuffer, SMALL_SIZE } from './document.ts';
import { formatDong, formatTimeAndDate } from './format.ts';
import type { Issuer } from './forms.types.ts';
import { drawQr } from './qr.ts';
import { drawTable } from './table.ts';

export const FEE_RECEIPT_TITLE = 'BIÊN LAI THU PHÍ, LỆ PHÍ';
const QR_SIZE = 76;

/** 5000 → "5.000" (the column header says đồng). */
const figures = (amount: number): string => formatDong(amount).replace(/ đồng$/, '');

export interface FeeReceiptData {
  readonly issuer: Issuer;
  /** When the receipt was issued (the date line). */
  readonly issuedAt: Date;
  /** "BL2026-0000001". */
  readonly receiptNo: string;
  /** The collecting organisation as named on the receipt, e.g. "Trung tâm Phục vụ hành chính công xã An". */
  readonly collector: Readonly<{ name: string; agencyCode?: string; taxCode?: string }>;
  readonly payer: Readonly<{ name: string; address: string }>;
  readonly dossierCode: string;
  readonly procedureName: string;
  readonly lines: readonly Readonly<{ name: string; explanation: string; amount: number }>[];
  readonly total: number;
  /** "Năm nghìn đồng". */
  readonly totalInWords: string;
  /** "Chuyển khoản qua mã VietQR". */
  readonly method: string;
  readonly bankReference?: string;
  /** The account the transfer went to. */
  readonly account?: Readonly<{
    bankBin: string;
    bankName?: string;
    accountNumber: string;
    accountName: string;
  }>;
  /** When the money was received (confirmed). */
  readonly paidAt: Date;
  readonly collectorName: string;
  /** Public tracking page of the dossier, drawn as a QR code beside the payer. */
  readonly trackingUrl: string;
}

/** Collector, payer and dossier, with the tracking QR code in the right column. */
function drawParties(doc: FormDoc, data: FeeReceiptData): void {
  const y0 = doc.y;
  const width = doc.width - QR_SIZE - 14;
  const opts = { width };
  doc.field('Đơn vị thu phí, lệ phí', data.collector.name, opts);
  const ids = [
    data.collector.taxCode ? `Mã số thuế: ${data.collector.taxCode}` : '',
    data.collector.agencyCode ? `Mã định danh: ${data.collector.agencyCode}` : '',
  ].filter(Boolean);
  if (ids.length > 0) doc.paragraph(ids.join('; '), { ...opts, align: 'left' });
  doc.field('Người nộp', data.payer.name, opts);
  doc.field('Địa chỉ', data.payer.address, { ...opts, bold: false });
  doc.field('Mã hồ sơ', data.dossierCode, opts);
  doc.field('Thủ tục', data.procedureName, { ...opts, bold: false });
  const textEnd = doc.y;

  const qrX = doc.right - QR_SIZE;
  drawQr(doc.pdf, data.trackingUrl, qrX, y0 - 4, QR_SIZE);
  doc.y = y0 + QR_SIZE - 6;
  doc.paragraph('Tra cứu hồ sơ', {
    face: 'italic',
    size: 9,
    align: 'center',
    x: qrX - 6,
    width: QR_SIZE + 12,
  });
  doc.y = Math.max(textEnd, doc.y);
}

function drawPayment(doc: FormDoc, data: FeeReceiptData): void {
  doc.field('Hình thức thanh toán', data.method, { bold: false });
  if (data.bankReference) doc.field('Mã giao dịch ngân hàng', data.bankReference);
  if (data.account) {
    const bank = data.account.bankName ?? `Ngân hàng mã BIN ${data.account.bankBin}`;
    doc.field('Tài khoản nhận', `${data.account.accountNumber} — ${data.account.accountName} — ${bank}`, {
      bold: false,
    });
  }
  doc.field('Thời điểm nhận tiền', formatTimeAndDate(data.paidAt), { bold: false });
}

/** The receipt as PDF bytes (one A4 page). */
export function renderFeeReceipt(data: FeeReceiptData): Promise<Buffer> {
  return renderToBuffer(
    (doc) => {
      doc.nationalHeader({ ...data.issuer, number: data.receiptNo, date: data.issuedAt });
      doc.title(FEE_RECEIPT_TITLE, '(Biên lai điện tử)');
      drawParties(doc, data);
      doc.moveDown(4);
      drawTable(
        doc,
        [
          { header: 'STT', weight: 0.6, align: 'center' },
          { header: 'Nội dung thu', weight: 5.4 },
          { header: 'Số tiền (đồng)', weight: 1.8, align: 'right' },
        ],
        data.lines.map((l, i) => [String(i + 1), `${l.name}\n(${l.explanation})`, figures(l.amount)]),
      );
      doc.moveDown(6);
      doc.rich([{ text: 'Tổng số tiền: ' }, { text: formatDong(data.total), face: 'bold' }]);
      doc.rich([{ text: 'Số tiền bằng chữ: ' }, { text: `${data.totalInWords}.`, face: 'boldItalic' }]);
      drawPayment(doc, data);
      // An electronic receipt carries the collector's confirmation only; the payer signs nothing.
      doc.signatures(
        [{ title: 'NGƯỜI THU TIỀN', hint: '(Đã xác nhận trên hệ thống)', name: data.collectorName }],
        {
          room: 24,
        },
      );
      doc.moveDown(14);
      doc.paragraph(
        'Biên lai điện tử lập trên Hệ thống Một cửa điện tử khi Bộ phận Tiếp nhận và Trả kết quả xác nhận đã nhận ' +
          `tiền. Tra cứu tình trạng hồ sơ: ${data.trackingUrl}`,
        { face: 'italic', size: SMALL_SIZE, align: 'left' },
      );
    },
    { title: `${FEE_RECEIPT_TITLE} — ${data.receiptNo}` },
  );
}
