import { Anchor, Button, PasswordInput, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../../app/session.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import type { ApiError } from '../../../lib/api.ts';
import { type FieldErrors, fieldErrors, problemFieldErrors } from '../../../lib/form.ts';
import { asApiError } from '../../../lib/use-api.ts';
import { type CodeSent, confirmSignUp, signUp } from '../account.api.ts';
import { validationOr } from '../load-validation.ts';
import { AccountCard, CodeField, pendingChallenge, ResendButton, SentNotice } from './code-field.tsx';

const PURPOSE = 'signUp';

/** Where to go once signed in: back to what needed the account (applying), else the portal's home. */
export const returnPath = (state: unknown): string => {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') ? from : '/cong-dan';
};

function Details({ onSent }: { onSent: (sent: CodeSent & { identifier: string }) => void }) {
  const location = useLocation();
  const [values, setValues] = useState({ identifier: '', fullName: '', password: '', repeat: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  const set = (key: keyof typeof values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { repeat, ...request } = values;
    const rules = await validationOr(setError);
    if (!rules) return;
    const { SignUpRequest } = rules;
    const parsed = SignUpRequest.safeParse(request);
    const found: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
    if (!values.identifier.trim()) found.identifier = 'Vui lòng nhập số điện thoại hoặc thư điện tử';
    if (!values.fullName.trim()) found.fullName = 'Vui lòng nhập họ và tên';
    if (!values.password) found.password = 'Vui lòng nhập mật khẩu';
    if (values.password && repeat !== values.password) found.repeat = 'Hai lần nhập mật khẩu không khớp';
    setErrors(found);
    setError(undefined);
    if (!parsed.success || Object.keys(found).length > 0) return;
    setSending(true);
    try {
      const sent = await signUp(parsed.data);
      onSent({ ...sent, identifier: parsed.data.identifier });
    } catch (e) {
      const problem = asApiError(e);
      setError(problem);
      setErrors(problemFieldErrors(problem.errors));
    } finally {
      setSending(false);
    }
  };

  return (
    <AccountCard title="Đăng ký tài khoản" onSubmit={submit}>
      <Text size="sm" c="dimmed">
        Tài khoản dùng để nộp hồ sơ trực tuyến và theo dõi hồ sơ của bạn. Mã xác nhận sẽ được gửi tới số điện
        thoại hoặc thư điện tử bạn nhập.
      </Text>
      <ErrorAlert error={error} preferDetail isShownInline={(p) => p in errors} />
      <TextInput
        label="Số điện thoại di động hoặc thư điện tử"
        size="md"
        required
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={values.identifier}
        error={errors.identifier}
        onChange={set('identifier')}
      />
      <TextInput
        label="Họ và tên"
        size="md"
        required
        autoComplete="name"
        value={values.fullName}
        error={errors.fullName}
        onChange={set('fullName')}
      />
      <PasswordInput
        label="Mật khẩu"
        description="Tối thiểu 8 ký tự"
        size="md"
        required
        autoComplete="new-password"
        value={values.password}
        error={errors.password}
        onChange={set('password')}
      />
      <PasswordInput
        label="Nhập lại mật khẩu"
        size="md"
        required
        autoComplete="new-password"
        value={values.repeat}
        error={errors.repeat}
        onChange={set('repeat')}
      />
      <Button type="submit" size="lg" fullWidth loading={sending}>
        Gửi mã xác nhận
      </Button>
      <Text size="sm" ta="center">
        Đã có tài khoản?{' '}
        <Anchor component={Link} to="/cong-dan/dang-nhap" state={location.state}>
          Đăng nhập
        </Anchor>
      </Text>
    </AccountCard>
  );
}

function Confirm({
  sent,
  onResent,
  onRestart,
}: {
  sent: CodeSent;
  onResent: (sent: CodeSent) => void;
  onRestart: () => void;
}) {
  const { refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [confirming, setConfirming] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const rules = await validationOr(setError);
    if (!rules) return;
    const { ConfirmSignUp } = rules;
    const parsed = ConfirmSignUp.safeParse({ challengeId: sent.challengeId, code });
    setCodeError(parsed.success ? undefined : (fieldErrors(parsed.error).code ?? 'Mã xác nhận gồm 6 chữ số'));
    setError(undefined);
    if (!parsed.success) return;
    setConfirming(true);
    try {
      await confirmSignUp(parsed.data);
      pendingChallenge.write(PURPOSE, null);
      await refresh();
      navigate(returnPath(location.state), { replace: true });
    } catch (e) {
      const problem = asApiError(e);
      setError(problem);
      setCodeError(problemFieldErrors(problem.errors).code);
    } finally {
      setConfirming(false);
    }
  };

  return (
    <AccountCard title="Nhập mã xác nhận" onSubmit={submit}>
      <SentNotice sent={sent} />
      <ErrorAlert error={error} preferDetail isShownInline={(p) => p === 'code'} />
      <CodeField value={code} onChange={setCode} error={codeError} />
      <Button type="submit" size="lg" fullWidth loading={confirming}>
        Xác nhận và đăng nhập
      </Button>
      <ResendButton sent={sent} onResent={onResent} />
      <Anchor component="button" type="button" size="sm" onClick={onRestart}>
        Sửa số điện thoại, thư điện tử
      </Anchor>
    </AccountCard>
  );
}

/** Sign-up: phone or e-mail, name and password → a 6-digit code → the account exists and is signed in. */
export function SignUpPage() {
  const [sent, setSent] = useState(() => pendingChallenge.read(PURPOSE));
  const keep = (next: (CodeSent & { identifier: string }) | null) => {
    pendingChallenge.write(PURPOSE, next);
    setSent(next);
  };
  return sent ? (
    <Confirm
      sent={sent}
      onResent={(again) => keep({ ...again, identifier: sent.identifier })}
      onRestart={() => keep(null)}
    />
  ) : (
    <Details onSent={keep} />
  );
}
