import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, citizenProfiles, users } from '../../db/schema.ts';
import { make } from '../../test/factories.ts';
import { expectProblem, makeTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.ts';
import { insertUser, replaceGrants, updateUserRow } from '../users/users.repository.ts';
import { CITIZEN_PASSWORD, post, registerCitizen } from './citizens.testing.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof make.tree>>;
let citizen: Awaited<ReturnType<typeof registerCitizen>>;
/** Tỉnh 56 with xã 22015 (GSO codes) and tỉnh 01 with phường 00070, as an imported commune list would give. */
let coded: { p56: { id: string }; p01: { id: string } };

beforeAll(async () => {
  t = await makeTestApp({ citizenCodeRatePerMinute: 1000, citizenConfirmRatePerMinute: 1000 });
  tree = await make.tree(t.db);
  await make.user(t.db, { username: 'canbo', grants: [{ role: 'deskOfficer', agency: tree.communeA }] });
  const p56 = await make.agency(t.db, { name: 'Tỉnh Khánh Hòa', kind: 'province', gsoCode: '56' });
  await make.agency(t.db, { parent: p56, name: 'Phường Nha Trang', gsoCode: '22015' });
  const p01 = await make.agency(t.db, { name: 'Thành phố Hà Nội', kind: 'province', gsoCode: '01' });
  await make.agency(t.db, { parent: p01, name: 'Phường Hoàn Kiếm', gsoCode: '00070' });
  coded = { p56, p01 };
  citizen = await registerCitizen(t, '0912 000 111', 'Lê Thị Cúc');
});
afterAll(() => t.close());

/** The error (or the driver error drizzle wraps) carries the guard's own message. */
const refusedBy = (text: string) => (err: unknown) => {
  for (let e = err as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.message?.includes(text)) return true;
  }
  return false;
};
const profile = (o: Record<string, unknown> = {}) => ({ fullName: 'Lê Thị Cúc', ...o });

describe('profile', () => {
  it('starts from the account: the name and the phone signed up with', async () => {
    expect((await citizen.get('/api/citizen/profile')).json()).toEqual({
      fullName: 'Lê Thị Cúc',
      dateOfBirth: null,
      sex: null,
      citizenId: null,
      phone: '0912000111',
      email: null,
      address: null,
      updatedAt: null,
      linkedIdentities: [],
    });
  });

  it('saves everything in NFC, normalises numbers, and renames the account', async () => {
    const decomposed = (s: string) => s.normalize('NFD');
    const res = await citizen.put(
      '/api/citizen/profile',
      profile({
        fullName: decomposed('  Lê Thị Cúc Hoa '),
        dateOfBirth: '2001-09-02',
        sex: 'female',
        citizenId: '056 301 000 123',
        phone: '+84 912 000 222',
        email: ' Cuc.Le@Example.VN',
        address: { provinceCode: '56', communeCode: '22015', street: decomposed('Số 5 đường Trần Phú') },
      }),
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      fullName: 'Lê Thị Cúc Hoa',
      citizenId: '056301000123',
      phone: '0912000222',
      email: 'cuc.le@example.vn',
      address: { provinceCode: '56', communeCode: '22015', street: 'Số 5 đường Trần Phú' },
    });
    expect(body.fullName).toBe(body.fullName.normalize('NFC'));
    const [row] = await t.db
      .select()
      .from(citizenProfiles)
      .where(eq(citizenProfiles.userId, citizen.account.id));
    expect(row!.street).toBe('Số 5 đường Trần Phú'.normalize('NFC'));
    expect((await citizen.get('/api/citizen/me')).json().account.fullName).toBe('Lê Thị Cúc Hoa');
    // Sign-in identifiers do not move with the contact details of the profile.
    expect((await citizen.get('/api/citizen/me')).json().account.phone).toBe('0912000111');
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'citizen.profileUpdate'));
    expect(audit!.details).toEqual({
      changed: ['fullName', 'dateOfBirth', 'sex', 'citizenId', 'phone', 'email', 'address'],
    });
    expect(JSON.stringify(audit)).not.toContain('056301000123');
  });

  it('clears what a PUT leaves out', async () => {
    const res = await citizen.put('/api/citizen/profile', profile());
    expect(res.json()).toMatchObject({ citizenId: null, address: null, phone: null, dateOfBirth: null });
  });

  it('checks the citizen ID in Vietnamese, against the date of birth and sex', async () => {
    const short = expectProblem(
      await citizen.put('/api/citizen/profile', profile({ citizenId: '12345' })),
      400,
      'VALIDATION',
    );
    expect(short.errors).toEqual([
      { path: 'citizenId', message: 'Số định danh cá nhân (căn cước) phải gồm đúng 12 chữ số' },
    ]);
    const mismatch = expectProblem(
      await citizen.put(
        '/api/citizen/profile',
        profile({ citizenId: '001090012345', sex: 'female', dateOfBirth: '1990-01-01' }),
      ),
      400,
      'VALIDATION',
    );
    expect(mismatch.errors).toEqual([
      { path: 'citizenId', message: 'Số định danh cá nhân không khớp với giới tính' },
    ]);
    const future = expectProblem(
      await citizen.put('/api/citizen/profile', profile({ dateOfBirth: '2026-03-03' })),
      400,
      'VALIDATION',
    );
    expect(future.errors).toEqual([
      { path: 'dateOfBirth', message: 'Ngày sinh không được sau ngày hôm nay' },
    ]);
  });

  it('checks province and commune codes against the organisation tree where it knows them', async () => {
    const put = (address: object) => citizen.put('/api/citizen/profile', profile({ address }));
    const elsewhere = expectProblem(
      await put({ provinceCode: '56', communeCode: '00070', street: 'Số 1' }),
      400,
      'VALIDATION',
    );
    expect(elsewhere.errors).toEqual([
      { path: 'address.communeCode', message: 'Xã, phường không thuộc tỉnh, thành phố đã chọn' },
    ]);
    const unknown = expectProblem(
      await put({ provinceCode: '56', communeCode: '99999', street: 'Số 1' }),
      400,
      'VALIDATION',
    );
    expect(unknown.errors?.[0]?.message).toBe(
      'Mã xã, phường không có trong danh mục của tỉnh, thành phố đã chọn',
    );
    const format = expectProblem(await put({ provinceCode: '5', street: 'Số 1' }), 400, 'VALIDATION');
    expect(format.errors).toEqual([{ path: 'address.provinceCode', message: 'Mã tỉnh gồm 2 chữ số' }]);
    // A province the deployment does not hold is checked for format only.
    expect((await put({ provinceCode: '79', communeCode: '26734', street: 'Số 9 Lê Lợi' })).statusCode).toBe(
      200,
    );
    expect(
      (await put({ provinceCode: '01', communeCode: '00070', street: 'Số 1 Tràng Tiền' })).statusCode,
    ).toBe(200);
    expect(coded.p01.id).not.toBe(coded.p56.id);
  });
});

describe('staff and citizens stay apart', () => {
  it('a citizen session is refused by staff endpoints', async () => {
    for (const url of ['/api/dossiers', '/api/users', '/api/agencies', '/api/notifications']) {
      const res = await citizen.get(url);
      expect([url, res.statusCode]).toEqual([url, 403]);
    }
    expectProblem(await citizen.get(`/api/agencies/${tree.communeA.id}`), 403, 'FORBIDDEN');
  });

  it('a staff session cannot use the citizen endpoints', async () => {
    const staff = await t.login('canbo');
    expectProblem(await staff.get('/api/citizen/profile'), 403, 'FORBIDDEN');
    expectProblem(await staff.put('/api/citizen/profile', profile()), 403, 'FORBIDDEN');
    expectProblem(await staff.get('/api/citizen/me'), 403, 'FORBIDDEN');
    expectProblem(await t.app.inject('/api/citizen/profile'), 401, 'UNAUTHENTICATED');
  });

  it('each sign-in finds only its own kind of account', async () => {
    // A staff account with a phone is not a citizen account.
    const clerk = await make.user(t.db, {
      username: 'vanthu',
      grants: [{ role: 'clerk', agency: tree.communeA }],
    });
    await updateUserRow(t.db, clerk.id, { phone: '0977000555' });
    const res = await post(t, '/api/citizen/sign-in', { identifier: '0977000555', password: TEST_PASSWORD });
    expectProblem(res, 401, 'UNAUTHENTICATED');
    // The internal username of a citizen account cannot pass the staff login.
    const staffLogin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: `citizen:${citizen.account.id}`, password: CITIZEN_PASSWORD },
    });
    expectProblem(staffLogin, 400, 'VALIDATION');
  });

  it('the database refuses a grant to a citizen account and a change of kind', async () => {
    await expect(
      replaceGrants(t.db, citizen.account.id, [{ role: 'admin', agencyId: tree.province.id }]),
    ).rejects.toSatisfy(refusedBy('role grants are for staff accounts only'));
    await expect(
      t.db.update(users).set({ kind: 'staff' }).where(eq(users.id, citizen.account.id)),
    ).rejects.toSatisfy(refusedBy('users.kind cannot change'));
    const staff = await insertUser(t.db, { username: 'canbo2', fullName: 'Cán bộ', kind: 'staff' }, 'x');
    await expect(t.db.update(users).set({ kind: 'citizen' }).where(eq(users.id, staff.id))).rejects.toSatisfy(
      refusedBy('users.kind cannot change'),
    );
    await expect(t.db.insert(citizenProfiles).values({ userId: staff.id })).rejects.toSatisfy(
      refusedBy('citizen profiles are for citizen accounts only'),
    );
    const [row] = await t.db.select().from(users).where(eq(users.id, citizen.account.id));
    expect(row!.kind).toBe('citizen');
  });
});
