import { z } from 'zod';
import { Agency, type CreateAgency, type UpdateAgency } from '../../../../domain/org/agency.ts';
import { api } from '../../lib/api.ts';

const AgencyList = z.object({ items: z.array(Agency) });

export const listAgencies = async (): Promise<Agency[]> => (await api.get('/api/agencies', AgencyList)).items;
export const listPublicAgencies = async (): Promise<Agency[]> =>
  (await api.get('/api/public/agencies', AgencyList)).items;
export const getAgency = (id: string) => api.get(`/api/agencies/${encodeURIComponent(id)}`, Agency);
export const createAgency = (body: CreateAgency) => api.post('/api/agencies', body, Agency);
export const updateAgency = (id: string, body: UpdateAgency) =>
  api.patch(`/api/agencies/${encodeURIComponent(id)}`, body, Agency);
