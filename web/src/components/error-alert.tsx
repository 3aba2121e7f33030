import { Alert, List, Text } from '@mantine/core';
import type { ApiError } from '../lib/api.ts';

interface ErrorAlertProps {
  error: ApiError | undefined | null;
  /**
   * Lead with the specific sentence (`detail`) instead of the code's general title: a wrong password is better
   * told as "Tên đăng nhập hoặc mật khẩu không đúng" than as "Chưa đăng nhập".
   */
  preferDetail?: boolean;
  /** Fields whose messages the form already shows under its inputs; the alert lists only the others. */
  isShownInline?: (path: string) => boolean;
}

/** Shows a server problem the way people should read it: the Vietnamese title, the detail, each field message. */
export function ErrorAlert({ error, preferDetail = false, isShownInline }: ErrorAlertProps) {
  if (!error) return null;
  const headline = preferDetail && error.detail ? error.detail : error.title;
  const body = error.detail && error.detail !== headline ? error.detail : undefined;
  const listed = isShownInline ? error.errors.filter((e) => !isShownInline(e.path)) : error.errors;
  return (
    <Alert color="red" variant="light" title={headline} role="alert">
      {body && <Text size="sm">{body}</Text>}
      {listed.length > 0 && (
        <List size="sm" mt={4}>
          {listed.map((e) => (
            <List.Item key={`${e.path}:${e.message}`}>{e.message}</List.Item>
          ))}
        </List>
      )}
      {error.requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          Mã yêu cầu: {error.requestId}
        </Text>
      )}
    </Alert>
  );
}
