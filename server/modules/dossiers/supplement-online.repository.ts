import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { outbox, storedFiles, users } from '../../db/schema.ts';
import type { Queryable } from '../../db/tx.ts';
import type { NotificationTemplate } from './notify.ts';

/** Names and sizes of stored files, by id. */
export async function fileBriefs(q: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { id: string; name: string; size: number }>();
  const rows = await q
    .select({ id: storedFiles.id, name: storedFiles.name, size: storedFiles.size })
    .from(storedFiles)
    .where(inArray(storedFiles.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** E-mail addresses of active staff accounts among `ids` (staff are told by e-mail only). */
export async function staffEmails(q: Queryable, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await q
    .selectDistinct({ email: users.email })
    .from(users)
    .where(
      and(
        inArray(users.id, [...new Set(ids)]),
        eq(users.kind, 'staff'),
        eq(users.disabled, false),
        isNotNull(users.email),
      ),
    );
  return [...new Set(rows.map((r) => r.email).filter((e): e is string => !!e))];
}

/** Queues one e-mail per address in the caller's transaction (the worker delivers). */
export async function queueStaffEmails(
  q: Queryable,
  n: Readonly<{
    recipients: readonly string[];
    template: NotificationTemplate;
    payload: Record<string, unknown>;
    dossierId: string;
    agencyId: string;
    at: Date;
  }>,
) {
  if (n.recipients.length === 0) return;
  await q.insert(outbox).values(
    n.recipients.map((recipient) => ({
      channel: 'email',
      recipient,
      template: n.template,
      payload: n.payload,
      dossierId: n.dossierId,
      agencyId: n.agencyId,
      nextAttemptAt: n.at,
    })),
  );
}
