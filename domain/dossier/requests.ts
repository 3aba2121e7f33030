/** Request bodies of dossier actions: one discriminated union, so each action states exactly what it needs. */
import { z } from 'zod';
import { Text } from '../shared/text.ts';
import { ResultDelivery } from './status.ts';

const Note = Text(2000);
const Reason = Text(2000).refine((s) => s.trim().length > 0, 'Cần nêu lý do');

export const SupplementItem = z.strictObject({
  name: Text(500),
  /** What is missing or wrong, e.g. "bản sao chưa chứng thực". */
  detail: Text(1000).optional(),
});
export type SupplementItem = z.infer<typeof SupplementItem>;

export const ActionRequest = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept'), note: Note.optional() }),
  z.strictObject({ action: z.literal('refuse'), note: Reason }),
  z.strictObject({ action: z.literal('claim') }),
  z.strictObject({ action: z.literal('assign'), assigneeId: z.uuid() }),
  z.strictObject({
    action: z.literal('forward'),
    /** Required when the current step has several next steps. */
    toStep: z.string().max(100).optional(),
    /** The agency that does an inter-agency step (when the workflow does not name one). */
    toAgencyId: z.uuid().optional(),
    assigneeId: z.uuid().optional(),
    note: Note.optional(),
  }),
  z.strictObject({ action: z.literal('sendBack'), toStep: z.string().max(100), note: Reason }),
  z.strictObject({
    action: z.literal('requestSupplement'),
    note: Reason,
    items: z.array(SupplementItem).min(1, 'Liệt kê đầy đủ các giấy tờ cần bổ sung').max(50),
  }),
  z.strictObject({ action: z.literal('receiveSupplement'), note: Note.optional() }),
  z.strictObject({
    action: z.literal('requestFinancialObligation'),
    note: Reason,
    amount: z.number().int().min(0).max(1e12).optional(),
  }),
  z.strictObject({ action: z.literal('confirmPayment'), note: Note.optional() }),
  z.strictObject({
    action: z.literal('attachResult'),
    name: Text(300),
    /** Number of the result document (số giấy khai sinh, số quyết định…). */
    number: Text(100).optional(),
    fileId: z.uuid().optional(),
  }),
  z.strictObject({
    action: z.literal('apologise'),
    note: Reason,
    newDueAt: z.iso.datetime({ offset: true }),
  }),
  z.strictObject({
    action: z.literal('collectFee'),
    amount: z.number().int().min(0).max(1e12),
    receiptNo: Text(50).refine((s) => s.trim().length > 0, 'Cần số biên lai'),
  }),
  z.strictObject({
    action: z.literal('returnResult'),
    method: ResultDelivery,
    postalTrackingNo: Text(50).optional(),
    receivedBy: Text(200).optional(),
    note: Note.optional(),
  }),
  z.strictObject({ action: z.literal('withdraw'), note: Reason }),
  z.strictObject({ action: z.literal('stop'), note: Reason }),
]);
export type ActionRequest = z.infer<typeof ActionRequest>;
