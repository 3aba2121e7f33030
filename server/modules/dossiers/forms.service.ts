/**
 * The official forms of a dossier (Circular 01/2018/TT-VPCP) filled from its stored data and events: receipt
 * (01), supplement request (02), refusal (03, from an intake slip), apology (04), control sheet (05) and the
 * dossier log (06, PDF and Excel). Rendering lives in server/pdf; this file only resolves the data.
 */
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { classify } from '../../../domain/calendar/index.ts';
import { documentKindLabel } from '../../../domain/catalogue/procedure.ts';
import {
  type Applicant,
  applicantName,
  type DossierEvent,
  resultDeliveryLabel,
  type SupplementItem,
} from '../../../domain/dossier/index.ts';
import type { Ctx } from '../../context.ts';
import { dossiers } from '../../db/schema.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import * as pdf from '../../pdf/forms.ts';
import { requireStaff } from '../access/access.ts';
import { type AgencyRow, findAgenciesByIds, findAgency } from '../agencies/agencies.repository.ts';
import { legalClockAt } from '../calendar/calendar.service.ts';
import { readable } from './actions.service.ts';
import type { Loaded } from './dossier-view.ts';
import { canReadLog } from './dossiers.policy.ts';
import * as repo from './dossiers.repository.ts';

const PLACE_PREFIX = /^(phường|xã|đặc khu|thị trấn|thành phố|tỉnh)\s+/i;

/** "Phường Hoàn Kiếm" → header "UBND phường Hoàn Kiếm", place "Hoàn Kiếm". */
export function issuerOf(competent: AgencyRow, receiving: AgencyRow): pdf.Issuer {
  const lowerKind = competent.name.replace(PLACE_PREFIX, (m) => m.toLowerCase());
  return {
    parentName:
      competent.kind === 'commune' || competent.kind === 'province' ? `UBND ${lowerKind}` : competent.name,
    unitName: receiving.kind === 'serviceCentre' ? receiving.name : 'Bộ phận Tiếp nhận và Trả kết quả',
    place: competent.name.replace(PLACE_PREFIX, ''),
  };
}

const addressOf = (a: Applicant) => a.address.street;
const pdfApplicant = (a: Applicant): pdf.Applicant => ({
  name: applicantName(a),
  address: addressOf(a),
  ...(a.phone ? { phone: a.phone } : {}),
  ...(a.email ? { email: a.email } : {}),
});

export type FormKind = 'receipt' | 'supplement' | 'apology' | 'control-sheet';

async function dossierForm(ctx: Ctx, id: string) {
  const { loaded } = await readable(ctx, id);
  const events = await repo.listEvents(ctx.db, id);
  const receiving = loaded.agencies.get(loaded.row.receivingAgencyId)!;
  const competent = loaded.agencies.get(loaded.row.competentAgencyId)!;
  return { l: loaded, events, receiving, competent, issuer: issuerOf(competent, receiving) };
}

const last = (events: readonly DossierEvent[], action: DossierEvent['action']) =>
  [...events].reverse().find((e) => e.action === action);

function receiptOf(
  l: Loaded,
  events: readonly DossierEvent[],
  issuer: pdf.Issuer,
  receiving: AgencyRow,
  publicUrl: string,
) {
  const first = events[0]!;
  const applicant = l.row.applicant as Applicant;
  const docs = l.row.documents as { key: string; kind: keyof typeof documentKindLabel; count: number }[];
  const fee = first.data.fee as { amount: number; receiptNo: string } | undefined;
  const submitter = l.row.submitter as { fullName: string } | null;
  const initialDue = first.dueAt ?? l.row.dueAt ?? first.at;
  return pdf.renderReceipt({
    issuer,
    issuedAt: first.at,
    dossierCode: l.row.code,
    receivingUnit: receiving.name,
    applicant: pdfApplicant(applicant),
    procedureName: l.procedureName,
    documents: docs.map((d) => ({
      name: l.version.requiredDocuments.find((r) => r.key === d.key)?.name ?? d.key,
      form: documentKindLabel[d.kind],
      copies: d.count,
    })),
    dossierCount: 1,
    processingTime: describe(l),
    receivedAt: first.at,
    dueAt: initialDue,
    dueExplanation: Array.isArray(first.data.explanation) ? (first.data.explanation as string[]) : [],
    resultDelivery: resultDeliveryLabel[l.row.resultDelivery as keyof typeof resultDeliveryLabel],
    ...(fee ? { feePaid: { amount: fee.amount, description: `Biên lai số ${fee.receiptNo}` } } : {}),
    trackingUrl: `${publicUrl}/tra-cuu/${encodeURIComponent(l.row.code)}`,
    submitterName: submitter?.fullName ?? applicantName(applicant),
    officerName: first.actorName ?? '',
  });
}

const describe = (l: Loaded): string => {
  const limit = l.version.localLimit;
  if ('workingDays' in limit) return `${String(limit.workingDays).padStart(2, '0')} ngày làm việc`;
  if ('workingHours' in limit) return `${limit.workingHours} giờ làm việc`;
  if ('sameDay' in limit) return 'Trong ngày';
  return `${String(limit.calendarDays).padStart(2, '0')} ngày`;
};

export async function renderDossierForm(
  ctx: Ctx,
  id: string,
  kind: FormKind,
  publicUrl: string,
): Promise<Buffer> {
  const { l, events, receiving, competent, issuer } = await dossierForm(ctx, id);
  const applicant = l.row.applicant as Applicant;
  if (kind === 'receipt') return receiptOf(l, events, issuer, receiving, publicUrl);
  if (kind === 'supplement') {
    const e = last(events, 'requestSupplement');
    if (!e) throw new AppError('NOT_FOUND', 'Hồ sơ chưa có yêu cầu bổ sung');
    return pdf.renderSupplementGuidance({
      issuer,
      issuedAt: e.at,
      dossierCode: l.row.code,
      applicant: pdfApplicant(applicant),
      procedureName: l.procedureName,
      items: ((e.data.items as SupplementItem[]) ?? []).map((i) => ({
        document: i.name,
        requirement: i.detail ?? '',
      })),
      reason: e.note ?? '',
      contact: { name: e.actorName ?? '', phone: '' },
      officerName: e.actorName ?? '',
    });
  }
  if (kind === 'apology') {
    const e = last(events, 'apologise');
    if (!e) throw new AppError('NOT_FOUND', 'Hồ sơ chưa có phiếu xin lỗi');
    return pdf.renderApology({
      issuer,
      issuedAt: e.at,
      agencyName: `Ủy ban nhân dân ${competent.name.replace(PLACE_PREFIX, (m) => m.toLowerCase())}`,
      applicant: pdfApplicant(applicant),
      dossierCode: l.row.code,
      procedureName: l.procedureName,
      receivedAt: l.row.receivedAt,
      processingTime: describe(l),
      originalDueAt: new Date(String(e.data.previousDueAt)),
      reason: e.note ?? '',
      newDueAt: e.dueAt!,
      signer: { lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: e.actorName ?? '' },
    });
  }
  return controlSheetOf(ctx, l, events, issuer, receiving);
}

/** Form 05: one row per hand-over (forward, send back, return), each step judged against its own budget. */
async function controlSheetOf(
  ctx: Ctx,
  l: Loaded,
  events: readonly DossierEvent[],
  issuer: pdf.Issuer,
  receiving: AgencyRow,
) {
  const clock = await legalClockAt(ctx, receiving.path);
  const others = await findAgenciesByIds(ctx.db, [...new Set(events.map((e) => e.holderAgencyId))]);
  const agencyName = (id: string) => others.find((a) => a.id === id)?.name ?? '';
  const stepName = (key: string | null) => l.workflow.steps.find((s) => s.key === key)?.name ?? '';
  const handovers: pdf.Handover[] = [];
  let stepStart = events[0]!.at;
  let holder = events[0]!.holderAgencyId;
  events.forEach((e, i) => {
    if (e.action !== 'forward' && e.action !== 'sendBack' && e.action !== 'returnResult') return;
    const step = l.workflow.steps.find((s) => s.key === e.fromStep);
    const stepDue = step ? clock.due(stepStart, { workingHours: step.budgetHours }).dueAt : undefined;
    const receiver = events.slice(i + 1).find((n) => n.action === 'claim')?.actorName ?? e.assigneeId ?? '';
    handovers.push({
      from: `${stepName(e.fromStep)} (${agencyName(holder)})`,
      to:
        e.action === 'returnResult'
          ? 'Tổ chức, cá nhân'
          : `${stepName(e.toStep)} (${agencyName(e.holderAgencyId)})`,
      at: e.at,
      giverName: e.actorName ?? '',
      receiverName: e.action === 'returnResult' ? applicantName(l.row.applicant as Applicant) : receiver,
      ...(stepDue ? { outcome: classify(e.at, stepDue) } : {}),
      ...(e.action === 'sendBack' && e.note ? { note: `Trả lại: ${e.note}` } : {}),
    });
    stepStart = e.at;
    holder = e.holderAgencyId;
  });
  return pdf.renderControlSheet({
    issuer,
    issuedAt: ctx.clock.now(),
    dossierCode: l.row.code,
    applicant: pdfApplicant(l.row.applicant as Applicant),
    procedureName: l.procedureName,
    receivedAt: l.row.receivedAt,
    dueAt: l.row.dueAt ?? l.row.receivedAt,
    leadAgency: l.agencies.get(l.row.competentAgencyId)?.name ?? '',
    coordinatingAgencies: [...new Set(events.map((e) => e.holderAgencyId))]
      .filter((id) => id !== l.row.competentAgencyId && id !== l.row.receivingAgencyId)
      .map(agencyName),
    handovers,
  });
}

/** Form 02 or 03 of a slip given at the desk. */
export async function renderSlipForm(ctx: Ctx, id: string): Promise<Buffer> {
  const actor = requireStaff(ctx);
  const slip = await repo.findSlip(ctx.db, id);
  if (!slip) throw notFound('phiếu');
  const receiving = await findAgency(ctx.db, slip.receivingAgencyId);
  if (!receiving || !canReadLog(actor, receiving.path)) throw notFound('phiếu');
  const competent =
    (receiving.kind === 'serviceCentre' && receiving.parentId
      ? await findAgency(ctx.db, receiving.parentId)
      : receiving) ?? receiving;
  const c = slip.content as {
    addressee: { fullName: string; phone?: string; email?: string; address?: string };
    procedureName: string;
    items?: SupplementItem[];
    reasons?: string[];
    note?: string;
  };
  const applicant = {
    name: c.addressee.fullName,
    address: c.addressee.address ?? '',
    ...(c.addressee.phone ? { phone: c.addressee.phone } : {}),
    ...(c.addressee.email ? { email: c.addressee.email } : {}),
  };
  const issuer = issuerOf(competent, receiving);
  const officer = actor.fullName;
  if (slip.kind === 'guidance') {
    return pdf.renderSupplementGuidance({
      issuer,
      issuedAt: slip.issuedAt,
      number: slip.number,
      applicant,
      procedureName: c.procedureName,
      items: (c.items ?? []).map((i) => ({ document: i.name, requirement: i.detail ?? '' })),
      reason: c.note ?? 'Hồ sơ chưa đầy đủ, chưa hợp lệ theo quy định',
      contact: { name: officer, phone: '' },
      officerName: officer,
    });
  }
  return pdf.renderRefusal({
    issuer,
    issuedAt: slip.issuedAt,
    number: slip.number,
    receivingUnit: receiving.name,
    applicant,
    procedureName: c.procedureName,
    reasons: c.reasons ?? [],
    officerName: officer,
  });
}

/** Form 06: dossiers received by an agency between two instants. */
export async function dossierLogData(
  ctx: Ctx,
  agencyId: string,
  from: Date,
  to: Date,
): Promise<pdf.DossierLogData> {
  const actor = requireStaff(ctx);
  const agency = await findAgency(ctx.db, agencyId);
  if (!agency) throw notFound('đơn vị');
  if (!canReadLog(actor, agency.path))
    throw forbidden('Chỉ cán bộ tiếp nhận và lãnh đạo của đơn vị được xem sổ');
  const rows = await ctx.db
    .select()
    .from(dossiers)
    .where(
      and(
        eq(dossiers.receivingAgencyId, agencyId),
        gte(dossiers.receivedAt, from),
        lt(dossiers.receivedAt, to),
      ),
    )
    .orderBy(asc(dossiers.receivedAt));
  const names = await repo.procedureNames(
    ctx.db,
    rows.map((r) => r.procedureId),
  );
  const agencies = await findAgenciesByIds(ctx.db, [...new Set(rows.map((r) => r.competentAgencyId))]);
  const competent = agencies.find((a) => a.id === agency.parentId) ?? agency;
  return {
    issuer: issuerOf(competent, agency),
    issuedAt: ctx.clock.now(),
    periodFrom: from,
    periodTo: new Date(to.getTime() - 1),
    rows: rows.map((r) => {
      const a = r.applicant as Applicant;
      return {
        dossierCode: r.code,
        procedureName: names.get(r.procedureId) ?? '',
        dossierCount: 1,
        applicantName: applicantName(a),
        address: addressOf(a),
        ...(a.phone ? { phone: a.phone } : {}),
        leadAgency: agencies.find((x) => x.id === r.competentAgencyId)?.name ?? '',
        receivedAt: r.receivedAt,
        dueAt: r.dueAt ?? r.receivedAt,
        ...(r.resolvedAt ? { outcome: { kind: 'result' as const, at: r.resolvedAt } } : {}),
        ...(r.status === 'returned' && r.finishedAt ? { returnedAt: r.finishedAt } : {}),
      };
    }),
  };
}
