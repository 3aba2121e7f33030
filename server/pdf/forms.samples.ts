/**
 * A realistic filled example of every form (a birth registration at phường Hoàn Kiếm, Hà Nội), shared by the tests
 * and scripts/render-sample-forms.ts. Instants are written with their +07:00 offset, as people read them.
 */
import type {
  ApologyData,
  Applicant,
  ControlSheetData,
  DossierLogData,
  DossierLogRow,
  Issuer,
  ReceiptData,
  RefusalData,
  SupplementGuidanceData,
} from './forms.types.ts';

const at = (local: string): Date => new Date(`${local}+07:00`);

export const SAMPLE_CODE = 'HK-260205-0001';

export const sampleIssuer: Issuer = {
  parentName: 'UBND phường Hoàn Kiếm',
  unitName: 'Bộ phận Tiếp nhận và Trả kết quả',
  place: 'Hoàn Kiếm',
};

export const sampleApplicant: Applicant = {
  name: 'Nguyễn Văn An',
  address: 'Số 12 phố Hàng Bài, Phường Hoàn Kiếm, Thành phố Hà Nội',
  phone: '0912 345 678',
  email: 'nguyenvanan@example.vn',
};

const DESK = 'Bộ phận Tiếp nhận và Trả kết quả UBND phường Hoàn Kiếm';

export const sampleReceipt = (): ReceiptData => ({
  issuer: sampleIssuer,
  issuedAt: at('2026-02-05T10:15:00'),
  dossierCode: SAMPLE_CODE,
  receivingUnit: DESK,
  applicant: sampleApplicant,
  procedureName: 'Đăng ký khai sinh',
  documents: [
    { name: 'Tờ khai đăng ký khai sinh theo mẫu', form: 'Bản chính', copies: 1 },
    { name: 'Giấy chứng sinh do cơ sở khám bệnh, chữa bệnh cấp', form: 'Bản chính', copies: 1 },
    { name: 'Giấy chứng nhận kết hôn của cha, mẹ', form: 'Bản sao có chứng thực', copies: 1 },
    {
      name: 'Căn cước của người đi đăng ký khai sinh (để đối chiếu)',
      form: 'Bản chính (xuất trình)',
      copies: 1,
    },
  ],
  dossierCount: 1,
  processingTime: '03 ngày làm việc',
  receivedAt: at('2026-02-05T10:15:00'),
  dueAt: at('2026-02-10T17:00:00'),
  dueExplanation: [
    'Thời hạn tính từ ngày làm việc tiếp theo ngày nhận hồ sơ: 06/02, 09/02 và 10/02/2026;',
    'không tính thứ Bảy, Chủ nhật (07/02 và 08/02/2026).',
  ],
  resultDelivery: 'Trực tiếp tại Bộ phận Tiếp nhận và Trả kết quả',
  feePaid: { amount: 8000, description: 'Lệ phí đăng ký khai sinh' },
  logEntry: { book: '01/2026', entry: '125' },
  trackingUrl: `https://motcua.hanoi.gov.vn/tra-cuu/${SAMPLE_CODE}`,
  submitterName: 'Nguyễn Văn An',
  officerName: 'Trần Thị Bình',
});

export const sampleSupplement = (): SupplementGuidanceData => ({
  issuer: sampleIssuer,
  issuedAt: at('2026-02-05T10:40:00'),
  dossierCode: SAMPLE_CODE,
  applicant: sampleApplicant,
  procedureName: 'Đăng ký khai sinh',
  items: [
    {
      document: 'Tờ khai đăng ký khai sinh',
      requirement:
        'thiếu chữ ký của người đi đăng ký khai sinh; ghi rõ quê quán của cha theo giấy tờ hộ tịch.',
    },
    {
      document: 'Giấy chứng sinh',
      requirement: 'nộp bản chính; bản chụp đã nộp không được chấp nhận.',
    },
    {
      document: 'Văn bản ủy quyền',
      requirement: 'bổ sung văn bản ủy quyền có chứng thực vì người nộp không phải cha, mẹ của trẻ.',
    },
  ],
  reason: 'Hồ sơ chưa đủ thành phần và một số giấy tờ chưa đúng hình thức theo quy định.',
  contact: { name: 'bà Trần Thị Bình, công chức Tư pháp - Hộ tịch', phone: '024 3825 1234' },
  officerName: 'Trần Thị Bình',
});

export const sampleRefusal = (): RefusalData => ({
  issuer: sampleIssuer,
  issuedAt: at('2026-02-05T10:40:00'),
  dossierCode: SAMPLE_CODE,
  receivingUnit: DESK,
  applicant: sampleApplicant,
  procedureName: 'Đăng ký khai sinh',
  reasons: [
    'Trẻ đã được đăng ký khai sinh tại UBND xã Tây Tựu ngày 12/01/2026 (trích lục khai sinh số 15/2026).',
    'Yêu cầu cấp bản sao trích lục khai sinh thuộc thủ tục khác; đề nghị Ông/Bà nộp hồ sơ theo thủ tục đó.',
  ],
  officerName: 'Trần Thị Bình',
});

export const sampleApology = (): ApologyData => ({
  issuer: { ...sampleIssuer, unitName: 'Ủy ban nhân dân phường Hoàn Kiếm', parentName: 'Thành phố Hà Nội' },
  issuedAt: at('2026-02-09T15:00:00'),
  number: '15/PXL-UBND',
  agencyName: 'Ủy ban nhân dân phường Hoàn Kiếm',
  applicant: sampleApplicant,
  dossierCode: SAMPLE_CODE,
  procedureName: 'Đăng ký khai sinh',
  receivedAt: at('2026-02-05T10:15:00'),
  processingTime: '03 ngày làm việc',
  originalDueAt: at('2026-02-10T17:00:00'),
  reason:
    'Cần xác minh thông tin về nơi cư trú của người mẹ tại UBND xã Tây Tựu, chưa nhận được văn bản trả lời.',
  newDueAt: at('2026-02-13T17:00:00'),
  signer: { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Phạm Minh Đức' },
});

export const sampleControlSheet = (): ControlSheetData => ({
  issuer: sampleIssuer,
  issuedAt: at('2026-02-05T10:15:00'),
  dossierCode: SAMPLE_CODE,
  applicant: sampleApplicant,
  procedureName: 'Đăng ký khai sinh',
  receivedAt: at('2026-02-05T10:15:00'),
  dueAt: at('2026-02-10T17:00:00'),
  leadAgency: 'Công chức Tư pháp - Hộ tịch, UBND phường Hoàn Kiếm',
  coordinatingAgencies: [],
  handovers: [
    {
      from: 'Bộ phận Tiếp nhận và Trả kết quả',
      to: 'Công chức Tư pháp - Hộ tịch',
      at: at('2026-02-05T10:30:00'),
      giverName: 'Trần Thị Bình',
      receiverName: 'Lê Văn Cường',
    },
    {
      from: 'Công chức Tư pháp - Hộ tịch',
      to: 'Lãnh đạo UBND phường',
      at: at('2026-02-09T09:00:00'),
      giverName: 'Lê Văn Cường',
      receiverName: 'Phạm Minh Đức',
      outcome: 'early',
    },
    {
      from: 'Lãnh đạo UBND phường',
      to: 'Công chức Tư pháp - Hộ tịch',
      at: at('2026-02-09T15:00:00'),
      giverName: 'Phạm Minh Đức',
      receiverName: 'Lê Văn Cường',
      outcome: 'early',
      note: 'Đã ký giấy khai sinh',
    },
    {
      from: 'Công chức Tư pháp - Hộ tịch',
      to: 'Bộ phận Tiếp nhận và Trả kết quả',
      at: at('2026-02-10T08:30:00'),
      giverName: 'Lê Văn Cường',
      receiverName: 'Trần Thị Bình',
      outcome: 'onTime',
    },
  ],
});

const PROCEDURES = [
  'Đăng ký khai sinh',
  'Chứng thực bản sao từ bản chính',
  'Đăng ký kết hôn',
  'Đăng ký khai tử',
];
const PEOPLE = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Hoàng Phúc', 'Phạm Thị Thu Hương', 'Đỗ Quốc Việt'];

/** Working days from 05/02/2026 (weekends and the Tết holiday 14–22/02/2026 left out). */
const WORKING_DAYS = (
  '02-05 02-06 02-09 02-10 02-11 02-12 02-13 02-23 02-24 02-25 02-26 02-27 ' +
  '03-02 03-03 03-04 03-05 03-06 03-09 03-10 03-11'
).split(' ');
const workingDay = (k: number): string => WORKING_DAYS[Math.min(k, WORKING_DAYS.length - 1)] ?? '03-11';

/**
 * `count` dossiers (up to 120 in February), ten a working day 25 minutes apart, codes restarting daily, due three
 * working days later.
 */
export function sampleLogRows(count: number): DossierLogRow[] {
  return Array.from({ length: count }, (_, i) => {
    const k = Math.floor(i / 10);
    const seq = (i % 10) + 1;
    const day = workingDay(k);
    const minutes = 8 * 60 + seq * 25;
    const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const receivedAt = at(`2026-${day}T${hhmm}:00`);
    const isSupplement = i % 7 === 3;
    return {
      dossierCode: `HK-26${day.replace('-', '')}-${String(seq).padStart(4, '0')}`,
      procedureName: PROCEDURES[i % PROCEDURES.length] ?? 'Đăng ký khai sinh',
      dossierCount: 1,
      applicantName: PEOPLE[i % PEOPLE.length] ?? 'Nguyễn Văn An',
      address: `Số ${i + 1} phố Hàng Bài, Phường Hoàn Kiếm, Thành phố Hà Nội`,
      phone: `0912 345 ${String(600 + i).padStart(3, '0')}`,
      leadAgency: 'Công chức Tư pháp - Hộ tịch',
      receivedAt,
      dueAt: at(`2026-${workingDay(k + 3)}T17:00:00`),
      transfer: { to: 'Công chức Tư pháp - Hộ tịch', at: new Date(receivedAt.getTime() + 15 * 60_000) },
      outcome: isSupplement
        ? { kind: 'supplement', at: at(`2026-${workingDay(k + 1)}T14:00:00`) }
        : { kind: 'result', at: at(`2026-${workingDay(k + 2)}T15:30:00`) },
      returnedAt: isSupplement
        ? undefined
        : at(`2026-${workingDay(k + 3)}T09:${String(seq * 5).padStart(2, '0')}:00`),
      note: i % 11 === 5 ? 'Trả kết quả qua dịch vụ bưu chính công ích' : undefined,
    };
  });
}

export const sampleDossierLog = (count = 12): DossierLogData => ({
  issuer: sampleIssuer,
  issuedAt: at('2026-02-28T16:00:00'),
  periodFrom: at('2026-02-01T00:00:00'),
  periodTo: at('2026-02-28T00:00:00'),
  rows: sampleLogRows(count),
});
