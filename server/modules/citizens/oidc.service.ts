/**
 * Signing in with an identity an OpenID Connect provider vouched for (ADR 0009). A known (issuer, subject) opens a
 * new session on its account, exactly as a password sign-in does; an unknown one creates a citizen account from
 * the verified claims — unless its verified phone or e-mail already signs in to an account, which is never taken
 * over silently: the citizen signs in with the password and links. A signed-in citizen who starts the flow links
 * the identity to their own account.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Identifier, identifierKind } from '../../../domain/citizen/account.ts';
import type { Actor, Ctx } from '../../context.ts';
import type { Tx } from '../../db/tx.ts';
import { withTransaction } from '../../db/tx.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { hashPassword } from '../auth/password.ts';
import * as repo from './citizens.repository.ts';
import { openSession } from './citizens.service.ts';
import { OidcRefusal, type VerifiedIdentity } from './oidc.client.ts';
import * as identities from './oidc.repository.ts';

export type OidcOutcome =
  | { kind: 'signedIn'; token: string; userId: string; created: boolean }
  | { kind: 'linked'; userId: string };

const actorOf = (u: repo.CitizenRow): Actor => ({
  userId: u.id,
  username: u.username,
  fullName: u.fullName,
  kind: 'citizen',
  grants: [],
  csrfToken: '',
});

/** A claimed phone or e-mail, normalised, if it is one a citizen can sign in with. */
function identifierOf(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const parsed = Identifier.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Completes a sign-in (or a link, when `linkUserId` is the signed-in citizen who started the flow) in one
 * transaction with its audit rows.
 */
export async function signInWithIdentity(
  ctx: Ctx,
  identity: VerifiedIdentity,
  o: { linkUserId: string | null; sessionHours: number },
): Promise<OidcOutcome> {
  if (o.linkUserId && (ctx.actor?.kind !== 'citizen' || ctx.actor.userId !== o.linkUserId)) {
    // The session that started the link is gone or another one came back: start again.
    throw new OidcRefusal('state', 'the session that started the link is not the one that came back');
  }
  // An unusable password for an account created here (argon2 of 256 random bits, never shown): sign-in by
  // password answers like any wrong password until the citizen sets one by a reset code.
  const unusablePassword = o.linkUserId ? '' : await hashPassword(randomBytes(32).toString('base64url'));
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const link = await identities.findIdentity(tx, identity.issuer, identity.subject);
    if (o.linkUserId) return linkIdentity(tx, ctx, identity, link, o.linkUserId);

    if (link) {
      const user = await repo.findCitizen(tx, link.userId);
      if (!user || user.disabled) throw new OidcRefusal('disabled', 'the linked account is disabled');
      await identities.touchIdentity(tx, link.id, now);
      const { token } = await openSession(tx, ctx, user, o.sessionHours, 'citizen.oidcSignIn');
      return { kind: 'signedIn', token, userId: user.id, created: false };
    }

    if (!identity.name) throw new OidcRefusal('claims', 'the provider gave no name');
    const phone = identifierOf(identity.verifiedPhone);
    const email = identifierOf(identity.verifiedEmail);
    for (const value of [phone, email]) {
      if (value && (await repo.findCitizenByIdentifier(tx, identifierKind(value), value))) {
        throw new OidcRefusal('accountExists', 'a verified identifier already signs in to an account');
      }
    }
    const user = await repo.insertCitizen(tx, {
      id: randomUUID(),
      fullName: identity.name.normalize('NFC').slice(0, 200),
      phone: phone && identifierKind(phone) === 'phone' ? phone : null,
      email: email && identifierKind(email) === 'email' ? email : null,
      passwordHash: unusablePassword,
    });
    await identities.insertIdentity(tx, { userId: user.id, ...identity, at: now });
    await recordAudit(
      tx,
      { ...ctx, actor: actorOf(user) },
      {
        action: 'citizen.signUp',
        targetType: 'user',
        targetId: user.id,
        details: { via: 'oidc', issuer: identity.issuer, phone: !!user.phone, email: !!user.email },
      },
    );
    const { token } = await openSession(tx, ctx, user, o.sessionHours, 'citizen.oidcSignIn');
    return { kind: 'signedIn', token, userId: user.id, created: true };
  });
}

async function linkIdentity(
  tx: Tx,
  ctx: Ctx,
  identity: VerifiedIdentity,
  link: identities.IdentityRow | undefined,
  userId: string,
): Promise<OidcOutcome> {
  const now = ctx.clock.now();
  if (link && link.userId !== userId) {
    throw new OidcRefusal('linkedElsewhere', 'the identity belongs to another account');
  }
  if (link) {
    await identities.touchIdentity(tx, link.id, now);
    return { kind: 'linked', userId };
  }
  const inserted = await identities.insertIdentity(tx, { userId, ...identity, at: now });
  await recordAudit(tx, ctx, {
    action: 'citizen.identityLinked',
    targetType: 'citizenIdentity',
    targetId: inserted.id,
    details: { issuer: identity.issuer },
  });
  return { kind: 'linked', userId };
}
