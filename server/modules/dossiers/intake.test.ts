/**
 * What a desk intake decides from the facts it reads in one statement (intake-context.repository.ts): which desk,
 * which version, which competent agency and workflow, which office hours and calendar — and its refusals, in the
 * order they have always been made.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { make } from '../../test/factories.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import * as catalogue from '../catalogue/catalogue.repository.ts';
import { dossierWorld, intakeOf } from './test-world.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;
const monday = new Date('2026-03-02T02:15:00Z'); // Monday 09:15 in Hà Nội
beforeAll(async () => {
  t = await makeTestApp({ sessionHours: 24 * 365 });
  t.clock.set(monday);
  w = await dossierWorld(t);
  await make.user(t.db, { username: 'qt.tinh', grants: [{ role: 'admin', agency: w.province }] });
});
beforeEach(() => t.clock.set(monday));
afterAll(() => t.close());

type Client = Awaited<ReturnType<TestApp['login']>>;
const receive = async (desk: Client, at: string, overrides: Record<string, unknown> = {}) => {
  const res = await desk.post('/api/dossiers', intakeOf(at, overrides));
  if (res.statusCode !== 201) throw new Error(`intake: ${res.statusCode} ${res.body}`);
  return res.json();
};
/** The due date the public calendar gives for the procedure's 2 working days at an agency. */
const publicDue = async (agencyCode: string) =>
  (
    await t.app.inject({
      method: 'POST',
      url: '/api/public/calendar/due',
      payload: { from: monday.toISOString(), rule: { workingDays: 2 }, agencyCode },
    })
  ).json().dueAt as string;

describe('desk intake: what it reads before writing', () => {
  it('refuses in the same order with the same codes: desk, procedure, competent agency, workflow', async () => {
    const desk = await t.login('mc.an');
    const unknown = '00000000-0000-4000-8000-000000000001';
    // An unknown desk comes first, even with an unknown procedure.
    expectProblem(
      await desk.post('/api/dossiers', intakeOf(unknown, { procedureCode: '9.999999' })),
      404,
      'NOT_FOUND',
    );
    // A desk of the officer's own agency without an electronic identifier cannot number dossiers.
    const noCode = await make.agency(t.db, { parent: w.commune, name: 'Bộ phận chưa có mã', kind: 'unit' });
    const p1 = expectProblem(await desk.post('/api/dossiers', intakeOf(noCode.id)), 400, 'VALIDATION');
    expect(p1.errors).toEqual([{ path: 'receivingAgencyId', message: 'Đơn vị chưa có mã định danh' }]);
    // Another agency's desk: forbidden before the procedure is looked at.
    expectProblem(
      await desk.post('/api/dossiers', intakeOf(w.other.id, { procedureCode: '9.999999' })),
      403,
      'FORBIDDEN',
    );
    const p2 = expectProblem(
      await desk.post('/api/dossiers', intakeOf(w.centre.id, { procedureCode: '9.999999' })),
      400,
      'VALIDATION',
    );
    expect(p2.errors).toEqual([{ path: 'procedureCode', message: 'Thủ tục không có hiệu lực' }]);
    // An incomplete checklist is refused before an unknown competent agency.
    const p3 = expectProblem(
      await desk.post(
        '/api/dossiers',
        intakeOf(w.centre.id, {
          competentAgencyId: unknown,
          documents: [{ key: 'declaration', kind: 'original' }],
        }),
      ),
      400,
      'VALIDATION',
    );
    expect((p3 as { supplementItems?: unknown[] }).supplementItems).toHaveLength(1);
    expectProblem(
      await desk.post('/api/dossiers', intakeOf(w.centre.id, { competentAgencyId: unknown })),
      404,
      'NOT_FOUND',
    );
    // The province has no workflow for this procedure (the catalogue has a default for communes only).
    const p4 = expectProblem(
      await desk.post('/api/dossiers', intakeOf(w.centre.id, { competentAgencyId: w.province.id })),
      409,
      'CONFLICT',
    );
    expect(`${p4.title} ${p4.detail ?? ''}`).toContain('Tỉnh Thử');
  });

  it('the competent agency: the centre’s commune, the commune itself, or the one given — with its own workflow', async () => {
    const desk = await t.login('mc.an');
    expect(await receive(desk, w.centre.id)).toMatchObject({ competentAgency: { id: w.commune.id } });
    expect(await receive(desk, w.commune.id)).toMatchObject({
      competentAgency: { id: w.commune.id },
      holderAgency: { id: w.commune.id },
    });
    const [proc] = await Promise.all([catalogue.findProcedureByCode(t.db, '1.001022')]);
    const [byKind] = await catalogue.listWorkflows(t.db, [proc!.id]);
    const own = {
      ...byKind!.workflow,
      agencyCode: w.other.agencyCode,
      steps: byKind!.workflow.steps.map((s, i) => (i === 0 ? { ...s, name: 'Tiếp nhận tại Xã Bình' } : s)),
    };
    await catalogue.upsertWorkflow(t.db, proc!.id, w.other.id, own);
    const given = await receive(desk, w.centre.id, { competentAgencyId: w.other.id });
    expect(given).toMatchObject({
      competentAgency: { id: w.other.id },
      holderAgency: { id: w.centre.id },
      step: { name: 'Tiếp nhận tại Xã Bình' },
    });
    // The commune's dossiers still follow the default.
    expect((await receive(desk, w.centre.id)).step.name).not.toBe('Tiếp nhận tại Xã Bình');
  });

  it('uses the office hours inherited from an ancestor and the notices entered since the last intake', async () => {
    const desk = await t.login('mc.an');
    const admin = await t.login('qt.tinh');
    const before = await receive(desk, w.centre.id);
    expect(before.dueAt).toBe(await publicDue('000.01.01.H99'));
    const put = await admin.put(`/api/agencies/${w.province.id}/working-time`, {
      officeHours: [
        { from: '07:00', to: '11:00' },
        { from: '13:00', to: '16:00' },
      ],
      receivingHours: [
        { from: '07:00', to: '11:00' },
        { from: '13:00', to: '16:00' },
      ],
      saturdayReceivingHours: [],
    });
    expect(put.statusCode).toBe(200);
    const hours = await receive(desk, w.centre.id);
    expect(hours.dueAt).not.toBe(before.dueAt);
    expect(hours.dueAt).toBe(await publicDue('000.01.01.H99'));

    const notice = await admin.post('/api/calendar/notices', {
      date: '2026-03-03',
      kind: 'dayOff',
      name: 'Nghỉ thử nghiệm',
      decision: 'Thông báo 2/TB-TEST',
    });
    expect(notice.statusCode).toBe(201);
    const dayOff = await receive(desk, w.centre.id);
    expect(dayOff.dueAt).not.toBe(hours.dueAt);
    expect(dayOff.dueAt).toBe(await publicDue('000.01.01.H99'));
    expect(dayOff.dueExplanation.join(' ')).toContain('Nghỉ thử nghiệm'.toLowerCase());
    expect((await admin.delete(`/api/calendar/notices/${notice.json().id}`)).statusCode).toBeLessThan(300);
    expect((await receive(desk, w.centre.id)).dueAt).toBe(hours.dueAt);
  });
});
