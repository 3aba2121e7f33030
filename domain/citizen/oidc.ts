/**
 * Sign-in with the national digital ID (VNeID) over OpenID Connect (ADR 0009): what the portal needs to know, and
 * why a sign-in did not go through. Pure zod, shared by the server (which redirects with `?loi=<reason>`) and the
 * portal's sign-in page (which shows the message).
 */
import { z } from 'zod';
import { oidcFailures } from './oidc-failure.ts';

export { oidcFailureMessage } from './oidc-failure.ts';

/** Whether the portal shows the "Đăng nhập bằng VNeID" button, and the provider's name on it. */
export const OidcStatus = z.object({
  enabled: z.boolean(),
  displayName: z.string().optional(),
  /** Where the browser goes to start (a full-page navigation, not a fetch). */
  startUrl: z.string().optional(),
});
export type OidcStatus = z.infer<typeof OidcStatus>;

export const OidcFailure = z.enum(oidcFailures);
export type OidcFailure = z.infer<typeof OidcFailure>;
