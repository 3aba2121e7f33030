/**
 * Online submission through the portal (DOMAIN §3: channel 2). The citizen fills the version's online form and
 * uploads a scan for every checklist item; the dossier waits in status 1 until the desk accepts it (→ 2, the
 * clock starts then) or refuses it with reasons (→ 3).
 */
import { z } from 'zod';
import { NationalCode, type RequiredDocument } from '../catalogue/procedure.ts';
import { Text } from '../shared/text.ts';
import { Address, Applicant } from './applicant.ts';
import type { ChecklistIssue } from './intake.ts';
import { DossierStatus, ResultDelivery } from './status.ts';

export const OnlineDocument = z.strictObject({
  /** Key of the checklist item of the version in force. */
  key: z.string().min(1).max(100),
  /** Scans uploaded by the citizen (POST /api/files). */
  fileIds: z.array(z.uuid()).max(20),
});
export type OnlineDocument = z.infer<typeof OnlineDocument>;

export const OnlineSubmission = z
  .strictObject({
    procedureCode: NationalCode,
    /** The desk the dossier is addressed to (one of the procedure's implementing agencies). */
    receivingAgencyId: z.uuid(),
    applicant: Applicant,
    documents: z.array(OnlineDocument).max(100),
    /** Values of the version's online form. */
    formData: z.record(z.string(), z.unknown()).default({}),
    resultDelivery: ResultDelivery,
    /** Where the post office delivers the result (required when the result goes by post). */
    postalAddress: Address.optional(),
    note: Text(2000).optional(),
  })
  .refine((s) => s.resultDelivery !== 'post' || s.postalAddress !== undefined, {
    path: ['postalAddress'],
    message: 'Nhận kết quả qua bưu điện: cần địa chỉ nhận',
  });
export type OnlineSubmission = z.infer<typeof OnlineSubmission>;

export { acceptsOnline } from './labels.ts';

/**
 * Online, every checklist item is an electronic copy: a mandatory item needs at least one uploaded scan; an
 * item outside the checklist or given twice is an error. Messages name the document, in Vietnamese.
 */
export function checkOnlineDocuments(
  checklist: readonly RequiredDocument[],
  given: readonly OnlineDocument[],
): ChecklistIssue[] {
  const issues: ChecklistIssue[] = [];
  const byKey = new Map(checklist.map((d) => [d.key, d]));
  const withFiles = new Set<string>();
  const seen = new Set<string>();
  given.forEach((g, i) => {
    const item = byKey.get(g.key);
    if (!item) {
      issues.push({
        path: `documents.${i}.key`,
        message: `Giấy tờ không có trong thành phần hồ sơ: ${g.key}`,
      });
      return;
    }
    if (seen.has(g.key)) {
      issues.push({ path: `documents.${i}.key`, message: `Giấy tờ được khai hai lần: ${item.name}` });
      return;
    }
    seen.add(g.key);
    if (g.fileIds.length > 0) withFiles.add(g.key);
  });
  checklist.forEach((item) => {
    if (item.mandatory && !withFiles.has(item.key)) {
      issues.push({
        path: 'documents',
        message: `Chưa tải lên bản điện tử của giấy tờ bắt buộc: ${item.name}`,
        item: { name: item.name, detail: 'Tải lên bản chụp hoặc bản quét' },
      });
    }
  });
  return issues;
}

/** A line of "my dossiers" on the portal. */
export const MyDossier = z.object({
  id: z.uuid(),
  code: z.string(),
  status: DossierStatus,
  statusCode: z.number().int(),
  statusLabel: z.string(),
  procedureName: z.string(),
  receivingAgencyName: z.string(),
  submittedAt: z.string(),
  dueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type MyDossier = z.infer<typeof MyDossier>;
