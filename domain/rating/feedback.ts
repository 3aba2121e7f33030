/**
 * Feedback and recommendations on administrative rules and service (phản ánh, kiến nghị; DOMAIN §6): a record
 * received now and handled later by the petitions module (classification under Circular 05/2021/TT-TTCP). It
 * feeds the 766 satisfaction indicators ("feedback handled on time").
 */
import { z } from 'zod';
import { Email, Phone } from '../dossier/applicant.ts';
import { nfc, Text } from '../shared/text.ts';
import { FEEDBACK_CONTENT_MAX, FEEDBACK_CONTENT_MIN, feedbackKinds } from './labels.ts';

export const FeedbackKind = z.enum(feedbackKinds);
export type FeedbackKind = z.infer<typeof FeedbackKind>;
export { FEEDBACK_CONTENT_MAX, FEEDBACK_CONTENT_MIN, feedbackKindLabel } from './labels.ts';

/** Where it was received: the public portal, or entered at the desk from a paper or spoken one. */
export const FeedbackChannel = z.enum(['portal', 'desk']);
export type FeedbackChannel = z.infer<typeof FeedbackChannel>;

/** Only `received` for now; the petitions module adds its own states (classified, forwarded, answered…). */
export const FeedbackStatus = z.enum(['received']);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;
export const feedbackStatusLabel: Record<FeedbackStatus, string> = { received: 'Đã tiếp nhận' };

const Content = z
  .string()
  .overwrite(nfc)
  .min(FEEDBACK_CONTENT_MIN, `Nội dung cần ít nhất ${FEEDBACK_CONTENT_MIN} ký tự`)
  .max(FEEDBACK_CONTENT_MAX, `Tối đa ${FEEDBACK_CONTENT_MAX} ký tự`);

/** Who to answer: a name and a phone number or an e-mail address (at least one), optionally an address. */
export const FeedbackContact = z
  .strictObject({
    name: Text(200),
    phone: Phone.optional(),
    email: Email.optional(),
    address: Text(500).optional(),
  })
  .superRefine((c, ctx) => {
    if (!c.phone && !c.email) {
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'Cần số điện thoại hoặc thư điện tử để cơ quan trả lời',
      });
    }
  });
export type FeedbackContact = z.infer<typeof FeedbackContact>;

const DossierCode = z
  .string()
  .overwrite((s) => s.trim())
  .min(1, 'Không được để trống')
  .max(60, 'Mã hồ sơ không hợp lệ');
const ProcedureCode = z
  .string()
  .overwrite((s) => s.trim())
  .regex(/^\d\.\d{6}$/, 'Mã thủ tục hành chính có dạng 1.001193');

/**
 * A feedback sent from the portal. The agency it is addressed to is the related dossier's receiving agency, or
 * the one chosen (`agencyId`) when no dossier is named.
 */
export const FeedbackRequest = z
  .strictObject({
    kind: FeedbackKind,
    content: Content,
    contact: FeedbackContact,
    dossierCode: DossierCode.optional(),
    procedureCode: ProcedureCode.optional(),
    agencyId: z.uuid('Mã định danh không hợp lệ').optional(),
  })
  .superRefine((f, ctx) => {
    if (!f.dossierCode && !f.agencyId) {
      ctx.addIssue({
        code: 'custom',
        path: ['agencyId'],
        message: 'Chọn cơ quan nhận phản ánh, kiến nghị (hoặc nhập mã hồ sơ liên quan)',
      });
    }
  });
export type FeedbackRequest = z.infer<typeof FeedbackRequest>;

/** Numbered per agency and year, gap-free: `PAKN-2026-00001`. */
export const formatFeedbackNo = (year: number, seq: number): string =>
  `PAKN-${year}-${String(seq).padStart(5, '0')}`;

/** What the sender is told. */
export const FeedbackReceipt = z.object({
  id: z.uuid(),
  number: z.string(),
  agency: z.object({ id: z.uuid(), name: z.string() }),
  receivedAt: z.iso.datetime({ offset: true }),
  message: z.string(),
});
export type FeedbackReceipt = z.infer<typeof FeedbackReceipt>;

export const FeedbackView = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: FeedbackKind,
  kindLabel: z.string(),
  content: z.string(),
  contact: z.object({
    name: z.string(),
    phone: z.string().optional(),
    email: z.string().optional(),
    address: z.string().optional(),
  }),
  dossier: z.object({ id: z.uuid(), code: z.string() }).nullable(),
  procedure: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  agency: z.object({ id: z.uuid(), name: z.string() }),
  receivedAt: z.iso.datetime({ offset: true }),
  channel: FeedbackChannel,
  status: FeedbackStatus,
  statusLabel: z.string(),
  /** Sent by a signed-in citizen account. */
  fromAccount: z.boolean(),
});
export type FeedbackView = z.infer<typeof FeedbackView>;

export const FeedbackListQuery = z.strictObject({
  agencyId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type FeedbackListQuery = z.infer<typeof FeedbackListQuery>;
