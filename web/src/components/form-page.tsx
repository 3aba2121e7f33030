import { Anchor, Button, Group, Loader, Paper, Stack, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../lib/api.ts';
import { ErrorAlert } from './error-alert.tsx';

interface FormPageProps {
  /** The list the form belongs to: the link back, and where "Hủy" goes. */
  back: { to: string; label: string };
  title: string;
  /** While the record to edit is loading, and why it could not be. */
  loading?: boolean;
  loadError?: ApiError | undefined;
  onSubmit: (event: FormEvent) => void;
  submitLabel: string;
  saving: boolean;
  /** The inputs. */
  children: ReactNode;
}

/** A create or edit page of the admin: a link back to the list, the title, the form with "Hủy" and submit. */
export function FormPage(props: FormPageProps) {
  const { back, loading = false, loadError } = props;
  if (loading) return <Loader aria-label="Đang tải" />;
  if (loadError) return <ErrorAlert error={loadError} />;
  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to={back.to} size="sm">
        ← {back.label}
      </Anchor>
      <Title order={2}>{props.title}</Title>
      <Paper withBorder p="md" radius="md">
        <form onSubmit={props.onSubmit} noValidate>
          <Stack gap="sm">
            {props.children}
            <Group justify="flex-end" mt="sm">
              <Button variant="default" component={Link} to={back.to}>
                Hủy
              </Button>
              <Button type="submit" loading={props.saving}>
                {props.submitLabel}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
