import { Alert, Button, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateThenTime } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { getMyDossier } from './dossiers.api.ts';

/** Right after submission: the code to keep, what happens next, and where to follow it. */
export function SubmittedPage() {
  const { id = '' } = useParams();
  const dossier = useApi(`my-dossier:${id}`, () => getMyDossier(id));
  const d = dossier.data;
  return (
    <Stack gap="md" maw={560} mx="auto" w="100%">
      <ErrorAlert error={dossier.error} preferDetail />
      {!d && dossier.loading && <Loader aria-label="Đang tải" />}
      {d && (
        <>
          <Alert color="green" variant="light" title="Đã nộp hồ sơ thành công">
            {d.procedure.name}
          </Alert>
          <Paper withBorder radius="md" p="lg" ta="center">
            <Text size="sm" c="dimmed">
              Mã hồ sơ của bạn
            </Text>
            <Title
              order={2}
              ff="monospace"
              size="h2"
              data-testid="submitted-code"
              style={{ wordBreak: 'break-all' }}
            >
              {d.code}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              Nộp lúc {formatDateThenTime(d.events[0]?.at ?? d.receivedAt)} tới {d.receivingAgency.name}
            </Text>
          </Paper>
          <Text size="sm">
            Bộ phận Một cửa sẽ kiểm tra hồ sơ. Khi hồ sơ được tiếp nhận, bạn nhận được ngày hẹn trả kết quả;
            nếu còn thiếu giấy tờ, bạn sẽ được báo để bổ sung. Hãy ghi lại mã hồ sơ để tra cứu.
          </Text>
          <Stack gap="sm">
            <Button component={Link} to={`/cong-dan/ho-so/${d.id}`} size="lg" fullWidth>
              Theo dõi hồ sơ
            </Button>
            <Button
              component={Link}
              to={`/tra-cuu/${encodeURIComponent(d.code)}`}
              variant="default"
              size="md"
              fullWidth
            >
              Tra cứu công khai theo mã
            </Button>
            <Button component={Link} to="/cong-dan" variant="subtle" size="md" fullWidth>
              Về trang đầu
            </Button>
          </Stack>
        </>
      )}
    </Stack>
  );
}
