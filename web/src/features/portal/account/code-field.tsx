import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import type { ApiError } from '../../../lib/api.ts';
import { formatDateThenTime } from '../../../lib/format.ts';
import { asApiError } from '../../../lib/use-api.ts';
import { type CodeSent, resendCode } from '../account.api.ts';
import { warmValidation } from '../load-validation.ts';

/** The frame of the account pages: one card, centred, as wide as a phone. */
export function AccountCard({
  title,
  children,
  onSubmit,
}: {
  title: string;
  children: ReactNode;
  onSubmit: (e: FormEvent) => void;
}) {
  return (
    <Paper withBorder radius="md" p="lg" w="100%" maw={460} mx="auto">
      <form onSubmit={onSubmit} onFocus={warmValidation} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3">
            {title}
          </Title>
          {children}
        </Stack>
      </form>
    </Paper>
  );
}

/** Where the code went, masked, and until when it is valid. */
export function SentNotice({ sent }: { sent: CodeSent }) {
  return (
    <Text size="sm">
      Mã xác nhận gồm 6 chữ số đã được gửi{' '}
      {sent.channel === 'sms' ? 'qua tin nhắn tới số' : 'tới thư điện tử'} <strong>{sent.sentTo}</strong>. Mã
      có hiệu lực đến {formatDateThenTime(sent.expiresAt)}.
    </Text>
  );
}

export function CodeField(props: {
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
}) {
  return (
    <TextInput
      label="Mã xác nhận"
      description="6 chữ số"
      size="lg"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      required
      styles={{ input: { letterSpacing: '0.4em', fontVariantNumeric: 'tabular-nums' } }}
      value={props.value}
      error={props.error}
      onChange={(e) => props.onChange(e.currentTarget.value.replace(/[^\d ]/g, ''))}
    />
  );
}

const secondsUntil = (iso: string) => Math.max(0, Math.ceil((Date.parse(iso) - Date.now()) / 1000));

/** «Gửi lại mã», counting down the wait the server imposes between two sends. */
export function ResendButton({ sent, onResent }: { sent: CodeSent; onResent: (sent: CodeSent) => void }) {
  const [wait, setWait] = useState(() => secondsUntil(sent.resendAfter));
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  useEffect(() => {
    setWait(secondsUntil(sent.resendAfter));
    const timer = setInterval(() => setWait(secondsUntil(sent.resendAfter)), 1000);
    return () => clearInterval(timer);
  }, [sent.resendAfter]);

  const resend = async () => {
    setSending(true);
    setError(undefined);
    try {
      onResent(await resendCode(sent.challengeId));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Stack gap="xs">
      <Button variant="default" size="md" onClick={resend} disabled={wait > 0} loading={sending}>
        {wait > 0 ? `Gửi lại mã (sau ${wait} giây)` : 'Gửi lại mã'}
      </Button>
      <ErrorAlert error={error} preferDetail />
    </Stack>
  );
}

/** The challenge in progress, kept for the tab's life: a reload on the code screen does not start over. */
export const pendingChallenge = {
  read(purpose: string): (CodeSent & { identifier: string }) | null {
    try {
      const raw = sessionStorage.getItem(`motcua.portal.${purpose}`);
      return raw ? (JSON.parse(raw) as CodeSent & { identifier: string }) : null;
    } catch {
      return null;
    }
  },
  write(purpose: string, value: (CodeSent & { identifier: string }) | null) {
    try {
      if (value) sessionStorage.setItem(`motcua.portal.${purpose}`, JSON.stringify(value));
      else sessionStorage.removeItem(`motcua.portal.${purpose}`);
    } catch {
      // Private mode: the challenge lives in memory only.
    }
  },
};
