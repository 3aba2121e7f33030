/**
 * Chứng thực (certification) at the commune: Nghị định 23/2015/NĐ-CP, Thông tư 01/2020/TT-BTP; fees of
 * Thông tư 226/2016/TT-BTC. Time limits: Nghị định 23/2015 art. 7 — the same day (next working day when
 * received after 15:00); contracts and transactions at most 2 working days.
 */
import type { CatalogueEntryInput } from '../../domain/catalogue/index.ts';
import { AGENCIES, applicantFields, entry, type FormInput, LAWS, upload } from './helpers.ts';

const UNIT = 'Công chức Tư pháp - Hộ tịch';
const SIGNER = 'Chủ tịch hoặc Phó Chủ tịch Ủy ban nhân dân cấp xã';
const agencies = [AGENCIES.communeCentre, AGENCIES.communeCommittee];
const codeConfirm = (code: string) => ({
  field: 'nationalCode',
  note: `Mã ${code} chưa đối chiếu với Cơ sở dữ liệu quốc gia về TTHC.`,
});
const basis = () => [
  LAWS.certificationDecree('Điều 7'),
  LAWS.certificationCircular(),
  LAWS.certificationFees(),
];
// Thông tư 226/2016/TT-BTC: 2,000 đ/page for pages 1–2, 1,000 đ/page from page 3, at most 200,000 đ per copy.
const perPage = {
  tiers: [
    { fromPage: 1, amount: 2000 },
    { fromPage: 3, amount: 1000 },
  ],
  maxPerCopy: 200_000,
};
const contractForm: FormInput = {
  fields: [
    ...applicantFields(),
    { key: 'contractKind', label: 'Loại hợp đồng, giao dịch', type: 'text', maxLength: 300 },
    { key: 'parties', label: 'Số bên tham gia', type: 'number', integer: true, min: 2, max: 50 },
    upload('draftFile', 'Dự thảo hợp đồng, giao dịch', 'draft'),
  ],
};

export const CERTIFICATION: CatalogueEntryInput[] = [
  entry({
    code: '2.000815',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    sector: 'certification',
    confirm: [
      {
        field: 'onlineLevel',
        note: 'Mức trực tuyến "một phần" theo thực tế nhiều tỉnh: người yêu cầu vẫn xuất trình bản chính.',
      },
    ],
    version: {
      legalBasis: basis(),
      legalLimit: { sameDay: true },
      localLimit: { sameDay: true },
      fees: [
        {
          key: 'copyCertification',
          name: 'Phí chứng thực bản sao từ bản chính',
          nature: 'charge',
          per: 'page',
          ...perPage,
        },
      ],
      requiredDocuments: [
        { key: 'original', name: 'Bản chính giấy tờ, văn bản làm cơ sở chứng thực', kinds: ['original'] },
        {
          key: 'copy',
          name: 'Bản sao cần chứng thực',
          kinds: ['photocopy'],
          note: 'Nếu người yêu cầu chỉ xuất trình bản chính, cơ quan chụp từ bản chính.',
        },
      ],
      onlineForm: {
        fields: [
          ...applicantFields(),
          { key: 'documentName', label: 'Tên giấy tờ, văn bản', type: 'text', maxLength: 300 },
          { key: 'pages', label: 'Số trang', type: 'number', integer: true, min: 1, max: 1000 },
          { key: 'copies', label: 'Số bản sao', type: 'number', integer: true, min: 1, max: 100 },
          upload('copyFile', 'Bản chụp giấy tờ', 'copy'),
        ],
      },
      onlineLevel: 'partial',
      resultDocuments: [{ name: 'Bản sao được chứng thực từ bản chính' }],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT, approver: SIGNER },
  }),
  entry({
    code: '2.000884',
    name: 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cả chứng thực điểm chỉ và khi người yêu cầu không ký, không điểm chỉ được)',
    sector: 'certification',
    confirm: [codeConfirm('2.000884')],
    version: {
      legalBasis: basis(),
      legalLimit: { sameDay: true },
      localLimit: { sameDay: true },
      fees: [
        {
          key: 'signature',
          name: 'Phí chứng thực chữ ký',
          nature: 'charge',
          per: 'case',
          amount: 10_000,
          note: 'Một trường hợp là một hoặc nhiều chữ ký trong cùng một giấy tờ, văn bản.',
        },
      ],
      requiredDocuments: [
        { key: 'document', name: 'Giấy tờ, văn bản cần chứng thực chữ ký', kinds: ['original'] },
        { key: 'identity', name: 'Giấy tờ tùy thân còn giá trị sử dụng (xuất trình)', kinds: ['original'] },
      ],
      onlineForm: null,
      // The signature is made in front of the certifying officer.
      onlineLevel: 'none',
      resultDocuments: [{ name: 'Giấy tờ, văn bản đã được chứng thực chữ ký' }],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT, approver: SIGNER },
  }),
  entry({
    code: '2.001035',
    name: 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở',
    sector: 'certification',
    confirm: [codeConfirm('2.001035')],
    version: {
      legalBasis: basis(),
      // Nghị định 23/2015 art. 7(2): at most 2 working days (longer only by written agreement).
      legalLimit: { workingDays: 2 },
      localLimit: { workingDays: 1 },
      fees: [
        {
          key: 'contract',
          name: 'Phí chứng thực hợp đồng, giao dịch',
          nature: 'charge',
          per: 'case',
          amount: 50_000,
        },
      ],
      requiredDocuments: [
        { key: 'draft', name: 'Dự thảo hợp đồng, giao dịch', kinds: ['original', 'electronic'] },
        {
          key: 'identity',
          name: 'Giấy tờ tùy thân còn giá trị sử dụng của người yêu cầu',
          kinds: ['photocopy'],
        },
        {
          key: 'ownership',
          name: 'Giấy chứng nhận quyền sở hữu, quyền sử dụng hoặc giấy tờ thay thế',
          kinds: ['photocopy'],
          note: 'Đối với tài sản phải đăng ký quyền sở hữu, quyền sử dụng.',
        },
      ],
      onlineForm: contractForm,
      onlineLevel: 'partial',
      resultDocuments: [{ name: 'Hợp đồng, giao dịch đã được chứng thực' }],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT, approver: SIGNER },
  }),
  entry({
    code: '2.000913',
    name: 'Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch',
    sector: 'certification',
    confirm: [codeConfirm('2.000913')],
    version: {
      legalBasis: basis(),
      legalLimit: { workingDays: 2 },
      localLimit: { workingDays: 1 },
      fees: [
        {
          key: 'amendment',
          name: 'Phí chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch',
          nature: 'charge',
          per: 'case',
          amount: 30_000,
        },
      ],
      requiredDocuments: [
        {
          key: 'draft',
          name: 'Dự thảo văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch',
          kinds: ['original', 'electronic'],
        },
        { key: 'contract', name: 'Hợp đồng, giao dịch đã được chứng thực', kinds: ['original'] },
        { key: 'identity', name: 'Giấy tờ tùy thân còn giá trị sử dụng của các bên', kinds: ['photocopy'] },
      ],
      onlineForm: contractForm,
      onlineLevel: 'partial',
      resultDocuments: [{ name: 'Văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch đã được chứng thực' }],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT, approver: SIGNER },
  }),
  entry({
    code: '2.000927',
    name: 'Sửa lỗi sai sót trong hợp đồng, giao dịch đã được chứng thực',
    sector: 'certification',
    confirm: [
      codeConfirm('2.000927'),
      {
        field: 'legalLimit',
        note: 'Ghi "trong ngày" theo Nghị định 23/2015 Điều 7(1); chưa đối chiếu quyết định công bố.',
      },
    ],
    version: {
      legalBasis: basis(),
      legalLimit: { sameDay: true },
      localLimit: { sameDay: true },
      fees: [
        {
          key: 'correction',
          name: 'Phí sửa lỗi sai sót trong hợp đồng, giao dịch',
          nature: 'charge',
          per: 'case',
          amount: 25_000,
        },
      ],
      requiredDocuments: [
        {
          key: 'contract',
          name: 'Hợp đồng, giao dịch đã được chứng thực có lỗi sai sót',
          kinds: ['original'],
        },
        { key: 'identity', name: 'Giấy tờ tùy thân còn giá trị sử dụng của các bên', kinds: ['photocopy'] },
      ],
      onlineForm: null,
      onlineLevel: 'none',
      resultDocuments: [{ name: 'Hợp đồng, giao dịch đã được sửa lỗi sai sót' }],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT, approver: SIGNER },
  }),
  entry({
    code: '2.000942',
    name: 'Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực',
    sector: 'certification',
    confirm: [codeConfirm('2.000942')],
    version: {
      legalBasis: basis(),
      legalLimit: { sameDay: true },
      localLimit: { sameDay: true },
      fees: [
        {
          key: 'contractCopy',
          name: 'Phí cấp bản sao có chứng thực hợp đồng, giao dịch',
          nature: 'charge',
          per: 'page',
          ...perPage,
        },
      ],
      requiredDocuments: [
        {
          key: 'request',
          name: 'Văn bản yêu cầu cấp bản sao (nêu hợp đồng, giao dịch đã chứng thực)',
          kinds: ['original', 'electronic'],
        },
        { key: 'identity', name: 'Giấy tờ tùy thân còn giá trị sử dụng', kinds: ['photocopy'] },
      ],
      onlineForm: {
        fields: [
          ...applicantFields(),
          {
            key: 'contractReference',
            label: 'Số chứng thực, ngày chứng thực hợp đồng',
            type: 'text',
            maxLength: 200,
          },
          { key: 'copies', label: 'Số bản sao', type: 'number', integer: true, min: 1, max: 100 },
        ],
      },
      onlineLevel: 'partial',
      resultDocuments: [{ name: 'Bản sao có chứng thực hợp đồng, giao dịch' }],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT, approver: SIGNER },
  }),
];
