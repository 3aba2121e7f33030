/**
 * Web hardening (ADR 0003, ADR 0010): security headers, cookie attributes, a new session id at every sign-in, and
 * the CSRF check on state-changing routes of staff and citizens. The SPA's CSP in a real browser:
 * e2e/security.e2e.ts; personal data kept out of logs: log-privacy.test.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { agencies, citizenProfiles, sessions } from '../db/schema.ts';
import { registerCitizen } from '../modules/citizens/citizens.testing.ts';
import { dossierWorld, intakeOf } from '../modules/dossiers/test-world.ts';
import { expectProblem, makeTestApp, TEST_PASSWORD, type TestApp } from '../test/harness.ts';
import { contentSecurityPolicy, registerSecurityHeaders, sendSpaIndex, withoutQuery } from './security.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;
beforeAll(async () => {
  t = await makeTestApp({ citizenCodeRatePerMinute: 1000, citizenConfirmRatePerMinute: 1000 });
  w = await dossierWorld(t);
});
afterAll(() => t.close());

/** Another app on the same database with some configuration changed. */
async function appWith(overrides: Parameters<typeof loadConfig>[1]) {
  const config = loadConfig({ LOG_LEVEL: 'silent' }, { loginRatePerMinute: 1000, ...overrides });
  return buildApp({ db: t.db, dbKind: t.database.kind, config, clock: t.clock }, { serveWeb: false });
}

describe('security headers', () => {
  it('every answer — data, problem, redirect — says nosniff, no framing, same-origin referrer; no HSTS on http', async () => {
    const answers = [
      await t.app.inject({ url: '/api/citizen/oidc' }),
      await t.app.inject({ url: '/api/khong-co' }),
      await t.app.inject({ url: '/api/citizen/oidc/start' }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 404, 303]);
    for (const res of answers) {
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'same-origin',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
      });
      expect(res.headers['permissions-policy']).toContain('camera=()');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
      // JSON and PDF answers carry no CSP (Chrome's PDF viewer breaks under one); HTML does (below).
      expect(res.headers['content-security-policy']).toBeUndefined();
    }
  });

  it('sends HSTS when configured', async () => {
    const app = await appWith({ hsts: true });
    const res = await app.inject({ url: '/api/citizen/oidc' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    await app.close();
    // By default it follows PUBLIC_URL: https → on.
    expect(loadConfig({ PUBLIC_URL: 'https://dichvucong.example.gov.vn' }).hsts).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).hsts).toBe(false);
  });

  it('index.html gets a CSP without inline scripts and a fresh style nonce the SPA can read, never cached', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-csp-'));
    const index = path.join(dir, 'index.html');
    writeFileSync(index, '<!doctype html><html><head><title>x</title></head><body></body></html>');
    for (const hsts of [false, true]) {
      const app = Fastify();
      await registerSecurityHeaders(app, loadConfig({ LOG_LEVEL: 'silent' }, { hsts }));
      app.get('/', (_request, reply) => sendSpaIndex(reply, index));
      const [a, b] = [await app.inject({ url: '/' }), await app.inject({ url: '/' })];
      const csp = String(a.headers['content-security-policy']);
      const nonce = /<meta property="csp-nonce" nonce="([^"]+)"/.exec(a.body)?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`);
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("script-src-attr 'none'");
      expect(csp).toContain("style-src-attr 'unsafe-inline'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp.includes('upgrade-insecure-requests')).toBe(hsts);
      expect(a.headers['cache-control']).toBe('no-store');
      expect(b.headers['content-security-policy']).not.toBe(csp);
      await app.close();
    }
  });

  it('the API page (/docs, Swagger UI) may use inline styles, never inline scripts', () => {
    const csp = contentSecurityPolicy('n', { upgradeInsecureRequests: false, inlineStyles: true });
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("script-src-attr 'none'");
  });

  it('keeps query strings (a citizen ID typed in a search box) out of logged URLs', () => {
    expect(withoutQuery('/api/dossiers?q=001190054321')).toBe('/api/dossiers?…');
    expect(withoutQuery('/api/dossiers')).toBe('/api/dossiers');
  });
});

const sessionCookie = (res: { cookies: { name: string }[] }) =>
  res.cookies.find((c) => c.name === 'motcua_session') as
    | { value: string; httpOnly?: boolean; sameSite?: string; secure?: boolean; path?: string }
    | undefined;
const login = (app = t.app, headers: Record<string, string> = {}, cookies: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'mc.an', password: TEST_PASSWORD },
    headers,
    cookies,
  });

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, whole-site; not Secure over plain http', async () => {
    const staff = sessionCookie(await login())!;
    expect(staff).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(staff.secure).toBeFalsy();
    const citizen = await registerCitizen(t, 'lan.cookie@example.vn');
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/api/citizen/sign-in',
      payload: { identifier: 'lan.cookie@example.vn', password: 'MatKhau@2026' },
    });
    expect(sessionCookie(signedIn)).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(citizen.cookie).not.toBe(sessionCookie(signedIn)!.value);
  });

  it('is Secure when the request came over HTTPS (behind a trusted proxy), or always when configured', async () => {
    const proxied = await appWith({ trustProxy: true });
    expect(sessionCookie(await login(proxied, { 'x-forwarded-proto': 'https' }))!.secure).toBe(true);
    expect(sessionCookie(await login(proxied))!.secure).toBeFalsy();
    await proxied.close();
    // Without TRUST_PROXY a client cannot claim https.
    expect(sessionCookie(await login(t.app, { 'x-forwarded-proto': 'https' }))!.secure).toBeFalsy();
    const always = await appWith({ cookieSecure: true });
    expect(sessionCookie(await login(always))!.secure).toBe(true);
    await always.close();
  });
});

describe('session id at sign-in', () => {
  it('every sign-in issues a new id; a planted cookie is never adopted; sign-out ends the session on the server', async () => {
    const planted = 'planted-by-someone-else-0123456789abcdefghijk';
    const first = await login(t.app, {}, { motcua_session: planted });
    const a = sessionCookie(first)!.value;
    expect(a).not.toBe(planted);
    expect(a).toMatch(/^[\w-]{43}$/);
    expectProblem(
      await t.app.inject({ url: '/api/auth/me', cookies: { motcua_session: planted } }),
      401,
      'UNAUTHENTICATED',
    );
    const second = await login(t.app, {}, { motcua_session: a });
    const b = sessionCookie(second)!.value;
    expect(b).not.toBe(a);
    expect(second.json().csrfToken).not.toBe(first.json().csrfToken);
    // Only hashes are stored: the cookie value is nowhere in the table.
    const stored = await t.db.select().from(sessions).where(eq(sessions.userId, w.users.desk.id));
    expect(JSON.stringify(stored)).not.toContain(a);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { motcua_session: b },
      headers: { 'x-csrf-token': second.json().csrfToken },
    });
    expect(out.statusCode).toBe(204);
    expectProblem(
      await t.app.inject({ url: '/api/auth/me', cookies: { motcua_session: b } }),
      401,
      'UNAUTHENTICATED',
    );
  });
});

describe('CSRF', () => {
  it('refuses staff writes without the token, with a wrong one, or with another session’s, and changes nothing', async () => {
    const admin = await t.login('qt.an');
    const desk = await t.login('mc.an');
    const writes: [string, string, object][] = [
      ['POST', '/api/agencies', { parentId: w.commune.id, name: 'Đơn vị giả mạo', kind: 'department' }],
      ['PATCH', `/api/agencies/${w.commune.id}`, { name: 'Tên giả mạo' }],
      [
        'POST',
        '/api/users',
        { username: 'gia.mao', fullName: 'Giả Mạo', password: 'MatKhau@2026', grants: [] },
      ],
      ['POST', '/api/auth/logout', {}],
    ];
    const deskWrites: [string, string, object][] = [['POST', '/api/dossiers', intakeOf(w.centre.id)]];
    const before = (await t.db.select().from(agencies)).length;
    for (const [who, list] of [
      [admin, writes],
      [desk, deskWrites],
    ] as const) {
      for (const [method, url, payload] of list) {
        for (const token of [undefined, 'sai-ma', who === admin ? desk.csrf : admin.csrf]) {
          const res = await t.app.inject({
            method: method as 'POST',
            url,
            payload,
            cookies: { motcua_session: who.cookie },
            headers: token ? { 'x-csrf-token': token } : {},
          });
          expectProblem(res, 403, 'CSRF');
        }
      }
    }
    expect((await t.db.select().from(agencies)).length).toBe(before);
    const [commune] = await t.db.select().from(agencies).where(eq(agencies.id, w.commune.id));
    expect(commune!.name).toBe('Xã An');
    // The refused sign-out did not end the session.
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
    // With the token, the same write goes through (the refusals above were about the token, nothing else).
    expect((await admin.patch(`/api/agencies/${w.commune.id}`, { shortName: 'An' })).statusCode).toBe(200);
  });

  it('refuses citizen writes without the token', async () => {
    const citizen = await registerCitizen(t, '0912555666', 'Trần Văn Phúc');
    const writes: [string, string, object][] = [
      ['PUT', '/api/citizen/profile', { fullName: 'Trần Văn Phúc', citizenId: '001090099999' }],
      ['POST', '/api/online-dossiers', {}],
      ['POST', '/api/citizen/sign-out', {}],
    ];
    for (const [method, url, payload] of writes) {
      const res = await t.app.inject({
        method: method as 'POST',
        url,
        payload,
        cookies: { motcua_session: citizen.cookie },
      });
      expectProblem(res, 403, 'CSRF');
    }
    expect(
      await t.db.select().from(citizenProfiles).where(eq(citizenProfiles.userId, citizen.account.id)),
    ).toEqual([]);
    expect((await citizen.get('/api/citizen/me')).statusCode).toBe(200);
    // A file upload is a write too.
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      payload: Buffer.from('%PDF-1.4\n%%EOF\n'),
      cookies: { motcua_session: citizen.cookie },
      headers: { 'content-type': 'application/pdf' },
    });
    expectProblem(upload, 403, 'CSRF');
  });
});
