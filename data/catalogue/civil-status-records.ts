/**
 * Hộ tịch (civil status), second part: records, guardianship, re-registration (same sources as civil-status.ts).
 */
import type { CatalogueEntryInput } from '../../domain/catalogue/index.ts';
import {
  agencies,
  authorisation,
  EXEMPT_GROUPS,
  PROVINCE_FEE,
  provinceFeeConfirm,
  UNIT,
} from './civil-status-common.ts';
import { applicantFields, entry, LAWS, person, upload } from './helpers.ts';

export const CIVIL_STATUS_RECORDS: CatalogueEntryInput[] = [
  entry({
    code: '1.004859',
    name: 'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch',
    sector: 'civilStatus',
    confirm: [
      { field: 'nationalCode', note: 'Mã 1.004859 chưa đối chiếu với Cơ sở dữ liệu quốc gia về TTHC.' },
      provinceFeeConfirm,
    ],
    version: {
      legalBasis: [
        LAWS.civilStatusLaw('Điều 26–29'),
        LAWS.civilStatusDecree('Điều 7'),
        LAWS.civilStatusCircular(),
      ],
      // Luật Hộ tịch art. 28(2): 3 working days, +3 if verification is needed; additions (art. 29): immediately.
      legalLimit: { workingDays: 3 },
      localLimit: { workingDays: 2 },
      limitNote:
        'Cần xác minh: kéo dài thêm không quá 03 ngày làm việc. Bổ sung thông tin hộ tịch: giải quyết ngay trong ngày.',
      fees: [],
      feeNote: `${PROVINCE_FEE} Miễn: ${EXEMPT_GROUPS}.`,
      requiredDocuments: [
        {
          key: 'declaration',
          name: 'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch',
          kinds: ['original', 'electronic'],
        },
        {
          key: 'evidence',
          name: 'Giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung',
          kinds: ['certifiedCopy', 'photocopy', 'electronic'],
        },
        authorisation,
      ],
      onlineForm: {
        fields: [
          ...applicantFields(),
          ...person('subject', 'người được thay đổi, cải chính'),
          {
            key: 'change',
            label: 'Nội dung đề nghị thay đổi, cải chính, bổ sung',
            type: 'text',
            multiline: true,
            maxLength: 2000,
          },
          { key: 'reason', label: 'Lý do', type: 'text', multiline: true, maxLength: 1000 },
          upload('evidenceFile', 'Giấy tờ làm căn cứ', 'evidence'),
        ],
      },
      onlineLevel: 'full',
      resultDocuments: [{ name: 'Trích lục thay đổi, cải chính, bổ sung hộ tịch', electronic: true }],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT },
  }),
  entry({
    code: '2.000635',
    name: 'Cấp bản sao trích lục hộ tịch',
    sector: 'civilStatus',
    confirm: [
      { field: 'nationalCode', note: 'Mã 2.000635 chưa đối chiếu với Cơ sở dữ liệu quốc gia về TTHC.' },
      {
        field: 'fees',
        note: 'Phí cấp bản sao trích lục 8.000 đồng/bản: mức đã biết trong thực tế, chưa đọc văn bản quy định hiện hành.',
      },
    ],
    version: {
      legalBasis: [LAWS.civilStatusLaw(), LAWS.civilStatusDecree('Điều 64'), LAWS.civilStatusCircular()],
      // Nghị định 123/2015 art. 64: issued immediately when the request is in order.
      legalLimit: { sameDay: true },
      localLimit: { sameDay: true },
      fees: [
        {
          key: 'extractCopy',
          name: 'Phí cấp bản sao trích lục hộ tịch',
          nature: 'charge',
          per: 'copy',
          amount: 8000,
        },
      ],
      requiredDocuments: [
        { key: 'request', name: 'Tờ khai cấp bản sao trích lục hộ tịch', kinds: ['original', 'electronic'] },
        authorisation,
      ],
      onlineForm: {
        fields: [
          ...applicantFields(),
          ...person('subject', 'người có sự kiện hộ tịch'),
          {
            key: 'event',
            label: 'Sự kiện hộ tịch',
            type: 'select',
            options: [
              { value: 'birth', label: 'Khai sinh' },
              { value: 'marriage', label: 'Kết hôn' },
              { value: 'death', label: 'Khai tử' },
              { value: 'other', label: 'Khác' },
            ],
          },
          { key: 'copies', label: 'Số bản sao', type: 'number', integer: true, min: 1, max: 20 },
        ],
      },
      onlineLevel: 'full',
      resultDocuments: [{ name: 'Bản sao trích lục hộ tịch', electronic: true }],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT },
  }),
  entry({
    code: '1.004873',
    name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    sector: 'civilStatus',
    confirm: [
      { field: 'nationalCode', note: 'Mã 1.004873 chưa đối chiếu với Cơ sở dữ liệu quốc gia về TTHC.' },
      provinceFeeConfirm,
    ],
    version: {
      legalBasis: [LAWS.civilStatusDecree('Điều 21–23'), LAWS.civilStatusCircular()],
      // Nghị định 123/2015 art. 22(3): 3 working days.
      legalLimit: { workingDays: 3 },
      localLimit: { workingDays: 2 },
      fees: [],
      feeNote: `${PROVINCE_FEE} Miễn: ${EXEMPT_GROUPS}.`,
      requiredDocuments: [
        {
          key: 'declaration',
          name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
          kinds: ['original', 'electronic'],
        },
        {
          key: 'priorMarriage',
          name: 'Giấy tờ chứng minh việc hôn nhân trước đã chấm dứt',
          kinds: ['certifiedCopy', 'photocopy', 'electronic'],
          mandatory: false,
          note: 'Người đã có vợ, chồng: bản án, quyết định ly hôn hoặc trích lục khai tử của vợ, chồng.',
        },
      ],
      onlineForm: {
        fields: [
          ...applicantFields(),
          { key: 'purpose', label: 'Mục đích sử dụng', type: 'text', maxLength: 300 },
          upload(
            'priorMarriageFile',
            'Giấy tờ chứng minh hôn nhân trước đã chấm dứt',
            'priorMarriage',
            false,
          ),
        ],
      },
      onlineLevel: 'full',
      resultDocuments: [{ name: 'Giấy xác nhận tình trạng hôn nhân (giá trị 06 tháng)', electronic: true }],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT },
  }),
  entry({
    code: '1.004837',
    name: 'Đăng ký giám hộ',
    sector: 'civilStatus',
    confirm: [
      { field: 'nationalCode', note: 'Mã 1.004837 chưa đối chiếu với Cơ sở dữ liệu quốc gia về TTHC.' },
    ],
    version: {
      legalBasis: [
        LAWS.civilStatusLaw('Điều 11, 19–21'),
        LAWS.civilStatusDecree(),
        LAWS.civilStatusCircular(),
      ],
      // Luật Hộ tịch art. 20–21: 3 working days (appointed and statutory guardianship).
      legalLimit: { workingDays: 3 },
      localLimit: { workingDays: 2 },
      fees: [],
      feeNote: 'Miễn lệ phí đăng ký giám hộ (Luật Hộ tịch Điều 11).',
      requiredDocuments: [
        { key: 'declaration', name: 'Tờ khai đăng ký giám hộ', kinds: ['original', 'electronic'] },
        {
          key: 'appointment',
          name: 'Văn bản cử người giám hộ (giám hộ cử) hoặc giấy tờ chứng minh điều kiện giám hộ đương nhiên',
          kinds: ['original', 'certifiedCopy'],
        },
      ],
      onlineForm: {
        fields: [
          ...applicantFields('Người giám hộ'),
          ...person('ward', 'người được giám hộ'),
          upload('appointmentFile', 'Văn bản cử người giám hộ', 'appointment'),
        ],
      },
      onlineLevel: 'partial',
      resultDocuments: [{ name: 'Trích lục đăng ký giám hộ' }],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT },
  }),
  entry({
    code: '1.004845',
    name: 'Đăng ký chấm dứt giám hộ',
    sector: 'civilStatus',
    confirm: [
      { field: 'nationalCode', note: 'Mã 1.004845 chưa đối chiếu với Cơ sở dữ liệu quốc gia về TTHC.' },
      provinceFeeConfirm,
    ],
    version: {
      legalBasis: [LAWS.civilStatusLaw('Điều 22–23'), LAWS.civilStatusCircular()],
      // Luật Hộ tịch art. 23(2): 2 working days.
      legalLimit: { workingDays: 2 },
      localLimit: { workingDays: 1 },
      fees: [],
      feeNote: PROVINCE_FEE,
      requiredDocuments: [
        { key: 'declaration', name: 'Tờ khai đăng ký chấm dứt giám hộ', kinds: ['original', 'electronic'] },
        {
          key: 'evidence',
          name: 'Giấy tờ làm căn cứ chấm dứt giám hộ',
          kinds: ['certifiedCopy', 'photocopy', 'electronic'],
        },
      ],
      onlineForm: {
        fields: [
          ...applicantFields(),
          ...person('ward', 'người được giám hộ'),
          upload('evidenceFile', 'Giấy tờ làm căn cứ', 'evidence'),
        ],
      },
      onlineLevel: 'full',
      resultDocuments: [{ name: 'Trích lục đăng ký chấm dứt giám hộ', electronic: true }],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT },
  }),
  entry({
    code: '1.004884',
    name: 'Đăng ký lại khai sinh',
    sector: 'civilStatus',
    confirm: [
      { field: 'nationalCode', note: 'Mã 1.004884 chưa đối chiếu với Cơ sở dữ liệu quốc gia về TTHC.' },
      provinceFeeConfirm,
    ],
    version: {
      legalBasis: [LAWS.civilStatusDecree('Điều 24–27'), LAWS.civilStatusCircular()],
      // Nghị định 123/2015 art. 26(2): 5 working days.
      legalLimit: { workingDays: 5 },
      localLimit: { workingDays: 3 },
      fees: [],
      feeNote: PROVINCE_FEE,
      requiredDocuments: [
        { key: 'declaration', name: 'Tờ khai đăng ký lại khai sinh', kinds: ['original', 'electronic'] },
        {
          key: 'priorRecord',
          name: 'Bản sao Giấy khai sinh cũ hoặc giấy tờ, tài liệu có nội dung liên quan đến việc khai sinh',
          kinds: ['certifiedCopy', 'photocopy', 'electronic'],
        },
        authorisation,
      ],
      onlineForm: {
        fields: [
          ...applicantFields(),
          {
            key: 'subjectName',
            label: 'Họ, chữ đệm, tên người được đăng ký lại khai sinh',
            type: 'text',
            maxLength: 100,
          },
          { key: 'subjectBirthDate', label: 'Ngày, tháng, năm sinh', type: 'date', notFuture: true },
          upload('priorRecordFile', 'Giấy tờ có nội dung liên quan đến việc khai sinh', 'priorRecord'),
        ],
      },
      onlineLevel: 'full',
      resultDocuments: [{ name: 'Giấy khai sinh (bản chính)' }],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT },
  }),
];
