/**
 * Intake at the desk (DOMAIN §3.1): the officer checks what the applicant brought against the checklist of the
 * version in force. Complete → receipt (form 01); incomplete → one written guidance of everything missing
 * (form 02); out of scope → refusal with reasons (form 03).
 */
import { z } from 'zod';
import {
  DocumentKind,
  documentKindLabel,
  NationalCode,
  type RequiredDocument,
} from '../catalogue/procedure.ts';
import { Text } from '../shared/text.ts';
import { Applicant, Email, Phone, Submitter } from './applicant.ts';
import { SupplementItem } from './requests.ts';
import { ResultDelivery } from './status.ts';

export const ReceivedDocument = z.strictObject({
  /** Key of the checklist item of the pinned version. */
  key: z.string().min(1).max(100),
  kind: DocumentKind,
  count: z.number().int().min(1).max(50).default(1),
  /** Scans already uploaded (POST /api/files). */
  fileIds: z.array(z.uuid()).max(20).default([]),
});
export type ReceivedDocument = z.infer<typeof ReceivedDocument>;

export const FeePayment = z.strictObject({
  amount: z.number().int().min(0).max(1e12),
  receiptNo: Text(50),
});

export const IntakeRequest = z.strictObject({
  procedureCode: NationalCode,
  /** The desk that receives (its agency code prefixes the dossier code). */
  receivingAgencyId: z.uuid(),
  /** The agency competent to decide, when it is not the receiving one (inter-agency receipt). */
  competentAgencyId: z.uuid().optional(),
  channel: z.enum(['direct', 'postal']).default('direct'),
  applicant: Applicant,
  submitter: Submitter.optional(),
  documents: z.array(ReceivedDocument).max(100),
  /** Values of the version's online form, when the desk types them in. */
  formData: z.record(z.string(), z.unknown()).optional(),
  resultDelivery: ResultDelivery.default('counter'),
  fee: FeePayment.optional(),
  note: Text(2000).optional(),
});
export type IntakeRequest = z.infer<typeof IntakeRequest>;

/** Who a guidance or refusal slip is addressed to: enough to reach them, nothing more. */
export const SlipAddressee = z.strictObject({
  fullName: Text(300),
  phone: Phone.optional(),
  email: Email.optional(),
  address: Text(500).optional(),
});
export type SlipAddressee = z.infer<typeof SlipAddressee>;

export const SlipRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('guidance'),
    procedureCode: NationalCode,
    receivingAgencyId: z.uuid(),
    addressee: SlipAddressee,
    items: z.array(SupplementItem).min(1, 'Liệt kê đầy đủ các giấy tờ cần bổ sung, hoàn thiện').max(50),
    note: Text(2000).optional(),
  }),
  z.strictObject({
    kind: z.literal('refusal'),
    procedureCode: NationalCode,
    receivingAgencyId: z.uuid(),
    addressee: SlipAddressee,
    reasons: z.array(Text(1000)).min(1, 'Cần nêu lý do từ chối').max(20),
    note: Text(2000).optional(),
  }),
]);
export type SlipRequest = z.infer<typeof SlipRequest>;

export type ChecklistIssue = { path: string; message: string; item?: SupplementItem };

/**
 * Compares what was received with the checklist. Every issue names the document; `item` is the line the
 * guidance slip (form 02) would carry, so the desk can turn an incomplete intake into guidance in one step.
 */
export function checkChecklist(
  checklist: readonly RequiredDocument[],
  received: readonly ReceivedDocument[],
): ChecklistIssue[] {
  const issues: ChecklistIssue[] = [];
  const byKey = new Map(checklist.map((d) => [d.key, d]));
  const seen = new Set<string>();
  received.forEach((r, i) => {
    const item = byKey.get(r.key);
    if (!item) {
      issues.push({
        path: `documents.${i}.key`,
        message: `Giấy tờ không có trong thành phần hồ sơ: ${r.key}`,
      });
      return;
    }
    if (seen.has(r.key)) {
      issues.push({ path: `documents.${i}.key`, message: `Giấy tờ được khai hai lần: ${item.name}` });
      return;
    }
    seen.add(r.key);
    if (!item.kinds.includes(r.kind)) {
      const accepted = item.kinds.map((k) => documentKindLabel[k].toLowerCase()).join(' hoặc ');
      issues.push({
        path: `documents.${i}.kind`,
        message: `${item.name}: cần ${accepted}`,
        item: { name: item.name, detail: `Nộp ${accepted}` },
      });
    }
    if (r.count < item.count) {
      issues.push({
        path: `documents.${i}.count`,
        message: `${item.name}: cần ${item.count} bản, mới có ${r.count}`,
        item: { name: item.name, detail: `Nộp đủ ${item.count} bản` },
      });
    }
  });
  for (const item of checklist) {
    if (item.mandatory && !seen.has(item.key)) {
      issues.push({
        path: 'documents',
        message: `Thiếu giấy tờ bắt buộc: ${item.name}`,
        item: { name: item.name, detail: `Thiếu ${documentKindLabel[item.kinds[0]!].toLowerCase()}` },
      });
    }
  }
  return issues;
}
