/**
 * The OpenID Connect relying party (ADR 0009), on `openid-client`: discovery (kept for a day, forgotten after a
 * failure), the authorization URL (code flow, PKCE S256, state, nonce) and the callback (state, code exchange, ID
 * token signature, issuer, audience, expiry and nonce — all checked by the library), then the claims the portal
 * uses. Every failure becomes an `OidcRefusal` with a reason the sign-in page explains; nothing here touches the
 * database.
 */
import * as oidc from 'openid-client';
import type { OidcFailure } from '../../../domain/citizen/oidc.ts';
import { isLoopbackUrl, type OidcConfig } from '../../config-security.ts';
import type { PendingSignIn } from './oidc.state.ts';

/** A refused sign-in: `reason` goes to the sign-in page (`?loi=`), `cause` to the log only. */
export class OidcRefusal extends Error {
  constructor(
    readonly reason: OidcFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OidcRefusal';
  }
}

/** What the provider vouches for, after validation: claims we do not use are dropped here. */
export type VerifiedIdentity = Readonly<{
  issuer: string;
  subject: string;
  name: string | undefined;
  /** Only when the provider says it verified them (`phone_number_verified`, `email_verified`). */
  verifiedPhone: string | undefined;
  verifiedEmail: string | undefined;
}>;

const DISCOVERY_TTL_MS = 24 * 3_600_000;
const TOKEN_ERRORS = new Set([
  'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
  'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
  'OAUTH_INVALID_RESPONSE',
  'OAUTH_KEY_SELECTION_FAILED',
  'OAUTH_PARSE_ERROR',
]);

/** Sorts a library or network error into the reasons the portal explains. */
export function classify(error: unknown): OidcRefusal {
  if (error instanceof OidcRefusal) return error;
  if (error instanceof oidc.AuthorizationResponseError) {
    return error.error === 'access_denied'
      ? new OidcRefusal('denied', 'the citizen refused at the provider', { cause: error })
      : new OidcRefusal('provider', `provider answered ${error.error}`, { cause: error });
  }
  if (error instanceof oidc.ClientError && error.code && TOKEN_ERRORS.has(error.code)) {
    return new OidcRefusal('token', `ID token refused: ${error.message}`, { cause: error });
  }
  return new OidcRefusal('provider', 'provider unreachable or answered an error', { cause: error });
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** The identity in the ID token, completed by the userinfo endpoint (whose `sub` the library checks). */
function identityOf(claims: Record<string, unknown>, userinfo: Record<string, unknown>): VerifiedIdentity {
  const all = { ...userinfo, ...claims };
  const joined = [text(all.family_name), text(all.middle_name), text(all.given_name)]
    .filter(Boolean)
    .join(' ');
  return {
    issuer: String(claims.iss),
    subject: String(claims.sub),
    name: text(all.name) ?? (joined || undefined),
    verifiedPhone: all.phone_number_verified === true ? text(all.phone_number) : undefined,
    verifiedEmail: all.email_verified === true ? text(all.email) : undefined,
  };
}

export type OidcClient = ReturnType<typeof oidcClient>;

export function oidcClient(cfg: OidcConfig) {
  let cached: { at: number; config: Promise<oidc.Configuration> } | undefined;
  const configuration = () => {
    if (!cached || Date.now() - cached.at > DISCOVERY_TTL_MS) {
      const config = oidc
        .discovery(
          new URL(cfg.issuer),
          cfg.clientId,
          { redirect_uris: [cfg.redirectUri], response_types: ['code'] },
          oidc.ClientSecretBasic(cfg.clientSecret),
          {
            timeout: 10,
            // The ID token's signature is checked against the provider's keys even though it came straight from
            // the token endpoint (OIDC Core 3.1.3.7 would let TLS stand in for it): a forged token never passes.
            execute: [
              oidc.enableNonRepudiationChecks,
              ...(isLoopbackUrl(cfg.issuer) ? [oidc.allowInsecureRequests] : []),
            ],
          },
        )
        .catch((error: unknown) => {
          cached = undefined;
          throw new OidcRefusal('provider', 'discovery failed', { cause: error });
        });
      cached = { at: Date.now(), config };
    }
    return cached.config;
  };

  return {
    /** Fresh secrets for one round trip: state (CSRF), nonce (binds the ID token), PKCE verifier. */
    newSecrets: () => ({
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
    }),

    async authorizationUrl(p: Pick<PendingSignIn, 'state' | 'nonce' | 'verifier'>): Promise<URL> {
      const config = await configuration();
      return oidc.buildAuthorizationUrl(config, {
        redirect_uri: cfg.redirectUri,
        scope: cfg.scope,
        state: p.state,
        nonce: p.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(p.verifier),
        code_challenge_method: 'S256',
      });
    },

    /**
     * Validates the authorization response (`query`: the callback's query string) against the pending sign-in and
     * exchanges the code. Throws an `OidcRefusal`.
     */
    async complete(query: string, pending: PendingSignIn): Promise<VerifiedIdentity> {
      const config = await configuration();
      const currentUrl = new URL(cfg.redirectUri);
      currentUrl.search = query;
      // Our own check first, so a forged or stale callback never reaches the token endpoint.
      if (currentUrl.searchParams.get('state') !== pending.state) {
        throw new OidcRefusal('state', 'state does not match the pending sign-in');
      }
      try {
        const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: pending.verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) throw new OidcRefusal('token', 'no ID token');
        const userinfo = config.serverMetadata().userinfo_endpoint
          ? await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)
          : {};
        return identityOf(claims, userinfo);
      } catch (e) {
        throw classify(e);
      }
    },
  };
}
