import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema.ts';
import { make } from '../../test/factories.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof make.tree>>;
beforeAll(async () => {
  t = await makeTestApp();
  tree = await make.tree(t.db);
  await make.user(t.db, { username: 'qt.tinh', grants: [{ role: 'admin', agency: tree.province }] });
  await make.user(t.db, { username: 'qt.xa', grants: [{ role: 'admin', agency: tree.communeA }] });
});
afterAll(() => t.close());

const due = (body: object) =>
  t.app.inject({ method: 'POST', url: '/api/public/calendar/due', payload: body });

describe('calendar API', () => {
  it('shows a year with its official notices, publicly', async () => {
    const res = await t.app.inject('/api/public/calendar/years/2025');
    expect(res.statusCode).toBe(200);
    const year = res.json();
    expect(year.lunarNewYear).toBe('2025-01-29');
    const tet = year.holidays.filter((h: { name: string }) => h.name === 'Tết Nguyên Đán');
    expect(tet.map((h: { date: string }) => h.date)).toEqual([
      '2025-01-25',
      '2025-01-26',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
    ]);
    expect(year.makeUpWorkingDays).toContain('2025-04-26');
    expect(year.notices.every((n: { origin: string }) => n.origin === 'builtIn')).toBe(true);
  });

  it('computes a due date across Tết with its explanation', async () => {
    const res = await due({ from: '2025-01-24T10:00:00+07:00', rule: { workingDays: 3 } });
    expect(res.json().dueAt).toBe('2025-02-05T10:00:00.000Z');
    expect(res.json().explanation).toContain('Bỏ qua ngày nghỉ Tết Nguyên Đán 25/01–02/02/2025');
  });

  it('refuses an instant without a time zone, and an unknown agency', async () => {
    expectProblem(await due({ from: '2025-01-24T10:00:00', rule: { workingDays: 3 } }), 400, 'VALIDATION');
    expectProblem(await due({ from: '2025-01-24T10:00:00Z', rule: { workingDays: -1 } }), 400, 'VALIDATION');
    const unknown = await due({
      from: '2025-01-24T03:00:00Z',
      rule: { sameDay: true },
      agencyCode: '000.99.99.H99',
    });
    expectProblem(unknown, 404, 'NOT_FOUND');
  });

  it('a province administrator enters a notice: it is audited and moves later due dates; withdrawal undoes it', async () => {
    const before = (await due({ from: '2030-05-03T02:00:00Z', rule: { workingDays: 1 } })).json().dueAt;
    const admin = await t.login('qt.tinh');
    const res = await admin.post('/api/calendar/notices', {
      date: '2030-05-06',
      kind: 'dayOff',
      name: 'Nghỉ bù thử nghiệm',
      decision: 'Thông báo 1/TB-TEST',
    });
    expect(res.statusCode).toBe(201);
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.targetId, res.json().id));
    expect(audit?.action).toBe('calendar.notice.add');
    const after = await due({ from: '2030-05-03T02:00:00Z', rule: { workingDays: 1 } });
    expect(after.json().dueAt).not.toBe(before);
    expect(after.json().explanation).toContain('Bỏ qua nghỉ bù thử nghiệm 04/05–06/05/2030');
    const year = (await t.app.inject('/api/public/calendar/years/2030')).json();
    expect(year.notices).toContainEqual(expect.objectContaining({ date: '2030-05-06', origin: 'entered' }));

    const dup = await admin.post('/api/calendar/notices', {
      date: '2030-05-06',
      kind: 'dayOff',
      name: 'Trùng',
      decision: 'x',
    });
    expect(expectProblem(dup, 409, 'CONFLICT').errors).toEqual([
      { path: 'date', message: 'Ngày này đã có thông báo' },
    ]);
    const del = await admin.delete(`/api/calendar/notices/${res.json().id}`);
    expect(del.statusCode).toBe(204);
    expect((await due({ from: '2030-05-03T02:00:00Z', rule: { workingDays: 1 } })).json().dueAt).toBe(before);
  });

  it('a commune administrator cannot enter a notice for the whole province', async () => {
    const admin = await t.login('qt.xa');
    const res = await admin.post('/api/calendar/notices', {
      date: '2030-06-03',
      kind: 'dayOff',
      name: 'Nghỉ riêng',
      decision: 'x',
    });
    expectProblem(res, 403, 'FORBIDDEN');
  });

  it('office hours are set per agency, inherited by its units, and used for deadlines in hours', async () => {
    const admin = await t.login('qt.xa');
    const wt = {
      officeHours: [
        { from: '07:30', to: '11:30' },
        { from: '13:00', to: '17:00' },
      ],
      receivingHours: [
        { from: '07:30', to: '11:30' },
        { from: '13:00', to: '17:00' },
      ],
      saturdayReceivingHours: [{ from: '07:30', to: '11:30' }],
    };
    // An empty change is accepted and changes nothing.
    expect((await admin.patch(`/api/agencies/${tree.communeA.id}`, {})).statusCode).toBe(200);
    await admin.patch(`/api/agencies/${tree.communeA.id}`, { agencyCode: '000.11.00.H99' });
    const oneHour = { from: '2026-03-03T11:00:00+07:00', rule: { workingHours: 1 } };
    expect((await due(oneHour)).json().dueAt).toBe('2026-03-03T07:00:00.000Z'); // default: 11:00–11:30, 13:30–14:00
    const put = await admin.put(`/api/agencies/${tree.communeA.id}/working-time`, wt);
    expect(put.statusCode).toBe(200);
    const local = await due({ ...oneHour, agencyCode: '000.11.00.H99' });
    expect(local.json().dueAt).toBe('2026-03-03T06:30:00.000Z'); // this commune: afternoon opens at 13:00
    const child = (await admin.get(`/api/agencies/${tree.centreA.id}/working-time`)).json();
    expect(child).toMatchObject({ inherited: true, workingTime: { officeHours: wt.officeHours } });
    const bad = await admin.put(`/api/agencies/${tree.communeA.id}/working-time`, {
      ...wt,
      officeHours: [{ from: '17:00', to: '07:00' }],
    });
    expectProblem(bad, 400, 'VALIDATION');
    const other = await admin.get(`/api/agencies/${tree.communeB.id}/working-time`);
    expectProblem(other, 404, 'NOT_FOUND');
  });
});
