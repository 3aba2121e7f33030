import { describe, expect, it } from 'vitest';
import { SEED_CATALOGUE } from '../../data/catalogue/index.ts';
import { feeAmountText, fieldRulesText } from './describe.ts';
import { diffVersions } from './diff.ts';
import { CatalogueEntry } from './entry.ts';
import type { Fee } from './fees.ts';
import { FormField } from './forms.ts';
import { changeVersion, publishVersion } from './versioning.ts';

const seed = (code: string) =>
  CatalogueEntry.parse(SEED_CATALOGUE.find((e) => e.procedure.nationalCode === code)).version;
const decision = {
  action: 'published',
  number: '1/QĐ-UBND',
  date: '2025-07-01',
  issuer: 'UBND tỉnh',
} as const;

describe('the difference between two versions', () => {
  // Đăng ký tạm trú: working-day limits, a fee with an online amount, several checklist items.
  const v1 = publishVersion(seed('1.004194'), decision).published;

  it('is empty between a version and its unchanged copy', () => {
    expect(diffVersions(v1, structuredClone(v1))).toEqual([]);
  });

  it('names a changed limit with both values as the listing prints them', () => {
    const v2 = changeVersion(v1, { localLimit: { workingDays: 1 }, limitNote: 'Cam kết 01 ngày' });
    const diff = diffVersions(v1, v2);
    expect(diff.find((d) => d.path === 'localLimit')).toEqual({
      section: 'limits',
      change: 'changed',
      path: 'localLimit',
      label: 'Thời hạn cam kết của địa phương',
      before: '02 ngày làm việc',
      after: '01 ngày làm việc',
    });
    expect(diff.find((d) => d.path === 'limitNote')).toMatchObject({
      change: 'added',
      after: 'Cam kết 01 ngày',
    });
    // Dates are not content: a new draft has none yet, and that is no change to report.
    expect(diff.map((d) => d.path)).toEqual(['localLimit', 'limitNote']);
  });

  it('matches checklist items by key: added, removed and changed properties, not positions', () => {
    const [first, second, ...rest] = v1.requiredDocuments;
    const v2 = changeVersion(v1, {
      requiredDocuments: [
        { ...second!, count: 2, mandatory: false },
        ...rest,
        { key: 'photo', name: 'Ảnh chân dung', kinds: ['original'], count: 2, mandatory: true },
      ],
    });
    const checklist = diffVersions(v1, v2).filter((d) => d.section === 'checklist');
    expect(checklist).toEqual([
      {
        section: 'checklist',
        change: 'changed',
        path: `requiredDocuments.${second!.key}.count`,
        label: `Thành phần hồ sơ «${second!.name}» — Số lượng`,
        before: '01',
        after: '02',
      },
      expect.objectContaining({
        path: `requiredDocuments.${second!.key}.mandatory`,
        before: 'Có',
        after: 'Không',
      }),
      {
        section: 'checklist',
        change: 'added',
        path: 'requiredDocuments.photo',
        label: 'Thành phần hồ sơ «Ảnh chân dung»',
        before: null,
        after: 'Ảnh chân dung — Bản chính; 02 bản; bắt buộc',
      },
      expect.objectContaining({ change: 'removed', path: `requiredDocuments.${first!.key}`, after: null }),
    ]);
  });

  it('reports fee amounts, added fees and the fee note in Vietnamese money', () => {
    const fee = v1.fees[0]!;
    expect(fee.per).toBe('case');
    const cheaper = { ...fee, amount: 10_000, onlineAmount: 5_000 } as Fee;
    const copy: Fee = {
      key: 'extract',
      name: 'Cấp bản sao trích lục',
      nature: 'fee',
      per: 'copy',
      amount: 8_000,
      freeConditions: [],
    };
    const v2 = changeVersion(v1, { fees: [cheaper, copy], feeNote: 'Miễn cho hộ nghèo' });
    const fees = diffVersions(v1, v2).filter((d) => d.section === 'fees');
    expect(fees.map((d) => [d.change, d.path])).toEqual([
      ['changed', `fees.${fee.key}.amount`],
      ['added', 'fees.extract'],
      [v1.feeNote ? 'changed' : 'added', 'feeNote'],
    ]);
    expect(fees[0]!.after).toBe('10.000 đồng/hồ sơ; trực tuyến 5.000 đồng/hồ sơ');
    expect(fees[1]!.after).toBe('Lệ phí: Cấp bản sao trích lục — 8.000 đồng/bản');
  });

  it('follows the online form field by field, and the form itself appearing or going', () => {
    const form = v1.onlineForm!;
    const [head, ...tail] = form.fields;
    const v2 = changeVersion(v1, {
      onlineForm: {
        fields: [
          { ...head!, required: false, help: 'Ghi đủ họ, chữ đệm, tên' },
          ...tail,
          FormField.parse({
            key: 'reason',
            label: 'Lý do',
            type: 'select',
            options: [{ value: 'work', label: 'Đi làm' }],
          }),
        ],
      },
    });
    const diff = diffVersions(v1, v2).filter((d) => d.section === 'form');
    expect(diff.map((d) => [d.change, d.path, d.after])).toEqual([
      ['changed', `onlineForm.fields.${head!.key}.required`, 'Không'],
      ['changed', `onlineForm.fields.${head!.key}.help`, 'Ghi đủ họ, chữ đệm, tên'],
      ['added', 'onlineForm.fields.reason', 'Lý do (Danh sách chọn; bắt buộc)'],
    ]);
    const offline = changeVersion(v1, { onlineLevel: 'none', onlineForm: null });
    const gone = diffVersions(v1, offline);
    expect(gone.find((d) => d.path === 'onlineForm')).toMatchObject({ change: 'removed', after: null });
    expect(
      gone.filter((d) => d.change === 'removed' && d.path.startsWith('onlineForm.fields.')),
    ).toHaveLength(form.fields.length);
    expect(gone.find((d) => d.path === 'onlineLevel')?.after).toBe('Không cung cấp trực tuyến');
  });

  it('lists results and agencies added or removed', () => {
    const v2 = changeVersion(v1, {
      resultDocuments: [...v1.resultDocuments, { name: 'Văn bản thông báo', electronic: true }],
      implementingAgencies: v1.implementingAgencies.slice(0, 1),
    });
    const diff = diffVersions(v1, v2);
    expect(diff.find((d) => d.section === 'results')).toMatchObject({
      change: 'added',
      after: 'Văn bản thông báo (có bản điện tử)',
    });
    expect(diff.filter((d) => d.section === 'agencies' && d.change === 'removed')).toHaveLength(
      v1.implementingAgencies.length - 1,
    );
  });
});

describe('texts of fee amounts and field rules', () => {
  it('prints page tiers with their minimum and cap', () => {
    const fee: Fee = {
      key: 'copy',
      name: 'Chứng thực bản sao',
      nature: 'fee',
      per: 'page',
      tiers: [
        { fromPage: 1, amount: 2_000 },
        { fromPage: 3, amount: 1_000 },
      ],
      maxPerCopy: 200_000,
      freeConditions: [],
    };
    expect(feeAmountText(fee)).toBe(
      'từ trang 1: 2.000 đồng/trang; từ trang 3: 1.000 đồng/trang; tối đa 200.000 đồng/bản',
    );
  });

  it('prints the rules of a field, or nothing when its type says it all', () => {
    expect(
      fieldRulesText(FormField.parse({ key: 'd', label: 'Ngày sinh', type: 'date', notFuture: true })),
    ).toBe('không sau ngày nộp');
    expect(
      fieldRulesText(FormField.parse({ key: 'c', label: 'Số định danh', type: 'citizenId' })),
    ).toBeNull();
  });
});
