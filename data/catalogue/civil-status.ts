/**
 * Hộ tịch (civil status) at the commune: Luật Hộ tịch 2014, Nghị định 123/2015/NĐ-CP, Thông tư 04/2020/TT-BTP.
 * Fees: exempt cases in Luật Hộ tịch art. 11; other amounts are set by each provincial council (Thông tư
 * 85/2019/TT-BTC), so they are left to the province (feeNote) rather than guessed.
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
import { applicantFields, entry, GENDER, LAWS, person, upload } from './helpers.ts';

export const CIVIL_STATUS_REGISTRATION: CatalogueEntryInput[] = [
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
];
