import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossiers } from '../db/schema.ts';
import { dossierWorld, intakeOf } from '../modules/dossiers/test-world.ts';
import { expectProblem, makeTestApp, type TestApp } from '../test/harness.ts';
import { runOverdueCheck } from './overdue.ts';
import { poll } from './poll.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;
const monday = new Date('2026-03-02T02:15:00Z'); // Monday 09:15 in Hà Nội
const thursday = new Date('2026-03-05T02:00:00Z'); // Thursday 09:00
const silent = { info: () => {}, warn: () => {}, error: () => {} };
const check = () => runOverdueCheck({ db: t.db, clock: t.clock, log: silent });

beforeAll(async () => {
  t = await makeTestApp({ sessionHours: 24 * 365 });
  t.clock.set(monday);
  w = await dossierWorld(t);
});
afterAll(() => t.close());

type Client = Awaited<ReturnType<TestApp['login']>>;
const receive = async (desk: Client) => {
  const res = await desk.post('/api/dossiers', intakeOf(w.centre.id));
  if (res.statusCode !== 201) throw new Error(`intake: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; code: string; dueAt: string };
};
const act = async (c: Client, id: string, body: Record<string, unknown>) => {
  const res = await c.post(`/api/dossiers/${id}/actions`, body);
  if (res.statusCode !== 200) throw new Error(`${body.action}: ${res.statusCode} ${res.body}`);
  return res.json();
};
const rowOf = async (id: string) => (await t.db.select().from(dossiers).where(eq(dossiers.id, id)))[0]!;

describe('overdue job', () => {
  let late: { id: string; code: string; dueAt: string };
  let appraiseName: string;

  it('records when a dossier became overdue (its due date) and who held it then, once', async () => {
    const desk = await t.login('mc.an');
    const specialist = await t.login('cv.an');
    t.clock.set(monday);
    late = await receive(desk); // 2 working days: due Wednesday 4/3 17:00
    expect(late.dueAt).toBe('2026-03-04T10:00:00.000Z');
    appraiseName = (await act(desk, late.id, { action: 'forward' })).step.name;
    await act(specialist, late.id, { action: 'claim' });
    // Nothing is overdue on Wednesday at 16:59.
    t.clock.set(new Date('2026-03-04T09:59:00Z'));
    expect(await check()).toEqual([]);

    // Thursday: the specialist sends it on to the leader before the job runs; the job still records who held
    // it at the due date (read from the history), not who holds it now.
    t.clock.set(thursday);
    const moved = await act(specialist, late.id, { action: 'forward' });
    expect(moved.step.key).toBe('approve');
    expect((await check()).map((m) => m.id)).toEqual([late.id]);
    const row = await rowOf(late.id);
    expect(row.overdueSince?.toISOString()).toBe(late.dueAt);
    expect(row.overdueHolder).toEqual({
      agencyId: w.commune.id,
      stepKey: 'appraise',
      stepName: appraiseName,
      assigneeId: w.users.specialist.id,
    });

    // Again, later, and from two processes at once: nothing changes.
    t.clock.advance(3_600_000);
    const [a, b] = await Promise.all([check(), check()]);
    expect([...a, ...b]).toEqual([]);
    const again = await rowOf(late.id);
    expect([again.overdueSince, again.overdueHolder]).toEqual([row.overdueSince, row.overdueHolder]);
  });

  it('two runs at once record a newly overdue dossier exactly once', async () => {
    const desk = await t.login('mc.an');
    t.clock.set(monday);
    const d = await receive(desk);
    t.clock.set(thursday);
    const [a, b] = await Promise.all([check(), check()]);
    expect([...a, ...b].map((m) => m.id)).toEqual([d.id]);
    expect((await rowOf(d.id)).overdueHolder).toMatchObject({ agencyId: w.centre.id, stepKey: 'receive' });
  });

  it('leaves alone dossiers not yet due and those waiting for the applicant since before their due date', async () => {
    const desk = await t.login('mc.an');
    const specialist = await t.login('cv.an');
    t.clock.set(monday);
    const waiting = await receive(desk);
    await act(desk, waiting.id, { action: 'forward' });
    await act(specialist, waiting.id, { action: 'claim' });
    await act(specialist, waiting.id, {
      action: 'requestSupplement',
      note: 'Thiếu chứng cứ',
      items: [{ name: 'Văn bản giám định ADN' }],
    });
    t.clock.set(thursday);
    const fresh = await receive(desk);
    expect(await check()).toEqual([]);
    expect((await rowOf(waiting.id)).overdueSince).toBeNull();
    expect((await rowOf(fresh.id)).overdueSince).toBeNull();
  });

  it("gives a leader the overdue and due-soon counts of the subtree's agencies and who held each overdue one", async () => {
    const desk = await t.login('mc.an');
    t.clock.set(new Date('2026-03-04T02:15:00Z')); // Wednesday: due Friday 6/3 17:00
    const soon = await receive(desk);
    t.clock.set(thursday);
    const leader = await t.login('ld.an');
    const res = await leader.get('/api/warnings');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.asOf).toBe(thursday.toISOString());
    const byAgency = Object.fromEntries(
      body.agencies.map((a: { agencyId: string; overdue: number; dueSoon: number }) => [a.agencyId, a]),
    );
    // Held by the commune: the first dossier (overdue). At the centre: the second (overdue), today's
    // dossier (due tomorrow at 17:00: one working day) and the one received today (due next Monday: not soon).
    expect(byAgency[w.commune.id]).toMatchObject({ agencyName: 'Xã An', overdue: 1, dueSoon: 0 });
    expect(byAgency[w.centre.id]).toMatchObject({ overdue: 1, dueSoon: 1 });
    expect(body.overdueTotal).toBe(2);
    const first = body.overdue.find((o: { id: string }) => o.id === late.id);
    expect(first).toMatchObject({
      code: late.code,
      procedureName: 'Đăng ký nhận cha, mẹ, con',
      status: 'inProcess',
      dueAt: late.dueAt,
      overdueSince: late.dueAt,
      holderAgency: { id: w.commune.id },
      heldWhenOverdue: {
        agencyId: w.commune.id,
        agencyName: 'Xã An',
        stepKey: 'appraise',
        stepName: appraiseName,
        assigneeId: w.users.specialist.id,
        assigneeName: expect.any(String),
      },
    });
    // Where it is now: forwarded to the leader's step on Thursday, nobody has claimed it yet; one working day
    // late (due Wednesday, now Thursday).
    expect(first).toMatchObject({ stepName: 'Xem xét, ký kết quả', assigneeName: null, workingDaysLate: 1 });
    expect(body.overdue.map((o: { id: string }) => o.id)).not.toContain(soon.id);
    // The one due Friday is listed as due soon, due the next working day, still with the desk officer who
    // received it.
    expect(body.dueSoonTotal).toBe(1);
    expect(body.dueSoon).toEqual([
      expect.objectContaining({
        id: soon.id,
        code: soon.code,
        dueAt: soon.dueAt,
        holderAgency: { id: w.centre.id, name: 'Trung tâm PVHCC xã An' },
        stepName: 'Tiếp nhận, kiểm tra hồ sơ, cấp giấy tiếp nhận',
        assigneeName: expect.any(String),
        workingDaysLeft: 1,
      }),
    ]);

    expectProblem(await desk.get('/api/warnings'), 403, 'FORBIDDEN');
    expectProblem(await (await t.login('qt.an')).get('/api/warnings'), 403, 'FORBIDDEN');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/warnings' }), 401, 'UNAUTHENTICATED');
  });
});

describe('poll', () => {
  it('runs a task again and again without overlap, and stop() waits for the run in progress', async () => {
    let runs = 0;
    let active = 0;
    let overlapped = false;
    const p = poll(
      async () => {
        active++;
        overlapped ||= active > 1;
        await new Promise((r) => setTimeout(r, 15));
        runs++;
        active--;
      },
      { everyMs: 1, firstAfterMs: 0, onError: () => {} },
    );
    await new Promise((r) => setTimeout(r, 100));
    await p.stop();
    const after = runs;
    expect(after).toBeGreaterThan(1);
    expect(active).toBe(0);
    expect(overlapped).toBe(false);
    await new Promise((r) => setTimeout(r, 30));
    expect(runs).toBe(after);
  });

  it('keeps going after a failed run and reports the error', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const p = poll(
      async () => {
        runs++;
        throw new Error('boom');
      },
      { everyMs: 1, firstAfterMs: 0, onError: (e) => errors.push(e) },
    );
    await new Promise((r) => setTimeout(r, 50));
    await p.stop();
    expect(runs).toBeGreaterThan(1);
    expect(errors.length).toBe(runs);
  });
});
