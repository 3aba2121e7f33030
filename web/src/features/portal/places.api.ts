/** The organisation tree as the portal needs it: places for addresses, desks for a procedure. */
import type { Agency } from '../../../../domain/org/agency.ts';
import { api } from '../../lib/api.ts';

interface AgencyList {
  items: Agency[];
}

/** The whole public tree: provinces and communes for the address pickers, service centres for the home page. */
export const listPublicTree = async (): Promise<Agency[]> =>
  (await api.get<AgencyList>('/api/public/agencies')).items;

/** The one-stop desks where the procedure can be received (its workflow exists there), in Vietnamese order. */
export const listReceivingDesks = async (procedureCode: string): Promise<Agency[]> =>
  (await api.get<AgencyList>(`/api/public/procedures/${encodeURIComponent(procedureCode)}/receiving-desks`))
    .items;
