/**
 * Bảo trợ xã hội (social protection): Nghị định 20/2021/NĐ-CP as amended by Nghị định 76/2024/NĐ-CP. Since
 * 1 July 2025 the commune decides what the district used to; the published time limits of the two-tier
 * procedures were not read here, so the limits are marked [confirm].
 */
import type { CatalogueEntryInput } from '../../domain/catalogue/index.ts';
import { AGENCIES, applicantFields, entry, LAWS, person, upload } from './helpers.ts';

const UNIT = 'Công chức Văn hóa - Xã hội';
const agencies = [AGENCIES.communeCentre, AGENCIES.communeCommittee];

export const SOCIAL_PROTECTION: CatalogueEntryInput[] = [
  entry({
    code: '1.001776',
    name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng',
    sector: 'socialProtection',
    confirm: [
      { field: 'nationalCode', note: 'Mã 1.001776 chưa đối chiếu với Cơ sở dữ liệu quốc gia về TTHC.' },
      {
        field: 'legalLimit',
        note: 'Ghi 12 ngày làm việc = xét duyệt cấp xã 07 + niêm yết 02 + quyết định 03 (Nghị định 20/2021 Điều 8, sau phân cấp từ 01/7/2025): ước tính, phải đối chiếu quyết định công bố của tỉnh.',
      },
    ],
    version: {
      legalBasis: [LAWS.socialAidDecree('Điều 5–8'), LAWS.socialAidAmendment()],
      legalLimit: { workingDays: 12 },
      localLimit: { workingDays: 8 },
      fees: [],
      feeNote: 'Không thu phí, lệ phí.',
      requiredDocuments: [
        {
          key: 'declaration',
          name: 'Tờ khai đề nghị trợ giúp xã hội',
          kinds: ['original', 'electronic'],
          templateFile: 'Mẫu tờ khai ban hành kèm Nghị định 20/2021/NĐ-CP',
        },
        {
          key: 'evidence',
          name: 'Giấy tờ chứng minh thuộc đối tượng (giấy xác nhận khuyết tật, quyết định, giấy tờ liên quan)',
          kinds: ['certifiedCopy', 'photocopy', 'electronic'],
          mandatory: false,
        },
      ],
      onlineForm: {
        fields: [
          ...applicantFields(),
          ...person('beneficiary', 'người hưởng trợ cấp'),
          {
            key: 'group',
            label: 'Nhóm đối tượng',
            type: 'select',
            options: [
              { value: 'orphan', label: 'Trẻ em mồ côi, không có nguồn nuôi dưỡng' },
              { value: 'elderly', label: 'Người cao tuổi' },
              { value: 'disabled', label: 'Người khuyết tật nặng, đặc biệt nặng' },
              { value: 'singleParent', label: 'Người đơn thân nghèo đang nuôi con' },
              { value: 'hiv', label: 'Người nhiễm HIV/AIDS thuộc hộ nghèo' },
              { value: 'other', label: 'Đối tượng khác theo quy định' },
            ],
          },
          {
            key: 'request',
            label: 'Đề nghị',
            type: 'select',
            options: [
              { value: 'start', label: 'Hưởng trợ cấp' },
              { value: 'adjust', label: 'Điều chỉnh' },
              { value: 'stop', label: 'Thôi hưởng' },
            ],
          },
          upload('evidenceFile', 'Giấy tờ chứng minh thuộc đối tượng', 'evidence', false),
        ],
      },
      onlineLevel: 'partial',
      resultDocuments: [{ name: 'Quyết định trợ cấp xã hội hằng tháng của Chủ tịch Ủy ban nhân dân cấp xã' }],
      implementingAgencies: agencies,
    },
    workflow: {
      unit: UNIT,
      approver: 'Chủ tịch Ủy ban nhân dân cấp xã',
      middle: [
        {
          key: 'council',
          name: 'Hội đồng xét duyệt; niêm yết công khai kết quả 02 ngày làm việc',
          kind: 'appraisal',
          role: 'specialist',
          unit: 'Hội đồng xét duyệt trợ giúp xã hội cấp xã',
          budgetHours: 24,
          next: ['approve'],
          sendBack: ['appraise'],
        },
      ],
    },
  }),
  entry({
    code: '1.001731',
    name: 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội',
    sector: 'socialProtection',
    confirm: [
      { field: 'nationalCode', note: 'Mã 1.001731 chưa đối chiếu với Cơ sở dữ liệu quốc gia về TTHC.' },
      {
        field: 'legalLimit',
        note: 'Ghi 03 ngày làm việc (Nghị định 20/2021 Điều 11 như đã sửa đổi): chưa đọc văn bản.',
      },
      {
        field: 'resultDocuments',
        note: 'Mức hỗ trợ mai táng theo mức chuẩn trợ giúp xã hội hiện hành của tỉnh.',
      },
    ],
    version: {
      legalBasis: [LAWS.socialAidDecree('Điều 11'), LAWS.socialAidAmendment()],
      legalLimit: { workingDays: 3 },
      localLimit: { workingDays: 2 },
      fees: [],
      feeNote: 'Không thu phí, lệ phí.',
      requiredDocuments: [
        {
          key: 'request',
          name: 'Tờ khai đề nghị hỗ trợ chi phí mai táng',
          kinds: ['original', 'electronic'],
        },
        {
          key: 'deathExtract',
          name: 'Trích lục khai tử hoặc giấy báo tử',
          kinds: ['certifiedCopy', 'photocopy', 'electronic'],
        },
      ],
      onlineForm: {
        fields: [
          ...applicantFields('Người tổ chức mai táng'),
          ...person('deceased', 'người chết'),
          { key: 'deathDate', label: 'Ngày chết', type: 'date', notFuture: true },
          upload('deathExtractFile', 'Trích lục khai tử', 'deathExtract'),
        ],
      },
      onlineLevel: 'partial',
      resultDocuments: [{ name: 'Quyết định hỗ trợ chi phí mai táng' }],
      implementingAgencies: agencies,
    },
    workflow: { unit: UNIT, approver: 'Chủ tịch Ủy ban nhân dân cấp xã' },
  }),
];
