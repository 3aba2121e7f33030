/**
 * The citizen's saved personal data, used to prefill online forms (DOMAIN §10: what procedures ask for, nothing
 * more). Only the citizen reads and writes it; audit rows name the fields changed, never their values.
 */
import { VN_OFFSET_MS } from '../../../domain/calendar/civil.ts';
import type { CitizenProfile, Sex, UpdateCitizenProfile } from '../../../domain/citizen/account.ts';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { withTransaction } from '../../db/tx.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import * as users from '../users/users.repository.ts';
import { requireCitizen } from './citizens.policy.ts';
import * as repo from './citizens.repository.ts';
import { identitiesOf } from './oidc.repository.ts';

/** Before the first save the contact details default to the sign-in identifiers. */
type Linked = Awaited<ReturnType<typeof identitiesOf>>;

function toProfile(user: repo.CitizenRow, p: repo.ProfileRow | undefined, linked: Linked): CitizenProfile {
  const address =
    p?.street != null
      ? {
          ...(p.provinceCode ? { provinceCode: p.provinceCode } : {}),
          ...(p.communeCode ? { communeCode: p.communeCode } : {}),
          street: p.street,
        }
      : null;
  return {
    fullName: user.fullName,
    dateOfBirth: p?.dateOfBirth ?? null,
    sex: (p?.sex as Sex | null | undefined) ?? null,
    citizenId: p?.citizenId ?? null,
    phone: p ? p.phone : user.phone,
    email: p ? p.email : user.email,
    address,
    updatedAt: p?.updatedAt.toISOString() ?? null,
    linkedIdentities: linked.map((l) => ({ issuer: l.issuer, linkedAt: l.createdAt.toISOString() })),
  };
}

export async function getProfile(ctx: Ctx): Promise<CitizenProfile> {
  const actor = requireCitizen(ctx);
  const user = await repo.findCitizen(ctx.db, actor.userId);
  if (!user) throw notFound('tài khoản');
  const [profile, linked] = await Promise.all([
    repo.findProfile(ctx.db, actor.userId),
    identitiesOf(ctx.db, actor.userId),
  ]);
  return toProfile(user, profile, linked);
}

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION', message, { errors: [{ path, message }] });

/**
 * Province and commune codes are checked against the organisation tree where it knows them: a commune in the
 * tree must lie in the chosen province, and a province of the tree whose communes carry GSO codes accepts only
 * those. An address in another province (one deployment holds one province) is checked for format only.
 */
async function checkAddress(db: Db, a: NonNullable<UpdateCitizenProfile['address']>) {
  if (a.communeCode) {
    const commune = await repo.findUnitByGso(db, 'commune', a.communeCode);
    if (commune) {
      const province = await repo.findProvinceOf(db, commune.path);
      if (a.provinceCode && province?.gsoCode && province.gsoCode !== a.provinceCode) {
        throw invalid('address.communeCode', 'Xã, phường không thuộc tỉnh, thành phố đã chọn');
      }
      return;
    }
  }
  if (!a.provinceCode) return;
  const province = await repo.findUnitByGso(db, 'province', a.provinceCode);
  if (a.communeCode && province && (await repo.hasCodedCommunes(db, province.path))) {
    throw invalid('address.communeCode', 'Mã xã, phường không có trong danh mục của tỉnh, thành phố đã chọn');
  }
}

const vnToday = (now: Date) => new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

/** Replaces the profile (PUT): a field left out or null is cleared; the full name is the account's. */
export async function updateProfile(ctx: Ctx, input: UpdateCitizenProfile): Promise<CitizenProfile> {
  const actor = requireCitizen(ctx);
  const now = ctx.clock.now();
  if (input.dateOfBirth && input.dateOfBirth > vnToday(now)) {
    throw invalid('dateOfBirth', 'Ngày sinh không được sau ngày hôm nay');
  }
  if (input.address) await checkAddress(ctx.db, input.address);
  return withTransaction(ctx.db, async (tx) => {
    const user = await repo.findCitizen(tx, actor.userId);
    if (!user) throw notFound('tài khoản');
    const linked = await identitiesOf(tx, user.id);
    const before = toProfile(user, await repo.findProfile(tx, user.id), linked);
    if (input.fullName !== user.fullName)
      await users.updateUserRow(tx, user.id, { fullName: input.fullName });
    await repo.saveProfile(tx, {
      userId: user.id,
      dateOfBirth: input.dateOfBirth ?? null,
      sex: input.sex ?? null,
      citizenId: input.citizenId ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      provinceCode: input.address?.provinceCode ?? null,
      communeCode: input.address?.communeCode ?? null,
      street: input.address?.street ?? null,
      updatedAt: now,
    });
    const after = toProfile(
      { ...user, fullName: input.fullName },
      await repo.findProfile(tx, user.id),
      linked,
    );
    const changed = (Object.keys(after) as (keyof CitizenProfile)[]).filter(
      (k) => k !== 'updatedAt' && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    await recordAudit(tx, ctx, {
      action: 'citizen.profileUpdate',
      targetType: 'user',
      targetId: user.id,
      details: { changed },
    });
    return after;
  });
}
