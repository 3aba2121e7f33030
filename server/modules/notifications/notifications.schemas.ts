/** Request and response shapes of the notifications and warnings API (responses carry no transforms). */
import { z } from 'zod';
import { DossierStatus } from '../../../domain/dossier/status.ts';
import { OUTBOX_CHANNELS } from './channels.ts';
import { NOTIFICATION_STATUSES } from './outbox.repository.ts';

export const NotificationStatus = z.enum(NOTIFICATION_STATUSES);

export const Notification = z.object({
  id: z.uuid(),
  channel: z.enum(OUTBOX_CHANNELS),
  recipient: z.string(),
  template: z.string(),
  status: NotificationStatus,
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  deliveredVia: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  dossierId: z.uuid().nullable(),
  dossierCode: z.string().nullable(),
  agencyId: z.uuid().nullable(),
  agencyName: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationPage = z.object({ items: z.array(Notification), total: z.number().int() });

export const NotificationListQuery = z.strictObject({
  /** One status or several separated by commas, e.g. `failed,retry`. */
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',') : undefined))
    .pipe(z.array(NotificationStatus).optional()),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

/** Who held a dossier when it became overdue (recorded once by the overdue job). */
export const OverdueHolder = z.object({
  agencyId: z.uuid(),
  agencyName: z.string(),
  stepKey: z.string().nullable(),
  stepName: z.string().nullable(),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
});

/** A dossier on the leader's dashboard, where it is now. */
const WarnedDossier = z.object({
  id: z.uuid(),
  code: z.string(),
  procedureName: z.string(),
  status: DossierStatus,
  dueAt: z.string(),
  holderAgency: z.object({ id: z.uuid(), name: z.string() }),
  /** The step it is at now and who has claimed it (null: waiting in the unit's inbox). */
  stepName: z.string().nullable(),
  assigneeName: z.string().nullable(),
});

export const DeadlineWarnings = z.object({
  asOf: z.string(),
  /** Per holding agency of the leader's subtree, agencies with nothing to warn about left out. */
  agencies: z.array(
    z.object({
      agencyId: z.uuid(),
      agencyName: z.string(),
      overdue: z.number().int(),
      dueSoon: z.number().int(),
    }),
  ),
  overdueTotal: z.number().int(),
  /** The overdue dossiers, longest overdue first (at most 200). */
  overdue: z.array(
    WarnedDossier.extend({
      /** When it became overdue (its due date), once the overdue job has recorded it. */
      overdueSince: z.string().nullable(),
      heldWhenOverdue: OverdueHolder.nullable(),
      /** Working days (of the holding agency) from the due day to today: 0 when it fell due today. */
      workingDaysLate: z.number().int(),
    }),
  ),
  dueSoonTotal: z.number().int(),
  /** The dossiers due within one working day, earliest due first (at most 200). */
  dueSoon: z.array(
    WarnedDossier.extend({
      /** Working days from today to the due day: 0 when due today, 1 when due the next working day. */
      workingDaysLeft: z.number().int(),
    }),
  ),
});
export type DeadlineWarnings = z.infer<typeof DeadlineWarnings>;
