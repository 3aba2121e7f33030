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
import { namedStatement } from './named-statement.ts';
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

// A named prepared statement: planned once per connection, each intake sends its values only.
// $1 sequence scope, $2 code day, $3 dossier id, $4 code prefix, $5–$23 the dossier row, $24 the day's last
// number, $25–$33 the first event, $34 scan file ids, $35 uploader, $36 notices.
const newDossierStatement = namedStatement<Written>(
  'motcua_new_dossier',
  `with seq as (
      insert into daily_sequences (scope, day, last) values ($1, $2, 1)
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
        $3::uuid, $4 || lpad(seq.last::text, 4, '0'), $5::uuid, $6::uuid, $7::uuid, $8::uuid, $7::uuid,
        $9, $10, $11, $12::uuid, $13::jsonb, $14, $15::jsonb, $16::uuid, $17::jsonb, $18::jsonb, $19::jsonb, $20,
        $21::timestamptz, $22::timestamptz, $23::jsonb, 1
      from seq
      where seq.last <= $24::int
      returning code, created_at
    ),
    e as (
      insert into dossier_events (
        dossier_id, seq, at, action, actor_id, actor_name, role, agency_id, from_status, to_status, from_step,
        to_step, holder_agency_id, assignee_id, due_at, note, data
      )
      select $3::uuid, 1, $21::timestamptz, $25, $26::uuid, $27, $28, $7::uuid, null, $29, null, $11,
        $7::uuid, $30::uuid, $31::timestamptz, $32, $33::jsonb
      from d
    ),
    files as (
      update stored_files set dossier_id = $3::uuid
      where id in (select value::uuid from jsonb_array_elements_text($34::jsonb)) and uploaded_by = $35::uuid
        and dossier_id is null and exists (select 1 from d)
      returning id
    ),
    notices as (
      insert into outbox (channel, recipient, template, payload, dossier_id, agency_id, next_attempt_at)
      select n.channel, n.recipient, n.template, n.payload || jsonb_build_object('code', d.code), $3::uuid,
        $7::uuid, $21::timestamptz
      from d, jsonb_to_recordset($36::jsonb) as n(channel text, recipient text, template text, payload jsonb)
    )
    select d.code, d.created_at, (select count(*) from files) as linked from d`,
);

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
  const [written] = await newDossierStatement(tx, [
    `dossier:${f.desk.id}`,
    day,
    id,
    `${f.desk.agencyCode}-${day}-`,
    r.procedureId,
    r.procedureVersionId,
    f.desk.id,
    r.competentAgencyId,
    r.channel,
    r.status,
    first.key,
    r.assigneeId ?? null,
    json(r.applicant),
    r.applicantName,
    json(r.submitter),
    r.citizenUserId ?? null,
    json(r.documents),
    json(r.formData),
    json(r.workflow),
    r.resultDelivery,
    iso(f.now),
    iso(r.dueAt),
    json(r.dueExplanation ?? []),
    MAX_DAILY_SEQUENCE,
    f.event.action,
    f.event.actorId,
    f.event.actorName,
    f.event.role,
    f.event.toStatus,
    f.event.assigneeId,
    iso(f.event.dueAt),
    f.event.note,
    json(f.event.data ?? {}),
    JSON.stringify(fileIds),
    ctx.actor!.userId,
    JSON.stringify(notices),
  ]);
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
