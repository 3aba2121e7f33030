/**
 * Data of the dossier forms of Circular 01/2018/TT-VPCP (forms 01–06), fully resolved by the caller: names are
 * final text (any case: headers and titles are capitalised when drawn), instants are `Date`s (printed in
 * Asia/Ho_Chi_Minh), money is integer đồng. Strings may come in any Unicode form; they are drawn in NFC.
 */

/** The issuing body of a form, printed at the top left, and the place name of the date line. */
export interface Issuer {
  /** Parent body, e.g. "UBND phường Hoàn Kiếm". */
  readonly parentName: string;
  /** Issuing unit, e.g. "Bộ phận Tiếp nhận và Trả kết quả". */
  readonly unitName: string;
  /** Place of the date line, e.g. "Hoàn Kiếm" → "Hoàn Kiếm, ngày 05 tháng 02 năm 2026". */
  readonly place: string;
}

/** What every form carries in its header. */
export interface FormHeader {
  readonly issuer: Issuer;
  /** Date of the place-and-date line. */
  readonly issuedAt: Date;
  /** Document number ("Số: 15/PXL-UBND"), when the agency numbers this form. */
  readonly number?: string;
}

export interface Applicant {
  /** Person or organisation, e.g. "Nguyễn Văn An". */
  readonly name: string;
  readonly address: string;
  readonly phone?: string;
  readonly email?: string;
}

/** One paper of the checklist received at the desk. */
export interface ReceivedDocument {
  readonly name: string;
  /** "Bản chính", "Bản sao", "Bản sao có chứng thực", "Bản điện tử"… */
  readonly form: string;
  readonly copies: number;
}

/** Mẫu số 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export interface ReceiptData extends FormHeader {
  readonly dossierCode: string;
  /** The desk that receives, e.g. "Bộ phận Tiếp nhận và Trả kết quả UBND phường Hoàn Kiếm". */
  readonly receivingUnit: string;
  readonly applicant: Applicant;
  readonly procedureName: string;
  readonly documents: readonly ReceivedDocument[];
  /** Số lượng hồ sơ (bộ). */
  readonly dossierCount: number;
  /** Legal processing time as printed, e.g. "03 ngày làm việc". */
  readonly processingTime: string;
  readonly receivedAt: Date;
  readonly dueAt: Date;
  /** How the due date was computed (working days, holidays skipped…), printed small and italic. */
  readonly dueExplanation: readonly string[];
  /** Where or how the result is delivered, e.g. "Nhận trực tiếp tại Bộ phận Tiếp nhận và Trả kết quả". */
  readonly resultDelivery: string;
  /** Fees and charges already paid at intake; omitted when nothing was paid. */
  readonly feePaid?: { readonly amount: number; readonly description?: string };
  /** "Vào Sổ theo dõi hồ sơ, Quyển số …, Số thứ tự …", when the desk keeps a paper log. */
  readonly logEntry?: { readonly book: string; readonly entry: string };
  /** Public tracking page of the dossier, encoded in the QR code. */
  readonly trackingUrl: string;
  /** Who handed the dossier in (the applicant or a representative). */
  readonly submitterName: string;
  /** The desk officer who received it. */
  readonly officerName: string;
}

/** One thing to supplement or complete: which paper, and what is wrong or missing. */
export interface SupplementItem {
  readonly document: string;
  readonly requirement: string;
}

/** Mẫu số 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export interface SupplementGuidanceData extends FormHeader {
  /** Code of the dossier, when it already has one (a supplement asked during processing). */
  readonly dossierCode?: string;
  readonly applicant: Applicant;
  readonly procedureName: string;
  /** Everything to supplement, at once and in full (Decree 61/2018/NĐ-CP art. 15, Decree 118/2025/NĐ-CP). */
  readonly items: readonly SupplementItem[];
  readonly reason: string;
  /** Whom to ask while completing the dossier. */
  readonly contact: { readonly name: string; readonly phone: string };
  readonly officerName: string;
}

/** Mẫu số 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
export interface RefusalData extends FormHeader {
  readonly dossierCode?: string;
  /** The desk that refuses, e.g. "Bộ phận Tiếp nhận và Trả kết quả UBND phường Hoàn Kiếm". */
  readonly receivingUnit: string;
  readonly applicant: Applicant;
  readonly procedureName: string;
  readonly reasons: readonly string[];
  readonly officerName: string;
}

/** The leader signing for an agency: capacity lines ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH") and name. */
export interface LeaderSigner {
  readonly lines: readonly string[];
  readonly name: string;
}

/** Mẫu số 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
export interface ApologyData extends FormHeader {
  /** The competent agency apologising, as named in the text, e.g. "Ủy ban nhân dân phường Hoàn Kiếm". */
  readonly agencyName: string;
  readonly applicant: Applicant;
  readonly dossierCode: string;
  readonly procedureName: string;
  readonly receivedAt: Date;
  /** Legal processing time as printed, e.g. "03 ngày làm việc". */
  readonly processingTime: string;
  readonly originalDueAt: Date;
  readonly reason: string;
  readonly newDueAt: Date;
  readonly signer: LeaderSigner;
  /** "Nơi nhận" lines; default: the applicant and the archive. */
  readonly recipients?: readonly string[];
}

/** How a step ended against its deadline. */
export type HandoverOutcome = 'early' | 'onTime' | 'late';

/** One hand-over of the dossier between units (a row of form 05). */
export interface Handover {
  readonly from: string;
  readonly to: string;
  readonly at: Date;
  readonly giverName: string;
  readonly receiverName: string;
  /** Result of the step handed over; absent for the first hand-over from the desk. */
  readonly outcome?: HandoverOutcome;
  readonly note?: string;
}

/** Mẫu số 05 — Phiếu kiểm soát quá trình giải quyết hồ sơ. */
export interface ControlSheetData extends FormHeader {
  readonly dossierCode: string;
  readonly applicant: Applicant;
  readonly procedureName: string;
  readonly receivedAt: Date;
  readonly dueAt: Date;
  /** Cơ quan (bộ phận) giải quyết hồ sơ. */
  readonly leadAgency: string;
  /** Cơ quan phối hợp giải quyết hồ sơ. */
  readonly coordinatingAgencies: readonly string[];
  readonly handovers: readonly Handover[];
}

/** One dossier in the log (a row of form 06). */
export interface DossierLogRow {
  readonly dossierCode: string;
  readonly procedureName: string;
  readonly dossierCount: number;
  readonly applicantName: string;
  readonly address: string;
  readonly phone?: string;
  readonly leadAgency: string;
  readonly receivedAt: Date;
  readonly dueAt: Date;
  /** Transfer to the agency that resolves the dossier. */
  readonly transfer?: { readonly to: string; readonly at: Date };
  /** When the result was ready, or when a supplement was requested instead. */
  readonly outcome?: { readonly kind: 'result' | 'supplement'; readonly at: Date };
  readonly returnedAt?: Date;
  readonly note?: string;
}

/** Mẫu số 06 — Sổ theo dõi hồ sơ, for one receiving unit over a period. */
export interface DossierLogData extends FormHeader {
  readonly periodFrom: Date;
  readonly periodTo: Date;
  readonly rows: readonly DossierLogRow[];
}
