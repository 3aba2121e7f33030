/**
 * The parts of the configuration about signing in with the national digital ID (OpenID Connect, ADR 0009) and the
 * browser-facing security headers (ADR 0010). Parsed from the environment together with the rest (config.ts).
 */
import { z } from 'zod';

export const SecurityEnv = z.object({
  /** OpenID Connect provider (VNeID): its issuer URL; unset: the feature is off and the portal hides the button. */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  /** Where the provider sends the citizen back; default `PUBLIC_URL/api/citizen/oidc/callback`. */
  OIDC_REDIRECT_URI: z.string().url().optional(),
  /** The provider's name on the portal's button ("Đăng nhập bằng VNeID"). */
  OIDC_DISPLAY_NAME: z.string().min(1).max(60).default('VNeID'),
  OIDC_SCOPE: z.string().default('openid profile phone email'),
  /** Strict-Transport-Security; default: on when PUBLIC_URL is https (never on a plain-http localhost). */
  HSTS: z.stringbool().optional(),
});
type SecurityEnv = z.infer<typeof SecurityEnv>;

export type OidcConfig = Readonly<{
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  displayName: string;
  scope: string;
}>;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Plain http is allowed for a provider on this machine only (development and the tests' provider). */
export const isLoopbackUrl = (url: string) => LOOPBACK.has(new URL(url).hostname);

/** The OpenID Connect client: issuer, client id and secret all set, or none (the feature is off). */
export function oidcOf(e: SecurityEnv, publicUrl: string): OidcConfig | undefined {
  const required = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (required.every((v) => v === undefined || v === '')) return undefined;
  if (required.some((v) => v === undefined || v === '')) {
    throw new Error('OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together');
  }
  const issuer = e.OIDC_ISSUER!;
  if (!issuer.startsWith('https://') && !isLoopbackUrl(issuer)) {
    throw new Error('OIDC_ISSUER must use https (plain http only for a provider on 127.0.0.1/localhost)');
  }
  if (!e.OIDC_SCOPE.split(/\s+/).includes('openid')) throw new Error('OIDC_SCOPE must include openid');
  return {
    issuer,
    clientId: e.OIDC_CLIENT_ID!,
    clientSecret: e.OIDC_CLIENT_SECRET!,
    redirectUri: e.OIDC_REDIRECT_URI ?? `${publicUrl}/api/citizen/oidc/callback`,
    displayName: e.OIDC_DISPLAY_NAME,
    scope: e.OIDC_SCOPE,
  };
}

export const hstsOf = (e: SecurityEnv, publicUrl: string): boolean =>
  e.HSTS ?? publicUrl.startsWith('https://');
