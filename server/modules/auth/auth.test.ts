import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { make } from '../../test/factories.ts';
import { expectProblem, makeTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof make.tree>>;
beforeAll(async () => {
  t = await makeTestApp();
  tree = await make.tree(t.db);
  await make.user(t.db, { username: 'canbo', grants: [{ role: 'deskOfficer', agency: tree.communeA }] });
  await make.user(t.db, { username: 'bikhoa', grants: [{ role: 'clerk', agency: tree.communeA }] });
  await make.user(t.db, { username: 'quantri', grants: [{ role: 'admin', agency: tree.province }] });
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('login', () => {
  it('opens a session in an httpOnly SameSite cookie and returns the user with grants and a CSRF token', async () => {
    const res = await login('canbo', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'motcua_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json().user.grants).toEqual([
      { role: 'deskOfficer', agencyId: tree.communeA.id, agencyName: 'Xã An', agencyCode: null },
    ]);
    expect(res.json().csrfToken).toHaveLength(43);
    const me = await t.app.inject({ url: '/api/auth/me', cookies: { motcua_session: cookie.value } });
    expect(me.json().user.username).toBe('canbo');
  });

  it('marks the cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
    const proxied = await makeTestApp({ trustProxy: true });
    await make.user(proxied.db, { username: 'quaproxy' });
    const res = await proxied.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'quaproxy', password: TEST_PASSWORD },
    });
    expect(res.cookies.find((c) => c.name === 'motcua_session')?.secure).toBe(true);
    await proxied.close();
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const a = expectProblem(await login('canbo', 'sai-mat-khau'), 401, 'UNAUTHENTICATED');
    const b = expectProblem(await login('khongcoai', 'sai-mat-khau'), 401, 'UNAUTHENTICATED');
    expect(a.detail).toBe(b.detail);
  });

  it('locks the account after five wrong passwords, even against the right one, until the lock expires', async () => {
    for (let i = 0; i < 4; i++) expectProblem(await login('bikhoa', 'sai'), 401, 'UNAUTHENTICATED');
    expectProblem(await login('bikhoa', 'sai'), 423, 'LOCKED');
    const locked = expectProblem(await login('bikhoa', TEST_PASSWORD), 423, 'LOCKED');
    expect(locked.detail).toMatch(/tạm khóa đến \d{2}:\d{2}/);
    t.clock.advance(16 * 60_000);
    expect((await login('bikhoa', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('rate-limits login attempts per client address', async () => {
    const limited = await makeTestApp({ loginRatePerMinute: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        (
          await limited.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: 'ai.do', password: 'x' },
          })
        ).statusCode,
      );
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    await limited.close();
  });
});

describe('session and CSRF', () => {
  it('refuses a cookie-authenticated write without the CSRF token, and accepts it with the token', async () => {
    const admin = await t.login('quantri');
    const body = { parentId: tree.communeB.id, name: 'Phòng Kinh tế', kind: 'unit' };
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/agencies',
      cookies: { motcua_session: admin.cookie },
      payload: body,
    });
    expectProblem(noToken, 403, 'CSRF');
    const wrongToken = await t.app.inject({
      method: 'POST',
      url: '/api/agencies',
      cookies: { motcua_session: admin.cookie },
      headers: { 'x-csrf-token': `${admin.csrf.slice(0, -1)}x` },
      payload: body,
    });
    expectProblem(wrongToken, 403, 'CSRF');
    expect((await admin.post('/api/agencies', body)).statusCode).toBe(201);
  });

  it('logout ends the session on the server, not only in the browser', async () => {
    const u = await t.login('canbo');
    expect((await u.post('/api/auth/logout')).statusCode).toBe(204);
    expectProblem(await u.get('/api/auth/me'), 401, 'UNAUTHENTICATED');
  });

  it('sessions expire', async () => {
    const u = await t.login('canbo');
    t.clock.advance(13 * 3_600_000);
    expectProblem(await u.get('/api/auth/me'), 401, 'UNAUTHENTICATED');
  });

  it('disabling an account ends its sessions and blocks login', async () => {
    const victim = await make.user(t.db, {
      username: 'sebikhoa',
      grants: [{ role: 'clerk', agency: tree.communeB }],
    });
    const session = await t.login('sebikhoa');
    const admin = await t.login('quantri');
    expect((await admin.patch(`/api/users/${victim.id}`, { disabled: true })).statusCode).toBe(200);
    expectProblem(await session.get('/api/auth/me'), 401, 'UNAUTHENTICATED');
    expectProblem(await login('sebikhoa', TEST_PASSWORD), 401, 'UNAUTHENTICATED');
  });
});
