/**
 * Hộ kinh doanh (household business), registered at the commune since 1 July 2025. Legal basis: Nghị định
 * 01/2021/NĐ-CP (Chương VIII), replaced from 1 July 2025 by a new decree on business registration (believed
 * 168/2025/NĐ-CP [confirm]). Registration fee set by the provincial council (Thông tư 85/2019/TT-BTC).
 */
import type { CatalogueEntryInput, FormFieldInput } from '../../domain/catalogue/index.ts';
import { AGENCIES, applicantFields, entry, LAWS, upload } from './helpers.ts';

const UNIT = 'Phòng Kinh tế (bộ phận đăng ký hộ kinh doanh)';
const agencies = [AGENCIES.communeCentre, AGENCIES.communeCommittee];
const basis = () => [
  LAWS.householdBusinessDecree(),
  LAWS.householdBusinessDecree2025(),
  LAWS.localFeesCircular(),
];
const confirmCommon = (code: string) => [
  { field: 'nationalCode', note: `Mã ${code} chưa đối chiếu với Cơ sở dữ liệu quốc gia về TTHC.` },
  {
    field: 'legalBasis',
    note: 'Số hiệu nghị định thay thế Nghị định 01/2021/NĐ-CP (168/2025/NĐ-CP) chưa đối chiếu.',
  },
  { field: 'fees', note: 'Lệ phí đăng ký hộ kinh doanh do HĐND tỉnh quy định: chưa nhập.' },
];
const FEE_NOTE = 'Lệ phí do Hội đồng nhân dân tỉnh quy định (Thông tư 85/2019/TT-BTC); nhập mức của tỉnh.';
const businessFields: FormFieldInput[] = [
  { key: 'businessName', label: 'Tên hộ kinh doanh', type: 'text', maxLength: 200 },
  { key: 'businessAddress', label: 'Địa điểm kinh doanh', type: 'address' },
  { key: 'businessLines', label: 'Ngành, nghề kinh doanh', type: 'text', multiline: true, maxLength: 2000 },
  { key: 'capital', label: 'Vốn kinh doanh (đồng)', type: 'number', integer: true, min: 0 },
];

export const BUSINESS_HOUSEHOLD: CatalogueEntryInput[] = [
  entry({
    code: '2.000720',
    name: 'Đăng ký thành lập hộ kinh doanh',
    sector: 'businessHousehold',
    confirm: confirmCommon('2.000720'),
    version: {
      legalBasis: basis(),
      // Nghị định 01/2021 art. 87(3) [confirm]: certificate within 3 working days of a valid dossier.
      legalLimit: { workingDays: 3 },
      localLimit: { workingDays: 2 },
      fees: [],
      feeNote: FEE_NOTE,
      requiredDocuments: [
        { key: 'application', name: 'Giấy đề nghị đăng ký hộ kinh doanh', kinds: ['original', 'electronic'] },
        {
          key: 'memberMinutes',
          name: 'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh',
          kinds: ['original', 'electronic'],
          mandatory: false,
          note: 'Trường hợp các thành viên hộ gia đình cùng đăng ký hộ kinh doanh.',
        },
        {
          key: 'authorisation',
          name: 'Văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh',
          kinds: ['original', 'certifiedCopy', 'electronic'],
          mandatory: false,
        },
      ],
      onlineForm: {
        fields: [
          ...applicantFields('Chủ hộ kinh doanh'),
          ...businessFields,
          upload('applicationFile', 'Giấy đề nghị đăng ký hộ kinh doanh', 'application'),
        ],
      },
      onlineLevel: 'full',
      resultDocuments: [{ name: 'Giấy chứng nhận đăng ký hộ kinh doanh', electronic: true }],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT },
  }),
  entry({
    code: '2.000575',
    name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
    sector: 'businessHousehold',
    confirm: confirmCommon('2.000575'),
    version: {
      legalBasis: basis(),
      legalLimit: { workingDays: 3 },
      localLimit: { workingDays: 2 },
      fees: [],
      feeNote: FEE_NOTE,
      requiredDocuments: [
        {
          key: 'notice',
          name: 'Thông báo thay đổi nội dung đăng ký hộ kinh doanh',
          kinds: ['original', 'electronic'],
        },
        {
          key: 'memberMinutes',
          name: 'Biên bản họp thành viên hộ gia đình về việc thay đổi (nếu có)',
          kinds: ['original', 'electronic'],
          mandatory: false,
        },
      ],
      onlineForm: {
        fields: [
          ...applicantFields('Chủ hộ kinh doanh'),
          { key: 'registrationNumber', label: 'Mã số đăng ký hộ kinh doanh', type: 'text', maxLength: 50 },
          { key: 'change', label: 'Nội dung thay đổi', type: 'text', multiline: true, maxLength: 2000 },
          upload('noticeFile', 'Thông báo thay đổi nội dung', 'notice'),
        ],
      },
      onlineLevel: 'full',
      resultDocuments: [
        { name: 'Giấy chứng nhận đăng ký hộ kinh doanh (cấp lại theo nội dung thay đổi)', electronic: true },
      ],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT },
  }),
  entry({
    code: '2.000638',
    name: 'Chấm dứt hoạt động hộ kinh doanh',
    sector: 'businessHousehold',
    confirm: [
      ...confirmCommon('2.000638'),
      { field: 'legalLimit', note: 'Ghi 03 ngày làm việc như đăng ký thành lập: chưa đọc văn bản.' },
    ],
    version: {
      legalBasis: basis(),
      legalLimit: { workingDays: 3 },
      localLimit: { workingDays: 2 },
      fees: [],
      feeNote: 'Không thu lệ phí.',
      requiredDocuments: [
        {
          key: 'notice',
          name: 'Thông báo về việc chấm dứt hoạt động hộ kinh doanh',
          kinds: ['original', 'electronic'],
        },
        {
          key: 'taxClearance',
          name: 'Thông báo của cơ quan thuế về việc hoàn thành nghĩa vụ thuế',
          kinds: ['photocopy', 'electronic'],
        },
      ],
      onlineForm: {
        fields: [
          ...applicantFields('Chủ hộ kinh doanh'),
          { key: 'registrationNumber', label: 'Mã số đăng ký hộ kinh doanh', type: 'text', maxLength: 50 },
          upload('noticeFile', 'Thông báo chấm dứt hoạt động', 'notice'),
          upload('taxClearanceFile', 'Thông báo hoàn thành nghĩa vụ thuế', 'taxClearance'),
        ],
      },
      onlineLevel: 'full',
      resultDocuments: [{ name: 'Thông báo về việc chấm dứt hoạt động hộ kinh doanh', electronic: true }],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT },
  }),
];
