import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CATALOGUE } from '../../../data/catalogue/index.ts';
import type { CatalogueEntryInput } from '../../../domain/catalogue/index.ts';
import { demoCatalogue } from '../../seed/demo-catalogue.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import { importCatalogue } from './catalogue.service.ts';

let t: TestApp;
const ctx = () => ({ db: t.db, actor: null, clock: t.clock, requestId: 'test' });
beforeAll(async () => {
  t = await makeTestApp();
  t.clock.set(new Date('2026-03-02T03:00:00Z'));
  await importCatalogue(ctx(), demoCatalogue());
});
afterAll(() => t.close());

const birth = () => SEED_CATALOGUE.find((e) => e.procedure.nationalCode === '1.001193')!;

describe('catalogue', () => {
  it('lists every seeded procedure in force, publicly', async () => {
    const res = await t.app.inject('/api/public/procedures?limit=500');
    expect(res.statusCode).toBe(200);
    const codes = res.json().items.map((i: { code: string }) => i.code);
    expect(codes.length).toBe(SEED_CATALOGUE.length);
    expect(res.json().total).toBe(SEED_CATALOGUE.length);
    expect(codes).toContain('1.001193');
    expect(SEED_CATALOGUE.length).toBeGreaterThanOrEqual(25);
    // Pages of 20 by default, with the total and the sectors of all matches.
    const page = (await t.app.inject('/api/public/procedures')).json();
    expect(page.items).toHaveLength(20);
    expect(page.total).toBe(SEED_CATALOGUE.length);
    const sectorSum = page.sectors.reduce((n: number, s: { count: number }) => n + s.count, 0);
    expect(sectorSum).toBe(SEED_CATALOGUE.length);
  });

  it('finds procedures without diacritics, by code, and by sector', async () => {
    const plain = (await t.app.inject('/api/public/procedures?q=dang ky khai sinh')).json().items;
    expect(plain.map((i: { nationalCode: string }) => i.nationalCode)).toContain('1.001193');
    const byCode = (await t.app.inject('/api/public/procedures?q=2.000815')).json().items;
    expect(byCode).toHaveLength(1);
    const sector = birth().procedure.sector.code;
    const inSector = (await t.app.inject(`/api/public/procedures?sector=${sector}`)).json().items;
    expect(inSector.every((i: { sector: { code: string } }) => i.sector.code === sector)).toBe(true);
    expect(inSector.length).toBeGreaterThan(1);
  });

  it('shows a procedure with its version, checklist, fees and workflow', async () => {
    const res = await t.app.inject('/api/public/procedures/1.001193');
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.summary.name).toBe(birth().procedure.name);
    expect(d.version.requiredDocuments.length).toBeGreaterThan(0);
    expect(d.workflows[0].steps.at(-1).kind).toBe('return');
    expectProblem(await t.app.inject('/api/public/procedures/9.999999'), 404, 'NOT_FOUND');
    expectProblem(await t.app.inject('/api/public/procedures/khai-sinh'), 400, 'VALIDATION');
  });

  it('re-importing changes nothing; an invalid entry rejects the whole import', async () => {
    const again = await importCatalogue(ctx(), demoCatalogue());
    expect(again).toMatchObject({ procedures: 0, versions: 0, unchanged: SEED_CATALOGUE.length });
    const broken = structuredClone(birth()) as CatalogueEntryInput;
    (broken.procedure as { nationalCode: string }).nationalCode = '1.2';
    await expect(importCatalogue(ctx(), [SEED_CATALOGUE[1]!, broken])).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('a published version is immutable in the database itself', async () => {
    await expect(
      t.db.execute(sql`update procedure_versions set document = '{}'::jsonb where status = 'published'`),
    ).rejects.toThrow();
    await expect(t.db.execute(sql`delete from procedure_versions`)).rejects.toThrow();
  });

  it('a version not yet in force is not listed', async () => {
    t.clock.set(new Date('2000-01-01T03:00:00Z'));
    expect((await t.app.inject('/api/public/procedures')).json().items).toEqual([]);
    t.clock.set(new Date('2026-03-02T03:00:00Z'));
  });
});
