import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.ts';
import { agencies } from '../../db/schema.ts';
import { make } from '../../test/factories.ts';
import { makeTestApp, type TestApp } from '../../test/harness.ts';
import { importUnits } from './import-units.ts';

let t: TestApp;
let ctx: Ctx;
beforeAll(async () => {
  t = await makeTestApp();
  await make.agency(t.db, { name: 'Thành phố Hà Nội', kind: 'province', gsoCode: '01' });
  ctx = { db: t.db, actor: null, clock: t.clock, log: t.app.log, requestId: 'test' };
});
afterAll(() => t.close());

// Rows in the layout of the GSO list 1027/CTK-CSCL (written here by hand, not copied from the list).
const good = [
  'stt,ma_xa,ten_xa,tinh',
  '1,00070,"Phường Hoàn Kiếm","Thành phố Hà Nội"',
  '2,00082,"Phường Cửa Nam","Thành phố Hà Nội"',
  '3,09715,"Xã Phúc Thọ","Thành phố Hà Nội"',
].join('\n');

const communes = async () =>
  (await t.db.select().from(agencies).where(eq(agencies.kind, 'commune'))).map((a) => [
    a.gsoCode,
    a.name,
    a.localKind,
  ]);

describe('import of communes from the GSO list', () => {
  it('reports every bad row with its line and field, and imports nothing', async () => {
    const bad = [
      'stt,ma_xa,ten_xa,tinh',
      '1,00070,"Phường Hoàn Kiếm","Thành phố Hà Nội"',
      '2,0082,"Phường Cửa Nam","Thành phố Hà Nội"',
      '3,09715,"Phúc Thọ","Thành phố Hà Nội"',
      '4,00070,"Phường Trùng","Thành phố Hà Nội"',
      '5,11111,"Xã Không Tỉnh","Tỉnh Không Có"',
    ].join('\n');
    const report = await importUnits(ctx, bad);
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'ma_xa'],
      [4, 'ten_xa'],
      [5, 'ma_xa'],
      [6, 'tinh'],
    ]);
    expect(await communes()).toEqual([]);
  });

  it('refuses a file without the required columns', async () => {
    const report = await importUnits(ctx, 'ma,ten\n1,x');
    expect(report.errors[0]).toMatchObject({ line: 1, field: 'header' });
  });

  it('imports under the province whatever its prefix, with the local kind; a re-import is idempotent', async () => {
    const progress: number[] = [];
    const first = await importUnits(ctx, good, { onProgress: (d) => progress.push(d) });
    expect(first).toMatchObject({ rows: 3, created: 3, updated: 0, errors: [] });
    expect(progress).toEqual([1, 2, 3]);
    expect(await communes()).toEqual(
      expect.arrayContaining([
        ['00070', 'Phường Hoàn Kiếm', 'phường'],
        ['09715', 'Xã Phúc Thọ', 'xã'],
      ]),
    );
    const again = await importUnits(ctx, good.replace('"Thành phố Hà Nội"', '"Tp Hà Nội"'));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const renamed = await importUnits(ctx, good.replace('Phường Cửa Nam', 'Phường Cửa Nam Mới'));
    expect(renamed).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
  });

  it('creates missing provinces only when asked', async () => {
    const other = 'stt,ma_xa,ten_xa,tinh\n1,31906,"Xã Hưng Hội","Tỉnh Cà Mau"';
    expect((await importUnits(ctx, other)).errors).toHaveLength(1);
    const report = await importUnits(ctx, other, { createProvinces: true });
    expect(report).toMatchObject({ created: 1, createdProvinces: 1 });
  });
});
