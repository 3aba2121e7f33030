import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { DossierView } from '../../../../domain/dossier/index.ts';
import { formatDateThenTime } from '../../lib/format.ts';
import { formUrls } from './dossiers.api.ts';

/** After a receipt: the code, the appointment and why it is that date; print, open, or receive the next one. */
export function ReceiptPanel({ dossier: d, onNext }: { dossier: DossierView; onNext: () => void }) {
  const print = useRef<HTMLAnchorElement>(null);
  useEffect(() => print.current?.focus(), []);
  return (
    <Paper withBorder radius="md" p="lg" maw={760} role="region" aria-label="Kết quả tiếp nhận">
      <Stack gap="sm">
        <Alert color="green" variant="light" title="Đã tiếp nhận hồ sơ">
          <Text size="sm">{d.procedure.name}</Text>
        </Alert>
        <div>
          <Text size="sm" c="dimmed">
            Mã hồ sơ
          </Text>
          <Title order={3} ff="monospace" data-testid="dossier-code">
            {d.code}
          </Title>
        </div>
        <div>
          <Text size="sm" c="dimmed">
            Ngày hẹn trả kết quả
          </Text>
          <Text fw={700} size="xl" data-testid="due-at">
            {formatDateThenTime(d.dueAt)}
          </Text>
          <Text size="sm" c="dimmed">
            Thời hạn giải quyết: {d.procedure.limit}
          </Text>
        </div>
        {d.dueExplanation.length > 0 && (
          <div>
            <Text size="sm" fw={500}>
              Cách tính ngày hẹn trả
            </Text>
            <List size="sm" aria-label="Cách tính ngày hẹn trả">
              {d.dueExplanation.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </div>
        )}
        <Text size="sm">
          Người nộp:{' '}
          <strong>{d.applicant.kind === 'person' ? d.applicant.fullName : d.applicant.name}</strong>
          {' · '}Nơi tiếp nhận: {d.receivingAgency.name}
        </Text>
        <Group gap="sm">
          <Button ref={print} component="a" href={formUrls.receipt(d.id)} target="_blank" rel="noopener">
            In giấy tiếp nhận và hẹn trả (mẫu 01)
          </Button>
          <Button variant="default" component={Link} to={`/ho-so/${d.id}`}>
            Mở hồ sơ
          </Button>
          <Button variant="default" onClick={onNext}>
            Tiếp nhận hồ sơ khác
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
