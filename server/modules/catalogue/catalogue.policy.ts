import type { Actor } from '../../context.ts';

/**
 * Who may move the procedure catalogue in and out as a workbook. The catalogue is shared by every agency of the
 * deployment, so only an administrator of a root agency (the province) may import it; any administrator may
 * export it (to review or to prepare changes for the province). Internal workflows are part of the catalogue
 * the province publishes (per agency kind, or for one agency): the same administrators edit them, and every
 * staff member may read them, as they read versions.
 */
export type CatalogueAction =
  | 'exportWorkbook'
  | 'importWorkbook'
  | 'readVersions'
  | 'editVersions'
  | 'editWorkflows';

const isRoot = (agencyPath: string) => agencyPath.split('/').filter(Boolean).length === 1;

export function canOnCatalogue(actor: Actor | null, action: CatalogueAction): boolean {
  if (actor?.kind !== 'staff') return false;
  const admin = actor.grants.filter((g) => g.role === 'admin');
  switch (action) {
    case 'exportWorkbook':
      return admin.length > 0;
    case 'importWorkbook':
    case 'editVersions':
    case 'editWorkflows':
      return admin.some((g) => isRoot(g.agencyPath));
    case 'readVersions':
      return actor.grants.length > 0;
  }
}
