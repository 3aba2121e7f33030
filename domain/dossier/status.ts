/**
 * Dossier statuses (DOMAIN §3): the national status codes used when syncing with the national portal
 * [practice], with the clock behaviour of each. The lists and labels are plain data in labels.ts.
 */
import { z } from 'zod';
import { channels, dossierStatuses, resultDeliveries } from './labels.ts';

export {
  CLOCK_STOPPED,
  channelCode,
  channelLabel,
  nationalStatusCode,
  OPEN,
  resultDeliveryLabel,
  statusLabel,
  TERMINAL,
} from './labels.ts';

export const DossierStatus = z.enum(dossierStatuses);
export type DossierStatus = z.infer<typeof DossierStatus>;

/** Channels of receipt (DOMAIN §3): 1 direct, 2 online, 3 postal. */
export const Channel = z.enum(channels);
export type Channel = z.infer<typeof Channel>;

export const ResultDelivery = z.enum(resultDeliveries);
export type ResultDelivery = z.infer<typeof ResultDelivery>;
