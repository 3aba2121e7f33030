/**
 * Sign-in with the national digital ID (VNeID) on the portal (ADR 0009): the button, shown only when the server
 * has a provider configured, and the message for a sign-in the server refused (`?loi=<reason>`).
 */
import { Alert, Button, Divider } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { OidcStatus } from '../../../../../domain/citizen/oidc.ts';
import {
  type OidcFailureName as OidcFailure,
  oidcFailureMessage,
  oidcFailures,
} from '../../../../../domain/citizen/oidc-failure.ts';
import { api } from '../../../lib/api.ts';

const getOidcStatus = () => api.get<OidcStatus>('/api/citizen/oidc');

/** Whether the button is shown; while loading or when the question fails, it is not. */
export function useOidcStatus(): OidcStatus {
  const [status, setStatus] = useState<OidcStatus>({ enabled: false });
  useEffect(() => {
    let current = true;
    getOidcStatus()
      .then((s) => current && setStatus(s))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return status;
}

/** Where the browser goes to start (a full-page navigation: the provider's pages are not ours). */
export const oidcStartHref = (status: OidcStatus, returnTo?: string) =>
  `${status.startUrl ?? '/api/citizen/oidc/start'}${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`;

/** The refusal the server sent the browser back with, if any. */
export function oidcFailureOf(search: string): OidcFailure | undefined {
  const reason = new URLSearchParams(search).get('loi');
  return oidcFailures.find((f) => f === reason);
}

export function OidcFailureAlert({ reason, displayName }: { reason: OidcFailure; displayName: string }) {
  return (
    <Alert color={reason === 'accountExists' ? 'blue' : 'red'} variant="light" role="alert">
      {oidcFailureMessage(reason, displayName)}
    </Alert>
  );
}

export function OidcButton({ status, returnTo }: { status: OidcStatus; returnTo?: string | undefined }) {
  if (!status.enabled) return null;
  return (
    <>
      <Button
        component="a"
        href={oidcStartHref(status, returnTo)}
        size="lg"
        fullWidth
        variant="outline"
        color="red.9"
      >
        Đăng nhập bằng {status.displayName ?? 'VNeID'}
      </Button>
      <Divider label="hoặc đăng nhập bằng số điện thoại, thư điện tử" labelPosition="center" />
    </>
  );
}
