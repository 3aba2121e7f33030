import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldEvents } from '../../../domain/dossier/index.ts';
import { outbox, storedFiles, users } from '../../db/schema.ts';
import { make } from '../../test/factories.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import * as repo from './dossiers.repository.ts';
import {
  act,
  type Client,
  inAppraisal,
  TWO_ITEMS,
  waitingForSupplement,
} from './supplement-online.testing.ts';
import { dossierWorld, uploadTestPdf } from './test-world.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;
const monday = new Date('2026-03-02T02:15:00Z'); // Monday 09:15 in Hà Nội
const mondayTen = new Date('2026-03-02T03:00:00Z');
const tuesdayTen = new Date('2026-03-03T03:00:00Z');
beforeAll(async () => {
  t = await makeTestApp({ sessionHours: 24 * 365 });
  t.clock.set(monday);
  w = await dossierWorld(t);
  await make.user(t.db, { username: 'cd.lan', citizen: true });
  await make.user(t.db, { username: 'cd.minh', citizen: true });
  // Staff are told by e-mail: the specialist and the desk have addresses, the leader none.
  await t.db.update(users).set({ email: 'cv.an@xaan.gov.vn' }).where(eq(users.username, 'cv.an'));
  await t.db.update(users).set({ email: 'mc.an@xaan.gov.vn' }).where(eq(users.username, 'mc.an'));
});
afterAll(() => t.close());

const supply = (c: Client, id: string, body: unknown, key?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/my/dossiers/${id}/supplement`,
    payload: body as object,
    cookies: { motcua_session: c.cookie },
    headers: { 'x-csrf-token': c.csrf, ...(key ? { 'idempotency-key': key } : {}) },
  });

/** One scan per requested item, uploaded by `c`. */
const answer = async (c: Client, items = TWO_ITEMS) => ({
  note: 'Gửi bổ sung theo phiếu',
  items: await Promise.all(items.map(async (i) => ({ name: i.name, fileIds: [await uploadTestPdf(t, c)] }))),
});

describe('supplying a dossier online', () => {
  it('the owner sees exactly the requested items, uploads one scan each; the dossier is back in process, the due date moved by the wait', async () => {
    t.clock.set(mondayTen);
    const d = await waitingForSupplement(t, w, 'cd.lan');
    expect(d.dueBefore).toBe('2026-03-04T10:00:00.000Z');
    // The portal reads the request from the dossier: the two items, and that the owner may answer it.
    const seen = (await d.owner.get(`/api/dossiers/${d.id}`)).json();
    expect(seen.status).toBe('supplementRequested');
    expect(seen.allowedActions).toEqual(['receiveSupplement']);
    expect(
      seen.events.findLast((e: { action: string }) => e.action === 'requestSupplement').data.items,
    ).toEqual(TWO_ITEMS);

    t.clock.set(tuesdayTen);
    const body = await answer(d.owner);
    const res = await supply(d.owner, d.id, body, 'sup-1');
    expect(res.statusCode).toBe(200);
    const after = res.json();
    // One working day of waiting (Monday 10:00 → Tuesday 10:00) is not counted.
    expect(after).toMatchObject({ status: 'inProcess', statusCode: 4, dueAt: '2026-03-05T10:00:00.000Z' });
    expect(after.dueExplanation.join(' ')).toContain('chờ bổ sung hồ sơ');
    expect(after.allowedActions).toEqual([]);
    const last = after.events.at(-1);
    expect(last).toMatchObject({
      action: 'receiveSupplement',
      role: null,
      fromStatus: 'supplementRequested',
      toStatus: 'inProcess',
      note: 'Gửi bổ sung theo phiếu',
    });
    expect(last.actorName).toMatch(/^Người dùng/);
    expect(last.data.items.map((i: { name: string; files: unknown[] }) => [i.name, i.files.length])).toEqual([
      [TWO_ITEMS[0]!.name, 1],
      [TWO_ITEMS[1]!.name, 1],
    ]);

    // The event is the citizen's; the row is the fold of the events.
    const events = await repo.listEvents(t.db, d.id);
    const owner = (await t.db.select().from(users).where(eq(users.username, 'cd.lan')))[0]!;
    expect(events.at(-1)?.actorId).toBe(owner.id);
    const row = (await repo.findDossier(t.db, d.id))!;
    expect(row.dueAt?.toISOString()).toBe(foldEvents(events).dueAt?.toISOString());
    expect(row.pausedSince).toBeNull();

    // The scans now belong to the dossier: the specialist opens them.
    const fileIds = body.items.flatMap((i) => i.fileIds);
    const linked = await t.db.select().from(storedFiles).where(inArray(storedFiles.id, fileIds));
    expect(linked.every((f) => f.dossierId === d.id)).toBe(true);
    expect((await d.specialist.get(`/api/files/${fileIds[0]}`)).statusCode).toBe(200);

    // The specialist who asked and the desk are told by e-mail, in the same transaction.
    const notes = await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.dossierId, d.id), eq(outbox.template, 'dossier.supplementSupplied')));
    expect(notes.map((n) => n.recipient).sort()).toEqual(['cv.an@xaan.gov.vn', 'mc.an@xaan.gov.vn']);
    expect(notes[0]!.payload).toMatchObject({ dueAt: '2026-03-05T10:00:00.000Z' });

    // The specialist carries on.
    expect((await act(d.specialist, d.id, { action: 'forward' })).statusCode).toBe(200);
  });

  it('a retry with the same Idempotency-Key records one supply; the same key for another body is a conflict', async () => {
    t.clock.set(mondayTen);
    const d = await waitingForSupplement(t, w, 'cd.lan');
    t.clock.set(tuesdayTen);
    const body = await answer(d.owner);
    const first = await supply(d.owner, d.id, body, 'retry-7');
    const again = await supply(d.owner, d.id, body, 'retry-7');
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.json().events.length).toBe(first.json().events.length);
    const events = await repo.listEvents(t.db, d.id);
    expect(events.filter((e) => e.action === 'receiveSupplement')).toHaveLength(1);
    expectProblem(await supply(d.owner, d.id, { ...body, note: 'khác' }, 'retry-7'), 409, 'CONFLICT');
    // Without a key, a second supply finds the dossier in process: 409 naming what is allowed (nothing).
    const late = expectProblem(await supply(d.owner, d.id, body), 409, 'INVALID_TRANSITION') as {
      allowedActions?: string[];
    };
    expect(late.allowedActions).toEqual([]);
  });

  it('every requested item must be covered: the answer names each missing one and nothing is saved', async () => {
    t.clock.set(mondayTen);
    const d = await waitingForSupplement(t, w, 'cd.lan');
    const partial = await answer(d.owner, [TWO_ITEMS[0]!]);
    const p = expectProblem(await supply(d.owner, d.id, partial), 400, 'VALIDATION');
    expect(p.errors).toEqual([
      { path: 'items', message: `Chưa tải lên giấy tờ được yêu cầu bổ sung: ${TWO_ITEMS[1]!.name}` },
    ]);
    // An item nobody asked for, and an item without a file.
    const extra = await answer(d.owner, [...TWO_ITEMS, { name: 'Sổ hộ khẩu', detail: '' }]);
    const q = expectProblem(await supply(d.owner, d.id, extra), 400, 'VALIDATION');
    expect(q.errors?.[0]).toEqual({
      path: 'items.2.name',
      message: 'Giấy tờ không có trong yêu cầu bổ sung: Sổ hộ khẩu',
    });
    const empty = { items: TWO_ITEMS.map((i) => ({ name: i.name, fileIds: [] })) };
    expect(expectProblem(await supply(d.owner, d.id, empty), 400, 'VALIDATION').errors?.[0]?.path).toBe(
      'items.0.fileIds',
    );
    expect((await repo.findDossier(t.db, d.id))!.status).toBe('supplementRequested');
  });

  it('only the owner, only in supplementRequested, only their own uploads', async () => {
    t.clock.set(mondayTen);
    const d = await inAppraisal(t, w, 'cd.lan');
    const body = await answer(d.owner);
    // Not waiting for a supplement: 409 with the allowed actions (none for the citizen).
    const early = expectProblem(await supply(d.owner, d.id, body), 409, 'INVALID_TRANSITION');
    expect(early.detail).toContain('Đang giải quyết');
    await act(d.specialist, d.id, { action: 'requestSupplement', note: 'Thiếu', items: TWO_ITEMS });
    // Another citizen: the dossier does not exist for them.
    const minh = await t.login('cd.minh');
    expectProblem(await supply(minh, d.id, await answer(minh)), 404, 'NOT_FOUND');
    // Staff use the desk's own action, not the portal's.
    expectProblem(await supply(d.desk, d.id, body), 403, 'FORBIDDEN');
    // Scans uploaded by someone else cannot be handed in as one's own.
    const foreign = await answer(minh);
    expectProblem(await supply(d.owner, d.id, foreign), 400, 'VALIDATION');
    expect((await repo.findDossier(t.db, d.id))!.status).toBe('supplementRequested');
    // A citizen cannot use the staff action route either.
    expectProblem(await act(d.owner, d.id, { action: 'receiveSupplement' }), 403, 'FORBIDDEN');
    expect((await supply(d.owner, d.id, body)).statusCode).toBe(200);
  });

  it('the desk still records a paper supplement without items', async () => {
    t.clock.set(mondayTen);
    const d = await waitingForSupplement(t, w, 'cd.lan');
    const res = await act(d.desk, d.id, { action: 'receiveSupplement' });
    expect(res.statusCode).toBe(200);
    expect(res.json().events.at(-1)).toMatchObject({ action: 'receiveSupplement', role: 'deskOfficer' });
  });
});
