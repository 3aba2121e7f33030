/** Where a server message about a version belongs: which editor tab, and how to name the place in Vietnamese. */

export const EDITOR_TABS = ['general', 'fees', 'checklist', 'form', 'results', 'agencies'] as const;
export type EditorTab = (typeof EDITOR_TABS)[number];

export const editorTabLabel: Record<EditorTab, string> = {
  general: 'Thông tin chung',
  fees: 'Phí, lệ phí',
  checklist: 'Thành phần hồ sơ',
  form: 'Biểu mẫu điện tử',
  results: 'Kết quả',
  agencies: 'Cơ quan thực hiện',
};

const tabOfRoot: Record<string, EditorTab> = {
  fees: 'fees',
  feeNote: 'fees',
  requiredDocuments: 'checklist',
  onlineForm: 'form',
  resultDocuments: 'results',
  implementingAgencies: 'agencies',
};

export const tabOfPath = (path: string): EditorTab => tabOfRoot[path.split('.')[0] ?? ''] ?? 'general';

const rootLabel: Record<string, string> = {
  effectiveFrom: 'Ngày có hiệu lực',
  effectiveTo: 'Ngày hết hiệu lực',
  legalBasis: 'Căn cứ pháp lý',
  legalLimit: 'Thời hạn theo quy định',
  localLimit: 'Thời hạn cam kết',
  limitNote: 'Ghi chú về thời hạn',
  onlineLevel: 'Mức độ trực tuyến',
  fees: 'Khoản thu',
  feeNote: 'Ghi chú về phí, lệ phí',
  requiredDocuments: 'Thành phần hồ sơ',
  onlineForm: 'Biểu mẫu điện tử',
  fields: 'trường',
  resultDocuments: 'Kết quả',
  implementingAgencies: 'Cơ quan thực hiện',
  confirm: 'Ghi chú cần xác minh',
};

const fieldLabel: Record<string, string> = {
  name: 'tên',
  number: 'số hiệu',
  title: 'trích yếu',
  issuedOn: 'ngày ban hành',
  articles: 'điều, khoản',
  key: 'mã',
  kinds: 'loại bản',
  count: 'số lượng',
  templateFile: 'mẫu đơn, tờ khai',
  note: 'ghi chú',
  amount: 'mức thu',
  onlineAmount: 'mức thu trực tuyến',
  tiers: 'bậc trang',
  onlineTiers: 'bậc trang trực tuyến',
  fromPage: 'từ trang',
  minPerCopy: 'mức tối thiểu',
  maxPerCopy: 'mức tối đa',
  condition: 'điều kiện áp dụng',
  freeConditions: 'trường hợp miễn',
  legalBasis: 'căn cứ',
  label: 'nhãn',
  options: 'lựa chọn',
  value: 'giá trị',
  help: 'hướng dẫn',
  requiredDocumentKey: 'thành phần hồ sơ',
  maxLength: 'độ dài tối đa',
  minLength: 'độ dài tối thiểu',
  role: 'vai trò',
  level: 'cấp',
  kind: 'loại',
  electronic: 'bản điện tử',
  workingDays: 'số ngày',
  workingHours: 'số giờ',
  calendarDays: 'số ngày',
};

/** `requiredDocuments.2.name` → "Thành phần hồ sơ 3, tên"; `onlineForm.fields.0.label` → "Biểu mẫu điện tử, trường 1, nhãn". */
export const describePath = (path: string): string => {
  const parts = path.split('.').filter((p) => p !== '');
  const out: string[] = [];
  parts.forEach((part, i) => {
    if (/^\d+$/.test(part)) {
      const n = String(Number(part) + 1);
      if (out.length > 0) out[out.length - 1] = `${out[out.length - 1]} ${n}`;
      return;
    }
    out.push(i === 0 ? (rootLabel[part] ?? part) : (rootLabel[part] ?? fieldLabel[part] ?? part));
  });
  return out.join(', ');
};
