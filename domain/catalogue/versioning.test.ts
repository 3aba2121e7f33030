import { describe, expect, it } from 'vitest';
import { SEED_CATALOGUE } from '../../data/catalogue/index.ts';
import { CatalogueEntry } from './entry.ts';
import { ProcedureVersion } from './procedure.ts';
import { assertEditable, changeVersion, publishVersion, VersionNotEditableError } from './versioning.ts';

const seed = (code: string) =>
  CatalogueEntry.parse(SEED_CATALOGUE.find((e) => e.procedure.nationalCode === code)).version;
const decision = {
  action: 'published',
  number: '1234/QĐ-UBND',
  date: '2025-07-01',
  issuer: 'Chủ tịch UBND tỉnh',
} as const;

describe('procedure versions are immutable once published', () => {
  const draft = seed('1.004222');
  const { published } = publishVersion(draft, decision);

  it('publishes a draft by a decision, effective from its date', () => {
    expect(published.status).toBe('published');
    expect(published.effectiveFrom).toBe('2025-07-01');
    expect(published.decisions).toEqual([decision]);
    expect(draft.status).toBe('draft'); // the input is not mutated
  });

  it('lets a draft be edited but not a published version', () => {
    expect(() => assertEditable(draft)).not.toThrow();
    expect(() => assertEditable(published)).toThrow(VersionNotEditableError);
    expect(() => assertEditable(published)).toThrow(
      'Phiên bản 1 của thủ tục 1.004222 đang ở trạng thái «Đã công bố», không được sửa',
    );
  });

  it('turns a change to a published version into a new draft, leaving the published one untouched', () => {
    const next = changeVersion(published, { localLimit: { workingDays: 3 } });
    expect(next).toMatchObject({
      version: 2,
      status: 'draft',
      decisions: [],
      effectiveFrom: null,
      localLimit: { workingDays: 3 },
    });
    expect(published.localLimit).toEqual({ workingDays: 4 });
    expect(published.status).toBe('published');
  });

  it('edits a draft in place (same number), and re-validates local ≤ legal', () => {
    expect(changeVersion(draft, { localLimit: { workingDays: 5 } })).toMatchObject({
      version: 1,
      localLimit: { workingDays: 5 },
    });
    expect(() => changeVersion(draft, { localLimit: { workingDays: 8 } })).toThrow(
      /Thời hạn cam kết \(08 ngày làm việc\) không được dài hơn thời hạn luật định \(07 ngày làm việc\)/,
    );
  });

  it('supersedes the previous version the day before the new one takes effect', () => {
    const v2 = changeVersion(published, { localLimit: { workingDays: 3 } });
    const amend = { ...decision, action: 'amended', number: '99/QĐ-UBND', date: '2026-01-01' } as const;
    const r = publishVersion(v2, amend, { previous: published });
    expect(r.published).toMatchObject({ version: 2, status: 'published', effectiveFrom: '2026-01-01' });
    expect(r.superseded).toMatchObject({ version: 1, status: 'superseded', effectiveTo: '2025-12-31' });
    expect(r.superseded?.decisions.at(-1)).toMatchObject({ action: 'replaced', number: '99/QĐ-UBND' });
    expect(() => changeVersion(r.superseded!, { feeNote: 'x' })).toThrow(VersionNotEditableError);
  });
});

describe('ProcedureVersion rules', () => {
  const base = seed('1.001193');

  it('refuses a local limit longer than the legal one, including across kinds', () => {
    const r = ProcedureVersion.safeParse({ ...base, localLimit: { workingDays: 1 } });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'localLimit',
        'Thời hạn cam kết (01 ngày làm việc) không được dài hơn thời hạn luật định (Trong ngày (tiếp nhận sau 15 giờ: trả trong ngày làm việc tiếp theo))',
      ],
    ]);
    expect(ProcedureVersion.safeParse({ ...base, localLimit: { workingHours: 6 } }).success).toBe(true);
  });

  it('requires a decision and an effective date once published, and a decision to abolish', () => {
    const issues = (v: unknown) => ProcedureVersion.safeParse(v).error?.issues.map((i) => i.message) ?? [];
    expect(issues({ ...base, status: 'published' })).toEqual([
      'Phiên bản đã công bố phải có ngày hiệu lực',
      'Phiên bản đã công bố phải có quyết định công bố',
    ]);
    expect(
      issues({ ...base, status: 'abolished', effectiveFrom: '2025-07-01', decisions: [decision] }),
    ).toEqual(['Thủ tục bị bãi bỏ phải có quyết định bãi bỏ']);
  });

  it('refuses a bad national code, duplicate checklist keys and an upload linked to no checklist item', () => {
    expect(ProcedureVersion.safeParse({ ...base, nationalCode: '1.1193' }).error?.issues[0]?.message).toBe(
      'Mã thủ tục phải có dạng 1.001193',
    );
    const docs = [...base.requiredDocuments, base.requiredDocuments[0]!];
    expect(ProcedureVersion.safeParse({ ...base, requiredDocuments: docs }).error?.issues[0]?.message).toBe(
      'Mã thành phần hồ sơ bị trùng: declaration',
    );
    const onlyDeclaration = base.requiredDocuments.slice(0, 1);
    expect(
      ProcedureVersion.safeParse({ ...base, requiredDocuments: onlyDeclaration }).error?.issues[0]?.message,
    ).toBe('Không có thành phần hồ sơ mã birthCertificate');
  });
});
