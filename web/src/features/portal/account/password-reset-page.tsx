import { Anchor, Button, PasswordInput, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../../app/session.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import type { ApiError } from '../../../lib/api.ts';
import { type FieldErrors, fieldErrors, problemFieldErrors } from '../../../lib/form.ts';
import { asApiError } from '../../../lib/use-api.ts';
import { type CodeSent, confirmPasswordReset, requestPasswordReset, signIn } from '../account.api.ts';
import { validationOr } from '../load-validation.ts';
import { AccountCard, CodeField, pendingChallenge, ResendButton, SentNotice } from './code-field.tsx';

const PURPOSE = 'passwordReset';
type Pending = CodeSent & { identifier: string };

function Ask({ onSent }: { onSent: (sent: Pending) => void }) {
  const [identifier, setIdentifier] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const rules = await validationOr(setError);
    if (!rules) return;
    const { PasswordResetRequest } = rules;
    const parsed = PasswordResetRequest.safeParse({ identifier });
    setFieldError(
      !identifier.trim()
        ? 'Vui lòng nhập số điện thoại hoặc thư điện tử'
        : parsed.success
          ? undefined
          : fieldErrors(parsed.error).identifier,
    );
    setError(undefined);
    if (!parsed.success) return;
    setSending(true);
    try {
      onSent({ ...(await requestPasswordReset(parsed.data)), identifier: parsed.data.identifier });
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <AccountCard title="Quên mật khẩu" onSubmit={submit}>
      <Text size="sm" c="dimmed">
        Nhập số điện thoại hoặc thư điện tử đã đăng ký. Nếu tài khoản tồn tại, mã đặt lại mật khẩu sẽ được gửi
        tới đó.
      </Text>
      <ErrorAlert error={error} preferDetail />
      <TextInput
        label="Số điện thoại hoặc thư điện tử"
        size="md"
        required
        autoComplete="username"
        autoCapitalize="none"
        value={identifier}
        error={fieldError}
        onChange={(e) => setIdentifier(e.currentTarget.value)}
      />
      <Button type="submit" size="lg" fullWidth loading={sending}>
        Gửi mã xác nhận
      </Button>
      <Anchor component={Link} to="/cong-dan/dang-nhap" size="sm" ta="center">
        ← Quay lại đăng nhập
      </Anchor>
    </AccountCard>
  );
}

function Reset({
  sent,
  onResent,
  onRestart,
}: {
  sent: Pending;
  onResent: (s: CodeSent) => void;
  onRestart: () => void;
}) {
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [values, setValues] = useState({ code: '', newPassword: '', repeat: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const rules = await validationOr(setError);
    if (!rules) return;
    const { PasswordResetConfirm } = rules;
    const parsed = PasswordResetConfirm.safeParse({
      challengeId: sent.challengeId,
      code: values.code,
      newPassword: values.newPassword,
    });
    const found: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
    if (values.newPassword && values.repeat !== values.newPassword)
      found.repeat = 'Hai lần nhập mật khẩu không khớp';
    setErrors(found);
    setError(undefined);
    if (!parsed.success || found.repeat) return;
    setSaving(true);
    try {
      await confirmPasswordReset(parsed.data);
      pendingChallenge.write(PURPOSE, null);
      // Every session ended with the reset: sign in again with the new password, at once.
      await signIn({ identifier: sent.identifier, password: values.newPassword });
      await refresh();
      navigate('/cong-dan', { replace: true });
    } catch (e) {
      const problem = asApiError(e);
      setError(problem);
      setErrors(problemFieldErrors(problem.errors));
    } finally {
      setSaving(false);
    }
  };

  return (
    <AccountCard title="Đặt mật khẩu mới" onSubmit={submit}>
      <SentNotice sent={sent} />
      <ErrorAlert error={error} preferDetail isShownInline={(p) => p in errors} />
      <CodeField
        value={values.code}
        onChange={(code) => setValues((v) => ({ ...v, code }))}
        error={errors.code}
      />
      <PasswordInput
        label="Mật khẩu mới"
        description="Tối thiểu 8 ký tự"
        size="md"
        required
        autoComplete="new-password"
        value={values.newPassword}
        error={errors.newPassword}
        onChange={(e) => {
          const newPassword = e.currentTarget.value;
          setValues((v) => ({ ...v, newPassword }));
        }}
      />
      <PasswordInput
        label="Nhập lại mật khẩu mới"
        size="md"
        required
        autoComplete="new-password"
        value={values.repeat}
        error={errors.repeat}
        onChange={(e) => {
          const repeat = e.currentTarget.value;
          setValues((v) => ({ ...v, repeat }));
        }}
      />
      <Button type="submit" size="lg" fullWidth loading={saving}>
        Lưu mật khẩu mới
      </Button>
      <ResendButton sent={sent} onResent={onResent} />
      <Anchor component="button" type="button" size="sm" onClick={onRestart}>
        Nhập số điện thoại, thư điện tử khác
      </Anchor>
    </AccountCard>
  );
}

/** Forgotten password: a code to the phone or e-mail, then a new password (every old session ends). */
export function PasswordResetPage() {
  const [sent, setSent] = useState(() => pendingChallenge.read(PURPOSE));
  const keep = (next: Pending | null) => {
    pendingChallenge.write(PURPOSE, next);
    setSent(next);
  };
  return sent ? (
    <Reset
      sent={sent}
      onResent={(again) => keep({ ...again, identifier: sent.identifier })}
      onRestart={() => keep(null)}
    />
  ) : (
    <Ask onSent={keep} />
  );
}
