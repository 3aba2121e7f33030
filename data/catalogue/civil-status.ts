/**
 * Hộ tịch (civil status) at the commune: Luật Hộ tịch 2014, Nghị định 123/2015/NĐ-CP, Thông tư 04/2020/TT-BTP.
 * Fees: exempt cases in Luật Hộ tịch art. 11; other amounts are set by each provincial council (Thông tư
 * 85/2019/TT-BTC), so they are left to the province (feeNote) rather than guessed.
 */
import type { CatalogueEntryInput } from '../../domain/catalogue/index.ts';
import {
  AGENCIES,
  applicantFields,
  type DocumentInput,
  entry,
  GENDER,
  LAWS,
  person,
  upload,
} from './helpers.ts';

const UNIT = 'Công chức Tư pháp - Hộ tịch';
const agencies = [AGENCIES.communeCentre, AGENCIES.communeCommittee];
// Luật Hộ tịch art. 11(1): exempt for families of people with meritorious service, poor households, people with
// disabilities; and for on-time birth and death registration, guardianship, and marriage of citizens residing in Viet Nam.
const EXEMPT_GROUPS =
  'Người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật (Luật Hộ tịch Điều 11)';
const PROVINCE_FEE =
  'Lệ phí do Hội đồng nhân dân tỉnh quy định (Thông tư 85/2019/TT-BTC); nhập mức của tỉnh.';
const provinceFeeConfirm = { field: 'fees', note: 'Mức lệ phí theo Nghị quyết HĐND tỉnh: chưa nhập.' };
const authorisation: DocumentInput = {
  key: 'authorisation',
  name: 'Văn bản ủy quyền (trường hợp ủy quyền thực hiện)',
  kinds: ['original', 'certifiedCopy'],
  mandatory: false,
  note: 'Không phải chứng thực nếu người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền.',
};

export const CIVIL_STATUS: CatalogueEntryInput[] = [
  entry({
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    sector: 'civilStatus',
    version: {
      legalBasis: [
        LAWS.civilStatusLaw('Điều 11, 13–16'),
        LAWS.civilStatusDecree('Điều 9'),
        LAWS.civilStatusCircular(),
      ],
      // Luật Hộ tịch art. 16(2): registered immediately on receipt of complete papers.
      legalLimit: { sameDay: true },
      localLimit: { sameDay: true },
      fees: [],
      feeNote: `Miễn lệ phí đăng ký khai sinh đúng hạn (Luật Hộ tịch Điều 11). Khai sinh quá hạn: ${PROVINCE_FEE}`,
      requiredDocuments: [
        {
          key: 'declaration',
          name: 'Tờ khai đăng ký khai sinh',
          kinds: ['original', 'electronic'],
          templateFile: 'Tờ khai đăng ký khai sinh (Thông tư 04/2020/TT-BTP)',
        },
        {
          key: 'birthCertificate',
          name: 'Giấy chứng sinh',
          kinds: ['original', 'electronic'],
          note: 'Không có giấy chứng sinh: văn bản của người làm chứng; không có người làm chứng: giấy cam đoan về việc sinh. Trẻ bị bỏ rơi: biên bản xác nhận việc trẻ bị bỏ rơi.',
        },
        authorisation,
      ],
      onlineForm: {
        fields: [
          ...applicantFields(),
          {
            key: 'relationship',
            label: 'Quan hệ với người được khai sinh',
            type: 'select',
            options: [
              { value: 'mother', label: 'Mẹ' },
              { value: 'father', label: 'Cha' },
              { value: 'grandparent', label: 'Ông, bà' },
              { value: 'other', label: 'Người thân thích khác' },
            ],
          },
          { key: 'childName', label: 'Họ, chữ đệm, tên người được khai sinh', type: 'text', maxLength: 100 },
          { key: 'childGender', label: 'Giới tính', type: 'select', options: GENDER },
          { key: 'childBirthDate', label: 'Ngày, tháng, năm sinh', type: 'date', notFuture: true },
          { key: 'birthPlace', label: 'Nơi sinh', type: 'text', maxLength: 300 },
          { key: 'ethnicity', label: 'Dân tộc', type: 'text', maxLength: 50 },
          ...person('mother', 'người mẹ', false),
          ...person('father', 'người cha', false),
          upload('birthCertificateFile', 'Giấy chứng sinh', 'birthCertificate'),
        ],
      },
      onlineLevel: 'full',
      resultDocuments: [{ name: 'Giấy khai sinh (bản chính)', electronic: true }],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT },
  }),
  entry({
    code: '1.000894',
    name: 'Đăng ký kết hôn',
    sector: 'civilStatus',
    version: {
      legalBasis: [
        LAWS.civilStatusLaw('Điều 17–18'),
        LAWS.marriageLaw('Điều 8'),
        LAWS.civilStatusDecree(),
        LAWS.civilStatusCircular(),
      ],
      // Luật Hộ tịch art. 18(2): immediately; up to 5 working days when facts must be verified.
      legalLimit: { sameDay: true },
      localLimit: { sameDay: true },
      limitNote: 'Trường hợp cần xác minh điều kiện kết hôn: không quá 05 ngày làm việc.',
      fees: [],
      feeNote:
        'Miễn lệ phí đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước (Luật Hộ tịch Điều 11).',
      requiredDocuments: [
        {
          key: 'declaration',
          name: 'Tờ khai đăng ký kết hôn',
          kinds: ['original', 'electronic'],
          templateFile: 'Tờ khai đăng ký kết hôn (Thông tư 04/2020/TT-BTP)',
        },
        {
          key: 'maritalStatus',
          name: 'Giấy xác nhận tình trạng hôn nhân',
          kinds: ['original'],
          mandatory: false,
          note: 'Khi một bên đăng ký kết hôn tại nơi không phải nơi thường trú của mình.',
        },
      ],
      onlineForm: {
        fields: [
          ...applicantFields(),
          ...person('bride', 'bên nữ'),
          { key: 'brideBirthDate', label: 'Ngày sinh bên nữ', type: 'date', notFuture: true },
          ...person('groom', 'bên nam'),
          { key: 'groomBirthDate', label: 'Ngày sinh bên nam', type: 'date', notFuture: true },
          upload('maritalStatusFile', 'Giấy xác nhận tình trạng hôn nhân', 'maritalStatus', false),
        ],
      },
      // Both parties must be present to sign the register and receive the certificate.
      onlineLevel: 'partial',
      resultDocuments: [{ name: 'Giấy chứng nhận kết hôn (mỗi bên 01 bản chính)' }],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT },
  }),
  entry({
    code: '1.000656',
    name: 'Đăng ký khai tử',
    sector: 'civilStatus',
    version: {
      legalBasis: [LAWS.civilStatusLaw('Điều 32–34'), LAWS.civilStatusDecree(), LAWS.civilStatusCircular()],
      // Luật Hộ tịch art. 34(2): immediately; up to 3 working days when the death must be verified.
      legalLimit: { sameDay: true },
      localLimit: { sameDay: true },
      limitNote: 'Trường hợp cần xác minh: không quá 03 ngày làm việc.',
      fees: [],
      feeNote: `Miễn lệ phí đăng ký khai tử đúng hạn (trong 15 ngày kể từ ngày chết; Luật Hộ tịch Điều 11, 33). Quá hạn: ${PROVINCE_FEE}`,
      requiredDocuments: [
        {
          key: 'declaration',
          name: 'Tờ khai đăng ký khai tử',
          kinds: ['original', 'electronic'],
          templateFile: 'Tờ khai đăng ký khai tử (Thông tư 04/2020/TT-BTP)',
        },
        {
          key: 'deathNotice',
          name: 'Giấy báo tử hoặc giấy tờ thay thế giấy báo tử',
          kinds: ['original', 'electronic'],
        },
        authorisation,
      ],
      onlineForm: {
        fields: [
          ...applicantFields(),
          ...person('deceased', 'người chết'),
          { key: 'deathDate', label: 'Ngày chết', type: 'date', notFuture: true },
          { key: 'deathPlace', label: 'Nơi chết', type: 'text', maxLength: 300 },
          upload('deathNoticeFile', 'Giấy báo tử', 'deathNotice'),
        ],
      },
      onlineLevel: 'full',
      resultDocuments: [{ name: 'Trích lục khai tử', electronic: true }],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT },
  }),
  entry({
    code: '1.001022',
    name: 'Đăng ký nhận cha, mẹ, con',
    sector: 'civilStatus',
    confirm: [
      { field: 'nationalCode', note: 'Mã 1.001022 chưa đối chiếu với Cơ sở dữ liệu quốc gia về TTHC.' },
      provinceFeeConfirm,
    ],
    version: {
      legalBasis: [LAWS.civilStatusLaw('Điều 24–25'), LAWS.civilStatusDecree(), LAWS.civilStatusCircular()],
      // Luật Hộ tịch art. 25(2): 3 working days; +5 working days when verification is needed.
      legalLimit: { workingDays: 3 },
      localLimit: { workingDays: 2 },
      limitNote: 'Trường hợp cần xác minh: kéo dài thêm không quá 05 ngày làm việc.',
      fees: [],
      feeNote: `${PROVINCE_FEE} Miễn: ${EXEMPT_GROUPS}.`,
      requiredDocuments: [
        {
          key: 'declaration',
          name: 'Tờ khai đăng ký nhận cha, mẹ, con',
          kinds: ['original', 'electronic'],
          templateFile: 'Tờ khai đăng ký nhận cha, mẹ, con (Thông tư 04/2020/TT-BTP)',
        },
        {
          key: 'evidence',
          name: 'Chứng cứ chứng minh quan hệ cha, mẹ, con',
          kinds: ['original', 'certifiedCopy'],
          note: 'Văn bản giám định ADN hoặc, nếu không có, văn bản cam đoan của cha, mẹ và ít nhất hai người làm chứng (Thông tư 04/2020/TT-BTP).',
        },
      ],
      onlineForm: {
        fields: [
          ...applicantFields(),
          ...person('parent', 'người nhận'),
          { key: 'childName', label: 'Họ, chữ đệm, tên người được nhận', type: 'text', maxLength: 100 },
          { key: 'childBirthDate', label: 'Ngày sinh người được nhận', type: 'date', notFuture: true },
          upload('evidenceFile', 'Chứng cứ chứng minh quan hệ cha, mẹ, con', 'evidence'),
        ],
      },
      // The parties must be present when the record is made.
      onlineLevel: 'partial',
      resultDocuments: [{ name: 'Trích lục đăng ký nhận cha, mẹ, con' }],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT },
  }),
  entry({
    code: '1.000689',
    name: 'Đăng ký khai sinh kết hợp nhận cha, mẹ, con',
    sector: 'civilStatus',
    confirm: [
      { field: 'nationalCode', note: 'Mã 1.000689 chưa đối chiếu với Cơ sở dữ liệu quốc gia về TTHC.' },
      {
        field: 'legalLimit',
        note: 'Nghị định 123/2015 Điều 15 dẫn chiếu Luật Hộ tịch Điều 16 và 25: ghi 03 ngày làm việc (Điều 25); đối chiếu quyết định công bố.',
      },
      provinceFeeConfirm,
    ],
    version: {
      legalBasis: [
        LAWS.civilStatusLaw('Điều 16, 25'),
        LAWS.civilStatusDecree('Điều 15'),
        LAWS.civilStatusCircular(),
      ],
      legalLimit: { workingDays: 3 },
      localLimit: { workingDays: 2 },
      fees: [],
      feeNote: `Khai sinh đúng hạn: miễn. Nhận cha, mẹ, con: ${PROVINCE_FEE}`,
      requiredDocuments: [
        { key: 'birthDeclaration', name: 'Tờ khai đăng ký khai sinh', kinds: ['original', 'electronic'] },
        {
          key: 'recognitionDeclaration',
          name: 'Tờ khai đăng ký nhận cha, mẹ, con',
          kinds: ['original', 'electronic'],
        },
        { key: 'birthCertificate', name: 'Giấy chứng sinh', kinds: ['original', 'electronic'] },
        {
          key: 'evidence',
          name: 'Chứng cứ chứng minh quan hệ cha, mẹ, con',
          kinds: ['original', 'certifiedCopy'],
        },
      ],
      onlineForm: {
        fields: [
          ...applicantFields(),
          { key: 'childName', label: 'Họ, chữ đệm, tên người được khai sinh', type: 'text', maxLength: 100 },
          { key: 'childGender', label: 'Giới tính', type: 'select', options: GENDER },
          { key: 'childBirthDate', label: 'Ngày, tháng, năm sinh', type: 'date', notFuture: true },
          ...person('parent', 'người nhận cha, mẹ, con'),
          upload('birthCertificateFile', 'Giấy chứng sinh', 'birthCertificate'),
          upload('evidenceFile', 'Chứng cứ chứng minh quan hệ cha, mẹ, con', 'evidence'),
        ],
      },
      onlineLevel: 'partial',
      resultDocuments: [
        { name: 'Giấy khai sinh (bản chính)' },
        { name: 'Trích lục đăng ký nhận cha, mẹ, con' },
      ],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT },
  }),
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
