/**
 * Sign-in with VNeID (OpenID Connect, ADR 0009) against a real provider on 127.0.0.1: the whole authorization code
 * flow over HTTP, the provider's login and consent pages included. Refusals: oidc-refusals.test.ts.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, citizenIdentities, sessions, users } from '../../db/schema.ts';
import { expectProblem } from '../../test/harness.ts';
import { CITIZEN_PASSWORD, post, registerCitizen } from './citizens.testing.ts';
import { oidcTestApp, providerBrowser, REDIRECT_URI } from './oidc.testing.ts';

let o: Awaited<ReturnType<typeof oidcTestApp>>;
beforeAll(async () => {
  o = await oidcTestApp({
    'cccd-001090000001': {
      name: 'Nguyễn Văn An',
      phone_number: '+84912000111',
      phone_number_verified: true,
      email: 'an.nguyen@example.vn',
      email_verified: false,
    },
    'cccd-001090000002': {
      family_name: 'Lê',
      given_name: 'Văn Cường',
      email: 'cuong@example.vn',
      email_verified: true,
    },
    'cccd-001090000003': { name: 'Phạm Thị Dung' },
    'cccd-001090000004': { name: 'Hoàng Văn Em', phone_number: '0987000333', phone_number_verified: true },
  });
});
afterAll(() => o.close());

const sessionCookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.find((c) => c.name === 'motcua_session');
const identitiesOf = (subject: string) =>
  o.t.db.select().from(citizenIdentities).where(eq(citizenIdentities.subject, subject));
const me = (cookie: string) =>
  o.t.app.inject({ url: '/api/citizen/me', cookies: { motcua_session: cookie } });

describe('the portal learns whether the button is shown', () => {
  it('GET /api/citizen/oidc names the provider and where to start', async () => {
    const res = await o.t.app.inject({ url: '/api/citizen/oidc' });
    expect(res.json()).toEqual({ enabled: true, displayName: 'VNeID', startUrl: '/api/citizen/oidc/start' });
  });
});

describe('start', () => {
  it('sends the browser to the provider with PKCE (S256), state and nonce; the secrets stay in a sealed cookie', async () => {
    const { authorizationUrl, cookie } = await o.start();
    const url = new URL(authorizationUrl);
    expect(url.origin).toBe(o.provider.issuer);
    const q = url.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe('motcua-portal');
    expect(q.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(q.get('scope')).toBe('openid profile phone email');
    expect(q.get('state')!.length).toBeGreaterThanOrEqual(32);
    expect(q.get('nonce')!.length).toBeGreaterThanOrEqual(32);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/citizen/oidc', maxAge: 600 });
    // Sealed, not merely encoded: neither the state nor the nonce can be read from it.
    const raw = Buffer.from(cookie!.value, 'base64url').toString('latin1');
    expect(raw).not.toContain(q.get('state'));
    expect(raw).not.toContain(q.get('nonce'));
    // Two starts, two different sets of secrets.
    const again = new URL((await o.start()).authorizationUrl).searchParams;
    expect(again.get('state')).not.toBe(q.get('state'));
    expect(again.get('code_challenge')).not.toBe(q.get('code_challenge'));
  });
});

describe('first and second sign-in', () => {
  let firstSession = '';
  let userId = '';

  it('the first sign-in creates exactly one citizen account and one identity link, and signs in', async () => {
    const res = await o.flow('cccd-001090000001');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/cong-dan/ho-so');
    const cookie = sessionCookieOf(res)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // The pending sign-in is spent.
    expect(res.cookies.find((c) => c.name === 'motcua_oidc')).toMatchObject({ value: '' });
    firstSession = cookie.value;

    const links = await identitiesOf('cccd-001090000001');
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ issuer: o.provider.issuer });
    userId = links[0]!.userId;
    const accounts = await o.t.db.select().from(users).where(eq(users.id, userId));
    // The phone the provider verified becomes the sign-in phone; the unverified e-mail is not taken.
    expect(accounts).toEqual([
      expect.objectContaining({
        kind: 'citizen',
        fullName: 'Nguyễn Văn An',
        phone: '0912000111',
        email: null,
      }),
    ]);
    expect((await me(firstSession)).json().account).toMatchObject({ id: userId, fullName: 'Nguyễn Văn An' });
    const audit = await o.t.db.select().from(auditEvents).where(eq(auditEvents.targetId, userId));
    expect(audit.map((a) => a.action).sort()).toEqual(['citizen.oidcSignIn', 'citizen.signUp']);
    expect(audit.find((a) => a.action === 'citizen.signUp')!.details).toMatchObject({ via: 'oidc' });
  });

  it('the second sign-in reuses the account and opens a new session; the first one stays valid', async () => {
    o.t.clock.advance(60_000);
    const res = await o.flow('cccd-001090000001');
    expect(res.headers.location).toBe('/cong-dan/ho-so');
    const second = sessionCookieOf(res)!.value;
    expect(second).not.toBe(firstSession);
    expect((await me(second)).json().account.id).toBe(userId);
    expect(await identitiesOf('cccd-001090000001')).toHaveLength(1);
    const withPhone = await o.t.db
      .select()
      .from(users)
      .where(and(eq(users.kind, 'citizen'), eq(users.phone, '0912000111')));
    expect(withPhone).toHaveLength(1);
    expect(await o.t.db.select().from(sessions).where(eq(sessions.userId, userId))).toHaveLength(2);
    const [link] = await identitiesOf('cccd-001090000001');
    expect(link!.lastSignInAt).toEqual(o.t.clock.now());
  });

  it('an account created by VNeID has no usable password (sign-in by password answers like a wrong one)', async () => {
    expectProblem(
      await post(o.t, '/api/citizen/sign-in', { identifier: '0912000111', password: CITIZEN_PASSWORD }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('builds the name from family and given names, and takes an e-mail the provider verified', async () => {
    const res = await o.flow('cccd-001090000002');
    const [link] = await identitiesOf('cccd-001090000002');
    const [account] = await o.t.db.select().from(users).where(eq(users.id, link!.userId));
    expect(account).toMatchObject({ fullName: 'Lê Văn Cường', email: 'cuong@example.vn', phone: null });
    expect(sessionCookieOf(res)).toBeDefined();
  });
});

describe('where the citizen lands', () => {
  it('keeps a path of the portal given as returnTo', async () => {
    const res = await o.flow('cccd-001090000003', { returnTo: '/cong-dan/nop-ho-so/1.001193?buoc=2' });
    expect(res.headers.location).toBe('/cong-dan/nop-ho-so/1.001193?buoc=2');
  });

  it.each([
    'https://evil.example/cong-dan',
    '//evil.example/cong-dan',
    '/\\evil.example',
    'javascript:alert(1)',
    '/api/citizen/sign-out',
    ' /cong-dan',
  ])('never redirects to %s (open redirect): the default page instead', async (returnTo) => {
    const res = await o.flow('cccd-001090000003', { returnTo });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/cong-dan/ho-so');
  });
});

describe('a signed-in citizen links VNeID to their account', () => {
  it('links instead of creating an account; the next VNeID sign-in opens that account', async () => {
    const citizen = await registerCitizen(o.t, '0987000333', 'Hoàng Văn Em');
    const before = await o.t.db.select().from(users).where(eq(users.kind, 'citizen'));
    const res = await o.flow('cccd-001090000004', { session: citizen.cookie, returnTo: '/cong-dan' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/cong-dan');
    // The session the citizen came with stays: no new cookie.
    expect(sessionCookieOf(res)).toBeUndefined();
    const links = await identitiesOf('cccd-001090000004');
    expect(links).toEqual([expect.objectContaining({ userId: citizen.account.id })]);
    expect(await o.t.db.select().from(users).where(eq(users.kind, 'citizen'))).toHaveLength(before.length);
    const [audit] = await o.t.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'citizen.identityLinked'), eq(auditEvents.actorId, citizen.account.id)),
      );
    expect(audit).toMatchObject({ targetId: links[0]!.id });

    // The profile says which identity is linked and since when.
    const profile = await o.t.app.inject({
      url: '/api/citizen/profile',
      cookies: { motcua_session: citizen.cookie },
    });
    expect(profile.json().linkedIdentities).toEqual([
      { issuer: o.provider.issuer, linkedAt: links[0]!.createdAt.toISOString() },
    ]);

    const later = await o.flow('cccd-001090000004', { browser: providerBrowser(REDIRECT_URI) });
    expect((await me(sessionCookieOf(later)!.value)).json().account.id).toBe(citizen.account.id);
  });
});
