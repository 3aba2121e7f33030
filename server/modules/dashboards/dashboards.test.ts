import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOf, type Dashboard, DrillColumn, type DrillList } from '../../../domain/dashboard/dashboard.ts';
import type { Form06Report } from '../../../domain/reports/form06-rows.ts';
import { make } from '../../test/factories.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import type { dossierWorld } from '../dossiers/test-world.ts';
import {
  act,
  type Client,
  dossierSteps,
  monthWorld,
  ok,
  signInOfficers,
  vn,
} from '../reports/reports.testing.ts';

/**
 * The dashboard of March 2026, built through the real API. "Đăng ký nhận cha, mẹ, con" takes 2 working days.
 *
 *   A  Xã An, direct, received Thu 26/02 (due Mon 02/03), resolved Tue 03/03   → carried over, resolved late
 *   B  Xã An, direct, received Mon 02/03 (due Wed 04/03), resolved Tue 03/03   → direct, resolved early
 *   F  Xã An, online, submitted Sat 28/02, accepted Mon 02/03 (due Wed 04/03) → online, overdue
 *   C  Xã An, direct, received Mon 09/03 (due Wed 11/03), resolved Wed 11/03   → direct, on time
 *   D  Xã An, direct, received Mon 16/03 (due Wed 18/03), open                 → direct, overdue
 *   E  Xã An, direct, received Tue 17/03, withdrawn Wed 18/03                  → direct, withdrawn
 *   H  Xã An, direct, received Mon 30/03 (due Wed 01/04), open                 → direct, within the deadline
 *   B2 Xã Bình, direct, received Tue 10/03 (due Thu 12/03), open               → direct, overdue
 *
 * Province, March: carried over 1, online 1, direct 6 → received 8 = resolved 3 (early B, on time C, late A)
 * + in progress 4 (within H; overdue F D B2) + withdrawn 1 (E). On time 2/3; online 1/7.
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;
let desk: Client;
let leader: Client;
let provincial: Client;
const codes: Record<string, string> = {};

const at = (s: string) => t.clock.set(vn(s));

const march = 'from=2026-03-01&to=2026-03-31';
const overview = async (c: Client, q: string): Promise<Dashboard> =>
  ok(await c.get(`/api/dashboards/overview?${q}`));
const drill = async (c: Client, q: string): Promise<DrillList> =>
  ok(await c.get(`/api/dashboards/dossiers?${q}&limit=200`));

beforeAll(async () => {
  t = await makeTestApp({ sessionHours: 24 * 365 });
  w = await monthWorld(t, '2026-02-23 08:00');
  await make.user(t.db, { username: 'ld.tinh', grants: [{ role: 'leader', agency: w.province }] });
  await make.user(t.db, { username: 'ld.binh', grants: [{ role: 'leader', agency: w.other }] });
  const officers = await signInOfficers(t);
  ({ desk, leader } = officers);
  provincial = await t.login('ld.tinh');
  const lan = await t.login('cd.lan');
  const { receive, resolve, submitOnline } = dossierSteps(
    t,
    w,
    officers,
    'Trích lục đăng ký nhận cha, mẹ, con',
  );
  const receiveAt = async (name: string, when: string, client = desk, agencyId = w.centre.id) => {
    const d = await receive(when, client, agencyId);
    codes[name] = d.code;
    return d.id;
  };

  const a = await receiveAt('A', '2026-02-26 10:00');
  const f = await submitOnline('2026-02-28 20:00', lan);
  codes.F = f.code;
  const b = await receiveAt('B', '2026-03-02 09:15');
  at('2026-03-02 08:00');
  await act(desk, f.id, { action: 'accept' });
  await resolve(a, '2026-03-03 09:00');
  await resolve(b, '2026-03-03 10:00');
  const c = await receiveAt('C', '2026-03-09 09:00');
  await resolve(c, '2026-03-11 16:00');
  await receiveAt('B2', '2026-03-10 09:00', await t.login('mc.binh'), w.other.id);
  await receiveAt('D', '2026-03-16 09:00');
  const e = await receiveAt('E', '2026-03-17 09:00');
  at('2026-03-18 10:00');
  await act(desk, e, { action: 'withdraw', note: 'Người nộp xin rút hồ sơ' });
  await receiveAt('H', '2026-03-30 09:00');
  at('2026-04-02 10:00');
});
afterAll(() => t.close());

describe('dashboard overview', () => {
  it('the tiles are Biểu 06 for the same agency and period, number for number', async () => {
    const d = await overview(provincial, `agencyId=${w.province.id}&${march}`);
    const report: Form06Report = await ok(
      await provincial.get(`/api/reports/form06?agencyId=${w.province.id}&${march}&groupBy=agency`),
    );
    expect(d.total).toEqual(report.total);
    expect(d.units).toEqual(report.rows);
    expect(d.asOf).toBe(report.asOf);
    // And the counts reasoned out by hand above.
    expect(d.total).toMatchObject({
      carriedOver: 1,
      receivedOnline: 1,
      receivedDirect: 6,
      received: 8,
      resolvedEarly: 1,
      resolvedOnTime: 1,
      resolvedLate: 1,
      withinDeadline: 1,
      overdue: 3,
      withdrawnOrStopped: 1,
    });
    expect(d.units.map((u) => [u.label, u.overdue])).toEqual([
      ['Xã An', 2],
      ['Xã Bình', 1],
    ]);
    expect(d.onTimeRate).toBeCloseTo(2 / 3, 10);
    expect(d.onlineShare).toBeCloseTo(1 / 7, 10);
  });

  it('received per day adds up to the new receptions, on the days they were received (Vietnam time)', async () => {
    const d = await overview(provincial, `agencyId=${w.province.id}&${march}`);
    expect(d.receivedPerDay).toHaveLength(31);
    const nonZero = d.receivedPerDay.filter((p) => p.online + p.direct > 0);
    expect(nonZero).toEqual([
      // F submitted on 28/02 but received (accepted) on 02/03, with B.
      { day: '2026-03-02', online: 1, direct: 1 },
      { day: '2026-03-09', online: 0, direct: 1 },
      { day: '2026-03-10', online: 0, direct: 1 },
      { day: '2026-03-16', online: 0, direct: 1 },
      { day: '2026-03-17', online: 0, direct: 1 },
      { day: '2026-03-30', online: 0, direct: 1 },
    ]);
  });

  it('the monthly trend: twelve months ending with March, each its own Biểu 06', async () => {
    const d = await overview(provincial, `agencyId=${w.province.id}&${march}`);
    expect(d.months.map((m) => m.label)).toEqual([
      '04/2025',
      '05/2025',
      '06/2025',
      '07/2025',
      '08/2025',
      '09/2025',
      '10/2025',
      '11/2025',
      '12/2025',
      '01/2026',
      '02/2026',
      '03/2026',
    ]);
    const feb = d.months[10]!;
    // Only A was received in February (F was still waiting for the desk); nothing was resolved.
    expect(feb).toMatchObject({
      receivedNew: 1,
      receivedOnline: 0,
      resolved: 0,
      onTimeRate: null,
      onlineShare: 0,
    });
    expect(d.months[11]).toMatchObject({
      from: '2026-03-01',
      to: '2026-03-31',
      resolved: 3,
      resolvedInTime: 2,
      receivedNew: 7,
      receivedOnline: 1,
    });
    expect(d.months[0]).toMatchObject({ resolved: 0, receivedNew: 0, onTimeRate: null, onlineShare: null });
  });

  it('a period that ends before it starts is refused', async () => {
    const res = await leader.get(
      `/api/dashboards/overview?agencyId=${w.commune.id}&from=2026-03-31&to=2026-03-01`,
    );
    expectProblem(res, 400, 'VALIDATION');
  });
});

describe('drill-down: the dossiers behind each number', () => {
  it('every column lists exactly as many dossiers as the tile shows', async () => {
    const d = await overview(provincial, `agencyId=${w.province.id}&${march}`);
    for (const column of DrillColumn.options) {
      const list = await drill(provincial, `agencyId=${w.province.id}&${march}&column=${column}`);
      expect([column, list.total, list.items.length]).toEqual([
        column,
        countOf(d.total, column),
        countOf(d.total, column),
      ]);
    }
  });

  it('"quá hạn" opens the overdue dossiers, earliest deadline first', async () => {
    const list = await drill(provincial, `agencyId=${w.province.id}&${march}&column=overdue`);
    expect(list.columnLabel).toBe('Đang giải quyết quá hạn');
    expect(list.items.map((i) => i.code)).toEqual([codes.F, codes.B2, codes.D]);
    expect(list.items.map((i) => i.competentAgencyName)).toEqual(['Xã An', 'Xã Bình', 'Xã An']);
    const f = list.items[0]!;
    expect(f).toMatchObject({ channel: 'online', status: 'accepted', resolvedAt: null });
    // Received when the desk accepted it, as Biểu 06 counts it.
    expect(f.receivedAt).toBe(vn('2026-03-02 08:00').toISOString());
  });

  it('a unit of the chart: its subtree, or only what the agency decides itself', async () => {
    const sub = await drill(provincial, `agencyId=${w.other.id}&${march}&column=overdue`);
    expect(sub.items.map((i) => i.code)).toEqual([codes.B2]);
    const own = await drill(provincial, `agencyId=${w.province.id}&${march}&column=received&scope=own`);
    expect(own.total).toBe(0);
  });

  it('other columns: resolved late is A (carried over), withdrawn is E; paging keeps the total', async () => {
    const late = await drill(leader, `agencyId=${w.commune.id}&${march}&column=resolvedLate`);
    expect(late.items.map((i) => i.code)).toEqual([codes.A]);
    const gone = await drill(leader, `agencyId=${w.commune.id}&${march}&column=withdrawnOrStopped`);
    expect(gone.items.map((i) => [i.code, i.status])).toEqual([[codes.E, 'withdrawn']]);
    const page = await ok(
      await leader.get(
        `/api/dashboards/dossiers?agencyId=${w.commune.id}&${march}&column=received&limit=2&offset=2`,
      ),
    );
    expect([page.total, page.items.length]).toEqual([7, 2]);
  });

  it('leaders see who applied; administrators see the list without names', async () => {
    const byLeader = await drill(leader, `agencyId=${w.commune.id}&${march}&column=overdue`);
    expect(byLeader.items.map((i) => i.applicantName)).toEqual(['Trần Thị Lan', 'Nguyễn Văn An']);
    const byAdmin = await drill(await t.login('qt.an'), `agencyId=${w.commune.id}&${march}&column=overdue`);
    expect(byAdmin.items.map((i) => i.code)).toEqual([codes.F, codes.D]);
    expect(byAdmin.items.map((i) => i.applicantName)).toEqual([null, null]);
  });
});

describe('who may read the dashboards (role × inside/outside the subtree × route)', () => {
  const routes = ['/api/dashboards/overview?', '/api/dashboards/dossiers?column=overdue&'];
  const cases: [string, string | null, () => string, number][] = [
    ['commune leader, own commune', 'ld.an', () => w.commune.id, 200],
    ['commune leader, a unit below', 'ld.an', () => w.centre.id, 200],
    ['province leader, a commune', 'ld.tinh', () => w.commune.id, 200],
    ['commune admin, own commune', 'qt.an', () => w.commune.id, 200],
    ['commune leader, the province above', 'ld.an', () => w.province.id, 404],
    ['other commune leader, Xã An', 'ld.binh', () => w.commune.id, 404],
    ['commune admin, another commune', 'qt.an', () => w.other.id, 404],
    ['commune desk officer, own commune', 'mc.an', () => w.commune.id, 403],
    ['commune specialist, own commune', 'cv.an', () => w.commune.id, 403],
    ['desk officer, another commune', 'mc.an', () => w.other.id, 404],
    ['citizen', 'cd.lan', () => w.commune.id, 403],
    ['anonymous', null, () => w.commune.id, 401],
  ];
  it.each(cases)('%s', async (_name, username, agency, status) => {
    const client = username ? await t.login(username) : null;
    for (const route of routes) {
      const url = `${route}agencyId=${agency()}&${march}`;
      const res = client ? await client.get(url) : await t.app.inject({ method: 'GET', url });
      expect([route, res.statusCode]).toEqual([route, status]);
    }
  });
});
