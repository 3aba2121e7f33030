import type { OnlineLevel } from '../../../../domain/catalogue/index.ts';
import { onlineLevels } from '../../../../domain/catalogue/labels.ts';
import type { Listing, ProcedureDetail } from '../../../../domain/catalogue/listing.ts';
import type { ProcedureLevel } from '../../../../domain/catalogue/procedure.ts';
import { api } from '../../lib/api.ts';

export interface CatalogueFilter {
  q?: string;
  sector?: string;
  level?: ProcedureLevel;
  onlineLevel?: OnlineLevel;
  limit?: number;
}

const queryOf = (filter: CatalogueFilter): string => {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.sector) params.set('sector', filter.sector);
  if (filter.level) params.set('level', filter.level);
  if (filter.onlineLevel) params.set('onlineLevel', filter.onlineLevel);
  if (filter.limit) params.set('limit', String(filter.limit));
  const query = params.toString();
  return query ? `?${query}` : '';
};

/** The procedures in force (niêm yết công khai); the server folds diacritics when searching. */
export const listProcedures = (filter: CatalogueFilter = {}): Promise<Listing> =>
  api.get<Listing>(`/api/public/procedures${queryOf(filter)}`);

export const getProcedure = (code: string) =>
  api.get<ProcedureDetail>(`/api/public/procedures/${encodeURIComponent(code)}`);

export const parseOnlineLevel = (value: string | null): OnlineLevel | undefined =>
  onlineLevels.find((level) => level === value);
