import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workflow } from '../../../domain/catalogue/index.ts';
import { demoCatalogue } from '../../seed/demo-catalogue.ts';
import { make } from '../../test/factories.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import { importCatalogue } from './catalogue.service.ts';

let t: TestApp;
const code = '1.004194'; // đăng ký tạm trú: has a fee that a locality may change
const communeCode = '000.01.23.H99';
beforeAll(async () => {
  t = await makeTestApp();
  t.clock.set(new Date('2026-03-02T03:00:00Z'));
  await importCatalogue({ db: t.db, actor: null, clock: t.clock, requestId: 'seed' }, demoCatalogue());
  const tree = await make.tree(t.db);
  await make.user(t.db, { username: 'qt.tinh', grants: [{ role: 'admin', agency: tree.province }] });
  await make.user(t.db, { username: 'qt.xa', grants: [{ role: 'admin', agency: tree.communeA }] });
  await make.user(t.db, { username: 'mc.xa', grants: [{ role: 'deskOfficer', agency: tree.communeA }] });
  await make.agency(t.db, { parent: tree.province, name: 'Xã Có Mã', agencyCode: communeCode });
});
afterAll(() => t.close());

const url = `/api/catalogue/procedures/${code}`;
const decision = { action: 'amended', number: '15/QĐ-UBND', date: '2026-03-10', issuer: 'UBND tỉnh Thử' };

describe('procedure versions', () => {
  it('a change to a published procedure makes a new draft; the published version stays untouched', async () => {
    const admin = await t.login('qt.tinh');
    const before = (await admin.get(`${url}/versions`)).json().items;
    expect(before.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [1, 'published'],
    ]);
    const res = await admin.patch(`${url}/draft`, { limitNote: 'Cam kết giải quyết trong 02 ngày làm việc' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, status: 'draft', decisions: [] });
    const again = await admin.patch(`${url}/draft`, { feeNote: 'Miễn phí khi nộp trực tuyến [thử nghiệm]' });
    expect(again.json()).toMatchObject({
      version: 2,
      limitNote: 'Cam kết giải quyết trong 02 ngày làm việc',
    });
    const after = (await admin.get(`${url}/versions`)).json().items;
    expect(after[1]).toEqual(before[0]);
    // The public listing still shows version 1 until the draft is published.
    expect((await t.app.inject(`/api/public/procedures/${code}`)).json().summary.version).toBe(1);
  });

  it('refuses an invalid change with the field at fault, and keeps the draft as it was', async () => {
    const admin = await t.login('qt.tinh');
    const res = await admin.patch(`${url}/draft`, { localLimit: { workingDays: 60 } });
    expect(expectProblem(res, 400, 'VALIDATION').errors?.[0]?.path).toBe('localLimit');
    const draft = (await admin.get(`${url}/versions`)).json().items[0];
    expect(draft.localLimit).not.toEqual({ workingDays: 60 });
  });

  it('publishing supersedes the version in force from the day before; the public listing follows the date', async () => {
    const admin = await t.login('qt.tinh');
    const res = await admin.post(`${url}/draft/publish`, { decision, effectiveFrom: '2026-03-15' });
    expect(res.statusCode).toBe(200);
    const [v2, v1] = (await admin.get(`${url}/versions`)).json().items;
    expect([v2.status, v2.effectiveFrom, v1.status, v1.effectiveTo]).toEqual([
      'published',
      '2026-03-15',
      'superseded',
      '2026-03-14',
    ]);
    expect((await t.app.inject(`/api/public/procedures/${code}`)).json().summary.version).toBe(1);
    const listed = async () =>
      (await t.app.inject(`/api/public/procedures?q=${code}`)).json().items[0].version;
    expect(await listed()).toBe(1);
    t.clock.set(new Date('2026-03-16T03:00:00Z'));
    expect((await t.app.inject(`/api/public/procedures/${code}`)).json().summary.version).toBe(2);
    // The searched listing follows at once (this process changed the catalogue; the day moved on).
    expect(await listed()).toBe(2);
    const later = await t.login('qt.tinh'); // the first session expired while the clock moved on
    expectProblem(await later.post(`${url}/draft/publish`, { decision }), 409, 'INVALID_TRANSITION');
  });

  it('only a province administrator edits the catalogue; staff may read versions', async () => {
    const commune = await t.login('qt.xa');
    expectProblem(await commune.patch(`${url}/draft`, { feeNote: 'x' }), 403, 'FORBIDDEN');
    const desk = await t.login('mc.xa');
    expect((await desk.get(`${url}/versions`)).statusCode).toBe(200);
    expectProblem(await desk.post(`${url}/draft/publish`, { decision }), 403, 'FORBIDDEN');
    expectProblem(await t.app.inject(`${url}/versions`), 401, 'UNAUTHENTICATED');
  });

  it('lists every procedure for the administration with its published version and open draft', async () => {
    const admin = await t.login('qt.tinh');
    await admin.patch(`${url}/draft`, { limitNote: 'Dự thảo phiên bản 3' });
    const res = await admin.get('/api/catalogue/procedures');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { nationalCode: string }[];
    expect(items.length).toBe(demoCatalogue().length);
    expect(items.find((p) => p.nationalCode === code)).toMatchObject({
      published: { version: 2, status: 'published', effectiveFrom: '2026-03-15' },
      draft: { version: 3, status: 'draft', effectiveFrom: null },
    });
    expect(items.find((p) => p.nationalCode === '1.001193')).toMatchObject({ draft: null });
    expectProblem(await t.app.inject('/api/catalogue/procedures'), 401, 'UNAUTHENTICATED');
  });

  it("refuses to publish a draft whose committed limit an agency's own workflow exceeds; publishes once it fits", async () => {
    const admin = await t.login('qt.tinh');
    const workflows = `${url}/workflows`;
    const base = (await admin.get(workflows)).json().items[0] as Workflow;
    const own = { ...base, agencyCode: communeCode, name: 'Quy trình riêng của Xã Có Mã' };
    expect((await admin.put(workflows, own)).statusCode).toBe(200); // fits the 02 days of versions 2 and 3
    expect((await admin.patch(`${url}/draft`, { localLimit: { workingDays: 1 } })).statusCode).toBe(200);
    const before = (await admin.get(`${url}/versions`)).json().items;

    const next = { ...decision, number: '16/QĐ-UBND', date: '2026-03-16' };
    const res = await admin.post(`${url}/draft/publish`, { decision: next, effectiveFrom: '2026-03-20' });
    const problem = expectProblem(res, 409, 'INVALID_TRANSITION');
    expect(problem.detail).toMatch(
      /^Chưa công bố được phiên bản 3: quy trình riêng của 1 cơ quan không nằm trong thời hạn cam kết 01 ngày làm việc/,
    );
    expect(problem.errors).toEqual([
      {
        path: `workflows.${communeCode}`,
        message: expect.stringMatching(
          /^«Quy trình riêng của Xã Có Mã» \(000\.01\.23\.H99\): Tổng thời gian các bước \(.+ giờ\) vượt thời hạn cam kết 01 ngày làm việc/,
        ),
      },
    ]);
    expect((await admin.get(`${url}/versions`)).json().items).toEqual(before);

    const fitted = { ...own, steps: own.steps.map((s) => ({ ...s, budgetHours: 1 })) };
    expect((await admin.put(workflows, fitted)).statusCode).toBe(200);
    const published = await admin.post(`${url}/draft/publish`, {
      decision: next,
      effectiveFrom: '2026-03-20',
    });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({
      version: 3,
      status: 'published',
      localLimit: { workingDays: 1 },
    });
  });
});
