import type { Applicant } from '../../../domain/dossier/applicant.ts';
import { outbox } from '../../db/schema.ts';
import type { Queryable } from '../../db/tx.ts';

/** Templates the notification worker knows how to render (server/modules/notifications). */
export type NotificationTemplate =
  | 'dossier.submitted'
  | 'dossier.received'
  | 'dossier.accepted'
  | 'dossier.notAccepted'
  | 'dossier.supplementRequested'
  /** To the staff: the applicant supplied the requested items online. */
  | 'dossier.supplementSupplied'
  | 'dossier.financialObligation'
  | 'dossier.apology'
  | 'dossier.resolved'
  | 'dossier.returned'
  | 'dossier.withdrawn'
  | 'dossier.stopped';

export type ApplicantNotice = Readonly<{
  applicant: Applicant;
  dossierId: string;
  agencyId: string;
  template: NotificationTemplate;
  payload: Record<string, unknown>;
  at: Date;
}>;

/** The outbox rows of a notice to the applicant: an e-mail when they gave an address, an SMS for a phone. */
export function outboxRows(n: ApplicantNotice): (typeof outbox.$inferInsert)[] {
  const rows: (typeof outbox.$inferInsert)[] = [];
  const base = {
    template: n.template,
    payload: n.payload,
    dossierId: n.dossierId,
    agencyId: n.agencyId,
    nextAttemptAt: n.at,
  };
  if (n.applicant.email) rows.push({ ...base, channel: 'email', recipient: n.applicant.email });
  if (n.applicant.phone) rows.push({ ...base, channel: 'sms', recipient: n.applicant.phone });
  return rows;
}

/**
 * Queues a notice to the applicant in the caller's transaction (transactional outbox): an e-mail when the
 * applicant gave an address, an SMS when they gave a phone. Nothing is sent here; the worker delivers.
 */
export async function notifyApplicant(q: Queryable, n: ApplicantNotice) {
  const rows = outboxRows(n);
  if (rows.length > 0) await q.insert(outbox).values(rows);
  return rows.length;
}
