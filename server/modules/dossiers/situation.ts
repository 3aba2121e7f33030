import {
  allowedActions,
  type DossierAction,
  type DossierEvent,
  foldEvents,
  type Situation,
} from '../../../domain/dossier/index.ts';
import type { Actor } from '../../context.ts';
import type { Loaded } from './dossier-view.ts';
import { isOwnDossier, rolesAt } from './dossiers.policy.ts';

const pathOf = (l: Loaded, id: string): string => l.agencies.get(id)?.path ?? '/unknown/';

/** The dossier as the machine sees it, for this actor. */
export function situationOf(actor: Actor, l: Loaded, events: readonly DossierEvent[], now: Date): Situation {
  return {
    state: foldEvents(events),
    workflow: l.workflow,
    receivingAgencyId: l.row.receivingAgencyId,
    competentAgencyId: l.row.competentAgencyId,
    actorId: actor.userId,
    roles: {
      atReceiving: rolesAt(actor, pathOf(l, l.row.receivingAgencyId)),
      atHolder: rolesAt(actor, pathOf(l, l.row.holderAgencyId)),
    },
    isApplicant: isOwnDossier(actor, l.row.citizenUserId),
    now,
  };
}

export const allowedFor = (
  actor: Actor,
  l: Loaded,
  events: readonly DossierEvent[],
  now: Date,
): DossierAction[] => allowedActions(situationOf(actor, l, events, now));
