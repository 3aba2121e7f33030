import { z } from 'zod';
import { DossierStatus } from '../../../../domain/dossier/index.ts';
import { api } from '../../lib/api.ts';

/** A dossier on the dashboard, where it is now (GET /api/warnings). */
const WarnedDossier = z.object({
  id: z.uuid(),
  code: z.string(),
  procedureName: z.string(),
  status: DossierStatus,
  dueAt: z.string(),
  holderAgency: z.object({ id: z.uuid(), name: z.string() }),
  stepName: z.string().nullable(),
  assigneeName: z.string().nullable(),
});

const OverdueDossier = WarnedDossier.extend({
  overdueSince: z.string().nullable(),
  /** Who held it when it fell due (recorded by the server's overdue job; null until the job has run). */
  heldWhenOverdue: z
    .object({
      agencyName: z.string(),
      stepName: z.string().nullable(),
      assigneeName: z.string().nullable(),
    })
    .nullable(),
  workingDaysLate: z.number().int(),
});
export type OverdueDossier = z.infer<typeof OverdueDossier>;

const DueSoonDossier = WarnedDossier.extend({ workingDaysLeft: z.number().int() });
export type DueSoonDossier = z.infer<typeof DueSoonDossier>;

export type WarnedDossier = OverdueDossier | DueSoonDossier;

const DeadlineWarnings = z.object({
  asOf: z.string(),
  agencies: z.array(
    z.object({
      agencyId: z.uuid(),
      agencyName: z.string(),
      overdue: z.number().int(),
      dueSoon: z.number().int(),
    }),
  ),
  overdueTotal: z.number().int(),
  overdue: z.array(OverdueDossier),
  dueSoonTotal: z.number().int(),
  dueSoon: z.array(DueSoonDossier),
});
export type DeadlineWarnings = z.infer<typeof DeadlineWarnings>;

/** Overdue and due-soon dossiers held in the leader's subtrees. */
export const getWarnings = () => api.get('/api/warnings', DeadlineWarnings);

export interface LogPeriod {
  agencyId: string;
  /** `YYYY-MM-DD`, both days included. */
  from: string;
  to: string;
}

/** The dossier log (form 06) of a receiving agency for a period, as PDF or Excel. */
export const dossierLogUrl = (format: 'pdf' | 'xlsx', p: LogPeriod): string =>
  `/api/dossier-log.${format}?${new URLSearchParams({ agencyId: p.agencyId, from: p.from, to: p.to })}`;
