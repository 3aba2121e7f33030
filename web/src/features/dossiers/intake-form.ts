/** The state of the desk intake form and its translation into the API's IntakeRequest (pure, no React). */
import type { z } from 'zod';
import type { DocumentKind, RequiredDocument } from '../../../../domain/catalogue/procedure.ts';
import { IntakeRequest, type ResultDelivery, type SlipAddressee } from '../../../../domain/dossier/index.ts';
import type { StoredFile } from './dossiers.api.ts';

export interface DocDraft {
  checked: boolean;
  kind: DocumentKind;
  count: number | string;
  files: StoredFile[];
}

export interface IntakeDraft {
  receivingAgencyId: string;
  channel: 'direct' | 'postal';
  applicantKind: 'person' | 'organisation';
  fullName: string;
  citizenId: string;
  orgName: string;
  taxCode: string;
  representative: string;
  phone: string;
  email: string;
  street: string;
  hasSubmitter: boolean;
  submitterName: string;
  submitterCitizenId: string;
  submitterPhone: string;
  submitterRelation: string;
  documents: Record<string, DocDraft>;
  resultDelivery: ResultDelivery;
  feeAmount: number | string;
  receiptNo: string;
  note: string;
}

export const emptyDraft = (receivingAgencyId: string): IntakeDraft => ({
  receivingAgencyId,
  channel: 'direct',
  applicantKind: 'person',
  fullName: '',
  citizenId: '',
  orgName: '',
  taxCode: '',
  representative: '',
  phone: '',
  email: '',
  street: '',
  hasSubmitter: false,
  submitterName: '',
  submitterCitizenId: '',
  submitterPhone: '',
  submitterRelation: '',
  documents: {},
  resultDelivery: 'counter',
  feeAmount: '',
  receiptNo: '',
  note: '',
});

/** The checklist of the version in force, nothing ticked yet, each item in its usual form and count. */
export const documentsFor = (checklist: readonly RequiredDocument[]): Record<string, DocDraft> =>
  Object.fromEntries(
    checklist.map((d) => [d.key, { checked: false, kind: d.kinds[0]!, count: d.count, files: [] }]),
  );

const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

export type IntakeBody = z.input<typeof IntakeRequest>;

export function toIntakeRequest(procedureCode: string, d: IntakeDraft): IntakeBody {
  const address = { street: d.street };
  const contact = { phone: opt(d.phone), email: opt(d.email) };
  const applicant: IntakeBody['applicant'] =
    d.applicantKind === 'person'
      ? { kind: 'person', fullName: d.fullName, citizenId: d.citizenId, ...contact, address }
      : {
          kind: 'organisation',
          name: d.orgName,
          taxCode: opt(d.taxCode),
          representative: d.representative,
          ...contact,
          address,
        };
  const hasFee = String(d.feeAmount).trim() !== '' || d.receiptNo.trim() !== '';
  return {
    procedureCode,
    receivingAgencyId: d.receivingAgencyId,
    channel: d.channel,
    applicant,
    ...(d.hasSubmitter
      ? {
          submitter: {
            fullName: d.submitterName,
            citizenId: opt(d.submitterCitizenId),
            phone: opt(d.submitterPhone),
            relation: opt(d.submitterRelation),
          },
        }
      : {}),
    documents: Object.entries(d.documents)
      .filter(([, doc]) => doc.checked)
      .map(([key, doc]) => ({
        key,
        kind: doc.kind,
        count: Number(doc.count) || 1,
        fileIds: doc.files.map((f) => f.id),
      })),
    resultDelivery: d.resultDelivery,
    ...(hasFee ? { fee: { amount: Number(d.feeAmount) || 0, receiptNo: d.receiptNo } } : {}),
    note: opt(d.note),
  };
}

/** Field messages (by API path, e.g. `applicant.citizenId`) found before anything is sent. */
export function checkIntake(body: IntakeBody): Record<string, string> {
  const parsed = IntakeRequest.safeParse(body);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}

/** Who a guidance or refusal slip is addressed to, from what the officer typed about the applicant. */
export const addresseeOf = (d: IntakeDraft): SlipAddressee => ({
  fullName:
    (d.applicantKind === 'person' ? d.fullName : d.representative || d.orgName).trim() ||
    d.submitterName.trim(),
  ...(opt(d.phone) ? { phone: opt(d.phone) } : {}),
  ...(opt(d.email) ? { email: opt(d.email) } : {}),
  ...(opt(d.street) ? { address: opt(d.street) } : {}),
});
