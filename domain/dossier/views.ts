/** What the API returns about dossiers (response schemas: no transforms, instants as ISO strings). */
import { z } from 'zod';
import { DocumentKind } from '../catalogue/procedure.ts';
import { StepKind } from '../catalogue/workflow.ts';
import { DossierAction } from './actions.ts';
import { Applicant, Submitter } from './applicant.ts';
import { Channel, DossierStatus, ResultDelivery } from './status.ts';

const Instant = z.string().describe('ISO 8601 instant');
const AgencyBrief = z.object({ id: z.uuid(), name: z.string(), agencyCode: z.string().nullable() });

export const DossierEventView = z.object({
  seq: z.number().int(),
  at: Instant,
  action: z.string(),
  label: z.string(),
  actorName: z.string().nullable(),
  role: z.string().nullable(),
  agencyName: z.string().nullable(),
  fromStatus: DossierStatus.nullable(),
  toStatus: DossierStatus,
  fromStep: z.string().nullable(),
  toStep: z.string().nullable(),
  dueAt: Instant.nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type DossierEventView = z.infer<typeof DossierEventView>;

export const StepView = z.object({
  key: z.string(),
  name: z.string(),
  kind: StepKind,
  role: z.string(),
  unit: z.string().nullable(),
  budgetHours: z.number(),
  next: z.array(z.string()),
  sendBack: z.array(z.string()),
  otherAgency: z.boolean(),
});

export const DossierView = z.object({
  id: z.uuid(),
  code: z.string(),
  status: DossierStatus,
  statusCode: z.number().int(),
  statusLabel: z.string(),
  channel: Channel,
  procedure: z.object({ code: z.string(), name: z.string(), version: z.number().int(), limit: z.string() }),
  receivingAgency: AgencyBrief,
  competentAgency: AgencyBrief,
  holderAgency: AgencyBrief,
  step: StepView.nullable(),
  assignee: z.object({ id: z.uuid(), fullName: z.string() }).nullable(),
  applicant: Applicant,
  submitter: Submitter.nullable(),
  documents: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      kind: DocumentKind,
      count: z.number().int(),
      fileIds: z.array(z.string()),
      /** The scans, in the order of `fileIds`, with the names they were uploaded under. */
      files: z.array(
        z.object({ id: z.string(), name: z.string(), size: z.number().int(), mediaType: z.string() }),
      ),
    }),
  ),
  resultDelivery: ResultDelivery,
  receivedAt: Instant,
  dueAt: Instant.nullable(),
  dueExplanation: z.array(z.string()),
  pausedSince: Instant.nullable(),
  resolvedAt: Instant.nullable(),
  finishedAt: Instant.nullable(),
  overdue: z.boolean(),
  allowedActions: z.array(DossierAction),
  steps: z.array(StepView),
  events: z.array(DossierEventView),
});
export type DossierView = z.infer<typeof DossierView>;

export const DossierSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  status: DossierStatus,
  statusLabel: z.string(),
  stepName: z.string().nullable(),
  holderAgencyName: z.string(),
  assigneeName: z.string().nullable(),
  receivedAt: Instant,
  dueAt: Instant.nullable(),
  /** overdue: past due; dueSoon: due within 1 working day. */
  warning: z.enum(['overdue', 'dueSoon']).nullable(),
});
export type DossierSummary = z.infer<typeof DossierSummary>;

/** Public tracking (no login): no personal data beyond the masked name. */
export const PublicDossier = z.object({
  code: z.string(),
  status: DossierStatus,
  statusCode: z.number().int(),
  statusLabel: z.string(),
  procedureName: z.string(),
  receivingAgency: z.string(),
  applicantName: z.string().describe('masked, e.g. "Nguyễn V** A*"'),
  receivedAt: Instant,
  dueAt: Instant.nullable(),
  resolvedAt: Instant.nullable(),
  finishedAt: Instant.nullable(),
  timeline: z.array(z.object({ at: Instant, label: z.string(), status: z.string() })),
});
export type PublicDossier = z.infer<typeof PublicDossier>;
