/**
 * Sign-in with VNeID (ADR 0009): everything that must be refused — forged or stale state, a wrong nonce, a forged
 * ID token, denied consent, an unreachable provider, an identity already owned — lands on the sign-in page with a
 * reason, never a 500, and creates nothing.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { citizenIdentities, users } from '../../db/schema.ts';
import { registerCitizen } from './citizens.testing.ts';
import { OIDC_STATE_COOKIE, openPending, safeReturnTo, sealPending } from './oidc.state.ts';
import { breakSignature, oidcTestApp, providerBrowser, REDIRECT_URI, TEST_CLIENT } from './oidc.testing.ts';

let o: Awaited<ReturnType<typeof oidcTestApp>>;
beforeAll(async () => {
  o = await oidcTestApp({
    'sub-state': { name: 'Đỗ Văn Giang' },
    'sub-token': { name: 'Bùi Thị Hoa', phone_number: '0905000444', phone_number_verified: true },
    'sub-owned': { name: 'Ngô Văn Ích' },
    'sub-taken': { name: 'Vũ Thị Kim', phone_number: '+84 913 000 222', phone_number_verified: true },
    'sub-unverified': { name: 'Vũ Thị Kim', phone_number: '0913000222', phone_number_verified: false },
    'sub-noname': { phone_number: '0906000555', phone_number_verified: true },
    'sub-deny': { name: 'Mai Văn Long' },
  });
});
afterAll(() => o.close());

const identitiesOf = (subject: string) =>
  o.t.db.select().from(citizenIdentities).where(eq(citizenIdentities.subject, subject));
const citizenCount = async () => (await o.t.db.select().from(users).where(eq(users.kind, 'citizen'))).length;

/** Asserts the refusal: back to the sign-in page with the reason, no session, the pending cookie cleared. */
/** Refused: back to the sign-in page, or for a link to the page it was started from, with the reason. */
function expectRefused(
  res: Awaited<ReturnType<typeof o.callback>>,
  reason: string,
  page = '/cong-dan/dang-nhap',
) {
  expect(res.statusCode).toBe(303);
  expect(res.headers.location).toBe(`${page}?loi=${reason}`);
  expect(res.cookies.find((c) => c.name === 'motcua_session')).toBeUndefined();
  expect(res.cookies.find((c) => c.name === OIDC_STATE_COOKIE)).toMatchObject({ value: '' });
}

/** Start, sign in at the provider, and stop before coming back: the callback URL and the pending cookie. */
async function atProvider(subject: string) {
  const s = await o.start();
  const back = await providerBrowser(REDIRECT_URI).signIn(s.authorizationUrl, subject);
  return { back, pending: s.pending };
}

describe('state', () => {
  it('refuses a callback whose state was altered, and creates nothing', async () => {
    const before = await citizenCount();
    const { back, pending } = await atProvider('sub-state');
    const forged = new URL(back);
    forged.searchParams.set('state', `${forged.searchParams.get('state')}x`);
    expectRefused(await o.callback(forged.href, { [OIDC_STATE_COOKIE]: pending }), 'state');
    expect(await identitiesOf('sub-state')).toEqual([]);
    expect(await citizenCount()).toBe(before);
  });

  it('refuses a callback without the pending cookie, with an altered one, or with the cookie of another start', async () => {
    const { back, pending } = await atProvider('sub-state');
    expectRefused(await o.callback(back, {}), 'state');
    const flipped = `${pending.slice(0, 20)}${pending[20] === 'A' ? 'B' : 'A'}${pending.slice(21)}`;
    expectRefused(await o.callback(back, { [OIDC_STATE_COOKIE]: flipped }), 'state');
    const other = await o.start();
    expectRefused(await o.callback(back, { [OIDC_STATE_COOKIE]: other.pending }), 'state');
    // A cookie sealed with another key (another deployment's client secret) does not open either.
    const opened = openPending(TEST_CLIENT.clientSecret, pending, o.t.clock.now())!;
    const foreign = sealPending('another-secret', opened);
    expectRefused(await o.callback(back, { [OIDC_STATE_COOKIE]: foreign }), 'state');
    expect(await identitiesOf('sub-state')).toEqual([]);
  });

  it('refuses a pending sign-in older than 10 minutes', async () => {
    const { back, pending } = await atProvider('sub-state');
    o.t.clock.advance(10 * 60_000 + 1);
    expectRefused(await o.callback(back, { [OIDC_STATE_COOKIE]: pending }), 'state');
  });
});

describe('the ID token', () => {
  it('refuses an ID token whose nonce is not the one sent', async () => {
    const { back, pending } = await atProvider('sub-token');
    const opened = openPending(TEST_CLIENT.clientSecret, pending, o.t.clock.now())!;
    const wrongNonce = sealPending(TEST_CLIENT.clientSecret, { ...opened, nonce: `${opened.nonce}0` });
    expectRefused(await o.callback(back, { [OIDC_STATE_COOKIE]: wrongNonce }), 'token');
    expect(await identitiesOf('sub-token')).toEqual([]);
  });

  it('refuses an ID token whose signature does not verify', async () => {
    const { back, pending } = await atProvider('sub-token');
    o.provider.setTokenTamper((body) => ({ ...body, id_token: breakSignature(String(body.id_token)) }));
    try {
      expectRefused(await o.callback(back, { [OIDC_STATE_COOKIE]: pending }), 'token');
    } finally {
      o.provider.setTokenTamper(undefined);
    }
    expect(await identitiesOf('sub-token')).toEqual([]);
  });

  it('a code is good once: replaying the callback is refused', async () => {
    const { back, pending } = await atProvider('sub-token');
    expect((await o.callback(back, { [OIDC_STATE_COOKIE]: pending })).headers.location).toBe(
      '/cong-dan/ho-so',
    );
    expectRefused(await o.callback(back, { [OIDC_STATE_COOKIE]: pending }), 'provider');
    expect(await identitiesOf('sub-token')).toHaveLength(1);
  });
});

describe('accounts', () => {
  it('never takes over an account whose phone the provider verified: the citizen must sign in and link', async () => {
    await registerCitizen(o.t, '0913000222', 'Vũ Thị Kim');
    const before = await citizenCount();
    expectRefused(await o.flow('sub-taken'), 'accountExists');
    expect(await identitiesOf('sub-taken')).toEqual([]);
    expect(await citizenCount()).toBe(before);
    // The same number, not verified by the provider, is not an identifier: a separate account without a phone.
    const res = await o.flow('sub-unverified');
    expect(res.headers.location).toBe('/cong-dan/ho-so');
    const [link] = await identitiesOf('sub-unverified');
    const [account] = await o.t.db.select().from(users).where(eq(users.id, link!.userId));
    expect(account).toMatchObject({ phone: null, fullName: 'Vũ Thị Kim' });
  });

  it('refuses to link an identity that already belongs to another account', async () => {
    await o.flow('sub-owned');
    const [owned] = await identitiesOf('sub-owned');
    const other = await registerCitizen(o.t, '0978000666', 'Đinh Văn Mạnh');
    expectRefused(
      await o.flow('sub-owned', { session: other.cookie, returnTo: '/cong-dan/ho-so-ca-nhan' }),
      'linkedElsewhere',
      '/cong-dan/ho-so-ca-nhan',
    );
    expect(await identitiesOf('sub-owned')).toEqual([owned]);
  });

  it('refuses to finish a link when the session that started it is not the one that comes back', async () => {
    const citizen = await registerCitizen(o.t, '0979000777', 'Trịnh Thị Nga');
    const s = await o.start({ motcua_session: citizen.cookie });
    const back = await providerBrowser(REDIRECT_URI).signIn(s.authorizationUrl, 'sub-deny');
    // Started from "my dossiers" (the default return path), refused there.
    expectRefused(await o.callback(back, { [OIDC_STATE_COOKIE]: s.pending }), 'state', '/cong-dan/ho-so');
    expect(await identitiesOf('sub-deny')).toEqual([]);
  });

  it('refuses a disabled account and an identity without a name', async () => {
    await o.flow('sub-state');
    const [link] = await identitiesOf('sub-state');
    await o.t.db.update(users).set({ disabled: true }).where(eq(users.id, link!.userId));
    expectRefused(await o.flow('sub-state'), 'disabled');
    expectRefused(await o.flow('sub-noname'), 'claims');
    expect(await identitiesOf('sub-noname')).toEqual([]);
  });
});

describe('the provider', () => {
  it('a citizen who cancels at the consent page lands on the sign-in page', async () => {
    const s = await o.start();
    const back = await providerBrowser(REDIRECT_URI).signIn(s.authorizationUrl, 'sub-deny', {
      consent: 'cancel',
    });
    expect(new URL(back).searchParams.get('error')).toBe('access_denied');
    expectRefused(await o.callback(back, { [OIDC_STATE_COOKIE]: s.pending }), 'denied');
    expect(await identitiesOf('sub-deny')).toEqual([]);
  });

  it('an unreachable provider, or the feature off: a reason, never a 500', async () => {
    const down = { ...o.provider.config(), issuer: 'http://127.0.0.1:9' };
    const cases = [
      // Down: start cannot discover the provider; a callback without a pending sign-in is refused before it.
      { oidc: down, enabled: true, start: 'provider', callback: 'state' },
      { oidc: undefined, enabled: false, start: 'unavailable', callback: 'unavailable' },
    ];
    for (const c of cases) {
      const config = loadConfig({ LOG_LEVEL: 'silent' }, { oidc: c.oidc });
      const deps = { db: o.t.db, dbKind: o.t.database.kind, config, clock: o.t.clock };
      const app = await buildApp(deps, { serveWeb: false });
      try {
        expect((await app.inject({ url: '/api/citizen/oidc' })).json().enabled).toBe(c.enabled);
        const start = await app.inject({ url: '/api/citizen/oidc/start' });
        expect([start.statusCode, start.headers.location]).toEqual([
          303,
          `/cong-dan/dang-nhap?loi=${c.start}`,
        ]);
        const back = await app.inject({ url: '/api/citizen/oidc/callback?code=x&state=y' });
        expect([back.statusCode, back.headers.location]).toEqual([
          303,
          `/cong-dan/dang-nhap?loi=${c.callback}`,
        ]);
      } finally {
        await app.close();
      }
    }
  });
});

describe('safeReturnTo', () => {
  it('keeps paths of this site and drops everything else', () => {
    expect(safeReturnTo('/cong-dan/ho-so/1?a=b#c')).toBe('/cong-dan/ho-so/1?a=b#c');
    // Percent-encoded line breaks stay encoded: nothing can be injected into the Location header.
    expect(safeReturnTo('/%0d%0aSet-Cookie:x')).toBe('/%0d%0aSet-Cookie:x');
    const bad = [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      '/\r\nSet-Cookie:x',
      '/api/x',
      '',
      7,
    ];
    for (const value of bad) expect(safeReturnTo(value), String(value)).toBe('/cong-dan/ho-so');
  });
});
