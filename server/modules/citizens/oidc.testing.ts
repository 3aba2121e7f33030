/**
 * A real OpenID Connect provider for the tests (`oidc-provider` with its development login and consent pages) on
 * 127.0.0.1 and a random port, standing in for VNeID; and a tiny cookie-keeping HTTP "browser" that walks its
 * pages. Test code only.
 */
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type AccountClaims } from 'oidc-provider';
import type { OidcConfig } from '../../config-security.ts';
import { makeTestApp } from '../../test/harness.ts';
import { OIDC_STATE_COOKIE } from './oidc.state.ts';

export const TEST_CLIENT = { clientId: 'motcua-portal', clientSecret: 'test-client-secret-0123456789abcdef' };

export type TestProvider = Awaited<ReturnType<typeof startTestProvider>>;

/**
 * Starts the provider with `accounts` (login name → claims; the development login page accepts any password) and
 * one confidential client allowed to come back to `redirectUri` only.
 */
export async function startTestProvider(
  redirectUri: string,
  accounts: Record<string, Omit<AccountClaims, 'sub'>>,
) {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.clientId,
        client_secret: TEST_CLIENT.clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    findAccount: async (_ctx: unknown, id: string) => {
      const claims = accounts[id];
      return claims ? { accountId: id, claims: async () => ({ sub: id, ...claims }) } : undefined;
    },
    claims: {
      openid: ['sub'],
      profile: ['name', 'family_name', 'given_name'],
      phone: ['phone_number', 'phone_number_verified'],
      email: ['email', 'email_verified'],
    },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['test-provider-cookie-key'] },
    jwks: { keys: [signingKey()] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
  });
  const handle = provider.callback();
  /** When set, rewrites the token endpoint's JSON answer (to forge an ID token). */
  let tamperToken: ((body: Record<string, unknown>) => Record<string, unknown>) | undefined;
  server.on('request', (req, res) => {
    if (tamperToken && req.method === 'POST' && req.url?.startsWith('/token'))
      interceptJson(res, tamperToken);
    handle(req, res);
  });
  return {
    issuer,
    /** The app's configuration for this provider. */
    config: (displayName = 'VNeID'): OidcConfig => ({
      issuer,
      ...TEST_CLIENT,
      redirectUri,
      displayName,
      scope: 'openid profile phone email',
    }),
    setTokenTamper: (f: typeof tamperToken) => {
      tamperToken = f;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fresh RSA signing key for the provider's ID tokens (JWK with its private part). */
function signingKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };
}

/** Replaces the JSON body a response is about to end with. */
function interceptJson(
  res: http.ServerResponse,
  f: (body: Record<string, unknown>) => Record<string, unknown>,
) {
  const end = res.end.bind(res) as (chunk?: unknown) => http.ServerResponse;
  (res as { end: unknown }).end = (chunk?: unknown) => {
    if (typeof chunk !== 'string' && !Buffer.isBuffer(chunk)) return end(chunk);
    const body = JSON.stringify(f(JSON.parse(chunk.toString())));
    res.setHeader('content-length', Buffer.byteLength(body));
    return end(body);
  };
}

/** Flips one character of a JWT's signature. */
export function breakSignature(jwt: string): string {
  const last = jwt.at(-2) === 'A' ? 'B' : 'A';
  return `${jwt.slice(0, -2)}${last}${jwt.at(-1)}`;
}

/**
 * A cookie-keeping client for the provider's pages: follows redirects, signs in as `login` on the login form,
 * accepts (or cancels at) the consent form, and stops at the first redirect to `redirectUri`, which it returns.
 */
export function providerBrowser(redirectUri: string) {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') jar.delete(name.trim());
      else jar.set(name.trim(), value);
    }
  };
  const go = async (url: string, form?: Record<string, string>) => {
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    keep(res);
    return res;
  };

  return {
    async signIn(authorizationUrl: string, login: string, o: { consent?: 'accept' | 'cancel' } = {}) {
      let url = authorizationUrl;
      for (let step = 0; step < 12; step++) {
        const res = await go(url);
        const location = res.headers.get('location');
        if (location) {
          const next = new URL(location, url).href;
          if (next.startsWith(redirectUri)) return next;
          url = next;
          continue;
        }
        const html = await res.text();
        if (res.status !== 200) throw new Error(`provider ${res.status} at ${url}: ${html.slice(0, 300)}`);
        const action = new URL(/<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? '', url).href;
        const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
        if (prompt === 'consent' && o.consent === 'cancel') {
          url = new URL(`${new URL(action).pathname}/abort`, url).href;
          continue;
        }
        const form: Record<string, string> =
          prompt === 'login' ? { prompt, login, password: 'any' } : { prompt: prompt ?? '' };
        const posted = await go(action, form);
        const after = posted.headers.get('location');
        if (!after) throw new Error(`no redirect after ${prompt}: ${posted.status} ${await posted.text()}`);
        url = new URL(after, action).href;
      }
      throw new Error('too many steps at the provider');
    },
  };
}

export const REDIRECT_URI = 'http://localhost:3000/api/citizen/oidc/callback';

/** An app under test configured for a fresh test provider, with helpers for each leg of the flow. */
export async function oidcTestApp(accounts: Record<string, Omit<AccountClaims, 'sub'>>) {
  const provider = await startTestProvider(REDIRECT_URI, accounts);
  const t = await makeTestApp({
    oidc: provider.config(),
    citizenCodeRatePerMinute: 1000,
    citizenConfirmRatePerMinute: 1000,
  });
  type Cookies = Record<string, string>;
  /** GET /start: the authorization URL and the sealed pending sign-in cookie. */
  const start = async (cookies: Cookies = {}, returnTo?: string) => {
    const query = returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
    const res = await t.app.inject({ url: `/api/citizen/oidc/start${query}`, cookies });
    if (res.statusCode !== 303) throw new Error(`start: ${res.statusCode} ${res.body}`);
    const pending = res.cookies.find((c) => c.name === OIDC_STATE_COOKIE);
    return {
      res,
      authorizationUrl: String(res.headers.location),
      pending: pending?.value ?? '',
      cookie: pending,
    };
  };
  /** The provider's redirect, replayed against the app with the browser's cookies. */
  const callback = (url: string, cookies: Cookies) => {
    const u = new URL(url);
    return t.app.inject({ url: `${u.pathname}${u.search}`, cookies });
  };
  /** Start → provider (sign in as `login`, consent) → callback; `session`: a signed-in citizen's cookie. */
  const flow = async (
    login: string,
    o: { session?: string; returnTo?: string; browser?: ProviderBrowser } = {},
  ) => {
    const session: Cookies = o.session ? { motcua_session: o.session } : {};
    const s = await start(session, o.returnTo);
    const back = await (o.browser ?? providerBrowser(REDIRECT_URI)).signIn(s.authorizationUrl, login);
    return callback(back, { ...session, [OIDC_STATE_COOKIE]: s.pending });
  };
  return {
    t,
    provider,
    start,
    callback,
    flow,
    close: async () => {
      await t.close();
      await provider.close();
    },
  };
}
export type ProviderBrowser = ReturnType<typeof providerBrowser>;
