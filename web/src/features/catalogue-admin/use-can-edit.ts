import { useSession } from '../../app/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { listAgencies } from '../agencies/agencies.api.ts';

/**
 * Whether the active agency is a root of the tree and the user administers it: only the province edits the
 * catalogue (catalogue.policy.ts); other administrators read it. The server checks again on every request.
 */
export function useCanEditCatalogue(): boolean {
  const { activeAgency, roles } = useSession();
  const agencyId = activeAgency?.agencyId;
  const isAdmin = roles.includes('admin');
  const { data } = useApi(`catalogue-editor:${agencyId ?? ''}:${isAdmin}`, async () => {
    if (!agencyId || !isAdmin) return false;
    const agencies = await listAgencies();
    return agencies.find((a) => a.id === agencyId)?.depth === 0;
  });
  return data === true;
}
