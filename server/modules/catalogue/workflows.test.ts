import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workflow } from '../../../domain/catalogue/index.ts';
import { auditEvents } from '../../db/schema.ts';
import { demoCatalogue } from '../../seed/demo-catalogue.ts';
import { make } from '../../test/factories.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import { importCatalogue } from './catalogue.service.ts';

let t: TestApp;
const code = '1.004194'; // đăng ký tạm trú: committed limit 02 ngày làm việc = 16 working hours
const url = `/api/catalogue/procedures/${code}/workflows`;
const communeCode = '000.01.23.H99';
let communeId = '';

beforeAll(async () => {
  t = await makeTestApp();
  await importCatalogue({ db: t.db, actor: null, clock: t.clock, requestId: 'seed' }, demoCatalogue());
  const tree = await make.tree(t.db);
  const commune = await make.agency(t.db, {
    parent: tree.province,
    name: 'Xã Có Mã',
    agencyCode: communeCode,
  });
  communeId = commune.id;
  await make.user(t.db, { username: 'qt.tinh', grants: [{ role: 'admin', agency: tree.province }] });
  await make.user(t.db, { username: 'qt.xa', grants: [{ role: 'admin', agency: tree.communeA }] });
  await make.user(t.db, { username: 'mc.xa', grants: [{ role: 'deskOfficer', agency: tree.communeA }] });
});
afterAll(() => t.close());

const workflowAudit = () =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.targetId, code), like(auditEvents.action, 'catalogue.workflow.%')));

/** The seed's default commune workflow, with `budget` hours on the appraisal step. */
const withAppraisal = (w: Workflow, budget: number): Workflow => ({
  ...w,
  steps: w.steps.map((s) => (s.key === 'appraise' ? { ...s, budgetHours: budget } : s)),
});

describe('internal workflows of a procedure', () => {
  let seeded: Workflow;

  it('lists the default workflow per agency kind with the committed limit it must fit in', async () => {
    const admin = await t.login('qt.tinh');
    const res = await admin.get(url);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ nationalCode: code, agencyKind: 'commune', agencyCode: null });
    expect(body.limit).toEqual({
      version: 1,
      status: 'published',
      localLimit: { workingDays: 2 },
      hours: 16,
      text: '02 ngày làm việc',
    });
    seeded = body.items[0];
  });

  it('saves a changed default and an agency-specific workflow, each with its audit row', async () => {
    const admin = await t.login('qt.tinh');
    const appraise = seeded.steps.find((s) => s.key === 'appraise')!;
    const changed = withAppraisal(seeded, appraise.budgetHours - 1);
    const res = await admin.put(url, changed);
    expect(res.statusCode).toBe(200);
    expect(res.json().steps.find((s: { key: string }) => s.key === 'appraise').budgetHours).toBe(
      appraise.budgetHours - 1,
    );

    const own = { ...changed, agencyCode: communeCode, name: 'Quy trình riêng của Xã Có Mã' };
    expect((await admin.put(url, own)).statusCode).toBe(200);
    const items = (await admin.get(url)).json().items as Workflow[];
    expect(items.map((w) => [w.agencyCode, w.name])).toEqual([
      [null, seeded.name],
      [communeCode, 'Quy trình riêng của Xã Có Mã'],
    ]);

    const rows = await workflowAudit();
    expect(rows.map((r) => [r.action, r.agencyId])).toEqual([
      ['catalogue.workflow.edit', null],
      ['catalogue.workflow.create', communeId],
    ]);
    expect(rows[0]!.details).toMatchObject({ agencyKind: 'commune', limitHours: 16, limitVersion: 1 });
    expect(rows[0]!.actorRole).toBe('admin');
  });

  it('refuses a workflow longer than the committed limit, with Vietnamese messages per step, and keeps the old one', async () => {
    const admin = await t.login('qt.tinh');
    const before = (await admin.get(url)).json().items;
    const auditBefore = (await workflowAudit()).length;
    const tooLong = withAppraisal(seeded, 40);
    const problem = expectProblem(await admin.put(url, tooLong), 400, 'VALIDATION');
    expect(problem.errors).toContainEqual({
      path: 'steps',
      message: expect.stringMatching(
        /^Tổng thời gian các bước \(\d+(,\d+)? giờ\) vượt thời hạn cam kết 02 ngày làm việc/,
      ),
    });

    const [first, ...rest] = seeded.steps;
    const broken = { ...seeded, steps: [...rest, { ...first!, kind: 'appraisal' as const }] };
    const errors = expectProblem(await admin.put(url, broken), 400, 'VALIDATION').errors ?? [];
    expect(errors).toContainEqual({ path: 'steps.0.kind', message: 'Bước đầu tiên phải là tiếp nhận hồ sơ' });
    expect(errors.every((e) => /[à-ỹ]/.test(e.message))).toBe(true);

    expect((await admin.get(url)).json().items).toEqual(before);
    expect(await workflowAudit()).toHaveLength(auditBefore);
  });

  it('checks against the shorter limit of the version in force and the open draft', async () => {
    const admin = await t.login('qt.tinh');
    const draft = await admin.patch(`/api/catalogue/procedures/${code}/draft`, {
      localLimit: { workingDays: 1 },
    });
    expect(draft.statusCode).toBe(200);
    const { limit } = (await admin.get(url)).json();
    expect(limit).toMatchObject({ version: 2, status: 'draft', hours: 8 });
    const problem = expectProblem(await admin.put(url, seeded), 400, 'VALIDATION');
    expect(problem.errors?.[0]?.message).toContain('vượt thời hạn cam kết 01 ngày làm việc');
  });

  it('refuses a workflow of another procedure or of an unknown agency', async () => {
    const admin = await t.login('qt.tinh');
    const other = expectProblem(
      await admin.put(url, { ...seeded, nationalCode: '1.001193' }),
      400,
      'VALIDATION',
    );
    expect(other.errors?.[0]?.path).toBe('nationalCode');
    const unknown = expectProblem(
      await admin.put(url, { ...seeded, agencyCode: '999.99.99.H99' }),
      400,
      'VALIDATION',
    );
    expect(unknown.errors?.[0]).toEqual({
      path: 'agencyCode',
      message: 'Không có cơ quan, đơn vị mã 999.99.99.H99',
    });
    expectProblem(await admin.get('/api/catalogue/procedures/9.999999/workflows'), 404, 'NOT_FOUND');
  });

  it('only a province administrator edits workflows; staff read them; anonymous callers are refused', async () => {
    const commune = await t.login('qt.xa');
    expectProblem(await commune.put(url, seeded), 403, 'FORBIDDEN');
    const desk = await t.login('mc.xa');
    expect((await desk.get(url)).statusCode).toBe(200);
    expectProblem(await desk.put(url, seeded), 403, 'FORBIDDEN');
    expectProblem(await t.app.inject(url), 401, 'UNAUTHENTICATED');
  });
});
