import type { CreateUser, GrantInput, UpdateUser } from '../../../domain/access/account.ts';
import type { Ctx } from '../../context.ts';
import type { Queryable } from '../../db/tx.ts';
import { withTransaction } from '../../db/tx.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { requireStaff } from '../access/access.ts';
import { findAgenciesByIds } from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { hashPassword } from '../auth/password.ts';
import { deleteUserSessions } from '../auth/sessions.repository.ts';
import { canOnUser, userAdminRoots } from './users.policy.ts';
import * as repo from './users.repository.ts';

const publicUser = ({
  grantPaths: _p,
  ...u
}: NonNullable<Awaited<ReturnType<typeof repo.getUserWithGrants>>>) => u;

export async function listUsers(ctx: Ctx) {
  const actor = requireStaff(ctx);
  return (await repo.listStaffUnder(ctx.db, userAdminRoots(actor))).map(publicUser);
}

export async function getUser(ctx: Ctx, id: string) {
  const actor = requireStaff(ctx);
  const user = await repo.getUserWithGrants(ctx.db, id);
  if (!user || !canOnUser(actor, 'read', user.grantPaths)) throw notFound('người dùng');
  return publicUser(user);
}

async function grantPaths(q: Queryable, grants: readonly GrantInput[]) {
  const found = await findAgenciesByIds(q, [...new Set(grants.map((g) => g.agencyId))]);
  const byId = new Map(found.map((a) => [a.id, a.path]));
  const missing = grants.findIndex((g) => !byId.has(g.agencyId));
  if (missing >= 0) {
    throw new AppError('VALIDATION', 'Đơn vị được phân quyền không tồn tại', {
      errors: [{ path: `grants.${missing}.agencyId`, message: 'Không tồn tại' }],
    });
  }
  return grants.map((g) => byId.get(g.agencyId)!);
}

export async function createUser(ctx: Ctx, input: CreateUser) {
  const actor = requireStaff(ctx);
  const passwordHash = await hashPassword(input.password);
  return withTransaction(ctx.db, async (tx) => {
    if (!canOnUser(actor, 'create', await grantPaths(tx, input.grants))) {
      throw forbidden('Chỉ được phân quyền trong phạm vi đơn vị mình quản trị');
    }
    if (await repo.findUserByUsername(tx, input.username)) {
      throw new AppError('CONFLICT', 'Tên đăng nhập đã được sử dụng', {
        errors: [{ path: 'username', message: 'Đã được sử dụng' }],
      });
    }
    const row = await repo.insertUser(tx, { ...input, kind: 'staff' }, passwordHash);
    await repo.replaceGrants(tx, row.id, input.grants);
    await recordAudit(tx, ctx, {
      action: 'user.create',
      targetType: 'user',
      targetId: row.id,
      agencyId: input.grants[0]?.agencyId,
      details: { username: row.username, grants: input.grants },
    });
    return publicUser((await repo.getUserWithGrants(tx, row.id))!);
  });
}

export async function updateUser(ctx: Ctx, id: string, patch: UpdateUser) {
  const actor = requireStaff(ctx);
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  return withTransaction(ctx.db, async (tx) => {
    const before = await repo.getUserWithGrants(tx, id);
    if (!before || !canOnUser(actor, 'read', before.grantPaths)) throw notFound('người dùng');
    if (!canOnUser(actor, 'update', before.grantPaths)) throw forbidden();
    if (patch.grants && !canOnUser(actor, 'update', await grantPaths(tx, patch.grants))) {
      throw forbidden('Chỉ được phân quyền trong phạm vi đơn vị mình quản trị');
    }
    if (id === actor.userId && (patch.disabled || patch.grants)) {
      throw new AppError('CONFLICT', 'Không thể tự khóa hoặc tự đổi quyền của chính mình');
    }
    const { grants, password: _pw, ...fields } = patch;
    await repo.updateUserRow(tx, id, {
      ...fields,
      ...(passwordHash ? { passwordHash, failedLogins: 0, lockedUntil: null } : {}),
    });
    if (grants) await repo.replaceGrants(tx, id, grants);
    // A new password, a lock or new rights end every open session of that account.
    if (passwordHash || patch.disabled || grants) await deleteUserSessions(tx, id);
    await recordAudit(tx, ctx, {
      action: 'user.update',
      targetType: 'user',
      targetId: id,
      details: { changed: Object.keys(patch), ...(grants ? { grants } : {}) },
    });
    return publicUser((await repo.getUserWithGrants(tx, id))!);
  });
}
