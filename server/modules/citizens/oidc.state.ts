/**
 * What the server must remember between sending a citizen to the OpenID Connect provider and their coming back
 * (ADR 0009): the state, the nonce, the PKCE verifier, where to go afterwards and, when a signed-in citizen links
 * their identity, who they were. It travels in one short-lived HttpOnly cookie, sealed with AES-256-GCM so the
 * browser can neither read the verifier nor change anything; the key is derived from the client secret, so every
 * app process opens what another sealed.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';

export const OIDC_STATE_COOKIE = 'motcua_oidc';
/** The cookie is sent to the callback only (and cleared there). */
export const OIDC_COOKIE_PATH = '/api/citizen/oidc';
/** Minutes a citizen has to finish at the provider (sign in, consent) before the flow must start again. */
export const OIDC_STATE_MINUTES = 10;

export const PendingSignIn = z.strictObject({
  state: z.string().min(20),
  nonce: z.string().min(20),
  verifier: z.string().min(43),
  returnTo: z.string(),
  /** The signed-in citizen who started the flow to link their identity; null for a sign-in. */
  linkUserId: z.uuid().nullable(),
  expiresAt: z.number().int(),
});
export type PendingSignIn = z.infer<typeof PendingSignIn>;

const keyCache = new Map<string, Buffer>();
function keyOf(secret: string): Buffer {
  let key = keyCache.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'motcua', 'oidc-state-cookie/v1', 32));
    keyCache.set(secret, key);
  }
  return key;
}

/** iv (12) ‖ tag (16) ‖ ciphertext, base64url. */
export function sealPending(secret: string, pending: PendingSignIn): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(pending), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The pending sign-in in the cookie, or undefined when it is missing, altered, sealed by another key or expired. */
export function openPending(
  secret: string,
  sealed: string | undefined,
  now: Date,
): PendingSignIn | undefined {
  if (!sealed || sealed.length > 4096) return undefined;
  try {
    const raw = Buffer.from(sealed, 'base64url');
    if (raw.length < 29) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const parsed = PendingSignIn.safeParse(JSON.parse(text));
    if (!parsed.success || parsed.data.expiresAt <= now.getTime()) return undefined;
    return parsed.data;
  } catch {
    return undefined;
  }
}

/**
 * Where the citizen may be sent after signing in: a path of this site, never another origin (`//evil`, `/\evil`,
 * `https://…`), never the API. Anything else becomes the default.
 */
export function safeReturnTo(raw: unknown, fallback = '/cong-dan/ho-so'): string {
  if (typeof raw !== 'string' || raw.length > 1000) return fallback;
  if (!raw.startsWith('/') || raw.startsWith('//') || /[\\\s\p{Cc}]/u.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, 'http://motcua.invalid');
  } catch {
    return fallback;
  }
  if (url.origin !== 'http://motcua.invalid' || url.pathname.startsWith('/api/')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
