/**
 * What changed between two versions of a procedure, field by field, in the words of the public listing: a
 * shorter committed limit, a fee amount, a checklist item added or removed, a form field made optional. The
 * history screen shows it so that whoever publishes (and whoever audits later) sees the change, not two
 * documents to compare by eye.
 */
import { agencyKindLabel } from '../org/agency.ts';
import { feeAmountText, fieldRulesText } from './describe.ts';
import type { Fee } from './fees.ts';
import type { FormField } from './forms.ts';
import {
  agencyRoleLabel,
  feeNatureLabel,
  feePerLabel,
  fieldTypeLabel,
  procedureLevelLabel,
} from './labels.ts';
import { describeLimit } from './limits.ts';
import {
  documentKindLabel,
  type ImplementingAgency,
  type LegalDocument,
  onlineLevelLabel,
  type RequiredDocument,
  type ResultDocument,
  type VersionContent,
} from './procedure.ts';

export const DIFF_SECTIONS = [
  'general',
  'limits',
  'legalBasis',
  'fees',
  'checklist',
  'form',
  'results',
  'agencies',
] as const;
export type DiffSection = (typeof DIFF_SECTIONS)[number];

export const diffSectionLabel: Record<DiffSection, string> = {
  general: 'Thông tin chung',
  limits: 'Thời hạn giải quyết',
  legalBasis: 'Căn cứ pháp lý',
  fees: 'Phí, lệ phí',
  checklist: 'Thành phần hồ sơ',
  form: 'Biểu mẫu điện tử',
  results: 'Kết quả',
  agencies: 'Cơ quan thực hiện',
};

export type DiffChange = 'added' | 'removed' | 'changed';

export type VersionDiffEntry = {
  section: DiffSection;
  change: DiffChange;
  /** A stable address of what changed, by keys rather than positions: `requiredDocuments.birthCertificate.count`. */
  path: string;
  /** What changed, in Vietnamese: "Thành phần hồ sơ «Giấy chứng sinh» — Số lượng". */
  label: string;
  /** The value before and after, as a person reads it; `null` when there was none. */
  before: string | null;
  after: string | null;
};

/** The parts of a version the diff reads (a whole `ProcedureVersion` will do). */
export type DiffableVersion = Pick<VersionContent, keyof VersionContent>;

const viDate = (iso: string): string => iso.split('-').reverse().join('/');
const yesNo = (b: boolean): string => (b ? 'Có' : 'Không');
const orNull = (s: string | undefined | null): string | null => (s === undefined || s === '' ? null : s);
const two = (n: number): string => String(n).padStart(2, '0');

/** One property of a list item, compared as text. */
type Prop<T> = { key: string; label: string; text: (item: T) => string | null };

type ListSpec<T> = {
  section: DiffSection;
  path: string;
  /** The item's kind as a person names it: "Thành phần hồ sơ", "Khoản phí". */
  noun: string;
  id: (item: T) => string;
  name: (item: T) => string;
  /** The whole item in one line, for an addition or a removal. */
  describe: (item: T) => string;
  props: Prop<T>[];
};

/** Items matched by identity (key, number…), not position: a reordered checklist is not a changed one. */
function diffList<T>(out: VersionDiffEntry[], spec: ListSpec<T>, before: readonly T[], after: readonly T[]) {
  const old = new Map(before.map((item) => [spec.id(item), item]));
  const kept = new Set<string>();
  for (const item of after) {
    const id = spec.id(item);
    const prev = old.get(id);
    const label = `${spec.noun} «${spec.name(item)}»`;
    if (prev === undefined) {
      out.push({
        section: spec.section,
        change: 'added',
        path: `${spec.path}.${id}`,
        label,
        before: null,
        after: spec.describe(item),
      });
      continue;
    }
    kept.add(id);
    for (const prop of spec.props) {
      const [b, a] = [prop.text(prev), prop.text(item)];
      if (b === a) continue;
      out.push({
        section: spec.section,
        change: 'changed',
        path: `${spec.path}.${id}.${prop.key}`,
        label: `${label} — ${prop.label}`,
        before: b,
        after: a,
      });
    }
  }
  for (const item of before) {
    const id = spec.id(item);
    if (kept.has(id)) continue;
    out.push({
      section: spec.section,
      change: 'removed',
      path: `${spec.path}.${id}`,
      label: `${spec.noun} «${spec.name(item)}»`,
      before: spec.describe(item),
      after: null,
    });
  }
}

function diffValue(
  out: VersionDiffEntry[],
  section: DiffSection,
  path: string,
  label: string,
  before: string | null,
  after: string | null,
) {
  if (before === after) return;
  const change: DiffChange = before === null ? 'added' : after === null ? 'removed' : 'changed';
  out.push({ section, change, path, label, before, after });
}

const legalText = (l: LegalDocument): string =>
  `${l.number} ${l.title}${l.issuedOn ? ` ngày ${viDate(l.issuedOn)}` : ''}${l.articles ? ` (${l.articles})` : ''}`;
const kindsText = (d: RequiredDocument): string => d.kinds.map((k) => documentKindLabel[k]).join('; ');
const documentText = (d: RequiredDocument): string =>
  `${d.name} — ${kindsText(d)}; ${two(d.count)} bản; ${d.mandatory ? 'bắt buộc' : 'nếu có'}`;
const feeText = (f: Fee): string => `${feeNatureLabel[f.nature]}: ${f.name} — ${feeAmountText(f)}`;
const fieldText = (f: FormField): string =>
  `${f.label} (${fieldTypeLabel[f.type]}; ${f.required ? 'bắt buộc' : 'không bắt buộc'})`;
const resultText = (r: ResultDocument): string => `${r.name}${r.electronic ? ' (có bản điện tử)' : ''}`;
const agencyText = (a: ImplementingAgency): string =>
  `${a.name} — ${agencyRoleLabel[a.role]} (${procedureLevelLabel[a.level]})`;

/**
 * The changes from `before` to `after` (usually a version and the one before it), in the order of the listing:
 * general, limits, legal basis, fees, checklist, online form, results, agencies. Empty when nothing changed.
 * Decisions, status and effective dates are left out: every version differs there by nature (publishing one ends
 * the previous), and the history shows them on each version.
 */
export function diffVersions(before: DiffableVersion, after: DiffableVersion): VersionDiffEntry[] {
  const out: VersionDiffEntry[] = [];
  diffValue(
    out,
    'general',
    'onlineLevel',
    'Mức độ dịch vụ công trực tuyến',
    onlineLevelLabel[before.onlineLevel],
    onlineLevelLabel[after.onlineLevel],
  );

  const limit = (key: 'legalLimit' | 'localLimit', label: string) =>
    diffValue(out, 'limits', key, label, describeLimit(before[key]), describeLimit(after[key]));
  limit('legalLimit', 'Thời hạn giải quyết theo quy định');
  limit('localLimit', 'Thời hạn cam kết của địa phương');
  diffValue(
    out,
    'limits',
    'limitNote',
    'Ghi chú về thời hạn',
    orNull(before.limitNote),
    orNull(after.limitNote),
  );

  diffList(
    out,
    {
      section: 'legalBasis',
      path: 'legalBasis',
      noun: 'Văn bản',
      id: (l) => l.number,
      name: (l) => l.number,
      describe: legalText,
      props: [
        { key: 'title', label: 'Trích yếu', text: (l) => l.title },
        { key: 'issuedOn', label: 'Ngày ban hành', text: (l) => (l.issuedOn ? viDate(l.issuedOn) : null) },
        { key: 'articles', label: 'Điều, khoản', text: (l) => orNull(l.articles) },
      ],
    },
    before.legalBasis,
    after.legalBasis,
  );

  diffList(
    out,
    {
      section: 'fees',
      path: 'fees',
      noun: 'Khoản thu',
      id: (f) => f.key,
      name: (f) => f.name,
      describe: feeText,
      props: [
        { key: 'name', label: 'Tên', text: (f) => f.name },
        { key: 'nature', label: 'Loại', text: (f) => feeNatureLabel[f.nature] },
        { key: 'per', label: 'Cách tính', text: (f) => feePerLabel[f.per] },
        { key: 'amount', label: 'Mức thu', text: feeAmountText },
        { key: 'condition', label: 'Áp dụng khi', text: (f) => orNull(f.condition) },
        { key: 'freeConditions', label: 'Trường hợp miễn', text: (f) => orNull(f.freeConditions.join('; ')) },
        { key: 'legalBasis', label: 'Căn cứ', text: (f) => orNull(f.legalBasis) },
        { key: 'note', label: 'Ghi chú', text: (f) => orNull(f.note) },
      ],
    },
    before.fees,
    after.fees,
  );
  diffValue(out, 'fees', 'feeNote', 'Ghi chú về phí, lệ phí', orNull(before.feeNote), orNull(after.feeNote));

  diffList(
    out,
    {
      section: 'checklist',
      path: 'requiredDocuments',
      noun: 'Thành phần hồ sơ',
      id: (d) => d.key,
      name: (d) => d.name,
      describe: documentText,
      props: [
        { key: 'name', label: 'Tên giấy tờ', text: (d) => d.name },
        { key: 'kinds', label: 'Loại bản', text: kindsText },
        { key: 'count', label: 'Số lượng', text: (d) => two(d.count) },
        { key: 'mandatory', label: 'Bắt buộc', text: (d) => yesNo(d.mandatory) },
        { key: 'templateFile', label: 'Mẫu đơn, tờ khai', text: (d) => orNull(d.templateFile) },
        { key: 'note', label: 'Ghi chú', text: (d) => orNull(d.note) },
      ],
    },
    before.requiredDocuments,
    after.requiredDocuments,
  );

  const hasForm = (v: DiffableVersion) =>
    v.onlineForm === null ? null : `${v.onlineForm.fields.length} trường`;
  if (before.onlineForm === null || after.onlineForm === null) {
    diffValue(out, 'form', 'onlineForm', 'Biểu mẫu điện tử', hasForm(before), hasForm(after));
  }
  diffList(
    out,
    {
      section: 'form',
      path: 'onlineForm.fields',
      noun: 'Trường',
      id: (f) => f.key,
      name: (f) => f.label,
      describe: fieldText,
      props: [
        { key: 'label', label: 'Nhãn', text: (f) => f.label },
        { key: 'type', label: 'Kiểu', text: (f) => fieldTypeLabel[f.type] },
        { key: 'required', label: 'Bắt buộc', text: (f) => yesNo(f.required) },
        { key: 'help', label: 'Hướng dẫn', text: (f) => orNull(f.help) },
        { key: 'rules', label: 'Ràng buộc', text: fieldRulesText },
      ],
    },
    before.onlineForm?.fields ?? [],
    after.onlineForm?.fields ?? [],
  );

  diffList(
    out,
    {
      section: 'results',
      path: 'resultDocuments',
      noun: 'Kết quả',
      id: (r) => r.name,
      name: (r) => r.name,
      describe: resultText,
      props: [{ key: 'electronic', label: 'Có bản điện tử', text: (r) => yesNo(r.electronic) }],
    },
    before.resultDocuments,
    after.resultDocuments,
  );

  diffList(
    out,
    {
      section: 'agencies',
      path: 'implementingAgencies',
      noun: 'Cơ quan',
      id: (a) => `${a.role}:${a.name}`,
      name: (a) => a.name,
      describe: agencyText,
      props: [
        { key: 'level', label: 'Cấp', text: (a) => procedureLevelLabel[a.level] },
        { key: 'kind', label: 'Loại đơn vị', text: (a) => agencyKindLabel[a.kind] },
      ],
    },
    before.implementingAgencies,
    after.implementingAgencies,
  );
  return out;
}
