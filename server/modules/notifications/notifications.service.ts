/** Administrators' view of the outbox: what was delivered, what is waiting, what failed — and sending it again. */
import type { Ctx } from '../../context.ts';
import { withTransaction } from '../../db/tx.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { requireStaff } from '../access/access.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { OutboxChannel } from './channels.ts';
import { canOnNotification, notificationScope } from './notifications.policy.ts';
import type { Notification, NotificationListQuery } from './notifications.schemas.ts';
import * as repo from './outbox.repository.ts';

const toView = (r: repo.NotificationListRow): Notification => ({
  id: r.id,
  channel: r.channel as OutboxChannel,
  recipient: r.recipient,
  template: r.template,
  status: r.status as repo.NotificationStatus,
  attempts: r.attempts,
  nextAttemptAt: r.nextAttemptAt.toISOString(),
  lastError: r.lastError,
  deliveredVia: r.deliveredVia,
  createdAt: r.createdAt.toISOString(),
  sentAt: r.sentAt?.toISOString() ?? null,
  dossierId: r.dossierId,
  dossierCode: r.dossierCode,
  agencyId: r.agencyId,
  agencyName: r.agencyName,
});

export async function listNotifications(ctx: Ctx, query: NotificationListQuery) {
  const actor = requireStaff(ctx);
  const roots = notificationScope(actor);
  if (roots !== 'all' && roots.length === 0) throw forbidden('Chỉ quản trị viên được xem thông báo đã gửi');
  const { rows, total } = await repo.listNotifications(ctx.db, {
    roots,
    status: query.status,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: rows.map(toView), total };
}

/** Puts a failed notification back in the queue with a fresh set of attempts; audited with the change. */
export async function retryNotification(ctx: Ctx, id: string): Promise<Notification> {
  const actor = requireStaff(ctx);
  return withTransaction(ctx.db, async (tx) => {
    const row = await repo.findNotification(tx, id, true);
    if (!row || !canOnNotification(actor, 'retry', row.agencyPath)) throw notFound('thông báo');
    if (row.status !== 'failed') {
      throw new AppError('INVALID_TRANSITION', 'Chỉ gửi lại được thông báo đã gửi không thành công');
    }
    await repo.requeue(tx, id, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'notification.retry',
      targetType: 'notification',
      targetId: id,
      agencyId: row.agencyId,
      details: {
        channel: row.channel,
        template: row.template,
        dossierId: row.dossierId,
        attempts: row.attempts,
        lastError: row.lastError,
      },
    });
    return toView((await repo.findNotification(tx, id))!);
  });
}
