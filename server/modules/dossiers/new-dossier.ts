/**
 * Writing a new dossier (desk intake and online submission share it): the receiving desk's next number for the
 * day (the code), the row, its first event, the uploaded scans linked to it and the notice to the applicant — one
 * SQL statement (inside the caller's transaction if it has more to write; on its own it is atomic already).
 *
 * Why one statement: the daily number is a row lock held until the transaction ends (that is what makes codes
 * gap-free and unique under concurrent intakes, ADR 0006). Every round trip made after drawing the number is
 * time other intakes at the same desk wait; as one statement, the lock is held for this statement and the commit
 * only. Child rows reference the dossier inserted by a sibling sub-statement: PostgreSQL checks foreign keys at
 * the end of the statement, when the dossier exists.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Workflow } from '../../../domain/catalogue/index.ts';
import {
  type Applicant,
  codeDay,
  type DossierEvent,
  MAX_DAILY_SEQUENCE,
} from '../../../domain/dossier/index.ts';
import type { Ctx } from '../../context.ts';
import type { Queryable } from '../../db/tx.ts';
import { AppError } from '../../errors.ts';
import type { AgencyRow } from '../agencies/agencies.repository.ts';
import type * as repo from './dossiers.repository.ts';
import { type NotificationTemplate, outboxRows } from './notify.ts';

/** What differs between a desk intake and an online submission when a dossier is first written. */
export type NewDossierFacts = Readonly<{
  desk: AgencyRow & { agencyCode: string };
  now: Date;
  row: Omit<
    repo.NewDossier,
    'code' | 'receivingAgencyId' | 'holderAgencyId' | 'receivedAt' | 'lastSeq' | 'stepKey'
  >;
  workflow: Workflow;
  event: Pick<
    DossierEvent,
    'action' | 'actorId' | 'actorName' | 'role' | 'toStatus' | 'assigneeId' | 'dueAt' | 'note' | 'data'
  >;
  fileIds: readonly string[];
  notice: Readonly<{ template: NotificationTemplate; payload: Record<string, unknown> }>;
  applicant: Applicant;
}>;

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

type Written = { code: string | null; created_at: Date | string; linked: number | string };

export async function writeNewDossier(
  tx: Queryable,
  ctx: Ctx,
  f: NewDossierFacts,
): Promise<{ row: repo.DossierRow; event: DossierEvent }> {
  const id = randomUUID();
  const first = f.workflow.steps[0]!;
  const day = codeDay(f.now);
  const r = f.row;
  const fileIds = [...new Set(f.fileIds)];
  // The notice's payload gets the code inside the statement (`{code}` merged in SQL).
  const notices = outboxRows({
    applicant: f.applicant,
    dossierId: id,
    agencyId: f.desk.id,
    template: f.notice.template,
    payload: f.notice.payload,
    at: f.now,
  });
  const result = (await tx.execute(sql`
    with seq as (
      insert into daily_sequences (scope, day, last) values (${`dossier:${f.desk.id}`}, ${day}, 1)
      on conflict (scope, day) do update set last = daily_sequences.last + 1
      returning last
    ),
    d as (
      insert into dossiers (
        id, code, procedure_id, procedure_version_id, receiving_agency_id, competent_agency_id, holder_agency_id,
        channel, status, step_key, assignee_id, applicant, applicant_name, submitter, citizen_user_id, documents,
        form_data, workflow, result_delivery, received_at, due_at, due_explanation, last_seq
      )
      select
        ${id}::uuid, ${`${f.desk.agencyCode}-${day}-`} || lpad(seq.last::text, 4, '0'), ${r.procedureId}::uuid,
        ${r.procedureVersionId}::uuid, ${f.desk.id}::uuid, ${r.competentAgencyId}::uuid, ${f.desk.id}::uuid,
        ${r.channel}, ${r.status}, ${first.key}, ${r.assigneeId ?? null}::uuid, ${json(r.applicant)}::jsonb,
        ${r.applicantName}, ${json(r.submitter)}::jsonb, ${r.citizenUserId ?? null}::uuid,
        ${json(r.documents)}::jsonb, ${json(r.formData)}::jsonb, ${json(r.workflow)}::jsonb, ${r.resultDelivery},
        ${iso(f.now)}::timestamptz, ${iso(r.dueAt)}::timestamptz, ${json(r.dueExplanation ?? [])}::jsonb, 1
      from seq
      where seq.last <= ${MAX_DAILY_SEQUENCE}
      returning code, created_at
    ),
    e as (
      insert into dossier_events (
        dossier_id, seq, at, action, actor_id, actor_name, role, agency_id, from_status, to_status, from_step,
        to_step, holder_agency_id, assignee_id, due_at, note, data
      )
      select ${id}::uuid, 1, ${iso(f.now)}::timestamptz, ${f.event.action}, ${f.event.actorId}::uuid,
        ${f.event.actorName}, ${f.event.role}, ${f.desk.id}::uuid, null, ${f.event.toStatus}, null, ${first.key},
        ${f.desk.id}::uuid, ${f.event.assigneeId}::uuid, ${iso(f.event.dueAt)}::timestamptz, ${f.event.note},
        ${json(f.event.data ?? {})}::jsonb
      from d
    ),
    files as (
      update stored_files set dossier_id = ${id}::uuid
      where id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(fileIds)}::jsonb)) and uploaded_by = ${ctx.actor!.userId}::uuid and dossier_id is null
        and exists (select 1 from d)
      returning id
    ),
    notices as (
      insert into outbox (channel, recipient, template, payload, dossier_id, agency_id, next_attempt_at)
      select n.channel, n.recipient, n.template, n.payload || jsonb_build_object('code', d.code), ${id}::uuid,
        ${f.desk.id}::uuid, ${iso(f.now)}::timestamptz
      from d, jsonb_to_recordset(${JSON.stringify(notices)}::jsonb) as n(channel text, recipient text, template text, payload jsonb)
    )
    select d.code, d.created_at, (select count(*) from files) as linked from d
  `)) as unknown as { rows: Written[] };
  const written = result.rows[0];
  if (!written?.code) {
    throw new RangeError(`Số thứ tự hồ sơ trong ngày vượt giới hạn ${MAX_DAILY_SEQUENCE}`);
  }
  if (Number(written.linked) !== fileIds.length) {
    throw new AppError('VALIDATION', 'Có tệp đính kèm không tồn tại hoặc đã thuộc hồ sơ khác', {
      errors: [{ path: 'documents', message: 'Tải lại tệp quét' }],
    });
  }
  const row: repo.DossierRow = {
    id,
    code: written.code,
    procedureId: r.procedureId,
    procedureVersionId: r.procedureVersionId,
    receivingAgencyId: f.desk.id,
    competentAgencyId: r.competentAgencyId,
    holderAgencyId: f.desk.id,
    channel: r.channel,
    status: r.status,
    stepKey: first.key,
    assigneeId: r.assigneeId ?? null,
    applicant: r.applicant,
    applicantName: r.applicantName,
    submitter: r.submitter ?? null,
    citizenUserId: r.citizenUserId ?? null,
    documents: r.documents,
    formData: r.formData ?? null,
    workflow: r.workflow,
    resultDelivery: r.resultDelivery,
    receivedAt: f.now,
    dueAt: r.dueAt ?? null,
    dueExplanation: r.dueExplanation ?? [],
    pausedSince: null,
    resolvedAt: null,
    finishedAt: null,
    overdueSince: null,
    overdueHolder: null,
    lastSeq: 1,
    createdAt: new Date(written.created_at),
  };
  const event: DossierEvent = {
    ...f.event,
    seq: 1,
    at: f.now,
    agencyId: f.desk.id,
    fromStatus: null,
    fromStep: null,
    toStep: first.key,
    holderAgencyId: f.desk.id,
  };
  return { row, event };
}
