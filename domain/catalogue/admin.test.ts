import { describe, expect, it } from 'vitest';
import { SEED_CATALOGUE } from '../../data/catalogue/index.ts';
import { bindingLimit, summariseForAdmin } from './admin.ts';
import { CatalogueEntry } from './entry.ts';
import { changeVersion, publishVersion } from './versioning.ts';

const entry = CatalogueEntry.parse(SEED_CATALOGUE.find((e) => e.procedure.nationalCode === '1.004194'));
const decision = {
  action: 'published',
  number: '1/QĐ-UBND',
  date: '2025-07-01',
  issuer: 'UBND tỉnh',
} as const;
const v1 = publishVersion(entry.version, decision).published; // committed 02 working days

describe('the administration list and the workflow limit', () => {
  it('summarises a procedure with its published version and open draft', () => {
    const draft = changeVersion(v1, { localLimit: { workingDays: 1 } });
    expect(summariseForAdmin(entry.procedure, [draft, v1])).toMatchObject({
      nationalCode: '1.004194',
      published: { version: 1, effectiveFrom: '2025-07-01', limitText: '02 ngày làm việc' },
      draft: { version: 2, effectiveFrom: null, limitText: '01 ngày làm việc' },
    });
    expect(summariseForAdmin(entry.procedure, [entry.version])).toMatchObject({ published: null });
  });

  it('binds workflows to the shorter committed limit of the version in force and the open draft', () => {
    expect(bindingLimit([v1])).toMatchObject({ version: 1, hours: 16, text: '02 ngày làm việc' });
    const shorter = changeVersion(v1, { localLimit: { workingDays: 1 } });
    expect(bindingLimit([shorter, v1])).toMatchObject({ version: 2, status: 'draft', hours: 8 });
    const longer = changeVersion(v1, { localLimit: { workingDays: 3 } });
    expect(bindingLimit([longer, v1])).toMatchObject({ version: 1, status: 'published', hours: 16 });
    expect(bindingLimit([{ ...v1, status: 'abolished' }])).toBeUndefined();
  });
});
