/**
 * Cư trú (residence), handled by the commune police (Công an cấp xã): Luật Cư trú 2020, Nghị định 154/2024/NĐ-CP,
 * Thông tư 55/2021/TT-BCA. Fees: Thông tư 75/2022/TT-BTC (lower when filed online).
 */
import type { CatalogueEntryInput } from '../../domain/catalogue/index.ts';
import { AGENCIES, applicantFields, type DocumentInput, entry, LAWS, POLICE, upload } from './helpers.ts';

const UNIT = 'Cán bộ đăng ký, quản lý cư trú';
const APPROVER = 'Trưởng Công an cấp xã';
const agencies = [AGENCIES.communeCentre, AGENCIES.communePolice];
const flow = { unit: UNIT, approver: APPROVER, agency: POLICE };
const codeConfirm = (code: string) => ({
  field: 'nationalCode',
  note: `Mã ${code} chưa đối chiếu với Cơ sở dữ liệu quốc gia về TTHC (Bộ Công an).`,
});
const feeConfirm = {
  field: 'fees',
  note: 'Mức lệ phí theo Thông tư 75/2022/TT-BTC như đã biết; kiểm tra các văn bản giảm lệ phí còn hiệu lực.',
};
const localConfirm = {
  field: 'localLimit',
  note: 'Thời hạn rút ngắn là giá trị mẫu; dùng mức do Công an tỉnh công bố.',
};
const form = (...extra: Parameters<typeof upload>[]) => ({
  fields: [...applicantFields('Người đăng ký'), ...extra.map((args) => upload(...args))],
});
const declaration: DocumentInput = {
  key: 'declaration',
  name: 'Tờ khai thay đổi thông tin cư trú (CT01)',
  kinds: ['original', 'electronic'],
  templateFile: 'Mẫu CT01',
};

export const RESIDENCE: CatalogueEntryInput[] = [
  entry({
    code: '1.004222',
    name: 'Đăng ký thường trú',
    sector: 'residence',
    confirm: [
      feeConfirm,
      localConfirm,
      { field: 'legalBasis', note: 'Mẫu CT01: ghi thông tư ban hành biểu mẫu cư trú hiện hành.' },
    ],
    version: {
      legalBasis: [
        LAWS.residenceLaw('Điều 20–22'),
        LAWS.residenceDecree(),
        LAWS.residenceCircular(),
        LAWS.residenceFees(),
      ],
      // Luật Cư trú art. 22(3): 7 working days.
      legalLimit: { workingDays: 7 },
      localLimit: { workingDays: 4 },
      fees: [
        {
          key: 'permanent',
          name: 'Lệ phí đăng ký thường trú',
          per: 'case',
          amount: 20_000,
          onlineAmount: 10_000,
          freeConditions: [
            'Các trường hợp miễn theo Thông tư 75/2022/TT-BTC (trẻ em, người cao tuổi, người khuyết tật, hộ nghèo…)',
          ],
        },
      ],
      requiredDocuments: [
        declaration,
        {
          key: 'lawfulResidence',
          name: 'Giấy tờ, tài liệu chứng minh việc sở hữu chỗ ở hợp pháp hoặc được chủ hộ, chủ sở hữu đồng ý',
          kinds: ['certifiedCopy', 'photocopy', 'electronic'],
        },
      ],
      onlineForm: form(['lawfulResidenceFile', 'Giấy tờ chứng minh chỗ ở hợp pháp', 'lawfulResidence']),
      onlineLevel: 'full',
      resultDocuments: [{ name: 'Thông báo kết quả đăng ký thường trú', electronic: true }],
      implementingAgencies: agencies,
    },
    workflow: flow,
  }),
  entry({
    code: '1.004194',
    name: 'Đăng ký tạm trú',
    sector: 'residence',
    confirm: [feeConfirm, localConfirm],
    version: {
      legalBasis: [
        LAWS.residenceLaw('Điều 27–28'),
        LAWS.residenceDecree(),
        LAWS.residenceCircular(),
        LAWS.residenceFees(),
      ],
      // Luật Cư trú art. 28(3): 3 working days.
      legalLimit: { workingDays: 3 },
      localLimit: { workingDays: 2 },
      fees: [
        {
          key: 'temporary',
          name: 'Lệ phí đăng ký tạm trú',
          per: 'case',
          amount: 15_000,
          onlineAmount: 7_000,
        },
      ],
      requiredDocuments: [
        declaration,
        {
          key: 'lawfulResidence',
          name: 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp',
          kinds: ['certifiedCopy', 'photocopy', 'electronic'],
        },
      ],
      onlineForm: form(['lawfulResidenceFile', 'Giấy tờ chứng minh chỗ ở hợp pháp', 'lawfulResidence']),
      onlineLevel: 'full',
      resultDocuments: [{ name: 'Thông báo kết quả đăng ký tạm trú', electronic: true }],
      implementingAgencies: agencies,
    },
    workflow: flow,
  }),
  entry({
    code: '1.004206',
    name: 'Gia hạn tạm trú',
    sector: 'residence',
    confirm: [codeConfirm('1.004206'), feeConfirm, localConfirm],
    version: {
      legalBasis: [
        LAWS.residenceLaw('Điều 28'),
        LAWS.residenceDecree(),
        LAWS.residenceCircular(),
        LAWS.residenceFees(),
      ],
      // Luật Cư trú art. 28(4): renewal handled like registration, 3 working days.
      legalLimit: { workingDays: 3 },
      localLimit: { workingDays: 2 },
      fees: [
        { key: 'renewal', name: 'Lệ phí gia hạn tạm trú', per: 'case', amount: 10_000, onlineAmount: 5_000 },
      ],
      requiredDocuments: [declaration],
      onlineForm: form(),
      onlineLevel: 'full',
      resultDocuments: [{ name: 'Thông báo kết quả gia hạn tạm trú', electronic: true }],
      implementingAgencies: agencies,
    },
    workflow: flow,
  }),
  entry({
    code: '1.004234',
    name: 'Tách hộ',
    sector: 'residence',
    confirm: [codeConfirm('1.004234'), feeConfirm, localConfirm],
    version: {
      legalBasis: [
        LAWS.residenceLaw('Điều 25'),
        LAWS.residenceDecree(),
        LAWS.residenceCircular(),
        LAWS.residenceFees(),
      ],
      // Luật Cư trú art. 25(3): 5 working days.
      legalLimit: { workingDays: 5 },
      localLimit: { workingDays: 3 },
      fees: [{ key: 'split', name: 'Lệ phí tách hộ', per: 'case', amount: 10_000, onlineAmount: 5_000 }],
      requiredDocuments: [
        { ...declaration, note: 'Ghi rõ ý kiến đồng ý của chủ hộ (trừ trường hợp đã có văn bản đồng ý).' },
      ],
      onlineForm: form(),
      onlineLevel: 'full',
      resultDocuments: [{ name: 'Thông báo kết quả tách hộ', electronic: true }],
      implementingAgencies: agencies,
    },
    workflow: flow,
  }),
  entry({
    code: '1.004216',
    name: 'Khai báo tạm vắng',
    sector: 'residence',
    confirm: [
      codeConfirm('1.004216'),
      {
        field: 'legalLimit',
        note: 'Luật Cư trú Điều 31: 01 ngày làm việc, phức tạp không quá 02 ngày làm việc — đối chiếu văn bản.',
      },
    ],
    version: {
      legalBasis: [LAWS.residenceLaw('Điều 31'), LAWS.residenceDecree(), LAWS.residenceCircular()],
      legalLimit: { workingDays: 1 },
      // One working day cannot be shortened by a meaningful whole unit; committed as 6 working hours.
      localLimit: { workingHours: 6 },
      limitNote: 'Trường hợp phức tạp: không quá 02 ngày làm việc.',
      fees: [],
      feeNote: 'Không thu lệ phí.',
      requiredDocuments: [
        {
          key: 'declaration',
          name: 'Tờ khai thay đổi thông tin cư trú (CT01) hoặc đề nghị khai báo tạm vắng',
          kinds: ['original', 'electronic'],
        },
      ],
      onlineForm: {
        fields: [
          ...applicantFields('Người khai báo'),
          { key: 'from', label: 'Vắng mặt từ ngày', type: 'date' },
          { key: 'to', label: 'Đến ngày', type: 'date' },
          { key: 'destination', label: 'Nơi đến', type: 'text', maxLength: 300 },
          { key: 'reason', label: 'Lý do tạm vắng', type: 'text', maxLength: 500 },
        ],
      },
      onlineLevel: 'full',
      resultDocuments: [{ name: 'Phiếu khai báo tạm vắng', electronic: true }],
      implementingAgencies: agencies,
    },
    workflow: flow,
  }),
];
