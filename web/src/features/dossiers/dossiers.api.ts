import { z } from 'zod';
import {
  type ActionRequest,
  type DossierStatus,
  DossierSummary,
  DossierView,
  type IntakeRequest,
  type SlipRequest,
  SupplementItem,
} from '../../../../domain/dossier/index.ts';
import { Agency } from '../../../../domain/org/agency.ts';
import { type ApiError, api } from '../../lib/api.ts';

export type Box = 'unit' | 'mine' | 'all';

export interface DossierFilter {
  box: Box;
  status?: readonly DossierStatus[];
  q?: string;
  limit?: number;
  offset?: number;
}

const DossierList = z.object({ items: z.array(DossierSummary), total: z.number().int() });
export type DossierList = z.infer<typeof DossierList>;

export const listDossiers = (f: DossierFilter): Promise<DossierList> => {
  const params = new URLSearchParams({ box: f.box });
  if (f.status?.length) params.set('status', f.status.join(','));
  if (f.q) params.set('q', f.q);
  if (f.limit !== undefined) params.set('limit', String(f.limit));
  if (f.offset) params.set('offset', String(f.offset));
  return api.get(`/api/dossiers?${params}`, DossierList);
};

export const getDossier = (id: string) => api.get(`/api/dossiers/${encodeURIComponent(id)}`, DossierView);

/**
 * A random UUID v4 for an Idempotency-Key. `crypto.randomUUID` exists only in secure contexts (HTTPS,
 * localhost); an office LAN served over plain HTTP still has `getRandomValues`.
 */
export const newIdempotencyKey = (): string => {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

const idem = (key: string) => ({ 'idempotency-key': key });

/** Receipt at the desk (form 01); the same key for retries of one intake, so a double click makes one dossier. */
export const receiveDossier = (body: z.input<typeof IntakeRequest>, key: string) =>
  api.post('/api/dossiers', body, DossierView, idem(key));

const SlipIssued = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: z.enum(['guidance', 'refusal']),
  issuedAt: z.string(),
  procedureName: z.string(),
});
export type SlipIssued = z.infer<typeof SlipIssued>;

/** Guidance to complete the dossier (form 02) or refusal to receive it (form 03). */
export const issueSlip = (body: SlipRequest, key: string) =>
  api.post('/api/intake-slips', body, SlipIssued, idem(key));

export const actOn = (id: string, body: ActionRequest, key: string) =>
  api.post(`/api/dossiers/${encodeURIComponent(id)}/actions`, body, DossierView, idem(key));

const StoredFile = z.object({
  id: z.uuid(),
  name: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
});
export type StoredFile = z.infer<typeof StoredFile>;

/** A scan (PDF, JPEG, PNG; at most 10 MB), sent as raw bytes with its name in X-File-Name. */
export const uploadFile = (file: File) =>
  api.post('/api/files', file, StoredFile, { 'x-file-name': encodeURIComponent(file.name) });

export const fileUrl = (id: string) => `/api/files/${encodeURIComponent(id)}`;

const AgencyList = z.object({ items: z.array(Agency) });

/** The agencies a desk may receive at: those of the user's scope with an electronic identifier. */
export const listReceivingAgencies = async (): Promise<Agency[]> => {
  const items = (await api.get('/api/agencies', AgencyList)).items.filter((a) => a.agencyCode !== null);
  // The service centre first: since 7/2025 the commune's desk sits in its centre (Decree 118/2025).
  const rank = (a: Agency) =>
    a.kind === 'serviceCentre' ? 0 : a.kind === 'commune' || a.kind === 'province' ? 1 : 2;
  return items.filter((a) => a.kind !== 'unit').sort((a, b) => rank(a) - rank(b) || a.depth - b.depth);
};

/** Every agency (for the target of an inter-agency step). */
export const listAllAgencies = async (): Promise<Agency[]> =>
  (await api.get('/api/public/agencies', AgencyList)).items;

/** Printable forms (PDF, opened in a new tab). */
export const formUrls = {
  receipt: (id: string) => `/api/dossiers/${encodeURIComponent(id)}/forms/receipt.pdf`,
  supplement: (id: string) => `/api/dossiers/${encodeURIComponent(id)}/forms/supplement.pdf`,
  controlSheet: (id: string) => `/api/dossiers/${encodeURIComponent(id)}/forms/control-sheet.pdf`,
  apology: (id: string) => `/api/dossiers/${encodeURIComponent(id)}/forms/apology.pdf`,
  slip: (id: string) => `/api/intake-slips/${encodeURIComponent(id)}/form.pdf`,
};

/** The guidance lines the server proposes when an intake is incomplete (400 with `supplementItems`). */
export const supplementItemsOf = (error: ApiError | undefined): SupplementItem[] => {
  const parsed = z.array(SupplementItem).safeParse(error?.extensions.supplementItems);
  return parsed.success ? parsed.data : [];
};

const Assignees = z.object({ items: z.array(z.object({ id: z.string(), fullName: z.string() })) });

/** People who may be given a step of the dossier (default: the current step). */
export const listAssignees = (id: string, step?: string, agencyId?: string) => {
  const params = new URLSearchParams();
  if (step) params.set('step', step);
  if (agencyId) params.set('agencyId', agencyId);
  const query = params.size > 0 ? `?${params}` : '';
  return api.get(`/api/dossiers/${encodeURIComponent(id)}/assignees${query}`, Assignees).then((r) => r.items);
};
