import { Transparency } from '../../../../domain/dashboard/transparency.ts';
import { api } from '../../lib/api.ts';

/** Public figures of an agency (the province when none is given) for this month, quarter and year. */
export const getTransparency = (agencyId: string | null) =>
  api.get(`/api/public/transparency${agencyId ? `?${new URLSearchParams({ agencyId })}` : ''}`, Transparency);
