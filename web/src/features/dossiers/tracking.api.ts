/** Public tracking by dossier code (no sign-in): a page of its own, so it loads without the desk's modules. */
import type { PublicDossier } from '../../../../domain/dossier/views.ts';
import { api } from '../../lib/api.ts';

export const trackDossier = (code: string) =>
  api.get<PublicDossier>(`/api/public/dossiers/${encodeURIComponent(code.trim().toUpperCase())}`);
