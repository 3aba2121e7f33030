import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transparency } from '../../../domain/dashboard/transparency.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import { dossierWorld } from '../dossiers/test-world.ts';
import { type Client, dossierSteps, ok, signInOfficers, vn } from '../reports/reports.testing.ts';

/**
 * Public figures on Friday 20/03/2026. "Đăng ký nhận cha, mẹ, con" takes 2 working days.
 *   X1 Xã An, received Mon 05/01, resolved Tue 06/01 (early)   → this quarter and year, not this month
 *   X2 Xã An, received Mon 02/03, resolved Tue 03/03 (early)   → month, quarter, year
 *   X3 Xã An, received Mon 09/03, open (overdue)               → received, not resolved
 *   X4 Xã Bình, received Tue 10/03, open                        → received, not resolved
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;
const codes: string[] = [];

beforeAll(async () => {
  t = await makeTestApp({ sessionHours: 24 * 365, trackingRatePerMinute: 8 });
  t.clock.set(vn('2026-01-02 08:00'));
  w = await dossierWorld(t);
  const steps = dossierSteps(t, w, await signInOfficers(t));
  const receive = async (when: string, client?: Client, agencyId?: string) => {
    const d = await steps.receive(when, client, agencyId);
    codes.push(d.code);
    return d.id;
  };
  const { resolve } = steps;
  await resolve(await receive('2026-01-05 09:00'), '2026-01-06 10:00');
  await resolve(await receive('2026-03-02 09:00'), '2026-03-03 10:00');
  await receive('2026-03-09 09:00');
  await receive('2026-03-10 09:00', await t.login('mc.binh'), w.other.id);
  t.clock.set(vn('2026-03-20 10:00'));
});
afterAll(() => t.close());

const get = (query = '') => t.app.inject({ method: 'GET', url: `/api/public/transparency${query}` });

describe('public transparency (no login)', () => {
  it('the province by default: month, quarter and year in Vietnam time, and each commune', async () => {
    const res = await get();
    const body: Transparency = await ok(res);
    expect(body.agency.name).toBe('Tỉnh Thử');
    expect(body.parent).toBeNull();
    expect(body.periods.map((p) => [p.kind, p.label, p.from, p.to])).toEqual([
      ['month', 'Tháng 3/2026', '2026-03-01', '2026-03-31'],
      ['quarter', 'Quý I/2026', '2026-01-01', '2026-03-31'],
      ['year', 'Năm 2026', '2026-01-01', '2026-12-31'],
    ]);
    const [month, quarter, year] = body.periods;
    expect(month!.total).toEqual({ received: 3, resolved: 1, onTimeRate: 1, onlineRate: 0 });
    expect(quarter!.total).toEqual({ received: 4, resolved: 2, onTimeRate: 1, onlineRate: 0 });
    expect(year!.total).toEqual(quarter!.total);
    expect(month!.units.map((u) => [u.name, u.scope, u.received, u.resolved, u.onTimeRate])).toEqual([
      ['Xã An', 'subtree', 2, 1, 1],
      ['Xã Bình', 'subtree', 1, 0, null],
    ]);
  });

  it('a commune, with the way back up; nothing personal in the answer', async () => {
    const res = await get(`?agencyId=${w.commune.id}`);
    const body: Transparency = await ok(res);
    expect(body.parent).toEqual({ id: w.province.id, name: 'Tỉnh Thử' });
    expect(body.periods[0]!.total.received).toBe(2);
    for (const secret of [...codes, 'Nguyễn Văn An', '001090012345', '0912345678']) {
      expect(res.body).not.toContain(secret);
    }
  });

  it('an unknown agency is 404, a malformed id 400; too many requests are limited (429)', async () => {
    expectProblem(await get('?agencyId=00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
    expectProblem(await get('?agencyId=abc'), 400, 'VALIDATION');
    let last = 200;
    for (let i = 0; i < 10 && last !== 429; i++) last = (await get()).statusCode;
    expect(last).toBe(429);
  });
});
