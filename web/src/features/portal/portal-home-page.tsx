import { Button, List, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { sortVi } from '../../../../domain/shared/vi.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useApi } from '../../lib/use-api.ts';
import { listPublicTree } from './places.api.ts';

interface Entry {
  title: string;
  description: string;
  to: string;
}

const entries: Entry[] = [
  {
    title: 'Nộp hồ sơ trực tuyến',
    description: 'Tìm thủ tục, bấm «Nộp hồ sơ trực tuyến», khai và tải giấy tờ lên',
    to: '/thu-tuc',
  },
  { title: 'Hồ sơ của tôi', description: 'Tình trạng, ngày hẹn trả của hồ sơ đã nộp', to: '/cong-dan/ho-so' },
  {
    title: 'Tra cứu hồ sơ',
    description: 'Theo mã hồ sơ trên giấy tiếp nhận, không cần đăng nhập',
    to: '/tra-cuu',
  },
  {
    title: 'Phản ánh, kiến nghị',
    description: 'Về việc giải quyết hồ sơ, thái độ phục vụ, hoặc đề xuất sửa quy định',
    to: '/cong-dan/phan-anh-kien-nghi',
  },
];

function EntryCard({ entry }: { entry: Entry }) {
  return (
    <UnstyledButton
      component={Link}
      to={entry.to}
      p="md"
      mih={88}
      style={{
        border: '1px solid var(--mantine-color-gray-4)',
        borderRadius: 'var(--mantine-radius-md)',
        display: 'block',
      }}
    >
      <Text fw={700} size="lg" c="blue.8">
        {entry.title} →
      </Text>
      <Text size="sm" c="dimmed">
        {entry.description}
      </Text>
    </UnstyledButton>
  );
}

/** The portal's front page: the three things citizens come for, and where to go in person. */
export function PortalHomePage() {
  const { user } = useSession();
  const isCitizen = user?.kind === 'citizen';
  const tree = useApi('public-tree', listPublicTree);
  const centres = sortVi(
    (tree.data ?? []).filter((a) => a.kind === 'serviceCentre'),
    (a) => a.name,
  );

  return (
    <Stack gap="lg" maw={720} mx="auto" w="100%">
      <div>
        <Title order={2}>{isCitizen ? `Xin chào, ${user.fullName}` : 'Dịch vụ công trực tuyến'}</Title>
        <Text c="dimmed">Nộp hồ sơ thủ tục hành chính, theo dõi kết quả ngay trên điện thoại.</Text>
      </div>
      {!isCitizen && (
        <Paper withBorder radius="md" p="md" bg="blue.0">
          <Text size="sm" mb="sm">
            Tạo tài khoản bằng số điện thoại hoặc thư điện tử để nộp hồ sơ trực tuyến và xem hồ sơ của mình.
          </Text>
          <Button component={Link} to="/cong-dan/dang-ky" size="md" fullWidth maw={{ sm: 280 }}>
            Tạo tài khoản
          </Button>
        </Paper>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {entries.map((e) => (
          <EntryCard key={e.to} entry={e} />
        ))}
      </SimpleGrid>
      <Stack gap="xs" component="section" aria-labelledby="noi-tiep-nhan">
        <Title order={3} size="h4" id="noi-tiep-nhan">
          Nơi tiếp nhận hồ sơ trực tiếp
        </Title>
        <ErrorAlert error={tree.error} />
        <List size="sm" spacing={4}>
          {centres.map((a) => (
            <List.Item key={a.id}>{a.name}</List.Item>
          ))}
        </List>
      </Stack>
    </Stack>
  );
}
