import { z } from 'zod';
import { IsoDate, Text } from '../shared/text.ts';

/**
 * Kinds of unit in the organisation tree. The tree has any depth; `district` is kept for deployments that still
 * need the abolished level (NQ 202/2025/QH15 removed it from 1 July 2025).
 */
export const AgencyKind = z.enum(['province', 'district', 'commune', 'serviceCentre', 'department', 'unit']);
export type AgencyKind = z.infer<typeof AgencyKind>;

export const agencyKindLabel: Record<AgencyKind, string> = {
  province: 'Tỉnh / thành phố',
  district: 'Huyện (cấp cũ)',
  commune: 'Xã / phường / đặc khu',
  serviceCentre: 'Trung tâm Phục vụ hành chính công',
  department: 'Sở, ban, ngành',
  unit: 'Phòng, bộ phận',
};

/** Electronic identifier `AAA.BB.CC.LNN` (Decision 20/2020/QĐ-TTg), e.g. `000.00.00.H56`. */
export const AgencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, 'Mã định danh phải có dạng 000.00.00.H56');

/** GSO administrative-unit code: 2 digits for provinces (915/CTK-CSCL), 5 for communes (1027/CTK-CSCL). */
export const GsoCode = z
  .string()
  .regex(/^(\d{2}|\d{3}|\d{5})$/, 'Mã đơn vị hành chính gồm 2, 3 hoặc 5 chữ số');

export const Agency = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: AgencyKind,
  /** The name a deployment gives the level ("xã", "phường", "đặc khu", "sở"…). */
  localKind: z.string().nullable(),
  agencyCode: z.string().nullable(),
  gsoCode: z.string().nullable(),
  validFrom: IsoDate.nullable(),
  validTo: IsoDate.nullable(),
  depth: z.number().int(),
});
export type Agency = z.infer<typeof Agency>;

export const CreateAgency = z.strictObject({
  parentId: z.uuid().nullable(),
  name: Text(300),
  shortName: Text(100).nullish(),
  kind: AgencyKind,
  localKind: Text(50).nullish(),
  agencyCode: AgencyCode.nullish(),
  gsoCode: GsoCode.nullish(),
  validFrom: IsoDate.nullish(),
  validTo: IsoDate.nullish(),
});
export type CreateAgency = z.infer<typeof CreateAgency>;

export const UpdateAgency = CreateAgency.omit({ parentId: true }).partial().strict();
export type UpdateAgency = z.infer<typeof UpdateAgency>;

/** Succession between units: A merged into B, or A split from B, on a date (old dossiers keep their old unit). */
export const SuccessionKind = z.enum(['mergedInto', 'splitFrom']);
export const Succession = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  kind: SuccessionKind,
  otherAgencyId: z.uuid(),
  effectiveOn: IsoDate,
  decision: z.string().nullable(),
});
export type Succession = z.infer<typeof Succession>;

export const CreateSuccession = z.strictObject({
  kind: SuccessionKind,
  otherAgencyId: z.uuid(),
  effectiveOn: IsoDate,
  decision: Text(200).nullish(),
});
export type CreateSuccession = z.infer<typeof CreateSuccession>;
