/**
 * The world the access matrix runs in: a province with communes A and B, every staff role granted at the province,
 * at commune A and at commune B, two citizens, and one real target of every kind in commune A — dossiers (one in
 * progress with a fee, one resolved with an electronic result and a flagged rating), files, an intake slip, a
 * calendar notice, an account, a failed notification. Test code only.
 */
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { type StaffRole, StaffRole as StaffRoles } from '../../domain/access/roles.ts';
import { outbox } from '../db/schema.ts';
import { importCatalogue } from '../modules/catalogue/catalogue.service.ts';
import { registerCitizen } from '../modules/citizens/citizens.testing.ts';
import { onlineApplicationOf, testPdf } from '../modules/dossiers/test-world.ts';
import { ACCOUNT, onlineRenewal } from '../modules/payments/payments.testing.ts';
import { demoCatalogue } from '../seed/demo-catalogue.ts';
import { make } from './factories.ts';
import type { TestApp } from './harness.ts';

export type Where = 'province' | 'communeA' | 'communeB';
export const WHERES: readonly Where[] = ['province', 'communeA', 'communeB'];

/** Who calls: nobody, a citizen (the owner of the target dossiers or another one), a staff role somewhere. */
export type Who =
  | Readonly<{ kind: 'anonymous' }>
  | Readonly<{ kind: 'citizen'; owner: boolean }>
  | Readonly<{ kind: 'staff'; role: StaffRole; at: Where }>;

export const whoName = (w: Who) =>
  w.kind === 'anonymous'
    ? 'anonymous'
    : w.kind === 'citizen'
      ? w.owner
        ? 'owner'
        : 'otherCitizen'
      : `${w.role}@${w.at}`;

export const ACTORS: readonly Who[] = [
  { kind: 'anonymous' },
  { kind: 'citizen', owner: true },
  { kind: 'citizen', owner: false },
  ...StaffRoles.options.flatMap((role) => WHERES.map((at) => ({ kind: 'staff' as const, role, at }))),
];

export type Session = Readonly<{ cookie: string; csrf: string }>;

/** The procedure the catalogue routes edit (no dossier in the world uses it). */
export const EDIT_CODE = '1.001193';
/** Owner's e-mail (the citizen sign-in route signs in with it). */
export const OWNER_EMAIL = 'chu.ho.so@example.vn';
export const OWNER_PASSWORD = 'MatKhau@2026';
/** A staff account the login route signs in as (no actor's own session is touched). */
export const LOGIN_USER = 'matrix.dang.nhap';

type Client = Awaited<ReturnType<TestApp['login']>>;

const ok = (res: LightMyRequestResponse, status: number, what: string) => {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
};

async function upload(t: TestApp, s: Session, bytes = testPdf, type = 'application/pdf'): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    payload: bytes,
    cookies: { motcua_session: s.cookie },
    headers: { 'content-type': type, 'x-csrf-token': s.csrf, 'x-file-name': 'giay.pdf' },
  });
  return ok(res, 201, 'upload').id as string;
}

const asClient = (t: TestApp, s: Session): Client => {
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      payload: payload as object | undefined,
      cookies: { motcua_session: s.cookie },
      headers: method === 'GET' ? {} : { 'x-csrf-token': s.csrf },
    });
  return {
    ...s,
    get: (url) => call('GET', url),
    post: (url, body) => call('POST', url, body ?? {}),
    patch: (url, body) => call('PATCH', url, body),
    put: (url, body) => call('PUT', url, body),
    delete: (url) => call('DELETE', url),
  };
};

export async function accessWorld(t: TestApp) {
  await importCatalogue({ db: t.db, actor: null, clock: t.clock, requestId: 'seed' }, demoCatalogue());
  const province = await make.agency(t.db, {
    name: 'Tỉnh Thử',
    kind: 'province',
    agencyCode: '000.00.00.H99',
  });
  const communeA = await make.agency(t.db, { parent: province, name: 'Xã An', agencyCode: '000.01.00.H99' });
  const centreA = await make.agency(t.db, {
    parent: communeA,
    name: 'Trung tâm PVHCC xã An',
    kind: 'serviceCentre',
    agencyCode: '000.01.01.H99',
  });
  const unitA = await make.agency(t.db, { parent: communeA, name: 'Phòng Văn hóa xã An', kind: 'unit' });
  const communeB = await make.agency(t.db, {
    parent: province,
    name: 'Xã Bình',
    agencyCode: '000.02.00.H99',
  });
  await make.agency(t.db, {
    parent: communeB,
    name: 'Trung tâm PVHCC xã Bình',
    kind: 'serviceCentre',
    agencyCode: '000.02.01.H99',
  });
  const places = { province, communeA, communeB };

  const sessions = new Map<string, Session>();
  for (const who of ACTORS) {
    if (who.kind !== 'staff') continue;
    const username = `${who.role.toLowerCase()}.${who.at.toLowerCase()}`;
    await make.user(t.db, { username, grants: [{ role: who.role, agency: places[who.at] }] });
    const c = await t.login(username);
    sessions.set(whoName(who), { cookie: c.cookie, csrf: c.csrf });
  }
  // The owner signs up on the portal (e-mail + password); the other citizen is any citizen account.
  const owner = await registerCitizen(t, OWNER_EMAIL, 'Trần Thị Lan', OWNER_PASSWORD);
  sessions.set('owner', { cookie: owner.cookie, csrf: owner.csrf });
  await make.user(t.db, { username: 'cd.khac', citizen: true });
  const other = await t.login('cd.khac');
  sessions.set('otherCitizen', { cookie: other.cookie, csrf: other.csrf });
  await make.user(t.db, { username: LOGIN_USER, grants: [{ role: 'clerk', agency: communeB }] });
  const targetUser = await make.user(t.db, {
    username: 'vt.an',
    grants: [{ role: 'clerk', agency: communeA }],
  });

  const session = (name: string) => asClient(t, sessions.get(name)!);
  const desk = session('deskOfficer@communeA');
  const specialist = session('specialist@communeA');
  const leader = session('leader@communeA');
  const rootAdmin = session('admin@province');
  const ownerClient = session('owner');

  // D1: an online "Gia hạn tạm trú" (fee due), accepted by the desk of commune A; its scan is file F.
  const d1 = await onlineRenewal(t, centreA.id, ownerClient, false);
  ok(await desk.post(`/api/dossiers/${d1.id}/actions`, { action: 'accept' }), 200, 'accept D1');
  const d1View = ok(await desk.get(`/api/dossiers/${d1.id}`), 200, 'view D1');
  const fileId = (d1View.documents as { fileIds: string[] }[])[0]!.fileIds[0]!;

  // D2: resolved with an electronic result R, rated "not satisfied" by its owner (a flagged rating).
  const body = onlineApplicationOf(centreA.id, await upload(t, owner), await upload(t, owner));
  const d2 = ok(await ownerClient.post('/api/online-dossiers', body), 201, 'submit D2') as { id: string };
  const act = async (c: Client, req: Record<string, unknown>) =>
    ok(await c.post(`/api/dossiers/${d2.id}/actions`, req), 200, `D2 ${String(req.action)}`);
  await act(desk, { action: 'accept' });
  await act(desk, { action: 'forward' });
  await act(specialist, { action: 'claim' });
  await act(specialist, { action: 'forward' });
  const resultId = await upload(t, leader);
  await act(leader, { action: 'attachResult', name: 'Trích lục', number: '15/TLNCMC', fileId: resultId });
  await act(leader, { action: 'forward' });
  const notSatisfied = {
    answers: {
      convenience: 'satisfied',
      overall: 'notSatisfied',
      timeliness: 'satisfied',
      staffAttitude: 'satisfied',
    },
    reasons: { overall: 'Phải đi lại nhiều lần' },
  };
  const rating = ok(await ownerClient.post(`/api/dossiers/${d2.id}/rating`, notSatisfied), 201, 'rate D2');

  const slip = ok(
    await desk.post('/api/intake-slips', {
      kind: 'refusal',
      procedureCode: '1.001022',
      receivingAgencyId: centreA.id,
      addressee: { fullName: 'Trần Thị Bình' },
      reasons: ['Không thuộc thẩm quyền của xã'],
    }),
    201,
    'slip',
  );
  const notice = ok(
    await rootAdmin.post('/api/calendar/notices', {
      date: '2031-05-06',
      kind: 'dayOff',
      name: 'Nghỉ bù thử nghiệm',
      decision: 'Thông báo 1/TB-TEST',
    }),
    201,
    'notice',
  );
  const workflows = ok(
    await rootAdmin.get(`/api/catalogue/procedures/${EDIT_CODE}/workflows`),
    200,
    'workflows',
  );
  const [failed] = await t.db
    .insert(outbox)
    .values({
      channel: 'email',
      recipient: 'lan.tran@example.vn',
      template: 'dossier.accepted',
      payload: {},
      dossierId: d1.id,
      agencyId: centreA.id,
      status: 'failed',
      lastError: 'SMTP 550',
    })
    .returning();

  // Files each citizen submits online with (a file links to one dossier only).
  const onlineFiles = new Map<string, [string, string]>();
  for (const name of ['owner', 'otherCitizen']) {
    const s = sessions.get(name)!;
    onlineFiles.set(name, [await upload(t, s), await upload(t, s)]);
  }

  return {
    province,
    communeA,
    centreA,
    unitA,
    communeB,
    sessions,
    session,
    d1: { id: d1.id, code: d1.code, fileId },
    d2: { id: d2.id, resultId },
    ratingId: rating.id as string,
    slipId: slip.id as string,
    noticeId: notice.id as string,
    /** The first workflow the catalogue holds for EDIT_CODE, to save back unchanged. */
    workflow: (workflows.items as unknown[])[0],
    notificationId: failed!.id,
    targetUserId: targetUser.id,
    onlineFiles,
    account: ACCOUNT,
    ownerId: owner.account.id,
    outboxRow: async (id: string) => (await t.db.select().from(outbox).where(eq(outbox.id, id)))[0],
  };
}

export type AccessWorld = Awaited<ReturnType<typeof accessWorld>>;
