/**
 * The three notices to an applicant (Circular 01/2018/TT-VPCP): Mẫu số 02 (what to supplement, given once and in
 * full), Mẫu số 03 (refusal with reasons) and Mẫu số 04 (apology and new date for a late result).
 */
import { type FormDoc, renderToBuffer } from './document.ts';
import { formatTimeAndDate } from './format.ts';
import type { ApologyData, Applicant, RefusalData, SupplementGuidanceData } from './forms.types.ts';

export const SUPPLEMENT_TITLE = 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ';
export const REFUSAL_TITLE = 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ';
export const APOLOGY_TITLE = 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ';
/** About 1 cm, the first-line indent of the prose of an administrative letter. */
const FIRST_LINE_INDENT = 28;

/** "Mã hồ sơ: …" centred under the title, when the dossier has a code. */
function codeLine(doc: FormDoc, code: string | undefined): void {
  if (code) doc.paragraph(`Mã hồ sơ: ${code}`, { face: 'bold', align: 'center', gapAfter: 10 });
}

/** Address and contact lines of an applicant. */
function contactLines(doc: FormDoc, applicant: Applicant): void {
  doc.field('Địa chỉ', applicant.address, { bold: false });
  const parts = [
    applicant.phone ? `Số điện thoại: ${applicant.phone}` : '',
    applicant.email ? `Thư điện tử: ${applicant.email}` : '',
  ].filter(Boolean);
  if (parts.length > 0) doc.paragraph(parts.join('; '), { align: 'left' });
}

/** Mẫu số 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export function renderSupplementGuidance(data: SupplementGuidanceData): Promise<Buffer> {
  return renderToBuffer(
    (doc) => {
      doc.nationalHeader({ ...data.issuer, number: data.number, date: data.issuedAt });
      doc.title(SUPPLEMENT_TITLE);
      codeLine(doc, data.dossierCode);
      doc.field('Hồ sơ của', data.applicant.name);
      doc.field('Nội dung yêu cầu giải quyết', data.procedureName);
      contactLines(doc, data.applicant);
      doc.moveDown(4);
      doc.paragraph('Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:', { face: 'bold' });
      doc.numbered(
        data.items.map((item) => [{ text: `${item.document}: `, face: 'bold' }, { text: item.requirement }]),
      );
      doc.moveDown(4);
      doc.field('Lý do', data.reason, { bold: false });
      doc.paragraph(
        'Nội dung yêu cầu bổ sung, hoàn thiện hồ sơ nêu trên được hướng dẫn một lần, đầy đủ; ' +
          'cơ quan tiếp nhận không yêu cầu bổ sung thêm giấy tờ nào khác ngoài các nội dung này.',
        { face: 'italic', indent: FIRST_LINE_INDENT },
      );
      doc.paragraph(
        `Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với ${data.contact.name}, ` +
          `số điện thoại ${data.contact.phone} để được hướng dẫn./.`,
        { indent: FIRST_LINE_INDENT },
      );
      doc.signatures([{ title: 'NGƯỜI HƯỚNG DẪN', name: data.officerName }]);
    },
    { title: SUPPLEMENT_TITLE },
  );
}

/** Mẫu số 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
export function renderRefusal(data: RefusalData): Promise<Buffer> {
  return renderToBuffer(
    (doc) => {
      doc.nationalHeader({ ...data.issuer, number: data.number, date: data.issuedAt });
      doc.title(REFUSAL_TITLE);
      codeLine(doc, data.dossierCode);
      doc.field('Đơn vị tiếp nhận', data.receivingUnit, { bold: false });
      doc.field('Tiếp nhận hồ sơ của', data.applicant.name);
      contactLines(doc, data.applicant);
      doc.field('Nội dung yêu cầu giải quyết', data.procedureName);
      doc.moveDown(4);
      doc.paragraph(
        `Qua nghiên cứu, đối chiếu với quy định hiện hành, ${data.receivingUnit} từ chối tiếp nhận, ` +
          'giải quyết hồ sơ này với lý do cụ thể như sau:',
        { indent: FIRST_LINE_INDENT },
      );
      doc.numbered(data.reasons);
      doc.moveDown(4);
      doc.paragraph('Xin thông báo để Ông/Bà được biết và thực hiện./.', { indent: FIRST_LINE_INDENT });
      doc.signatures([{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: data.officerName }]);
    },
    { title: REFUSAL_TITLE },
  );
}

/** Mẫu số 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả, signed by the competent agency's leader. */
export function renderApology(data: ApologyData): Promise<Buffer> {
  return renderToBuffer(
    (doc) => {
      doc.nationalHeader({ ...data.issuer, number: data.number, date: data.issuedAt });
      doc.title(APOLOGY_TITLE);
      doc.rich([{ text: 'Kính gửi: ' }, { text: `Ông/Bà ${data.applicant.name}`, face: 'bold' }], {
        x: doc.left + doc.width * 0.25,
        gapAfter: 8,
      });
      const prose = { indent: FIRST_LINE_INDENT };
      doc.field('Địa chỉ', data.applicant.address, { bold: false, ...prose });
      doc.rich(
        [
          {
            text: `Vào lúc ${formatTimeAndDate(data.receivedAt)}, ${data.agencyName} tiếp nhận hồ sơ đề nghị giải quyết `,
          },
          { text: data.procedureName, face: 'bold' },
          { text: ' của Ông/Bà, mã hồ sơ ' },
          { text: data.dossierCode, face: 'bold' },
          { text: '.' },
        ],
        prose,
      );
      doc.paragraph(`Thời hạn giải quyết theo quy định: ${data.processingTime}.`, prose);
      doc.paragraph(`Thời gian hẹn trả kết quả: ${formatTimeAndDate(data.originalDueAt)}.`, prose);
      doc.paragraph(
        `Tuy nhiên, đến nay ${data.agencyName} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà.`,
        prose,
      );
      doc.paragraph(`Lý do: ${data.reason}`, prose);
      doc.paragraph(
        `Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của Ông/Bà. ${data.agencyName} ` +
          'trân trọng xin lỗi Ông/Bà và hẹn lại ngày trả kết quả:',
        prose,
      );
      doc.paragraph(formatTimeAndDate(data.newDueAt), { face: 'bold', align: 'center' });
      doc.paragraph('Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.', prose);
      doc.signatures(
        [{ title: data.signer.lines, hint: '(Ký, ghi rõ họ tên và đóng dấu)', name: data.signer.name }],
        {
          recipients: data.recipients ?? ['Như trên;', 'Lưu: VT, hồ sơ.'],
        },
      );
    },
    { title: `${APOLOGY_TITLE} — ${data.dossierCode}` },
  );
}
