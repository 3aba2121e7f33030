/**
 * Online submission and "my dossiers". Imports name the domain modules directly rather than the dossier barrel:
 * the barrel brings the workflow machine and the lunar calendar into a phone's download.
 */
import type { z } from 'zod';
import type { MyDossier, OnlineSubmission } from '../../../../domain/dossier/online.ts';
import type { SupplementSubmission } from '../../../../domain/dossier/supplement.ts';
import type { DossierView } from '../../../../domain/dossier/views.ts';
import type { DossierRating, RatingRequest, RatingView } from '../../../../domain/rating/rating.ts';
import { api } from '../../lib/api.ts';

/**
 * A random UUID v4 for an Idempotency-Key (as the desk's intake makes them). `crypto.randomUUID` exists only in
 * secure contexts; an office LAN served over plain HTTP still has `getRandomValues`.
 */
export const newIdempotencyKey = (): string => {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/** The same key for every attempt of one draft: a double tap or a retry after a lost answer makes one dossier. */
export const submitOnline = (body: z.input<typeof OnlineSubmission>, idempotencyKey: string) =>
  api.post<DossierView>('/api/online-dossiers', body, undefined, { 'idempotency-key': idempotencyKey });

interface MyDossierPage {
  items: MyDossier[];
  total: number;
}
export const listMyDossiers = (limit: number, offset = 0) =>
  api.get<MyDossierPage>(`/api/my/dossiers?limit=${limit}&offset=${offset}`);

export const getMyDossier = (id: string) => api.get<DossierView>(`/api/dossiers/${encodeURIComponent(id)}`);

export const fileUrl = (id: string) => `/api/files/${encodeURIComponent(id)}`;

/** Answers a supplement request: one entry per requested item with its scans (the same key for every retry). */
export const supplyOnline = (id: string, body: SupplementSubmission, idempotencyKey: string) =>
  api.post<DossierView>(`/api/my/dossiers/${encodeURIComponent(id)}/supplement`, body, undefined, {
    'idempotency-key': idempotencyKey,
  });

/** A result file of the citizen's own dossier, served as a download. */
export const resultUrl = (id: string, fileId: string) =>
  `/api/my/dossiers/${encodeURIComponent(id)}/results/${encodeURIComponent(fileId)}`;

export const getRating = (id: string) =>
  api.get<DossierRating>(`/api/dossiers/${encodeURIComponent(id)}/rating`);

export const rateDossier = (id: string, body: RatingRequest) =>
  api.post<RatingView>(`/api/dossiers/${encodeURIComponent(id)}/rating`, body);
