import type { Ctx } from '../../context.ts';
import { auditEvents } from '../../db/schema.ts';
import type { Queryable } from '../../db/tx.ts';

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | null;
  agencyId?: string | null;
  details?: Record<string, unknown>;
};

/**
 * Writes one append-only audit row. Call it with the transaction that makes the change, so that the change and
 * its record commit or fail together. Never put secrets (passwords, tokens) in `details`.
 */
export async function recordAudit(
  q: Queryable,
  ctx: Pick<Ctx, 'actor' | 'requestId' | 'clock'>,
  e: AuditEntry,
) {
  const actor = ctx.actor;
  const grant = actor?.grants.find((g) => g.agencyId === e.agencyId) ?? actor?.grants[0];
  await q.insert(auditEvents).values({
    at: ctx.clock.now(),
    actorId: actor?.userId ?? null,
    actorRole: grant?.role ?? actor?.kind ?? null,
    agencyId: e.agencyId ?? null,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId ?? null,
    requestId: ctx.requestId,
    details: e.details ?? {},
  });
}
