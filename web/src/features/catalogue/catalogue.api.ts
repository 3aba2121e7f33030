import { z } from 'zod';
import { OnlineLevel } from '../../../../domain/catalogue/index.ts';
import { ProcedureDetail, ProcedureSummary } from '../../../../domain/catalogue/listing.ts';
import { api } from '../../lib/api.ts';

const SummaryList = z.object({ items: z.array(ProcedureSummary) });

export interface CatalogueFilter {
  q?: string;
  sector?: string;
  onlineLevel?: OnlineLevel;
}

const queryOf = (filter: CatalogueFilter): string => {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.sector) params.set('sector', filter.sector);
  if (filter.onlineLevel) params.set('onlineLevel', filter.onlineLevel);
  const query = params.toString();
  return query ? `?${query}` : '';
};

/** The procedures in force (niêm yết công khai); the server folds diacritics when searching. */
export const listProcedures = async (filter: CatalogueFilter = {}): Promise<ProcedureSummary[]> =>
  (await api.get(`/api/public/procedures${queryOf(filter)}`, SummaryList)).items;

export const getProcedure = (code: string) =>
  api.get(`/api/public/procedures/${encodeURIComponent(code)}`, ProcedureDetail);

export const parseOnlineLevel = (value: string | null): OnlineLevel | undefined => {
  const parsed = OnlineLevel.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};
